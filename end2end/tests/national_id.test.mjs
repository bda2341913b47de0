// "Đăng nhập bằng tài khoản định danh điện tử" in Chromium against a real OpenID provider
// (oidc-provider from npm, started here): the portal redirects with PKCE, the provider checks
// the password, the portal verifies the signed ID token and lands the citizen signed in. A
// first sign-in whose citizen ID matches an existing account links it instead of creating one.
// The same journey also runs against the built-in simulator that `make run` uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, freePort, launchBrowser, waitForHydration } from '../support/portal.mjs';
import { startOidcProvider } from '../support/oidc.mjs';

let portal;
let provider;
before(async () => {
  const port = await freePort();
  provider = await startOidcProvider({
    redirectUri: `http://127.0.0.1:${port}/dang-nhap/dinh-danh/callback`,
    accounts: [
      {
        login: 'vneid-moi',
        password: 'matkhau-vneid-1',
        claims: {
          sub: 'vneid-0001', name: 'Phan Văn Đức', citizen_id: '079090012345',
          birthdate: '1990-08-09', email: 'duc.phan@example.vn', phone_number: '0912000777',
        },
      },
      {
        // Same citizen ID as the demo citizen who registered with e-mail and password.
        login: 'vneid-hoa',
        password: 'matkhau-vneid-2',
        claims: {
          sub: 'vneid-0002', name: 'NGUYỄN THỊ HOA', citizen_id: '072190001234',
          birthdate: '1990-03-15', email: 'hoa.other@example.vn', phone_number: '0912000888',
        },
      },
    ],
  });
  portal = await startPortal({
    port,
    env: {
      PORTAL_NATIONAL_ID_ISSUER: provider.issuer,
      PORTAL_NATIONAL_ID_CLIENT_ID: provider.clientId,
      PORTAL_NATIONAL_ID_CLIENT_SECRET: provider.clientSecret,
      PORTAL_NATIONAL_ID_SIMULATOR: 'false',
    },
  });
});
after(async () => {
  await portal?.stop();
  await provider?.stop();
});

async function signInAtProvider(page, login, password) {
  await page.goto(`${portal.url}/dang-nhap?next=/tai-khoan`);
  await page.click('a[href^="/dang-nhap/dinh-danh"]');
  await page.waitForURL((u) => u.href.startsWith(provider.issuer));
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'wrong-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('[role=alert]');
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.href.startsWith(`${portal.url}/tai-khoan`));
  await page.waitForSelector('#citizen_id');
}

test('a first national-identity sign-in creates the account from the verified claims', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signInAtProvider(page, 'vneid-moi', 'matkhau-vneid-1');
    await waitForHydration(page);
    assert.match(await page.textContent('header'), /Phan Văn Đức/);
    assert.equal(await page.inputValue('#citizen_id'), '079090012345');
    assert.equal(await page.inputValue('#date_of_birth'), '1990-08-09');
    assert.match(await page.textContent('main'), /Đã liên kết tài khoản định danh điện tử/);
  } finally {
    await browser.close();
  }
});

test('a national-identity sign-in links the existing account with the same citizen ID', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await signInAtProvider(page, 'vneid-hoa', 'matkhau-vneid-2');
    // The existing account (registered with e-mail), not a new one named from the claims.
    assert.match(await page.textContent('header'), /Nguyễn Thị Hoa/);
    assert.match(await page.textContent('main'), /congdan@dichvucong\.localhost/);
    assert.match(await page.textContent('main'), /Đã liên kết tài khoản định danh điện tử/);
    // Now linked, the citizen ID cannot be changed on the profile.
    await waitForHydration(page);
    await page.fill('#citizen_id', '072190005555');
    await page.click('main button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert.match(await page.textContent('.error-summary'), /định danh điện tử/);
  } finally {
    await browser.close();
  }
});

test('the built-in simulator that make run uses speaks the same protocol', async () => {
  const local = await startPortal();
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${local.url}/dang-nhap?next=/tai-khoan`);
    await page.click('a[href^="/dang-nhap/dinh-danh"]');
    await page.waitForURL(/\/gia-lap\/dinh-danh\/authorize/);
    await page.check('input[type=radio] >> nth=1');
    await page.click('button[value=approve]');
    await page.waitForURL(/\/tai-khoan/);
    await page.waitForSelector('#citizen_id');
    assert.equal(await page.inputValue('#citizen_id'), '072192004567');
  } finally {
    await browser.close();
    await local.stop();
  }
});
