// Back-office administration in Chromium: an agency administrator adds a staff member (the
// invitation arrives in the outbox and sets the password), sees the audit log of the agency
// filtered by action, and may not open the system administrator's API token page. Axe checks
// each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, seriousViolations } from '../support/portal.mjs';
import { waitForLink } from '../support/mail.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

async function signIn(page, email, password = 'Demo@2026') {
  await page.goto(`${portal.url}/dang-nhap`);
  await waitForHydration(page);
  await page.fill('#identifier', email);
  await page.fill('#password', password);
  await page.click('main button[type=submit]');
}

test('an agency administrator invites a staff member and reads the agency audit log', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signIn(page, 'qtdv.tuphap@dichvucong.localhost');
    await page.waitForURL(/\/quan-tri\/can-bo/);
    await page.waitForSelector('table');
    await waitForHydration(page);
    assert.match(await page.textContent('main'), /Võ Minh Hải/);
    assert.doesNotMatch(await page.textContent('main'), /Ngô Thị Lan/, 'another agency’s staff are not listed');
    assert.deepEqual(await seriousViolations(page), []);

    await page.fill('#full_name', 'Đỗ Thanh Tùng');
    await page.fill('#email', 'tung.do@dichvucong.localhost');
    await page.check('#new-specialist');
    await page.click('form.form button[type=submit]');
    await page.waitForURL(/da=tao/);
    await page.waitForSelector('text=Đỗ Thanh Tùng');

    const link = await waitForLink(portal.outboxDir, 'tung.do@dichvucong.localhost', '/dat-lai-mat-khau?token=');
    const invited = await browser.context.newPage();
    await invited.goto(`${portal.url}${link}`);
    await waitForHydration(invited);
    await invited.fill('#password', 'canbo-moi-2026');
    await invited.fill('#password_confirmation', 'canbo-moi-2026');
    await invited.click('main button[type=submit]');
    await invited.waitForURL(/\/dang-nhap\?da=dat-lai/);

    await page.goto(`${portal.url}/quan-tri/nhat-ky?thao-tac=staff_created`);
    await page.waitForSelector('table');
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.textContent));
    assert.equal(rows.length, 1);
    assert.match(rows[0], /Hoàng Thị Giang.*staff_created.*success/);
    assert.deepEqual(await seriousViolations(page), []);

    await page.goto(`${portal.url}/quan-tri/ma-truy-cap`);
    assert.match(await page.textContent('main'), /không có quyền/);
  } finally {
    await browser.close();
  }
});

test('a system administrator issues an API token that then reads the staff list', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signIn(page, 'quantri@dichvucong.localhost');
    await page.waitForURL(/\/quan-tri\/can-bo/);
    await page.goto(`${portal.url}/quan-tri/ma-truy-cap`);
    await waitForHydration(page);
    assert.deepEqual(await seriousViolations(page), []);
    await page.fill('#name', 'Ki-ốt Sở Tư pháp');
    await page.fill('#agency_code', '000.00.04.H53');
    await page.check('#scope-staff_read');
    await page.click('form.form button[type=submit]');
    const secret = (await page.textContent('code.secret', { timeout: 15_000 })).trim();
    assert.match(secret, /^dvc_/);
    const res = await fetch(`${portal.url}/api/v1/staff?agency=000.00.04.H53`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(res.status, 200);
    const other = await fetch(`${portal.url}/api/v1/staff?agency=000.01.50.H53`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(other.status, 403);
  } finally {
    await browser.close();
  }
});
