// The foundation's journeys in real Chromium: the home page without JavaScript, hydration,
// accessibility (axe-core) and the language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, seriousViolations } from '../support/portal.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

test('home page renders in Vietnamese with JavaScript disabled, and search works as a plain form', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    const response = await page.goto(portal.url + '/');
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.match(await page.locator('h1').innerText(), /Dịch vụ công trực tuyến/);
    assert.ok(await page.locator('.procedure-card').count() >= 10, 'most used procedures listed');
    // Without JS the search box is an ordinary GET form; typed without diacritics.
    await page.fill('#q', 'khai sinh');
    await Promise.all([page.waitForURL(/\/thu-tuc\?q=khai/), page.click('button[type=submit]')]);
    const names = await page.locator('.procedure-card a').allInnerTexts();
    assert.ok(names.some((n) => n.includes('Đăng ký khai sinh')), names.join(' | '));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.hydrated), undefined);
  } finally {
    await browser.close();
  }
});

test('with JavaScript the page hydrates and the search box suggests procedures as you type', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(portal.url + '/');
    await waitForHydration(page);
    await page.locator('#q').pressSequentially('giay phep xay dung', { delay: 20 });
    const suggestions = page.locator('[data-testid=suggestions] a');
    await suggestions.first().waitFor({ timeout: 10_000 });
    const texts = await suggestions.allInnerTexts();
    assert.ok(texts.some((t) => /giấy phép xây dựng/i.test(t)), texts.join(' | '));
    await Promise.all([page.waitForURL(/\/thu-tuc\/.+/), suggestions.first().click()]);
    await page.locator('h2', { hasText: 'Thành phần hồ sơ' }).waitFor();
    assert.deepEqual(errors, [], 'no script errors after hydration');
  } finally {
    await browser.close();
  }
});

test('axe-core finds no serious or critical violations on the main pages', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    for (const path of ['/', '/thu-tuc?q=khai+sinh', '/dang-nhap', '/khong-co-trang-nay']) {
      await page.goto(portal.url + path);
      await waitForHydration(page);
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `${path}:\n${violations.join('\n')}`);
    }
    // A procedure page, reached from the list.
    await page.goto(portal.url + '/thu-tuc?q=khai+sinh');
    await Promise.all([page.waitForURL(/\/thu-tuc\/.+/), page.locator('.procedure-card a').first().click()]);
    await waitForHydration(page);
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], violations.join('\n'));
  } finally {
    await browser.close();
  }
});

test('the language switch turns the page into English and back, keeping the page', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const browser = await launchBrowser({ javaScriptEnabled });
    try {
      const page = await browser.context.newPage();
      await page.goto(portal.url + '/thu-tuc?q=khai+sinh');
      if (javaScriptEnabled) await waitForHydration(page);
      await Promise.all([page.waitForURL(/\/thu-tuc\?q=khai/), page.click('a[data-lang=en]')]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.locator('h1').innerText(), /Find an administrative procedure/);
      assert.match(await page.locator('.site-header').innerText(), /Sign in/);
      await Promise.all([page.waitForURL(/\/thu-tuc\?q=khai/), page.click('a[data-lang=vi]')]);
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      assert.match(await page.locator('.site-header').innerText(), /Đăng nhập/);
    } finally {
      await browser.close();
    }
  }
});

test('the home page fits a 360 px phone screen without sideways scrolling', async () => {
  const browser = await launchBrowser({ width: 360, height: 740 });
  try {
    const page = await browser.context.newPage();
    for (const path of ['/', '/thu-tuc?q=dang+ky']) {
      await page.goto(portal.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
  } finally {
    await browser.close();
  }
});
