// The citizen's download budget (issue 29), measured as a browser receives it: the WebAssembly
// that the home page and the catalogue fetch (brotli, as the server sends it to Chromium) and the
// home page's HTML + CSS (gzip). `make test` fails when a change goes over; `make bench` records
// the figures and what is inside the module (BENCHMARKS.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startPortal, launchBrowser, waitForHydration } from '../support/portal.mjs';

/** Bytes of WebAssembly a citizen's page may fetch, as transferred (brotli). */
const WASM_BUDGET = 150_000;
/** Bytes of the home page's HTML and CSS together, gzip-compressed. */
const HOME_BUDGET = 30_000;

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

/** The `.wasm` responses of `path` once its islands are awake: [{ url, bytes, encoding }]. */
async function wasmFetched(context, path) {
  const page = await context.newPage();
  const fetched = [];
  const pending = [];
  page.on('requestfinished', (request) => {
    if (!new URL(request.url()).pathname.endsWith('.wasm')) return;
    pending.push((async () => {
      const sizes = await request.sizes();
      const response = await request.response();
      fetched.push({
        url: request.url(),
        bytes: sizes.responseBodySize,
        encoding: response?.headers()['content-encoding'] ?? 'identity',
      });
    })());
  });
  await page.goto(portal.url + path);
  await waitForHydration(page);
  await Promise.all(pending);
  const islands = await page.locator('leptos-island').count();
  await page.close();
  return { fetched, islands };
}

test('the home page and the catalogue fetch at most 150 KB of WebAssembly', async (t) => {
  for (const path of ['/', '/thu-tuc', '/thu-tuc?q=khai+sinh']) {
    // A new browser each time: a first visit, with nothing in the HTTP cache.
    const browser = await launchBrowser({ width: 360, height: 740 });
    try {
      const { fetched, islands } = await wasmFetched(browser.context, path);
      assert.ok(islands > 0, `${path} has islands`);
      // Fetched once (the islands woke up) and compressed, else the figure would mean nothing.
      assert.equal(fetched.length, 1, `${path}: ${JSON.stringify(fetched)}`);
      const [{ bytes, encoding }] = fetched;
      assert.equal(encoding, 'br', `${path} gets the brotli copy`);
      t.diagnostic(`${path}: ${bytes} B of wasm (brotli)`);
      assert.ok(bytes > 0 && bytes <= WASM_BUDGET, `${path}: ${bytes} B > ${WASM_BUDGET} B`);
    } finally {
      await browser.close();
    }
  }
});

test('a page without islands fetches no WebAssembly at all', async () => {
  const browser = await launchBrowser({ width: 360, height: 740 });
  try {
    const { fetched, islands } = await wasmFetched(browser.context, '/tra-cuu');
    assert.equal(islands, 0);
    assert.deepEqual(fetched, []);
  } finally {
    await browser.close();
  }
});

test("the home page's HTML and CSS are at most 30 KB gzip", async (t) => {
  const html = await (await fetch(portal.url + '/')).text();
  const css = html.match(/href="([^"]+\.css)"/)?.[1];
  assert.ok(css, 'the page links its stylesheet');
  const sheet = await (await fetch(new URL(css, portal.url))).text();
  const bytes = gzipSync(html, { level: 9 }).length + gzipSync(sheet, { level: 9 }).length;
  t.diagnostic(`home HTML + CSS: ${bytes} B gzip`);
  assert.ok(bytes <= HOME_BUDGET, `${bytes} B > ${HOME_BUDGET} B`);
});

test('the wasm holds no translation table: islands get their few texts from the page', () => {
  // Every interface text longer than a few words, in both languages; none may be in the module
  // (an island that called the translation functions would pull both tables in).
  const root = process.env.PORTAL_SITE_ROOT || 'build/site';
  const wasm = readFileSync(path.join(root, 'pkg', 'site_bg.wasm'));
  const texts = ['vi', 'en'].flatMap((lang) => Object.values(JSON.parse(
    readFileSync(new URL(`../../app/locales/${lang}.json`, import.meta.url), 'utf8'),
  ))).filter((t) => t.length >= 24);
  assert.ok(texts.length > 500, `${texts.length} texts read`);
  const found = texts.filter((t) => wasm.includes(Buffer.from(t, 'utf8')));
  assert.deepEqual(found, []);
});
