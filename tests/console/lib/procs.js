// Child processes of the harness: every one is killed when the harness exits, however it exits,
// and its output is kept in a log file in the run's folder for the report.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const children = new Set();
function killAll() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {}
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

// Runs a command to its end; resolves {code, stdout, stderr}; rejects only when it cannot start
// or outlives `timeoutMs`.
export function run(file, args, { timeoutMs = 120_000, input, env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20, env: env ?? process.env, cwd },
      (error, stdout, stderr) => {
        children.delete(child);
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')}: ${error.killed ? `still running after ${timeoutMs} ms` : error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? error.code : 0, stdout, stderr });
      },
    );
    children.add(child);
    if (input !== undefined) child.stdin.end(input);
  });
}

// Like run, but a non-zero exit is an error that shows the command and its stderr.
export async function runOk(file, args, options) {
  const result = await run(file, args, options);
  if (result.code !== 0)
    throw new Error(`${file} ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result;
}

// A long-running child whose stdout is watched line by line; stdout and stderr go to `logFile`.
export function startDaemon(file, args, { logFile, env } = {}) {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  children.add(child);
  const log = logFile ? createWriteStream(logFile) : null;
  const lines = [];
  const waiters = [];
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    log?.write(chunk);
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.test(line)) w.resolve(line);
    }
  });
  child.stderr.on('data', (chunk) => log?.write(chunk));
  const exited = once(child, 'exit').then(([code, signal]) => {
    children.delete(child);
    for (const w of waiters) w.reject(new Error(`${file} exited (${code ?? signal}) before printing what was awaited; see ${logFile}`));
    return { code, signal };
  });
  return {
    child,
    lines,
    exited,
    // Resolves with the first line (already printed or to come) that matches `pattern`.
    waitForLine(pattern, timeoutMs = 60_000) {
      const found = lines.find((l) => pattern.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          test: (l) => pattern.test(l),
          resolve: (l) => {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(waiter), 1);
            resolve(l);
          },
          reject,
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`${file}: no line matching ${pattern} within ${timeoutMs} ms; see ${logFile}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exited;
      clearTimeout(timer);
      log?.end();
      return result;
    },
  };
}
