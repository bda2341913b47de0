//! Security issue #22 over HTTP, one attack per test and the refusal expected: open redirects
//! (`next`), login CSRF and replays of the national-identity callback, forged
//! `X-Forwarded-For` hops, the Content-Security-Policy nonce (page cache included), HSTS,
//! uploaded files' headers, and production without a virus scanner.
//!
//! Runs on SQLite, and on PostgreSQL with `PORTAL_TEST_DATABASE_URL`.
//!
//! Longer than 600 lines on purpose: one attack per test, all through the same router and helper
//! browser; kept together so the HTTP half of issue #22 reads in one place.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, Request, StatusCode};
use common::browser::CSRF;
use common::TestApp;
use object_store::ObjectStoreExt;
use proptest::prelude::*;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use server::config::{Config, Environment};
use server::state::AppState;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The open-redirect variants every `next` must refuse: a TAB browsers drop (sent encoded, as a
/// link would carry it), a scheme-relative URL, a backslash read as a slash, another scheme.
const HOSTILE_NEXT: [&str; 6] = [
    "/%09/evil.example",
    "//evil.example",
    "/%5Cevil.example",
    "https://evil.example",
    "/%0A/evil.example",
    "%2F%2Fevil.example",
];

fn location(headers: &HeaderMap) -> String {
    headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn demo_password() -> Result<String, Box<dyn std::error::Error>> {
    Ok(
        domain::demo_accounts::read_staff(&domain::testing::seed_dir().join("demo/accounts.json"))?
            .1,
    )
}

// ---- 4. One safe-redirect rule ----

#[tokio::test]
async fn the_language_switch_never_redirects_to_another_site() -> TestResult {
    let app = TestApp::new().await?;
    for next in HOSTILE_NEXT {
        let (status, headers, _) = app.get(&format!("/lang/en?next={next}")).await?;
        assert_eq!(status, StatusCode::SEE_OTHER, "{next}");
        assert_eq!(location(&headers), "/", "{next}");
    }
    let (_, headers, _) = app.get("/lang/en?next=/thu-tuc%3Fq%3Dkhai").await?;
    assert_eq!(location(&headers), "/thu-tuc?q=khai");
    Ok(())
}

/// A plain (JavaScript off) sign-in form post with `next`; the redirect's target.
async fn sign_in_to(app: &TestApp, next: &str) -> Result<String, Box<dyn std::error::Error>> {
    let password = demo_password()?;
    let body = format!(
        "identifier=congdan%40dichvucong.localhost&password={}&next={next}&csrf_token={CSRF}",
        url::form_urlencoded::byte_serialize(password.as_bytes()).collect::<String>()
    );
    let request = Request::post("/api/ui/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .body(Body::from(body))?;
    let (status, headers, body) = app.request(request).await?;
    assert!(status.is_redirection(), "{status}: {body}");
    Ok(location(&headers))
}

#[tokio::test]
async fn sign_in_never_redirects_to_another_site() -> TestResult {
    let app = TestApp::with_accounts().await?;
    assert_eq!(sign_in_to(&app, "/ho-so-cua-toi").await?, "/ho-so-cua-toi");
    for next in HOSTILE_NEXT {
        assert_eq!(sign_in_to(&app, next).await?, "/tai-khoan", "{next}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Whatever `local_path` accepts, a browser (the WHATWG URL parser) resolves against the
    /// portal's address to the portal itself, and it is a valid `Location` header value.
    #[test]
    fn an_accepted_next_never_leaves_the_origin(candidate in next_candidates()) {
        let base = url::Url::parse("https://dichvucong.example.vn/dang-nhap?next=x")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Some(path) = domain::safe_redirect::local_path(&candidate) {
            let resolved = base.join(path).map_err(|e| TestCaseError::fail(format!("{path:?}: {e}")))?;
            prop_assert_eq!(resolved.origin(), base.origin(), "{:?} -> {}", path, resolved);
            prop_assert!(http::HeaderValue::from_str(path).is_ok(), "{:?}", path);
        }
    }
}

/// Strings made of the pieces open redirects are made of, plus arbitrary text.
fn next_candidates() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/".to_owned()),
        Just("\\".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just(" ".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("%09".to_owned()),
        Just("%2F".to_owned()),
        Just("%5C".to_owned()),
        Just(":".to_owned()),
        Just("@".to_owned()),
        Just("?".to_owned()),
        Just("#".to_owned()),
        Just(".".to_owned()),
        Just("..".to_owned()),
        Just("https:".to_owned()),
        Just("javascript:".to_owned()),
        Just("evil.example".to_owned()),
        Just("ho-so".to_owned()),
        Just("\u{FF0F}".to_owned()),
        "\\PC{0,3}",
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        prop::collection::vec(piece, 0..8).prop_map(|p| p.concat()),
        any::<String>(),
        "/\\PC{0,12}",
    ]
}

// ---- 5 and 8. The national-identity flow is bound to the browser that started it ----

/// The portal on a real port (the client fetches discovery and exchanges codes over HTTP).
struct Live {
    base: String,
    http: reqwest::Client,
    db: sea_orm::DatabaseConnection,
    _dir: tempfile::TempDir,
}

/// One browser's cookie for the flow (`nid_flow=…`), if it has one.
#[derive(Clone, Default)]
struct Jar(Option<String>);

impl Live {
    async fn start() -> Result<Live, Box<dyn std::error::Error>> {
        let served = common::live::serve(|_| {}).await?;
        Ok(Live {
            base: served.base,
            http: served.http,
            db: served.db,
            _dir: served.dir,
        })
    }

    /// A GET by the browser whose cookie is in `jar`, keeping the flow cookie it is given.
    async fn get(
        &self,
        path_or_url: &str,
        jar: &mut Jar,
    ) -> Result<reqwest::Response, Box<dyn std::error::Error>> {
        let url = if path_or_url.starts_with("http") {
            path_or_url.to_owned()
        } else {
            format!("{}{path_or_url}", self.base)
        };
        let mut request = self.http.get(url);
        if let Some(cookie) = &jar.0 {
            request = request.header(reqwest::header::COOKIE, cookie.clone());
        }
        let response = request.send().await?;
        for value in response.headers().get_all(reqwest::header::SET_COOKIE) {
            let pair = value.to_str()?.split(';').next().unwrap_or_default();
            if let Some(v) = pair.strip_prefix("nid_flow=") {
                jar.0 = (!v.is_empty()).then(|| pair.to_owned());
            }
        }
        Ok(response)
    }

    /// Starts a sign-in in `jar`'s browser and approves `identity` at the provider: the
    /// callback URL the provider sends that browser to (with a valid code).
    async fn approved_callback(
        &self,
        jar: &mut Jar,
        next: &str,
    ) -> Result<String, Box<dyn std::error::Error>> {
        let start = self
            .get(&format!("/dang-nhap/dinh-danh?next={next}"), jar)
            .await?;
        assert_eq!(start.status(), reqwest::StatusCode::SEE_OTHER);
        let authorize = location_of(&start)?;
        let page = self.get(&authorize, jar).await?.text().await?;
        let mut form: Vec<(String, String)> = page
            .split("<input type=\"hidden\" name=\"")
            .skip(1)
            .filter_map(|rest| {
                let (name, rest) = rest.split_once("\" value=\"")?;
                let (value, _) = rest.split_once('"')?;
                Some((name.to_owned(), value.replace("&amp;", "&")))
            })
            .collect();
        form.push((
            "identity".into(),
            "5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e02".into(),
        ));
        form.push(("action".into(), "approve".into()));
        let decided = self
            .http
            .post(format!("{}/gia-lap/dinh-danh/authorize", self.base))
            .form(&form)
            .send()
            .await?;
        assert_eq!(decided.status(), reqwest::StatusCode::SEE_OTHER);
        location_of(&decided)
    }

    async fn flows(&self) -> Result<u64, Box<dyn std::error::Error>> {
        Ok(domain::entities::national_id_flow::Entity::find()
            .count(&self.db)
            .await?)
    }
}

fn location_of(response: &reqwest::Response) -> Result<String, Box<dyn std::error::Error>> {
    Ok(response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no Location")?
        .to_str()?
        .to_owned())
}

fn signed_in(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("sid=") && !c.contains("Max-Age=0"))
}

#[tokio::test]
async fn starting_a_sign_in_writes_nothing_and_sets_a_bound_cookie() -> TestResult {
    let live = Live::start().await?;
    for _ in 0..20 {
        let response = live
            .get("/dang-nhap/dinh-danh?next=/ho-so", &mut Jar::default())
            .await?;
        assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
        let cookie = response
            .headers()
            .get(reqwest::header::SET_COOKIE)
            .ok_or("no flow cookie")?
            .to_str()?
            .to_owned();
        assert!(cookie.starts_with("nid_flow="), "{cookie}");
        for attribute in [
            "HttpOnly",
            "SameSite=Lax",
            "Max-Age=600",
            "Path=/dang-nhap/dinh-danh",
        ] {
            assert!(cookie.contains(attribute), "{attribute}: {cookie}");
        }
        // The state travels to the provider; the cookie holds only its hash, sealed.
        let state = url::Url::parse(&location_of(&response)?)?
            .query_pairs()
            .find(|(k, _)| k == "state")
            .map(|(_, v)| v.into_owned())
            .ok_or("no state")?;
        assert!(!cookie.contains(&state));
    }
    assert_eq!(live.flows().await?, 0, "anonymous GETs write no rows");
    Ok(())
}

#[tokio::test]
async fn a_callback_this_browser_did_not_start_is_refused() -> TestResult {
    let live = Live::start().await?;
    // The attacker signs in as themself and stops at the callback, then lures the victim
    // there (login CSRF): the victim's browser never started this flow.
    let mut attacker = Jar::default();
    let callback = live.approved_callback(&mut attacker, "/ho-so").await?;
    let mut victim = Jar::default();
    let response = live.get(&callback, &mut victim).await?;
    assert_eq!(location_of(&response)?, "/dang-nhap?loi=het-han");
    assert!(!signed_in(&response), "no session for a foreign state");

    // Nor when the victim has a flow of their own (another state).
    let _ = live.get("/dang-nhap/dinh-danh?next=/", &mut victim).await?;
    assert!(victim.0.is_some());
    let response = live.get(&callback, &mut victim).await?;
    assert_eq!(location_of(&response)?, "/dang-nhap?loi=het-han");
    assert!(!signed_in(&response));

    // A forged cookie does not open.
    let mut forged = Jar(Some("nid_flow=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into()));
    let response = live.get(&callback, &mut forged).await?;
    assert_eq!(location_of(&response)?, "/dang-nhap?loi=het-han");
    assert!(!signed_in(&response));

    // The attacker's own browser, which did start it, still signs in.
    let response = live.get(&callback, &mut attacker).await?;
    assert!(signed_in(&response), "{:?}", response.headers());
    Ok(())
}

#[tokio::test]
async fn a_replayed_callback_is_refused() -> TestResult {
    let live = Live::start().await?;
    let mut browser = Jar::default();
    let callback = live.approved_callback(&mut browser, "/ho-so").await?;
    let stolen = browser.clone();
    let response = live.get(&callback, &mut browser).await?;
    assert!(signed_in(&response));
    assert_eq!(location_of(&response)?, "/ho-so");
    assert!(browser.0.is_none(), "the callback clears the flow cookie");

    // The same browser again: its cookie is gone.
    let response = live.get(&callback, &mut browser).await?;
    assert_eq!(location_of(&response)?, "/dang-nhap?loi=het-han");
    assert!(!signed_in(&response));
    // With the cookie captured before: the flow is spent.
    let response = live.get(&callback, &mut stolen.clone()).await?;
    assert_eq!(location_of(&response)?, "/dang-nhap?loi=het-han");
    assert!(!signed_in(&response));
    Ok(())
}

#[tokio::test]
async fn a_hostile_next_ends_the_national_id_sign_in_at_home() -> TestResult {
    let live = Live::start().await?;
    for next in [
        "/%09/evil.example",
        "//evil.example",
        "/%5Cevil.example",
        "https://evil.example",
    ] {
        let mut browser = Jar::default();
        let callback = live.approved_callback(&mut browser, next).await?;
        let response = live.get(&callback, &mut browser).await?;
        assert!(signed_in(&response), "{next}");
        assert_eq!(location_of(&response)?, "/", "{next}");
    }
    Ok(())
}

// ---- 6. The client address behind proxies ----

/// The demo citizen's sign-in name.
const CITIZEN: &str = "congdan@dichvucong.localhost";

/// A sign-in attempt arriving from `peer` with `forwarded` as `X-Forwarded-For`.
async fn sign_in_via(
    app: &TestApp,
    peer: &str,
    forwarded: &str,
    identifier: &str,
    password: &str,
) -> Result<(StatusCode, String), Box<dyn std::error::Error>> {
    let body = format!(
        "identifier={}&password={}&csrf_token={CSRF}",
        url::form_urlencoded::byte_serialize(identifier.as_bytes()).collect::<String>(),
        url::form_urlencoded::byte_serialize(password.as_bytes()).collect::<String>()
    );
    let mut request = Request::post("/api/ui/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .header("x-forwarded-for", forwarded)
        .body(Body::from(body))?;
    let peer: SocketAddr = format!("{peer}:40000").parse()?;
    request.extensions_mut().insert(ConnectInfo(peer));
    let (status, _, body) = app.request(request).await?;
    Ok((status, body))
}

#[tokio::test]
async fn a_forged_left_most_forwarded_hop_changes_nothing() -> TestResult {
    let db = domain::testing::seeded_database(common::today()).await?;
    domain::demo_accounts::load(&db, &domain::testing::seed_dir().join("demo/accounts.json"))
        .await?;
    let app = TestApp::configured(db, |c| {
        c.trust_forwarded_for =
            server::forwarded::TrustedProxies::parse("10.0.0.0/8").unwrap_or_default();
    })
    .await?;
    let password = demo_password()?;

    // Audit and session: the address recorded is the one our proxy saw, not the forged hop.
    let (status, body) =
        sign_in_via(&app, "10.0.0.1", "6.6.6.6, 203.0.113.7", CITIZEN, &password).await?;
    assert!(
        status.is_success() || status.is_redirection(),
        "{status}: {body}"
    );
    let sessions = domain::entities::session::Entity::find()
        .all(&app.db)
        .await?;
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].ip.as_deref(), Some("203.0.113.7"));
    let audited = domain::entities::audit_log::Entity::find()
        .filter(domain::entities::audit_log::Column::Ip.eq("6.6.6.6"))
        .count(&app.db)
        .await?;
    assert_eq!(audited, 0, "the forged hop is never recorded");

    // Rate limits: a different forged hop each time does not escape the per-address limit
    // (all but its last 10 hits used up directly: each real attempt costs an Argon2 check).
    let cap = domain::rate_limit::Limit::SIGN_IN_IP;
    for _ in 0..cap.max - 10 {
        domain::rate_limit::hit(&app.db, cap, "203.0.113.7").await?;
    }
    let mut limited = false;
    for i in 0..60 {
        let (_, body) = sign_in_via(
            &app,
            "10.0.0.1",
            &format!("192.0.2.{}, 203.0.113.7", i % 250),
            &format!("nobody{i}@example.vn"),
            "wrong-password-1",
        )
        .await?;
        if body.contains("RateLimited") {
            limited = true;
            break;
        }
    }
    assert!(limited, "forged hops must not reset the per-address limit");
    // Another real client behind the same proxy is not limited by it.
    let (_, body) = sign_in_via(
        &app,
        "10.0.0.1",
        "198.51.100.9",
        "nobody@example.vn",
        "wrong-password-1",
    )
    .await?;
    assert!(!body.contains("RateLimited"), "{body}");
    // An untrusted peer's header is ignored altogether: its own address is used.
    let (_, body) = sign_in_via(&app, "198.51.100.20", "203.0.113.99", CITIZEN, &password).await?;
    assert!(!body.contains("RateLimited"), "{body}");
    let latest = domain::entities::session::Entity::find()
        .filter(domain::entities::session::Column::Ip.eq("198.51.100.20"))
        .count(&app.db)
        .await?;
    assert_eq!(latest, 1);
    Ok(())
}

// ---- 9. Headers ----

/// The nonce of a `script-src 'nonce-…'` policy.
fn policy_nonce(headers: &HeaderMap) -> Result<String, Box<dyn std::error::Error>> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .ok_or("no Content-Security-Policy")?
        .to_str()?;
    for directive in [
        "'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(policy.contains(directive), "{directive}: {policy}");
    }
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .ok_or("no script-src")?;
    assert!(
        !script_src.contains("unsafe-inline") && !script_src.contains("'self'"),
        "{script_src}"
    );
    let nonce = script_src
        .split_once("'nonce-")
        .and_then(|(_, rest)| rest.split_once('\''))
        .map(|(n, _)| n.to_owned())
        .ok_or("no nonce")?;
    assert!(nonce.len() >= 22, "{nonce}");
    Ok(nonce)
}

/// Every `<script` of `html` carries `nonce`; returns how many there are.
fn scripts_carry(html: &str, nonce: &str) -> usize {
    let mut count = 0;
    for tag in html.split("<script").skip(1) {
        let open = tag.split_once('>').map_or(tag, |(t, _)| t);
        assert!(
            open.contains(&format!("nonce=\"{nonce}\"")),
            "a script without this response's nonce: <script{open}>"
        );
        count += 1;
    }
    // The island script (which imports `/pkg/site.js`) is one of them.
    assert!(
        html.contains(&format!(
            "<script type=\"module\" nonce=\"{nonce}\">((pkg, js, wasm)"
        )),
        "the island script carries the nonce"
    );
    count
}

#[tokio::test]
async fn every_page_has_a_fresh_nonce_that_its_scripts_carry() -> TestResult {
    let app = TestApp::new().await?;
    let mut seen = Vec::new();
    // `/dang-nhap` is never cached; `/` is, from its second request on.
    for path in [
        "/dang-nhap",
        "/dang-nhap",
        "/",
        "/",
        "/",
        "/thu-tuc?q=khai+sinh",
    ] {
        let (status, headers, html) = app.get(path).await?;
        assert_eq!(status, StatusCode::OK, "{path}");
        let nonce = policy_nonce(&headers)?;
        assert!(
            scripts_carry(&html, &nonce) >= 1,
            "{path}: hydration script"
        );
        assert!(!seen.contains(&nonce), "{path}: nonce reused");
        seen.push(nonce);
        let hit = headers.get("x-page-cache").is_some();
        assert_eq!(hit, path == "/" && seen.len() > 3, "{path} {hit}");
        assert_eq!(
            headers
                .get("permissions-policy")
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("camera=()")),
            Some(true)
        );
        assert_eq!(
            headers
                .get(header::REFERRER_POLICY)
                .and_then(|v| v.to_str().ok()),
            Some("strict-origin-when-cross-origin")
        );
        assert!(
            headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(),
            "not in development"
        );
    }
    // A cached page is compressed per copy, still with its own nonce.
    let request = Request::get("/")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())?;
    let response = tower::ServiceExt::oneshot(app.router.clone(), request).await?;
    assert_eq!(
        response
            .headers()
            .get(header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    let nonce = policy_nonce(response.headers())?;
    assert!(!seen.contains(&nonce));
    // The API documentation and a simulator page work under the same policy (no scripts).
    for path in [
        "/api-docs",
        "/gia-lap/dinh-danh/.well-known/openid-configuration",
    ] {
        let (status, headers, body) = app.get(path).await?;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(!body.contains("<script"), "{path}");
        assert!(
            headers.contains_key(header::CONTENT_SECURITY_POLICY),
            "{path}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn hsts_only_in_production() -> TestResult {
    let db = domain::testing::fresh_database().await?;
    let dir = tempfile::tempdir()?;
    let config = Config {
        files_dir: dir.path().join("files"),
        outbox_dir: dir.path().join("outbox"),
        site_root: dir.path().join("site"),
        seed_dir: domain::testing::seed_dir(),
        ..Config::default()
    };
    let mut state = AppState::with_db(config, db)?;
    let development = server::router::app(state.clone());
    let mut production = (*state.config).clone();
    production.environment = Environment::Production;
    state.config = Arc::new(production);
    let production = server::router::app(state);
    for (router, expected) in [
        (development, None),
        (production, Some(server::security_headers::HSTS)),
    ] {
        let response =
            tower::ServiceExt::oneshot(router, Request::get("/health").body(Body::empty())?)
                .await?;
        assert_eq!(
            response
                .headers()
                .get(header::STRICT_TRANSPORT_SECURITY)
                .and_then(|v| v.to_str().ok()),
            expected
        );
    }
    Ok(())
}

// ---- 9. Uploaded files ----

#[tokio::test]
async fn uploaded_files_are_downloaded_sandboxed_unless_the_bytes_are_an_image_or_pdf() -> TestResult
{
    let db = domain::testing::fresh_database().await?;
    let dir = tempfile::tempdir()?;
    let config = Config {
        files_dir: dir.path().join("files"),
        outbox_dir: dir.path().join("outbox"),
        site_root: dir.path().join("site"),
        seed_dir: domain::testing::seed_dir(),
        ..Config::default()
    };
    let state = AppState::with_db(config, db.clone())?;
    let files = state.shared.files.clone();
    let router = server::router::app(state);
    let owner = domain::testing::citizen(&db, 7)
        .await
        .map_err(|e| e.to_string())?;
    let owner_id = owner.account_id().ok_or("no account")?.to_owned();
    let session = domain::sessions::start(
        &db,
        &owner_id,
        Config::default().session_policy(),
        &domain::testing::origin(),
        None,
    )
    .await?;

    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
    ];
    let cases: [(&str, &str, &[u8], &str, &str); 4] = [
        // Script pretending to be a picture: not previewed.
        (
            "anh.png",
            "image/png",
            b"<html><script>alert(document.cookie)</script></html>",
            "application/octet-stream",
            "attachment",
        ),
        (
            "scan.pdf",
            "application/pdf",
            b"<svg onload=alert(1)>",
            "application/octet-stream",
            "attachment",
        ),
        ("anh-that.png", "image/png", &png, "image/png", "inline"),
        (
            "to-khai.pdf",
            "application/pdf",
            b"%PDF-1.7\n%test\n",
            "application/pdf",
            "inline",
        ),
    ];
    for (name, recorded, bytes, served, disposition) in cases {
        let id = uuid::Uuid::new_v4().to_string();
        let key = format!("test/{id}");
        files
            .put(
                &object_store::path::Path::from(key.as_str()),
                bytes.to_vec().into(),
            )
            .await?;
        use sea_orm::ActiveValue::Set;
        domain::entities::stored_file::Entity::insert(domain::entities::stored_file::ActiveModel {
            id: Set(id.clone()),
            owner_id: Set(owner_id.clone()),
            file_name: Set(name.into()),
            content_type: Set(recorded.into()),
            size: Set(i64::try_from(bytes.len())?),
            sha256: Set("0".repeat(64)),
            storage_key: Set(key),
            scan: Set("clean".into()),
            created_at: Set(chrono::Utc::now().fixed_offset()),
        })
        .exec_without_returning(&db)
        .await?;
        let request = Request::get(format!("/tep/{id}"))
            .header(header::COOKIE, format!("sid={}", session.token))
            .body(Body::empty())?;
        let response = tower::ServiceExt::oneshot(router.clone(), request).await?;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let h = response.headers();
        let get = |n: header::HeaderName| {
            h.get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(get(header::CONTENT_TYPE), served, "{name}");
        assert!(
            get(header::CONTENT_DISPOSITION).starts_with(disposition),
            "{name}"
        );
        assert_eq!(get(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{name}");
        let policy = get(header::CONTENT_SECURITY_POLICY);
        if disposition == "attachment" {
            assert!(policy.starts_with("sandbox"), "{name}: {policy}");
            assert_eq!(get(header::X_FRAME_OPTIONS), "DENY");
        } else {
            assert!(
                policy.contains("frame-ancestors 'self'"),
                "{name}: {policy}"
            );
            assert!(!policy.contains("nonce"), "{name}: {policy}");
        }
        let body = http_body_util::BodyExt::collect(response.into_body())
            .await?
            .to_bytes();
        assert_eq!(body.as_ref(), bytes, "{name}: the whole file");
    }
    Ok(())
}

// ---- 9. Production needs a virus scanner ----

fn production() -> Config {
    Config {
        environment: Environment::Production,
        public_url: "https://dichvucong.example.vn".into(),
        mail_transport: server::config::MailTransport::Smtp,
        smtp_url: Some("smtps://u:p@mail.example.vn:465".into()),
        ..Config::default()
    }
}

#[test]
fn production_without_a_virus_scanner_is_refused_unless_opted_out() {
    let refusal = |config: &Config| {
        config
            .validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let without = production();
    assert!(
        refusal(&without).contains("PORTAL_CLAMD_ADDRESS"),
        "{}",
        refusal(&without)
    );
    let opted_out = Config {
        allow_unscanned_uploads: true,
        ..production()
    };
    assert!(
        !refusal(&opted_out).contains("CLAMD"),
        "{}",
        refusal(&opted_out)
    );
    let scanned = Config {
        clamd_address: Some("tcp://clamav.example.vn:3310".into()),
        ..production()
    };
    assert!(
        !refusal(&scanned).contains("CLAMD"),
        "{}",
        refusal(&scanned)
    );
    // Development keeps working without one.
    assert!(!refusal(&Config::default()).contains("CLAMD"));
}

#[test]
fn trust_forwarded_for_is_a_list_of_proxies() -> TestResult {
    let env = |value: &str| {
        figment::Figment::from(figment::providers::Serialized::defaults(Config::default()))
            .merge(figment::providers::Serialized::default(
                "trust_forwarded_for",
                value,
            ))
            .extract::<Config>()
            .map_err(Box::new)
    };
    assert!(env("false")?.trust_forwarded_for.0.is_empty());
    assert!(env("")?.trust_forwarded_for.0.is_empty());
    assert_eq!(
        env("10.0.0.0/8, 192.0.2.10")?.trust_forwarded_for.0.len(),
        2
    );
    assert!(env("true").is_err(), "`true` would trust any client");
    assert!(env("proxy.example").is_err());
    Ok(())
}
