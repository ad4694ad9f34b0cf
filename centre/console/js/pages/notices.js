// Outage notices as published (GET /v1/staff/notices), newest first; the inspector composes
// new ones (#/notices/new). A late notice (published less than 72 h before its start) is marked:
// its outage counts as unplanned.
import { h, clear, add } from '../dom.js';
import { t, lang, digits } from '../i18n.js';
import { get } from '../api.js';
import { formatDateTime } from '../dates.js';
import { errorBox, loading, pageHeader, table, badge } from '../ui.js';
import { may } from '../roles.js';
import { loadCatalog, serviceTitle } from '../catalog_data.js';

export async function render(main, { me }) {
  add(main, pageHeader(t('notices.title'),
    may.publishNotice(me) ? h('a', { class: 'button', href: '#/notices/new', 'data-testid': 'notice-new' }, t('notices.compose')) : null));
  const body = h('div', {}, loading());
  add(main, body);
  let data;
  let catalog = null;
  try {
    [data, catalog] = await Promise.all([get('/v1/staff/notices'), loadCatalog().catch(() => null)]);
  } catch (e) {
    add(clear(body), errorBox(e));
    return;
  }
  const now = Date.now() / 1000;
  const notices = (data.notices || []).slice().sort((a, b) => b.starts_unix - a.starts_unix);
  const rows = notices.map((n) => [
    h('span', {}, formatDateTime(n.starts_unix, lang()), h('br'), '– ', formatDateTime(n.ends_unix, lang())),
    servicesCell(n.services, catalog),
    h('div', {}, h('p', { lang: 'fa', dir: 'rtl' }, n.text_fa), n.text_en ? h('p', { lang: 'en', dir: 'ltr', class: 'muted' }, n.text_en) : null),
    formatDateTime(n.published_unix, lang()),
    h('span', {}, n.late ? badge('bad', t('notices.late')) : badge('ok', t('notices.on_time')), ' ',
      now < n.starts_unix ? badge('info', t('notices.upcoming')) : now < n.ends_unix ? badge('warn', t('notices.current')) : badge('muted', t('notices.past'))),
  ]);
  add(clear(body), 
    h('p', { class: 'hint' }, t('notices.rule')),
    table(t('notices.caption'), [t('notices.span'), t('notices.services'), t('notices.text'), t('notices.published'), t('notices.state')], rows, { empty: t('notices.none') }));
}

export function servicesCell(services, catalog) {
  if (services === 'all') return t('notices.all_services');
  return h('ul', { class: 'plain' }, (services || []).map((n) => h('li', {}, `${digits(n)}. ${serviceTitle(catalog, n)}`)));
}
