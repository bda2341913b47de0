// Lighthouse 12.2.3 (pinned in package.json) against a running portal, with mobile emulation in
// Debian's Chromium, on the pages a citizen meets: the home page, a search result, a procedure
// page, a filing step and a dossier page (the last two signed in as the demo citizen, with a
// dossier filed through the JSON API first). Prints a Markdown table; `make bench` puts it in
// BENCHMARKS.md. Usage: node scripts/lighthouse.mjs http://127.0.0.1:PORT (LH_DEBUG=1 lists each
// page's requests on stderr).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const base = process.argv[2];
if (!base) throw new Error('usage: node scripts/lighthouse.mjs BASE_URL');
const CSRF = 'lighthouse-csrf-token';

/** Signs the demo citizen in; returns the session and its CSRF token. */
async function signIn() {
  const res = await fetch(`${base}/api/ui/sign_in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      cookie: `csrf=${CSRF}`,
    },
    body: new URLSearchParams({ identifier: 'congdan@dichvucong.localhost', password: 'Demo@2026', csrf_token: CSRF }),
  });
  const cookie = (name) => res.headers.getSetCookie().map((c) => c.match(new RegExp(`^${name}=([^;]+)`))?.[1]).find(Boolean);
  const [sid, csrf] = [cookie('sid'), cookie('csrf')];
  if (!sid || !csrf) throw new Error(`the demo citizen could not sign in (${res.status})`);
  return { sid, csrf };
}

/** One JSON API call with the citizen's session. */
async function api({ sid, csrf }, method, path, body, type = 'application/json') {
  const res = await fetch(base + path, {
    method,
    headers: { cookie: `sid=${sid}; csrf=${csrf}`, 'x-csrf-token': csrf, accept: 'application/json', ...(body ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json().catch(() => ({}));
}

/** A draft (its id) and a submitted dossier (its id), as the bench's filings are made. */
async function dossiers(sid) {
  const draft = await api(sid, 'POST', '/api/v1/dossiers', { procedure_code: 'TN.ATTP.001' });
  const filed = await api(sid, 'POST', '/api/v1/dossiers', { procedure_code: 'TN.ATTP.001' });
  const applicant = { ...filed.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000001' };
  const saved = await api(sid, 'PATCH', `/api/v1/dossiers/${filed.id}`, {
    revision: filed.revision, applicant,
    answers: { noi_dung: 'Cấp giấy chứng nhận cho quán ăn' }, delivery: { method: 'electronic' },
  });
  const slots = saved.problems.map((p) => p.field).filter((f) => f.startsWith('doc-')).map((f) => f.slice(4));
  const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20_000, ' ')]);
  for (const slot of slots) {
    await api(sid, 'POST', `/api/v1/dossiers/${filed.id}/files?slot=${slot}&name=scan.pdf`, scan, 'application/pdf');
  }
  const current = await api(sid, 'GET', `/api/v1/dossiers/${filed.id}`);
  await api(sid, 'PATCH', `/api/v1/dossiers/${filed.id}`, { revision: current.revision, documents_done: true });
  await api(sid, 'POST', `/api/v1/dossiers/${filed.id}/submit`, { declaration: true });
  return { draft: draft.id, filed: filed.id };
}

const session = await signIn();
const { draft, filed } = await dossiers(session);
const procedure = (await (await fetch(`${base}/thu-tuc?q=khai+sinh`)).text()).match(/href="(\/thu-tuc\/[^"?]+)"/)?.[1];
if (!procedure) throw new Error('no procedure link on the search page');
const pages = [
  ['home page', '/', false],
  ['search result', '/thu-tuc?q=khai+sinh', false],
  ['procedure page', procedure, false],
  ['filing step (applicant, signed in)', `/ho-so/${draft}/nguoi-nop`, true],
  ['dossier page (signed in)', `/ho-so/${filed}`, true],
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const rows = [];
try {
  for (const [label, path, signedIn] of pages) {
    const result = await lighthouse(base + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      extraHeaders: signedIn ? { Cookie: `sid=${session.sid}; csrf=${session.csrf}` } : undefined,
    });
    const { categories, audits } = result.lhr;
    if (process.env.LH_DEBUG) {
      console.error(label, result.lhr.finalDisplayedUrl, audits['network-requests'].details.items.map((i) => `${i.url} ${i.transferSize}`).join('\n  '));
    }
    const score = (c) => Math.round(categories[c].score * 100);
    const transfer = Math.round(audits['total-byte-weight'].numericValue / 1024);
    const failing = ['accessibility', 'best-practices'].flatMap((c) => categories[c].auditRefs
      .filter((r) => r.weight > 0 && audits[r.id].score !== null && audits[r.id].score < 1)
      .map((r) => r.id));
    rows.push(`| ${label} (\`${path.replace(/[0-9a-f-]{36}/, '{id}')}\`) | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${audits['largest-contentful-paint'].displayValue} | ${audits['total-blocking-time'].displayValue} | ${transfer} KiB | ${failing.join(', ') || '—'} |`);
  }
} finally {
  await chrome.kill();
}
console.log('| page | performance | accessibility | best practices | largest paint | blocking time | transferred | audits below 100 % |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|');
for (const row of rows) console.log(row);
