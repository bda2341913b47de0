// Issue #22, point 1, in Chromium: an account takeover through the citizen ID (CCCD). The
// attacker registers, types the victim's CCCD into their own profile, and waits for the victim
// to sign in with the national identity: before the fix that sign-in was linked to the
// attacker's account (whose password the attacker keeps). Now a typed CCCD is only declared:
// the victim gets an account of their own, the declared copy is dropped, and the attacker is
// told by e-mail. Runs with JavaScript off (plain form posts), against the built-in OpenID
// provider simulator that `make run` uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, launchBrowser } from '../support/portal.mjs';
import { readOutbox, waitForLink } from '../support/mail.mjs';

// Trần Thị Bích Ngọc, the simulator's second demo identity.
const VICTIM_CCCD = '072192004567';
const ATTACKER = 'mao.danh@example.vn';
const PASSWORD = 'matkhau2026';

let portal;
before(async () => {
  portal = await startPortal();
});
after(async () => {
  await portal?.stop();
});

async function signIn(page, who, password) {
  await page.goto(`${portal.url}/dang-nhap?next=/tai-khoan`);
  await page.fill('#identifier', who);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL(/\/tai-khoan/, { waitUntil: 'commit' }),
    page.click('main button[type=submit]'),
  ]);
  await page.locator('#citizen_id').waitFor();
}

test('a CCCD typed into a profile does not capture the owner’s national-identity sign-in', async () => {
  const attackerBrowser = await launchBrowser({ javaScriptEnabled: false });
  const victimBrowser = await launchBrowser({ javaScriptEnabled: false });
  try {
    // The attacker registers with e-mail and password, and confirms the address.
    const attacker = await attackerBrowser.context.newPage();
    await attacker.goto(`${portal.url}/dang-ky`);
    await attacker.fill('#full_name', 'Kẻ Mạo Danh');
    await attacker.fill('#email', ATTACKER);
    await attacker.fill('#password', PASSWORD);
    await attacker.fill('#password_confirmation', PASSWORD);
    await attacker.check('#accept_terms');
    await Promise.all([
      attacker.waitForURL(/\/dang-ky\/xong/, { waitUntil: 'commit' }),
      attacker.click('main button[type=submit]'),
    ]);
    const link = await waitForLink(portal.outboxDir, ATTACKER, '/xac-thuc-email?token=');
    await attacker.goto(`${portal.url}${link}`);
    await Promise.all([
      attacker.waitForURL(/\/dang-nhap\?da=xac-thuc/, { waitUntil: 'commit' }),
      attacker.click('main button[type=submit]'),
    ]);
    await signIn(attacker, ATTACKER, PASSWORD);

    // …and types the victim's CCCD into the profile: saved, but only as declared.
    await attacker.fill('#citizen_id', VICTIM_CCCD);
    await Promise.all([
      attacker.waitForURL(/\/tai-khoan\?da=luu/, { waitUntil: 'commit' }),
      attacker.click('main button[type=submit]'),
    ]);
    await attacker.locator('.notice-success').waitFor();
    assert.equal(await attacker.inputValue('#citizen_id'), VICTIM_CCCD);

    // The victim signs in with the national identity in their own browser.
    const victim = await victimBrowser.context.newPage();
    await victim.goto(`${portal.url}/dang-nhap?next=/tai-khoan`);
    await Promise.all([
      victim.waitForURL(/\/gia-lap\/dinh-danh\/authorize/, { waitUntil: 'commit' }),
      victim.click('a[href^="/dang-nhap/dinh-danh"]'),
    ]);
    await victim.check('input[type=radio] >> nth=1');
    await Promise.all([
      victim.waitForURL(/\/tai-khoan/, { waitUntil: 'commit' }),
      victim.click('button[value=approve]'),
    ]);
    await victim.locator('#citizen_id').waitFor();

    // Their own new account, from the verified claims: not the attacker's.
    assert.match(await victim.textContent('header'), /Trần Thị Bích Ngọc/);
    assert.doesNotMatch(await victim.textContent('header'), /Kẻ Mạo Danh/);
    const main = await victim.textContent('main');
    assert.doesNotMatch(main, /mao\.danh@example\.vn/);
    assert.match(main, /Đã liên kết tài khoản định danh điện tử/);
    assert.match(main, /Số CCCD đã được xác thực/);
    assert.equal(await victim.inputValue('#citizen_id'), VICTIM_CCCD);

    // The attacker's password opens only the attacker's account, now without the CCCD and
    // not linked to the victim's identity; the attacker was told by e-mail.
    await signIn(attacker, ATTACKER, PASSWORD);
    assert.equal(await attacker.inputValue('#citizen_id'), '');
    assert.doesNotMatch(await attacker.textContent('main'), /Đã liên kết tài khoản định danh điện tử/);
    const deadline = Date.now() + 15_000;
    let told = false;
    while (!told && Date.now() < deadline) {
      told = readOutbox(portal.outboxDir).some(
        ({ head, body }) => head.includes(ATTACKER) && body.includes('072******567'),
      );
      if (!told) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(told, 'the attacker is told the declared CCCD was dropped');

    // Typing it again is refused now that its owner holds it verified.
    await attacker.fill('#citizen_id', VICTIM_CCCD);
    await attacker.click('main button[type=submit]');
    await attacker.locator('.error-summary').waitFor();
    assert.match(await attacker.textContent('.error-summary'), /CCCD/);
  } finally {
    await attackerBrowser.close();
    await victimBrowser.close();
  }
});
