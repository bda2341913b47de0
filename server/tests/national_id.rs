//! National-identity sign-in over real HTTP: the portal (client) and the simulator (provider)
//! served on a real port, because the client fetches discovery and exchanges codes over the
//! network exactly as it would with the real provider. Every redirect hop is checked.

mod common;

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reqwest::{StatusCode, Url};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use sha2::{Digest, Sha256};

use domain::entities::national_id_flow;
use server::config::Config;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const CLIENT_ID: &str = "dichvucong-portal";
const SECRET: &str = "dev-only-national-id-secret";

/// The portal served on 127.0.0.1 with its `public_url` pointing at itself.
struct Live {
    base: String,
    http: reqwest::Client,
    db: sea_orm::DatabaseConnection,
    /// The browser's national-id flow cookie (`nid_flow=…`), kept as a browser would.
    flow_cookie: std::sync::Mutex<Option<String>>,
    _dir: tempfile::TempDir,
}

impl Live {
    async fn start() -> Result<Live, Box<dyn std::error::Error>> {
        Self::start_with(|_| {}).await
    }

    async fn start_with(
        change: impl FnOnce(&mut Config),
    ) -> Result<Live, Box<dyn std::error::Error>> {
        let served = common::live::serve(change).await?;
        Ok(Live {
            base: served.base,
            http: served.http,
            db: served.db,
            flow_cookie: std::sync::Mutex::new(None),
            _dir: served.dir,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A GET as the browser: sends the flow cookie it holds and keeps the one it is given.
    async fn get(&self, url: &str) -> Result<reqwest::Response, reqwest::Error> {
        let mut request = self.http.get(url);
        if let Some(cookie) = self.flow_cookie.lock().ok().and_then(|c| c.clone()) {
            request = request.header(reqwest::header::COOKIE, cookie);
        }
        let response = request.send().await?;
        for value in response.headers().get_all(reqwest::header::SET_COOKIE) {
            let text = value.to_str().unwrap_or_default();
            let pair = text.split(';').next().unwrap_or_default();
            if let (Some(value), Ok(mut jar)) =
                (pair.strip_prefix("nid_flow="), self.flow_cookie.lock())
            {
                *jar = (!value.is_empty()).then(|| pair.to_owned());
            }
        }
        Ok(response)
    }
}

fn location(response: &reqwest::Response) -> Result<String, Box<dyn std::error::Error>> {
    let value = response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no Location header")?;
    Ok(value.to_str()?.to_owned())
}

fn query(url: &str) -> Result<HashMap<String, String>, Box<dyn std::error::Error>> {
    Ok(Url::parse(url)?.query_pairs().into_owned().collect())
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The hidden inputs of the consent form, as a browser would post them.
fn hidden_inputs(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|rest| {
            let (name, rest) = rest.split_once("\" value=\"")?;
            let (value, _) = rest.split_once('"')?;
            Some((name.to_owned(), unescape(value)))
        })
        .collect()
}

/// Starts a sign-in and returns the authorization URL and the consent page.
async fn consent(live: &Live, next: &str) -> Result<(String, String), Box<dyn std::error::Error>> {
    let response = live
        .get(&live.url(&format!("/dang-nhap/dinh-danh?next={next}")))
        .await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let authorize = location(&response)?;
    let page = live.get(&authorize).await?;
    assert_eq!(page.status(), StatusCode::OK);
    Ok((authorize, page.text().await?))
}

/// Posts the consent form with `action` and the chosen identity; returns the redirect target.
async fn decide(
    live: &Live,
    page: &str,
    identity: &str,
    action: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut form = hidden_inputs(page);
    form.push(("identity".into(), identity.into()));
    form.push(("action".into(), action.into()));
    let response = live
        .http
        .post(live.url("/gia-lap/dinh-danh/authorize"))
        .form(&form)
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response)
}

#[tokio::test]
async fn the_full_flow_signs_in_with_a_verified_identity_once() -> TestResult {
    let live = Live::start().await?;

    // Hop 1: the portal sends the browser to the provider with state, nonce and PKCE.
    let (authorize, page) = consent(&live, "/ho-so").await?;
    assert!(
        authorize.starts_with(&live.url("/gia-lap/dinh-danh/authorize?")),
        "{authorize}"
    );
    let params = query(&authorize)?;
    assert_eq!(params["response_type"], "code");
    assert_eq!(params["client_id"], CLIENT_ID);
    assert_eq!(params["scope"], "openid profile email");
    assert_eq!(params["code_challenge_method"], "S256");
    assert_eq!(
        params["redirect_uri"],
        live.url("/dang-nhap/dinh-danh/callback")
    );
    assert!(params["state"].len() >= 22 && params["nonce"].len() >= 22);
    assert_eq!(params["code_challenge"].len(), 43);
    // The flow is in the browser's cookie: starting writes nothing.
    assert_eq!(national_id_flow::Entity::find().count(&live.db).await?, 0);

    // Hop 2: the simulator's consent page lists the demo identities.
    assert!(page.contains("Cổng định danh điện tử (mô phỏng)"));
    assert!(page.contains("<html lang=\"vi\""));
    for name in ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Minh"] {
        assert!(page.contains(name), "{name} listed");
    }
    assert!(page.contains("072******567"), "masked citizen ID");
    assert!(!page.contains("072192004567"), "full citizen ID not shown");
    assert!(page.contains("Đồng ý và đăng nhập") && page.contains("Hủy"));

    // Hop 3: choosing an identity redirects to the callback with a code and our state.
    let callback = decide(
        &live,
        &page,
        "5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e02",
        "approve",
    )
    .await?;
    assert!(
        callback.starts_with(&live.url("/dang-nhap/dinh-danh/callback?")),
        "{callback}"
    );
    let back = query(&callback)?;
    assert_eq!(back["state"], params["state"]);
    assert!(!back["code"].is_empty());

    // Hop 4: the callback exchanges the code, verifies the ID token, creates the account from
    // its claims, opens a session and goes on to `next`.
    let response = live.get(&callback).await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response)?, "/ho-so");
    let cookies: Vec<String> = response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("sid=") && c.contains("HttpOnly")),
        "{cookies:?}"
    );
    let account = domain::entities::account::Entity::find()
        .filter(
            domain::entities::account::Column::NationalIdSubject
                .eq("5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e02"),
        )
        .one(&live.db)
        .await?
        .ok_or("no account created")?;
    assert_eq!(account.citizen_id.as_deref(), Some("072192004567"));
    assert_eq!(account.full_name, "Trần Thị Bích Ngọc");
    assert_eq!(
        account.date_of_birth,
        chrono::NaiveDate::from_ymd_opt(1992, 7, 25)
    );
    assert_eq!(
        account.email.as_deref(),
        Some("tran.thi.bich.ngoc@example.vn")
    );
    assert_eq!(account.phone.as_deref(), Some("0912345678"));
    // The completed flow is recorded as spent (against replays with a stolen cookie).
    assert_eq!(national_id_flow::Entity::find().count(&live.db).await?, 1);

    // Replaying the same callback (same code and state) fails.
    let replay = live.get(&callback).await?;
    assert_eq!(replay.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&replay)?, "/dang-nhap?loi=het-han");
    Ok(())
}

#[tokio::test]
async fn cancelling_at_the_provider_returns_to_the_sign_in_page() -> TestResult {
    let live = Live::start().await?;
    let (authorize, page) = consent(&live, "/ho-so").await?;
    let callback = decide(
        &live,
        &page,
        "5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e01",
        "cancel",
    )
    .await?;
    let back = query(&callback)?;
    assert_eq!(back["error"], "access_denied");
    assert_eq!(back["state"], query(&authorize)?["state"]);
    assert!(!back.contains_key("code"));
    let response = live.get(&callback).await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response)?, "/dang-nhap?loi=huy");
    assert_eq!(
        national_id_flow::Entity::find().count(&live.db).await?,
        0,
        "the cancelled flow is discarded"
    );
    Ok(())
}

#[tokio::test]
async fn an_unknown_state_or_a_missing_code_is_refused() -> TestResult {
    let live = Live::start().await?;
    let response = live
        .get(&live.url("/dang-nhap/dinh-danh/callback?code=abc&state=forged"))
        .await?;
    assert_eq!(location(&response)?, "/dang-nhap?loi=het-han");
    let response = live
        .get(&live.url("/dang-nhap/dinh-danh/callback?state=forged"))
        .await?;
    assert_eq!(location(&response)?, "/dang-nhap?loi=dinh-danh");
    Ok(())
}

#[tokio::test]
async fn next_must_be_a_local_path() -> TestResult {
    let live = Live::start().await?;
    let (_, page) = consent(&live, "//evil.example/x").await?;
    assert_eq!(national_id_flow::Entity::find().count(&live.db).await?, 0);
    let callback = decide(
        &live,
        &page,
        "5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e02",
        "approve",
    )
    .await?;
    let response = live.get(&callback).await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response)?, "/");
    Ok(())
}

#[tokio::test]
async fn an_unreachable_provider_sends_back_to_the_sign_in_page() -> TestResult {
    let live = Live::start_with(|c| {
        // Nothing listens on port 1.
        c.national_id_issuer = "http://127.0.0.1:1/oidc".into();
    })
    .await?;
    let response = live.get(&live.url("/dang-nhap/dinh-danh")).await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response)?, "/dang-nhap?loi=dinh-danh");
    Ok(())
}

#[tokio::test]
async fn the_discovery_document_must_name_the_configured_issuer() -> TestResult {
    // The same simulator reached as `localhost`: its document names `127.0.0.1`.
    let live = Live::start_with(|c| {
        c.national_id_issuer = format!(
            "{}/gia-lap/dinh-danh",
            c.public_url.replace("127.0.0.1", "localhost")
        );
    })
    .await?;
    let response = live.get(&live.url("/dang-nhap/dinh-danh")).await?;
    assert_eq!(location(&response)?, "/dang-nhap?loi=dinh-danh");

    // A trailing slash in the setting is not a different issuer.
    let live = Live::start_with(|c| {
        c.national_id_issuer = format!("{}/gia-lap/dinh-danh/", c.public_url);
    })
    .await?;
    let response = live.get(&live.url("/dang-nhap/dinh-danh")).await?;
    assert!(location(&response)?.contains("/gia-lap/dinh-danh/authorize?"));
    Ok(())
}

// ---- The simulator's endpoints, driven directly as a client would. ----

fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Runs the authorization step by hand and returns a fresh code for `verifier`.
async fn code_for(live: &Live, verifier: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut url = Url::parse(&live.url("/gia-lap/dinh-danh/authorize"))?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT_ID)
        .append_pair("redirect_uri", &live.url("/dang-nhap/dinh-danh/callback"))
        .append_pair("scope", "openid profile")
        .append_pair("state", "s1")
        .append_pair("nonce", "n1")
        .append_pair("code_challenge", &challenge(verifier))
        .append_pair("code_challenge_method", "S256");
    let page = live.get(url.as_str()).await?.text().await?;
    let callback = decide(
        live,
        &page,
        "5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e03",
        "approve",
    )
    .await?;
    Ok(query(&callback)?
        .remove("code")
        .ok_or("no code in the redirect")?)
}

async fn exchange(
    live: &Live,
    code: &str,
    verifier: &str,
    secret: &str,
) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let response = live
        .http
        .post(live.url("/gia-lap/dinh-danh/token"))
        .basic_auth(CLIENT_ID, Some(secret))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &live.url("/dang-nhap/dinh-danh/callback")),
            ("code_verifier", verifier),
        ])
        .send()
        .await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

#[tokio::test]
async fn the_token_endpoint_enforces_pkce_single_use_and_client_auth() -> TestResult {
    let live = Live::start().await?;

    // Wrong PKCE verifier: invalid_grant, and the code is spent.
    let code = code_for(&live, VERIFIER).await?;
    let wrong = "x".repeat(43);
    let (status, body) = exchange(&live, &code, &wrong, SECRET).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    let (status, body) = exchange(&live, &code, VERIFIER, SECRET).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");

    // Wrong client secret: invalid_client with 401.
    let code = code_for(&live, VERIFIER).await?;
    let (status, body) = exchange(&live, &code, VERIFIER, "not-the-secret").await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "invalid_client");

    // A good exchange, then the same code again: invalid_grant.
    let code = code_for(&live, VERIFIER).await?;
    let (status, body) = exchange(&live, &code, VERIFIER, SECRET).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["id_token"]
        .as_str()
        .is_some_and(|t| t.split('.').count() == 3));
    let access_token = body["access_token"]
        .as_str()
        .ok_or("access_token")?
        .to_owned();
    let (status, body) = exchange(&live, &code, VERIFIER, SECRET).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");

    // The access token opens userinfo; a made-up one does not.
    let info: Value = live
        .http
        .get(live.url("/gia-lap/dinh-danh/userinfo"))
        .bearer_auth(&access_token)
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(info["citizen_id"], "072203007890");
    let refused = live
        .http
        .get(live.url("/gia-lap/dinh-danh/userinfo"))
        .bearer_auth("made-up")
        .send()
        .await?;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    // client_secret_post works too; other grant types are not supported.
    let response = live
        .http
        .post(live.url("/gia-lap/dinh-danh/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
        ])
        .send()
        .await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await?;
    assert_eq!(body["error"], "unsupported_grant_type");
    Ok(())
}

#[tokio::test]
async fn discovery_and_jwks_describe_the_simulator() -> TestResult {
    let live = Live::start().await?;
    let discovery: Value = live
        .get(&live.url("/gia-lap/dinh-danh/.well-known/openid-configuration"))
        .await?
        .json()
        .await?;
    assert_eq!(discovery["issuer"], live.url("/gia-lap/dinh-danh"));
    assert_eq!(
        discovery["id_token_signing_alg_values_supported"][0],
        "ES256"
    );
    assert_eq!(discovery["code_challenge_methods_supported"][0], "S256");
    let jwks: Value = live
        .get(discovery["jwks_uri"].as_str().ok_or("jwks_uri")?)
        .await?
        .json()
        .await?;
    assert_eq!(jwks["keys"][0]["kty"], "EC");
    assert_eq!(jwks["keys"][0]["crv"], "P-256");
    Ok(())
}

#[tokio::test]
async fn the_provider_never_redirects_to_an_unregistered_uri() -> TestResult {
    let live = Live::start().await?;
    let mut url = Url::parse(&live.url("/gia-lap/dinh-danh/authorize"))?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT_ID)
        .append_pair("redirect_uri", "https://evil.example/cb")
        .append_pair("scope", "openid")
        .append_pair("state", "<script>")
        .append_pair("code_challenge", &challenge(VERIFIER))
        .append_pair("code_challenge_method", "S256");
    let response = live.get(url.as_str()).await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get(reqwest::header::LOCATION).is_none());
    assert!(response.text().await?.contains("redirect_uri"));

    // A registered redirect URI but no PKCE: an error redirect to the client, state echoed.
    let mut url = Url::parse(&live.url("/gia-lap/dinh-danh/authorize"))?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT_ID)
        .append_pair("redirect_uri", &live.url("/dang-nhap/dinh-danh/callback"))
        .append_pair("scope", "openid")
        .append_pair("state", "s<1>");
    let response = live.get(url.as_str()).await?;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let back = query(&location(&response)?)?;
    assert_eq!(back["error"], "invalid_request");
    assert_eq!(back["state"], "s<1>");

    // Hidden inputs are escaped: a hostile state cannot break out of the attribute.
    let mut url = Url::parse(&live.url("/gia-lap/dinh-danh/authorize"))?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT_ID)
        .append_pair("redirect_uri", &live.url("/dang-nhap/dinh-danh/callback"))
        .append_pair("scope", "openid")
        .append_pair("state", "\"><script>alert(1)</script>")
        .append_pair("code_challenge", &challenge(VERIFIER))
        .append_pair("code_challenge_method", "S256");
    let page = live.get(url.as_str()).await?.text().await?;
    assert!(!page.contains("<script>"));
    assert!(page.contains("&quot;&gt;&lt;script&gt;"));
    Ok(())
}
