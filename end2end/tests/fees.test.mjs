// Fee rules in Chromium (issue 23): the procedure page states the rule and
// its exemptions; a citizen on a 360 px phone asks for 3 copies of a diploma (3.000 đồng per
// copy) as a person with meritorious service (half the fee), is asked for the evidence once
// the exemption is chosen, sees the fee the rule gives on check-answers and pays exactly that;
// the desk corrects the copies to 2 and the fee follows the rule; the desk refuses the dossier;
// the citizen gives a bank account and sees both refunds (the amount paid above the corrected
// fee, then the rest) paid by the bank simulator's payout service. Axe checks each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, apiCall, seriousViolations } from '../support/portal.mjs';
import { attachDocuments } from '../support/files.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

/** A browser signed in as `email` (forms are plain posts; the pages work without JavaScript). */
async function as(email, width) {
  const browser = await launchBrowser({ width, height: 900 });
  const page = await browser.context.newPage();
  await page.goto(`${portal.url}/dang-nhap`);
  await page.fill('#identifier', email);
  await page.fill('#password', 'Demo@2026');
  await Promise.all([
    page.waitForURL((u) => !new URL(u).pathname.startsWith('/dang-nhap'), { timeout: 60_000 }),
    page.click('main button[type=submit]'),
  ]);
  return { browser, page };
}

async function axe(page, what) {
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `${what}: ${JSON.stringify(found, null, 1)}`);
}

test('a per-copy fee with a reduction is charged and corrected by the rule; once refused, the citizen is refunded to a bank account', async () => {
  const citizen = await as('congdan@dichvucong.localhost', 360);
  const open = [citizen];
  try {
    const page = citizen.page;
    const api = (method, url, body) => apiCall(portal, page, method, url, body);

    // The procedure page states the rule and who pays less, with the evidence asked.
    const found = await api('GET', '/api/v1/procedures/TN.GIAODUC.006');
    assert.equal(found.status, 200);
    await page.goto(found.body.url.startsWith("http") ? found.body.url : `${portal.url}${found.body.url}`);
    const fees = await page.locator('section[aria-labelledby="fees-title"]').innerText();
    assert.match(fees, /3\.000 đồng \/ bản/);
    assert.match(fees, /Người có công với cách mạng[^\n]*giảm 50%[^\n]*nộp kèm Giấy tờ chứng nhận người có công/);
    await axe(page, 'procedure page');

    // The draft's applicant and delivery through the API; the form step in the page.
    const created = await api('POST', '/api/v1/dossiers', { procedure_code: 'TN.GIAODUC.006' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const d = created.body;
    const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
      revision: d.revision,
      applicant: { ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000004' },
      delivery: { method: 'electronic' },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    await page.goto(`${portal.url}/ho-so/${d.id}/to-khai`);
    await axe(page, 'form step with the fee questions');
    assert.match(await page.locator('label[for="form-so_luong_tinh_phi"]').innerText(), /Số bản đề nghị cấp/);
    await page.fill('#form-noi_dung', 'Cấp 3 bản sao bằng tốt nghiệp trung học phổ thông năm 2008');
    await page.fill('#form-so_luong_tinh_phi', '3');
    const meritorious = page.locator('#form-dien_mien_giam_phi input[value="nguoi_co_cong"]');
    await meritorious.check();
    await Promise.all([page.waitForURL(/\/giay-to$/), page.click('button[value=next]')]);
    const evidence = page.locator('#doc-minh_chung_mien_giam');
    assert.match(await evidence.innerText(), /Giấy tờ chứng minh thuộc diện miễn, giảm: Giấy tờ chứng nhận người có công/);
    await axe(page, 'documents step with the evidence slot');
    const now = await api('GET', `/api/v1/dossiers/${d.id}`);
    assert.ok(now.body.problems.some((p) => p.field === 'doc-minh_chung_mien_giam'), 'the evidence is required');
    await attachDocuments(api, d.id, now.body.problems);

    // Check-answers: 3 copies at 3.000, half waived, 4.500 due — and that is what is charged.
    await page.goto(`${portal.url}/ho-so/${d.id}/kiem-tra`);
    const quote = await page.locator('section.fee-quote').innerText();
    assert.match(quote, /3\.000 đồng × 3 bản/);
    assert.match(quote, /9\.000 đồng/);
    assert.match(quote, /Miễn, giảm: Người có công với cách mạng[^\n]*\(50%\)/);
    assert.match(quote, /−4\.500 đồng/);
    assert.match(quote, /Tổng số tiền nộp trực tuyến\s*4\.500 đồng/);
    await axe(page, 'check-answers with the reduction');
    await page.check('#declaration');
    await Promise.all([page.waitForURL(/\?moi=1$/), page.click('main button.button-large')]);
    const code = (await page.locator('.dossier-code').innerText()).trim();
    const panel = page.locator('section.payment');
    assert.match(await panel.innerText(), /4\.500 đồng/);
    await Promise.all([page.waitForURL(/vpcpay\.html/), panel.locator('form.payment-form button[type=submit]').click()]);
    assert.match(await page.locator('main').innerText(), /4500 VND/, 'the gateway is asked for the quoted amount');
    await Promise.all([page.waitForURL(/\/ho-so\/.*thanh-toan=ve/), page.click('button[value="00"]')]);
    assert.match(await page.locator('section.payment').innerText(), /Đã thanh toán/);

    // The desk sees the copies charged, corrects them to 2 (a reason is required), and the fee
    // follows the rule; the citizen's timeline says so.
    const desk = await as('tiepnhan.hcc@dichvucong.localhost', 1366);
    open.push(desk);
    const dossierUrl = `${portal.url}/mot-cua/ho-so/${d.id}`;
    await desk.page.goto(dossierUrl);
    const feePanel = desk.page.locator('section.bo-fee');
    assert.match(await feePanel.innerText(), /Hiện tính cho 3 bản/);
    await axe(desk.page, 'staff fee panel');
    await desk.page.fill('#fee-quantity', '0');
    await desk.page.fill('#fee-quantity-reason', 'Công dân chỉ nộp 2 bản chính');
    await Promise.all([desk.page.waitForURL(/phi=loi/), desk.page.click('form.fee-quantity-form button[type=submit]')]);
    assert.match(await desk.page.locator('section.bo-fee .notice-error').innerText(), /Số lượng: nhập một số nguyên từ 1 đến 1\.000/);
    await desk.page.fill('#fee-quantity', '2');
    await desk.page.fill('#fee-quantity-reason', 'Công dân chỉ nộp 2 bản chính');
    await Promise.all([desk.page.waitForURL(/da=fee_quantity/), desk.page.click('form.fee-quantity-form button[type=submit]')]);
    assert.match(await desk.page.locator('section.bo-fee').innerText(), /Phải nộp: 3\.000 đồng; đã nộp: 4\.500 đồng/);
    await page.goto(`${portal.url}/ho-so/${d.id}`);
    const history = await page.locator('main').innerText();
    assert.match(history, /Cơ quan sửa số lượng tính phí/);
    assert.match(history, /Công dân chỉ nộp 2 bản chính/);

    // The desk refuses the dossier, saying why.
    const refused = await apiCall(portal, desk.page, 'POST', `/api/v1/staff/dossiers/${d.id}/actions/refuse`, {
      public_note: 'Văn bằng không thuộc sổ gốc của Sở',
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    await page.goto(`${portal.url}/ho-so/${d.id}`);
    assert.match(await page.locator('dl.facts').first().innerText(), /Từ chối/);
    assert.match(await page.locator('main').innerText(), new RegExp(code.replace(/\./g, '\\.')));

    // What was paid comes back: the 1.500 paid above the corrected fee, then the 3.000 left
    // once refused — both wait for the citizen's bank account.
    const refunds = page.locator('section.refunds');
    const listed = await refunds.locator('.refund-list').innerText();
    assert.match(listed, /1\.500 đồng[\s\S]*Chờ bạn cung cấp tài khoản[\s\S]*3\.000 đồng[\s\S]*Chờ bạn cung cấp tài khoản/);
    await axe(page, 'dossier page with refunds waiting for an account');
    // A wrong account number is refused with the field named; what was typed stays.
    await page.selectOption('#refund-bank', '970418');
    await page.fill('#refund-account', '12');
    await page.fill('#refund-name', 'Nguyễn Thị Hoa');
    await Promise.all([page.waitForURL(/hoan-tien=loi/), page.click('form.refund-form button[type=submit]')]);
    assert.match(await refunds.locator('.notice-error').innerText(), /Số tài khoản: nhập từ 6 đến 19 chữ số/);
    assert.equal(await page.inputValue('#refund-name'), 'Nguyễn Thị Hoa', 'what was typed is kept');
    await page.fill('#refund-account', '12345678901');
    await Promise.all([page.waitForURL(/hoan-tien=da-gui/), page.click('form.refund-form button[type=submit]')]);
    // The bank settles the transfers a moment later with its signed result.
    let states = '';
    for (let i = 0; i < 40; i += 1) {
      await page.goto(`${portal.url}/ho-so/${d.id}`);
      states = await page.locator('section.refunds .refund-list').innerText();
      if ((states.match(/Đã chuyển vào tài khoản/g) ?? []).length === 2) break;
      await page.waitForTimeout(250);
    }
    assert.equal((states.match(/Đã chuyển vào tài khoản/g) ?? []).length, 2, states);
    assert.match(states, /BIDV …8901/);
    assert.match(await page.locator('main').innerText(), /Đã hoàn tiền vào tài khoản của bạn/);
    await axe(page, 'dossier page with refunds completed');

    // The desk sees the orders done.
    await desk.page.goto(dossierUrl);
    const orders = await desk.page.locator('ul.bo-refund-orders').innerText();
    assert.equal((orders.match(/Đã chuyển vào tài khoản/g) ?? []).length, 2, orders);
  } finally {
    for (const b of open) await b.browser.close();
  }
});
