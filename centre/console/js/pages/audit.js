// The audit log (inspector, administrator), newest first, a page at a time (before=<id>).
import { h, clear, add } from '../dom.js';
import { t, digits, trackingCode } from '../i18n.js';
import { get, query } from '../api.js';
import { errorBox, loading, pageHeader, table, when } from '../ui.js';

const PAGE = 50;

export async function render(main, { query: q }) {
  add(main, pageHeader(t('audit.title')));
  const body = h('div', {}, loading());
  add(main, body);
  const before = Number(q.before) || 0;
  let data;
  try {
    data = await get(`/v1/staff/audit${query({ before: before || undefined, limit: PAGE })}`);
  } catch (e) {
    add(clear(body), errorBox(e));
    return;
  }
  const entries = data.entries || [];
  const rows = entries.map((e) => [digits(e.id), when(e.at_unix), h('bdi', {}, e.actor), h('code', { dir: 'ltr' }, e.action), /^\d{14}$/.test(e.subject || '') ? h('span', { class: 'tracking', dir: 'ltr' }, trackingCode(e.subject)) : h('bdi', {}, e.subject), detail(e.detail)]);
  const last = entries.length ? entries[entries.length - 1].id : 0;
  add(clear(body), 
    table(t('audit.caption'), [t('audit.id'), t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.subject'), t('audit.detail')], rows, { empty: t('audit.none') }),
    h('nav', { class: 'pager', 'aria-label': t('audit.pages') },
      before ? h('a', { href: '#/audit' }, t('audit.newest')) : null,
      entries.length === PAGE && last > 1 ? h('a', { href: `#/audit?before=${last}` }, t('audit.older')) : null));
}

function detail(text) {
  if (!text) return '';
  let value = text;
  try { value = JSON.stringify(typeof text === 'string' ? JSON.parse(text) : text); } catch { /* as sent */ }
  if (value === '{}') return '';
  return h('code', { dir: 'ltr', class: 'detail' }, value);
}
