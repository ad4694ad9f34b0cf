// Small pieces every page uses: error and status messages, tables, badges, a confirmation
// dialog. Nothing here knows about a particular page.
import { h, clear, add } from './dom.js';
import { t, label, lang } from './i18n.js';
import { formatDateTime } from './dates.js';

// What went wrong, in words a person can act on.
export function errorText(e) {
  const status = e && e.status;
  const reason = (e && e.reason) || '';
  if (status === 0) return t('error.network');
  if (status === 403 && reason === 'role') return t('error.role');
  if (status === 403 && reason === 'csrf') return t('error.csrf');
  if (status === 404) return t('error.not_found');
  if (status === 401) return t('error.session');
  if (status >= 500) return t('error.server', { status });
  const listed = errorList(e);
  if (listed.length) return `${t('error.refused')} ${listed.join(' · ')}`;
  const detail = e && e.body && (e.body.error || e.body.message);
  return detail ? `${t('error.generic')} ${detail}` : t('error.generic');
}

// A 422's {"errors": [...]}: strings, or {field, error} objects, as "field: error" lines.
export function errorList(e) {
  const errors = e && e.body && Array.isArray(e.body.errors) ? e.body.errors : [];
  return errors.map((x) => (typeof x === 'string' ? x : [x.field || x.path, x.error || x.message].filter(Boolean).join(': ')));
}

export function errorBox(e) {
  return h('div', { class: 'msg msg-error', role: 'alert' }, errorText(e));
}

export function message(kind, ...content) {
  return h('div', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

// A live region that says one thing at a time.
export function statusLine() {
  const el = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  el.say = (kind, text) => { clear(el); if (text) add(el, h('div', { class: `msg msg-${kind}` }, text)); };
  return el;
}

export function loading() { return h('p', { class: 'loading' }, t('common.loading')); }

export function badge(kind, text) { return h('span', { class: `badge badge-${kind}` }, text); }

const STATUS_KIND = {
  receiving: 'muted', received: 'info', in_review: 'info', documents_requested: 'warn',
  approved: 'ok', rejected: 'bad', resolved: 'ok',
};
export function statusBadge(status) { return badge(STATUS_KIND[status] || 'muted', label('status', status)); }

export function when(unix) {
  if (!unix) return '—';
  return h('time', { datetime: new Date(unix * 1000).toISOString() }, formatDateTime(unix, lang()));
}

// A table with a caption and header cells with scope; rows are arrays of cells.
export function table(caption, headers, rows, { empty, className, hideCaption } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty || t('common.none'));
  return h('div', { class: 'table-wrap' }, h('table', { class: className || '' },
    h('caption', { class: hideCaption ? 'visually-hidden' : null }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))))));
}

// A modal question; resolves true when confirmed.
export function confirmDialog(title, text, confirmLabel) {
  return new Promise((resolveAnswer) => {
    const titleId = `dlg-${Date.now()}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId });
    const close = (answer) => { dialog.close(); dialog.remove(); resolveAnswer(answer); };
    add(dialog, 
      h('h2', { id: titleId }, title),
      h('p', {}, text),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', onclick: () => close(true) }, confirmLabel),
        h('button', { type: 'button', class: 'secondary', onclick: () => close(false) }, t('common.cancel'))),
    );
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(false); });
    add(document.body, dialog);
    dialog.showModal();
    dialog.querySelector('.secondary').focus();
  });
}

export function pageHeader(title, ...extra) {
  return h('div', { class: 'page-head' }, h('h1', {}, title), ...extra);
}

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)));
}
