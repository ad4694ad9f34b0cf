// A one-time set-up link (#/setup/<token>): choose a password (twice), enroll a TOTP app from
// the QR code or the secret, and confirm with a code. The link is used up by the confirmation.
import { h, field, clear, svgDataUrl, inLang, add } from '../dom.js';
import { t, label, groupBase32 } from '../i18n.js';
import { get, post, signedIn } from '../api.js';
import { toAsciiDigits } from '../dates.js';
import { errorText, message, statusLine, loading } from '../ui.js';

const MIN_PASSWORD = 12;
// The TOTP step's reply, kept while the page lives: switching the language redraws the page,
// and it must come back at the QR code, not ask for the password again.
const enrolled = new Map();

export async function render(main, { params }) {
  const token = encodeURIComponent(params.token);
  add(main, h('h1', {}, t('setup.title')));
  const body = h('div', {}, loading());
  add(main, body);
  let account;
  try {
    account = await get(`/v1/staff/setup/${token}`, { loginOn401: false });
  } catch (e) {
    add(clear(body), message('error', e.status === 404 ? t('setup.invalid') : errorText(e)));
    return;
  }
  add(clear(body), 
    h('p', { class: 'lead' }, t('setup.welcome', { name: account.display_name || account.username }),
      ' ', inLang('en', account.username, 'bdi'), ' · ', label('role', account.role),
      account.office ? ` · ${t('common.office')} ${account.office}` : ''),
    enrolled.has(token) ? totpStep(token, enrolled.get(token)) : passwordStep(token, body));
}

function passwordStep(token, body) {
  const first = h('input', { 'data-testid': 'setup-password', type: 'password', autocomplete: 'new-password', required: true, minlength: String(MIN_PASSWORD), dir: 'ltr' });
  const second = h('input', { 'data-testid': 'setup-password-again', type: 'password', autocomplete: 'new-password', required: true, dir: 'ltr' });
  const status = statusLine();
  const button = h('button', { type: 'submit', 'data-testid': 'setup-submit' }, t('setup.password_submit'));
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h2', {}, t('setup.step1')),
    field(t('setup.password'), first, t('setup.password_hint', { n: MIN_PASSWORD })),
    field(t('setup.password_again'), second),
    status, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if ([...first.value].length < MIN_PASSWORD) { status.say('error', t('setup.password_short', { n: MIN_PASSWORD })); first.focus(); return; }
    if (first.value !== second.value) { status.say('error', t('setup.password_mismatch')); second.focus(); return; }
    button.disabled = true;
    try {
      const reply = await post(`/v1/staff/setup/${token}`, { password: first.value }, { loginOn401: false });
      enrolled.set(token, reply);
      form.replaceWith(totpStep(token, reply));
    } catch (err) {
      status.say('error', err.status === 404 ? t('setup.invalid') : errorText(err));
      button.disabled = false;
    }
  });
  setTimeout(() => first.focus(), 0);
  return form;
}

function totpStep(token, reply) {
  const code = h('input', { 'data-testid': 'totp-code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', required: true, dir: 'ltr', class: 'code-input' });
  const status = statusLine();
  const button = h('button', { type: 'submit', 'data-testid': 'setup-confirm' }, t('setup.confirm'));
  const qr = reply.qr_svg
    ? h('img', { class: 'qr', src: svgDataUrl(reply.qr_svg), alt: t('setup.qr_alt'), width: '220', height: '220' })
    : null;
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h2', {}, t('setup.step2')),
    h('p', {}, t('setup.scan')),
    qr,
    h('p', {}, t('setup.or_type')),
    h('p', { class: 'secret', lang: 'en', dir: 'ltr', 'data-testid': 'totp-secret' }, groupBase32(reply.totp_secret || '')),
    field(t('setup.code'), code, t('login.code_hint')),
    status, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const digits = toAsciiDigits(code.value).replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) { status.say('error', t('login.code_format')); code.focus(); return; }
    button.disabled = true;
    try {
      const done = await post(`/v1/staff/setup/${token}/confirm`, { code: digits }, { loginOn401: false });
      enrolled.delete(token);
      await signedIn(done.me);
      location.hash = '#/';
    } catch (err) {
      status.say('error', err.status === 401 ? t('setup.code_wrong') : err.status === 404 ? t('setup.invalid') : errorText(err));
      button.disabled = false;
      code.value = '';
      code.focus();
    }
  });
  return form;
}
