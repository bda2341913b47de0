//! Self-test of the e2e OpenID Connect provider (oidc.mjs), with no portal involved: it starts
//! the provider, runs an authorization-code + PKCE (S256) flow in headless Chromium against it
//! (a wrong password first, then the right one), catches the redirect to a tiny local callback
//! server, redeems the code at the token endpoint with client_secret_basic and prints the ID
//! token's claims. Run: `node end2end/support/oidc-selftest.mjs`; exits non-zero on failure.
import http from 'node:http';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { launchBrowser } from './portal.mjs';
import { startOidcProvider } from './oidc.mjs';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

// The relying party's callback: a local server that records the query it is sent.
let resolveCallback;
const callbackHit = new Promise((resolve) => { resolveCallback = resolve; });
const rp = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('callback received');
  resolveCallback(url.searchParams);
});
await new Promise((resolve) => rp.listen(0, '127.0.0.1', resolve));
const redirectUri = `http://127.0.0.1:${rp.address().port}/auth/vneid/callback`;

const claims = {
  sub: 'vneid-0001', name: 'Nguyễn Văn An', citizen_id: '079190000123', birthdate: '1990-05-17',
  email: 'an@example.vn', phone_number: '0912345678',
};
const op = await startOidcProvider({
  redirectUri, accounts: [{ login: 'cd001', password: 'matkhau', claims }],
});
const browser = await launchBrowser();
try {
  const discovery = await (await fetch(`${op.issuer}/.well-known/openid-configuration`)).json();
  console.log('issuer:', discovery.issuer);
  for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint']) {
    console.log(`${k}:`, discovery[k]);
  }

  // Authorization request with state, nonce and an S256 code challenge.
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: op.clientId, redirect_uri: redirectUri, response_type: 'code',
    scope: 'openid profile email', state, nonce,
    code_challenge: challenge, code_challenge_method: 'S256',
  });

  const page = await browser.context.newPage();
  await page.goto(authorize.href);

  // A wrong password shows the form again, with an error.
  await page.fill('input[name=login]', 'cd001');
  await page.fill('input[name=password]', 'sai-mat-khau');
  await page.click('button[type=submit]');
  const error = await page.textContent('[role=alert]');
  console.log('wrong password ->', JSON.stringify(error));
  assert.match(error, /Sai tên đăng nhập hoặc mật khẩu/);

  // The right one goes (through the automatic consent) straight back to redirectUri.
  await page.fill('input[name=login]', 'cd001');
  await page.fill('input[name=password]', 'matkhau');
  await page.click('button[type=submit]');
  const params = await Promise.race([
    callbackHit,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no callback in 15 s')), 15_000)),
  ]);
  assert.equal(params.get('error'), null, `authorization error: ${params.get('error_description')}`);
  assert.equal(params.get('state'), state);
  assert.equal(params.get('iss'), op.issuer);
  console.log('callback: code received, state matches');

  // Token request: client_secret_basic plus the PKCE verifier.
  const basic = Buffer.from(
    `${encodeURIComponent(op.clientId)}:${encodeURIComponent(op.clientSecret)}`,
  ).toString('base64');
  const tokenRes = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const tokens = await tokenRes.json();
  assert.equal(tokenRes.status, 200, JSON.stringify(tokens));

  // Decode the ID token (signature checking is the portal's job; here we look at its content).
  const [header, payload] = tokens.id_token.split('.').slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  console.log('id_token header:', JSON.stringify(header));
  console.log('id_token claims:', JSON.stringify(payload, null, 2));
  assert.equal(header.alg, 'RS256');
  assert.equal(payload.iss, op.issuer);
  assert.equal(payload.aud, op.clientId);
  assert.equal(payload.nonce, nonce);
  for (const [k, v] of Object.entries(claims)) assert.equal(payload[k], v, k);

  // The signing key is published at jwks_uri under the header's kid.
  const jwks = await (await fetch(discovery.jwks_uri)).json();
  assert.ok(jwks.keys.some((k) => k.kid === header.kid && k.kty === 'RSA' && !k.d));

  // Redeeming the same code twice fails; sent with client_secret_post, so an invalid_grant (and
  // not invalid_client) also shows that method is accepted for this client.
  const again = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
      code_verifier: verifier, client_id: op.clientId, client_secret: op.clientSecret,
    }),
  });
  assert.equal((await again.json()).error, 'invalid_grant');
  console.log('code reuse with client_secret_post -> invalid_grant');

  // PKCE is required: an authorization request without code_challenge is refused.
  const noPkce = new URL(authorize);
  noPkce.searchParams.delete('code_challenge');
  noPkce.searchParams.delete('code_challenge_method');
  const refused = await fetch(noPkce, { redirect: 'manual' });
  const location = new URL(refused.headers.get('location'));
  assert.equal(location.searchParams.get('error'), 'invalid_request');
  console.log('no code_challenge ->', location.searchParams.get('error_description'));
  console.log('self-test OK: nonce', payload.nonce, '=== sent nonce, citizen_id =', payload.citizen_id);
} finally {
  await browser.close();
  await op.stop();
  rp.close();
}
