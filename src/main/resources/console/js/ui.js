// Small DOM helpers. Text always goes in as text (records come from marketplaces: never as HTML).
import { api } from './api.js';

/** h('div', {class: 'x', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  });
  append(el, children);
  return el;
}

function append(el, children) {
  children.flat(Infinity).forEach((c) => {
    if (c === undefined || c === null || c === false) return;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * The marketplaces, key → name, as the server's registry lists them (GET /api/marketplaces): the console keeps no
 * list of its own. Filled by loadMarketplaces(), which main.js awaits before a page renders.
 */
export const MARKETPLACES = {};
let marketplacesLoading = null;
export function loadMarketplaces() {
  if (!marketplacesLoading) {
    marketplacesLoading = api('GET', '/marketplaces').then((list) => {
      list.forEach((m) => { MARKETPLACES[m.key] = m.name; });
    }).catch((e) => {
      marketplacesLoading = null;
      throw e;
    });
  }
  return marketplacesLoading;
}
export const FLOWS = { orders: 'Заказы', stocks: 'Остатки', prices: 'Цены', catalog: 'Каталог' };
export const REASONS = {
  UNMAPPED_PRODUCT: 'Товар не сопоставлен',
  UNMAPPED_WAREHOUSE: 'Склад не сопоставлен',
  INVALID_PAYLOAD: 'Некорректные данные маркетплейса',
  ONEC_REJECTED: '1С отклонила документ',
  ONEC_UNAVAILABLE: '1С недоступна',
  MARKETPLACE_UNAVAILABLE: 'Маркетплейс недоступен',
  MARKETPLACE_REJECTED: 'Маркетплейс отклонил позицию',
  AUTH_FAILED: 'Кабинет не принял ключ',
  CLAIMED_ELSEWHERE: 'Запись занята другим запуском',
  CONFIGURATION: 'Ошибка настройки',
  UNEXPECTED_ERROR: 'Непредвиденная ошибка',
};
/** What a journal record says happened (the 1C action of a done record, or a reason code). */
export const ACTIONS = {
  CREATED: 'заказ создан в 1С', FOUND: 'заказ уже был в 1С', CANCELLED: 'заказ отменён в 1С',
  ALREADY_CANCELLED: 'заказ уже отменён в 1С', SKIPPED: 'пропущено',
};
export const STATUSES = {
  OK: 'успешно', FAILED: 'сбой', INCOMPLETE: 'не сошлось', RUNNING: 'идёт',
  new: 'новая', replayed: 'повторена', resolved: 'решена', discarded: 'отклонена',
  DONE: 'выполнено', SKIPPED: 'пропущено', DEAD_LETTER: 'ошибка',
};

export const marketplaceName = (m) => MARKETPLACES[m] || m || '';
export const flowName = (f) => {
  if (!f) return '';
  const m = Object.keys(MARKETPLACES).find((k) => f.startsWith(k + '-'));
  return m ? marketplaceName(m) + ': ' + (FLOWS[f.slice(m.length + 1)] || f.slice(m.length + 1)) : (FLOWS[f] || f);
};
export const reasonName = (r) => REASONS[r] || ACTIONS[r] || r || '';

export function badge(status) {
  const kind = { OK: 'ok', DONE: 'ok', resolved: 'ok', replayed: 'ok', UP: 'ok', FAILED: 'bad', DEAD_LETTER: 'bad',
    new: 'bad', DOWN: 'bad', INCOMPLETE: 'warn', RUNNING: 'info', SKIPPED: 'muted', discarded: 'muted' }[status] || 'muted';
  return h('span', { class: 'badge ' + kind }, STATUSES[status] || status || '—');
}

const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : dateTime.format(d);
}

export function fmtNumber(n) {
  if (n === null || n === undefined || n === '') return '—';
  return typeof n === 'number' ? n.toLocaleString('ru-RU') : String(n);
}

export function spinner(text) {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spin' }), text || 'Загрузка…');
}

export function errorBox(error, retry) {
  return h('div', { class: 'message error', role: 'alert' },
    'Не удалось загрузить: ' + (error && error.message ? error.message : error),
    retry ? h('button', { class: 'link', type: 'button', onclick: retry }, 'Повторить') : null);
}

export function empty(text) {
  return h('div', { class: 'empty' }, text);
}

/**
 * A table: columns [{title, value: row => text|Node, class}], rows; an empty text when there are none.
 * onRow: row click. limit: show at most that many rows and say so.
 */
export function table(columns, rows, { emptyText = 'Нет данных', onRow, limit = 0, id } = {}) {
  if (!rows || rows.length === 0) return empty(emptyText);
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const body = shown.map((row) => h('tr', { class: onRow ? 'clickable' : null, onclick: onRow ? () => onRow(row) : null },
    columns.map((c) => {
      const v = c.value(row);
      return h('td', { class: c.class || null }, v === undefined || v === null || v === '' ? '—' : v);
    })));
  return h('div', { class: 'table-wrap' },
    h('table', { id: id || null },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class || null }, c.title)))),
      h('tbody', {}, body)),
    shown.length < rows.length ? h('p', { class: 'muted' }, `Показано ${shown.length} из ${rows.length}; уточните фильтр.`) : null);
}

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs }, options.map(([v, label]) => {
    const o = h('option', { value: v }, label);
    if (String(v) === String(value ?? '')) o.selected = true;
    return o;
  }));
}

export function field(label, control) {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

export function toast(text, kind = 'ok') {
  const t = h('div', { class: 'toast ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
  document.getElementById('toasts').append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 9000 : 5000);
}

/** A modal dialog with the given content; returns the <dialog> (closed and removed on close). */
export function dialog(title, ...content) {
  const d = h('dialog', { class: 'dialog' },
    h('header', {}, h('h2', {}, title), h('button', { type: 'button', class: 'link close', 'aria-label': 'Закрыть', onclick: () => d.close() }, '✕')),
    h('div', { class: 'dialog-body' }, content));
  d.addEventListener('close', () => d.remove());
  document.body.append(d);
  d.showModal();
  return d;
}

/** A progress bar for long work; update(done, total, text). */
export function progress(label) {
  const bar = h('div', { class: 'bar' });
  const text = h('span', { class: 'progress-text' }, label);
  const el = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0' }, h('div', { class: 'track' }, bar), text);
  el.update = (done, total, note) => {
    const pct = total > 0 ? Math.round((done * 100) / total) : 0;
    bar.style.width = pct + '%';
    el.setAttribute('aria-valuenow', String(done));
    el.setAttribute('aria-valuemax', String(total));
    text.textContent = `${label}: ${done} из ${total}` + (note ? ' — ' + note : '');
  };
  return el;
}

/** Runs an async action with the button disabled and a spinner in it. */
export async function busy(button, action) {
  const label = button.textContent;
  button.disabled = true;
  button.classList.add('busy');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.classList.remove('busy');
    button.textContent = label;
  }
}

export function guid(ref) {
  return ref ? h('code', { class: 'guid', title: ref }, ref) : '—';
}

export function pretty(text) {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}
