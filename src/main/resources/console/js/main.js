// The console's shell: login with the admin token, navigation between pages (#/page?filters).
import { api, token, ApiError } from './api.js';
import { clear, errorBox, spinner, loadMarketplaces } from './ui.js';
import { route } from './route.js';
import * as overview from './pages/overview.js';
import * as mappings from './pages/mappings.js';
import * as deadLetters from './pages/dead-letters.js';
import * as journal from './pages/journal.js';
import * as preview from './pages/preview.js';

const PAGES = {
  'overview': { title: 'Обзор', module: overview },
  'mappings': { title: 'Сопоставления', module: mappings },
  'dead-letters': { title: 'Ошибки', module: deadLetters },
  'journal': { title: 'Журнал', module: journal },
  'preview': { title: 'Предпросмотр', module: preview },
};

const loginSection = document.getElementById('login');
const pageSection = document.getElementById('page');
const nav = document.getElementById('nav');
const logout = document.getElementById('logout');
const loginMessage = document.getElementById('login-message');

function showLogin(message) {
  nav.hidden = true;
  logout.hidden = true;
  pageSection.hidden = true;
  clear(pageSection);
  loginSection.hidden = false;
  loginMessage.hidden = !message;
  loginMessage.textContent = message || '';
  document.title = 'Вход — marketplace-1c';
  document.getElementById('token').focus();
}

let rendering = 0;
async function render() {
  if (!token.get()) {
    showLogin();
    return;
  }
  loginSection.hidden = true;
  nav.hidden = false;
  logout.hidden = false;
  pageSection.hidden = false;
  const { name, params } = route();
  const page = PAGES[name];
  document.title = page.title + ' — marketplace-1c';
  nav.querySelectorAll('a').forEach((a) => a.classList.toggle('active', a.dataset.page === name));
  document.querySelectorAll('dialog').forEach((d) => d.close());
  const mine = ++rendering;
  clear(pageSection, spinner());
  const root = document.createElement('div');
  root.className = 'page page-' + name;
  try {
    await loadMarketplaces();
    await page.module.render(root, params);
    if (mine === rendering) clear(pageSection, root);
  } catch (e) {
    if (mine !== rendering || (e instanceof ApiError && e.status === 401)) return;
    console.warn('page failed', e);
    clear(pageSection, errorBox(e, render));
  }
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('token');
  const button = event.submitter || event.target.querySelector('button');
  button.disabled = true;
  loginMessage.hidden = true;
  token.set(input.value.trim());
  try {
    await api('GET', '/health');
    input.value = '';
    if (!location.hash) location.hash = '#/overview';
    render();
  } catch (e) {
    token.clear();
    showLogin(e instanceof ApiError && e.status === 401
      ? 'Токен не подошёл: сервер ответил 401, данные не показаны. Проверьте MP1C_ADMIN_TOKEN.'
      : 'Не удалось проверить токен: ' + e.message);
  } finally {
    button.disabled = false;
  }
});

logout.addEventListener('click', () => {
  token.clear();
  showLogin('Вы вышли. Токен удалён из этой вкладки.');
});

window.addEventListener('mp1c:unauthorized', () => showLogin('Токен больше не подходит (ответ 401). Войдите снова.'));
window.addEventListener('hashchange', render);
render();
