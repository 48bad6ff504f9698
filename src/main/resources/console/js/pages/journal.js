// Журнал: runs and their records, filtered by flow, account, outcome; a record shows its 1C document's number.
import { get } from '../api.js';
import { setParams } from '../route.js';
import { h, clear, table, badge, fmtTime, fmtNumber, flowName, reasonName, select, field, spinner, errorBox,
  guid, FLOWS } from '../ui.js';

export async function render(root, params) {
  const accounts = await get('/accounts');
  const accountName = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
  const runsBox = h('div', { id: 'runs-box' });
  const recordsBox = h('div', { id: 'records-box' });
  const filters = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); apply(); } },
    field('Поток', select('flow', [['', 'все потоки'], ...Object.entries(FLOWS)], params.flow)),
    field('Кабинет', select('account', [['', 'все кабинеты'], ...accounts.map((a) => [a.id, a.name])], params.account)),
    field('Итог записи', select('outcome', [['', 'любой'], ['DONE', 'выполнено'], ['SKIPPED', 'пропущено'],
      ['DEAD_LETTER', 'ошибка']], params.outcome)),
    field('Номер записи (заказ, отправление)', h('input', { type: 'search', name: 'key', value: params.key, placeholder: 'например 0000012345-0001-1' })),
    h('button', { type: 'submit', class: 'primary' }, 'Найти'));
  function apply() {
    const f = Object.fromEntries(new FormData(filters));
    setParams({ ...f, run: '' });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  filters.addEventListener('change', (e) => { if (e.target.name !== 'key') apply(); });

  root.append(h('h1', {}, 'Журнал'),
    h('p', { class: 'muted' }, 'Каждый запуск потока и итог каждой записи. Выберите запуск, чтобы увидеть его записи; ' +
      'у проведённого заказа — номер и ссылка документа 1С.'),
    filters, h('h2', {}, 'Запуски'), runsBox,
    h('h2', { id: 'records-title' }, params.run ? `Записи запуска #${params.run}` : 'Последние записи'), recordsBox);

  const runs = await get('/journal', { flow: params.flow, account: params.account, limit: 200 });
  clear(runsBox, table([
    { title: '№', value: (r) => '#' + r.id },
    { title: 'Поток', value: (r) => flowName(r.marketplace + '-' + r.flow) },
    { title: 'Кабинет', value: (r) => accountName[r.accountId] || r.accountId },
    { title: 'Запуск', value: (r) => ({ schedule: 'по расписанию', manual: 'вручную', once: '--once', replay: 'повтор' }[r.triggerKind] || r.triggerKind) },
    { title: 'Начат', value: (r) => fmtTime(r.startedAt) },
    { title: 'Завершён', value: (r) => fmtTime(r.finishedAt) },
    { title: 'Итог', value: (r) => badge(r.status) },
    { title: 'Получено', value: (r) => fmtNumber(r.fetched), class: 'num' },
    { title: 'Выполнено', value: (r) => fmtNumber(r.done), class: 'num' },
    { title: 'Пропущено', value: (r) => fmtNumber(r.skipped), class: 'num' },
    { title: 'Ошибок', value: (r) => fmtNumber(r.deadLetters), class: 'num' },
    { title: 'Сообщение', value: (r) => r.message ? h('span', { class: 'clip', title: r.message }, r.message) : '' },
  ], runs, {
    emptyText: 'Запусков ещё не было. Запустите поток на странице «Обзор».', id: 'runs', limit: 200,
    onRow: (r) => { setParams({ ...params, run: r.id }); window.dispatchEvent(new HashChangeEvent('hashchange')); },
  }));
  await records(recordsBox, params, accountName);
}

async function records(box, params, accountName) {
  clear(box, spinner());
  try {
    const rows = await get('/journal/records', { runId: params.run, flow: params.flow, account: params.account,
      outcome: params.outcome, key: params.key, limit: 500 });
    clear(box, table([
      { title: 'Запуск', value: (r) => r.runId ? '#' + r.runId : 'повтор' },
      { title: 'Время', value: (r) => fmtTime(r.recordedAt) },
      { title: 'Кабинет', value: (r) => accountName[r.accountId] || r.accountId },
      { title: 'Поток', value: (r) => flowName(r.marketplace + '-' + r.flow) },
      { title: 'Запись', value: (r) => h('code', {}, r.recordKey) },
      { title: 'Итог', value: (r) => badge(r.outcome) },
      { title: 'Документ 1С', value: (r) => r.onecNumber ? h('strong', { class: 'onec-number' }, r.onecNumber) : '—' },
      { title: 'Ссылка 1С', value: (r) => guid(r.onecRef) },
      { title: 'Причина / сообщение', value: (r) => (r.reason || r.message)
        ? h('span', { class: 'clip', title: r.message || '' }, [reasonName(r.reason), r.message].filter(Boolean).join(': ')) : '' },
    ], rows, { emptyText: 'Записей нет по этому фильтру.', id: 'records', limit: 500 }));
  } catch (e) {
    clear(box, errorBox(e));
  }
}
