// Sign in: username, password and the 6-digit code of the TOTP app. The centre does not say
// which part was wrong; a locked account is told until when.
import { h, field, add } from '../dom.js';
import { t, lang } from '../i18n.js';
import { post, signedIn } from '../api.js';
import { formatDateTime, toAsciiDigits } from '../dates.js';
import { errorText, message, statusLine } from '../ui.js';

export function render(main, { query }) {
  const username = h('input', { 'data-testid': 'login-username', name: 'username', autocomplete: 'username', required: true, dir: 'ltr', lang: 'en', spellcheck: 'false', autocapitalize: 'none' });
  const password = h('input', { 'data-testid': 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, dir: 'ltr' });
  const code = h('input', {
    'data-testid': 'login-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: '6', dir: 'ltr', class: 'code-input',
  });
  const status = statusLine();
  const button = h('button', { type: 'submit', 'data-testid': 'login-submit' }, t('login.submit'));

  const form = h('form', { class: 'card narrow', novalidate: true },
    field(t('login.username'), username),
    field(t('login.password'), password),
    field(t('login.code'), code, t('login.code_hint')),
    status,
    h('div', { class: 'actions' }, button));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const digits = toAsciiDigits(code.value).replace(/\s/g, '');
    if (!username.value.trim() || !password.value) { status.say('error', t('login.missing')); return; }
    if (!/^\d{6}$/.test(digits)) { status.say('error', t('login.code_format')); code.focus(); return; }
    button.disabled = true;
    status.say('info', t('login.signing_in'));
    try {
      const reply = await post('/v1/staff/login', { username: username.value.trim(), password: password.value, code: digits }, { loginOn401: false });
      await signedIn(reply.me);
      const next = query.next && query.next.startsWith('#/') && !query.next.startsWith('#/login') ? query.next : '#/';
      location.hash = next;
    } catch (err) {
      password.value = '';
      code.value = '';
      if (err.status === 401) status.say('error', t('login.wrong'));
      else if (err.status === 423) {
        const until = err.body.until_unix;
        status.say('error', until ? t('login.locked_until', { until: formatDateTime(until, lang()) }) : t('login.locked'));
      } else status.say('error', errorText(err));
      button.disabled = false;
      (err.status === 401 ? password : username).focus();
    }
  });

  add(main, 
    h('h1', {}, t('login.title')),
    query.expired ? message('info', t('login.expired')) : null,
    form,
    h('p', { class: 'hint narrow' }, t('login.help')),
  );
  username.focus();
}
