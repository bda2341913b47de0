// Paying a fee online through the VNPay simulator in Chromium, with JavaScript off (plain
// forms): a citizen files a procedure whose fee is paid before processing (the dossier waits
// in "awaiting payment"), cancels the first payment on the gateway's page, pays on the second
// try while the simulator sends the IPN twice (a replay), and the dossier shows the fee paid,
// once, and has moved on to the desk. A forged IPN gets code 97. Axe checks the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, seriousViolations } from '../support/portal.mjs';
import { PDF, PNG } from '../support/files.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

async function api(page, method, url, body) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value ?? '';
  const res = await page.request.fetch(`${portal.url}${url}`, {
    method,
    headers: { 'x-csrf-token': csrf, ...(Buffer.isBuffer(body) ? {} : { 'content-type': 'application/json' }) },
    data: Buffer.isBuffer(body) ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status(), body: text ? JSON.parse(text) : null };
}

/**
 * Files the registration of a dietary food product (a fee of 1,500,000 đồng, paid before the
 * desk receives the dossier) through the API with the session.
 */
async function fileWithFee(page) {
  const created = await api(page, 'POST', '/api/v1/dossiers', { procedure_code: 'TN.ATTP.002' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body;
  const applicant = { ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000002' };
  const saved = await api(page, 'PATCH', `/api/v1/dossiers/${d.id}`, {
    revision: d.revision, applicant, answers: { noi_dung: 'Quán phở 30 chỗ ngồi' }, delivery: { method: 'electronic' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const others = saved.body.problems.filter((p) => !p.field.startsWith('doc-'));
  assert.deepEqual(others, [], 'only documents left');
  for (const slot of saved.body.problems.map((p) => p.field.slice(4))) {
    let up = await api(page, 'POST', `/api/v1/dossiers/${d.id}/files?slot=${slot}&name=ban-scan.pdf`, PDF);
    if (up.status !== 201) up = await api(page, 'POST', `/api/v1/dossiers/${d.id}/files?slot=${slot}&name=anh.png`, PNG);
    assert.equal(up.status, 201, `${slot}: ${JSON.stringify(up.body)}`);
  }
  const current = await api(page, 'GET', `/api/v1/dossiers/${d.id}`);
  const ready = await api(page, 'PATCH', `/api/v1/dossiers/${d.id}`, { revision: current.body.revision, documents_done: true });
  assert.deepEqual(ready.body.problems, []);
  const filed = await api(page, 'POST', `/api/v1/dossiers/${d.id}/submit`, { declaration: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  return d.id;
}

test('a fee is paid through the gateway once, after a cancelled try, with JavaScript off', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false, width: 360, height: 800 });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/dang-nhap`);
    await page.fill('#identifier', 'congdan@dichvucong.localhost');
    await page.fill('#password', 'Demo@2026');
    await Promise.all([page.waitForURL(/\/tai-khoan/), page.click('main button[type=submit]')]);
    const id = await fileWithFee(page);
    const dossierUrl = `${portal.url}/ho-so/${id}`;

    await page.goto(dossierUrl);
    const panel = page.locator('section.payment');
    assert.match(await panel.innerText(), /Lệ phí cần nộp: 1\.500\.000/);
    assert.match(await page.locator('dl.facts').innerText(), /Chờ thanh toán/);

    // First try: cancelled on the gateway's page; the dossier says so and offers to pay again.
    await Promise.all([page.waitForURL(/\/gia-lap\/vnpay\/paymentv2\/vpcpay\.html\?/), panel.locator('form.payment-form button[type=submit]').click()]);
    assert.match(await page.locator('#amount').innerText(), /1500000 VND/);
    await Promise.all([page.waitForURL(/\/ho-so\/.*thanh-toan=ve/), page.click('button[value="24"]')]);
    assert.match(await page.locator('section.payment').innerText(), /chưa thành công/);

    // Second try: paid, while the simulator sends the IPN twice.
    await Promise.all([page.waitForURL(/vpcpay\.html/), page.locator('section.payment form.payment-form button[type=submit]').click()]);
    await page.check('input[name=ipn][value=twice]');
    await Promise.all([page.waitForURL(/\/ho-so\/.*thanh-toan=ve/), page.click('button[value="00"]')]);
    const paid = await page.locator('section.payment').innerText();
    assert.match(paid, /Đã thanh toán 1\.500\.000/);
    // Paid: the dossier moved on to the desk by itself.
    assert.match(await page.locator('dl.facts').innerText(), /Mới nộp/);
    // The receipt of the payment is a PDF.
    const receiptUrl = await page.locator('section.payment a[href*="/bien-lai/"]').getAttribute('href');
    const receipt = await page.request.get(`${portal.url}${receiptUrl}`);
    assert.equal(receipt.status(), 200);
    assert.equal(receipt.headers()['content-type'], 'application/pdf');
    assert.ok((await receipt.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
    assert.equal(await page.locator('section.payment button').count(), 0, 'no second payment offered');
    const timeline = await page.locator('ol.timeline').innerText();
    assert.equal(timeline.split('Đã thanh toán lệ phí').length - 1, 1, 'paid once on the timeline');
    assert.match(timeline, /Thanh toán lệ phí không thành công/);

    // A forged IPN is refused with its code and changes nothing.
    const forged = await page.request.get(`${portal.url}/thanh-toan/vnpay/ipn?vnp_TxnRef=X&vnp_Amount=100&vnp_ResponseCode=00&vnp_SecureHash=abc`);
    assert.deepEqual(await forged.json(), { RspCode: '97', Message: 'Invalid signature' });
    // A return with a bad signature leads to the list, not to a "paid" page.
    await page.goto(`${portal.url}/thanh-toan/vnpay/ket-qua?vnp_TxnRef=X&vnp_SecureHash=abc`);
    assert.match(page.url(), /\/ho-so-cua-toi/);

    // Axe (it needs JavaScript) on the paid dossier page, at 360 px.
    const checker = await launchBrowser({ width: 360, height: 800 });
    try {
      const p = await checker.context.newPage();
      await p.goto(`${portal.url}/dang-nhap`);
      await waitForHydration(p);
      await p.fill('#identifier', 'congdan@dichvucong.localhost');
      await p.fill('#password', 'Demo@2026');
      await Promise.all([p.waitForURL(/\/tai-khoan/), p.click('main button[type=submit]')]);
      await p.goto(dossierUrl);
      await waitForHydration(p);
      await p.locator('section.payment').waitFor();
      assert.deepEqual(await seriousViolations(p), []);
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `fits 360 px (${width})`);
    } finally {
      await checker.close();
    }
  } finally {
    await browser.close();
  }
});

for (const javaScriptEnabled of [true, false]) {
  test(`backing out of the gateway never blocks paying: "pay again", and a lost IPN is found at once (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const browser = await launchBrowser({ javaScriptEnabled, width: 360, height: 800 });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${portal.url}/dang-nhap`);
      if (javaScriptEnabled) await waitForHydration(page);
      await page.fill('#identifier', 'congdan@dichvucong.localhost');
      await page.fill('#password', 'Demo@2026');
      await Promise.all([page.waitForURL(/\/tai-khoan/), page.click('main button[type=submit]')]);
      const id = await fileWithFee(page);
      const dossierUrl = `${portal.url}/ho-so/${id}`;
      await page.goto(dossierUrl);
      const panel = page.locator('section.payment');

      // Opened, then the back button: the dossier waits for the bank, and offers to pay again.
      await Promise.all([page.waitForURL(/vpcpay\.html/), panel.locator('form.payment-form button[type=submit]').click()]);
      await page.goBack();
      await page.goto(dossierUrl);
      assert.match(await panel.innerText(), /Đang chờ ngân hàng xác nhận/);
      const again = panel.locator('form.pay-again-form button[type=submit]');
      assert.equal(await again.innerText(), 'Thanh toán lại');
      if (javaScriptEnabled) assert.deepEqual(await seriousViolations(page), []);

      // Pay again: a new gateway page; paid there, with the IPN lost on the way. Back on the
      // dossier the portal asks the gateway at once: paid, once, and the dossier moved on.
      await Promise.all([page.waitForURL(/vpcpay\.html/), again.click()]);
      await page.check('input[name=ipn][value=none]');
      await Promise.all([page.waitForURL(/\/ho-so\/.*thanh-toan=ve/), page.click('button[value="00"]')]);
      assert.match(await page.locator('section.payment').innerText(), /Đã thanh toán 1\.500\.000/);
      assert.match(await page.locator('dl.facts').innerText(), /Mới nộp/);
      assert.equal(await page.locator('section.payment button').count(), 0, 'nothing more to pay');
      const timeline = await page.locator('ol.timeline').innerText();
      assert.equal(timeline.split('Đã thanh toán lệ phí').length - 1, 1, 'paid once on the timeline');
    } finally {
      await browser.close();
    }
  });
}

test('a fee is paid by a VietQR bank transfer: the code, the bank, the notice, the dossier moves on', async () => {
  const browser = await launchBrowser({ width: 360, height: 800 });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${portal.url}/dang-nhap`);
    await waitForHydration(page);
    await page.fill('#identifier', 'congdan@dichvucong.localhost');
    await page.fill('#password', 'Demo@2026');
    await Promise.all([page.waitForURL(/\/tai-khoan/), page.click('main button[type=submit]')]);
    const id = await fileWithFee(page);
    const dossierUrl = `${portal.url}/ho-so/${id}`;
    await page.goto(dossierUrl);
    await waitForHydration(page);
    await page.locator('section.payment form.transfer-form button[type=submit]').click();

    // The order: a scannable code and the same details typed out.
    const order = page.locator('section.payment .transfer-order');
    await order.waitFor();
    const text = await order.innerText();
    assert.match(text, /1\.500\.000/);
    assert.match(text, /Vietcombank/);
    const reference = (await order.locator('.transfer-reference').innerText()).trim();
    assert.match(reference, /^DVC[0-9A-Z]{10}$/);
    assert.equal(await order.locator('.transfer-qr svg path').count(), 1);
    assert.equal(await page.locator('section.payment form.payment-form').count(), 0, 'no card payment meanwhile');
    assert.deepEqual(await seriousViolations(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `fits 360 px (${width})`);
    const payload = await order.getAttribute('data-vietqr');

    // The citizen's banking app reads the code and pays; the bank's notice comes twice.
    await page.goto(`${portal.url}/gia-lap/ngan-hang`);
    await page.fill('#ma', payload);
    await page.check('input[name=mode][value=twice]');
    await page.click('button[type=submit]');
    await page.locator('#answer').waitFor();
    assert.equal(await page.locator('#answer').innerText(), '02', 'the replayed notice changed nothing');

    // Back on the dossier: paid once, and the dossier went on to the desk.
    await page.goto(dossierUrl);
    assert.match(await page.locator('section.payment').innerText(), /Đã thanh toán 1\.500\.000/);
    assert.match(await page.locator('dl.facts').innerText(), /Mới nộp/);
    const timeline = await page.locator('ol.timeline').innerText();
    assert.equal(timeline.split('Đã thanh toán lệ phí').length - 1, 1, 'paid once on the timeline');
  } finally {
    await browser.close();
  }
});
