// The whole journey, for one province-level and one commune-level procedure, with the demo
// accounts of the README (issue 27): the citizen on a 360 px phone files (check-answers and
// submit in the page), pays the fee and the postage online through the VNPay simulator; the
// staff at 1366 px accept, process (the specialist attaches the result), approve (the leader
// signs it) and hand it to the carrier; the postman delivers it; the citizen sees it delivered
// and checks the signed copy on the verification page. Every page opened is checked by axe
// (see support/portal.mjs), citizen pages at 360 px and staff pages at 1366 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser, waitForHydration, apiCall, seriousViolations } from '../support/portal.mjs';
import { attachDocuments, onePagePdf } from '../support/files.mjs';
import { readOutbox } from '../support/mail.mjs';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

/** A browser signed in as `email` (360 px for the citizen, 1366 px for staff). */
async function as(email, width) {
  const browser = await launchBrowser({ width, height: width < 400 ? 800 : 900 });
  const page = await browser.context.newPage();
  await page.goto(`${portal.url}/dang-nhap`);
  await waitForHydration(page);
  await page.fill('#identifier', email);
  await page.fill('#password', 'Demo@2026');
  await Promise.all([
    page.waitForURL((u) => !new URL(u).pathname.startsWith('/dang-nhap'), { timeout: 60_000 }),
    page.click('main button[type=submit]'),
  ]);
  return { browser, page };
}

const POST_HOME = {
  method: 'post', recipient: 'Nguyễn Thị Hoa', phone: '0912000003', province: '80', commune: '25459',
  street: '45 Trần Hưng Đạo', postal_payment: 'with_fee',
};

const JOURNEYS = [
  {
    level: 'province',
    procedure: 'TN.CONGCHUNG.001',
    applicant: {},
    answers: { noi_dung: 'Đăng ký hành nghề công chứng tại Văn phòng công chứng Tân Ninh' },
    due: '22.000 đồng', // no fee; the postage paid online
    desk: 'tiepnhan.hcc@dichvucong.localhost',
    specialist: 'chuyenvien.tuphap@dichvucong.localhost',
    leader: 'lanhdao.tuphap@dichvucong.localhost',
  },
  {
    level: 'commune',
    procedure: '2.000635',
    sameDay: true,
    rate: true,
    applicant: { receiving_agency: '000.01.50.H53' },
    answers: {
      quan_he_voi_nguoi_duoc_cap: 'ban_than', muc_dich: 'Bổ sung hồ sơ học tập',
      ban_sao_de_nghi: [{ loai_viec: 'khai_sinh', ho_ten: 'Nguyễn Thị Hoa', noi_dang_ky: 'UBND xã Tân Bình', so_luong: '2' }],
    },
    due: '38.000 đồng', // 2 copies × 8.000 + the postage
    desk: 'tiepnhan.tanninh@dichvucong.localhost',
    specialist: 'chuyenvien.tanninh@dichvucong.localhost',
    leader: 'lanhdao.tanninh@dichvucong.localhost',
  },
];

for (const j of JOURNEYS) {
  test(`a ${j.level}-level procedure (${j.procedure}) goes all the way: file, pay, accept, process, approve, post, deliver, verify`, async () => {
    const citizen = await as('congdan@dichvucong.localhost', 360);
    const open = [citizen];
    try {
      const page = citizen.page;
      const api = (method, url, body) => apiCall(portal, page, method, url, body);

      // The draft's steps through the API (as the mobile app fills them), then check-answers
      // and submission in the page.
      const created = await api('POST', '/api/v1/dossiers', { procedure_code: j.procedure });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const d = created.body;
      const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
        revision: d.revision,
        applicant: { ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000003', ...j.applicant },
        answers: j.answers,
        delivery: POST_HOME,
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      await attachDocuments(api, d.id, saved.body.problems);
      await page.goto(`${portal.url}/ho-so/${d.id}/kiem-tra`);
      await waitForHydration(page);
      assert.match(await page.locator('section.fee-quote').innerText(), new RegExp(j.due.replace('.', '\\.')));
      await page.check('#declaration');
      await Promise.all([page.waitForURL(/\?moi=1$/), page.click('main button.button-large')]);
      const code = (await page.locator('.dossier-code').innerText()).trim();

      // Pays what check-answers said, on the gateway.
      const panel = page.locator('section.payment');
      assert.match(await panel.innerText(), new RegExp(j.due.replace('.', '\\.')));
      await Promise.all([page.waitForURL(/vpcpay\.html/), panel.locator('form.payment-form button[type=submit]').click()]);
      await Promise.all([page.waitForURL(/\/ho-so\/.*thanh-toan=ve/), page.click('button[value="00"]')]);
      assert.match(await page.locator('section.payment').innerText(), /Đã thanh toán/);

      // The desk accepts, the specialist takes it and attaches the result, the leader approves
      // (signing it); each in the back office at 1366 px.
      const dossierUrl = `${portal.url}/mot-cua/ho-so/${d.id}`;
      const desk = await as(j.desk, 1366);
      open.push(desk);
      await desk.page.locator(`a:has-text("${code}")`).waitFor();
      const act = async (who, action) => {
        const moved = await apiCall(portal, who.page, 'POST', `/api/v1/staff/dossiers/${d.id}/actions/${action}`, {});
        assert.equal(moved.status, 200, `${action}: ${JSON.stringify(moved.body)}`);
        return moved.body;
      };
      await desk.page.goto(dossierUrl);
      const accepted = await act(desk, 'accept');
      if (j.sameDay) {
        // A same-day procedure is due at the close of a working day (today before the 15:00
        // cut-off, else the next), never the moment it is accepted (issue 27 point 1).
        const due = new Date(accepted.due_at);
        const local = due.toLocaleTimeString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
        assert.equal(local, '17:00', `due ${accepted.due_at}`);
        assert.ok(due.getTime() > Date.now(), 'due after the acceptance');
        await desk.page.goto(dossierUrl);
        const staffView = await desk.page.locator('main').innerText();
        assert.match(staffView, /17:00/, 'the staff page shows the close of the day');
        assert.doesNotMatch(staffView, /\b0 phút/, 'no "0 minutes left"');
      }
      const specialist = await as(j.specialist, 1366);
      open.push(specialist);
      await act(specialist, 'assign');
      await specialist.page.goto(dossierUrl);
      await waitForHydration(specialist.page);
      await specialist.page.setInputFiles('#result-file', { name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: onePagePdf(`Ket qua ${j.procedure}`) });
      await Promise.all([specialist.page.waitForURL(/da=result_upload/), specialist.page.click('form.result-upload button[type=submit]')]);
      await act(specialist, 'forward');
      const leader = await as(j.leader, 1366);
      open.push(leader);
      await leader.page.locator(`a:has-text("${code}")`).waitFor();
      await leader.page.goto(dossierUrl);
      await act(leader, 'approve');
      await leader.page.goto(dossierUrl);
      assert.match(await leader.page.locator('.bo-result').innerText(), /Đã ký số bởi/);

      // The desk hands the result to the carrier; the postman delivers it.
      await desk.page.goto(dossierUrl);
      const postal = desk.page.locator('section.bo-postal');
      await postal.locator('form.ship-form button[type=submit]').click();
      await desk.page.locator('section.bo-postal h3').first().waitFor();
      const tn = (await desk.page.locator('section.bo-postal h3').first().innerText()).match(/[A-Z]{2}\d{9}VN/)?.[0];
      assert.ok(tn, 'a tracking number');
      await desk.page.goto(`${portal.url}/gia-lap/buu-chinh`);
      for (const [label, status] of [['Đã nhận hàng', 'picked_up'], ['Đang vận chuyển', 'in_transit'], ['Đã phát thành công', 'delivered']]) {
        await desk.page.locator(`#p-${tn} button`, { hasText: label }).click();
        await desk.page.locator(`#p-${tn} .status`, { hasText: status }).waitFor();
      }

      // The citizen sees it delivered (not "opening it counts as delivery"), downloads the
      // signed copy and checks it on the verification page.
      await page.goto(`${portal.url}/ho-so/${d.id}`);
      await waitForHydration(page);
      assert.match(await page.locator('dl.facts').innerText(), /Đã trả kết quả/);
      const ready2 = page.locator('.result-ready');
      assert.match(await ready2.innerText(), /Kết quả đã được trả cho bạn lúc/);
      assert.doesNotMatch(await ready2.innerText(), /mở kết quả lần đầu/);
      const resultUrl = await ready2.locator('a.button').getAttribute('href');
      const verifyUrl = await ready2.locator('a[href*="/xac-thuc/"]').getAttribute('href');
      const signed = Buffer.from(await page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        let text = '';
        for (const b of bytes) text += String.fromCharCode(b);
        return btoa(text);
      }, resultUrl), 'base64');
      assert.ok(signed.includes('/ETSI.CAdES.detached'), 'a PAdES signature');
      await page.goto(`${portal.url}${verifyUrl}`);
      assert.match(await page.locator('main').innerText(), new RegExp(code.replace(/\./g, '\\.')));
      await page.setInputFiles('#verify-file', { name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signed });
      await Promise.all([page.waitForURL(/tep=/), page.click('form.verify-form button[type=submit]')]);
      assert.match(await page.locator('.verdict').innerText(), /đúng là văn bản cơ quan đã ký/);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the verdict fits the phone');

      if (j.rate) {
        // The return notice carries a single-use link that rates the service without signing
        // in (issue 24): "not satisfied", with a reason and a comment.
        let link;
        for (let i = 0; i < 75 && !link; i++) {
          for (const { head, body } of readOutbox(portal.outboxDir)) {
            if (!head.toLowerCase().includes('congdan@dichvucong.localhost') || !body.includes(code)) continue;
            link = body.match(/https?:\/\/[^\s/]+(\/danh-gia\/[A-Za-z0-9_-]+)/)?.[1] ?? link;
          }
          if (!link) await new Promise((r) => setTimeout(r, 200));
        }
        assert.ok(link, 'the return notice carries a rating link');
        const anon = await launchBrowser({ width: 360, height: 800 });
        open.push({ browser: anon });
        const visitor = await anon.context.newPage();
        await visitor.goto(`${portal.url}${link}`);
        assert.match(await visitor.locator('main').innerText(), new RegExp(code.replace(/\./g, '\\.')));
        await visitor.check('input[name=level][value=not_satisfied]');
        await visitor.check('input[name=reasons][value=waiting_time]');
        await visitor.fill('#comment', 'Phải chờ lâu khi nhận kết quả');
        await Promise.all([visitor.waitForURL(/danh-gia=da-luu/), visitor.click('form.rating-form button[type=submit]')]);
        assert.match(await visitor.locator('main').innerText(), /Cảm ơn bạn đã đánh giá/);
        await visitor.goto(`${portal.url}${link}`);
        assert.match(await visitor.locator('main').innerText(), /không còn dùng được/, 'the link works once');
        // The public statistics count it under the receiving agency at once (issue 24).
        await visitor.goto(`${portal.url}/thong-ke?agency=${j.applicant.receiving_agency}&procedure=${j.procedure}`);
        const row = (label) => visitor.locator('table.stat-table tr', { hasText: label }).locator('td').first();
        assert.equal((await row('Lượt đánh giá').innerText()).trim(), '1');
        assert.equal((await row('Tỷ lệ hài lòng').innerText()).trim(), '0%');

        // The receiving agency's leader finds it in the queue and answers it; the citizen reads
        // the answer on the dossier page.
        await leader.page.goto(`${portal.url}/mot-cua`);
        const unsatisfied = leader.page.locator('section.bo-unsatisfied');
        assert.match(await unsatisfied.innerText(), new RegExp(code.replace(/\./g, '\\.')));
        assert.match(await leader.page.locator('.bo-satisfaction').innerText(), /1 không hài lòng — 0% hài lòng/);
        await leader.page.goto(dossierUrl);
        assert.match(await leader.page.locator('section.bo-rating').innerText(), /Không hài lòng/);
        await leader.page.fill('#answer', 'Xin lỗi anh/chị, chúng tôi sẽ rút ngắn thời gian trả kết quả.');
        await Promise.all([leader.page.waitForURL(/danh-gia=da-tra-loi/), leader.page.click('form.rating-answer-form button[type=submit]')]);
        await page.goto(`${portal.url}/ho-so/${d.id}`);
        assert.match(await page.locator('section.rating .rating-answer').innerText(), /rút ngắn thời gian/);
        assert.match(await page.locator('section.rating').innerText(), /Không hài lòng/);
        // The panels are new on pages axe saw before they had them.
        assert.deepEqual(await seriousViolations(page), [], 'the citizen\'s rating panel at 360 px');
        await leader.page.goto(dossierUrl);
        assert.deepEqual(await seriousViolations(leader.page), [], 'the leader\'s rating panel at 1366 px');
      }
    } finally {
      for (const b of open) await b.browser.close();
    }
  });
}
