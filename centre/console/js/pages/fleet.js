// The fleet: every terminal the caller may see; for the technician lead, enrollment codes
// (shown big with their QR code, the pin and the centre's URL, ready to print), revocation
// behind a confirmation, and the diagnostics bundles terminals sent.
import { h, clear, uid, svgDataUrl, add } from '../dom.js';
import { t, lang, label, num, digits, bytes } from '../i18n.js';
import { get, post } from '../api.js';
import { formatDate, formatDateTime } from '../dates.js';
import { errorBox, errorText, loading, pageHeader, table, badge, confirmDialog, statusLine, select } from '../ui.js';
import { officeIds } from '../catalog_data.js';
import { may } from '../roles.js';
import { resolve } from '../router.js';

const STALE_SECONDS = 24 * 3600;

export async function render(main, { me }) {
  add(main, pageHeader(t('fleet.title')));
  const list = h('div', {}, loading());
  if (may.manageFleet(me)) add(main, await enrollmentSection());
  add(main, h('section', { class: 'card' }, h('h2', {}, t('fleet.terminals')), list));
  if (may.diagnostics(me)) add(main, diagnosticsSection());
  try {
    const data = await get('/v1/staff/terminals');
    add(clear(list), terminalTable(data.terminals || [], me));
  } catch (e) {
    add(clear(list), errorBox(e));
  }
}

function terminalTable(terminals, me) {
  const now = Date.now() / 1000;
  const rows = terminals.map((x) => {
    // null: the centre does not know (yet); only a known, old heartbeat is a silence.
    const stale = x.state === 'active' && Boolean(x.last_heartbeat_unix) && now - x.last_heartbeat_unix > STALE_SECONDS;
    const flags = [
      x.clock_suspect ? badge('warn', t('sla.clock_suspect')) : null,
      x.open_outages ? badge('bad', t('fleet.open_outages', { n: num(x.open_outages) })) : null,
      stale ? badge('warn', t('fleet.silent')) : null,
    ].filter(Boolean);
    return [
      h('bdi', { class: 'code' }, x.terminal_id),
      h('span', { class: 'nowrap' }, `${t('common.office')} ${x.office}`),
      digits(x.number ?? '—'),
      x.state === 'revoked' ? badge('bad', label('terminal_state', x.state)) : badge('ok', label('terminal_state', x.state)),
      x.enrolled_unix ? formatDate(x.enrolled_unix, lang()) : '—',
      x.certificate_expires_unix ? formatDate(x.certificate_expires_unix, lang()) : '—',
      x.last_heartbeat_unix ? formatDateTime(x.last_heartbeat_unix, lang()) : '—',
      num(x.pending_outbox),
      flags.length ? h('span', { class: 'flags' }, flags) : '—',
      // Only the technician lead revokes: the column is there for that role alone.
      may.manageFleet(me) ? (x.state !== 'revoked'
        ? h('button', { type: 'button', class: 'danger small', onclick: () => revoke(x.terminal_id) }, t('fleet.revoke'), h('span', { class: 'visually-hidden' }, ` ${x.terminal_id}`))
        : '') : null,
    ].filter((cell) => cell !== null);
  });
  const headers = [t('common.terminal'), t('common.office'), t('fleet.number'), t('fleet.state'), t('fleet.enrolled'),
    t('fleet.cert_expires'), t('fleet.heartbeat'), t('fleet.outbox'), t('fleet.attention')];
  if (may.manageFleet(me)) headers.push(t('fleet.actions'));
  return table(t('fleet.caption'), headers, rows, { empty: t('fleet.none'), className: 'numbers' });
}

async function revoke(id) {
  const ok = await confirmDialog(t('fleet.revoke_title', { id }), t('fleet.revoke_text'), t('fleet.revoke_confirm'));
  if (!ok) return;
  try {
    await post(`/v1/staff/terminals/${encodeURIComponent(id)}/revoke`, {});
    resolve();
  } catch (e) {
    document.getElementById('main').prepend(errorBox(e));
  }
}

async function enrollmentSection() {
  let offices = [];
  try { offices = officeIds(await get('/v1/staff/offices')); } catch { /* typed by hand below */ }
  const office = offices.length ? select(offices.map((o) => [o, `${t('common.office')} ${o}`]), offices[0], { id: uid('office'), 'data-testid': 'enroll-office' })
    : h('input', { id: uid('office'), required: true, dir: 'ltr', 'data-testid': 'enroll-office' });
  const terminal = h('input', { id: uid('terminal'), 'data-testid': 'enroll-terminal-id', required: true, dir: 'ltr', lang: 'en', spellcheck: 'false', placeholder: 'kiosk-A-01' });
  const status = statusLine();
  const button = h('button', { type: 'submit', 'data-testid': 'enroll-issue' }, t('fleet.issue'));
  const result = h('div', {});
  const form = h('form', { class: 'filters', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: office.id }, t('common.office')), office),
    h('div', { class: 'field' }, h('label', { for: terminal.id }, t('fleet.terminal_id')), terminal),
    h('div', { class: 'field field-button' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!terminal.value.trim() || !office.value.trim()) { status.say('error', t('fleet.need_both')); return; }
    button.disabled = true;
    try {
      const reply = await post('/v1/staff/enrollment-codes', { office: office.value.trim(), terminal_id: terminal.value.trim() });
      status.say('ok', '');
      add(clear(result), codeCard(reply, office.value.trim(), terminal.value.trim()));
    } catch (err) {
      status.say('error', errorText(err));
    }
    button.disabled = false;
  });
  return h('section', { class: 'card no-print-frame' }, h('h2', { class: 'no-print' }, t('fleet.enroll_title')),
    h('p', { class: 'hint no-print' }, t('fleet.enroll_hint')), h('div', { class: 'no-print' }, form, status), result);
}

function codeCard(reply, office, terminalId) {
  return h('div', { class: 'enrollment print-card' },
    h('h3', {}, t('fleet.code_for', { id: terminalId, office })),
    h('div', { class: 'enrollment-body' },
      reply.qr_svg ? h('img', { class: 'qr', src: svgDataUrl(reply.qr_svg), alt: t('fleet.qr_alt'), width: '200', height: '200' }) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, t('fleet.code')), h('dd', {}, h('bdi', { class: 'big-code', dir: 'ltr', lang: 'en', 'data-testid': 'enroll-code' }, reply.display || reply.code)),
        h('dt', {}, t('fleet.pin')), h('dd', {}, h('bdi', { class: 'key-pin', dir: 'ltr', lang: 'en' }, reply.pin)),
        h('dt', {}, t('fleet.centre_url')), h('dd', {}, h('bdi', { dir: 'ltr', lang: 'en', class: 'code' }, reply.centre_url)),
        h('dt', {}, t('fleet.expires')), h('dd', {}, reply.expires_unix ? formatDateTime(reply.expires_unix, lang()) : '—'))),
    h('p', { class: 'hint' }, t('fleet.code_howto')),
    h('div', { class: 'actions no-print' }, h('button', { type: 'button', onclick: () => window.print() }, t('fleet.print'))));
}

function diagnosticsSection() {
  const body = h('div', {}, loading());
  get('/v1/staff/diagnostics').then((data) => {
    const rows = (data.bundles || []).slice().sort((a, b) => b.received_unix - a.received_unix).map((b) => [
      h('a', { href: `/v1/staff/diagnostics/${encodeURIComponent(b.receipt_id)}`, download: `${b.receipt_id}.tar`, dir: 'ltr' }, b.receipt_id),
      h('bdi', {}, b.terminal_id), formatDateTime(b.received_unix, lang()), bytes(b.bytes),
      h('code', { dir: 'ltr', title: b.sha256 }, `${String(b.sha256 || '').slice(0, 16)}…`)]);
    add(clear(body), table(t('fleet.diag_caption'), [t('fleet.receipt'), t('common.terminal'), t('fleet.received'), t('fleet.size'), 'SHA-256'], rows, { empty: t('fleet.no_bundles') }));
  }).catch((e) => add(clear(body), errorBox(e)));
  return h('section', { class: 'card' }, h('h2', {}, t('fleet.diagnostics')), body);
}
