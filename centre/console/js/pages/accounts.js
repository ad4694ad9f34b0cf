// Staff accounts (administrator): the list, a new account (its one-time set-up link to hand
// over), a reset (a new link, sessions ended, lock cleared) and disabling an account.
import { h, clear, uid, field, add } from '../dom.js';
import { t, lang, label } from '../i18n.js';
import { get, post } from '../api.js';
import { formatDateTime } from '../dates.js';
import { errorBox, errorText, loading, pageHeader, table, badge, confirmDialog, statusLine, select, message } from '../ui.js';
import { officeIds } from '../catalog_data.js';
import { resolve } from '../router.js';

const ROLES = ['inspector', 'office_manager', 'technician_lead', 'administrator'];

export async function render(main, { me }) {
  add(main, pageHeader(t('accounts.title')));
  const linkBox = h('div', { 'aria-live': 'polite' });
  add(main, linkBox);
  const body = h('div', {}, loading());
  add(main, h('section', { class: 'card' }, h('h2', {}, t('accounts.list')), body));
  const reload = () => loadList(body, linkBox, me);
  add(main, await createForm(linkBox, reload));
  await reload();
}

async function loadList(body, linkBox, me) {
  try {
    const data = await get('/v1/staff/accounts');
    const now = Date.now() / 1000;
    const rows = (data.accounts || []).map((a) => [
      h('bdi', { lang: 'en' }, a.username), h('bdi', {}, a.display_name), label('role', a.role), a.office || '—',
      h('span', {}, stateBadge(a.state), a.locked_until_unix > now ? [' ', badge('bad', t('accounts.locked_until', { until: formatDateTime(a.locked_until_unix, lang()) }))] : null),
      h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary small', onclick: () => reset(a.username, linkBox, () => loadList(body, linkBox, me)) }, t('accounts.reset'), h('span', { class: 'visually-hidden' }, ` ${a.username}`)),
        // No one disables their own account from here (they would lock themselves out).
        a.state !== 'disabled' && a.username !== me.username ? h('button', { type: 'button', class: 'danger small', onclick: () => disable(a.username) }, t('accounts.disable'), h('span', { class: 'visually-hidden' }, ` ${a.username}`)) : null),
    ]);
    add(clear(body), table(t('accounts.caption'), [t('accounts.username'), t('accounts.display_name'), t('accounts.role'), t('common.office'), t('accounts.state'), t('fleet.actions')], rows));
  } catch (e) {
    add(clear(body), errorBox(e));
  }
}

function stateBadge(state) {
  const kind = state === 'active' ? 'ok' : state === 'disabled' ? 'muted' : 'warn';
  return badge(kind, label('account_state', state));
}

function showLink(box, username, path) {
  const url = new URL(path, location.origin).href;
  const input = h('input', { id: uid('link'), 'data-testid': 'setup-link', value: url, readonly: true, dir: 'ltr', class: 'link-field' });
  const copy = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    input.select();
    try { await navigator.clipboard.writeText(url); copy.textContent = t('accounts.copied'); } catch { document.execCommand && document.execCommand('copy'); }
  } }, t('accounts.copy'));
  add(clear(box), message('ok', h('p', {}, t('accounts.link_for', { user: username })),
    h('div', { class: 'field' }, h('label', { for: input.id }, t('accounts.setup_link')), h('div', { class: 'inline' }, input, copy)),
    h('p', { class: 'hint' }, t('accounts.link_hint'))));
  input.focus();
  input.select();
}

async function reset(username, box, reload) {
  if (!await confirmDialog(t('accounts.reset_title', { user: username }), t('accounts.reset_text'), t('accounts.reset'))) return;
  try {
    const r = await post(`/v1/staff/accounts/${encodeURIComponent(username)}/reset`, {});
    showLink(box, username, r.setup_link);
    await reload();
  } catch (e) { add(clear(box), errorBox(e)); }
}

async function disable(username) {
  if (!await confirmDialog(t('accounts.disable_title', { user: username }), t('accounts.disable_text'), t('accounts.disable'))) return;
  try {
    await post(`/v1/staff/accounts/${encodeURIComponent(username)}/disable`, {});
    resolve();
  } catch (e) { document.getElementById('main').prepend(errorBox(e)); }
}

async function createForm(linkBox, reload) {
  let offices = [];
  try { offices = officeIds(await get('/v1/staff/offices')); } catch { /* typed by hand */ }
  const username = h('input', { 'data-testid': 'account-username', required: true, dir: 'ltr', lang: 'en', pattern: '[a-z0-9._-]{3,32}', autocomplete: 'off', spellcheck: 'false' });
  const display = h('input', { 'data-testid': 'account-display-name', required: true });
  const role = select(ROLES.map((r) => [r, label('role', r)]), 'office_manager', { 'data-testid': 'account-role' });
  const office = offices.length ? select([['', '—'], ...offices.map((o) => [o, `${t('common.office')} ${o}`])], '', { 'data-testid': 'account-office' }) : h('input', { dir: 'ltr', 'data-testid': 'account-office' });
  const officeField = field(t('common.office'), office, t('accounts.office_hint'));
  const status = statusLine();
  const button = h('button', { type: 'submit', 'data-testid': 'account-create' }, t('accounts.create'));
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, t('accounts.new')),
    h('div', { class: 'grid-2' },
      field(t('accounts.username'), username, t('accounts.username_hint')),
      field(t('accounts.display_name'), display),
      field(t('accounts.role'), role), officeField),
    status, h('div', { class: 'actions' }, button));
  const syncOffice = () => { officeField.hidden = role.value !== 'office_manager'; };
  role.addEventListener('change', syncOffice);
  syncOffice();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const u = username.value.trim();
    if (!/^[a-z0-9._-]{3,32}$/.test(u)) { status.say('error', t('accounts.username_hint')); username.focus(); return; }
    if (!display.value.trim()) { status.say('error', t('accounts.need_name')); display.focus(); return; }
    if (role.value === 'office_manager' && !office.value) { status.say('error', t('accounts.need_office')); office.focus(); return; }
    button.disabled = true;
    try {
      const r = await post('/v1/staff/accounts', { username: u, display_name: display.value.trim(), role: role.value, office: role.value === 'office_manager' ? office.value : '' });
      showLink(linkBox, u, r.setup_link);
      status.say('ok', t('accounts.created'));
      form.reset();
      syncOffice();
      await reload();
    } catch (err) {
      status.say('error', errorText(err));
    }
    button.disabled = false;
  });
  return form;
}
