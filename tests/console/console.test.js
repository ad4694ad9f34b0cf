// The web console's browser suite: the real pishkhan-centre on a free loopback port with a fresh
// data folder, Debian's Chromium through playwright-core, and the real kiosk binary, headless,
// wherever a path ends on a kiosk. Run through CTest (label browser) or by hand:
//   node --test --test-concurrency=1 tests/console/console.test.js
// with PK_CENTRE_BINARY, PK_KIOSK_BINARY (default: build/release's) and PK_CONSOLE_OUT (screenshots
// and logs; default build/release/tests/console-screens); PK_CONSOLE_DIR serves another checkout's
// console files (pishkhan-centre --console-dir).
//
// The steps run in order and share one centre: each names the steps it needs, and is skipped
// (saying which step failed) when one of them did not pass; a missing tool is a failure.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, constants, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Centre } from './lib/centre.js';
import { Kiosk } from './lib/kiosk.js';
import { launch, newContext, axeCheck, formatViolations, Screens, axeScript, chromiumPath, loadPlaywright } from './lib/browser.js';
import * as ui from './lib/console.js';
import { runOk } from './lib/procs.js';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = resolve(here, '..', '..');
const build = process.env.PK_BUILD_DIR || join(sourceDir, 'build', 'release');
const centreBinary = process.env.PK_CENTRE_BINARY || join(build, 'centre', 'pishkhan-centre');
const kioskBinary = process.env.PK_KIOSK_BINARY || join(build, 'kiosk', 'pishkhan-kiosk');
const out = process.env.PK_CONSOLE_OUT || join(build, 'tests', 'console-screens');
const runDir = join(out, 'run'); // the centre's and the kiosk's data and logs, kept for a look after a failure
const screens = new Screens(out);

const passed = new Set();
const failed = new Set();
function step(name, needs, fn, { timeout = 180_000 } = {}) {
  test(name, { timeout }, async (t) => {
    const missing = needs.filter((n) => !passed.has(n));
    if (missing.length > 0) {
      t.skip(`needs: ${missing.join('; ')}${missing.some((m) => failed.has(m)) ? ' (failed)' : ''}`);
      return;
    }
    try {
      await fn(t);
      passed.add(name);
    } catch (e) {
      failed.add(name);
      throw e;
    }
  });
}

// What the steps share.
let browser;
let centre;
let kiosk;
const sessions = new Map(); // username -> { staff, context, page }
const cases = {};
// The office manager's words on the two cases; the kiosk's store must end up holding them.
const decisions = { reply: 'دستگاه چاپگر تا فردا تعویض می‌شود.', approval: 'مدارک کامل است؛ درخواست تأیید شد.' };
let notice;
const PASSWORD = 'Pishkhan-console-test-1405';
const staff = {
  admin: new ui.Staff({ username: 'admin', displayName: 'مدیر سامانه', role: 'administrator', password: PASSWORD }),
  inspector: new ui.Staff({ username: 'inspector1', displayName: 'بازرس استان', role: 'inspector', password: PASSWORD }),
  manager: new ui.Staff({ username: 'manager-a', displayName: 'مدیر دفتر الف', role: 'office_manager', office: 'A', password: PASSWORD }),
  lead: new ui.Staff({ username: 'techlead', displayName: 'سرپرست فنی', role: 'technician_lead', password: PASSWORD }),
};

// Screenshots in Persian and English and axe-core on the page as it is; the page stays in the
// language it was in. Serious or critical violations fail the step that called it.
const a11yFailures = [];
// A page that cannot be redrawn without losing what was typed (switchable: false) is taken in
// its current language only.
async function look(page, name, { switchable = true } = {}) {
  const start = (await ui.language(page)) || 'fa';
  const order = start.startsWith('en') ? ['en', 'fa'] : ['fa', 'en'];
  for (const lang of switchable ? order : order.slice(0, 1)) {
    await ui.setLanguage(page, lang);
    await ui.settle(page);
    if (lang === 'fa') assert.equal(await ui.direction(page), 'rtl', `${name}: the Persian page is not right-to-left`);
    await screens.take(page, name, lang);
    const violations = await axeCheck(page);
    if (violations.length > 0) a11yFailures.push(`${name} (${lang}):\n${formatViolations(violations)}`);
  }
  if (switchable) await ui.setLanguage(page, start.startsWith('en') ? 'en' : 'fa');
}
function assertAccessible(what) {
  const found = a11yFailures.splice(0);
  assert.deepEqual(found, [], `${what}: serious or critical axe-core violations:\n${found.join('\n')}`);
}
function assertNoProblems(context, what) {
  const found = context.problems.splice(0);
  assert.deepEqual(found, [], `${what}: the page reported errors (a script error, a CSP refusal, a failed call)`);
}

// A staff member's own browser (a fresh context: cookies of their own) through the set-up link,
// then a sign-out and a sign-in with password and TOTP, as they would do it.
// `language`: the console's language this person works in (Persian is the console's default).
async function onboard(member, link, { tour = false, language = 'fa' } = {}) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const onStep = tour ? (name, options) => look(page, name, options) : async () => {};
  if (language !== 'fa') {
    await page.goto(link);
    await ui.setLanguage(page, language);
  }
  const me = await ui.completeSetup(page, link, member, { onStep });
  if (tour) assertAccessible(`${member.role}'s set-up pages`);
  assert.equal(me.username, member.username);
  assert.equal(me.role, member.role);
  if (member.office) assert.equal(me.office, member.office);
  sessions.set(member.username, { staff: member, context, page });
  return { context, page };
}

after(async () => {
  await screens.index().catch(() => {});
  for (const { context } of sessions.values()) await context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await centre?.stop().catch(() => {});
});

step('tools: Chromium, playwright-core, axe-core and the centre and kiosk binaries are there', [], async () => {
  await chromiumPath();
  await loadPlaywright();
  await axeScript();
  for (const binary of [centreBinary, kioskBinary]) {
    await access(binary, constants.X_OK).catch(() => {
      throw new Error(`${binary} is missing: build it (cmake --build build/release --target pishkhan-centre pishkhan-kiosk)`);
    });
  }
  await rm(out, { recursive: true, force: true }); // no screenshot of an earlier run is left to mislead
  await mkdir(runDir, { recursive: true });
  browser = await launch();
});

step('the centre starts on a free port and prints the first administrator\'s set-up link', ['tools: Chromium, playwright-core, axe-core and the centre and kiosk binaries are there'], async () => {
  centre = await new Centre(centreBinary, join(runDir, 'centre'), runDir, { consoleDir: process.env.PK_CONSOLE_DIR }).start();
  assert.match(centre.pin, /^sha256\/\/[A-Za-z0-9+/]{43}=$/);
  staff.admin.link = await centre.staffSetupLink('admin', { role: 'administrator', displayName: staff.admin.displayName });
  assert.match(staff.admin.link, /\/console\/#\/setup\/[A-Za-z0-9_-]{16,}$/);
  // The console is served by the centre, to a browser without a client certificate.
  const page = await (await newContext(browser)).newPage();
  const response = await page.goto(`${centre.url}/console/`);
  assert.equal(response.status(), 200, 'GET /console/');
  await page.context().close();
});
const CENTRE = 'the centre starts on a free port and prints the first administrator\'s set-up link';

step('administrator: the set-up page takes a password, shows the TOTP secret, and a code computed from it signs in', [CENTRE], async () => {
  const { context } = await onboard(staff.admin, staff.admin.link, { tour: true, language: 'fa' });
  assertNoProblems(context, 'set-up pages');
  // The link is single-use.
  const again = await (await newContext(browser)).newPage();
  const reply = await again.goto(`${centre.url}/v1/staff/setup/${staff.admin.link.split('/setup/')[1]}`);
  assert.equal(reply.status(), 404, 'a used set-up link must be gone');
  await again.context().close();
});
const ADMIN_SETUP = 'administrator: the set-up page takes a password, shows the TOTP secret, and a code computed from it signs in';

step('administrator: signs out, a wrong TOTP code is refused, the right one signs in', [ADMIN_SETUP], async () => {
  const { page, context } = sessions.get('admin');
  await ui.logout(page);
  assert.equal((await ui.me(page)).status, 401, 'after signing out /v1/staff/me must be 401');
  const right = ui.totp(staff.admin.secret);
  const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
  const refused = await ui.login(page, centre.url, staff.admin, { code: wrong, onStep: (n, o) => look(page, n, o) });
  assert.equal(refused.status, 401);
  assert.equal(refused.body.reason, 'credentials');
  // Said where a screen reader hears it: a live region (role status or alert) with the message.
  await page.locator('[role=alert], [role=status]').filter({ hasText: /\S/ }).first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
    throw new Error('a refused sign-in shows no message in a live region (role=status or alert)');
  });
  await look(page, 'login-refused', { switchable: false });
  await ui.login(page, centre.url, staff.admin);
  const me = await ui.me(page);
  assert.equal(me.status, 200);
  assert.equal(me.body.role, 'administrator');
  assertAccessible('login page');
  assertNoProblems(context, 'login page');
});
const ADMIN_LOGIN = 'administrator: signs out, a wrong TOTP code is refused, the right one signs in';

// The inspector and the technician lead work in English (the inspector's set-up pages are
// photographed in English), the others in Persian, so every path runs in one of the two.
for (const [key, label, language] of [
  ['inspector', 'an inspector', 'en'],
  ['manager', 'an office manager of office A', 'fa'],
  ['lead', 'a technician lead', 'en'],
]) {
  step(`administrator creates ${label}, who sets up through the link in a browser of their own`, [ADMIN_LOGIN], async () => {
    const { page } = sessions.get('admin');
    const link = await ui.createAccount(page, staff[key]);
    await onboard(staff[key], centre.absolute(link), { tour: key === 'inspector', language });
    const listed = await ui.api(page, '/v1/staff/accounts');
    const account = listed.body.accounts.find((a) => a.username === staff[key].username);
    assert.ok(account, `${staff[key].username} is not in /v1/staff/accounts`);
    assert.equal(account.role, staff[key].role);
  });
}
const MADE = (label) => `administrator creates ${label}, who sets up through the link in a browser of their own`;

const TERMINAL = 'SKO-TEST-0001';
// A kiosk of office A with its configuration written, and its welcome screen photographed before
// it is enrolled: it cannot hold a notice yet, so this is the screen without one.
async function newKiosk(folder) {
  const made = new Kiosk(kioskBinary, join(runDir, folder), { sourceDir, terminalId: TERMINAL, office: 'A' });
  await made.writeConfig(centre);
  made.welcomeBefore = await made.screenshot(join(runDir, `${folder}-welcome-before.png`));
  return made;
}
step('technician lead issues an enrollment code; the kiosk enrolls with it', [MADE('a technician lead')], async () => {
  const { page, context } = sessions.get(staff.lead.username);
  const issued = await ui.issueEnrollmentCode(page, { office: 'A', terminalId: TERMINAL });
  assert.equal(issued.reply.pin, centre.pin, 'the code comes with the centre\'s pin');
  kiosk = await newKiosk('kiosk');
  await kiosk.enroll(issued.shown, centre); // what the technician read off the page
  assert.equal(kiosk.identity.terminal_id, TERMINAL);
  assert.equal(kiosk.identity.office, 'A');
  const terminals = await ui.api(page, '/v1/staff/terminals');
  assert.ok(terminals.body.terminals.some((t) => t.terminal_id === TERMINAL), 'the enrolled kiosk is in the fleet');
  assertNoProblems(context, 'enrollment code');
});
const ENROLLED = 'technician lead issues an enrollment code; the kiosk enrolls with it';

step('inspector publishes an outage notice', [MADE('an inspector')], async () => {
  const { page, context } = sessions.get(staff.inspector.username);
  notice = await ui.publishNotice(page, {
    textFa: 'آزمون مرورگر: قطعی برنامه‌ریزی‌شده شبکه',
    textEn: 'Browser test: planned network outage',
  });
  const listed = await ui.api(page, '/v1/staff/notices');
  assert.ok(listed.body.notices.some((n) => n.id === notice.id), 'the new notice is in /v1/staff/notices');
  assertNoProblems(context, 'notices');
});
const NOTICE = 'inspector publishes an outage notice';

// The kiosk's own journey is what puts cases in the centre. Enrolled with the console's code when
// that step passed; otherwise with the centre's command, so the office manager's steps still run.
step('kiosk: the scripted citizen journey delivers an application and a failure report to the centre', [CENTRE], async (t) => {
  if (!passed.has(ENROLLED)) {
    t.diagnostic('the console issued no enrollment code: the kiosk enrolls with pishkhan-centre --issue-enrollment-code');
    const { stdout } = await runOk(centreBinary, ['--data', centre.dataDir, '--issue-enrollment-code', '--office', 'A', '--terminal-id', TERMINAL, '--ttl-hours', '1']);
    kiosk = await newKiosk('kiosk-enrolled-by-command');
    await kiosk.enroll(stdout.trim(), centre);
  }
  await kiosk.journey(join(runDir, 'journey'));
  const codes = await kiosk.trackingCodes();
  assert.equal(codes.applications.length, 1, 'one application');
  assert.equal(codes.reports.length, 1, 'one failure report');
  cases.application = codes.applications[0];
  cases.report = codes.reports[0];
  for (const code of codes.all) {
    const status = await kiosk.statusOnWire(centre, code);
    assert.equal(status.status, 200, `${code} at the centre`);
  }
}, { timeout: 420_000 });
const JOURNEY = 'kiosk: the scripted citizen journey delivers an application and a failure report to the centre';

step('kiosk: the welcome screen shows the inspector\'s notice', [NOTICE, JOURNEY], async () => {
  const { stdout } = await runOk('sqlite3', ['-readonly', join(kiosk.dataDir, 'pishkhan.db'), 'SELECT id, text_fa, text_en FROM outage_notices']);
  assert.ok(stdout.includes(String(notice.id)), `the kiosk's store has no notice ${notice.id}:\n${stdout}`);
  for (const language of ['fa', 'en']) {
    const file = join(out, language, `kiosk-welcome-notice.png`);
    await mkdir(dirname(file), { recursive: true });
    const after = await kiosk.screenshot(file, { language });
    if (language === 'fa') assert.ok(!after.equals(kiosk.welcomeBefore), 'the welcome screen looks the same as before the notice');
  }
});

step('office manager answers the failure report; the kiosk\'s status check gets the reply', [MADE('an office manager of office A'), JOURNEY], async () => {
  const { page, context } = sessions.get(staff.manager.username);
  const reply = decisions.reply;
  await ui.decide(page, { kind: 'failure_report', code: cases.report, status: 'in_review', note: reply });
  await look(page, 'office_manager-report-answered');
  const status = await kiosk.statusOnWire(centre, cases.report);
  assert.equal(status.body.status, 'in_review');
  assert.equal(status.body.decision?.note, reply);
  assertNoProblems(context, 'failure report');
});

step('office manager approves the application; the kiosk\'s status check shows it approved', [MADE('an office manager of office A'), JOURNEY], async () => {
  const { page, context } = sessions.get(staff.manager.username);
  const note = decisions.approval;
  await ui.decide(page, { kind: 'application', code: cases.application, status: 'approved', note });
  await look(page, 'office_manager-application-approved');
  const status = await kiosk.statusOnWire(centre, cases.application);
  assert.equal(status.body.status, 'approved');
  assertNoProblems(context, 'application');
});

// The decisions on the kiosk's own screen: the citizen's status check, headless, after the
// kiosk's sync worker has asked the centre (the only way a decision reaches a terminal). The
// kiosk's line names the centre status its store holds and what the screen says; the store
// itself must hold the decision, which it did not before this step.
const REPORT_ANSWERED = 'office manager answers the failure report; the kiosk\'s status check gets the reply';
const APPLICATION_APPROVED = 'office manager approves the application; the kiosk\'s status check shows it approved';
step('kiosk: the status check screen, after a status poll, shows the reply and the approval', [REPORT_ANSWERED, APPLICATION_APPROVED], async () => {
  const storeRow = async (code) => {
    const { stdout } = await runOk('sqlite3', ['-readonly', '-separator', '|', join(kiosk.dataDir, 'pishkhan.db'),
      `SELECT centre_status, coalesce(centre_note, '') FROM applications WHERE tracking_code = '${code}'`]);
    return stdout.trim();
  };
  // The application first: each run's poll asks about both codes, and once the store holds a
  // final status (approved) the kiosk asks no more about it. The report stays in review, so it
  // is asked about on every run.
  const checks = [
    { code: cases.application, languages: ['fa'], name: 'kiosk-status-application-approved', status: 'approved', note: decisions.approval, details: 0 },
    { code: cases.report, languages: ['fa', 'en'], name: 'kiosk-status-report-answered', status: 'in_review', note: decisions.reply, details: 1 },
  ];
  for (const c of checks) {
    for (const language of c.languages) {
      const file = join(out, language, `${c.name}.png`);
      await mkdir(dirname(file), { recursive: true });
      const { log, shown } = await kiosk.statusCheck(c.code, file, { language });
      // The poll for this very code finished before the lookup (not the 30 s bound running out).
      assert.match(log, new RegExp(`status check: the centre was asked about ${c.code} and answered`), `${c.code}: no status poll finished:\n${log.slice(-3000)}`);
      assert.match(shown, new RegExp(`shown \\(${language}\\): .*; centre status ${c.status}; ${c.details} line\\(s\\) from the back office`), shown);
      assert.equal(await storeRow(c.code), `${c.status}|${c.note}`, `the kiosk's store for ${c.code}`);
      const png = await readFile(file);
      assert.ok(png.length > 10_000 && png.subarray(1, 4).toString() === 'PNG', `${file} is not a real PNG`);
    }
  }
});

// Every page each role is offered, in both languages: a screenshot each, axe-core, no errors.
for (const key of ['admin', 'inspector', 'manager', 'lead']) {
  const needs = key === 'admin' ? ADMIN_LOGIN : MADE({ inspector: 'an inspector', manager: 'an office manager of office A', lead: 'a technician lead' }[key]);
  step(`${staff[key].role}: every console page in Persian and English, no serious or critical axe violations`, [needs], async () => {
    const { page, context } = sessions.get(staff[key].username);
    const links = await ui.navigation(page);
    assert.ok(links.length > 0, 'the navigation has no links');
    for (const [i, l] of links.entries()) {
      await page.goto(new URL(l.href, page.url()).toString());
      await ui.settle(page);
      const slug = l.href.replace(/^.*#\//, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'home';
      await look(page, `${staff[key].role}-${String(i + 1).padStart(2, '0')}-${slug}`);
    }
    assertAccessible(`${staff[key].role}'s pages`);
    assertNoProblems(context, `${staff[key].role}'s pages`);
  }, { timeout: 300_000 });
}
