// The console's entry: the frame (header, navigation, language switch, sign-out), the routes,
// and who may see what. Each page is a module with render(main, ctx).
import { h, clear, add } from './dom.js';
import { t, lang, setLang, applyLang, onLangChange, label } from './i18n.js';
import { loadMe, currentUser, onUserChange, post, setUser } from './api.js';
import { route, otherwise, start, resolve, parseHash } from './router.js';
import { PAGES, mayOpen } from './roles.js';
import { errorBox } from './ui.js';

const pages = {
  login: () => import('./pages/login.js'),
  setup: () => import('./pages/setup.js'),
  home: () => import('./pages/home.js'),
  sla: () => import('./pages/sla.js'),
  notices: () => import('./pages/notices.js'),
  notice_new: () => import('./pages/notice_compose.js'),
  reports: () => import('./pages/reports.js'),
  report: () => import('./pages/report.js'),
  applications: () => import('./pages/applications.js'),
  application: () => import('./pages/application.js'),
  fleet: () => import('./pages/fleet.js'),
  catalog: () => import('./pages/catalog.js'),
  service: () => import('./pages/catalog_edit.js'),
  accounts: () => import('./pages/accounts.js'),
  audit: () => import('./pages/audit.js'),
};

const main = document.getElementById('main');
const top = document.getElementById('top');
let currentPage = null;

function renderHeader() {
  clear(top);
  const me = currentUser();
  const other = lang() === 'fa' ? 'en' : 'fa';
  const switcher = h('button', {
    type: 'button', class: 'lang-switch', lang: other, 'data-testid': `lang-${other}`, onclick: () => setLang(other),
    'aria-label': other === 'en' ? 'English' : 'فارسی',
  }, other === 'en' ? 'English' : 'فارسی');
  const brand = h('a', { class: 'brand', href: '#/' }, t('app.name'));
  const bar = h('div', { class: 'bar' }, brand, h('div', { class: 'bar-end' },
    me ? h('span', { class: 'who' }, h('bdi', {}, me.display_name || me.username), ' · ', label('role', me.role),
      me.office ? ` · ${t('common.office')} ${me.office}` : '') : null,
    switcher,
    me ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'logout', onclick: signOut }, t('app.sign_out')) : null));
  add(top, bar);
  if (me) {
    const { path } = parseHash();
    const section = `/${path.split('/')[1] || ''}`;
    const items = PAGES.filter((p) => p.roles.includes(me.role)).map((p) => {
      const here = p.hash === `#${section}` || (p.id === 'home' && section === '/');
      return h('li', {}, h('a', { href: p.hash, 'aria-current': here ? 'page' : null }, t(`nav.${p.id}`)));
    });
    add(top, h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, items)));
  }
  document.getElementById('skip-link').textContent = t('app.skip');
}

async function signOut() {
  try { await post('/v1/staff/logout', {}, { loginOn401: false }); } catch { /* the session is gone either way */ }
  setUser(null);
  location.hash = '#/login';
}

// While a page is being drawn (a language switch redraws it and fetches again), <main> says it
// is busy: screen readers wait for it, and so does anything that would type into the page, since
// fields typed into before the redraw are replaced.
async function show(pageKey, ctx, pageId) {
  const token = {};
  currentPage = token;
  main.setAttribute('aria-busy', 'true');
  try {
    await draw(pageKey, ctx, pageId, token);
  } finally {
    if (currentPage === token) main.removeAttribute('aria-busy');
  }
}

async function draw(pageKey, ctx, pageId, token) {
  if (pageId) {
    const me = currentUser() || await loadMe().catch(() => null);
    if (currentPage !== token) return;
    if (!me) {
      location.hash = `#/login?next=${encodeURIComponent(location.hash || '#/')}`;
      return;
    }
    if (!mayOpen(me.role, pageId)) {
      renderHeader();
      add(clear(main), h('h1', {}, t('error.title')), errorBox({ status: 403, reason: 'role' }));
      return;
    }
  }
  renderHeader();
  const module = await pages[pageKey]();
  if (currentPage !== token) return;
  clear(main);
  try {
    await module.render(main, { ...ctx, me: currentUser(), isCurrent: () => currentPage === token });
  } catch (e) {
    if (currentPage === token && e.status !== 401) add(main, errorBox(e));
  }
  if (currentPage === token) {
    const heading = main.querySelector('h1');
    document.title = `${heading ? heading.textContent : t('app.name')} — ${t('app.name')}`;
    if (!ctx.keepFocus) main.focus({ preventScroll: true });
  }
}

route('/login', (ctx) => show('login', ctx));
route('/setup/:token', (ctx) => show('setup', ctx));
route('/', (ctx) => show('home', ctx, 'home'));
route('/sla', (ctx) => show('sla', ctx, 'sla'));
route('/notices', (ctx) => show('notices', ctx, 'notices'));
route('/notices/new', (ctx) => show('notice_new', ctx, 'notices'));
route('/reports', (ctx) => show('reports', ctx, 'reports'));
route('/reports/:code', (ctx) => show('report', ctx, 'reports'));
route('/applications', (ctx) => show('applications', ctx, 'applications'));
route('/applications/:code', (ctx) => show('application', ctx, 'applications'));
route('/fleet', (ctx) => show('fleet', ctx, 'fleet'));
route('/catalog', (ctx) => show('catalog', ctx, 'catalog'));
route('/catalog/:number', (ctx) => show('service', ctx, 'catalog'));
route('/accounts', (ctx) => show('accounts', ctx, 'accounts'));
route('/audit', (ctx) => show('audit', ctx, 'audit'));
otherwise((ctx) => show('home', ctx, 'home'));

applyLang();
onLangChange(() => resolve());
onUserChange(() => renderHeader());
start();
