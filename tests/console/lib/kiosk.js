// The real kiosk binary (pishkhan-kiosk), headless, as a terminal of the centre under test: its
// own configuration and data folder, enrolled with a code the console issued, the scripted
// citizen journey (an application and a failure report delivered to the centre), the welcome
// screen and the status check's result screen as PNGs, and the terminal's own status call with
// its client certificate.
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:https';
import { runOk } from './procs.js';

export class Kiosk {
  constructor(binary, dir, { sourceDir, terminalId = 'SKO-TEST-0001', number = 1, office = 'A' } = {}) {
    this.binary = binary;
    this.dir = dir;
    this.dataDir = join(dir, 'data');
    this.config = join(dir, 'pishkhan.toml');
    this.sourceDir = sourceDir;
    this.terminalId = terminalId;
    this.number = number;
    this.office = office;
  }

  async writeConfig(centre) {
    await mkdir(this.dataDir, { recursive: true });
    const toml = [
      '[terminal]',
      `id = "${this.terminalId}"`,
      `number = ${this.number}`,
      `office = "${this.office}"`,
      '[paths]',
      `data_dir = "${this.dataDir}"`,
      `catalog = "${join(this.sourceDir, 'data', 'catalog.json')}"`,
      '[ui]',
      'width = 1280',
      'height = 800',
      '[centre]',
      `url = "${centre.url}"`,
      `pin = "${centre.pin}"`,
      '',
    ].join('\n');
    await writeFile(this.config, toml);
  }

  // pishkhan-kiosk --enroll CODE --centre-url URL --centre-pin PIN: exit 0 when enrolled.
  async enroll(code, centre) {
    const { stderr } = await runOk(
      this.binary,
      ['--config', this.config, '--enroll', code, '--centre-url', centre.url, '--centre-pin', centre.pin],
      { timeoutMs: 120_000 },
    );
    this.identity = JSON.parse(await readFile(join(this.dataDir, 'keys', 'identity.json'), 'utf8'));
    return stderr;
  }

  // The scripted citizen journey, headless: an application (service 3) and a failure report,
  // delivered to the centre before it exits (it says so on stderr).
  async journey(outDir, { timeoutMs = 300_000 } = {}) {
    const { stderr } = await runOk(this.binary, ['--config', this.config, '--headless', '--journey', outDir], {
      timeoutMs,
    });
    await writeFile(join(outDir, 'kiosk.log'), stderr);
    if (!/every capture reached the centre/.test(stderr))
      throw new Error(`the kiosk's journey did not deliver everything to the centre:\n${stderr.slice(-3000)}`);
    return stderr;
  }

  // The first screen (the welcome screen, with its outage notices) as a PNG.
  async screenshot(file, { language = 'fa' } = {}) {
    await runOk(this.binary, ['--config', this.config, '--headless', '--language', language, '--screenshot', file], {
      timeoutMs: 120_000,
    });
    return readFile(file);
  }

  // The citizen's status check, headless: pishkhan-kiosk --status-check CODE --screenshot FILE
  // (after a status poll with the centre, at most 30 s). Its log is kept beside the PNG
  // (FILE with .log); returns the log and the kiosk's line naming what the screen showed.
  async statusCheck(code, file, { language = 'fa' } = {}) {
    const { stderr } = await runOk(
      this.binary,
      ['--config', this.config, '--headless', '--language', language, '--status-check', code, '--screenshot', file],
      { timeoutMs: 120_000 },
    );
    await writeFile(file.replace(/\.png$/, '.log'), stderr);
    const shown = stderr.split('\n').find((l) => /status check: .* shown \((fa|en)\): /.test(l));
    if (!shown) throw new Error(`the kiosk's status check named nothing it showed:\n${stderr.slice(-3000)}`);
    return { log: stderr, shown };
  }

  // The tracking codes this kiosk issued, from its own store: kind 1 applications, 2 reports.
  async trackingCodes() {
    const { stdout } = await runOk('sqlite3', ['-readonly', join(this.dataDir, 'pishkhan.db'), 'SELECT tracking_code FROM applications ORDER BY id'], {
      timeoutMs: 30_000,
    });
    const codes = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    return { applications: codes.filter((c) => c.startsWith('1')), reports: codes.filter((c) => c.startsWith('2')), all: codes };
  }

  // What the kiosk's status check asks: GET /v1/applications/<code> with the terminal's client
  // certificate, trusting only the centre's CA (as the terminal does).
  async statusOnWire(centre, code) {
    const keys = join(this.dataDir, 'keys');
    const [cert, key, ca] = await Promise.all(['terminal.pem', 'terminal.key', 'centre-ca.pem'].map((f) => readFile(join(keys, f))));
    return new Promise((resolve, reject) => {
      const req = request(
        { host: centre.host, port: centre.port, path: `/v1/applications/${code}`, method: 'GET', cert, key, ca, timeout: 30_000 },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (body += c));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode, body: JSON.parse(body) });
            } catch {
              resolve({ status: res.statusCode, body });
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('status call: no reply in 30 s')));
      req.on('error', reject);
      req.end();
    });
  }
}
