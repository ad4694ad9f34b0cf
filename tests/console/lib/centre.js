// The real reference centre (pishkhan-centre) on a free loopback port with a fresh data folder,
// and its command-line forms the harness needs (staff set-up links, the pin).
import { join } from 'node:path';
import { startDaemon, runOk } from './procs.js';

export class Centre {
  // consoleDir: the console's files to serve instead of the ones the binary was built with (a
  // checkout of another branch, say); empty for the built-in default.
  constructor(binary, dataDir, logDir, { consoleDir } = {}) {
    this.binary = binary;
    this.dataDir = dataDir;
    this.logFile = join(logDir, 'centre.log');
    this.consoleDir = consoleDir;
  }

  // Starts it and waits for `pin sha256//...` and `listening on HOST:PORT` on its stdout.
  async start() {
    const args = ['--data', this.dataDir, '--port', '0'];
    if (this.consoleDir) args.push('--console-dir', this.consoleDir);
    this.daemon = startDaemon(this.binary, args, { logFile: this.logFile });
    const listening = await this.daemon.waitForLine(/^listening on /, 60_000);
    const pinLine = await this.daemon.waitForLine(/^pin sha256\/\//, 1_000);
    const match = /^listening on (.+):(\d+)$/.exec(listening.trim());
    if (!match) throw new Error(`centre: cannot read "${listening}"`);
    this.host = match[1];
    this.port = Number(match[2]);
    this.pin = pinLine.trim().slice('pin '.length);
    this.url = `https://${this.host}:${this.port}`;
    return this;
  }

  async stop() {
    await this.daemon?.stop();
  }

  // `--staff-setup-link USERNAME [--role R] [--display-name N] [--staff-office O]`: the account (made if
  // needed) and its one-time link's path /console/#/setup/<token>, as an absolute URL.
  async staffSetupLink(username, { role, displayName, office } = {}) {
    const args = ['--data', this.dataDir, '--staff-setup-link', username];
    if (role) args.push('--role', role);
    if (displayName) args.push('--display-name', displayName);
    if (office) args.push('--staff-office', office);
    const { stdout } = await runOk(this.binary, args, { timeoutMs: 30_000 });
    const path = stdout.split('\n').map((l) => l.trim()).find((l) => l.includes('/console/#/setup/'));
    if (!path) throw new Error(`--staff-setup-link printed no /console/#/setup/<token> path:\n${stdout}`);
    return this.absolute(path.slice(path.indexOf('/console/')));
  }

  // A path or URL the console gave (a set-up link) made absolute on this centre.
  absolute(link) {
    return new URL(link, this.url + '/').toString();
  }
}
