//! A real OpenID Connect provider (the `oidc-provider` npm package) for the end-to-end tests: it
//! stands in for the national electronic-identity service behind "Đăng nhập bằng tài khoản định
//! danh điện tử". It listens on a free loopback port over plain HTTP, knows one confidential
//! client (authorization code + PKCE S256) and a fixed list of test accounts, and signs ID tokens
//! with an RS256 key made at start. Its login page is plain HTML (`input[name=login]`,
//! `input[name=password]`, `button[type=submit]`) that checks the password; consent is granted
//! without a click, so the browser goes portal → login form → portal callback.
import http from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** Escapes text for HTML element content and attribute values. */
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in form; `error` (if any) is shown above it. */
function loginPage({ action, login = '', error }) {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập định danh điện tử (e2e)</title></head>
<body>
  <h1>Đăng nhập tài khoản định danh điện tử</h1>
  ${error ? `<p role="alert" class="error">${esc(error)}</p>` : ''}
  <form method="post" action="${esc(action)}">
    <label>Tên đăng nhập <input type="text" name="login" value="${esc(login)}" required autofocus></label>
    <label>Mật khẩu <input type="password" name="password" required></label>
    <button type="submit">Đăng nhập</button>
  </form>
</body></html>`;
}

/** Reads an application/x-www-form-urlencoded request body. */
async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/**
 * Starts the provider; resolves to { issuer, clientId, clientSecret, stop }.
 * `accounts` is [{ login, password, claims: { sub, name, citizen_id, ... } }].
 */
export async function startOidcProvider({
  redirectUri,
  clientId = 'dichvucong-portal',
  clientSecret = 'e2e-secret',
  accounts,
}) {
  if (!redirectUri) throw new Error('startOidcProvider needs a redirectUri');
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  const bySub = new Map(accounts.map((a) => [a.claims.sub, a]));

  // Signing key for ID tokens, fresh for every run.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'e2e-rs256', alg: 'RS256', use: 'sig' };

  // Bind first so the issuer (which oidc-provider needs at construction) can name the real port.
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      // 'web' clients may use http redirect URIs as long as they don't use the implicit flow.
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    }],
    // Both secret-based methods are offered. oidc-provider treats them as one family: a client
    // registered with client_secret_basic may also authenticate with client_secret_post.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'email'],
    // Which claims each scope releases; citizen_id is the non-standard CCCD number.
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate', 'citizen_id', 'phone_number'],
      email: ['email'],
    },
    // Put scope-granted claims in the ID token itself, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    // oidc-provider only demands PKCE of public clients by default; demand it of every client,
    // with S256 as the only code_challenge_method (also the default).
    pkce: { methods: ['S256'], required: () => true },
    // Explicit lifetimes (seconds), which also silences oidc-provider's "default ttl" notices.
    ttl: {
      AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Grant: 3600, Interaction: 600,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: false }, // its login accepts any password; ours below checks
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, id) {
      const account = bySub.get(id);
      if (!account) return undefined;
      return { accountId: id, async claims() { return { ...account.claims, sub: id } } };
    },
  });

  /** Handles GET/POST /interaction/:uid; everything else goes to oidc-provider. */
  async function interaction(req, res) {
    const details = await provider.interactionDetails(req, res);
    const { prompt, params, session, grantId } = details;
    const action = `/interaction/${details.uid}`;

    if (prompt.name === 'login') {
      if (req.method !== 'POST') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage({ action, login: params.login_hint }));
        return;
      }
      const form = await readForm(req);
      const account = byLogin.get(form.get('login'));
      if (!account || account.password !== form.get('password')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage({ action, login: form.get('login'), error: 'Sai tên đăng nhập hoặc mật khẩu.' }));
        return;
      }
      // On to the consent prompt, which comes straight back here and is granted below.
      await provider.interactionFinished(req, res, { login: { accountId: account.claims.sub } },
        { mergeWithLastSubmission: false });
      return;
    }

    if (prompt.name === 'consent') {
      // Grant whatever the consent prompt says is missing, with no page shown.
      const grant = grantId
        ? await provider.Grant.find(grantId)
        : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      const missing = prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scope] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scope.join(' '));
      }
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true });
      return;
    }

    res.writeHead(501, { 'content-type': 'text/plain' });
    res.end(`prompt ${prompt.name} not implemented`);
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    interaction(req, res).catch((err) => {
      // E.g. an expired or unknown interaction (cookie missing): show why, as plain text.
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interaction failed: ${err.name}: ${err.message}`);
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
