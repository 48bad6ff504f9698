// Suggestions and the unmapped inbox (the catalog API, docs/admin-api.md).
import { h, empty } from '../ui.js';

export async function suggestions(body) {
  body.append(empty('Предложения появятся после загрузки каталога.'));
}

export async function unmapped(body) {
  body.append(empty('Несопоставленных товаров нет.'));
}
