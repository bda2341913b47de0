// Postal return of a result in Chromium: a citizen files a dossier asking for the result by
// post, the fee of the postal service paid to the postman (through the API with the browser's
// session, as a mobile app does; the delivery step offers the tariff); the desk, the
// department and its leader process it; the desk hands the result to the carrier from the
// staff dossier page; the postman (the carrier simulator's page) reports it picked up, in
// transit, a failed attempt, then delivered; the citizen's timeline shows each shipment step
// and "result returned by post". Before approval the specialist adds an extra fee, which the
// citizen leaves unpaid: the postman collects it with the postal fee, and the citizen's page
// shows it paid once delivered. Axe checks both dossier pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, seriousViolations, apiCall } from '../support/portal.mjs';
import { attachDocuments } from '../support/files.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

/** A browser signed in as `email`, landed on `landing`. */
async function as(email, landing) {
  const browser = await launchBrowser({ width: 360, height: 800 });
  const page = await browser.context.newPage();
  await page.goto(`${portal.url}/dang-nhap`);
  await waitForHydration(page);
  await page.fill('#identifier', email);
  await page.fill('#password', 'Demo@2026');
  await Promise.all([page.waitForURL(landing, { timeout: 60_000 }), page.click('main button[type=submit]')]);
  return { browser, page };
}

/** A notarisation draft of the signed-in citizen with every step done and `delivery` as its
 * way home, made through the API with the browser's session (as a mobile app does). */
async function readyDraft(api, delivery) {
  const created = await api('POST', '/api/v1/dossiers', { procedure_code: 'TN.CONGCHUNG.001' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body;
  const applicant = { ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000003' };
  const current = await api('GET', `/api/v1/dossiers/${d.id}`);
  const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
    revision: current.body.revision, applicant, answers: { noi_dung: 'Đăng ký hành nghề công chứng' }, delivery,
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await attachDocuments(api, d.id, saved.body.problems);
  return d;
}

test('a result sent by post is handed to the carrier, delivered, and each step reaches the citizen', async () => {
  const citizen = await as('congdan@dichvucong.localhost', /\/tai-khoan/);
  const staff = [];
  try {
    const page = citizen.page;
    const api = (method, url, body) => apiCall(portal, page, method, url, body);
    const d = await readyDraft(api, {
      method: 'post', recipient: 'Nguyễn Thị Hoa', phone: '0912000003', province: '80', commune: '25459',
      street: '45 Trần Hưng Đạo', postal_payment: 'on_delivery',
    });
    // The delivery step shows postal return with the tariff and both ways to pay its fee.
    await page.goto(`${portal.url}/ho-so/${d.id}/nhan-ket-qua`);
    const step = await page.locator('main form').innerText();
    assert.match(step, /Phí chuyển phát: 22\.000/);
    assert.match(step, /Trả cho bưu tá khi nhận kết quả/);
    assert.match(step, /Trả trực tuyến cùng lệ phí hồ sơ/);
    assert.equal(await page.isChecked('#delivery-postal_payment-on_delivery'), true);
    const filed = await api('POST', `/api/v1/dossiers/${d.id}/submit`, { declaration: true });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));

    // The desk accepts, the department's specialist reviews, its leader approves.
    for (const [email, landing, actions] of [
      ['tiepnhan.hcc@dichvucong.localhost', /\/mot-cua/, ['accept']],
      ['chuyenvien.tuphap@dichvucong.localhost', /\/mot-cua/, ['assign', 'forward']],
      ['lanhdao.tuphap@dichvucong.localhost', /\/mot-cua/, ['approve']],
    ]) {
      const s = await as(email, landing);
      staff.push(s);
      if (actions[0] === 'approve') {
        // Before approval, the specialist adds an extra fee on the staff page (a wrong amount
        // first: the page names the field and keeps the dossier as it was).
        const specialist = staff[1].page;
        await specialist.goto(`${portal.url}/mot-cua/ho-so/${d.id}`);
        const fee = specialist.locator('form.fee-form');
        await fee.locator('#fee-amount').fill('abc');
        await fee.locator('#fee-reason').fill('Cấp thêm 2 bản sao thẻ');
        // (The page may hydrate meanwhile: wait for what the answer shows, not for a load.)
        await fee.locator('button[type=submit]').click();
        await specialist.locator('section.bo-fee [role=alert]', { hasText: 'Số tiền' }).waitFor();
        await specialist.locator('#fee-amount').fill('50.000');
        await specialist.locator('#fee-reason').fill('Cấp thêm 2 bản sao thẻ');
        await specialist.locator('form.fee-form button[type=submit]').click();
        await specialist.locator('.notice-success', { hasText: 'Đã thêm phí' }).waitFor();
      }
      for (const action of actions) {
        const moved = await apiCall(portal, s.page, 'POST', `/api/v1/staff/dossiers/${d.id}/actions/${action}`, {});
        assert.equal(moved.status, 200, `${action}: ${JSON.stringify(moved.body)}`);
      }
    }

    // The desk hands the result to the carrier from the dossier page.
    const desk = staff[0].page;
    await desk.goto(`${portal.url}/mot-cua/ho-so/${d.id}`);
    const panel = desk.locator('section.bo-postal');
    assert.match(await panel.innerText(), /22\.000.*bưu tá/);
    assert.match(await panel.innerText(), /45 Trần Hưng Đạo, Phường Tân Ninh, Tây Ninh/);
    // The postman collects the unpaid extra fee for the agency and the postal fee.
    assert.match(await panel.locator('.postal-collect').innerText(), /72\.000/);
    await panel.locator('form.ship-form button[type=submit]').click();
    await desk.locator('section.bo-postal h3').first().waitFor();
    const shipped = await desk.locator('section.bo-postal h3').first().innerText();
    const tn = shipped.match(/[A-Z]{2}\d{9}VN/)?.[0];
    assert.ok(tn, `a tracking number in ${shipped}`);
    assert.equal(await desk.locator('form.ship-form').count(), 0, 'not handed over twice');
    assert.deepEqual(await seriousViolations(desk), []);

    // The postman reports each step on the carrier's page (it calls the portal's webhook).
    await desk.goto(`${portal.url}/gia-lap/buu-chinh`);
    for (const [label, status] of [
      ['Đã nhận hàng', 'picked_up'], ['Đang vận chuyển', 'in_transit'],
      ['Phát không thành công', 'failed'], ['Đã phát thành công', 'delivered'],
    ]) {
      await desk.locator(`#p-${tn} button`, { hasText: label }).click();
      await desk.locator(`#p-${tn} .status`, { hasText: status }).waitFor();
    }
    await desk.goto(`${portal.url}/mot-cua/ho-so/${d.id}`);
    assert.match(await desk.locator('section.bo-postal').innerText(), /Đã phát thành công/);

    // The citizen sees every shipment step and the return.
    await page.goto(`${portal.url}/ho-so/${d.id}`);
    await waitForHydration(page);
    const timeline = await page.locator('ol.timeline').innerText();
    for (const step of [
      'Kết quả đã được giao cho bưu chính để chuyển phát',
      'Bưu tá đã nhận bưu gửi kết quả',
      'Bưu gửi kết quả đang được vận chuyển',
      'Phát bưu gửi không thành công',
      'Bưu gửi kết quả đã được phát thành công',
      'Đã trả kết quả qua bưu chính',
    ]) {
      assert.ok(timeline.includes(step), `${step} in:\n${timeline}`);
    }
    assert.ok(timeline.includes(tn), 'the tracking number is shown');
    assert.match(timeline, /Cơ quan thu thêm phí: Cấp thêm 2 bản sao thẻ/);
    // The extra fee the postman collected is recorded as paid.
    assert.match(await page.locator('section.payment').innerText(), /Đã thanh toán 50\.000/);
    assert.match(timeline, /Người nhận vắng nhà/);
    assert.match(await page.locator('dl.facts').innerText(), /Đã trả kết quả/);
    const shipments = await apiCall(portal, page, 'GET', `/api/v1/dossiers/${d.id}/shipments`);
    assert.equal(shipments.status, 200);
    assert.equal(shipments.body[0].status, 'delivered');
    assert.deepEqual(shipments.body[0].events.map((e) => e.status), ['picked_up', 'in_transit', 'failed', 'delivered']);
    assert.deepEqual(await seriousViolations(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `fits 360 px (${width})`);
  } finally {
    await citizen.browser.close();
    for (const s of staff) await s.browser.close();
  }
});

test('a citizen who filed for the desk asks for the result by post later, on a 360 px phone', async () => {
  const citizen = await as('congdan@dichvucong.localhost', /\/tai-khoan/);
  try {
    const page = citizen.page;
    const api = (method, url, body) => apiCall(portal, page, method, url, body);
    const d = await readyDraft(api, { method: 'desk' });
    const filed = await api('POST', `/api/v1/dossiers/${d.id}/submit`, { declaration: true });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));
    const before = (await api('GET', `/api/v1/dossiers/${d.id}`)).body.fee_due_vnd;

    // The dossier page says how the result comes home and offers to change it.
    await page.goto(`${portal.url}/ho-so/${d.id}`);
    await waitForHydration(page);
    const now = page.locator('section.delivery-now');
    assert.match(await now.innerText(), /Nhận tại nơi nộp hồ sơ/);
    await Promise.all([page.waitForURL(/\/nhan-ket-qua$/), now.locator('a.button').click()]);
    await page.locator('h1', { hasText: 'Đổi cách nhận kết quả' }).waitFor();
    await waitForHydration(page);

    // Post: the address fields appear; a wrong phone is named, and what was typed stays.
    await page.check('#delivery-method-post');
    await page.locator('#delivery-recipient').waitFor({ state: 'visible' });
    await page.fill('#delivery-recipient', 'Lê Văn Tâm');
    await page.fill('#delivery-phone', '12345');
    await page.selectOption('#delivery-address-province', '80');
    await page.locator('#delivery-address-commune option[value="25459"]').waitFor({ state: 'attached' });
    await page.selectOption('#delivery-address-commune', '25459');
    await page.fill('#delivery-address-street', '8 Nguyễn Trãi');
    await page.check('#delivery-postal_payment-with_fee');
    await Promise.all([page.waitForURL(/nhan-ket-qua\?loi=1/), page.click('form.delivery-change button[type=submit]')]);
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('.error-summary').innerText(), /Số điện thoại/);
    assert.equal(await page.inputValue('#delivery-recipient'), 'Lê Văn Tâm');
    assert.equal(await page.inputValue('#delivery-address-street'), '8 Nguyễn Trãi');
    assert.equal(await page.isChecked('#delivery-postal_payment-with_fee'), true);
    assert.deepEqual(await seriousViolations(page), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `fits 360 px (${width})`);

    // Fixed: saved; the postal fee joins the fee to pay online and the timeline says so.
    await waitForHydration(page);
    await page.fill('#delivery-phone', '0912000004');
    await Promise.all([page.waitForURL(/da=nhan-ket-qua/), page.click('form.delivery-change button[type=submit]')]);
    await page.locator('.notice-success', { hasText: 'Đã lưu cách nhận kết quả' }).waitFor();
    const saved = await page.locator('section.delivery-now').innerText();
    assert.match(saved, /Nhận qua bưu chính/);
    assert.match(saved, /8 Nguyễn Trãi, Phường Tân Ninh, Tây Ninh/);
    assert.match(saved, /22\.000/);
    assert.match(await page.locator('ol.timeline').innerText(), /Bạn đã đổi cách nhận kết quả/);
    const after = (await api('GET', `/api/v1/dossiers/${d.id}`)).body.fee_due_vnd;
    assert.equal(after, before + 22000);
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await citizen.browser.close();
  }
});
