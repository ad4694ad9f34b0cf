// Every call to the centre's staff routes: JSON in and out, the CSRF token on every request
// that changes something, and a lost session (401 no_session) sends the person to the login
// page, which brings them back where they were.

let csrfToken = '';
let me = null;
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.error || body.reason)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.reason = this.body.reason || '';
  }
}

export function currentUser() { return me; }
export function setUser(user) {
  me = user || null;
  csrfToken = (user && user.csrf) || '';
  for (const fn of listeners) fn(me);
}
export function onUserChange(fn) { listeners.add(fn); }

function toLogin() {
  setUser(null);
  const here = location.hash;
  if (!here.startsWith('#/login') && !here.startsWith('#/setup/')) {
    location.hash = `#/login?next=${encodeURIComponent(here || '#/')}&expired=1`;
  }
}

// options.loginOn401: false where a 401 is the answer itself (login, a set-up code).
export async function api(method, path, body, { loginOn401 = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { reason: 'network', error: String(e) });
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try { data = await response.json(); } catch { data = null; }
  }
  if (response.status === 401 && loginOn401) {
    toLogin();
    throw new ApiError(401, data);
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data || {};
}

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body = {}, opts) => api('POST', path, body, opts);
export const put = (path, body, opts) => api('PUT', path, body, opts);

// After a login or a set-up: the reply's "me", and /me when it lacks the CSRF token.
export async function signedIn(user) {
  setUser(user);
  if (!user || !user.csrf) await loadMe();
  return me;
}

// Who is signed in, or null.
export async function loadMe() {
  try {
    setUser(await get('/v1/staff/me', { loginOn401: false }));
  } catch (e) {
    if (e.status === 401) setUser(null);
    else throw e;
  }
  return me;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}
