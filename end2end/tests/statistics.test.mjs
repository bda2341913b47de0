// Transparency in Chromium (issue 24): the public statistics and the Decision 766 index work
// with JavaScript off (a GET form, the charts drawn by the server) and pass axe at 360 px; the
// leaders' wallboard shows a dossier that has just gone overdue within 5 seconds, without a
// reload, through its live feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startPortal, launchBrowser, apiCall } from '../support/portal.mjs';
import { signedIn, fileDossier } from '../support/back_office.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

test('the statistics and the index work without JavaScript and pass axe at 360 px', async () => {
  const noJs = await launchBrowser({ javaScriptEnabled: false, width: 360, height: 800 });
  const withJs = await launchBrowser({ width: 360, height: 800 });
  try {
    // Without JavaScript: the form is sent by the browser, the figures and charts come back.
    const page = await noJs.context.newPage();
    await page.goto(`${portal.url}/thong-ke`);
    assert.match(await page.locator('h1').innerText(), /Thống kê/);
    const year = await page.locator('#period option', { hasText: /^Năm / }).first().getAttribute('value');
    await page.selectOption('#period', year);
    await page.selectOption('#agency', '000.00.00.H53');
    await Promise.all([page.waitForURL(/period=/), page.click('form.stat-form button[type=submit]')]);
    assert.ok(new URL(page.url()).searchParams.get('period') === year, page.url());
    assert.match(await page.locator('.stat-report h2').innerText(), /Ủy ban nhân dân tỉnh Tây Ninh/);
    assert.equal(await page.locator('.stat-charts svg').count(), 2, 'two charts');
    assert.equal(await page.locator('.stat-charts table').count(), 2, 'each with its table');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'fits 360 px');
    // A wrong choice is named in Vietnamese, the form kept.
    await page.goto(`${portal.url}/thong-ke?from=2026-12-09&to=2026-12-01`);
    assert.match(await page.locator('.error-summary').innerText(), /Hãy nhập cả hai ngày/);
    // The index: the ranking, then an agency's indicators with the calculation written out.
    await page.goto(`${portal.url}/thong-ke`);
    await Promise.all([page.waitForURL(/chi-so-766/), page.click('a[href="/thong-ke/chi-so-766"]')]);
    assert.match(await page.locator('h1').innerText(), /766/);
    const first = page.locator('table.index-table tbody th a').first();
    await Promise.all([page.waitForURL(/agency=/), first.click()]);
    assert.match(await page.locator('#chi-tiet').innerText(), /min\(/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'fits 360 px');

    // With JavaScript, the same pages are checked by axe at 360 px as they open.
    const checked = await withJs.context.newPage();
    for (const url of ['/thong-ke', `/thong-ke?period=${year}&agency=000.00.00.H53`, '/thong-ke?period=2026-13',
      '/thong-ke/chi-so-766', `/thong-ke/chi-so-766?agency=${new URL(page.url()).searchParams.get('agency')}`]) {
      await checked.goto(`${portal.url}${url}`);
    }
  } finally {
    await noJs.close();
    await withJs.close();
  }
});

test('the wallboard shows a dossier gone overdue within 5 seconds', async () => {
  const citizen = await signedIn(portal, 'congdan@dichvucong.localhost', /\/tai-khoan/);
  const desk = await signedIn(portal, 'tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/);
  const leader = await signedIn(portal, 'lanhdao.hcc@dichvucong.localhost', /\/mot-cua/);
  try {
    const { id } = await fileDossier(portal, citizen.page);
    const accepted = await apiCall(portal, desk.page, 'POST', `/api/v1/staff/dossiers/${id}/actions/accept`, {});
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const board = leader.page;
    await board.goto(`${portal.url}/bang-theo-doi`);
    const overdue = board.locator('#board [data-k=overdue] .board-value');
    assert.equal((await overdue.innerText()).trim(), '0');
    // Give the feed a moment to open (its first event is the board as shown), so that what
    // follows is a change it reports.
    await board.waitForTimeout(1_500);
    // Its due date passes (as time would: the row is moved, nothing else).
    execFileSync('sqlite3', [portal.dbPath,
      `UPDATE dossier SET due_at = '2020-01-02T10:00:00+00:00' WHERE id = '${id}'`]);
    const started = Date.now();
    await board.waitForFunction(() => document.querySelector('#board [data-k=overdue] .board-value')?.textContent.trim() === '1', null, { timeout: 5_000 });
    const took = Date.now() - started;
    assert.ok(took <= 5_000, `shown within 5 s (${took} ms)`);
    assert.match(await board.locator('table.board-units').innerText(), /Sở Tư pháp[\s\S]*1/);
  } finally {
    for (const b of [citizen, desk, leader]) await b.browser.close();
  }
});
