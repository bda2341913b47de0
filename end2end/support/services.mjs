// Real outside services the end-to-end tests start for the portal: an SMTP server (PyPI's
// aiosmtpd, from the test virtualenv `scripts/setup.sh test` makes) and ClamAV's daemon with a
// signature database holding only the EICAR test file (its mirror cannot be reached here, see
// shared/TOOLCHAIN.md). Both are found, never downloaded; when one is missing the tests fail,
// since `scripts/setup.sh test` installs them.
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './portal.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The EICAR anti-virus test file (harmless; every scanner must report it). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

function findProgram(name, extra = []) {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin', ...extra];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} not found: run scripts/setup.sh test`);
}

async function waitForPort(port, child, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code) => { exited = code; });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${what} exited with ${exited}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`);
}

function stopper(child, dir) {
  return async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * An SMTP server on loopback; resolves to { port, messages(), stop }. `messages()` gives what it
 * received, as aiosmtpd and Python's e-mail parser decoded it ({ rcpt_tos, subject, body, … }).
 */
export async function startSmtp() {
  const python = path.join(homedir(), '.cache', 'dichvucong', 'venv', 'bin', 'python');
  if (!existsSync(python)) throw new Error(`${python} not found: run scripts/setup.sh test`);
  const dir = mkdtempSync(path.join(tmpdir(), 'smtp-e2e-'));
  const port = await freePort();
  const child = spawn(python, [path.join(root, 'server/tests/support/smtp_server.py'), '127.0.0.1', String(port), dir],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port, child, 'the SMTP server', 15_000);
  return {
    port,
    messages() {
      return readdirSync(dir).filter((n) => n.endsWith('.json'))
        .map((n) => JSON.parse(readFileSync(path.join(dir, n), 'utf8')));
    },
    stop: stopper(child, dir),
  };
}

/** clamd on loopback knowing only the EICAR signature; resolves to { address, stop }. */
export async function startClamd() {
  const clamd = findProgram('clamd');
  const sigtool = findProgram('sigtool');
  const dir = mkdtempSync(path.join(tmpdir(), 'clamd-e2e-'));
  const db = path.join(dir, 'db');
  mkdirSync(db);
  mkdirSync(path.join(dir, 'tmp'));
  writeFileSync(path.join(dir, 'eicar.txt'), EICAR);
  writeFileSync(path.join(db, 'eicar.hdb'), execFileSync(sigtool, ['--md5', path.join(dir, 'eicar.txt')]));
  const port = await freePort();
  writeFileSync(path.join(dir, 'clamd.conf'), [
    `DatabaseDirectory ${db}`, `TCPSocket ${port}`, 'TCPAddr 127.0.0.1', `PidFile ${dir}/clamd.pid`,
    `TemporaryDirectory ${dir}/tmp`, 'Foreground yes', 'StreamMaxLength 60M', '',
  ].join('\n'));
  const child = spawn(clamd, ['-c', path.join(dir, 'clamd.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(port, child, 'clamd', 60_000);
  return { address: `tcp://127.0.0.1:${port}`, stop: stopper(child, dir) };
}
