// Rating at the counter (issue 24): the agency administrator sets up a counter and is shown
// its set-up code once; the counter's tablet, without any account, is set up with the code
// and shows three very large buttons; a press thanks and is ready for the next person; a flood
// of presses is slowed down; the ratings appear in the public statistics; a counter turned
// off takes no more ratings. Axe checks each page
// (the tablet at 800 px, the administrator's page at 1366 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration } from '../support/portal.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

test('a counter is set up, its tablet rates, resets, is slowed down and turned off', async () => {
  const admin = await launchBrowser();
  const tablet = await launchBrowser({ width: 800, height: 1200 });
  try {
    const page = await admin.context.newPage();
    await page.goto(`${portal.url}/dang-nhap`);
    await waitForHydration(page);
    await page.fill('#identifier', 'qtdv.tanninh@dichvucong.localhost');
    await page.fill('#password', 'Demo@2026');
    await Promise.all([
      page.waitForURL((u) => !new URL(u).pathname.startsWith('/dang-nhap'), { timeout: 60_000 }),
      page.click('main button[type=submit]'),
    ]);
    await page.goto(`${portal.url}/quan-tri/quay`);
    await waitForHydration(page);
    await page.fill('#name', 'Quầy 1 — Hộ tịch');
    await Promise.all([page.waitForURL(/da=tao/), page.click('main form.form button[type=submit]')]);
    const code = (await page.locator('code.counter-code').innerText()).trim();
    assert.match(code, /^[A-Za-z0-9_-]{12}$/, 'a short set-up code');
    const kiosk = await page.locator('.notice-success a[href^="/danh-gia/quay/"]').getAttribute('href');
    await page.reload();
    assert.equal(await page.locator('code.counter-code').count(), 0, 'the code is shown once');

    // The tablet, with no account: set up by the code, then the three buttons.
    const t = await tablet.context.newPage();
    await t.goto(`${portal.url}${kiosk}`);
    await t.fill('#code', 'not-the-code');
    await Promise.all([t.waitForURL(/loi=kiosk_code/), t.click('main form button[type=submit]')]);
    assert.match(await t.locator('.error-summary').innerText(), /Mã kích hoạt/);
    await t.fill('#code', code);
    await Promise.all([t.waitForURL((u) => new URL(u).pathname === kiosk && !new URL(u).search), t.click('main form button[type=submit]')]);
    const buttons = t.locator('form.kiosk-form button.kiosk-button');
    assert.equal(await buttons.count(), 3);
    const box = await buttons.first().boundingBox();
    assert.ok(box && box.height >= 90, `very large buttons (${box?.height} px)`);
    assert.match(await t.locator('main').innerText(), /Hộ tịch/);

    // A press thanks and is at once ready for the next person.
    await Promise.all([t.waitForURL(/cam-on=1/), t.click('button.rating-very_satisfied')]);
    assert.match(await t.locator('.kiosk-thanks').innerText(), /Cảm ơn bạn đã đánh giá/);
    assert.equal(await buttons.count(), 3, 'the buttons are back');

    // Six presses a minute: a flood is asked to wait. (The allowance is per calendar minute,
    // so within 13 presses — two minutes' allowance and one — one is always refused.)
    let accepted = 1;
    while (accepted < 13) {
      await Promise.all([t.waitForURL(/cam-on=1|loi=cham/), t.click('button.rating-satisfied')]);
      if (/loi=cham/.test(t.url())) break;
      accepted += 1;
    }
    assert.match(t.url(), /loi=cham/, `slowed down after ${accepted} presses`);
    assert.ok(accepted >= 6, `six presses a minute are taken (${accepted})`);
    assert.match(await t.locator('main').innerText(), /chờ giây lát/);

    // The public statistics count the counter's ratings under its agency (issue 24): one
    // "very satisfied", the rest "satisfied".
    const stats = await tablet.context.newPage();
    await stats.goto(`${portal.url}/thong-ke?agency=000.01.50.H53`);
    const ratings = stats.locator('table.stat-table tr', { hasText: 'Lượt đánh giá' }).locator('td').first();
    assert.equal((await ratings.innerText()).trim(), String(accepted), 'every accepted press is counted');
    const satisfied = stats.locator('table.stat-table tr', { hasText: 'Tỷ lệ hài lòng' }).locator('td').first();
    assert.equal((await satisfied.innerText()).trim(), '100%');

    // Turned off by the administrator, the tablet takes no more ratings.
    await page.goto(`${portal.url}/quan-tri/quay`);
    await waitForHydration(page);
    await Promise.all([page.waitForURL(/da=luu/), page.click('main form.inline-form button[type=submit]')]);
    assert.match(await page.locator('main').innerText(), /Đã tắt/);
    await t.goto(`${portal.url}${kiosk}`);
    assert.match(await t.locator('main').innerText(), /tạm ngừng/);
    assert.equal(await t.locator('form.kiosk-form').count(), 0);
  } finally {
    await admin.close();
    await tablet.close();
  }
});
