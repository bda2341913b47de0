// A new citizen's journey, in Chromium with JavaScript on: register, open the verification link
// from the mail outbox, sign in, save the profile with a wrong citizen ID (clear error, nothing
// else lost), then a right one, sign out. Plus sign-in without JavaScript and axe checks.
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

test('register → verify by e-mail → sign in → profile with a bad then a good citizen ID → sign out', async () => {
  const browser = await launchBrowser({ width: 390, height: 844 });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/dang-ky`);
    await waitForHydration(page);
    assert.deepEqual(await seriousViolations(page), []);
    await page.fill('#full_name', 'Lê Văn Tâm');
    await page.fill('#email', 'tam.le@example.vn');
    await page.fill('#password', 'matkhau2026');
    await page.fill('#password_confirmation', 'matkhau2026');
    // Forgetting the terms: the summary names the field, and what was typed stays.
    await page.click('button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.match(await page.textContent('.error-summary'), /Điều khoản sử dụng/);
    assert.equal(await page.inputValue('#email'), 'tam.le@example.vn');
    assert.equal(await page.inputValue('#full_name'), 'Lê Văn Tâm');
    // The form came back as a new page (forms post without script): a password is never
    // written back into a page, and the field says to type it again.
    assert.equal(await page.inputValue('#password'), '');
    assert.match(await page.textContent('#password-retype'), /nhập lại/);
    await page.fill('#password', 'matkhau2026');
    await page.fill('#password_confirmation', 'matkhau2026');
    await page.check('#accept_terms');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dang-ky\/xong/);
    assert.match(await page.textContent('main'), /thư xác thực/);

    const link = await waitForLink(portal.outboxDir, 'tam.le@example.vn', '/xac-thuc-email?token=');
    await page.goto(`${portal.url}${link}`);
    await waitForHydration(page);
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/dang-nhap\?da=xac-thuc/);
    assert.match(await page.textContent('main'), /đã được xác thực/);

    await page.fill('#identifier', 'tam.le@example.vn');
    await page.fill('#password', 'matkhau2026');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/tai-khoan/);
    await page.waitForSelector('#citizen_id');
    await waitForHydration(page);
    assert.match(await page.textContent('header'), /Lê Văn Tâm/);
    assert.deepEqual(await seriousViolations(page), []);

    // Born in 1990, but the digits say 1991: refused, and the rest of the form is kept.
    await page.fill('#citizen_id', '072191001234');
    await page.fill('#date_of_birth', '1990-04-02');
    await page.fill('#phone', '0987654321');
    await page.selectOption('#province_code', '80');
    await page.waitForSelector('#commune_code option[value="25459"]', { state: 'attached' });
    await page.selectOption('#commune_code', '25459');
    await page.fill('#street', '12 đường 30/4');
    await page.click('main button[type=submit]');
    await page.waitForSelector('.error-summary');
    const summary = await page.textContent('.error-summary');
    assert.match(summary, /Số CCCD/);
    assert.match(summary, /không khớp với ngày sinh/);
    assert.equal(await page.getAttribute('#citizen_id', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#phone'), '0987654321');
    assert.equal(await page.inputValue('#street'), '12 đường 30/4');
    assert.equal(await page.inputValue('#commune_code'), '25459');

    await page.fill('#citizen_id', '072190009876');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/tai-khoan\?da=luu/);
    await page.waitForSelector('.notice-success');
    await page.reload();
    await page.waitForSelector('#citizen_id');
    assert.equal(await page.inputValue('#citizen_id'), '072190009876');
    assert.equal(await page.inputValue('#phone'), '0987654321');

    await waitForHydration(page);
    await page.click('header .account-menu summary');
    await page.click('header button[type=submit]');
    await page.waitForURL((u) => new URL(u).pathname === '/');
    await page.waitForSelector('header a[href="/dang-nhap"]');
    await page.goto(`${portal.url}/tai-khoan`);
    assert.match(await page.textContent('main'), /cần đăng nhập/);
  } finally {
    await browser.close();
  }
});

test('sign-in works with JavaScript off, and a wrong password says what to do', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/dang-nhap`);
    await page.fill('#identifier', 'congdan@dichvucong.localhost');
    await page.fill('#password', 'sai-mat-khau-1');
    await page.click('main button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.match(await page.textContent('.error-summary'), /Quên mật khẩu/);
    await page.fill('#identifier', 'congdan@dichvucong.localhost');
    await page.fill('#password', 'Demo@2026');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/tai-khoan/);
    assert.match(await page.textContent('header'), /Nguyễn Thị Hoa/);
    assert.equal(await page.inputValue('#citizen_id'), '072190001234');
  } finally {
    await browser.close();
  }
});

test('a visitor whose first page came from the page cache can still sign in after client-side navigation', async () => {
  // Fill the cache with the copy Chromium will get (each content coding has its own).
  await fetch(`${portal.url}/`, { headers: { 'accept-encoding': 'br' } });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const res = await page.goto(`${portal.url}/`);
    assert.equal(res.headers()['x-page-cache'], 'hit');
    assert.equal(res.headers()['set-cookie'], undefined, 'cached pages set no cookie');
    await waitForHydration(page);
    await page.click('header a[href="/dang-nhap"]');
    await page.waitForSelector('#identifier');
    await page.fill('#identifier', 'congdan@dichvucong.localhost');
    await page.fill('#password', 'Demo@2026');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/tai-khoan/);
    await page.click('header .account-menu summary');
    await page.waitForSelector('header >> text=Nguyễn Thị Hoa');
  } finally {
    await browser.close();
  }
});
