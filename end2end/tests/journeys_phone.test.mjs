// A citizen's journeys on a 360 px phone (issue 27, points 8 and 11): "My dossiers" and "Who
// opened my dossier" become stacked rows that fit the screen (and pass axe); check-answers
// writes dates as dd/mm/yyyy; an empty sign-in names the missing fields (with and without
// JavaScript); the lookup's four-digit field opens the digit pad and the answer takes the focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPortal, launchBrowser, waitForHydration, seriousViolations, apiCall } from '../support/portal.mjs';
import { attachDocuments } from '../support/files.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

/** A browser (360 px wide unless `width`) signed in as `email`, landed on `landing`. */
async function as(email, landing, width = 360) {
  const browser = await launchBrowser({ width, height: 800 });
  const page = await browser.context.newPage();
  await page.goto(`${portal.url}/dang-nhap`);
  await waitForHydration(page);
  await page.fill('#identifier', email);
  await page.fill('#password', 'Demo@2026');
  await Promise.all([page.waitForURL(landing, { timeout: 60_000 }), page.click('main button[type=submit]')]);
  return { browser, page };
}

/** A notarisation draft of the signed-in citizen with every step done, born on 15 March 1990,
 * made through the API with the browser's session (as a mobile app does). */
async function readyDraft(api) {
  const created = await api('POST', '/api/v1/dossiers', { procedure_code: 'TN.CONGCHUNG.001' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body;
  const applicant = {
    ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000003',
    date_of_birth: '1990-03-15',
  };
  const current = await api('GET', `/api/v1/dossiers/${d.id}`);
  const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
    revision: current.body.revision, applicant, answers: { noi_dung: 'Đăng ký hành nghề công chứng' },
    delivery: { method: 'electronic' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await attachDocuments(api, d.id, saved.body.problems);
  return d;
}

/** Widths that must not exceed the phone's: the page's and `selector`'s (scroll vs. box). */
async function widths(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return {
      page: document.documentElement.scrollWidth,
      scroll: el.scrollWidth,
      client: el.clientWidth,
    };
  }, selector);
}

/** The column name a stacked cell shows before its value (CSS `::before`). */
async function label(cell) {
  return cell.evaluate((td) => getComputedStyle(td, '::before').content);
}

let citizen;
let filed; // { id, code, factor } of a filed dossier, for the later tests
let draftId;

test('at 360 px "My dossiers" stacks each dossier: no sideways scroll, the name reads as a line, the update time shows', async () => {
  citizen = await as('congdan@dichvucong.localhost', /\/tai-khoan/);
  const page = citizen.page;
  const api = (method, url, body) => apiCall(portal, page, method, url, body);
  const d = await readyDraft(api);
  const submitted = await api('POST', `/api/v1/dossiers/${d.id}/submit`, { declaration: true });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const { applicant } = (await api('GET', `/api/v1/dossiers/${d.id}`)).body;
  filed = { id: d.id, code: submitted.body.code, factor: applicant.citizen_id.slice(-4) };
  assert.ok(filed.code, JSON.stringify(submitted.body));
  draftId = (await readyDraft(api)).id;

  await page.goto(`${portal.url}/ho-so-cua-toi`);
  const table = page.locator('main table');
  await table.waitFor();
  const w = await widths(page, 'main .table-wrap');
  assert.ok(w.page <= 360, `page ${w.page} px wide`);
  assert.ok(w.scroll <= 360 && w.scroll <= w.client, `table container scrolls: ${JSON.stringify(w)}`);
  // The procedure's name wraps as a sentence, not one word per line.
  const name = table.locator('tbody tr').first().locator('td').first().locator('a');
  const lines = await name.evaluate((a) => {
    const lh = parseFloat(getComputedStyle(a).lineHeight) || parseFloat(getComputedStyle(a).fontSize) * 1.5;
    return a.getBoundingClientRect().height / lh;
  });
  assert.ok(lines < 5, `the procedure name takes ${lines.toFixed(1)} lines`);
  // The update column is on screen, labelled, with its time.
  const updated = table.locator('tbody tr').first().locator('td').nth(3);
  assert.ok(await updated.isVisible());
  const box = await updated.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `update cell at ${JSON.stringify(box)}`);
  assert.match(await updated.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  assert.match(await label(updated), /Cập nhật/);
  assert.deepEqual(await seriousViolations(page), []);
});

test('at 360 px "Who opened my dossier" fits the phone and passes axe', async () => {
  assert.ok(filed, 'needs the dossier filed by the first test');
  // The desk opens the dossier's page: that visit is what the citizen sees.
  const desk = await as('tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/, 1366);
  try {
    await desk.page.goto(`${portal.url}/mot-cua/ho-so/${filed.id}`);
    await desk.page.locator('main h1').waitFor();
  } finally {
    await desk.browser.close();
  }
  const page = citizen.page;
  await page.goto(`${portal.url}/ho-so/${filed.id}`);
  const section = page.locator('section.access-log');
  await section.locator('tbody tr').first().waitFor();
  const w = await widths(page, 'section.access-log .table-wrap');
  assert.ok(w.page <= 360, `page ${w.page} px wide`);
  assert.ok(w.scroll <= 360 && w.scroll <= w.client, `table container scrolls: ${JSON.stringify(w)}`);
  // Each cell names its column (the header row is hidden from sight on a phone).
  assert.match(await label(section.locator('tbody tr').first().locator('td').nth(1)), /Cơ quan/);
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, []);
});

test('check-answers writes the date of birth as dd/mm/yyyy, and no ISO date', async () => {
  assert.ok(draftId, 'needs the draft made by the first test');
  const page = citizen.page;
  await page.goto(`${portal.url}/ho-so/${draftId}/kiem-tra`);
  const main = page.locator('main');
  await main.locator('form button[type=submit]').last().waitFor();
  const text = await main.innerText();
  assert.match(text, /15\/03\/1990/);
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/);
});

for (const javaScriptEnabled of [true, false]) {
  test(`an empty sign-in names the missing fields, not a wrong password (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const browser = await launchBrowser({ javaScriptEnabled, width: 360, height: 800 });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${portal.url}/dang-nhap`);
      if (javaScriptEnabled) await waitForHydration(page);
      // Both empty: both named.
      await page.click('main button[type=submit]');
      const summary = page.locator('.error-summary');
      await summary.locator('a[href="#password"]').waitFor();
      let text = await summary.innerText();
      assert.match(text, /Thư điện tử hoặc số điện thoại: Bạn hãy nhập thư điện tử hoặc số điện thoại/);
      assert.match(text, /Mật khẩu: Bạn hãy nhập mật khẩu/);
      assert.doesNotMatch(text, /chưa đúng/);
      assert.equal(await page.getAttribute('#identifier', 'aria-invalid'), 'true');
      assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
      // Only the password missing: only it is named.
      if (!javaScriptEnabled) await page.goto(`${portal.url}/dang-nhap`);
      await page.fill('#identifier', 'congdan@dichvucong.localhost');
      await page.fill('#password', '');
      await page.click('main button[type=submit]');
      await page.locator('.error-summary a[href="#password"]').waitFor();
      await page.locator('.error-summary a[href="#identifier"]').waitFor({ state: 'detached' });
      text = await page.locator('.error-summary').innerText();
      assert.match(text, /Bạn hãy nhập mật khẩu/);
      assert.doesNotMatch(text, /chưa đúng/);
    } finally {
      await browser.close();
    }
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`the lookup's digits open the digit pad and the answer takes the focus (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    assert.ok(filed, 'needs the dossier filed by the first test');
    const browser = await launchBrowser({ javaScriptEnabled, width: 360, height: 740 });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${portal.url}/tra-cuu`);
      if (javaScriptEnabled) await waitForHydration(page);
      const factor = page.locator('#factor');
      assert.equal(await factor.getAttribute('inputmode'), 'numeric');
      assert.equal(await factor.getAttribute('pattern'), '[0-9]*');
      assert.equal(await factor.getAttribute('autocomplete'), 'off');
      await page.fill('#code', filed.code);
      await factor.fill(filed.factor);
      await Promise.all([page.waitForURL(new RegExp(`factor=${filed.factor}`), { waitUntil: 'commit' }), page.click('form.lookup-form button[type=submit]')]);
      const result = page.locator('section.lookup-result');
      await result.waitFor({ timeout: 15_000 }).catch(async (e) => {
        throw new Error(`${e.message}\n${page.url()}\n${await page.locator('main').innerText()}`);
      });
      // Polled from the test (waitForFunction needs the page's own scripts, off in one run).
      let focused = '';
      for (let i = 0; i < 50 && focused !== 'ket-qua'; i++) {
        focused = await page.evaluate(() => document.activeElement?.id ?? '');
        if (focused !== 'ket-qua') await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(focused, 'ket-qua', 'the answer has the focus');
      assert.equal(await result.getAttribute('tabindex'), '-1');
    } finally {
      await browser.close();
    }
  });
}

test('the fee shown before submitting is the fee charged: 2 copies and the postage, on every page (issue 27 point 2)', async () => {
  const page = citizen.page;
  const api = (method, url, body) => apiCall(portal, page, method, url, body);
  // A civil-status extract (8.000 đồng per copy), 2 copies, received by the ward of Tân Ninh,
  // returned by post with the postage paid online (22.000 đồng within the province).
  const created = await api('POST', '/api/v1/dossiers', { procedure_code: '2.000635' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body;
  const applicant = {
    ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000003',
    date_of_birth: '1990-03-15', receiving_agency: '000.01.50.H53',
  };
  const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
    revision: d.revision, applicant,
    answers: {
      quan_he_voi_nguoi_duoc_cap: 'ban_than', muc_dich: 'Bổ sung hồ sơ học tập',
      ban_sao_de_nghi: [{ loai_viec: 'khai_sinh', ho_ten: 'Nguyễn Thị Hoa', noi_dang_ky: 'UBND xã Tân Bình', so_luong: '2' }],
    },
    delivery: {
      method: 'post', recipient: 'Nguyễn Thị Hoa', phone: '0912000003', province: '80', commune: '25459',
      street: '12 Lê Lợi', postal_payment: 'with_fee',
    },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await attachDocuments(api, d.id, saved.body.problems);

  // The form's list of extract copies is not a list of people: its hint says "entry".
  await page.goto(`${portal.url}/ho-so/${d.id}/to-khai`);
  const hint = await page.locator('fieldset.group .field-hint').last().innerText();
  assert.match(hint, /thêm một dòng/);
  assert.doesNotMatch(hint, /thêm người/);

  const quote = async () => {
    const q = page.locator('main section.fee-quote');
    await q.waitFor();
    return q.innerText();
  };
  await page.goto(`${portal.url}/ho-so/${d.id}/nhan-ket-qua`);
  const onDelivery = await quote();
  assert.match(onDelivery, /8\.000 đồng × 2 bản/);
  assert.match(onDelivery, /16\.000 đồng/);
  assert.match(onDelivery, /22\.000 đồng/);
  assert.match(onDelivery, /Tổng số tiền nộp trực tuyến\s+38\.000 đồng/);
  await page.goto(`${portal.url}/ho-so/${d.id}/kiem-tra`);
  assert.equal(await quote(), onDelivery, 'check-answers shows the same quote');
  await page.check('#declaration');
  await Promise.all([page.waitForURL(/\?moi=1$/), page.click('main button.button-large')]);
  await page.locator('.dossier-code').waitFor();
  assert.equal(await quote(), onDelivery, 'the payment panel shows the same quote');
  assert.match(await page.locator('dl.facts').innerText(), /38\.000 đồng/);
  const filed = await api('GET', `/api/v1/dossiers/${d.id}`);
  assert.equal(filed.body.fee_due_vnd, 38000, "the amount charged is the amount quoted");
  // The receipt names the same lines and total, under "UBND TỈNH TÂY NINH", and says what
  // happens next for this dossier (not how to file it).
  const receipt = await page.request.get(`${portal.url}/ho-so/${d.id}/phieu-tiep-nhan.pdf`);
  assert.equal(receipt.status(), 200);
  const dir = mkdtempSync(path.join(tmpdir(), 'receipt-'));
  const file = path.join(dir, 'r.pdf');
  writeFileSync(file, await receipt.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /UBND TỈNH TÂY NINH/);
  assert.match(text, /× 2 bản/);
  assert.match(text, /38\.000 đồng/);
  assert.match(text, /Theo dõi hồ sơ tại/);
  assert.match(text, /chuyển phát đến địa chỉ/);
});

test('"reuse an earlier file" tells same-named files apart by upload day and dossier', async () => {
  assert.ok(filed, 'needs the dossier filed by the first test');
  const page = citizen.page;
  const api = (method, url, body) => apiCall(portal, page, method, url, body);
  const created = await api('POST', '/api/v1/dossiers', { procedure_code: 'TN.CONGCHUNG.001' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body;
  const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
    revision: d.revision,
    applicant: { ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000003', date_of_birth: '1990-03-15' },
    answers: { noi_dung: 'Đăng ký hành nghề công chứng' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await page.goto(`${portal.url}/ho-so/${d.id}/giay-to`);
  await page.locator('section.slot').first().waitFor();
  const options = (await page.locator('details.reuse select').first().locator('option').allTextContents()).map((o) => o.trim());
  assert.ok(options.length >= 2, options.join(' | '));
  // Several scans are named ban-scan.pdf: each says when and for which dossier it was sent.
  const scans = options.filter((o) => o.startsWith('ban-scan.pdf'));
  assert.ok(scans.length >= 2, options.join(' | '));
  for (const o of scans) assert.match(o, /— tải lên \d{2}\/\d{2}\/\d{4}/);
  assert.ok(scans.some((o) => o.includes(`hồ sơ ${filed.code}`)), scans.join(' | '));
  assert.ok(new Set(scans).size > 1, `the scans read alike: ${scans.join(' | ')}`);
});

for (const javaScriptEnabled of [true, false]) {
  test(`on a 360 px phone the catalogue's filters fold so the first result shows without scrolling (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const browser = await launchBrowser({ javaScriptEnabled, width: 360, height: 740 });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${portal.url}/thu-tuc`);
      if (javaScriptEnabled) await waitForHydration(page);
      const first = page.locator('.procedure-card').first();
      await first.waitFor();
      const top = (await first.boundingBox()).y;
      assert.ok(top < 740, `the first result starts ${top} px down a 740 px screen`);
      assert.equal(await page.locator('details.filter-more[open]').count(), 0, 'folded');
      assert.ok(!(await page.locator('#filter-field').isVisible()), 'the field filter is folded away');
      // Unfolded, a filter narrows the list (a plain GET form without JavaScript).
      await page.click('details.filter-more > summary');
      await page.selectOption('#filter-level', { index: 1 });
      if (!javaScriptEnabled) await Promise.all([page.waitForURL(/level=/), page.click('form.catalogue-filters button[type=submit]')]);
      else await page.waitForURL(/level=/);
      await page.locator('.procedure-card').first().waitFor();
      assert.equal(await page.locator('details.filter-more[open]').count(), 1, 'open while a filter is chosen');
      assert.match(await page.locator('details.filter-more > summary').innerText(), /1 đang chọn/);
    } finally {
      await browser.close();
    }
  });
}

test('at 1366 px the catalogue filters are on show, with no fold', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/thu-tuc`);
    assert.ok(await page.locator('#filter-field').isVisible(), 'the field filter is on show');
    assert.ok(!(await page.locator('details.filter-more > summary').isVisible()), 'no fold on a wide screen');
  } finally {
    await browser.close();
  }
});

for (const [who, email, link] of [
  ['a citizen', 'congdan@dichvucong.localhost', '/ho-so-cua-toi'],
  ['a system administrator', 'quantri@dichvucong.localhost', null],
  ['an intake clerk', 'tiepnhan.hcc@dichvucong.localhost', '/mot-cua'],
]) {
  test(`signed in on a 360 px phone, ${who}'s header takes at most 120 px and links to their own work`, async () => {
    const { browser, page } = await as(email, (u) => !u.pathname.startsWith('/dang-nhap'));
    try {
      for (const path of ['/', '/thu-tuc', '/tra-cuu', '/tai-khoan']) {
        await page.goto(`${portal.url}${path}`);
        await page.locator('header .account-menu summary').waitFor();
        const height = await page.locator('header.site-header').evaluate((h) => h.getBoundingClientRect().height);
        assert.ok(height <= 120, `${path}: the header is ${height} px tall`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, `${path} scrolls sideways`);
        if (link) {
          const nav = page.locator(`header nav.main-nav a[href="${link}"]`);
          assert.ok(await nav.isVisible(), `${path}: no visible link to ${link}`);
        }
      }
      // The menu opens over the page with the person's name and a working sign-out.
      await page.click('header .account-menu summary');
      const panel = page.locator('header .account-panel');
      assert.ok(await panel.isVisible());
      const box = await panel.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `the menu is off screen: ${JSON.stringify(box)}`);
      assert.match(await panel.innerText(), /Đang đăng nhập: /);
      assert.deepEqual(await seriousViolations(page), []);
      if (link === '/ho-so-cua-toi') {
        await Promise.all([page.waitForURL(/\/ho-so-cua-toi$/), page.click('header nav.main-nav a[href="/ho-so-cua-toi"]')]);
        assert.equal(await page.locator('header nav.main-nav a[href="/ho-so-cua-toi"]').getAttribute('aria-current'), 'page');
      }
      await waitForHydration(page);
      if (!(await page.locator('header .account-menu[open]').count())) await page.click('header .account-menu summary');
      await Promise.all([page.waitForURL((u) => new URL(u).pathname === '/'), page.click('header .account-panel button[type=submit]')]);
      await page.locator('header a[href="/dang-nhap"]').waitFor();
    } finally {
      await browser.close();
    }
  });
}

test('every citizen page at 360 px passes axe (the page wrapper checks each one it opens)', async () => {
  const page = citizen.page;
  const api = (method, url, body) => apiCall(portal, page, method, url, body);
  await page.goto(`${portal.url}/thu-tuc`);
  const procedure = await page.locator('.procedure-card a').first().getAttribute('href');
  await page.goto(`${portal.url}${procedure}`);
  const field = await page.locator('.card-meta a[href^="/linh-vuc/"], a[href^="/linh-vuc/"]').first().getAttribute('href');
  const agencies = await (await fetch(`${portal.url}/api/v1/agencies`)).json();
  const agency = agencies.find((a) => a.level === 'province' && a.name.startsWith('Sở Tư pháp')).url;
  const draft = (await api('POST', '/api/v1/dossiers', { procedure_code: 'TN.CONGCHUNG.001' })).body;
  const paths = [
    '/', field, agency, '/tra-cuu', '/ho-so-cua-toi', '/tai-khoan', '/doanh-nghiep',
    '/nop-truc-tuyen/TN.CONGCHUNG.001', `/ho-so/${draft.id}/nguoi-nop`, `/ho-so/${filed.id}`,
    `/ho-so/${filed.id}/nhan-ket-qua`, '/khong-co-trang-nay',
  ];
  for (const path of paths) {
    assert.ok(path, 'a link was found');
    await page.goto(`${portal.url}${path}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, `${path} scrolls sideways`);
  }
  // Signed out: the account pages.
  const visitor = await launchBrowser({ width: 360, height: 800 });
  try {
    const p = await visitor.context.newPage();
    for (const path of ['/dang-nhap', '/dang-ky', '/quen-mat-khau', '/xac-minh-so-dien-thoai', '/tra-cuu']) {
      await p.goto(`${portal.url}${path}`);
      assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 360, `${path} scrolls sideways`);
    }
  } finally {
    await visitor.close();
  }
});

test('close the citizen\'s browser', async () => {
  await citizen?.browser.close();
});
