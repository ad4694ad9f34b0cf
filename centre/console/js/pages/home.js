// A home page per role: the few things each one looks at first, each card loaded on its own
// so one failing route does not blank the page.
import { h, clear, add } from '../dom.js';
import { t, lang, label, num, percent, digits, trackingCode } from '../i18n.js';
import { get, query } from '../api.js';
import { currentJalaliYear, formatDateTime, formatYear } from '../dates.js';
import { errorBox, loading, badge, statusBadge } from '../ui.js';
import { OPEN_STATUSES } from '../cases.js';
import { series } from '../sla_data.js';

function card(title, link, fill) {
  const body = h('div', {}, loading());
  const el = h('section', { class: 'card home-card' }, h('h2', {}, title), body,
    link ? h('p', { class: 'more' }, h('a', { href: link[0] }, link[1])) : null);
  Promise.resolve().then(fill).then((content) => add(clear(body), ...[].concat(content)))
    .catch((e) => { if (e.status !== 401) add(clear(body), errorBox(e)); });
  return el;
}

const big = (value, caption, extra) => h('div', { class: 'big-figure' }, h('span', { class: 'figure' }, value), h('span', { class: 'caption' }, caption), extra || null);

function slaCard(me) {
  const year = currentJalaliYear();
  return card(t('home.sla', { year: formatYear(year, lang()) }), ['#/sla', t('home.to_sla')], async () => {
    const data = await get(`/v1/staff/sla${query({ year, office: me.role === 'office_manager' ? me.office : undefined })}`);
    const y = series(data, null).year;
    return big(percent(y && y.agreement_availability), t('home.availability'), y && y.complete ? null : badge('warn', t('sla.incomplete')));
  });
}

function casesCard(kind, title, link) {
  return card(title, [link, t('home.open_all')], async () => {
    const data = await get(`/v1/staff/cases${query({ kind })}`);
    const open = (data.cases || []).filter((c) => OPEN_STATUSES.includes(c.status));
    const recent = open.slice(0, 5).map((c) => h('li', {}, h('a', { href: `${link}/${encodeURIComponent(c.tracking_code)}`, class: 'tracking', dir: 'ltr' }, trackingCode(c.tracking_code)), ' ', statusBadge(c.status)));
    return [big(num(open.length), t('home.waiting')), recent.length ? h('ul', { class: 'plain' }, recent) : null];
  });
}

function noticesCard() {
  return card(t('home.notices'), ['#/notices', t('home.to_notices')], async () => {
    const now = Date.now() / 1000;
    const data = await get('/v1/staff/notices');
    const coming = (data.notices || []).filter((n) => n.ends_unix > now).sort((a, b) => a.starts_unix - b.starts_unix);
    if (!coming.length) return h('p', { class: 'empty' }, t('home.no_notices'));
    return h('ul', { class: 'plain' }, coming.slice(0, 4).map((n) => h('li', {}, formatDateTime(n.starts_unix, lang()), ' – ', formatDateTime(n.ends_unix, lang()), ' ', n.late ? badge('bad', t('notices.late')) : null)));
  });
}

function fleetCard() {
  return card(t('home.fleet'), ['#/fleet', t('home.to_fleet')], async () => {
    const data = await get('/v1/staff/terminals');
    const now = Date.now() / 1000;
    const list = data.terminals || [];
    const active = list.filter((x) => x.state === 'active');
    const attention = active.filter((x) => x.clock_suspect || x.open_outages || (x.last_heartbeat_unix && now - x.last_heartbeat_unix > 86400));
    return [big(num(active.length), t('home.active_terminals')),
      attention.length ? [h('p', {}, badge('warn', t('home.need_attention', { n: num(attention.length) }))),
        h('ul', { class: 'ids' }, attention.slice(0, 8).map((x) => h('li', { class: 'code', dir: 'ltr' }, x.terminal_id)))] : h('p', {}, badge('ok', t('home.all_well')))];
  });
}

function diagnosticsCard() {
  return card(t('fleet.diagnostics'), ['#/fleet', t('home.to_fleet')], async () => {
    const data = await get('/v1/staff/diagnostics');
    const bundles = (data.bundles || []).sort((a, b) => b.received_unix - a.received_unix).slice(0, 4);
    if (!bundles.length) return h('p', { class: 'empty' }, t('fleet.no_bundles'));
    return h('ul', { class: 'plain' }, bundles.map((b) => h('li', {}, h('bdi', {}, b.terminal_id), ' · ', formatDateTime(b.received_unix, lang()))));
  });
}

function accountsCard() {
  return card(t('home.accounts'), ['#/accounts', t('home.to_accounts')], async () => {
    const data = await get('/v1/staff/accounts');
    const list = data.accounts || [];
    const now = Date.now() / 1000;
    const count = (pred) => num(list.filter(pred).length);
    return h('ul', { class: 'plain' },
      h('li', {}, t('home.accounts_active', { n: count((a) => a.state === 'active') })),
      h('li', {}, t('home.accounts_waiting', { n: count((a) => a.state !== 'active' && a.state !== 'disabled') })),
      h('li', {}, t('home.accounts_locked', { n: count((a) => a.locked_until_unix > now) })));
  });
}

function catalogCard() {
  return card(t('catalog.title'), ['#/catalog', t('home.to_catalog')], async () => {
    const data = await get('/v1/staff/catalog');
    const c = data.catalog || {};
    const samples = (c.services || []).filter((s) => (s.sample_fields || []).length).length;
    return [big(digits(data.version ?? c.version ?? '—'), t('home.catalog_version')),
      samples ? h('p', {}, badge('warn', t('home.sample_services', { n: num(samples) }))) : null];
  });
}

function auditCard() {
  return card(t('audit.title'), ['#/audit', t('home.to_audit')], async () => {
    const data = await get('/v1/staff/audit?limit=5');
    return h('ul', { class: 'plain' }, (data.entries || []).map((e) => h('li', {}, h('span', { class: 'muted' }, formatDateTime(e.at_unix, lang())), h('br'), h('bdi', {}, e.actor), ' — ', h('code', { dir: 'ltr' }, e.action))));
  });
}

export function render(main, { me }) {
  add(main, h('h1', {}, t('home.title', { name: me.display_name || me.username })),
    h('p', { class: 'lead' }, t(`home.intro.${me.role}`, { office: me.office || '' }), ' ', h('span', { class: 'muted' }, label('role', me.role))));
  const cards = {
    inspector: () => [slaCard(me), casesCard('failure_report', t('home.reports'), '#/reports'), noticesCard(), fleetCard(), auditCard()],
    office_manager: () => [casesCard('application', t('home.applications'), '#/applications'), casesCard('failure_report', t('home.reports'), '#/reports'), slaCard(me), fleetCard(), noticesCard()],
    technician_lead: () => [fleetCard(), diagnosticsCard(), noticesCard()],
    administrator: () => [accountsCard(), catalogCard(), auditCard(), noticesCard()],
  }[me.role] || (() => []);
  add(main, h('div', { class: 'cards' }, cards()));
}
