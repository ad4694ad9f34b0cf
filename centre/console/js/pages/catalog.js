// The catalog as published: every service with its office, channels, fee, handling time and
// approver; the administrator opens one to edit it.
import { h, clear, add } from '../dom.js';
import { t, lang, digits, num, pick, rials, label } from '../i18n.js';
import { jalaliToUnix, formatDate } from '../dates.js';
import { errorBox, loading, pageHeader, table, badge } from '../ui.js';
import { loadCatalog, services } from '../catalog_data.js';
import { may } from '../roles.js';

// The catalog's "published" is a Jalali ISO date ("1405-09-04"): shown in words.
function publishedDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  const unix = m && jalaliToUnix({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 12 });
  return unix ? formatDate(unix, lang()) : digits(iso);
}

export async function render(main, { me }) {
  add(main, pageHeader(t('catalog.title')));
  const body = h('div', {}, loading());
  add(main, body);
  let reply;
  try { reply = await loadCatalog({ fresh: true }); } catch (e) { add(clear(body), errorBox(e)); return; }
  const c = reply.catalog || {};
  const rows = services(reply).map((sv) => [
    digits(sv.number),
    may.editCatalog(me) ? h('a', { href: `#/catalog/${sv.number}` }, pick(sv.title)) : pick(sv.title),
    h('span', { class: 'nowrap' }, `${t('common.office')} ${sv.office_id}`),
    (sv.channels || []).map((ch) => label('channel', ch)).join('، '),
    sv.fee_rials !== undefined ? h('span', { class: 'nowrap' }, rials(sv.fee_rials)) : '—',
    sv.handling_days !== undefined ? t('catalog.days', { n: num(sv.handling_days) }) : '—',
    pick(sv.approver) || '—',
    (sv.sample_fields || []).length ? badge('warn', t('catalog.sample')) : badge('ok', t('catalog.confirmed')),
  ]);
  add(clear(body), 
    h('p', { class: 'lead' }, t('catalog.version', { v: digits(reply.version ?? c.version ?? '—') }), c.published ? ` · ${t('catalog.published', { d: publishedDate(c.published) })}` : ''),
    may.editCatalog(me) ? h('p', { class: 'hint' }, t('catalog.edit_hint')) : null,
    table(t('catalog.caption'), ['#', t('common.service'), t('common.office'), t('catalog.channels'), t('catalog.fee'), t('catalog.handling'), t('catalog.approver'), t('catalog.values')], rows));
}
