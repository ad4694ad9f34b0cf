// Debian's Chromium driven by playwright-core (no browser of Playwright's own), the console's
// pages checked with axe-core and photographed in Persian and English.
import { access, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

// playwright-core and axe-core come from node_modules, which scripts/bootstrap fills with npm ci
// from the lockfile. Missing is a failure that says how to fix it, never a skip.
export async function loadPlaywright() {
  try {
    return (await import('playwright-core')).chromium;
  } catch (e) {
    throw new Error(`playwright-core is not installed in tests/console/node_modules (${e.code ?? e.message}): run scripts/bootstrap`);
  }
}

let axeSource;
export async function axeScript() {
  if (!axeSource) {
    try {
      axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    } catch (e) {
      throw new Error(`axe-core is not installed in tests/console/node_modules (${e.code ?? e.message}): run scripts/bootstrap`);
    }
  }
  return axeSource;
}

export async function chromiumPath() {
  const path = process.env.PK_CHROMIUM || '/usr/bin/chromium';
  try {
    await access(path, constants.X_OK);
  } catch {
    throw new Error(`no Chromium at ${path}: scripts/bootstrap installs Debian's package chromium (or set PK_CHROMIUM)`);
  }
  return path;
}

export async function launch() {
  const chromium = await loadPlaywright();
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox.
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
    timeout: 60_000,
  });
}

// A fresh context (its own cookies: one staff member) that accepts the centre's self-signed CA
// and keeps the console's CSP in force. Every page error, CSP refusal or console error is kept in
// `context.problems`, so a test can fail on a page that throws.
export async function newContext(browser, { locale = 'fa-IR' } = {}) {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    locale,
    timezoneId: 'Asia/Tehran',
    viewport: { width: 1280, height: 900 },
  });
  context.problems = [];
  context.on('page', (page) => watch(page, context.problems));
  context.setDefaultTimeout(15_000);
  return context;
}

export function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    // A 401 is how the console learns there is no session (it then shows the sign-in page), and
    // how a refused sign-in is answered: Chromium logs the resource, the page handles it.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
}

// axe-core on the page as it is now. Injected with page.evaluate, which the console's CSP
// (script-src 'self') does not govern, so the CSP stays on for the test. Returns the serious and
// critical violations, each as one readable line.
export async function axeCheck(page) {
  const source = await axeScript();
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function formatViolations(violations) {
  return violations.map((v) => `  ${v.impact} ${v.id}: ${v.help} — ${v.nodes.join(', ')}`).join('\n');
}

export class Screens {
  constructor(dir) {
    this.dir = dir;
    this.taken = [];
  }
  async take(page, name, lang) {
    const folder = join(this.dir, lang);
    await mkdir(folder, { recursive: true });
    const file = join(folder, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.taken.push(file);
    return file;
  }
  async index() {
    await writeFile(join(this.dir, 'index.txt'), this.taken.join('\n') + '\n');
  }
}
