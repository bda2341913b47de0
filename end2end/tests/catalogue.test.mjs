// The catalogue journeys in real Chromium: search from the home page without diacritics, open
// the procedure and see every section (with and without JavaScript), filters narrowing the list,
// results updating while typing, and axe-core on the catalogue pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, seriousViolations } from '../support/portal.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

const SECTIONS = ['Nơi tiếp nhận hồ sơ', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Trình tự thực hiện', 'Thành phần hồ sơ',
  'Phí, lệ phí', 'Căn cứ pháp lý'];

/** The number in the result heading ("12 thủ tục — trang 1/1"). */
async function resultCount(page) {
  const text = await page.locator('.result-count').innerText();
  const m = text.replace(/\./g, '').match(/^(\d+)/);
  return m ? Number(m[1]) : 0;
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
  test(`${mode}: search from the home page without diacritics, then open the procedure`, async () => {
    const browser = await launchBrowser({ javaScriptEnabled });
    try {
      const page = await browser.context.newPage();
      await page.goto(portal.url + '/');
      if (javaScriptEnabled) await waitForHydration(page);
      await page.fill('#q', 'giay phep xay dung nha o');
      await Promise.all([page.waitForURL(/\/thu-tuc\?q=giay/), page.press('#q', 'Enter')]);
      // The home page lists procedure cards too: wait for the result list's own heading.
      await page.locator('.result-count').waitFor({ state: 'visible', timeout: 10_000 });
      const first = page.locator('.procedure-card a').first();
      assert.match(await first.innerText(), /giấy phép xây dựng/i);
      assert.ok(await page.locator('.procedure-card mark').count() > 0, 'matches are highlighted');
      await Promise.all([page.waitForURL(/\/thu-tuc\/.+/), first.click()]);
      // With JavaScript the URL changes before the routed page has rendered its
      // content, so each section is awaited rather than checked at once.
      for (const section of SECTIONS) {
        await page.getByText(section, { exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
      }
      assert.ok(await page.locator('table tbody tr').count() > 0, 'documents listed');
      assert.match(await page.locator('h1').innerText(), /giấy phép xây dựng/i);
      // The application form can be downloaded from its row.
      const form = page.locator('a.template-link').first();
      assert.match(await form.innerText(), /Tải mẫu \(DOCX\)/);
      const [download] = await Promise.all([page.waitForEvent('download'), form.click()]);
      assert.equal(download.suggestedFilename(), 'don-de-nghi-cap-giay-phep-xay-dung.docx');
    } finally {
      await browser.close();
    }
  });

  test(`${mode}: filters narrow the catalogue list`, async () => {
    const browser = await launchBrowser({ javaScriptEnabled });
    try {
      const page = await browser.context.newPage();
      await page.goto(portal.url + '/thu-tuc');
      if (javaScriptEnabled) await waitForHydration(page);
      const all = await resultCount(page);
      assert.ok(all >= 200, `whole catalogue listed (${all})`);
      await page.evaluate(() => { window.__sameDocument = true; });
      const option = page.locator('#filter-field option', { hasText: 'Hộ tịch' });
      const value = await option.getAttribute('value');
      await page.selectOption('#filter-field', value);
      if (javaScriptEnabled) {
        await page.waitForURL(/field=/);
        await page.waitForFunction((n) => {
          const t = document.querySelector('.result-count')?.textContent ?? '';
          return Number((t.match(/^[\d.]+/) || ['0'])[0].replace(/\./g, '')) < n;
        }, all);
        assert.equal(await page.evaluate(() => window.__sameDocument), true, 'updated without a reload');
      } else {
        await Promise.all([page.waitForURL(/field=/), page.click('.catalogue-filters button[type=submit]')]);
      }
      const byField = await resultCount(page);
      assert.ok(byField > 0 && byField < all, `${byField} < ${all}`);
      await page.check('#filter-online');
      if (!javaScriptEnabled) {
        await Promise.all([page.waitForURL(/online=1/), page.click('.catalogue-filters button[type=submit]')]);
      } else {
        await page.waitForURL(/online=1/);
        await page.waitForFunction(() => document.querySelector('#filter-online')?.checked === true);
      }
      const online = await resultCount(page);
      assert.ok(online <= byField, `${online} <= ${byField}`);
    } finally {
      await browser.close();
    }
  });
}

test('with JavaScript the results update as the user types, without reloading the page', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(portal.url + '/thu-tuc');
    await waitForHydration(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('#catalogue-q').pressSequentially('ly lich tu phap', { delay: 30 });
    await page.waitForURL(/q=ly\+lich\+tu\+phap/);
    await page.locator('.procedure-card a', { hasText: 'Phiếu lý lịch tư pháp' }).first().waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'catalogue-q', 'focus stays in the field');
  } finally {
    await browser.close();
  }
});

test('field and agency pages list their procedures; axe finds nothing serious on catalogue pages', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(portal.url + '/thu-tuc/' + 'x'.repeat(3));
    await page.goto(portal.url + '/thu-tuc?q=khai+sinh');
    await waitForHydration(page);
    await Promise.all([page.waitForURL(/\/thu-tuc\/.+/), page.locator('.procedure-card a').first().click()]);
    // From a procedure to its subject area page.
    await Promise.all([page.waitForURL(/\/linh-vuc\/.+/), page.locator('.card-meta a').first().click()]);
    await waitForHydration(page);
    assert.ok(await resultCount(page) > 0);
    assert.deepEqual(await seriousViolations(page), []);
    for (const path of ['/thu-tuc', '/thu-tuc?q=giay+phep&online=1', '/thu-tuc?page=2']) {
      await page.goto(portal.url + path);
      await waitForHydration(page);
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], `${path}:\n${violations.join('\n')}`);
    }
    // An agency page, reached from a province-level procedure.
    const api = await (await fetch(portal.url + '/api/v1/agencies')).json();
    const dept = api.find((a) => a.level === 'province' && a.name.startsWith('Sở Tư pháp'));
    await page.goto(portal.url + dept.url);
    await waitForHydration(page);
    assert.match(await page.locator('h1').innerText(), /Sở Tư pháp/);
    assert.ok(await resultCount(page) > 0);
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await browser.close();
  }
});
