// Starts the real portal binary on a free loopback port with a fresh SQLite database and file
// store (migrated and seeded through the CLI, as `make run` does), and launches Debian's
// Chromium through playwright-core. Nothing is downloaded.
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');

/** Path of the portal binary under test (PORTAL_BIN, set by scripts/test.sh). */
export function portalBin() {
  const bin = process.env.PORTAL_BIN;
  if (!bin) throw new Error('PORTAL_BIN must name the portal binary to test');
  return bin;
}

/** A free TCP port on loopback (the portal's public URL must name its real port). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a portal with its own temp database; resolves to { url, outboxDir, stop }.
 * `port` and `env` let a test fix the address beforehand (an OpenID provider needs the
 * redirect URI before the portal starts) and add settings.
 */
export async function startPortal({ port, env: extra = {} } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'));
  const listenPort = port ?? (await freePort());
  const env = {
    ...process.env,
    PORTAL_DATABASE_URL: `sqlite://${dir}/portal.db?mode=rwc`,
    PORTAL_FILES_DIR: `${dir}/files`,
    PORTAL_OUTBOX_DIR: `${dir}/outbox`,
    PORTAL_SITE_ROOT: process.env.PORTAL_SITE_ROOT ?? path.join(root, 'build', 'site'),
    PORTAL_SEED_DIR: process.env.PORTAL_SEED_DIR ?? path.join(root, 'seed'),
    PORTAL_LISTEN_ADDR: `127.0.0.1:${listenPort}`,
    PORTAL_PUBLIC_URL: `http://127.0.0.1:${listenPort}`,
    PORTAL_OUTBOX_POLL_SECS: '1',
    PORTAL_LOG_LEVEL: 'warn',
    ...extra,
  };
  execFileSync(portalBin(), ['migrate'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(portalBin(), ['seed'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const child = spawn(portalBin(), ['serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('portal did not start within 30 s')), 30_000);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/running at (http:\/\/[^/\s]+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`portal exited early with ${code}`)));
  });
  return {
    url,
    outboxDir: `${dir}/outbox`,
    // The SQLite file, for a test that moves what only the clock moves (a due date passing).
    dbPath: `${dir}/portal.db`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Pages already checked by axe in this test file: a path pattern at a width, with or without
 * an error summary (the same page with errors shown is another page to check). */
const audited = new Set();

/**
 * Makes `page.goto` and `page.waitForURL` run axe-core on every HTML page they reach, once per
 * path pattern and width, and fail at once on a serious or critical violation: so every page the
 * suite visits is checked (issue 27) — opened by address or reached by a link or a form the test
 * waited for — not only those a test remembered to check.
 */
function auditEveryVisit(page, width, javaScriptEnabled) {
  // axe runs as a script in the page: a browser with scripts off cannot run it (the same pages
  // are visited with scripts on, and the server's HTML is what axe reads either way).
  if (!javaScriptEnabled) return page;
  const audit = async () => {
    const pattern = new URL(page.url()).pathname
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
      .replace(/\/\d+(?=\/|$)/g, '/:n');
    const withErrors = (await page.locator('.error-summary').count()) > 0;
    const key = `${pattern} ${width} ${withErrors}`;
    if (audited.has(key)) return;
    audited.add(key);
    const violations = await seriousViolations(page);
    if (violations.length) {
      throw new Error(`axe on ${page.url()} at ${width} px:\n  ${violations.join('\n  ')}`);
    }
  };
  const isHtml = () =>
    page.evaluate(() => document.contentType === 'text/html').catch(() => false);
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    const type = response?.headers()['content-type'] ?? '';
    if (response && type.startsWith('text/html')) await audit();
    return response;
  };
  const waitForURL = page.waitForURL.bind(page);
  page.waitForURL = async (url, options) => {
    await waitForURL(url, options);
    // Only a page that has loaded is read: a test waiting for a mere commit goes on at once.
    if (options?.waitUntil === 'commit' || options?.waitUntil === 'domcontentloaded') return;
    if (await isHtml()) await audit();
  };
  return page;
}

/** Launches headless Chromium; `javaScriptEnabled: false` gives the no-JS journey. Staff pages
 * are checked at 1366 px (the default) and citizen pages at 360 px by the tests that ask. */
export async function launchBrowser({ javaScriptEnabled = true, width = 1366, height = 900 } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'portal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled,
    viewport: { width, height },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const newPage = context.newPage.bind(context);
  context.newPage = async () => auditEveryVisit(await newPage(), width, javaScriptEnabled);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the wasm client has hydrated the page (`frontend` marks `<html>` when done). */
export async function waitForHydration(page) {
  await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached', timeout: 30_000 });
}

/** Runs axe-core on the page; returns violations that are serious or critical. */
export async function seriousViolations(page) {
  // Evaluated through DevTools rather than added as a <script>: the portal's Content-Security-
  // Policy refuses scripts without its nonce, as it should.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') + '\n;undefined');
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Calls the portal's JSON API with the session of `page`'s browser (as a mobile app does):
 * the CSRF header from the browser's `csrf` cookie, JSON or raw bytes as the body.
 */
export async function apiCall(portal, page, method, url, body) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value ?? '';
  const res = await page.request.fetch(`${portal.url}${url}`, {
    method,
    headers: { 'x-csrf-token': csrf, ...(Buffer.isBuffer(body) ? {} : { 'content-type': 'application/json' }) },
    data: Buffer.isBuffer(body) ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status(), body: text ? JSON.parse(text) : null };
}
