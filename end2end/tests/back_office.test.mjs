// The one-stop back office in Chromium, across roles and agencies: a citizen files a dossier
// (through the API with the browser's session, as a mobile app does), the desk of the public
// administration centre asks for a supplement, the citizen uploads it on the dossier page and
// sends it, the desk accepts (due date shown, the receipt & appointment slip is a PDF), the
// specialist of the Department of Justice takes it and transfers it to a commune, the commune
// sends it back, the specialist forwards it to the leader, who approves it: "processed". The
// citizen sees each step on the timeline. Axe checks the queue and the dossier pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startPortal, launchBrowser, waitForHydration, seriousViolations, apiCall } from '../support/portal.mjs';
import { PNG, onePagePdf } from '../support/files.mjs';
import { signIn as signInAs, signedIn, fileDossier as fileAs } from '../support/back_office.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

const signIn = (page, email) => signInAs(portal, page, email);
const as = (email, landing) => signedIn(portal, email, landing);
const api = (page, method, url, body) => apiCall(portal, page, method, url, body);
const fileDossier = (page, options) => fileAs(portal, page, options);

/** Takes the action whose form has class `bo-action-<action>` after filling it with `fill`. */
async function take(page, action, fill = async () => {}) {
  const form = page.locator(`form.bo-action-${action}`);
  await form.waitFor();
  await fill(form);
  await Promise.all([
    page.waitForURL(new RegExp(`da=${action}`), { timeout: 60_000 }),
    form.locator('button[type=submit]').click(),
  ]);
  await page.locator('.notice-success').waitFor();
}

async function status(page) {
  return (await page.locator('.bo-summary dd').first().innerText()).trim();
}

test('a dossier goes from the citizen through the desk, two agencies and the leader to its result', async () => {
  const citizen = await as('congdan@dichvucong.localhost', /\/tai-khoan/);
  let staff;
  let phone;
  try {
    const { id, code } = await fileDossier(citizen.page);
    const dossierUrl = `${portal.url}/mot-cua/ho-so/${id}`;

    // The centre's desk finds it in "to receive" and asks for a supplement.
    staff = await as('tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/);
    let page = staff.page;
    await page.locator(`a:has-text("${code}")`).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    // The queue names the procedure, not only its code (issue 27).
    const row = page.locator('tr', { has: page.locator(`a:has-text("${code}")`) });
    assert.match(await row.locator('td.queue-procedure').innerText(), /Cấp thẻ công chứng viên|công chứng/i);
    await Promise.all([page.waitForURL(/\/mot-cua\/ho-so\//), page.click(`a:has-text("${code}")`)]);
    await waitForHydration(page);
    assert.equal(await status(page), 'Mới nộp, chờ tiếp nhận');
    assert.deepEqual(await seriousViolations(page), []);
    // A request without what is missing is refused with the field named.
    await page.fill('form.bo-action-request_supplement textarea[name="f[public_note]"]', 'Ảnh chưa đúng cỡ');
    await page.click('form.bo-action-request_supplement button[type=submit]');
    await page.locator('.error-summary').filter({ hasText: 'ít nhất một giấy tờ' }).waitFor();
    await take(page, 'request_supplement', async (form) => {
      await form.locator('input[type=checkbox]').last().check();
      await form.locator('textarea[name="f[public_note]"]').fill('Ảnh chân dung cần cỡ 2cm x 3cm, nền trắng.');
    });
    assert.equal(await status(page), 'Yêu cầu bổ sung');
    await staff.browser.close();

    // The citizen reads the request, uploads a new photo and sends the supplement.
    page = citizen.page;
    await page.goto(`${portal.url}/ho-so/${id}`);
    await waitForHydration(page);
    await page.locator('.supplement').filter({ hasText: 'nền trắng' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    const slot = page.locator('section.slot').last();
    await slot.locator('input[type=file]').setInputFiles({ name: 'anh-moi.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([page.waitForURL(/tai-len=ok/), slot.locator('form.upload button').click()]);
    await page.locator('section.slot').last().locator('a:has-text("anh-moi.png")').waitFor();
    await waitForHydration(page);
    await Promise.all([page.waitForURL(/da=bo-sung/), page.click('form.supply-form button[type=submit]')]);
    await page.locator('.notice-success').waitFor();

    // The desk accepts: the due date and the receipt & appointment slip.
    staff = await as('tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/);
    page = staff.page;
    await page.goto(dossierUrl);
    await waitForHydration(page);
    await take(page, 'accept');
    assert.equal(await status(page), 'Đã tiếp nhận');
    assert.match(await page.locator('#bo-due').innerText(), /\d\d:\d\d \d\d\/\d\d\/\d{4}/);
    const slip = await page.locator('a[href*="/giay/"]').first().getAttribute('href');
    const pdf = await page.request.get(`${portal.url}${slip}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
    // The desk has handed it on: no more actions for it.
    assert.equal(await page.locator('form.bo-action').count(), 0);
    await staff.browser.close();

    // The department's specialist takes it and transfers it to the commune for its part.
    staff = await as('chuyenvien.tuphap@dichvucong.localhost', /\/mot-cua/);
    page = staff.page;
    await page.goto(`${portal.url}/mot-cua?hang-doi=unassigned`);
    await page.locator(`a:has-text("${code}")`).waitFor();
    await page.goto(dossierUrl);
    await waitForHydration(page);
    await take(page, 'assign');
    assert.equal(await status(page), 'Đang xử lý');
    await take(page, 'transfer', async (form) => {
      await form.locator('select').selectOption('000.01.50.H53');
      await form.locator('textarea[name="f[internal_note]"]').fill('Đề nghị xác minh nơi cư trú');
    });
    assert.match(await page.locator('.bo-summary').innerText(), /Tân Ninh/);
    await staff.browser.close();

    // The commune's specialist sees the internal note and sends it back.
    staff = await as('chuyenvien.tanninh@dichvucong.localhost', /\/mot-cua/);
    page = staff.page;
    await page.goto(dossierUrl);
    await waitForHydration(page);
    await page.locator('.internal-note').filter({ hasText: 'xác minh nơi cư trú' }).waitFor();
    await take(page, 'transfer_back');
    await staff.browser.close();

    // The specialist attaches the result (a PNG is refused, naming the fix) and forwards it to
    // the leader's approval step.
    staff = await as('chuyenvien.tuphap@dichvucong.localhost', /\/mot-cua/);
    page = staff.page;
    await page.goto(dossierUrl);
    await waitForHydration(page);
    await page.setInputFiles('#result-file', { name: 'anh.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([page.waitForURL(/ket-qua=loi/), page.click('form.result-upload button[type=submit]')]);
    assert.match(await page.locator('.bo-result [role=alert]').innerText(), /PDF đọc được/);
    await page.setInputFiles('#result-file', { name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Giay chung nhan hanh nghe cong chung') });
    await Promise.all([page.waitForURL(/da=result_upload/), page.click('form.result-upload button[type=submit]')]);
    assert.match(await page.locator('.bo-result').innerText(), /chờ lãnh đạo phê duyệt/);
    await take(page, 'forward');
    assert.equal(await page.locator('form.bo-action-approve').count(), 0, 'a specialist cannot approve');
    await staff.browser.close();

    // The leader finds it in "to approve" and approves it.
    staff = await as('lanhdao.tuphap@dichvucong.localhost', /\/mot-cua/);
    page = staff.page;
    await page.locator(`a:has-text("${code}")`).waitFor();
    await page.goto(dossierUrl);
    await waitForHydration(page);
    await take(page, 'approve');
    assert.equal(await status(page), 'Đã có kết quả');
    assert.match(await page.locator('.bo-result').innerText(), /Đã ký số bởi/);
    const history = await page.locator('.bo-timeline').innerText();
    for (const step of ['Yêu cầu bổ sung', 'Tiếp nhận', 'Phân công', 'Chuyển liên thông', 'Trả lại sau liên thông', 'Chuyển bước', 'Phê duyệt kết quả']) {
      assert.ok(history.includes(step), `${step} in the history`);
    }
    await staff.browser.close();
    staff = undefined;

    // The citizen sees the result is ready, and the steps on the timeline.
    page = citizen.page;
    await page.goto(`${portal.url}/ho-so/${id}`);
    await page.locator('dd').filter({ hasText: 'Đã có kết quả' }).waitFor();
    const timeline = await page.locator('ol.timeline').innerText();
    for (const step of ['Yêu cầu bổ sung hồ sơ', 'Đã bổ sung hồ sơ', 'Đã tiếp nhận hồ sơ', 'Đã có kết quả giải quyết']) {
      assert.ok(timeline.includes(step), `${step} on the citizen's timeline`);
    }
    // The receipt & appointment slip is on the timeline to download.
    assert.ok(await page.locator('ol.timeline a[href*="/giay/"]').count() >= 1);
    // Who opened the dossier: agencies and roles, never a staff member's name.
    const access = await page.locator('.access-log').innerText();
    for (const seen of ['Sở Tư pháp', 'Lãnh đạo', 'Chuyên viên xử lý', 'Cán bộ tiếp nhận', 'Xem hồ sơ', 'Xử lý hồ sơ']) {
      assert.ok(access.includes(seen), `${seen} in who opened the dossier: ${access}`);
    }
    for (const name of ['Phạm Văn Dũng', 'Đặng Thu Hà', 'Võ Minh Hải']) {
      assert.ok(!access.includes(name), `${name} is not shown`);
    }
    assert.deepEqual(await seriousViolations(page), []);

    // The citizen opens the signed result: that is its delivery, and the dossier is returned.
    await page.locator('.result-ready').waitFor();
    const resultUrl = await page.locator('.result-ready a.button').getAttribute('href');
    const verifyUrl = await page.locator('.result-ready a[href*="/xac-thuc/"]').getAttribute('href');
    // Opened by the browser from the portal's own page (Chromium sends `Sec-Fetch-Site:
    // same-origin`): only such an opening counts as delivery, never a request another site
    // causes (issue #22), so Playwright's out-of-browser `page.request` would not do here.
    const result = await page.evaluate(async (url) => {
      const answer = await fetch(url);
      const bytes = new Uint8Array(await answer.arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      return { status: answer.status, type: answer.headers.get('content-type'), body: btoa(text) };
    }, resultUrl);
    assert.equal(result.status, 200);
    assert.equal(result.type, 'application/pdf');
    const signed = Buffer.from(result.body, 'base64');
    assert.ok(signed.includes('/ETSI.CAdES.detached'), 'a PAdES signature');
    await page.goto(`${portal.url}/ho-so/${id}`);
    await page.locator('dd').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    assert.match(await page.locator('ol.timeline').innerText(), /Đã trả kết quả điện tử/);
    assert.match(await page.locator('.result-ready').innerText(), /Bạn đã nhận kết quả điện tử lúc/);

    // The QR page, scanned with a phone, checks copies: the downloaded file is genuine, a
    // tampered one is not; the fingerprint wraps instead of widening the page (issue 27).
    phone = await launchBrowser({ width: 360, height: 740 });
    page = await phone.context.newPage();
    await page.goto(`${portal.url}${verifyUrl}`);
    const fitsPhone = async (what) => {
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, `${what}: the page scrolls sideways`);
      const button = page.locator('form.verify-form button[type=submit]');
      const uncovered = await button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        b.scrollIntoView({ block: 'center' });
        const s = b.getBoundingClientRect();
        const hit = document.elementFromPoint(s.x + s.width / 2, s.y + s.height / 2);
        return r.width > 0 && (hit === b || b.contains(hit));
      });
      assert.ok(uncovered, `${what}: the check button is covered`);
    };
    await fitsPhone('the verification page');
    await page.locator('h1').filter({ hasText: 'Xác thực kết quả điện tử' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(code));
    assert.deepEqual(await seriousViolations(page), []);
    await page.setInputFiles('#verify-file', { name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signed });
    await Promise.all([page.waitForURL(/tep=/), page.click('form.verify-form button[type=submit]')]);
    assert.match(await page.locator('.verdict').innerText(), /đúng là văn bản cơ quan đã ký/);
    await fitsPhone('the verdict');
    assert.deepEqual(await seriousViolations(page), []);
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Giay chung nhan');
    assert.ok(at > 0);
    tampered[at] = 'X'.charCodeAt(0);
    await page.setInputFiles('#verify-file', { name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: tampered });
    await Promise.all([page.waitForURL((u) => u.search.includes('tep=') && !u.search.includes(createHash('sha256').update(signed).digest('hex'))), page.click('form.verify-form button[type=submit]')]);
    assert.match(await page.locator('.verdict').innerText(), /KHÔNG phải văn bản cơ quan đã ký/);
  } finally {
    await phone?.close();
    await staff?.browser.close();
    await citizen.browser.close();
  }
});

test('the desk moves through its queue with the arrow keys and previews the scans in the page', async () => {
  const citizen = await as('congdan@dichvucong.localhost', /\/tai-khoan/);
  let staff;
  try {
    const first = await fileDossier(citizen.page);
    const second = await fileDossier(citizen.page, { photo: true });
    staff = await as('tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/);
    const page = staff.page;
    await page.goto(`${portal.url}/mot-cua?hang-doi=new`);
    await waitForHydration(page);
    // The hint shows once the keys work (it is hidden in the server's page).
    await page.locator('#bo-keys-hint').waitFor();
    const links = page.locator('.queue-table a.row-link');
    const codes = await links.allInnerTexts();
    assert.ok(codes.includes(first.code) && codes.includes(second.code), codes.join(', '));
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await links.first().focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), codes[0], 'ArrowUp stays on the first row');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), codes[1]);
    await page.keyboard.press('End');
    assert.equal(await focused(), codes[codes.length - 1]);
    await page.keyboard.press('Home');
    assert.equal(await focused(), codes[0]);
    // Typing a letter on a row does nothing (no single-character shortcuts).
    await page.keyboard.press('j');
    assert.equal(await focused(), codes[0]);
    // Down to the second dossier, then Enter opens it.
    for (let i = 0; i < codes.indexOf(second.code); i += 1) await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), second.code);
    await Promise.all([page.waitForURL(new RegExp(`/mot-cua/ho-so/${second.id}`)), page.keyboard.press('Enter')]);
    await waitForHydration(page);

    // The portrait is shown in the page; a PDF opens in a frame under "Xem trước".
    // (It loads lazily: bring it into view first.)
    await page.locator('img.bo-preview-image').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('img.bo-preview-image')?.naturalWidth > 0);
    const pdf = page.locator('details.bo-preview').first();
    assert.equal(await pdf.evaluate((d) => d.open), false, 'closed until asked for');
    await pdf.locator('summary').click();
    const frame = pdf.locator('iframe');
    await frame.waitFor();
    assert.ok(await frame.getAttribute('title'));
    const src = new URL(await frame.getAttribute('src'), portal.url).href;
    // A frame the server refused (X-Frame-Options: DENY) would show Chromium's error page instead.
    for (let i = 0; i < 100 && !page.frames().some((f) => f.url() === src); i += 1) await page.waitForTimeout(100);
    assert.ok(page.frames().some((f) => f.url() === src), `the frame shows ${src}`);
    const res = await page.request.get(src);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.equal(res.headers()['x-frame-options'], 'SAMEORIGIN');
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await staff?.browser.close();
    await citizen.browser.close();
  }
});

test('anyone follows a dossier by its code and 4 digits, with and without JavaScript, seeing no personal data', async () => {
  const citizen = await as('congdan@dichvucong.localhost', /\/tai-khoan/);
  let visitor;
  try {
    const { id, code } = await fileDossier(citizen.page);
    const { applicant } = (await api(citizen.page, 'GET', `/api/v1/dossiers/${id}`)).body;
    assert.ok(applicant.full_name && applicant.citizen_id && applicant.phone, JSON.stringify(applicant));
    await citizen.browser.close();

    for (const javaScriptEnabled of [true, false]) {
      visitor = await launchBrowser({ javaScriptEnabled, width: 360, height: 740 });
      const page = await visitor.context.newPage();
      await page.goto(`${portal.url}/`);
      await Promise.all([page.waitForURL(/\/tra-cuu/), page.click('header a[href="/tra-cuu"]')]);
      if (javaScriptEnabled) await waitForHydration(page);
      // A wrong factor: a plain "not found", and what was typed stays.
      await page.fill('#code', code.toLowerCase());
      await page.fill('#factor', '9999');
      await Promise.all([page.waitForURL(/factor=9999/), page.click('form.lookup-form button[type=submit]')]);
      await page.locator('.notice-error').filter({ hasText: 'Không tìm thấy hồ sơ' }).waitFor();
      assert.equal((await page.inputValue('#code')).toUpperCase(), code);
      // A malformed factor names the field.
      await page.fill('#factor', '12');
      await Promise.all([page.waitForURL(/factor=12(&|$)/), page.click('form.lookup-form button[type=submit]')]);
      await page.locator('.error-summary a[href="#factor"]').waitFor();
      assert.equal(await page.getAttribute('#factor', 'aria-invalid'), 'true');
      // The last digits of the phone the dossier was filed with.
      await page.fill('#factor', '0001');
      await Promise.all([page.waitForURL(/factor=0001/), page.click('form.lookup-form button[type=submit]')]);
      const result = page.locator('.lookup-result');
      await result.waitFor();
      const text = await result.innerText();
      assert.ok(text.includes(code), text);
      assert.ok(text.includes('Mới nộp, chờ tiếp nhận'), text);
      assert.ok(text.includes('Trung tâm Phục vụ hành chính công'), text);
      const whole = await page.locator('main').innerText();
      for (const secret of [applicant.full_name, applicant.citizen_id, applicant.phone, applicant.street]) {
        assert.ok(!whole.includes(secret), `${secret} is not shown`);
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 360), true, 'fits 360 px');
      if (javaScriptEnabled) assert.deepEqual(await seriousViolations(page), []);
      // The receipt's QR code opens the lookup with the code filled in, waiting for the digits.
      await page.goto(`${portal.url}/tra-cuu?code=${encodeURIComponent(code)}`);
      await page.locator('#factor').waitFor();
      assert.equal(await page.inputValue('#code'), code);
      assert.equal(await page.locator('.error-summary, .notice-error, .lookup-result').count(), 0);
      await visitor.close();
      visitor = undefined;
    }
  } finally {
    await visitor?.close();
    await citizen.browser.close().catch(() => {});
  }
});
