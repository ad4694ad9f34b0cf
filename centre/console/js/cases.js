// What the failure-report inbox and the applications queue share: the list with its filters,
// the case's summary, and sending a decision.
import { h, clear, uid, add } from './dom.js';
import { t, lang, label, digits, trackingCode } from './i18n.js';
import { get, post, query } from './api.js';
import { formatDateTime } from './dates.js';
import { errorBox, errorText, loading, table, statusBadge, select, statusLine } from './ui.js';
import { loadCatalog, services, serviceTitle } from './catalog_data.js';

export const OPEN_STATUSES = ['received', 'in_review', 'documents_requested'];

export function serviceCell(catalog, number) {
  if (number === null || number === undefined) return t('cases.no_service');
  return `${digits(number)}. ${serviceTitle(catalog, number)}`;
}

// kind: 'application' | 'failure_report'; base: '#/applications' or '#/reports'.
export async function caseList(main, { kind, base, statuses, q, withServiceFilter }) {
  const catalog = await loadCatalog().catch(() => null);
  const statusSelect = select([['', t('cases.any_status')], ...statuses.map((s) => [s, label('status', s)])], q.status || '', { id: uid('st') });
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': t('cases.filters') },
    h('div', { class: 'field' }, h('label', { for: statusSelect.id }, t('cases.status')), statusSelect));
  let serviceSelect = null;
  if (withServiceFilter) {
    serviceSelect = select([['', t('cases.any_service')], ...services(catalog).map((sv) => [sv.number, serviceCell(catalog, sv.number)])], q.service || '', { id: uid('sv'), class: 'wide' });
    add(filters, h('div', { class: 'field' }, h('label', { for: serviceSelect.id }, t('common.service')), serviceSelect));
  }
  const apply = () => {
    const p = new URLSearchParams();
    if (statusSelect.value) p.set('status', statusSelect.value);
    if (serviceSelect && serviceSelect.value) p.set('service', serviceSelect.value);
    const text = p.toString();
    location.hash = `${base}${text ? `?${text}` : ''}`;
  };
  statusSelect.addEventListener('change', apply);
  if (serviceSelect) serviceSelect.addEventListener('change', apply);
  add(main, filters);

  const body = h('div', {}, loading());
  add(main, body);
  let data;
  try {
    data = await get(`/v1/staff/cases${query({ kind, status: q.status, service: q.service })}`);
  } catch (e) {
    add(clear(body), errorBox(e));
    return;
  }
  const cases = data.cases || [];
  const rows = cases.map((c) => [
    h('a', { href: `${base}/${encodeURIComponent(c.tracking_code)}`, class: 'tracking', dir: 'ltr', 'data-testid': `case-${c.tracking_code}` }, trackingCode(c.tracking_code)),
    serviceCell(catalog, c.service),
    label('kind', c.kind),
    formatDateTime(c.created_at_unix, lang()),
    statusBadge(c.status),
    h('span', {}, `${t('common.office')} ${c.office || '—'}`, h('br'), h('bdi', { class: 'muted' }, c.terminal_id), ' · ', label('channel', c.channel)),
    kind === 'application' ? pagesCell(c) : null,
  ].filter((x) => x !== null));
  const headers = [t('cases.code'), t('common.service'), t('cases.kind'), t('cases.created'), t('cases.status'), t('cases.where')];
  if (kind === 'application') headers.push(t('cases.pages'));
  body.replaceChildren(
    h('p', { class: 'hint' }, t('cases.count', { n: digits(cases.length) })),
    table(t(kind === 'application' ? 'applications.caption' : 'reports.caption'), headers, rows, { empty: t('cases.none') }));
}

export function pagesCell(c) {
  const text = t('cases.pages_of', { i: digits(c.pages_complete ?? 0), n: digits(c.pages ?? 0) });
  return c.pages_complete < c.pages ? h('span', {}, text, ' ', h('span', { class: 'muted' }, t('cases.receiving'))) : text;
}

// GET /v1/staff/cases/<code>: the README says "the case plus personal"; both a flat object and
// one under "case" are taken.
export async function loadCase(code) {
  const reply = await get(`/v1/staff/cases/${encodeURIComponent(code)}`);
  const c = reply.case ? { ...reply.case, personal: reply.personal ?? reply.case.personal } : reply;
  return c;
}

export function summaryList(c, catalog) {
  const item = (name, value) => [h('dt', {}, name), h('dd', {}, value)];
  return h('dl', { class: 'facts' },
    item(t('cases.code'), h('span', { class: 'tracking', dir: 'ltr' }, trackingCode(c.tracking_code))),
    item(t('common.service'), serviceCell(catalog, c.service)),
    item(t('cases.status'), statusBadge(c.status)),
    item(t('cases.created'), formatDateTime(c.created_at_unix, lang())),
    item(t('common.office'), c.office || '—'),
    item(t('common.terminal'), h('bdi', {}, c.terminal_id)),
    item(t('cases.channel'), label('channel', c.channel)));
}

export function decisionView(c) {
  const d = c.decision;
  if (!d || (!d.note && !d.credit)) return null;
  return h('section', { class: 'card' }, h('h2', {}, t('cases.last_decision')),
    h('dl', { class: 'facts' },
      d.note ? [h('dt', {}, t('cases.note')), h('dd', { class: 'prewrap', dir: 'auto' }, d.note)] : null,
      d.credit ? [h('dt', {}, t('cases.credit')), h('dd', { class: 'prewrap', dir: 'auto' }, d.credit)] : null,
      d.decided_unix ? [h('dt', {}, t('cases.decided')), h('dd', {}, formatDateTime(d.decided_unix, lang()))] : null,
      (d.decided_by || c.decided_by) ? [h('dt', {}, t('cases.decided_by')), h('dd', {}, h('bdi', {}, d.decided_by || c.decided_by))] : null));
}

// A decision form: one note, an optional credit, one button per allowed status.
export function decisionForm({ code, actions, withCredit, onDone }) {
  const note = h('textarea', { id: uid('note'), 'data-testid': 'decision-note', rows: '3', dir: 'auto' });
  const credit = withCredit ? h('input', { id: uid('credit'), 'data-testid': 'decision-credit', dir: 'auto' }) : null;
  const status = statusLine();
  const buttons = actions.map((a) => h('button', { type: 'button', class: a.style || '', 'data-testid': `decision-${a.status}`, onclick: () => send(a) }, a.text));
  async function send(a) {
    const text = note.value.trim();
    if (a.noteRequired && !text) { status.say('error', a.noteMissing || t('cases.note_required')); note.focus(); return; }
    for (const b of buttons) b.disabled = true;
    try {
      const body = { status: a.status, note: text };
      if (credit && a.status === 'resolved' && credit.value.trim()) body.credit = credit.value.trim();
      await post(`/v1/staff/cases/${encodeURIComponent(code)}/decision`, body);
      status.say('ok', t('cases.saved'));
      onDone();
    } catch (err) {
      status.say('error', err.status === 409 || err.status === 422 ? `${t('cases.refused')} ${errorText(err)}` : errorText(err));
      for (const b of buttons) b.disabled = false;
    }
  }
  return h('section', { class: 'card' }, h('h2', {}, t('cases.decide')),
    h('div', { class: 'field' }, h('label', { for: note.id }, t('cases.note')), note, h('p', { class: 'hint' }, t('cases.note_hint'))),
    credit ? h('div', { class: 'field' }, h('label', { for: credit.id }, t('cases.credit_optional')), credit, h('p', { class: 'hint' }, t('cases.credit_hint'))) : null,
    status, h('div', { class: 'actions' }, buttons));
}
