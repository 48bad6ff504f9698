// Предпросмотр: what the stock and price exports would send now (a dry run: nothing is sent).
import { get, download } from '../api.js';
import { setParams } from '../route.js';
import { h, clear, table, fmtNumber, select, field, spinner, errorBox, busy, toast } from '../ui.js';

export async function render(root, params) {
  const kind = params.kind === 'prices' ? 'prices' : 'stocks';
  const accounts = await get('/accounts');
  const accountName = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
  const box = h('div', { id: 'preview-box' });
  const filters = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); load(); } },
    field('Что', select('kind', [['stocks', 'Остатки'], ['prices', 'Цены']], kind)),
    field('Кабинет', select('account', [['', 'все кабинеты'], ...accounts.filter((a) => a.enabled).map((a) => [a.id, a.name])], params.account)),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'changedOnly', checked: params.changedOnly === 'true' }), 'только изменения'),
    field('Товар', h('input', { type: 'search', name: 'search', value: params.search, placeholder: 'артикул / ключ' })),
    h('button', { type: 'submit', class: 'primary', id: 'preview-run' }, 'Рассчитать'),
    h('button', { type: 'button', id: 'preview-csv', onclick: (e) => busy(e.target, csv) }, 'Скачать CSV'));
  filters.addEventListener('change', (e) => { if (e.target.name !== 'search') load(); });

  function current() {
    const f = new FormData(filters);
    return { kind: f.get('kind'), account: f.get('account'), changedOnly: f.get('changedOnly') ? 'true' : '', search: f.get('search') };
  }
  async function csv() {
    const c = current();
    try {
      await download('/preview/' + c.kind, { account: c.account, changedOnly: c.changedOnly, format: 'csv' },
        (c.kind === 'prices' ? 'prices' : 'stocks') + '-preview.csv');
    } catch (e) {
      toast('CSV не получен: ' + e.message, 'error');
    }
  }
  async function load() {
    const c = current();
    setParams(c);
    clear(box, spinner('Считаем по данным 1С… (ничего не отправляется)'));
    try {
      const lines = await get('/preview/' + c.kind, { account: c.account, changedOnly: c.changedOnly });
      const q = (c.search || '').trim().toLowerCase();
      const shown = q ? lines.filter((l) => (l.productKey || '').toLowerCase().includes(q)) : lines;
      const changed = lines.filter((l) => l.previous === null || l.previous === undefined
        || String(l.previous) !== String(c.kind === 'prices' ? priceValue(l) : l.value)).length;
      clear(box,
        h('p', { class: 'summary' }, `Строк: ${fmtNumber(lines.length)}, из них изменится: ${fmtNumber(changed)}.`),
        c.kind === 'prices' ? prices(shown, accountName) : stocks(shown, accountName));
    } catch (e) {
      clear(box, errorBox(e, load));
    }
  }

  root.append(h('h1', {}, 'Предпросмотр выгрузки'),
    h('p', { class: 'muted' }, 'Что выгрузка остатков или цен отправила бы сейчас: расчёт по данным 1С, правилам и ' +
      'сопоставлениям. В маркетплейсы ничего не отправляется.'),
    filters, box);
  await load();
}

function plain(v) {
  return v === null || v === undefined ? '' : String(Number(v));
}

function priceValue(l) {
  return plain(l.price) + '/' + plain(l.oldPrice) + '/' + plain(l.minPrice);
}

function changedMark(changed) {
  return changed ? h('span', { class: 'badge warn' }, 'изменится') : h('span', { class: 'badge muted' }, 'без изменений');
}

function stocks(lines, accountName) {
  return table([
    { title: 'Кабинет', value: (l) => accountName[l.accountId] || l.accountId },
    { title: 'Склад маркетплейса', value: (l) => h('code', {}, l.warehouseKey) },
    { title: 'Товар', value: (l) => h('code', {}, l.productKey) },
    { title: 'Свободно в 1С', value: (l) => fmtNumber(Number(l.onecFree)), class: 'num' },
    { title: 'Правило', value: (l) => l.rule },
    { title: 'Отправим', value: (l) => h('strong', {}, fmtNumber(l.value)), class: 'num' },
    { title: 'Было', value: (l) => l.previous === null ? h('span', { class: 'muted' }, 'не отправляли') : fmtNumber(l.previous), class: 'num' },
    { title: '', value: (l) => changedMark(l.previous === null || l.previous !== l.value) },
  ], lines, { emptyText: 'Нечего выгружать: нет сопоставленных товаров или всё без изменений.', id: 'preview-table', limit: 1000 });
}

function prices(lines, accountName) {
  const money = (v) => v === null || v === undefined ? '—' : Number(v).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return table([
    { title: 'Кабинет', value: (l) => accountName[l.accountId] || l.accountId },
    { title: 'Товар', value: (l) => h('code', {}, l.productKey) },
    { title: 'Цена', value: (l) => h('strong', {}, money(l.price)), class: 'num' },
    { title: 'Старая цена', value: (l) => money(l.oldPrice), class: 'num' },
    { title: 'Мин. цена', value: (l) => money(l.minPrice), class: 'num' },
    { title: 'Было', value: (l) => l.previous === null ? h('span', { class: 'muted' }, 'не отправляли') : h('code', {}, l.previous) },
    { title: '', value: (l) => changedMark(l.previous === null || l.previous !== priceValue(l)) },
  ], lines, { emptyText: 'Нечего выгружать: нет цен или сопоставлений для этих кабинетов.', id: 'preview-table', limit: 1000 });
}
