// Обзор: flows and their schedules, accounts with each flow's last run, what is failing now.
import { api, get } from '../api.js';
import { h, table, badge, fmtTime, fmtNumber, flowName, reasonName, marketplaceName, busy, toast, FLOWS } from '../ui.js';

export async function render(root) {
  const data = await get('/overview');
  const failingRuns = data.lastRuns.filter((r) => r.status === 'FAILED' || r.status === 'INCOMPLETE');
  const openLetters = data.openDeadLetters.reduce((sum, g) => sum + g.count, 0);
  const accountName = Object.fromEntries(data.accounts.map((a) => [a.id, a.name]));

  root.append(
    h('h1', {}, 'Обзор'),
    tokenWarnings(data.tokenWarnings || [], accountName),
    h('div', { class: 'cards' },
      card('База данных', badge(data.database), data.database === 'UP' ? 'работает' : 'недоступна'),
      card('Открытые ошибки', h('a', { href: '#/dead-letters', id: 'open-dead-letters' }, fmtNumber(openLetters)),
        openLetters ? 'ждут разбора' : 'нет'),
      card('Кабинеты', fmtNumber(data.accounts.filter((a) => a.enabled).length), 'включено из ' + data.accounts.length),
      card('Потоки', fmtNumber(data.flows.length), data.flows.some((f) => f.scheduled) ? 'по расписанию' : 'только вручную')),
    h('h2', {}, 'Что не работает сейчас'),
    failing(failingRuns, data.openDeadLetters, accountName),
    h('h2', {}, 'Потоки и расписание'),
    table([
      { title: 'Поток', value: (f) => flowName(f.flow) },
      { title: 'Маршрут', value: (f) => h('code', {}, f.flow) },
      { title: 'Расписание (cron)', value: (f) => f.cron ? h('code', {}, f.cron) : '—' },
      { title: 'Следующий запуск', value: (f) => f.scheduled ? fmtTime(f.nextRun) : h('span', { class: 'muted' }, 'расписание выключено') },
      { title: '', value: (f) => runButton(f.flow) },
    ], data.flows, { emptyText: 'Потоков нет: проверьте папку routes/.', id: 'flows' }),
    h('h2', {}, 'Кабинеты и последние запуски'),
    accounts(data),
  );
}

// Wildberries tokens live 180 days: a line per token that expires within two weeks (or has expired)
function tokenWarnings(warnings, accountName) {
  if (warnings.length === 0) return null;
  return h('div', { class: 'message warn', id: 'token-warnings' }, warnings.map((w) => h('div', {},
    w.daysLeft > 0
      ? `Токен ${marketplaceName(w.marketplace)} кабинета «${accountName[w.accountId] || w.accountId}» истекает через ${w.daysLeft} дн. (${fmtTime(w.expires)}): выпустите новый в личном кабинете продавца.`
      : `Токен ${marketplaceName(w.marketplace)} кабинета «${accountName[w.accountId] || w.accountId}» истёк ${fmtTime(w.expires)}: выпустите новый в личном кабинете продавца.`)));
}

function card(title, value, note) {
  return h('div', { class: 'card' }, h('div', { class: 'card-title' }, title), h('div', { class: 'card-value' }, value),
    h('div', { class: 'muted' }, note));
}

function failing(runs, groups, accountName) {
  if (runs.length === 0 && groups.length === 0) {
    return h('div', { class: 'message ok', id: 'failing' }, 'Всё в порядке: последние запуски прошли, открытых ошибок нет.');
  }
  return h('div', { id: 'failing' },
    runs.length ? h('ul', { class: 'problems' }, runs.map((r) => h('li', {},
      badge(r.status), ' ', flowName(r.marketplace + '-' + r.flow), ', ', accountName[r.accountId] || r.accountId,
      ' — ', fmtTime(r.startedAt), r.message ? ': ' + r.message : '',
      ' ', h('a', { href: `#/journal?flow=${r.flow}&account=${r.accountId}` }, 'журнал')))) : null,
    groups.length ? h('ul', { class: 'problems' }, groups.map((g) => h('li', {},
      h('strong', {}, fmtNumber(g.count)), ' — ', reasonName(g.reason), ' (', marketplaceName(g.marketplace), ', ',
      FLOWS[g.flow] || g.flow, ') ',
      h('a', { href: `#/dead-letters?reason=${g.reason}&flow=${g.flow}` }, 'разобрать')))) : null);
}

function runButton(flow) {
  const b = h('button', { type: 'button', class: 'small' }, 'Запустить сейчас');
  b.addEventListener('click', () => busy(b, async () => {
    b.textContent = 'Идёт запуск…';
    try {
      const runs = await api('POST', '/flows/' + encodeURIComponent(flow) + '/run');
      const sum = (k) => runs.reduce((s, r) => s + (r[k] || 0), 0);
      toast(`${flowName(flow)}: получено ${sum('fetched')}, выполнено ${sum('done')}, пропущено ${sum('skipped')}, ошибок ${sum('deadLetters')}`,
        sum('deadLetters') ? 'warn' : 'ok');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      toast('Запуск не удался: ' + e.message, 'error');
    }
  }));
  return b;
}

function accounts(data) {
  const rows = [];
  for (const account of data.accounts) {
    const flows = data.flows.filter((f) => f.flow.startsWith(account.marketplace + '-'));
    if (flows.length === 0) rows.push({ account, flow: null, run: null });
    for (const f of flows) {
      const run = data.lastRuns.find((r) => r.accountId === account.id && r.marketplace + '-' + r.flow === f.flow);
      rows.push({ account, flow: f.flow, run });
    }
  }
  return table([
    { title: 'Кабинет', value: (r) => h('span', {}, r.account.name, h('br'), h('code', { class: 'muted' }, r.account.id)) },
    { title: 'Статус кабинета', value: (r) => r.account.enabled ? 'включён' : h('span', { class: 'muted' }, 'выключен') },
    { title: 'Поток', value: (r) => r.flow ? flowName(r.flow) : '—' },
    { title: 'Последний запуск', value: (r) => r.run ? fmtTime(r.run.startedAt) : h('span', { class: 'muted' }, 'ещё не запускался') },
    { title: 'Итог', value: (r) => r.run ? badge(r.run.status) : '' },
    { title: 'Получено', value: (r) => r.run ? fmtNumber(r.run.fetched) : '', class: 'num' },
    { title: 'Выполнено', value: (r) => r.run ? fmtNumber(r.run.done) : '', class: 'num' },
    { title: 'Пропущено', value: (r) => r.run ? fmtNumber(r.run.skipped) : '', class: 'num' },
    { title: 'Ошибок', value: (r) => r.run ? (r.run.deadLetters ? h('a', { href: `#/dead-letters?account=${r.account.id}` }, fmtNumber(r.run.deadLetters)) : '0') : '', class: 'num' },
    { title: 'Сообщение', value: (r) => r.run && r.run.message ? h('span', { class: 'clip', title: r.run.message }, r.run.message) : '' },
  ], rows, { emptyText: 'Кабинетов нет: добавьте их в config/accounts.yaml.', id: 'accounts' });
}
