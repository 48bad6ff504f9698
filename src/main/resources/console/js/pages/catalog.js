// Suggestions and the unmapped inbox (the catalog API, docs/admin-api.md): pull the catalogs with progress,
// accept or reject a suggestion, accept every exact one in bulk; products waiting for a mapping, most waiting first.
import { api, get } from '../api.js';
import { setParams } from '../route.js';
import { h, clear, table, fmtTime, fmtNumber, marketplaceName, select, field, toast, busy, spinner, errorBox,
  progress, MARKETPLACES } from '../ui.js';

const EVIDENCE = { barcode: 'штрихкод', article: 'артикул', name: 'наименование' };
const STAGES = { waiting: 'в очереди', marketplace: 'читаем маркетплейс', '1c': 'читаем 1С', matching: 'сопоставляем',
  done: 'готово', failed: 'сбой' };
const refresh = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

export async function suggestions(body, params, accounts) {
  const accountName = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
  const pulls = await get('/catalog/pulls');
  const pullBox = h('div', { id: 'pull-box' });
  const list = h('div', { id: 'suggestion-list' });
  const filters = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); load(); } },
    field('Кабинет', select('account', [['', 'все кабинеты'], ...accounts.filter((a) => a.enabled).map((a) => [a.id, a.name])], params.account)),
    field('Маркетплейс', select('marketplace', [['', 'все'], ...Object.entries(MARKETPLACES)], params.marketplace)),
    field('Статус', select('status', [['new', 'новые'], ['accepted', 'принятые'], ['rejected', 'отклонённые']], params.status || 'new')),
    field('Основание', select('evidence', [['', 'любое'], ...Object.entries(EVIDENCE)], params.evidence)),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'exact', checked: params.exact === 'true' }), 'только точные'),
    field('Поиск', h('input', { type: 'search', name: 'search', value: params.search, placeholder: 'ключ, артикул, название' })),
    h('button', { type: 'submit', class: 'primary' }, 'Найти'));
  filters.addEventListener('change', (e) => { if (e.target.name !== 'search') load(); });
  const current = () => {
    const f = Object.fromEntries(new FormData(filters));
    return { ...f, exact: f.exact ? 'true' : '' };
  };

  const pullButton = h('button', { type: 'button', class: 'primary', id: 'catalog-pull' }, 'Загрузить каталоги');
  pullButton.addEventListener('click', () => busy(pullButton, () => pull(pullBox, current().account, load)));
  const acceptBarcodes = h('button', { type: 'button', id: 'accept-exact' }, 'Принять все точные по штрихкоду');
  acceptBarcodes.addEventListener('click', () => busy(acceptBarcodes, () => acceptExact('barcode', current(), load)));
  const acceptArticles = h('button', { type: 'button', id: 'accept-exact-article' }, 'Принять все точные по артикулу');
  acceptArticles.addEventListener('click', () => busy(acceptArticles, () => acceptExact('article', current(), load)));

  const last = pulls && pulls[0];
  body.append(
    h('p', { class: 'muted' }, 'Пары «товар маркетплейса — номенклатура 1С», найденные по штрихкоду (точно), артикулу ' +
      '(без учёта регистра, пробелов, дефисов и похожих кириллических и латинских букв) и названию (низкая уверенность). ' +
      'Принятая пара становится сопоставлением, и ошибки, ждавшие этот товар, повторяются. Отклонённая больше не предлагается.'),
    h('div', { class: 'toolbar' }, pullButton,
      h('span', { class: 'muted', id: 'last-pull' }, last
        ? `Последняя загрузка: ${fmtTime(last.startedAt)} — ${last.status === 'done' ? 'готово' : last.status === 'failed' ? 'сбой' : 'идёт'}`
        : 'Каталоги ещё не загружались.'),
      h('span', { class: 'sep' }), acceptBarcodes, acceptArticles),
    pullBox, filters, list);
  if (last && last.status === 'running') watch(pullBox, last.id, load);

  async function load() {
    const c = current();
    setParams({ tab: 'suggestions', ...c });
    clear(list, spinner());
    try {
      const rows = await get('/suggestions', { ...c, limit: 1000 });
      clear(list, table([
        { title: 'Кабинет', value: (s) => accountName[s.account] || s.account },
        { title: 'Товар маркетплейса', value: (s) => h('span', {}, h('code', {}, s.product.key), ' ', s.product.name || '',
          s.product.article ? h('div', { class: 'muted' }, 'арт. ', s.product.article) : null,
          s.product.barcodes && s.product.barcodes.length ? h('div', { class: 'muted' }, 'ШК ', s.product.barcodes.join(', ')) : null) },
        { title: 'Номенклатура 1С', value: (s) => h('span', {}, s.onec.name || s.onec.nomenclatureRef,
          s.onec.characteristic ? h('span', { class: 'muted' }, ', ' + s.onec.characteristic) : null,
          h('div', { class: 'muted' }, [s.onec.article ? 'арт. ' + s.onec.article : null, s.onec.code ? 'код ' + s.onec.code : null].filter(Boolean).join(' · '))) },
        { title: 'Основание', value: (s) => h('span', {}, h('span', { class: 'badge ' + (s.exact ? 'ok' : 'warn') },
          (EVIDENCE[s.evidence] || s.evidence) + (s.exact ? ', точно' : '')), s.details ? h('div', { class: 'muted small-text' }, s.details) : null) },
        { title: 'Уверенность', value: (s) => Math.round(s.confidence * 100) + ' %', class: 'num' },
        { title: '', value: (s) => s.status === 'new' ? h('span', { class: 'row-actions' },
          actionButton('Принять', 'primary accept', () => accept(s, load)),
          actionButton('Отклонить', 'danger reject', () => reject(s, load)))
          : h('span', { class: 'muted' }, s.status === 'accepted' ? 'принято' : 'отклонено', s.actor ? ' (' + s.actor + ')' : '') },
      ], rows, { emptyText: c.status === 'new' || !c.status
        ? 'Новых предложений нет. Загрузите каталоги, чтобы найти пары для несопоставленных товаров.' : 'Ничего не найдено.',
      id: 'suggestions', limit: 1000 }));
    } catch (e) {
      clear(list, errorBox(e, load));
    }
  }
  await load();
}

function actionButton(label, cls, action) {
  const b = h('button', { type: 'button', class: 'small ' + cls }, label);
  b.addEventListener('click', () => busy(b, action));
  return b;
}

async function accept(s, reload) {
  try {
    const r = await api('POST', `/suggestions/${s.id}/accept`);
    const done = (r.replayed || []).filter((x) => x.outcome === 'DONE').length;
    toast(`Принято: ${s.product.key} → ${s.onec.name || s.onec.nomenclatureRef}.` +
      (r.replayed && r.replayed.length ? ` Повторено ошибок: ${r.replayed.length}, проведено: ${done}.` : ''));
    await reload();
  } catch (e) {
    toast('Не принято: ' + e.message, 'error');
  }
}

async function reject(s, reload) {
  try {
    await api('POST', `/suggestions/${s.id}/reject`);
    toast(`Отклонено: ${s.product.key} больше не будет предлагаться с ${s.onec.name || 'этой номенклатурой'}.`);
    await reload();
  } catch (e) {
    toast('Не отклонено: ' + e.message, 'error');
  }
}

async function acceptExact(evidence, c, reload) {
  try {
    const r = await api('POST', '/suggestions/accept?' + new URLSearchParams(Object.entries({ account: c.account, marketplace: c.marketplace, evidence })
      .filter(([, v]) => v)));
    const replayed = Array.isArray(r.replayed) ? r.replayed.length : (r.replayed || 0);
    toast(`Принято точных пар (${EVIDENCE[evidence]}): ${r.accepted}. Повторено ошибок: ${replayed}.`);
    await reload();
  } catch (e) {
    toast('Не принято: ' + e.message, 'error');
  }
}

/** Starts a catalog pull and shows its progress until it ends. */
async function pull(box, account, reload) {
  try {
    const started = await api('POST', '/catalog/pull' + (account ? '?account=' + encodeURIComponent(account) : ''));
    await watch(box, started.id, reload, started);
  } catch (e) {
    clear(box, h('div', { class: 'message error' }, 'Загрузка не началась: ' + e.message));
  }
}

async function watch(box, id, reload, first) {
  const bar = progress('Загрузка каталогов');
  bar.id = 'pull-progress';
  const stages = h('ul', { class: 'stages' });
  clear(box, h('div', { class: 'card' }, bar, stages));
  let p = first;
  for (;;) {
    if (p) {
      bar.update(p.accountsDone, p.accountsTotal, p.percent + ' %');
      clear(stages, (p.accounts || []).map((a) => h('li', {}, h('strong', {}, a.account), ': ', STAGES[a.stage] || a.stage,
        a.marketplaceProducts ? `, товаров маркетплейса ${fmtNumber(a.marketplaceProducts)}` : '',
        a.onecItems ? `, позиций 1С ${fmtNumber(a.onecItems)}` : '',
        a.stage === 'done' ? `, предложений ${fmtNumber(a.suggestions)} (точных ${fmtNumber(a.exact)})` : '',
        a.message ? h('span', { class: a.stage === 'failed' ? 'error-inline' : 'muted' }, ' — ' + a.message) : '')));
      if (p.status !== 'running') break;
    }
    await new Promise((r) => setTimeout(r, 700));
    if (!box.isConnected) return;
    p = await get('/catalog/pulls/' + id);
  }
  const label = document.getElementById('last-pull');
  if (label) label.textContent = `Последняя загрузка: ${fmtTime(p.startedAt)} — ${p.status === 'done' ? 'готово' : 'сбой'}`;
  box.append(h('div', { class: 'message ' + (p.status === 'done' ? 'ok' : 'error'), id: 'pull-result' },
    p.status === 'done' ? 'Каталоги загружены, предложения обновлены.' : 'Загрузка завершилась со сбоем — см. сообщения выше.'));
  await reload();
}

export async function unmapped(body, params, accounts, editMapping) {
  const accountName = Object.fromEntries(accounts.map((a) => [a.id, a.name]));
  const list = h('div', { id: 'unmapped-list' });
  const filters = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    field('Кабинет', select('account', [['', 'все кабинеты'], ...accounts.map((a) => [a.id, a.name])], params.account)),
    field('Маркетплейс', select('marketplace', [['', 'все'], ...Object.entries(MARKETPLACES)], params.marketplace)));
  filters.addEventListener('change', () => load());
  const pulled = (await get('/catalog/pulls')).some((p) => p.status === 'done');
  body.append(h('p', { class: 'muted' }, 'Товары маркетплейсов без сопоставления: из заказов и выгрузок, которые их ждут, ' +
    'и из каталога (их остатки и цены не выгружаются). Сначала те, на которых ждёт больше всего записей.'), filters, list);

  async function load() {
    const f = Object.fromEntries(new FormData(filters));
    setParams({ tab: 'unmapped', ...f });
    clear(list, spinner());
    try {
      const rows = await get('/unmapped', f);
      clear(list, table([
        { title: 'Маркетплейс', value: (u) => marketplaceName(u.marketplace) },
        { title: 'Кабинет', value: (u) => accountName[u.account] || u.account },
        { title: 'Товар', value: (u) => h('span', {}, h('code', {}, u.productKey), ' ', u.name || '',
          u.article ? h('div', { class: 'muted' }, 'арт. ', u.article) : null) },
        { title: 'Где встречается', value: (u) => (u.seenIn || []).map((s) => ({ orders: 'заказы', stocks: 'остатки', prices: 'цены', catalog: 'каталог' }[s] || s)).join(', ') },
        { title: 'Ждут записей', value: (u) => u.waiting ? h('a', { href: `#/dead-letters?reason=UNMAPPED_PRODUCT&account=${u.account}` }, fmtNumber(u.waiting)) : '0', class: 'num' },
        { title: 'Лучшее предложение', value: (u) => u.bestSuggestion ? h('span', {},
          u.bestSuggestion.onec.name, ' ', h('span', { class: 'badge ' + (u.bestSuggestion.exact ? 'ok' : 'warn') },
            (EVIDENCE[u.bestSuggestion.evidence] || u.bestSuggestion.evidence) + ', ' + Math.round(u.bestSuggestion.confidence * 100) + ' %'))
          : h('span', { class: 'muted' }, pulled ? 'нет подходящей номенклатуры в 1С — сопоставьте вручную'
            : 'нет — загрузите каталоги или сопоставьте вручную') },
        { title: '', value: (u) => h('span', { class: 'row-actions' },
          u.bestSuggestion && u.bestSuggestion.status === 'new' ? actionButton('Принять', 'primary accept', () => accept(u.bestSuggestion, load)) : null,
          actionButton('Сопоставить вручную', 'manual', async () => editMapping({ marketplace: u.marketplace, accountId: u.account, key: u.productKey, name: u.name }, load))) },
      ], rows, { emptyText: 'Несопоставленных товаров нет — всё, что встречалось, сопоставлено.', id: 'unmapped', limit: 1000 }));
    } catch (e) {
      clear(list, errorBox(e, load));
    }
  }
  await load();
}
