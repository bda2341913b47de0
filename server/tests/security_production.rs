//! Simulators never serve production (issue 22, point 3).
//!
//! - Start-up in production refuses every development shortcut at once, each setting named:
//!   the simulators' providers left unset, an SMS provider neither set nor explicitly turned
//!   off, a provider URL pointing at a simulator, the secrets missing from the environment —
//!   through `Config::check_start_up` and through the real `portal serve`.
//! - The production router answers 404 for every route of every simulator (the simulators list
//!   their routes in `server::simulators::SIMULATORS`), while the same paths answer in
//!   development, labelled with the simulator's name.
//! - Outside production, the SMS simulator's message list is for a signed-in system
//!   administrator only, and the simulators keep bounded memory and read bounded bodies.

mod common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

use common::browser::Browser;
use common::TestApp;
use server::config::{Config, ConfigError, Environment, MailTransport};
use server::simulators::{self, ANSWERED_BY, MAX_BODY, MAX_KEPT};
use server::state::AppState;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The secrets production reads from the environment, with real-looking values.
const SECRETS: [(&str, &str); 6] = [
    ("PORTAL_VNPAY_HASH_SECRET", "prod-vnpay-secret-0123456789"),
    (
        "PORTAL_VIETQR_NOTICE_SECRET",
        "prod-bank-notice-secret-0123",
    ),
    ("PORTAL_CARRIER_TOKEN", "prod-carrier-token-0123456789"),
    (
        "PORTAL_CARRIER_WEBHOOK_SECRET",
        "prod-carrier-webhook-secret-01",
    ),
    ("PORTAL_SMS_API_KEY", "prod-sms-key"),
    ("PORTAL_SMS_SECRET_KEY", "prod-sms-secret"),
];

fn secret(name: &str) -> Option<String> {
    SECRETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| (*v).to_owned())
}

/// The environment variables a refusal names.
fn named(error: &ConfigError) -> BTreeSet<String> {
    match error {
        ConfigError::Refused(all) => all.iter().flat_map(named).collect(),
        ConfigError::Invalid { env, .. } => BTreeSet::from([env.clone()]),
        other => BTreeSet::from([other.to_string()]),
    }
}

/// A production configuration with real (fake) providers everywhere: it passes start-up.
fn production(dir: &std::path::Path) -> Config {
    Config {
        environment: Environment::Production,
        public_url: "https://dichvucong.example.vn".into(),
        mail_transport: MailTransport::Smtp,
        smtp_url: Some("smtps://portal:secret@mail.example.vn:465".into()),
        national_id_issuer: "https://id.example.vn".into(),
        national_id_client_secret: "issued-by-the-provider".into(),
        national_id_simulator: false,
        vnpay_pay_url: Some("https://pay.vnpay.vn/vpcpay.html".into()),
        vnpay_api_url: Some("https://merchant.vnpay.vn/merchant_webapi/api/transaction".into()),
        vnpay_statement_url: Some("https://merchant.vnpay.vn/statement".into()),
        carrier_url: Some("https://api.vnpost.example.vn/v1".into()),
        vietqr_account: "0011004455667".into(),
        vietqr_statement_url: Some("https://bank.example.vn/sao-ke".into()),
        sms_url: Some("https://sms.example.vn/api/send".into()),
        clamd_address: Some("tcp://127.0.0.1:3310".into()),
        files_dir: dir.join("files"),
        outbox_dir: dir.join("outbox"),
        site_root: dir.join("site"),
        seed_dir: domain::testing::seed_dir(),
        ..Config::default()
    }
}

#[test]
fn production_start_up_names_every_setting_it_refuses() -> TestResult {
    let bare = Config {
        environment: Environment::Production,
        ..Config::default()
    };
    let refused = bare
        .check_start_up(|_| None)
        .err()
        .ok_or("a bare production configuration must be refused")?;
    assert!(matches!(refused, ConfigError::Refused(_)), "{refused}");
    let names = named(&refused);
    for expected in [
        "PORTAL_PUBLIC_URL",
        "PORTAL_MAIL_TRANSPORT",
        "PORTAL_NATIONAL_ID_CLIENT_SECRET",
        "PORTAL_NATIONAL_ID_SIMULATOR",
        "PORTAL_NATIONAL_ID_ISSUER",
        "PORTAL_VNPAY_PAY_URL",
        "PORTAL_VNPAY_API_URL",
        "PORTAL_VNPAY_STATEMENT_URL",
        "PORTAL_CARRIER_URL",
        "PORTAL_VIETQR_ACCOUNT",
        "PORTAL_SMS_URL",
        "PORTAL_VNPAY_HASH_SECRET",
        "PORTAL_VIETQR_NOTICE_SECRET",
        "PORTAL_CARRIER_TOKEN",
        "PORTAL_CARRIER_WEBHOOK_SECRET",
    ] {
        assert!(
            names.contains(expected),
            "{expected} not named in: {refused}"
        );
    }
    // The message lists them one per line.
    let text = refused.to_string();
    assert!(text.lines().count() > 10, "{text}");

    let dir = tempfile::tempdir()?;
    let good = production(dir.path());
    good.check_start_up(secret)?;
    // The simulators' public development secrets are as good as none.
    let development = |name: &str| match name {
        "PORTAL_VNPAY_HASH_SECRET" => Some(server::config::DEV_VNPAY_SECRET.to_owned()),
        "PORTAL_SMS_API_KEY" => Some(server::sms::SIMULATOR_KEY.to_owned()),
        other => secret(other),
    };
    let names = named(
        &good
            .check_start_up(development)
            .err()
            .ok_or("dev secrets")?,
    );
    assert_eq!(
        names,
        BTreeSet::from([
            "PORTAL_VNPAY_HASH_SECRET".to_owned(),
            "PORTAL_SMS_API_KEY".to_owned()
        ])
    );
    // No SMS provider: refused, unless text messages are explicitly off (then no keys needed).
    let no_sms = Config {
        sms_url: None,
        ..good.clone()
    };
    let names = named(&no_sms.check_start_up(secret).err().ok_or("no sms")?);
    assert_eq!(names, BTreeSet::from(["PORTAL_SMS_URL".to_owned()]));
    let sms_off = Config {
        sms_disabled: true,
        ..no_sms
    };
    sms_off.check_start_up(|name| secret(name).filter(|_| !name.contains("SMS")))?;
    // A provider address that is one of the portal's own simulators.
    let pointed = Config {
        carrier_url: Some("https://dichvucong.example.vn/gia-lap/buu-chinh/api".into()),
        ..good
    };
    let names = named(
        &pointed
            .check_start_up(secret)
            .err()
            .ok_or("simulator url")?,
    );
    assert_eq!(names, BTreeSet::from(["PORTAL_CARRIER_URL".to_owned()]));
    Ok(())
}

#[test]
fn portal_serve_in_production_lists_what_it_refuses() -> TestResult {
    let dir = tempfile::tempdir()?;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("serve")
        .env_clear()
        .env("PORTAL_ENVIRONMENT", "production")
        .env(
            "PORTAL_DATABASE_URL",
            format!("sqlite://{}/portal.db?mode=rwc", dir.path().display()),
        )
        .env("PORTAL_LISTEN_ADDR", "127.0.0.1:0")
        .current_dir(dir.path())
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for expected in [
        "PORTAL_PUBLIC_URL",
        "PORTAL_MAIL_TRANSPORT",
        "PORTAL_NATIONAL_ID_SIMULATOR",
        "PORTAL_VNPAY_PAY_URL",
        "PORTAL_CARRIER_URL",
        "PORTAL_SMS_URL",
        "PORTAL_VNPAY_HASH_SECRET",
        "PORTAL_CARRIER_WEBHOOK_SECRET",
    ] {
        assert!(
            stderr.contains(expected),
            "{expected} not named in: {stderr}"
        );
    }
    // It never got as far as listening.
    assert!(!String::from_utf8_lossy(&output.stdout).contains("Portal is running"));
    Ok(())
}

/// A request for `path` with `method`, its `{…}` parameters filled in.
fn request(method: &str, path: &str) -> Result<Request<Body>, http::Error> {
    // Each `{…}` parameter gets a sample value (the simulators answer even for unknown ones).
    let mut filled = String::new();
    for segment in path.split('/').skip(1) {
        filled.push('/');
        if segment.starts_with('{') {
            filled.push_str("EB123456785VN");
        } else {
            filled.push_str(segment);
        }
    }
    let path = filled;
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
}

#[tokio::test]
async fn no_simulator_route_exists_in_production() -> TestResult {
    let routes = simulators::routes();
    for name in ["vnpay", "buu-chinh", "ngan-hang", "sms", "dinh-danh"] {
        assert!(
            routes.iter().any(|(n, _, _)| *n == name),
            "{name} lists no route"
        );
    }

    // Development: every listed route is served, by the simulator it belongs to.
    let app = TestApp::new().await?;
    for (name, method, path) in &routes {
        let response = app.router.clone().oneshot(request(method, path)?).await?;
        assert_eq!(
            response
                .headers()
                .get(&ANSWERED_BY)
                .and_then(|v| v.to_str().ok()),
            Some(*name),
            "{method} {path} is not served by the {name} simulator in development ({})",
            response.status()
        );
    }

    // Production (real providers configured, secrets in the environment): not one of them.
    // The variables are set before any production state reads them; every test of this file
    // that reads them sets the same values.
    for (name, value) in SECRETS {
        std::env::set_var(name, value);
    }
    let dir = tempfile::tempdir()?;
    let config = production(dir.path());
    config.check_start_up(secret)?;
    let db = domain::testing::fresh_database().await?;
    let router = server::router::app(AppState::with_db(config.clone(), db.clone())?);
    for (_, method, path) in &routes {
        let response = router.clone().oneshot(request(method, path)?).await?;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{method} {path} answers in production"
        );
        assert!(response.headers().get(&ANSWERED_BY).is_none(), "{path}");
    }

    // Even settings that would have needed the simulators mount none in production (the
    // router checks the environment itself, not only the settings).
    let careless = Config {
        vnpay_pay_url: None,
        carrier_url: None,
        sms_url: None,
        ..config
    };
    let router = server::router::app(AppState::with_db(careless, db)?);
    for (_, method, path) in &routes {
        let response = router.clone().oneshot(request(method, path)?).await?;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
        assert!(response.headers().get(&ANSWERED_BY).is_none(), "{path}");
    }
    Ok(())
}

#[tokio::test]
async fn ready_shows_that_text_messages_are_off() -> TestResult {
    let db = domain::testing::fresh_database().await?;
    let app = TestApp::configured(db, |c| c.sms_disabled = true).await?;
    let (status, _, body) = app.get("/ready").await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ready: serde_json::Value = serde_json::from_str(&body)?;
    assert_eq!(ready["sms"], "disabled");
    // Turned off, the SMS simulator is not mounted either.
    let (status, headers, _) = app.get("/gia-lap/sms/api/messages").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(headers.get(&ANSWERED_BY).is_none());

    let app = TestApp::new().await?;
    let (_, _, body) = app.get("/ready").await?;
    let ready: serde_json::Value = serde_json::from_str(&body)?;
    assert_eq!(ready["sms"], "simulator");
    Ok(())
}

#[tokio::test]
async fn the_sms_simulators_messages_are_for_a_system_administrator_only() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let demo: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        domain::testing::seed_dir().join("demo/accounts.json"),
    )?)?;
    let password = demo["password"].as_str().unwrap_or_default().to_owned();
    let list = "/gia-lap/sms/api/messages";

    // Anonymous: the one-time codes and notices in the list are not for anyone passing by.
    let (status, _, _) = app.get(list).await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Signed in as someone else: a specialist is staff, but not a system administrator.
    let mut specialist = Browser::new(&app);
    let signed_in = specialist
        .sign_in("chuyenvien.tuphap@dichvucong.localhost", &password)
        .await?;
    assert!(signed_in.status.is_success(), "{}", signed_in.body);
    assert_eq!(specialist.get(list).await?.status, StatusCode::FORBIDDEN);
    // The system administrator sees it.
    let mut admin = Browser::new(&app);
    let signed_in = admin
        .sign_in("quantri@dichvucong.localhost", &password)
        .await?;
    assert!(signed_in.status.is_success(), "{}", signed_in.body);
    let answer = admin.get(list).await?;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let messages: Vec<server::simulators::sms::Received> = serde_json::from_str(&answer.body)?;
    assert!(messages.is_empty());
    Ok(())
}

#[tokio::test]
async fn simulators_keep_bounded_memory_and_read_bounded_bodies() -> TestResult {
    // The SMS simulator: the oldest messages are dropped past the bound.
    let simulator = server::simulators::sms::Simulator::default();
    let router: axum::Router = server::simulators::sms::routes(simulator.clone());
    for i in 0..MAX_KEPT + 3 {
        let body = serde_json::json!({
            "ApiKey": server::sms::SIMULATOR_KEY,
            "SecretKey": server::sms::SIMULATOR_KEY,
            "Phone": "0912345678",
            "Content": format!("tin {i}"),
            "Brandname": "DICHVUCONG",
            "SmsType": "2",
        });
        let response = router
            .clone()
            .oneshot(
                Request::post("/api/send")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(serde_json::to_vec(&body)?))?,
            )
            .await?;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let kept = simulator.received();
    assert_eq!(kept.len(), MAX_KEPT);
    assert_eq!(kept.first().map(|m| m.content.as_str()), Some("tin 3"));
    assert_eq!(
        kept.last().map(|m| m.content.clone()),
        Some(format!("tin {}", MAX_KEPT + 2))
    );

    // Mounted, every simulator refuses a body over the bound before reading it into memory.
    let app = TestApp::new().await?;
    for path in [
        "/gia-lap/sms/api/send",
        "/gia-lap/buu-chinh/api/shipments",
        "/gia-lap/vnpay/merchant_webapi/api/transaction",
    ] {
        let response = app
            .router
            .clone()
            .oneshot(
                Request::post(path)
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(vec![b' '; MAX_BODY + 1]))?,
            )
            .await?;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE, "{path}");
    }
    Ok(())
}
