//! Accounts over HTTP: CSRF rejection, session rotation and sign-out, lock-out, rate limits,
//! the registration → verification → profile journey, and the access matrix of every demo
//! staff role × agency × resource, through the JSON API and the server functions alike.
//!
//! Longer than 600 lines on purpose: the access matrix and the account journeys share the demo
//! accounts and the helper browser; each test stands alone.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::browser::Browser;
use common::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

type TestResult = Result<(), Box<dyn std::error::Error>>;

use common::browser::CSRF;

fn demo() -> Result<(Vec<domain::demo_accounts::DemoStaff>, String), Box<dyn std::error::Error>> {
    Ok(domain::demo_accounts::read_staff(
        &domain::testing::seed_dir().join("demo/accounts.json"),
    )?)
}

#[tokio::test]
async fn state_changes_without_the_csrf_token_are_refused() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let form = format!("identifier=congdan%40dichvucong.localhost&password={password}");
    // No token at all.
    let request = Request::post("/api/ui/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .body(Body::from(form.clone()))?;
    let (status, _, body) = app.request(request).await?;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("\"csrf\""), "{body}");
    // Without JavaScript the browser gets a page saying what to do, with the way back.
    let request = Request::post("/api/ui/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://127.0.0.1:3000/dang-nhap")
        .body(Body::from(form.clone()))?;
    let (status, _, body) = app.request(request).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        body.contains("tải lại trang") && body.contains("/dang-nhap"),
        "{body}"
    );
    // A token that is not this browser's.
    let request = Request::post("/api/ui/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .body(Body::from(format!("{form}&csrf_token=someone-elses-token")))?;
    assert_eq!(app.request(request).await?.0, StatusCode::FORBIDDEN);
    // The right token, but sent from another site.
    let request = Request::post("/api/ui/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .header(header::HOST, "dichvucong.localhost")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from(format!("{form}&csrf_token={CSRF}")))?;
    assert_eq!(app.request(request).await?.0, StatusCode::FORBIDDEN);
    // The JSON API with a session cookie needs the header too.
    let mut browser = Browser::new(&app);
    let answer = browser
        .sign_in("quantri@dichvucong.localhost", &password)
        .await?;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{}",
        answer.body
    );
    let request = Request::post("/api/v1/api-tokens")
        .header(header::COOKIE, browser.cookie_header())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"name":"Kiosk","scopes":["staff:read"]}"#))?;
    assert_eq!(app.request(request).await?.0, StatusCode::FORBIDDEN);
    let session_csrf = browser.cookies.get("csrf").cloned().unwrap_or_default();
    assert_ne!(
        session_csrf, CSRF,
        "sign-in hands out the session's own CSRF token"
    );
    let request = Request::post("/api/v1/api-tokens")
        .header(header::COOKIE, browser.cookie_header())
        .header("x-csrf-token", session_csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"name":"Kiosk","scopes":["staff:read"]}"#))?;
    let (status, _, body) = app.request(request).await?;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // Once signed in, the old pre-session token no longer passes.
    let request = Request::post("/api/ui/sign_out")
        .header(header::COOKIE, browser.cookie_header())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf_token={CSRF}")))?;
    assert_eq!(app.request(request).await?.0, StatusCode::FORBIDDEN);
    Ok(())
}

#[tokio::test]
async fn sign_in_rotates_the_session_and_sign_out_ends_it() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut browser = Browser::new(&app);
    // A session id planted before sign-in (fixation) is replaced.
    browser
        .cookies
        .insert("sid".into(), "planted-by-an-attacker".into());
    browser
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    let first = browser.cookies.get("sid").cloned().unwrap_or_default();
    assert!(first.len() >= 43 && first != "planted-by-an-attacker");
    assert_eq!(browser.me().await?["kind"], "citizen");
    browser
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    let second = browser.cookies.get("sid").cloned().unwrap_or_default();
    assert_ne!(first, second, "each sign-in starts a new session");
    let mut old = Browser::new(&app);
    old.cookies.insert("sid".into(), first);
    assert_eq!(
        old.me().await?["kind"],
        "anonymous",
        "the previous session ended"
    );
    assert_eq!(browser.me().await?["kind"], "citizen");
    let answer = browser.post("/api/ui/sign_out", &[]).await?;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{}",
        answer.body
    );
    assert!(!browser.cookies.contains_key("sid"));
    let mut replay = Browser::new(&app);
    replay.cookies.insert("sid".into(), second);
    assert_eq!(
        replay.me().await?["kind"],
        "anonymous",
        "signing out ends the session"
    );
    Ok(())
}

#[tokio::test]
async fn idle_sessions_expire() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut browser = Browser::new(&app);
    browser
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    assert_eq!(browser.me().await?["kind"], "citizen");
    // Make the session look idle for 31 minutes.
    let long_ago = chrono::Utc::now() - chrono::Duration::minutes(31);
    domain::entities::session::Entity::update_many()
        .col_expr(
            domain::entities::session::Column::LastSeenAt,
            sea_orm::sea_query::Expr::value(long_ago),
        )
        .exec(&app.db)
        .await?;
    assert_eq!(browser.me().await?["kind"], "anonymous");
    Ok(())
}

#[tokio::test]
async fn repeated_wrong_passwords_slow_sign_in_from_that_address() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut browser = Browser::new(&app);
    for attempt in 1..=3 {
        let answer = browser
            .sign_in("congdan@dichvucong.localhost", "wrong-password-1")
            .await?;
        assert!(
            answer.body.contains("Unauthorized"),
            "attempt {attempt}: {}",
            answer.body
        );
    }
    // From the fourth on, that address waits (5 seconds, then longer), told at once; even the
    // right password waits. Other addresses do not (server/tests/security_limits.rs).
    let answer = browser
        .sign_in("congdan@dichvucong.localhost", "wrong-password-1")
        .await?;
    assert_eq!(
        answer.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        answer.body
    );
    assert!(answer.body.contains("RateLimited"), "{}", answer.body);
    let answer = browser
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    assert!(answer.body.contains("RateLimited"), "{}", answer.body);
    assert!(!browser.cookies.contains_key("sid"));
    // The failures and refusals are in the audit log.
    let failures = domain::entities::audit_log::Entity::find()
        .filter(domain::entities::audit_log::Column::Action.eq("sign_in"))
        .filter(domain::entities::audit_log::Column::Outcome.eq("failure"))
        .all(&app.db)
        .await?;
    assert_eq!(failures.len(), 5);
    // The account itself is not locked: the streak belongs to this address.
    let account = domain::accounts::find_by_sign_in_name(&app.db, "congdan@dichvucong.localhost")
        .await?
        .ok_or("demo citizen missing")?;
    let streaks = domain::entities::sign_in_guard::Entity::find()
        .filter(domain::entities::sign_in_guard::Column::Subject.eq(account.id))
        .all(&app.db)
        .await?;
    assert_eq!(streaks.len(), 1);
    assert_eq!(streaks[0].failures, 3);
    Ok(())
}

#[tokio::test]
async fn sign_in_attempts_are_rate_limited_per_address() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let mut browser = Browser::new(&app);
    // Unknown names, each once: no streak grows, only the address cap. All but its last 20
    // hits are used up directly (each real attempt costs an Argon2 check); this client has no
    // address, counted as "-".
    let cap = domain::rate_limit::Limit::SIGN_IN_IP;
    for _ in 0..cap.max - 20 {
        domain::rate_limit::hit(&app.db, cap, "-").await?;
    }
    for i in 0..20 {
        let answer = browser
            .sign_in(&format!("nobody{i}@example.vn"), "whatever1")
            .await?;
        assert!(
            answer.body.contains("Unauthorized"),
            "attempt {i}: {}",
            answer.body
        );
    }
    let answer = browser.sign_in("nobody@example.vn", "whatever1").await?;
    assert!(answer.body.contains("RateLimited"), "{}", answer.body);
    // The counter lives in the database: a second instance over the same database agrees.
    let other = TestApp::over(app.db.clone()).await?;
    let mut elsewhere = Browser::new(&other);
    let answer = elsewhere.sign_in("nobody@example.vn", "whatever1").await?;
    assert!(answer.body.contains("RateLimited"), "{}", answer.body);
    Ok(())
}

#[tokio::test]
async fn register_verify_sign_in_and_edit_the_profile() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let mut browser = Browser::new(&app);
    let fields = [
        ("full_name", "Trần Thị Bích"),
        ("email", "Bich.Tran@Example.VN"),
        ("phone", ""),
        ("password", "matkhau2026"),
        ("password_confirmation", "matkhau2026"),
    ];
    // Without accepting the terms: refused, naming the field.
    let answer = browser.post("/api/ui/register", &fields).await?;
    assert!(answer.body.contains("accept_terms"), "{}", answer.body);
    let mut with_terms = fields.to_vec();
    with_terms.push(("accept_terms", "on"));
    let answer = browser.post("/api/ui/register", &with_terms).await?;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{}",
        answer.body
    );
    // Not verified yet: the right password is answered with the verification hint.
    let answer = browser
        .sign_in("bich.tran@example.vn", "matkhau2026")
        .await?;
    assert!(answer.body.contains("email_unverified"), "{}", answer.body);
    // The verification e-mail is queued; its link verifies once.
    let mail = domain::entities::outbox_message::Entity::find()
        .filter(domain::entities::outbox_message::Column::Recipient.eq("bich.tran@example.vn"))
        .order_by_desc(domain::entities::outbox_message::Column::Id)
        .one(&app.db)
        .await?
        .ok_or("no verification e-mail")?;
    let token = link_token(&mail.body)?;
    let answer = browser
        .post("/api/ui/verify_email", &[("token", &token)])
        .await?;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{}",
        answer.body
    );
    let answer = browser
        .post("/api/ui/verify_email", &[("token", &token)])
        .await?;
    assert!(
        answer.body.contains("link_invalid"),
        "a link works once: {}",
        answer.body
    );
    browser
        .sign_in("bich.tran@example.vn", "matkhau2026")
        .await?;
    assert_eq!(browser.me().await?["kind"], "citizen");
    // A citizen ID whose birth-year digits contradict the date of birth: refused, nothing saved.
    let profile = [
        ("full_name", "Trần Thị Bích"),
        ("citizen_id", "072191001234"),
        ("date_of_birth", "1990-04-02"),
        ("phone", "0987 654 321"),
        ("province_code", "80"),
        ("commune_code", "25459"),
        ("street", "12 đường 30/4"),
    ];
    let answer = browser.post("/api/ui/save_profile", &profile).await?;
    assert!(
        answer.body.contains("citizen_id_birth_year"),
        "{}",
        answer.body
    );
    let account = domain::accounts::find_by_sign_in_name(&app.db, "bich.tran@example.vn")
        .await?
        .ok_or("account missing")?;
    assert_eq!(
        account.phone, None,
        "nothing is saved when one field is wrong"
    );
    let mut good = profile.to_vec();
    good[1] = ("citizen_id", "072190005678");
    let answer = browser.post("/api/ui/save_profile", &good).await?;
    assert!(
        answer.status.is_success() || answer.status.is_redirection(),
        "{}",
        answer.body
    );
    let account = domain::accounts::find_by_sign_in_name(&app.db, "bich.tran@example.vn")
        .await?
        .ok_or("account missing")?;
    assert_eq!(account.citizen_id.as_deref(), Some("072190005678"));
    assert_eq!(account.phone.as_deref(), Some("0987654321"));
    assert_eq!(account.commune_code.as_deref(), Some("25459"));
    Ok(())
}

/// What the access rules say, written out independently of `domain::access` so the test checks
/// the code against the specification rather than against itself.
fn expected(roles: &[&str], own_agency: &str, resource: &str, agency: &str) -> bool {
    let has = |r: &str| roles.contains(&r);
    if has("system_admin") {
        return true;
    }
    match resource {
        "staff" => own_agency == agency && (has("agency_admin") || has("leader")),
        "audit" => own_agency == agency && has("agency_admin"),
        _ => false, // "audit_all", "api_tokens"
    }
}

#[tokio::test]
async fn access_matrix_of_every_demo_role_agency_and_resource() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (staff, password) = demo()?;
    let mut agencies: Vec<String> = staff.iter().map(|s| s.agency_code.clone()).collect();
    agencies.sort();
    agencies.dedup();
    // An agency without any demo staff, too.
    agencies.push("000.00.08.H53".into());
    let mut checked = 0;
    for member in &staff {
        let mut browser = Browser::new(&app);
        let answer = browser.sign_in(&member.email, &password).await?;
        assert!(
            browser.cookies.contains_key("sid"),
            "{}: {}",
            member.email,
            answer.body
        );
        let roles: Vec<&str> = member.roles.iter().map(|r| r.code()).collect();
        for agency in &agencies {
            for resource in ["staff", "audit"] {
                let allowed = expected(&roles, &member.agency_code, resource, agency);
                let api = browser
                    .get(&format!("/api/v1/{resource}?agency={agency}"))
                    .await?;
                assert_eq!(
                    api.status == StatusCode::OK,
                    allowed,
                    "API {resource} of {agency} as {} {:?}: {} {}",
                    member.email,
                    roles,
                    api.status,
                    api.body
                );
                if !allowed {
                    assert_eq!(api.status, StatusCode::FORBIDDEN);
                }
                let fields: Vec<(&str, &str)> = if resource == "staff" {
                    vec![("agency", agency)]
                } else {
                    vec![
                        ("agency", agency),
                        ("page", "1"),
                        ("action", ""),
                        ("outcome", ""),
                    ]
                };
                let sf = browser
                    .post(&format!("/api/ui/{resource}"), &fields)
                    .await?;
                assert_eq!(
                    !sf.body.contains("Forbidden") && sf.status.is_success(),
                    allowed,
                    "server fn {resource} of {agency} as {} {:?}: {} {}",
                    member.email,
                    roles,
                    sf.status,
                    sf.body
                );
                checked += 2;
            }
        }
        for (resource, uri) in [
            ("audit_all", "/api/v1/audit"),
            ("api_tokens", "/api/v1/api-tokens"),
        ] {
            let allowed = expected(&roles, &member.agency_code, resource, "");
            let api = browser.get(uri).await?;
            assert_eq!(
                api.status == StatusCode::OK,
                allowed,
                "{uri} as {}",
                member.email
            );
            checked += 1;
        }
        let sf = browser
            .post(
                "/api/ui/audit",
                &[
                    ("agency", ""),
                    ("page", "1"),
                    ("action", ""),
                    ("outcome", ""),
                ],
            )
            .await?;
        assert_eq!(
            sf.status.is_success() && !sf.body.contains("Forbidden"),
            roles.contains(&"system_admin"),
            "whole audit log via server fn as {}",
            member.email
        );
        checked += 1;
    }
    // Citizens and anonymous callers reach none of it.
    let mut citizen = Browser::new(&app);
    citizen
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    let mut anonymous = Browser::new(&app);
    for agency in &agencies {
        for resource in ["staff", "audit"] {
            let uri = format!("/api/v1/{resource}?agency={agency}");
            assert_eq!(citizen.get(&uri).await?.status, StatusCode::FORBIDDEN);
            assert_eq!(anonymous.get(&uri).await?.status, StatusCode::UNAUTHORIZED);
            let sf = anonymous
                .post(
                    &format!("/api/ui/{resource}"),
                    &[
                        ("agency", agency),
                        ("page", "1"),
                        ("action", ""),
                        ("outcome", ""),
                    ],
                )
                .await?;
            assert!(sf.body.contains("Unauthorized"), "{}", sf.body);
            checked += 3;
        }
    }
    assert!(checked >= 11 * 4 * 4, "checked {checked} pairs");
    Ok(())
}

#[tokio::test]
async fn api_tokens_act_within_their_scope_and_agency_until_revoked() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut admin = Browser::new(&app);
    admin
        .sign_in("quantri@dichvucong.localhost", &password)
        .await?;
    let csrf = admin.cookies.get("csrf").cloned().unwrap_or_default();
    let request = Request::post("/api/v1/api-tokens")
        .header(header::COOKIE, admin.cookie_header())
        .header("x-csrf-token", csrf.clone())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            r#"{"name":"Kiosk Sở Tư pháp","scopes":["staff:read"],"agency_code":"000.00.04.H53"}"#,
        ))?;
    let answer = admin.send(request).await?;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    let issued: serde_json::Value = serde_json::from_str(&answer.body)?;
    let secret = issued["secret"].as_str().ok_or("no secret")?.to_owned();
    let id = issued["token"]["id"].as_str().ok_or("no id")?.to_owned();
    assert_eq!(
        bearer(&app, "/api/v1/staff?agency=000.00.04.H53", &secret).await?,
        StatusCode::OK
    );
    assert_eq!(
        bearer(&app, "/api/v1/staff?agency=000.01.50.H53", &secret).await?,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        bearer(&app, "/api/v1/audit?agency=000.00.04.H53", &secret).await?,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        bearer(&app, "/api/v1/staff?agency=000.00.04.H53", "dvc_forged").await?,
        StatusCode::UNAUTHORIZED
    );
    let request = Request::delete(format!("/api/v1/api-tokens/{id}"))
        .header(header::COOKIE, admin.cookie_header())
        .header("x-csrf-token", csrf)
        .body(Body::empty())?;
    assert_eq!(admin.send(request).await?.status, StatusCode::NO_CONTENT);
    assert_eq!(
        bearer(&app, "/api/v1/staff?agency=000.00.04.H53", &secret).await?,
        StatusCode::UNAUTHORIZED
    );
    Ok(())
}

async fn bearer(
    app: &TestApp,
    uri: &str,
    secret: &str,
) -> Result<StatusCode, Box<dyn std::error::Error>> {
    let request = Request::get(uri)
        .header(header::AUTHORIZATION, format!("Bearer {secret}"))
        .body(Body::empty())?;
    Ok(app.request(request).await?.0)
}

#[tokio::test]
async fn password_reset_links_work_once_end_sessions_and_lift_the_lock() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut browser = Browser::new(&app);
    browser
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    assert_eq!(browser.me().await?["kind"], "citizen");
    let mut attacker = Browser::new(&app);
    for _ in 0..5 {
        attacker
            .sign_in("congdan@dichvucong.localhost", "wrong-guess-1")
            .await?;
    }
    // Unknown and known names are answered alike; only the real account gets an e-mail.
    let mut stranger = Browser::new(&app);
    let unknown = stranger
        .post(
            "/api/ui/forgot_password",
            &[("identifier", "nobody@example.vn")],
        )
        .await?;
    let known = stranger
        .post(
            "/api/ui/forgot_password",
            &[("identifier", "CongDan@dichvucong.localhost")],
        )
        .await?;
    assert_eq!(unknown.status, known.status);
    let mails = domain::entities::outbox_message::Entity::find()
        .filter(
            domain::entities::outbox_message::Column::Recipient.eq("congdan@dichvucong.localhost"),
        )
        .all(&app.db)
        .await?;
    assert_eq!(mails.len(), 1);
    let token = link_token(&mails[0].body)?;
    // A weak password is refused and the link stays usable.
    let weak = stranger
        .post(
            "/api/ui/reset_password",
            &[
                ("token", &token),
                ("password", "short"),
                ("password_confirmation", "short"),
            ],
        )
        .await?;
    assert!(weak.body.contains("password_short"), "{}", weak.body);
    let ok = stranger
        .post(
            "/api/ui/reset_password",
            &[
                ("token", &token),
                ("password", "moi-matkhau-9"),
                ("password_confirmation", "moi-matkhau-9"),
            ],
        )
        .await?;
    assert!(
        ok.status.is_success() || ok.status.is_redirection(),
        "{}",
        ok.body
    );
    let again = stranger
        .post(
            "/api/ui/reset_password",
            &[
                ("token", &token),
                ("password", "khac-matkhau-9"),
                ("password_confirmation", "khac-matkhau-9"),
            ],
        )
        .await?;
    assert!(again.body.contains("link_invalid"), "{}", again.body);
    // Every session of the account ended; the lock is lifted; the new password works.
    assert_eq!(browser.me().await?["kind"], "anonymous");
    let mut owner = Browser::new(&app);
    owner
        .sign_in("congdan@dichvucong.localhost", "moi-matkhau-9")
        .await?;
    assert_eq!(owner.me().await?["kind"], "citizen");
    // An expired link is refused.
    stranger
        .post(
            "/api/ui/forgot_password",
            &[("identifier", "congdan@dichvucong.localhost")],
        )
        .await?;
    domain::entities::one_time_token::Entity::update_many()
        .col_expr(
            domain::entities::one_time_token::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .exec(&app.db)
        .await?;
    let mails = domain::entities::outbox_message::Entity::find()
        .filter(domain::entities::outbox_message::Column::Subject.contains("Đặt lại"))
        .order_by_desc(domain::entities::outbox_message::Column::Id)
        .one(&app.db)
        .await?
        .ok_or("no second e-mail")?;
    let expired = link_token(&mails.body)?;
    let late = stranger
        .post(
            "/api/ui/reset_password",
            &[
                ("token", &expired),
                ("password", "khac-matkhau-9"),
                ("password_confirmation", "khac-matkhau-9"),
            ],
        )
        .await?;
    assert!(late.body.contains("link_invalid"), "{}", late.body);
    Ok(())
}

#[tokio::test]
async fn agency_admins_create_staff_of_their_agency_only_and_every_change_is_audited() -> TestResult
{
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut admin = Browser::new(&app);
    admin
        .sign_in("qtdv.tuphap@dichvucong.localhost", &password)
        .await?;
    let csrf = admin.cookies.get("csrf").cloned().unwrap_or_default();
    let post = |body: &'static str| {
        Request::post("/api/v1/staff")
            .header(header::COOKIE, admin.cookie_header())
            .header("x-csrf-token", csrf.clone())
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
    };
    let own = post(
        r#"{"full_name":"Mai Anh","email":"maianh@dichvucong.localhost","agency_code":"000.00.04.H53","roles":["specialist"]}"#,
    )?;
    let other = post(
        r#"{"full_name":"Mai Bình","email":"maibinh@dichvucong.localhost","agency_code":"000.01.50.H53","roles":["specialist"]}"#,
    )?;
    let escalate = post(
        r#"{"full_name":"Mai Chi","email":"maichi@dichvucong.localhost","agency_code":"000.00.04.H53","roles":["system_admin"]}"#,
    )?;
    let (status, _, body) = app.request(own).await?;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let created: serde_json::Value = serde_json::from_str(&body)?;
    assert_eq!(app.request(other).await?.0, StatusCode::FORBIDDEN);
    assert_eq!(app.request(escalate).await?.0, StatusCode::FORBIDDEN);
    // The invitation sets the password; then the new member signs in.
    let invite = domain::entities::outbox_message::Entity::find()
        .filter(
            domain::entities::outbox_message::Column::Recipient.eq("maianh@dichvucong.localhost"),
        )
        .one(&app.db)
        .await?
        .ok_or("no invitation")?;
    let token = link_token(&invite.body)?;
    let mut newcomer = Browser::new(&app);
    newcomer
        .post(
            "/api/ui/reset_password",
            &[
                ("token", &token),
                ("password", "canbo-moi-2026"),
                ("password_confirmation", "canbo-moi-2026"),
            ],
        )
        .await?;
    newcomer
        .sign_in("maianh@dichvucong.localhost", "canbo-moi-2026")
        .await?;
    assert_eq!(newcomer.me().await?["kind"], "staff");
    // A role change is audited with before and after.
    let id = created["id"].as_str().ok_or("no id")?;
    let request = Request::patch(format!("/api/v1/staff/{id}"))
        .header(header::COOKIE, admin.cookie_header())
        .header("x-csrf-token", csrf.clone())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"roles":["specialist","leader"]}"#))?;
    assert_eq!(app.request(request).await?.0, StatusCode::OK);
    let audit = admin
        .get("/api/v1/audit?agency=000.00.04.H53&action=role_change")
        .await?;
    let page: serde_json::Value = serde_json::from_str(&audit.body)?;
    assert_eq!(page["total"], 1, "{}", audit.body);
    let denied = admin
        .get("/api/v1/audit?agency=000.00.04.H53&action=staff_created")
        .await?;
    let page: serde_json::Value = serde_json::from_str(&denied.body)?;
    assert_eq!(
        page["total"], 1,
        "the refused creations changed nothing: {}",
        denied.body
    );
    Ok(())
}

#[tokio::test]
async fn a_business_is_registered_by_tax_code_and_its_representative_adds_members() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, password) = demo()?;
    let mut owner = Browser::new(&app);
    owner
        .sign_in("congdan@dichvucong.localhost", &password)
        .await?;
    let form = |tax: &'static str| {
        vec![
            ("tax_code", tax),
            ("name", "Công ty TNHH Hoa Sen Tây Ninh"),
            ("representative_name", "Nguyễn Thị Hoa"),
            ("representative_citizen_id", "072190001234"),
            ("address", "Phường Tân Ninh, Tây Ninh"),
        ]
    };
    let bad = owner
        .post("/api/ui/register_organisation", &form("3900000016"))
        .await?;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("tax_code_check_digit"), "{}", bad.body);
    let good = owner
        .post("/api/ui/register_organisation", &form("3900000015"))
        .await?;
    assert!(
        good.status.is_success() || good.status.is_redirection(),
        "{}",
        good.body
    );
    let again = owner
        .post("/api/ui/register_organisation", &form("3900000015"))
        .await?;
    assert!(again.body.contains("tax_code_taken"), "{}", again.body);
    // A registered citizen becomes a member; staff accounts cannot be added.
    let mut employee = Browser::new(&app);
    employee
        .post(
            "/api/ui/register",
            &[
                ("full_name", "Lý Thị Nhân"),
                ("email", ""),
                ("phone", "0977000111"),
                ("password", "nhanvien2026"),
                ("password_confirmation", "nhanvien2026"),
                ("accept_terms", "on"),
            ],
        )
        .await?;
    // A mobile-only registration signs in once the SMS code came back (issue #22).
    let sms = domain::entities::outbox_message::Entity::find()
        .filter(domain::entities::outbox_message::Column::Recipient.eq("0977000111"))
        .one(&app.db)
        .await?
        .ok_or("no SMS code")?;
    let code: String = sms
        .body
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect();
    employee
        .post(
            "/api/ui/confirm_phone",
            &[("phone", "0977000111"), ("sms_code", &code)],
        )
        .await?;
    let list = owner.post("/api/ui/organisations", &[]).await?;
    let orgs: serde_json::Value = serde_json::from_str(&list.body)?;
    let id = orgs[0]["id"].as_str().ok_or("no organisation")?.to_owned();
    assert_eq!(orgs[0]["i_represent"], true);
    let staff = owner
        .post(
            "/api/ui/add_member",
            &[
                ("organisation_id", &id),
                ("member", "tiepnhan.hcc@dichvucong.localhost"),
            ],
        )
        .await?;
    assert!(staff.body.contains("member_unknown"), "{}", staff.body);
    let added = owner
        .post(
            "/api/ui/add_member",
            &[("organisation_id", &id), ("member", "0977 000 111")],
        )
        .await?;
    assert!(
        added.status.is_success() || added.status.is_redirection(),
        "{}",
        added.body
    );
    // The member sees the organisation but may not add members.
    employee.sign_in("0977000111", "nhanvien2026").await?;
    let seen = employee.post("/api/ui/organisations", &[]).await?;
    let orgs: serde_json::Value = serde_json::from_str(&seen.body)?;
    assert_eq!(orgs[0]["tax_code"], "3900000015");
    assert_eq!(orgs[0]["i_represent"], false);
    let refused = employee
        .post(
            "/api/ui/add_member",
            &[
                ("organisation_id", &id),
                ("member", "congdan@dichvucong.localhost"),
            ],
        )
        .await?;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    Ok(())
}

/// The token of the link in an e-mail body.
fn link_token(body: &str) -> Result<String, Box<dyn std::error::Error>> {
    body.split("token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .ok_or_else(|| "no link in the e-mail".into())
}
