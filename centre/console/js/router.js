// Hash routes: "#/cases/1234" is matched against patterns such as "/cases/:code"; the query
// after "?" is passed along. The app decides what a route shows and who may see it.

const routes = [];
let notFound = null;

export function route(pattern, handler) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:([a-z_]+)/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
  routes.push({ regex, names, handler, pattern });
}

export function otherwise(handler) { notFound = handler; }

export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

export function resolve() {
  const { path, query } = parseHash();
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (m) {
      const params = {};
      r.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1]); });
      return r.handler({ path, params, query, pattern: r.pattern });
    }
  }
  return notFound && notFound({ path, params: {}, query });
}

export function start() {
  window.addEventListener('hashchange', resolve);
  return resolve();
}

export function go(hash) {
  if (location.hash === hash) resolve();
  else location.hash = hash;
}
