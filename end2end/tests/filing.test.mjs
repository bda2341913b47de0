// Filing a dossier online in Chromium, with and without JavaScript, as a new user: register
// (the verification e-mail read from a real SMTP server), find the procedure, sign
// in, fill the form with one mistake (clear error), try a wrong-type, an oversize and the EICAR
// test file (refused with a message, the draft intact; clamd really scans), upload files (a
// progress bar with JavaScript), check the answers, submit, see the code, download the receipt
// (its text read back with pdftotext) and receive the confirmation e-mail on a real SMTP server;
// resume a draft in a new browser; axe on every step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPortal, launchBrowser, waitForHydration, seriousViolations } from '../support/portal.mjs';
import { startSmtp, startClamd, EICAR } from '../support/services.mjs';

let portal;
let smtp;
let clamd;
const files = mkdtempSync(path.join(tmpdir(), 'portal-files-'));
const scan = path.join(files, 'giay-xac-nhan.pdf');
const photo = path.join(files, 'anh-chup.png');
const fake = path.join(files, 'khong-phai-pdf.pdf');
const oversize = path.join(files, 'ban-chup-qua-lon.pdf');
const virus = path.join(files, 'giay-to-nhiem-virus.pdf');
before(async () => {
  // A real (small) PDF and PNG, and an executable named .pdf.
  writeFileSync(scan, `%PDF-1.4\n1 0 obj<<>>endobj\n${'%'.repeat(300_000)}\n%%EOF\n`);
  writeFileSync(photo, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a2ba0000000049454e44ae426082', 'hex'));
  writeFileSync(fake, Buffer.from('4d5a90000300000004000000ffff0000', 'hex'));
  // Over the slot's 10 MB limit.
  writeFileSync(oversize, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 0x20)]));
  writeFileSync(virus, EICAR);
  [smtp, clamd] = await Promise.all([startSmtp(), startClamd()]);
  portal = await startPortal({
    env: {
      PORTAL_MAIL_TRANSPORT: 'smtp',
      PORTAL_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PORTAL_CLAMD_ADDRESS: clamd.address,
    },
  });
});
after(async () => { await portal?.stop(); await smtp?.stop(); await clamd?.stop(); });

async function signIn(page, email = 'congdan@dichvucong.localhost', password = 'Demo@2026') {
  await page.fill('#identifier', email);
  await page.fill('#password', password);
  await page.click('main button[type=submit]');
}

/** The first message the SMTP server received that `matches`, waiting up to 20 s. */
async function mailTo(matches) {
  for (let i = 0; i < 100; i++) {
    const found = smtp.messages().find(matches);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

async function axeClean(page, where) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${where}`);
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
  test(`${mode}: a new user registers → finds → signs in → form with a mistake → upload → review → submit → code, receipt and e-mail`, async () => {
    const browser = await launchBrowser({ javaScriptEnabled, width: 390, height: 844 });
    try {
      const page = await browser.context.newPage();
      const settle = async () => { if (javaScriptEnabled) await waitForHydration(page); };
      // axe-core runs as a script, so it checks the pages of the JavaScript run.
      const axe = async (where) => { if (javaScriptEnabled) await axeClean(page, where); };

      // A new citizen: register, then confirm the address from the e-mail the SMTP server got.
      const email = `tam.${javaScriptEnabled ? 'js' : 'nojs'}@example.vn`;
      const password = 'matkhau2026';
      await page.goto(`${portal.url}/dang-ky`);
      await settle();
      await page.fill('#full_name', 'Lê Văn Tâm');
      await page.fill('#email', email);
      await page.fill('#password', password);
      await page.fill('#password_confirmation', password);
      await page.check('#accept_terms');
      await page.click('main button[type=submit]');
      await page.waitForURL(/\/dang-ky\/xong/);
      const verification = await mailTo((m) => m.rcpt_tos.includes(email) && m.body.includes('/xac-thuc-email?token='));
      assert.ok(verification, 'the verification e-mail reached the SMTP server');
      const link = verification.body.match(/\/xac-thuc-email\?token=[^\s"<>]+/)[0];
      await page.goto(`${portal.url}${link}`);
      await settle();
      await page.click('main button[type=submit]');
      await page.waitForURL(/\/dang-nhap\?da=xac-thuc/);

      await page.goto(`${portal.url}/thu-tuc?q=an+toan+thuc+pham+an+uong`);
      await page.locator('.procedure-card a', { hasText: 'dịch vụ ăn uống' }).first().click();
      await page.waitForURL(/\/thu-tuc\/.+/);
      await page.click('.cta a.button');
      await page.waitForURL(/\/nop-truc-tuyen\//);
      await settle();
      await page.click('main .notice a.button');
      await page.waitForURL(/\/dang-nhap/);
      await settle();
      await signIn(page, email, password);
      await page.waitForURL(/\/nop-truc-tuyen\//);
      await settle();
      await page.waitForSelector('form[action="/ho-so/bat-dau"] button');
      await axe('start page');
      await page.click('form[action="/ho-so/bat-dau"] button');
      await page.waitForURL(/\/nguoi-nop$/);
      await settle();
      const dossierUrl = page.url().replace(/\/nguoi-nop$/, '');
      assert.equal(await page.inputValue('#applicant-full_name'), 'Lê Văn Tâm', 'prefilled from the account');
      assert.equal(await page.inputValue('#applicant-email'), email);
      await axe('applicant step');
      // A new account has no profile yet: the identity and address are typed here, with one
      // mistake — a phone number that is too short.
      await page.fill('#applicant-citizen_id', '072190001234');
      await page.fill('#applicant-date_of_birth', '1990-03-15');
      await page.fill('#applicant-phone', '0912');
      await page.selectOption('#applicant-address-province', '80');
      await page.click('button[value=next]');
      await page.waitForURL(/nguoi-nop\?loi=1/);
      await settle();
      const summary = await page.textContent('.error-summary');
      assert.match(summary, /Số điện thoại di động: Số điện thoại di động gồm 10 chữ số/);
      assert.equal(await page.inputValue('#applicant-phone'), '0912', 'what was typed is kept');
      assert.equal(await page.getAttribute('#applicant-phone', 'aria-invalid'), 'true');
      await page.fill('#applicant-phone', '0912000001');
      await page.selectOption('#applicant-address-commune', '25459');
      await page.fill('#applicant-address-street', '12 Lê Lợi');
      await page.click('button[value=next]');
      await page.waitForURL(/\/to-khai$/);
      await settle();
      await axe('form step');
      await page.fill('#form-noi_dung', 'Cấp giấy chứng nhận cho quán ăn 60 chỗ');
      await page.click('button[value=next]');
      await page.waitForURL(/\/giay-to$/);
      await settle();
      await axe('documents step');
      const slots = page.locator('section.slot');
      const count = await slots.count();
      assert.ok(count >= 2, `${count} document slots`);
      assert.match(await slots.first().textContent(), /PDF, JPG, PNG; tối đa 10 MB mỗi tệp/, 'limits shown before choosing');

      // Refused files — not what its name says, too large, the EICAR test virus (clamd) — each
      // get a message read out, and the draft keeps nothing of them.
      const refused = async (file, code, message) => {
        const slot = page.locator('section.slot').first();
        await slot.locator('input[type=file]').setInputFiles(file);
        await slot.locator('form.upload button').click();
        if (javaScriptEnabled) {
          await slot.locator('.upload-message[role=alert]').filter({ hasText: message }).waitFor();
        } else {
          await page.waitForURL(new RegExp(`tai-len=loi&ma=${code}`));
          assert.match(await page.locator('section.slot').first().textContent(), message);
        }
        assert.equal(await page.locator('section.slot .files li').count(), 0, `${code}: nothing attached`);
      };
      await refused(fake, 'file_type', /không đúng định dạng/);
      await refused(oversize, 'file_too_big', /lớn hơn dung lượng cho phép/);
      await refused(virus, 'file_virus', /diệt virus từ chối/);
      // Every slot gets a file. With JavaScript, over a slow uplink (100 KB/s, as on a weak
      // mobile signal), the progress bar shows how far the first upload got.
      let cdp;
      if (javaScriptEnabled) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false, latency: 40, downloadThroughput: -1, uploadThroughput: 100 * 1024,
        });
      }
      for (let i = 0; i < count; i++) {
        const slot = page.locator('section.slot').nth(i);
        await slot.locator('input[type=file]').setInputFiles(i === 1 ? photo : scan);
        const before = page.url();
        await slot.locator('form.upload button').click();
        if (javaScriptEnabled && i === 0) {
          const bar = page.locator('form.upload progress');
          await bar.waitFor({ timeout: 10_000 });
          await page.waitForFunction(() => Number(document.querySelector('form.upload progress')?.value) > 0,
            null, { timeout: 10_000 });
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
          });
        }
        if (javaScriptEnabled) {
          // The script reloads the page with a fresh `n` once the file is stored.
          await page.waitForURL((u) => u.href !== before && /tai-len=ok/.test(u.href));
        } else {
          await page.waitForURL(/tai-len=ok/);
        }
        await settle();
      }
      assert.equal(await page.locator('section.slot .files li').count(), count, 'one file per slot');
      assert.equal(await page.locator('section.slot .files img').count(), 1, 'the image is previewed');
      await page.click('button[value=next]');
      await page.waitForURL(/\/nhan-ket-qua$/);
      await settle();
      await axe('delivery step');
      // Postal return's fields are reachable before saving (issue 27): shown once chosen with
      // JavaScript, always on the page (saying when they apply) without it.
      await page.check('#delivery-method-post');
      assert.ok(await page.locator('#delivery-recipient').isVisible(), 'the recipient field is on screen');
      assert.ok(await page.locator('#delivery-postal_payment-on_delivery').isVisible(), 'how to pay the postage is on screen');
      assert.match(await page.locator('.conditional:has(#delivery-recipient) > .conditional-when').innerText(), /Nhận qua bưu chính/);
      await page.check('#delivery-method-electronic');
      if (javaScriptEnabled) assert.ok(!(await page.locator('#delivery-recipient').isVisible()), 'hidden again with JavaScript');
      await page.click('button[value=next]');
      await page.waitForURL(/\/kiem-tra$/);
      await settle();
      await axe('review step');
      const review = await page.textContent('main');
      assert.match(review, /Cấp giấy chứng nhận cho quán ăn 60 chỗ/);
      assert.match(review, /700\.000 đồng/);
      // Sent without the declaration: one summary at the top takes the focus and links to the box
      // (issue 27), instead of a message far down the page.
      await page.click('main button.button-large');
      const problem = page.locator('.error-summary a[href="#declaration"]');
      await problem.waitFor();
      assert.match(await problem.innerText(), /Cam đoan/i);
      let focused = false;
      for (let i = 0; i < 50 && !focused; i++) {
        focused = await page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false);
        if (!focused) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(focused, 'the error summary has the focus');
      const top = await page.locator('.error-summary').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
      assert.ok(top < 600, `the summary starts ${top} px down the page`);
      await settle();
      await page.check('#declaration');
      await page.click('main button.button-large');
      await page.waitForURL(/\?moi=1$/);
      await settle();
      const code = (await page.textContent('.dossier-code')).trim();
      assert.match(code, /^000\.00\.02\.H53-\d{6}-\d{4}$/);
      assert.match(await page.textContent('main'), /Nộp hồ sơ thành công/);
      await axe('confirmation');
      assert.equal(page.url(), `${dossierUrl}?moi=1`);

      // The receipt: a PDF whose text (read by poppler's pdftotext) has the code, the procedure's
      // Vietnamese name and the applicant. It is also offered from "My dossiers".
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('main a[href$="/phieu-tiep-nhan.pdf"]'),
      ]);
      const pdfPath = path.join(files, `receipt-${javaScriptEnabled ? 'js' : 'nojs'}.pdf`);
      await download.saveAs(pdfPath);
      assert.equal(readFileSync(pdfPath).subarray(0, 5).toString(), '%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
        .replace(/\s+/g, ' ');
      assert.ok(text.includes(code), `the receipt names ${code}`);
      const procedureName = 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống';
      assert.ok(text.includes(procedureName), `the receipt names the procedure: ${text}`);
      assert.match(text, /Lê Văn Tâm/);
      assert.match(text, /PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN/);
      await page.goto(`${portal.url}/ho-so-cua-toi`);
      await settle();
      assert.equal(await page.locator(`a[href="${dossierUrl.replace(portal.url, '')}/phieu-tiep-nhan.pdf"]`).count(), 1,
        'My dossiers links to the receipt');

      // The confirmation e-mail reaches the SMTP server, names the code and links to the dossier.
      const mail = await mailTo((m) => m.rcpt_tos.includes(email) && m.body.includes(code));
      assert.ok(mail, 'confirmation e-mail delivered over SMTP');
      assert.match(mail.subject, new RegExp(code.replace(/[.]/g, '\\.')));
      assert.ok(mail.body.includes(dossierUrl), 'the e-mail links to the dossier');
    } finally {
      await browser.close();
    }
  });
}

test('a draft saves itself while the user types and resumes in a new browser at the first step not done', async () => {
  const first = await launchBrowser();
  let resumeUrl;
  try {
    const page = await first.context.newPage();
    await page.goto(`${portal.url}/dang-nhap?next=/nop-truc-tuyen/TN.ATTP.001`);
    await waitForHydration(page);
    await signIn(page);
    await page.waitForURL(/\/nop-truc-tuyen\//);
    await page.click('form[action="/ho-so/bat-dau"] button');
    await page.waitForURL(/\/nguoi-nop$/);
    await waitForHydration(page);
    await page.selectOption('#applicant-address-province', '80');
    await page.waitForSelector('#applicant-address-commune option[value="25459"]', { state: 'attached' });
    await page.selectOption('#applicant-address-commune', '25459');
    await page.fill('#applicant-address-street', '5 Trần Hưng Đạo');
    await page.click('button[value=next]');
    await page.waitForURL(/\/to-khai$/);
    await waitForHydration(page);
    resumeUrl = page.url().replace(/\/to-khai$/, '');
    // Typed, never saved with a button: the page saves it in the background and says so.
    assert.match(await page.textContent('.autosave-status'), /tự động lưu trong khi bạn nhập/);
    await page.fill('#form-noi_dung', 'Quán phở 30 chỗ ngồi');
    await page.locator('.autosave-status', { hasText: 'Đã tự động lưu bản nháp' }).waitFor({ timeout: 15_000 });
  } finally {
    await first.close();
  }
  const second = await launchBrowser();
  try {
    const page = await second.context.newPage();
    await page.goto(`${portal.url}/dang-nhap?next=/ho-so-cua-toi`);
    await waitForHydration(page);
    await signIn(page);
    await page.waitForURL(/\/ho-so-cua-toi/);
    await waitForHydration(page);
    const link = page.locator(`a[href^="${resumeUrl.replace(portal.url, '')}"]`).first();
    assert.match(await link.getAttribute('href'), /\/giay-to$/, 'resumes at the documents, the form being complete');
    // Asking for a later step still shows the first one not done.
    await page.goto(`${resumeUrl}/kiem-tra`);
    await waitForHydration(page);
    assert.equal(await page.locator('[aria-current=step]').textContent(), 'Giấy tờ');
    await page.goto(`${resumeUrl}/to-khai`);
    await waitForHydration(page);
    assert.equal(await page.inputValue('#form-noi_dung'), 'Quán phở 30 chỗ ngồi', 'what was typed survived');
  } finally {
    await second.close();
  }
});
