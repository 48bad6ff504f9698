// Ошибки: dead letters grouped by reason, a filter, details with the record and the error, replay or discard
// one or a whole group (one call per letter, so the progress is real and the work can be stopped).
import { api, get } from '../api.js';
import { setParams } from '../route.js';
import { h, clear, table, badge, fmtTime, fmtNumber, flowName, reasonName, marketplaceName, select, field, toast,
  dialog, progress, busy, spinner, errorBox, pretty, REASONS, FLOWS } from '../ui.js';

export async function render(root, params) {
  const status = params.status || 'new';
  const [groups, accounts] = await Promise.all([
    get('/dead-letter-groups', { status: status === 'all' ? 'all' : status, account: params.account }),
    get('/accounts'),
  ]);
  const list = h('div', { id: 'dead-letter-list' });
  const filters = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    field('Статус', select('status', [['new', 'новые'], ['replayed', 'повторённые'], ['resolved', 'решённые'],
      ['discarded', 'отклонённые'], ['all', 'все']], status)),
    field('Причина', select('reason', [['', 'все причины'], ...Object.entries(REASONS)], params.reason)),
    field('Поток', select('flow', [['', 'все потоки'], ...Object.entries(FLOWS)], params.flow)),
    field('Кабинет', select('account', [['', 'все кабинеты'], ...accounts.map((a) => [a.id, a.name])], params.account)),
    field('С даты', h('input', { type: 'date', name: 'from', value: params.from })),
    field('По дату', h('input', { type: 'date', name: 'to', value: params.to })));
  filters.addEventListener('change', () => {
    const f = Object.fromEntries(new FormData(filters));
    setParams(f);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

  root.append(h('h1', {}, 'Ошибки (dead letters)'),
    h('p', { class: 'muted' }, 'Записи, которые не удалось провести. Исправьте причину (сопоставление, настройку) и повторите: ' +
      'запись пройдёт весь поток заново. Отклонить можно только с комментарием.'),
    filters,
    h('h2', {}, 'По причинам'),
    groupCards(groups, params, status),
    h('h2', {}, 'Записи'),
    list);
  await loadList(list, params, status, accounts);
}

function groupCards(groups, params, status) {
  const shown = groups.filter((g) => (!params.flow || g.flow === params.flow) && (!params.reason || g.reason === params.reason));
  if (shown.length === 0) {
    return h('div', { class: 'message ok', id: 'groups' }, status === 'new'
      ? 'Новых ошибок нет — всё проведено.' : 'Ничего не найдено по этому фильтру.');
  }
  return h('div', { class: 'groups', id: 'groups' }, shown.map((g) => h('div', { class: 'group', dataset: { reason: g.reason } },
    h('div', { class: 'group-count' }, fmtNumber(g.count)),
    h('div', {}, h('strong', {}, reasonName(g.reason)), h('br'),
      h('code', { class: 'muted' }, g.reason), ' · ', marketplaceName(g.marketplace), ' · ', FLOWS[g.flow] || g.flow,
      h('br'), h('span', { class: 'muted' }, 'с ', fmtTime(g.oldest), ' по ', fmtTime(g.latest))),
    h('div', { class: 'group-actions' },
      h('a', { class: 'button small', href: `#/dead-letters?status=${status}&reason=${g.reason}&flow=${g.flow}${params.account ? '&account=' + params.account : ''}` }, 'Показать'),
      status === 'new' ? bulkButton('Повторить все', g, params, 'replay') : null,
      status === 'new' ? bulkButton('Отклонить все', g, params, 'discard') : null))));
}

async function loadList(list, params, status, accounts) {
  clear(list, spinner());
  try {
    const letters = await get('/dead-letters', { status: status === 'all' ? '' : status, reason: params.reason,
      flow: params.flow, account: params.account, from: params.from, to: params.to, limit: 1000 });
    const accountName = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
    clear(list, table([
      { title: '№', value: (d) => '#' + d.id },
      { title: 'Создана', value: (d) => fmtTime(d.createdAt) },
      { title: 'Кабинет', value: (d) => accountName[d.accountId] || d.accountId },
      { title: 'Поток', value: (d) => flowName(d.marketplace + '-' + d.flow) },
      { title: 'Запись', value: (d) => h('code', {}, d.recordKey) },
      { title: 'Причина', value: (d) => reasonName(d.reason) },
      { title: 'Ошибка', value: (d) => h('span', { class: 'clip', title: d.message }, d.message) },
      { title: 'Попыток', value: (d) => d.attempts, class: 'num' },
      { title: 'Статус', value: (d) => badge(d.status) },
    ], letters.slice().reverse(), {
      emptyText: 'Записей нет.', onRow: (d) => details(d.id), limit: 300, id: 'dead-letters',
    }));
  } catch (e) {
    clear(list, errorBox(e, () => loadList(list, params, status, accounts)));
  }
}

const refresh = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

async function details(id) {
  const body = h('div', {}, spinner());
  const d = dialog('Ошибка #' + id, body);
  d.classList.add('wide');
  try {
    const letter = await get('/dead-letters/' + id);
    const note = h('input', { type: 'text', name: 'note', placeholder: 'Почему отклоняем (обязательно)' });
    const result = h('div', { id: 'letter-result' });
    const replay = h('button', { type: 'button', class: 'primary', id: 'replay-one' }, 'Повторить');
    const discard = h('button', { type: 'button', class: 'danger' }, 'Отклонить');
    replay.addEventListener('click', () => busy(replay, async () => {
      try {
        const r = await api('POST', `/dead-letters/${id}/replay`);
        clear(result, outcome(r));
        toast(`#${id}: ${r.outcome === 'DONE' ? 'проведена' : 'снова ошибка — ' + reasonName(r.reason)}`, r.outcome === 'DONE' ? 'ok' : 'warn');
        refresh();
      } catch (e) {
        clear(result, h('div', { class: 'message error' }, e.message));
      }
    }));
    discard.addEventListener('click', () => busy(discard, async () => {
      if (!note.value.trim()) {
        clear(result, h('div', { class: 'message error' }, 'Напишите, почему запись отклоняется.'));
        note.focus();
        return;
      }
      try {
        await api('POST', `/dead-letters/${id}/discard`, { note: note.value.trim() });
        toast(`#${id} отклонена`);
        d.close();
        refresh();
      } catch (e) {
        clear(result, h('div', { class: 'message error' }, e.message));
      }
    }));
    clear(body,
      h('dl', { class: 'props' },
        prop('Статус', badge(letter.status)),
        prop('Причина', h('span', {}, reasonName(letter.reason), ' ', h('code', { class: 'muted' }, letter.reason))),
        prop('Поток', flowName(letter.marketplace + '-' + letter.flow)),
        prop('Кабинет', letter.accountId),
        prop('Запись', h('span', {}, h('code', {}, letter.recordKey), ' ',
          h('a', { href: `#/journal?key=${encodeURIComponent(letter.recordKey)}` }, 'в журнале'))),
        productKeys(letter).length ? prop('Товары без сопоставления', h('span', {}, productKeys(letter).map((k) => [
          h('code', {}, k), ' ', h('a', { href: `#/mappings?tab=suggestions&account=${encodeURIComponent(letter.accountId)}&search=${encodeURIComponent(k)}`, class: 'to-suggestions' }, 'предложения'),
          ' · ', h('a', { href: `#/mappings?tab=products&marketplace=${letter.marketplace}` }, 'сопоставить вручную'), h('br')]))) : null,
        prop('Создана', fmtTime(letter.createdAt)),
        prop('Изменена', fmtTime(letter.updatedAt)),
        prop('Попыток', letter.attempts),
        letter.actor ? prop('Кто', letter.actor) : null,
        letter.note ? prop('Комментарий', letter.note) : null),
      h('h3', {}, 'Ошибка'),
      h('pre', { class: 'error-text' }, letter.message || '—'),
      h('h3', {}, 'Запись, как её прислал маркетплейс'),
      h('pre', { class: 'payload' }, pretty(letter.payload) || '—'),
      letter.status === 'new' ? h('div', { class: 'actions' }, replay, note, discard) : null,
      result);
  } catch (e) {
    clear(body, errorBox(e));
  }
}

/** The dead letter keeps its unmapped products as ",KEY1,KEY2,". */
function productKeys(letter) {
  return (letter.productKeys || '').split(',').map((k) => k.trim()).filter(Boolean);
}

function prop(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}

function outcome(r) {
  return r.outcome === 'DONE'
    ? h('div', { class: 'message ok' }, 'Проведена' + (r.message ? ': ' + r.message : '.'))
    : h('div', { class: 'message error' }, 'Снова не прошла: ' + reasonName(r.reason) + (r.message ? ' — ' + r.message : ''));
}

/** Replays or discards every new letter of a group, one by one, with a progress bar and a stop button. */
function bulkButton(label, group, params, action) {
  const b = h('button', { type: 'button', class: 'small' + (action === 'discard' ? ' danger' : ''), dataset: { action } }, label);
  b.addEventListener('click', async () => {
    const filter = { status: 'new', reason: group.reason, flow: group.flow, account: params.account, limit: 100000 };
    const bar = progress(action === 'replay' ? 'Повтор' : 'Отклонение');
    bar.id = 'bulk-progress';
    const note = h('input', { type: 'text', placeholder: 'Почему отклоняем (обязательно)' });
    const start = h('button', { type: 'button', id: 'bulk-start', class: action === 'replay' ? 'primary' : 'danger' },
      action === 'replay' ? 'Повторить' : 'Отклонить');
    const stop = h('button', { type: 'button', hidden: true }, 'Остановить');
    const summary = h('div', { class: 'bulk-summary', id: 'bulk-summary' });
    const d = dialog(`${label}: ${reasonName(group.reason)} (${fmtNumber(group.count)})`,
      h('p', {}, action === 'replay'
        ? 'Каждая запись пройдёт поток заново; проведённые исчезнут из новых ошибок.'
        : 'Записи будут помечены как отклонённые и больше не повторятся.'),
      action === 'discard' ? field('Комментарий', note) : null,
      h('div', { class: 'actions' }, start, stop), bar, summary);
    let stopped = false;
    stop.addEventListener('click', () => { stopped = true; });
    start.addEventListener('click', async () => {
      if (action === 'discard' && !note.value.trim()) {
        clear(summary, h('div', { class: 'message error' }, 'Напишите, почему записи отклоняются.'));
        return;
      }
      start.disabled = true;
      stop.hidden = false;
      let letters;
      try {
        letters = await get('/dead-letters', filter);
      } catch (e) {
        clear(summary, h('div', { class: 'message error' }, e.message));
        return;
      }
      let ok = 0; let failed = 0; let errors = 0;
      bar.update(0, letters.length);
      for (let i = 0; i < letters.length && !stopped; i++) {
        try {
          if (action === 'replay') {
            const r = await api('POST', `/dead-letters/${letters[i].id}/replay`);
            if (r.outcome === 'DONE' || r.outcome === 'SKIPPED') ok++; else failed++;
          } else {
            await api('POST', `/dead-letters/${letters[i].id}/discard`, { note: note.value.trim() });
            ok++;
          }
        } catch (e) {
          errors++;
        }
        bar.update(i + 1, letters.length, action === 'replay'
          ? `прошли ${ok}, снова ошибка ${failed}` + (errors ? `, не удалось ${errors}` : '')
          : `отклонено ${ok}` + (errors ? `, не удалось ${errors}` : ''));
      }
      stop.hidden = true;
      clear(summary, h('div', { class: 'message ' + (failed || errors ? 'warn' : 'ok') }, stopped ? 'Остановлено. ' : 'Готово. ',
        action === 'replay' ? `Прошли ${ok}, снова не прошли ${failed}.` : `Отклонено ${ok}.`,
        errors ? ` Ошибок вызова: ${errors}.` : ''));
      d.addEventListener('close', refresh, { once: true });
    });
  });
  return b;
}
