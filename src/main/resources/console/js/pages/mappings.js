// Сопоставления: products, warehouses (and services when that table exists), the accounts' 1C references;
// search, edit, CSV import (all or nothing, rejected rows by line) and export; suggestions and the unmapped inbox.
import { api, get, download, ApiError } from '../api.js';
import { setParams } from '../route.js';
import { h, clear, table, fmtTime, fmtNumber, marketplaceName, select, field, toast, dialog, busy, spinner, errorBox,
  guid, empty, MARKETPLACES } from '../ui.js';
import * as catalog from './catalog.js';

const KINDS = {
  products: { title: 'Товары', key: 'Ключ товара маркетплейса', keyHint: 'Ozon offer_id, WB chrtID/nmID, Маркет offerId', characteristic: true },
  warehouses: { title: 'Склады', key: 'Склад маркетплейса (id)', keyHint: 'id склада Ozon/WB, кампания Маркета', characteristic: false },
  services: { title: 'Услуги', key: 'Услуга маркетплейса', keyHint: 'код услуги в отчёте', characteristic: false },
};

export async function render(root, params) {
  const [accounts, kinds] = await Promise.all([get('/accounts'), get('/mapping-kinds')]);
  const tabs = Object.keys(KINDS).filter((k) => kinds.includes(k)).map((k) => [k, KINDS[k].title]);
  tabs.push(['suggestions', 'Предложения'], ['unmapped', 'Несопоставленные'], ['accounts', 'Кабинеты (1С)']);
  const tab = tabs.some(([t]) => t === params.tab) ? params.tab : tabs[0][0];
  const body = h('div', { class: 'tab-body' });
  root.append(h('h1', {}, 'Сопоставления'),
    h('nav', { class: 'tabs' }, tabs.map(([t, title]) => h('a', {
      href: `#/mappings?tab=${t}`, class: t === tab ? 'active' : null, dataset: { tab: t },
    }, title))),
    body);
  if (tab === 'accounts') body.append(accountsTab(accounts));
  else if (tab === 'suggestions') await catalog.suggestions(body, params, accounts);
  else if (tab === 'unmapped') {
    await catalog.unmapped(body, params, accounts, (prefill, reload) => edit('products', prefill, accounts, reload, true));
  }
  else await mappingTab(body, tab, params, accounts);
}

async function mappingTab(body, kind, params, accounts) {
  const spec = KINDS[kind];
  const accountName = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
  const list = h('div', { id: 'mapping-list' });
  const report = h('div', { id: 'import-report' });
  const filters = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); load(); } },
    field('Поиск', h('input', { type: 'search', name: 'search', value: params.search, placeholder: 'ключ или наименование' })),
    field('Маркетплейс', select('marketplace', [['', 'все'], ...Object.entries(MARKETPLACES)], params.marketplace)),
    field('Кабинет', select('account', [['', 'все'], ...accounts.map((a) => [a.id, a.name])], params.account)),
    h('button', { type: 'submit', class: 'primary' }, 'Найти'));
  filters.addEventListener('change', (e) => { if (e.target.name !== 'search') load(); });

  const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'csv-file', class: 'file' });
  const importButton = h('button', { type: 'button', id: 'csv-import' }, 'Импорт CSV');
  importButton.addEventListener('click', () => busy(importButton, () => importCsv(kind, file, report, load)));
  const exportButton = h('button', { type: 'button', id: 'csv-export' }, 'Экспорт CSV');
  exportButton.addEventListener('click', () => busy(exportButton, async () => {
    try {
      await download(`/mappings/${kind}/export`, { marketplace: new FormData(filters).get('marketplace') }, kind + '.csv');
    } catch (e) {
      toast('Экспорт не удался: ' + e.message, 'error');
    }
  }));

  body.append(
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'primary', id: 'mapping-add', onclick: () => edit(kind, null, accounts, load) }, 'Добавить'),
      h('span', { class: 'sep' }),
      field('Файл CSV (разделитель ; или ,)', file), importButton, exportButton),
    report, filters, list);

  async function load() {
    const f = Object.fromEntries(new FormData(filters));
    setParams({ tab: kind, ...f });
    clear(list, spinner());
    try {
      const rows = await get('/mappings/' + kind, { ...f, limit: 1000 });
      clear(list, table([
        { title: 'Маркетплейс', value: (r) => marketplaceName(r.marketplace) },
        { title: 'Кабинет', value: (r) => r.accountId ? (accountName[r.accountId] || r.accountId) : h('span', { class: 'muted' }, 'все кабинеты') },
        { title: spec.key, value: (r) => h('code', {}, r.key) },
        { title: 'Наименование', value: (r) => r.name },
        { title: 'Ссылка 1С', value: (r) => guid(r.ref) },
        spec.characteristic ? { title: 'Характеристика', value: (r) => guid(r.characteristicRef) } : null,
        { title: 'Примечание', value: (r) => r.note },
        { title: '', value: (r) => h('span', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', onclick: (e) => { e.stopPropagation(); edit(kind, r, accounts, load); } }, 'Изменить'),
          h('button', { type: 'button', class: 'small danger', onclick: (e) => { e.stopPropagation(); remove(kind, r, load); } }, 'Удалить')) },
      ].filter(Boolean), rows, { emptyText: f.search ? 'Ничего не найдено.' : 'Сопоставлений пока нет: добавьте строку или загрузите CSV.', id: 'mappings', limit: 1000 }));
    } catch (e) {
      clear(list, errorBox(e, load));
    }
  }
  await load();
}

async function importCsv(kind, file, report, reload) {
  const chosen = file.files && file.files[0];
  if (!chosen) {
    clear(report, h('div', { class: 'message error' }, 'Выберите файл CSV.'));
    return;
  }
  clear(report, spinner('Загружаем ' + chosen.name + '…'));
  const text = await chosen.text();
  try {
    const r = await api('POST', `/mappings/${kind}/import`, text, 'text/csv; charset=utf-8');
    clear(report, h('div', { class: 'message ok', id: 'import-ok' }, `Импортировано строк: ${r.imported}.`));
    file.value = '';
    await reload();
  } catch (e) {
    if (e instanceof ApiError && e.status === 422 && e.body && e.body.rejected) {
      clear(report, h('div', { class: 'message error', id: 'import-rejected' },
        h('strong', {}, `Файл не загружен: ничего не импортировано. Строк с ошибками: ${e.body.rejected.length}.`),
        ' Исправьте их и загрузите файл снова.',
        table([
          { title: 'Строка файла', value: (r) => String(r.line), class: 'num' },
          { title: 'Ошибка', value: (r) => r.error },
        ], e.body.rejected, { id: 'rejected-rows' })));
    } else {
      clear(report, h('div', { class: 'message error' }, 'Импорт не удался: ' + e.message));
    }
  }
}

/**
 * Add (row null, or prefilled with fresh = true) or change a mapping; saving replays the dead letters that waited
 * for it.
 */
function edit(kind, given, accounts, reload, fresh = false) {
  const spec = KINDS[kind];
  const row = fresh ? null : given;
  const init = given || {};
  const form = h('form', { class: 'edit', id: 'mapping-form' },
    field('Маркетплейс', select('marketplace', Object.entries(MARKETPLACES), init.marketplace || 'ozon', { required: true, disabled: !!row })),
    field('Кабинет', select('account', [['', 'все кабинеты маркетплейса'], ...accounts.map((a) => [a.id, a.name])], init.accountId || '', { disabled: !!row })),
    field(spec.key, h('input', { name: 'key', required: true, value: init.key || '', placeholder: spec.keyHint, readonly: !!row })),
    field('Ссылка 1С (GUID)', h('input', { name: 'ref', required: true, value: init.ref || '', pattern: '[0-9a-fA-F\\-]{36}', placeholder: '00000000-0000-0000-0000-000000000000' })),
    spec.characteristic ? field('Характеристика 1С (GUID, если есть)', h('input', { name: 'characteristicRef', value: init.characteristicRef || '', pattern: '[0-9a-fA-F\\-]{36}' })) : null,
    field('Наименование', h('input', { name: 'name', value: init.name || '' })),
    field('Примечание', h('input', { name: 'note', value: init.note || '' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Сохранить')),
    h('div', { class: 'form-result' }));
  const d = dialog(row ? 'Изменить сопоставление' : 'Новое сопоставление', form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    const body = { ...f, marketplace: row ? row.marketplace : f.marketplace, account: row ? row.accountId : f.account,
      key: row ? row.key : f.key };
    const result = form.querySelector('.form-result');
    try {
      const r = await api('PUT', '/mappings/' + kind, body);
      const done = (r.replayed || []).filter((x) => x.outcome === 'DONE').length;
      toast(`Сохранено.` + (r.replayed && r.replayed.length ? ` Повторено ошибок: ${r.replayed.length}, проведено: ${done}.` : ''));
      d.close();
      reload();
    } catch (err) {
      clear(result, h('div', { class: 'message error' }, err.message));
    }
  });
}

async function remove(kind, row, reload) {
  if (!window.confirm(`Удалить сопоставление ${row.key}?`)) return;
  try {
    await api('DELETE', `/mappings/${kind}?` + new URLSearchParams({ marketplace: row.marketplace, key: row.key, account: row.accountId || '' }));
    toast('Удалено.');
    reload();
  } catch (e) {
    toast('Не удалено: ' + e.message, 'error');
  }
}

function accountsTab(accounts) {
  const ref = (k) => ({ title: { organization: 'Организация', counterparty: 'Контрагент', contract: 'Договор', partner: 'Партнёр', agreement: 'Соглашение', warehouse: 'Склад по умолчанию' }[k], value: (a) => guid(a.onec && a.onec[k]) });
  return h('div', {},
    h('p', { class: 'muted' }, 'Кабинеты и объекты 1С, на которые ссылается каждый документ кабинета. Только чтение: ' +
      'меняются в config/accounts.yaml (затем перезапуск). Ключи доступа не показываются — только задан ли каждый.'),
    table([
      { title: 'Кабинет', value: (a) => h('span', {}, a.name, h('br'), h('code', { class: 'muted' }, a.id)) },
      { title: 'Маркетплейс', value: (a) => marketplaceName(a.marketplace) },
      { title: 'Включён', value: (a) => a.enabled ? 'да' : 'нет' },
      { title: 'Начало работы', value: (a) => a.goLiveDate },
      ref('organization'), ref('counterparty'), ref('contract'), ref('partner'), ref('agreement'), ref('warehouse'),
      { title: 'Ключи', value: (a) => h('span', {}, Object.entries(a.credentialsSet || {}).map(([n, set]) =>
        h('span', { class: 'badge ' + (set ? 'ok' : 'bad') }, n + (set ? ' задан' : ' не задан')))) },
    ], accounts, { emptyText: 'Кабинетов нет: добавьте их в config/accounts.yaml.', id: 'account-refs' }));
}
