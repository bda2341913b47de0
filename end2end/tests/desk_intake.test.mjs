// The one-stop desk in Chromium: an intake clerk registers a walk-in citizen's dossier (a wrong
// code first: the error names the field and keeps what was typed), types the paper form, uploads
// the scans, submits, finds it in "new" and accepts it (appointment slip as PDF); a system
// administrator edits a procedure's workflow, with an error that names the step and the field.
// Axe checks the intake page and the workflow editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, seriousViolations, apiCall } from '../support/portal.mjs';
import { PDF, onePagePdf } from '../support/files.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

async function signedIn(email, landing) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(`${portal.url}/dang-nhap`);
  await waitForHydration(page);
  await page.fill('#identifier', email);
  await page.fill('#password', 'Demo@2026');
  await page.click('main button[type=submit]');
  await page.waitForURL(landing, { timeout: 60_000 });
  return { browser, page };
}

/** Clicks the step's "next" button and waits for the following step's page. */
async function next(page, slug) {
  await Promise.all([page.waitForURL(new RegExp(`/${slug}$`)), page.click('button[value=next]')]);
  await waitForHydration(page);
}

test('a clerk registers a walk-in dossier at the desk, accepts it, and the applicant hears of it by SMS', async () => {
  const { browser, page } = await signedIn('tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/);
  const open = [browser];
  try {
    await page.click('header .account-menu summary');
    await page.click('header a[href="/mot-cua/tiep-nhan"]');
    await page.waitForURL(/\/mot-cua\/tiep-nhan$/);
    await waitForHydration(page);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the intake page');

    // A code of no procedure: refused, the field named, the typed code kept.
    await page.fill('#procedure', 'TN.KHONGCO.999');
    await Promise.all([page.waitForURL(/loi=/), page.click('main form button[type=submit]')]);
    await waitForHydration(page);
    assert.match(await page.textContent('.error-summary'), /Mã thủ tục: Không có thủ tục mang mã này/);
    assert.equal(await page.inputValue('#procedure'), 'TN.KHONGCO.999');
    assert.equal(await page.getAttribute('#procedure', 'aria-invalid'), 'true');

    await page.fill('#procedure', 'TN.CONGCHUNG.001');
    await page.check('input[name=channel][value=desk]');
    await Promise.all([page.waitForURL(/\/nguoi-nop$/), page.click('main form button[type=submit]')]);
    await waitForHydration(page);
    const dossierPath = new URL(page.url()).pathname.replace(/\/nguoi-nop$/, '');
    assert.equal(await page.inputValue('#applicant-full_name'), '', 'not the clerk’s own profile');
    await page.fill('#applicant-full_name', 'Trần Văn Hùng');
    await page.fill('#applicant-citizen_id', '072085004321');
    await page.fill('#applicant-date_of_birth', '1985-06-01');
    await page.fill('#applicant-phone', '0987123456');
    await page.selectOption('#applicant-address-province', '80');
    // Without a commune list loaded yet, the page offers to refresh it; with JS it loads itself.
    await page.locator('#applicant-address-commune option[value="25459"]').waitFor({ state: 'attached' });
    await page.selectOption('#applicant-address-commune', '25459');
    await page.fill('#applicant-address-street', '5 Trần Hưng Đạo');
    await next(page, 'to-khai');
    await page.fill('#form-noi_dung', 'Đăng ký hành nghề công chứng');
    await next(page, 'giay-to');
    const slots = page.locator('section.slot');
    const count = await slots.count();
    for (let i = 0; i < count; i++) {
      const slot = page.locator('section.slot').nth(i);
      await slot.locator('input[type=file]').setInputFiles({ name: `ban-quet-${i}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await slot.locator('form.upload button').click();
      // Wait for what the answer shows (the file listed in its slot), then for the page to come
      // alive: the address after the second upload can equal the first one's, and the full
      // `load` of every subresource once took over 30 s on a busy 2-core CI machine.
      await page.locator('section.slot').nth(i).locator('.files li').first().waitFor();
      await waitForHydration(page);
    }
    assert.equal(await page.locator('section.slot .files li').count(), count, 'one scan per slot');
    assert.equal(await page.locator('details.reuse').count(), 0, 'no scans of other dossiers offered for reuse');
    await next(page, 'nhan-ket-qua');
    await page.check('#delivery-method-desk');
    await next(page, 'kiem-tra');
    assert.match(await page.textContent('main'), /Trần Văn Hùng/);
    await page.check('#declaration');
    await Promise.all([page.waitForURL(/\?moi=1$/), page.click('main button.button-large')]);
    const code = (await page.textContent('.dossier-code')).trim();
    assert.match(code, /^000\.00\.02\.H53-\d{6}-\d{4}$/);
    const receipt = await page.request.get(`${portal.url}${dossierPath}/phieu-tiep-nhan.pdf`);
    assert.equal(receipt.headers()['content-type'], 'application/pdf');

    // The new queue lists it; the clerk accepts it and gets the appointment slip.
    await page.goto(`${portal.url}/mot-cua`);
    await page.locator(`a:has-text("${code}")`).waitFor();
    await Promise.all([page.waitForURL(/\/mot-cua\/ho-so\//), page.click(`a:has-text("${code}")`)]);
    await waitForHydration(page);
    // A client-side navigation: the address changes before the dossier's data arrives.
    const form = page.locator('form.bo-action-accept');
    await form.waitFor();
    assert.match(await page.textContent('main'), /Trần Văn Hùng/);
    await Promise.all([page.waitForURL(/da=accept/), form.locator('button[type=submit]').click()]);
    await page.locator('.notice-success').waitFor();
    const slip = await page.locator('a[href*="/giay/"]').first().getAttribute('href');
    const pdf = await page.request.get(`${portal.url}${slip}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));

    // The walk-in applicant gave only a mobile number: the acceptance reaches it by SMS (read
    // from the SMS simulator, as a system administrator), and so does the return of the result.
    const admin = await signedIn('quantri@dichvucong.localhost', (u) => !new URL(u).pathname.startsWith('/dang-nhap'));
    open.push(admin.browser);
    const texts = async (subject) => {
      for (let i = 0; i < 60; i += 1) {
        const res = await admin.page.request.get(`${portal.url}/gia-lap/sms/api/messages`);
        assert.equal(res.status(), 200);
        const found = (await res.json()).filter((m) => m.phone.endsWith('987123456') && m.content.includes(subject));
        if (found.length > 0) return found;
        await admin.page.waitForTimeout(250);
      }
      return [];
    };
    assert.equal((await texts(`Hồ sơ ${code} đã được tiếp nhận`)).length, 1, 'an SMS at acceptance');
    const id = dossierPath.split('/').pop();
    const act = async (who, action, body = {}) => {
      const moved = await apiCall(portal, who.page, 'POST', `/api/v1/staff/dossiers/${id}/actions/${action}`, body);
      assert.equal(moved.status, 200, `${action}: ${JSON.stringify(moved.body)}`);
    };
    const specialist = await signedIn('chuyenvien.tuphap@dichvucong.localhost', (u) => !new URL(u).pathname.startsWith('/dang-nhap'));
    open.push(specialist.browser);
    await act(specialist, 'assign');
    await specialist.page.goto(`${portal.url}/mot-cua/ho-so/${id}`);
    await waitForHydration(specialist.page);
    await specialist.page.setInputFiles('#result-file', { name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Ket qua') });
    await Promise.all([specialist.page.waitForURL(/da=result_upload/), specialist.page.click('form.result-upload button[type=submit]')]);
    await act(specialist, 'forward');
    const leader = await signedIn('lanhdao.tuphap@dichvucong.localhost', (u) => !new URL(u).pathname.startsWith('/dang-nhap'));
    open.push(leader.browser);
    await act(leader, 'approve');
    await act({ page }, 'return');
    assert.equal((await texts(`Hồ sơ ${code} đã trả kết quả`)).length, 1, 'an SMS at the return of the result');
  } finally {
    for (const b of open) await b.close();
  }
});

test('an administrator adds a workflow step; a refused workflow is named by step and field', async () => {
  const { browser, page } = await signedIn('quantri@dichvucong.localhost', /\/(tai-khoan|quan-tri|$)/);
  try {
    await page.goto(`${portal.url}/quan-tri/quy-trinh`);
    await waitForHydration(page);
    await page.fill('#thu-tuc', 'TN.CONGCHUNG.001');
    await Promise.all([page.waitForURL(/thu-tuc=TN\.CONGCHUNG\.001/), page.click('form.filter-row button')]);
    await page.locator('#step-1-role').waitFor();
    await waitForHydration(page);
    assert.deepEqual(await seriousViolations(page), [], 'axe on the workflow editor');
    assert.match(await page.textContent('main'), /quy trình mặc định/);
    assert.equal(await page.inputValue('#step-2-role'), 'leader');
    // Insert a legal check before the leader: step 2 becomes the specialist's, step 3 the
    // leader's — but step 3 is first left as a specialist's, which the rules refuse (the last
    // step approves). Out-of-range hours are stopped by the browser itself (min/max).
    assert.equal(await page.getAttribute('#step-3-hours', 'max'), '2000');
    await page.fill('#step-2-name', 'Kiểm tra pháp lý');
    await page.selectOption('#step-2-role', 'specialist');
    await page.fill('#step-2-hours', '8');
    await page.fill('#step-3-name', 'Lãnh đạo Sở phê duyệt');
    await page.selectOption('#step-3-role', 'specialist');
    await page.fill('#step-3-hours', '12');
    await page.click('form.workflow-form button[type=submit]');
    await page.locator('.error-summary').filter({ hasText: 'Bước 3: Người xử lý: Bước cuối cùng phải là lãnh đạo phê duyệt' }).waitFor();
    await page.selectOption('#step-3-role', 'leader');
    await Promise.all([page.waitForURL(/da=luu/), page.click('form.workflow-form button[type=submit]')]);
    await page.locator('.notice-success').waitFor();
    await page.reload();
    await page.locator('#step-3-role').waitFor();
    assert.match(await page.textContent('main'), /có quy trình riêng/);
    assert.equal(await page.inputValue('#step-2-name'), 'Kiểm tra pháp lý');
    assert.equal(await page.inputValue('#step-3-role'), 'leader');
    assert.equal(await page.inputValue('#step-3-hours'), '12');
  } finally {
    await browser.close();
  }
});
