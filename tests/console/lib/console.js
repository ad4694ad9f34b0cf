// The web console as a person uses it: found by roles, labels and visible text in Persian or
// English (data-testid first where the console has one), never by CSS structure. Each helper
// also watches the JSON call the action makes, so a failure says whether the page or the route
// went wrong.
import { totp, freshTotp, base32Decode } from './totp.js';

// Visible names in both languages. Each is a RegExp matched against an accessible name.
export const T = {
  password: /password|گذرواژه|رمز عبور|کلمه عبور/i,
  username: /user ?name|نام کاربری/i,
  displayName: /display name|full name|^name$|نام نمایشی|نام و نام خانوادگی|^نام$/i,
  role: /role|نقش/i,
  office: /office|دفتر/i,
  code: /code|کد/i,
  note: /note|reply|answer|یادداشت|پاسخ|توضیح/i,
  submitSetup: /continue|next|save|set|create|ادامه|بعدی|ذخیره|ثبت/i,
  confirm: /confirm|verify|activate|finish|done|تأیید|تایید|فعال|پایان/i,
  signIn: /sign in|log ?in|ورود/i,
  signOut: /sign out|log ?out|خروج/i,
  english: /^(english|en)$/i,
  persian: /^(فارسی|persian|fa)$/i,
  accounts: /accounts|staff|users|حساب|کارکنان|کاربران/i,
  newAccount: /new account|add|create|invite|new|حساب جدید|افزودن|ساخت|جدید/i,
  create: /create|save|add|submit|ساخت|ذخیره|افزودن|ثبت/i,
  notices: /notices|outage notices|اطلاعیه/i,
  newNotice: /new notice|new|compose|اطلاعیه جدید|اطلاعیه تازه|جدید|نوشتن/i,
  publish: /publish|save|submit|انتشار|ذخیره|ثبت/i,
  textFa: /persian|farsi|فارسی/i,
  textEn: /english|انگلیسی/i,
  applications: /applications|درخواست/i,
  failureReports: /failure reports|reports|faults|خرابی|گزارش/i,
  decide: /save|submit|decide|record|send|ذخیره|ثبت|ارسال/i,
  terminals: /fleet|terminals|ناوگان|پایانه/i,
  issueCode: /enrol(l)?ment code|new code|issue|کد ثبت|صدور/i,
  terminalId: /terminal id|terminal|شناسه پایانه|شناسه|پایانه/i,
  statusNames: {
    approved: /approve|accept|تأیید|تایید|پذیرش/i,
    in_review: /reply|answer|پاسخ/i,
    resolved: /resolve|رفع|حل شد/i,
  },
};

// The first of several candidate locators that is on the page (visible), waiting for any of
// them up to `timeout`. `what` names the thing for the error message.
export async function pick(what, candidates, { timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const c of candidates) {
      const first = c.first();
      if ((await first.count()) > 0 && (await first.isVisible().catch(() => false))) return first;
    }
    if (Date.now() > deadline)
      throw new Error(`the console shows no ${what} (looked for: ${candidates.map((c) => c.toString()).join(' | ')})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
// A form control by its label: text boxes and drop-downs by role, so that a button whose
// accessible name happens to match (the language switch is named "English" and "فارسی") never is.
const field = (page, testId, label) => [
  byTestId(page, testId),
  page.getByRole('textbox', { name: label }),
  page.getByRole('combobox', { name: label }),
  page.getByRole('spinbutton', { name: label }),
];
// The submit button of the form a control is in.
const submitOf = (control) => control.locator('xpath=ancestor::form[1]').locator('button[type=submit], button:not([type]), input[type=submit]');
const button = (page, testId, name) => [byTestId(page, testId), page.getByRole('button', { name })];
const link = (page, testId, name) => [byTestId(page, testId), page.getByRole('link', { name }), page.getByRole('tab', { name }), page.getByRole('button', { name })];

// The JSON reply of the next call matching `method` and `path` (a RegExp on the URL path)
// while `action` runs. A reply that is not 2xx is an error naming the route and its body.
export async function expectCall(page, method, path, action, { timeout = 20_000, ok = true } = {}) {
  const waiting = page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), { timeout });
  await action();
  const response = await waiting.catch((e) => {
    throw new Error(`the console made no ${method} ${path} call (${e.message.split('\n')[0]})`);
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (ok && !response.ok()) throw new Error(`${method} ${new URL(response.url()).pathname} answered ${response.status()}: ${text.slice(0, 500)}`);
  return { status: response.status(), body };
}

// A staff member as the test knows them: what they chose and the secret they enrolled.
export class Staff {
  constructor({ username, displayName, role, office, password }) {
    Object.assign(this, { username, displayName, role, office, password });
    this.secret = null;
  }
}

// Persian and Arabic-Indic digits to ASCII, so codes shown in Persian can be compared.
export function latinDigits(text) {
  return String(text)
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

// A RegExp that finds a tracking code however the console shows it: ASCII, Persian or
// Arabic-Indic digits, grouped with dashes or spaces or not.
export function codePattern(digits) {
  const one = (d) => `[${d}${String.fromCharCode(0x06f0 + Number(d))}${String.fromCharCode(0x0660 + Number(d))}]`;
  return new RegExp([...digits].map(one).join('[-\\s\u2010-\u2012\u00a0]?'));
}

// The language the console shows, from <html lang>; switched with its language control.
export async function language(page) {
  return page.evaluate(() => document.documentElement.lang || '');
}

export async function setLanguage(page, lang) {
  if ((await language(page)).startsWith(lang)) return;
  const name = lang === 'en' ? T.english : T.persian;
  const select = page.getByLabel(/language|زبان/i);
  if ((await select.count()) > 0 && (await select.first().evaluate((e) => e.tagName === 'SELECT'))) {
    await select.first().selectOption(lang);
  } else {
    const control = await pick(`language switch to ${lang}`, [
      byTestId(page, `lang-${lang}`),
      byTestId(page, 'lang-switch'),
      page.getByRole('button', { name }),
      page.getByRole('link', { name }),
      page.getByRole('menuitem', { name }),
    ]);
    await control.click();
  }
  await page.waitForFunction((l) => (document.documentElement.lang || '').startsWith(l), lang, { timeout: 5_000 }).catch(() => {
    throw new Error(`after the language switch <html lang> is not ${lang}`);
  });
  // The console redraws the page in the new language (fetching again): typing into the old
  // page's fields would be lost.
  await settle(page);
}

// What the page says its direction is: Persian pages must be right-to-left.
export async function direction(page) {
  return page.evaluate(() => getComputedStyle(document.documentElement).direction);
}

// The base32 secret the set-up page shows: data-testid="totp-secret", or the longest run of
// base32 characters (grouped in fours or not) in the page's visible text.
export async function shownSecret(page) {
  const tagged = byTestId(page, 'totp-secret');
  if ((await tagged.count()) > 0) return (await tagged.first().innerText()).replace(/\s+/g, '');
  const text = await page.evaluate(() => document.body.innerText);
  const runs = text.match(/\b[A-Z2-7]{4}(?:[ \u00a0]?[A-Z2-7]{4}){3,}\b/g) || [];
  if (runs.length === 0) throw new Error('the set-up page shows no base32 TOTP secret (data-testid="totp-secret" or text)');
  return runs.sort((a, b) => b.length - a.length)[0].replace(/\s+/g, '');
}

// The set-up link: choose the password (in every password field the page has: it asks twice),
// read the TOTP secret off the page (checked against the secret the route gave), confirm with a
// code computed from it. Returns the `me` the confirmation answered. `onStep(name, {switchable})`
// is called at each page the person sees (screenshots, axe); the TOTP step cannot be redrawn in
// the other language without starting over, so it is not switchable.
export async function completeSetup(page, url, staff, { onStep = async () => {} } = {}) {
  await page.goto(url);
  const passwords = page.locator('input[type=password]');
  await passwords.first().waitFor({ state: 'visible' }).catch(() => {
    throw new Error('the set-up page shows no password field');
  });
  await onStep('setup-1-password', { switchable: true });
  for (let i = 0; i < (await passwords.count()); ++i) await passwords.nth(i).fill(staff.password);
  if ((await passwords.first().inputValue()) !== staff.password) throw new Error('the set-up page lost the password typed (was it redrawn?)');
  const submit = await pick('the password form\'s submit button', [byTestId(page, 'setup-submit'), submitOf(passwords.first())]);
  const chosen = await expectCall(page, 'POST', /^\/v1\/staff\/setup\/[^/]+$/, () => submit.click());
  const codeField = await pick('TOTP code field', [byTestId(page, 'totp-code'), page.locator('input[autocomplete="one-time-code"]'), page.getByRole('textbox', { name: T.code })]);
  const secret = await shownSecret(page);
  if (base32Decode(secret).compare(base32Decode(chosen.body.totp_secret)) !== 0)
    throw new Error(`the page shows the secret ${secret}, the route gave ${chosen.body.totp_secret}`);
  staff.secret = secret;
  await onStep('setup-2-totp', { switchable: false });
  await codeField.fill(await freshTotp(secret));
  const confirm = await pick('the code form\'s submit button', [byTestId(page, 'setup-confirm'), submitOf(codeField)]);
  const confirmed = await expectCall(page, 'POST', /^\/v1\/staff\/setup\/[^/]+\/confirm$/, () => confirm.click());
  return confirmed.body.me;
}

// The login page: username, password, a fresh TOTP code (or the `code` given, to be refused).
export async function login(page, centreUrl, staff, { onStep = async () => {}, code } = {}) {
  if (!/#\/login/.test(page.url())) await page.goto(`${centreUrl}/console/#/login`);
  const userField = () => pick('username field', [byTestId(page, 'login-username'), page.locator('input[autocomplete=username]'), page.getByRole('textbox', { name: T.username })]);
  await userField();
  await onStep('login', { switchable: true });
  const user = await userField();
  await user.fill(staff.username);
  await page.locator('input[type=password]').first().fill(staff.password);
  const codeField = await pick('TOTP code field', [byTestId(page, 'login-code'), page.locator('input[autocomplete="one-time-code"]'), page.getByRole('textbox', { name: T.code })]);
  await codeField.fill(code ?? (await freshTotp(staff.secret)));
  const submit = await pick('sign-in button', [byTestId(page, 'login-submit'), submitOf(user)]);
  return expectCall(page, 'POST', /^\/v1\/staff\/login$/, () => submit.click(), { ok: code === undefined });
}

export async function logout(page) {
  const control = await pick('sign-out control', [byTestId(page, 'logout'), page.getByRole('button', { name: T.signOut }), page.getByRole('link', { name: T.signOut })]);
  await expectCall(page, 'POST', /^\/v1\/staff\/logout$/, () => control.click());
}

// What the signed-in session is, asked from the page (its cookie): GET /v1/staff/me.
export async function me(page) {
  return page.evaluate(async () => {
    const r = await fetch('/v1/staff/me', { credentials: 'same-origin' });
    return { status: r.status, body: await r.json().catch(() => null) };
  });
}

// A GET of a staff route from the page, as the console would: for checking what an action did.
export async function api(page, path) {
  return page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, path);
}

// Waits until the page has drawn what it fetched: no request in flight for half a second, and no
// part of it marked busy (aria-busy) or still saying it is loading (role=progressbar or the
// console's loading line). Never fails: a page that stays busy is photographed as it is.
export async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"], [role="progressbar"], main .loading'), null, { timeout: 10_000 })
    .catch(() => {});
}

// The console's navigation: every link the signed-in role is offered, in order.
export async function navigation(page) {
  const nav = page.getByRole('navigation');
  await nav.first().waitFor({ state: 'visible' }).catch(() => {
    throw new Error('the console shows no navigation (role=navigation) after signing in');
  });
  const links = nav.first().getByRole('link');
  const found = [];
  for (let i = 0; i < (await links.count()); ++i) {
    const l = links.nth(i);
    found.push({ name: (await l.innerText()).trim(), href: await l.getAttribute('href') });
  }
  return found.filter((l) => l.href && l.href.includes('#/'));
}

// A section of the console through its navigation: the link by its name, or by its route when
// the console's (#/accounts, #/notices, ...) is known.
export async function goTo(page, testId, name, route) {
  const nav = page.getByRole('navigation');
  const target = await pick(`link to ${name}`, [
    ...(route ? [nav.locator(`a[href="${route}"]`)] : []),
    nav.getByRole('link', { name }),
    ...link(page, testId, name),
  ]);
  await target.click();
  await settle(page);
}

// Whether `text` is on the page: in its visible text or in a form control's value (the console
// shows a set-up link in a read-only field, to be copied).
export async function onPage(page, text) {
  return page.evaluate((x) => document.body.innerText.includes(x) || [...document.querySelectorAll('input, textarea')].some((e) => e.value.includes(x)), text);
}

// Administrator: a new staff account; returns the set-up link the console shows for it.
export async function createAccount(page, staff) {
  await goTo(page, 'nav-accounts', T.accounts, '#/accounts');
  const username = async () => pick('username field', field(page, 'account-username', T.username), { timeout: 3_000 });
  let user = await username().catch(() => null);
  if (!user) {
    await (await pick('new account button', button(page, 'account-new', T.newAccount))).click();
    user = await username();
  }
  await user.fill(staff.username);
  await (await pick('display name field', field(page, 'account-display-name', T.displayName))).fill(staff.displayName);
  await (await pick('role field', field(page, 'account-role', T.role))).selectOption(staff.role);
  if (staff.office) {
    const office = await pick('office field', field(page, 'account-office', T.office));
    if (await office.evaluate((e) => e.tagName === 'SELECT')) await office.selectOption(staff.office);
    else await office.fill(staff.office);
  }
  const submit = await pick('the account form\'s submit button', [byTestId(page, 'account-create'), submitOf(user)]);
  const made = await expectCall(page, 'POST', /^\/v1\/staff\/accounts$/, () => submit.click());
  // The administrator hands the link on: it must be on the page, whole.
  const token = made.body.setup_link.split('/setup/')[1];
  await page.waitForFunction((x) => document.body.innerText.includes(x) || [...document.querySelectorAll('input, textarea')].some((e) => e.value.includes(x)), token, { timeout: 5_000 }).catch(() => {
    throw new Error(`the console does not show the new set-up link (${made.body.setup_link})`);
  });
  return made.body.setup_link;
}

// Inspector: an outage notice in both languages, at the times the form proposes (a planned
// outage, days ahead, within the kiosks' welcome-screen horizon); returns the route's notice.
export async function publishNotice(page, { textFa, textEn }) {
  await goTo(page, 'nav-notices', T.notices, '#/notices');
  const textBox = () => pick('Persian text field', field(page, 'notice-text-fa', T.textFa), { timeout: 3_000 });
  let fa = await textBox().catch(() => null);
  if (!fa) {
    await (await pick('new notice link', link(page, 'notice-new', T.newNotice))).click();
    fa = await pick('Persian text field', field(page, 'notice-text-fa', T.textFa));
  }
  await fa.fill(textFa);
  await (await pick('English text field', field(page, 'notice-text-en', T.textEn))).fill(textEn);
  const submit = await pick('the notice form\'s submit button', [byTestId(page, 'notice-publish'), submitOf(fa)]);
  const made = await expectCall(page, 'POST', /^\/v1\/staff\/notices$/, () => submit.click());
  return made.body.notice;
}

// Office manager: open a case (application or failure report) from its list by its tracking code
// as shown (grouped, Persian digits in Persian), write the note and press the decision's button.
export async function decide(page, { kind, code, status, note }) {
  const application = kind === 'application';
  await goTo(page, application ? 'nav-applications' : 'nav-failure-reports', application ? T.applications : T.failureReports, application ? '#/applications' : '#/reports');
  const row = await pick(`case ${code} in the list`, [byTestId(page, `case-${code}`), page.getByRole('link', { name: codePattern(code) })]);
  await row.click();
  await settle(page);
  await (await pick('note field', field(page, 'decision-note', T.note))).fill(note);
  const choice = await pick(`the "${status}" decision button`, [byTestId(page, `decision-${status}`), page.getByRole('button', { name: T.statusNames[status] })]);
  return expectCall(page, 'POST', new RegExp(`^/v1/staff/cases/${code}/decision$`), () => choice.click());
}

// Technician lead: a one-time enrollment code for a terminal of an office; returns the code as
// the page shows it (what a technician types into the kiosk) and the route's reply.
export async function issueEnrollmentCode(page, { office, terminalId }) {
  await goTo(page, 'nav-fleet', T.terminals, '#/fleet');
  const terminal = await pick('terminal id field', field(page, 'enroll-terminal-id', T.terminalId));
  const officeField = await pick('office field', field(page, 'enroll-office', T.office));
  if (await officeField.evaluate((e) => e.tagName === 'SELECT')) await officeField.selectOption(office);
  else await officeField.fill(office);
  await terminal.fill(terminalId);
  const submit = await pick('the enrollment form\'s submit button', [byTestId(page, 'enroll-issue'), submitOf(terminal)]);
  const issued = await expectCall(page, 'POST', /^\/v1\/staff\/enrollment-codes$/, () => submit.click());
  const shown = await pick('the issued code', [byTestId(page, 'enroll-code'), page.getByText(issued.body.display || issued.body.code, { exact: true })]);
  return { shown: latinDigits((await shown.innerText()).trim()), reply: issued.body };
}

export { totp };
