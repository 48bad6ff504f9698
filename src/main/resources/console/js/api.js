// Calls to the admin API (/api) with the token from this tab's sessionStorage. Nothing else is stored.

const KEY = 'mp1c.adminToken';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, v);
  });
  const s = q.toString();
  return s ? '?' + s : '';
}

async function send(method, path, body, contentType) {
  const headers = { 'Authorization': 'Bearer ' + (token.get() || ''), 'X-Actor': 'console' };
  let payload;
  if (body !== undefined && body !== null) {
    if (typeof body === 'string') {
      payload = body;
      headers['Content-Type'] = contentType || 'text/plain; charset=utf-8';
    } else {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
  }
  let response;
  try {
    response = await fetch('/api' + path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, 'Сервер не отвечает: ' + e.message);
  }
  if (response.status === 401) {
    token.clear();
    window.dispatchEvent(new CustomEvent('mp1c:unauthorized'));
    throw new ApiError(401, 'Токен не подошёл (ответ 401): войдите снова с верным MP1C_ADMIN_TOKEN.');
  }
  return response;
}

/** JSON call; a non-2xx answer throws ApiError with the server's {"error"} message and the parsed body. */
export async function api(method, path, body, contentType) {
  const response = await send(method, path, body, contentType);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = text;
  }
  if (!response.ok) {
    const message = data && data.error ? data.error : ('ответ ' + response.status);
    throw new ApiError(response.status, message, data);
  }
  return data;
}

export const get = (path, params) => api('GET', path + query(params));

/** Downloads a file answer (CSV) under the given name. */
export async function download(path, params, filename) {
  const response = await send('GET', path + query(params));
  if (!response.ok) {
    let message = 'ответ ' + response.status;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, message);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
