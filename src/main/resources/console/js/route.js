// The page and its filters live in the address: #/dead-letters?reason=UNMAPPED_PRODUCT

export const PAGE_NAMES = ['overview', 'mappings', 'dead-letters', 'journal', 'preview'];

/** The current route: #/dead-letters?reason=X -> {name: 'dead-letters', params: {reason: 'X'}} */
export function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, q] = hash.split('?');
  return { name: PAGE_NAMES.includes(name) ? name : 'overview', params: Object.fromEntries(new URLSearchParams(q || '')) };
}

/** Changes the route's filters without adding history for each keystroke. */
export function setParams(params) {
  const { name } = route();
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  history.replaceState(null, '', '#/' + name + (q.toString() ? '?' + q : ''));
}

