//! Limits that are atomic and cannot be turned against users (issue #22, point 7), each test an
//! attack and the refusal it meets, on SQLite and on PostgreSQL (`PORTAL_TEST_DATABASE_URL`):
//!
//! - fifty wrong passwords sent at once are counted, refused and locked exactly like fifty sent
//!   one after another (the counter checks and increments in one upsert);
//! - a stranger's wrong passwords from one address slow and then lock only that address: the
//!   clerk signs in from another address, and the right password typed by the stranger is still
//!   refused;
//! - the wait grows with each wrong password and is answered at once (`429` with the seconds),
//!   never by holding the request;
//! - the owner of a locked account is e-mailed one unlock link per lock, and it works once;
//! - public lookup misses from strangers' addresses never block the right answer from another
//!   address, parallel guesses are counted like sequential ones, and right answers cost nothing.
//!
//! Longer than 600 lines on purpose: one concurrency attack per test on the same limits;
//! splitting would copy the fixtures.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use chrono::Utc;
use common::browser::{Browser, CSRF};
use common::TestApp;
use domain::accounts::{sign_in_with_rules, Rules};
use domain::audit::Origin;
use domain::dossiers::lookup::lookup;
use domain::entities::{audit_log, outbox_message, rate_counter, sign_in_guard};
use domain::DomainError;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const PASSWORD: &str = "Demo@2026";
const CITIZEN: &str = "congdan@dichvucong.localhost";
const CLERK: &str = "tiepnhan.hcc@dichvucong.localhost";
const OTHER_CLERK: &str = "tiepnhan.tuphap@dichvucong.localhost";

/// Rules that lock after five attempts with no wait, so that fifty attempts reach the lock.
const FAST_LOCK: Rules = Rules {
    free_failures: 100,
    first_delay_secs: 0,
    lock_after: 5,
    lock_secs: 3600,
};

fn origin(ip: &str) -> Origin {
    Origin {
        ip: Some(ip.to_owned()),
        user_agent: Some("security-limits-test".into()),
    }
}

/// The answer of one attempt, reduced to what is compared.
fn outcome<T>(result: &Result<T, DomainError>) -> &'static str {
    match result {
        Ok(_) => "signed in",
        Err(DomainError::Unauthorized) => "unauthorized",
        Err(DomainError::Locked { .. }) => "locked",
        Err(DomainError::RateLimited { .. }) => "rate limited",
        Err(_) => "other",
    }
}

fn tally(outcomes: &[&'static str]) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for o in outcomes {
        *counts.entry(*o).or_insert(0) += 1;
    }
    counts
}

async fn account_id(
    db: &DatabaseConnection,
    who: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    Ok(domain::accounts::find_by_sign_in_name(db, who)
        .await?
        .ok_or("demo account missing")?
        .id)
}

/// The streak of `who` from `ip`: (failures, locked by the unlock link's token).
async fn streak(
    db: &DatabaseConnection,
    who: &str,
    ip: &str,
) -> Result<Option<sign_in_guard::Model>, Box<dyn std::error::Error>> {
    let id = account_id(db, who).await?;
    Ok(sign_in_guard::Entity::find()
        .filter(sign_in_guard::Column::Subject.eq(id))
        .filter(sign_in_guard::Column::Client.eq(ip))
        .one(db)
        .await?)
}

/// Moves the last attempt of every streak from `ip` back by `secs` (time passing).
async fn wait(db: &DatabaseConnection, ip: &str, secs: i64) -> TestResult {
    sign_in_guard::Entity::update_many()
        .col_expr(
            sign_in_guard::Column::LastAttemptAt,
            Expr::col(sign_in_guard::Column::LastAttemptAt).sub(secs),
        )
        .filter(sign_in_guard::Column::Client.eq(ip))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets the last attempt of every streak from `ip` to now (the wait starts again from here).
async fn restart_clock(db: &DatabaseConnection, ip: &str) -> TestResult {
    sign_in_guard::Entity::update_many()
        .col_expr(
            sign_in_guard::Column::LastAttemptAt,
            Expr::value(Utc::now().timestamp()),
        )
        .filter(sign_in_guard::Column::Client.eq(ip))
        .exec(db)
        .await?;
    Ok(())
}

/// Waits for the next window of the fixed-window limits when this one ends within `margin`
/// seconds, so that one run's attempts all fall in the same window.
async fn clear_of_window_edge(window: i64, margin: i64) {
    let left = window - Utc::now().timestamp().rem_euclid(window);
    if left <= margin {
        tokio::time::sleep(Duration::from_secs(u64::try_from(left).unwrap_or(0) + 1)).await;
    }
}

async fn audit_count(
    db: &DatabaseConnection,
    action: &str,
    target: &str,
) -> Result<usize, Box<dyn std::error::Error>> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::TargetId.eq(target))
        .all(db)
        .await?
        .len())
}

async fn unlock_mails(
    db: &DatabaseConnection,
    to: &str,
) -> Result<Vec<outbox_message::Model>, Box<dyn std::error::Error>> {
    Ok(outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(to))
        .all(db)
        .await?
        .into_iter()
        .filter(|m| m.body.contains("/mo-khoa/"))
        .collect())
}

fn unlock_token(body: &str) -> Result<String, Box<dyn std::error::Error>> {
    let (_, rest) = body.split_once("/mo-khoa/").ok_or("no unlock link")?;
    Ok(rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect())
}

/// The sign-in form posted by a browser at network address `ip` (the server sees it as the
/// connection's peer).
async fn sign_in_from(
    app: &TestApp,
    ip: &str,
    who: &str,
    password: &str,
) -> Result<(StatusCode, bool, String), Box<dyn std::error::Error>> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("identifier", who),
            ("password", password),
            ("csrf_token", CSRF),
        ])
        .finish();
    let peer: SocketAddr = format!("{ip}:40000").parse()?;
    let request = Request::post("/api/ui/sign_in")
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .extension(ConnectInfo(peer))
        .body(Body::from(body))?;
    let (status, headers, body) = app.request(request).await?;
    let session = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("sid=") && !v.starts_with("sid=;"));
    Ok((status, session, body))
}

/// Runs fifty wrong passwords for `who` from `ip` under `rules`, in parallel or one after
/// another; returns the tally of answers.
async fn fifty_wrong(
    db: &DatabaseConnection,
    rules: Rules,
    who: &str,
    ip: &str,
    parallel: bool,
) -> Result<std::collections::BTreeMap<&'static str, usize>, Box<dyn std::error::Error>> {
    let mut outcomes = Vec::new();
    if parallel {
        let tasks: Vec<_> = (0..50)
            .map(|i| {
                let db = db.clone();
                let who = who.to_owned();
                let origin = origin(ip);
                tokio::spawn(async move {
                    let r = sign_in_with_rules(
                        &db,
                        rules,
                        &who,
                        &format!("wrong-password-{i}"),
                        &origin,
                        domain::sessions::Policy::default(),
                        None,
                        domain::testing::mailing(),
                    )
                    .await;
                    outcome(&r)
                })
            })
            .collect();
        for joined in futures::future::join_all(tasks).await {
            outcomes.push(joined?);
        }
    } else {
        for i in 0..50 {
            let r = sign_in_with_rules(
                db,
                rules,
                who,
                &format!("wrong-password-{i}"),
                &origin(ip),
                domain::sessions::Policy::default(),
                None,
                domain::testing::mailing(),
            )
            .await;
            outcomes.push(outcome(&r));
        }
    }
    assert!(!outcomes.contains(&"other"), "{outcomes:?}");
    Ok(tally(&outcomes))
}

async fn address_hits(
    db: &DatabaseConnection,
    ip: &str,
) -> Result<i32, Box<dyn std::error::Error>> {
    Ok(rate_counter::Entity::find()
        .filter(rate_counter::Column::Key.eq(format!("sign_in_ip:{ip}")))
        .all(db)
        .await?
        .iter()
        .map(|c| c.hits)
        .sum())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_wrong_passwords_lock_exactly_like_fifty_sequential_ones() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let db = &app.db;
    clear_of_window_edge(300, 30).await;
    let sequential = fifty_wrong(db, FAST_LOCK, CLERK, "198.51.100.1", false).await?;
    let parallel = fifty_wrong(db, FAST_LOCK, OTHER_CLERK, "198.51.100.2", true).await?;
    // Five wrong passwords are counted and the fifth locks; the other 45 meet the lock without
    // their password being checked (the address cap, 300 per 5 minutes, is not reached).
    let expected = std::collections::BTreeMap::from([("locked", 46), ("unauthorized", 4)]);
    assert_eq!(sequential, expected);
    assert_eq!(parallel, expected);
    for (who, ip) in [(CLERK, "198.51.100.1"), (OTHER_CLERK, "198.51.100.2")] {
        let row = streak(db, who, ip).await?.ok_or("no streak")?;
        assert_eq!(row.failures, 5, "{who}");
        assert!(row.unlock_token.is_some(), "{who}");
        assert_eq!(address_hits(db, ip).await?, 50, "{who}");
        let id = account_id(db, who).await?;
        assert_eq!(
            audit_count(db, "sign_in_lock", &id).await?,
            1,
            "{who}: one lock"
        );
        assert_eq!(unlock_mails(db, who).await?.len(), 1, "{who}: one e-mail");
    }

    // Under the real rules the growing wait stops both runs after three wrong passwords.
    let sequential = fifty_wrong(db, Rules::STANDARD, CITIZEN, "198.51.100.3", false).await?;
    let parallel = fifty_wrong(
        db,
        Rules::STANDARD,
        "qtdv.hcc@dichvucong.localhost",
        "198.51.100.4",
        true,
    )
    .await?;
    let expected = std::collections::BTreeMap::from([("rate limited", 47), ("unauthorized", 3)]);
    assert_eq!(sequential, expected);
    assert_eq!(parallel, expected);
    for (who, ip) in [
        (CITIZEN, "198.51.100.3"),
        ("qtdv.hcc@dichvucong.localhost", "198.51.100.4"),
    ] {
        assert_eq!(
            streak(db, who, ip).await?.ok_or("no streak")?.failures,
            3,
            "{who}"
        );
    }
    Ok(())
}

/// One password sign-in under the standard rules, reduced to its outcome.
async fn sign_in_as(
    db: &DatabaseConnection,
    who: &str,
    password: &str,
    from: &Origin,
) -> &'static str {
    let r = sign_in_with_rules(
        db,
        Rules::STANDARD,
        who,
        password,
        from,
        domain::sessions::Policy::default(),
        None,
        domain::testing::mailing(),
    )
    .await;
    outcome(&r)
}

/// A commune help desk (or a carrier's NAT): fifty people register and sign in from one address
/// within minutes, each to their own account, and none is refused, while a wrong password on
/// one of those accounts is still slowed for that account only.
#[tokio::test]
async fn fifty_people_behind_one_address_register_and_sign_in() -> TestResult {
    use domain::accounts::{register, Registration};
    let app = TestApp::new().await?;
    let db = &app.db;
    clear_of_window_edge(300, 60).await;
    let desk = origin("100.64.10.1");
    let email = |n: u32| format!("nguoi.dan{n}@example.vn");
    for n in 0..50 {
        let form = Registration {
            full_name: format!("Người Dân Số {n}"),
            email: email(n),
            phone: String::new(),
            password: "Matkhau2026".into(),
            password_confirmation: "Matkhau2026".into(),
            accept_terms: true,
        };
        register(db, &form, CSRF, &desk, domain::testing::mailing()).await?;
    }
    // Each opened the link e-mailed to them.
    domain::entities::account::Entity::update_many()
        .col_expr(
            domain::entities::account::Column::EmailVerifiedAt,
            Expr::value(Utc::now()),
        )
        .exec(db)
        .await?;
    for n in 0..50 {
        assert_eq!(
            sign_in_as(db, &email(n), "Matkhau2026", &desk).await,
            "signed in",
            "person {n}"
        );
    }
    // Three wrong passwords for one of them: the fourth attempt waits, from this address and
    // for that account only; the next person signs in at once.
    for _ in 0..3 {
        assert_eq!(
            sign_in_as(db, &email(7), "sai-mat-khau", &desk).await,
            "unauthorized"
        );
    }
    assert_eq!(
        sign_in_as(db, &email(7), "Matkhau2026", &desk).await,
        "rate limited"
    );
    assert_eq!(
        sign_in_as(db, &email(8), "Matkhau2026", &desk).await,
        "signed in"
    );
    Ok(())
}

#[tokio::test]
async fn a_strangers_wrong_passwords_do_not_lock_the_clerk_out() -> TestResult {
    let app = TestApp::with_accounts().await?;
    clear_of_window_edge(300, 30).await;
    let stranger = "203.0.113.66";
    let office = "192.0.2.10";
    // The stranger types ten wrong passwords for the clerk, waiting out each delay.
    for attempt in 1..=10 {
        let (status, session, body) = sign_in_from(&app, stranger, CLERK, "doan-mo-123").await?;
        assert!(!session);
        if attempt < 10 {
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "attempt {attempt}: {body}"
            );
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "attempt {attempt}: {body}");
            assert!(body.contains("Locked"), "{body}");
        }
        wait(&app.db, stranger, 1000).await?;
    }
    // Now even the right password is refused from the stranger's address …
    let (status, session, body) = sign_in_from(&app, stranger, CLERK, PASSWORD).await?;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(!session && body.contains("Locked"), "{body}");
    // … while the clerk signs in from the office, and the stranger's streak is untouched.
    let (status, session, body) = sign_in_from(&app, office, CLERK, PASSWORD).await?;
    assert!(session, "{status} {body}");
    assert_eq!(
        streak(&app.db, CLERK, stranger)
            .await?
            .ok_or("streak")?
            .failures,
        10
    );
    // Another account from the stranger's address is not locked either (only its cap counts).
    let (_, session, body) = sign_in_from(&app, stranger, OTHER_CLERK, PASSWORD).await?;
    assert!(session, "{body}");
    Ok(())
}

#[tokio::test]
async fn each_wrong_password_grows_the_wait_answered_at_once() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let ip = "203.0.113.7";
    for _ in 0..3 {
        let (status, _, body) = sign_in_from(&app, ip, CITIZEN, "sai-mat-khau-1").await?;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    }
    // After three wrong passwords: 5 seconds, then 10, then 20 — even for the right password,
    // and answered without waiting.
    for expected in [5_u64, 10, 20] {
        restart_clock(&app.db, ip).await?;
        let started = Instant::now();
        let (status, session, body) = sign_in_from(&app, ip, CITIZEN, PASSWORD).await?;
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "answered at once"
        );
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
        assert!(!session);
        let secs = serde_json::from_str::<serde_json::Value>(&body)?["RateLimited"]
            .as_u64()
            .ok_or("no wait")?;
        assert!(
            secs <= expected && secs + 1 >= expected,
            "waits {secs} s, expected {expected}"
        );
        // Two seconds before the end it is still too soon …
        let expected = i64::try_from(expected)?;
        wait(&app.db, ip, expected - 2).await?;
        let (status, _, _) = sign_in_from(&app, ip, CITIZEN, "sai-mat-khau-1").await?;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        // … then one more wrong password is checked, and grows the wait.
        wait(&app.db, ip, 2).await?;
        let (status, _, body) = sign_in_from(&app, ip, CITIZEN, "sai-mat-khau-1").await?;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    }
    assert_eq!(
        streak(&app.db, CITIZEN, ip)
            .await?
            .ok_or("streak")?
            .failures,
        6
    );
    // Another address is not slowed; the right password there works at once.
    let (_, session, _) = sign_in_from(&app, "192.0.2.20", CITIZEN, PASSWORD).await?;
    assert!(session);
    // Once the wait is over, the right password from the slowed address works and ends the streak.
    wait(&app.db, ip, 40).await?;
    let (_, session, body) = sign_in_from(&app, ip, CITIZEN, PASSWORD).await?;
    assert!(session, "{body}");
    assert!(streak(&app.db, CITIZEN, ip).await?.is_none());
    Ok(())
}

#[tokio::test]
async fn the_unlock_link_is_mailed_once_per_lock_and_works_once() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let ip = "203.0.113.99";
    // Ten wrong passwords through the sign-in form, waiting out each delay, lock the address;
    // five more meet the lock.
    for attempt in 1..=15 {
        let (status, _, body) = sign_in_from(&app, ip, CITIZEN, "quen-mat-khau-1").await?;
        if attempt >= 10 {
            assert_eq!(status, StatusCode::FORBIDDEN, "attempt {attempt}: {body}");
        } else {
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "attempt {attempt}: {body}"
            );
            wait(&app.db, ip, 1000).await?;
        }
    }
    // One lock, one e-mail to the owner, naming the address, with the link.
    let mails = unlock_mails(&app.db, CITIZEN).await?;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body.contains(ip), "{}", mails[0].body);
    let token = unlock_token(&mails[0].body)?;
    assert!(token.len() > 20, "{}", mails[0].body);
    let (status, _, body) = sign_in_from(&app, ip, CITIZEN, PASSWORD).await?;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // The link opens a page with a button (mail scanners do not use it up) …
    let mut owner = Browser::new(&app);
    let page = owner.get(&format!("/mo-khoa/{token}")).await?;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Mở khóa đăng nhập"), "{}", page.body);
    // … which lifts the lock once.
    let used = owner
        .post("/api/ui/unlock_sign_in", &[("token", &token)])
        .await?;
    assert!(
        used.status.is_success() || used.status.is_redirection(),
        "{}",
        used.body
    );
    assert!(streak(&app.db, CITIZEN, ip).await?.is_none());
    let again = owner
        .post("/api/ui/unlock_sign_in", &[("token", &token)])
        .await?;
    assert!(again.body.contains("link_invalid"), "{}", again.body);
    let id = account_id(&app.db, CITIZEN).await?;
    assert_eq!(audit_count(&app.db, "sign_in_unlock", &id).await?, 1);
    // The owner signs in from that address again.
    let (_, session, body) = sign_in_from(&app, ip, CITIZEN, PASSWORD).await?;
    assert!(session, "{body}");
    // A made-up link does not unlock.
    let forged = owner
        .post(
            "/api/ui/unlock_sign_in",
            &[("token", "not-a-real-token-0000000000")],
        )
        .await?;
    assert!(forged.body.contains("link_invalid"), "{}", forged.body);
    Ok(())
}

#[tokio::test]
async fn a_password_reset_forgets_every_streak() -> TestResult {
    let app = TestApp::with_accounts().await?;
    for ip in ["203.0.113.1", "203.0.113.2"] {
        for _ in 0..2 {
            sign_in_from(&app, ip, CITIZEN, "sai-mat-khau-1").await?;
        }
    }
    let id = account_id(&app.db, CITIZEN).await?;
    let streaks = sign_in_guard::Entity::find()
        .filter(sign_in_guard::Column::Subject.eq(id.as_str()))
        .all(&app.db)
        .await?;
    assert_eq!(streaks.len(), 2);
    let mut browser = Browser::new(&app);
    browser
        .post("/api/ui/forgot_password", &[("identifier", CITIZEN)])
        .await?;
    let mail = outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(CITIZEN))
        .all(&app.db)
        .await?
        .into_iter()
        .find(|m| m.body.contains("token="))
        .ok_or("no reset mail")?;
    let token: String = mail
        .body
        .split_once("token=")
        .map(|(_, t)| {
            t.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .unwrap_or_default();
    let done = browser
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
        done.status.is_success() || done.status.is_redirection(),
        "{}",
        done.body
    );
    let left = sign_in_guard::Entity::find()
        .filter(sign_in_guard::Column::Subject.eq(id.as_str()))
        .all(&app.db)
        .await?;
    assert!(left.is_empty());
    Ok(())
}

/// A dossier of citizen 8 filed now: its code (the last four digits of the citizen ID are 0008).
async fn filed_code(app: &TestApp) -> Result<String, Box<dyn std::error::Error>> {
    let (_, id) = domain::testing::filed(&app.db, 8, Utc::now())
        .await
        .map_err(|e| e.to_string())?;
    Ok(domain::entities::dossier::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .and_then(|d| d.code)
        .ok_or("no code")?)
}

#[tokio::test]
async fn lookup_guesses_from_strangers_do_not_block_the_applicant() -> TestResult {
    let app = TestApp::new().await?;
    let code = filed_code(&app).await?;
    let now = Utc::now();
    clear_of_window_edge(600, 30).await;
    // Twenty strangers each try twelve wrong factors for the dossier: each is stopped after ten
    // (per address and code) …
    for s in 0..20 {
        let stranger = format!("10.9.{s}.1");
        for guess in 0..12 {
            let r = lookup(
                &app.db,
                &code,
                &format!("{:04}", 1000 + guess),
                &stranger,
                now,
            )
            .await;
            if guess < 10 {
                assert!(matches!(r, Err(DomainError::NotFound(_))), "{r:?}");
            } else {
                assert!(matches!(r, Err(DomainError::RateLimited { .. })), "{r:?}");
            }
        }
        // … including for the right factor, from that stranger's address …
        let r = lookup(&app.db, &code, "0008", &stranger, now).await;
        assert!(matches!(r, Err(DomainError::RateLimited { .. })), "{r:?}");
    }
    // … while the applicant gets the answer from their own address, as often as they like, and
    // a kiosk answering many people is never slowed by right answers.
    for _ in 0..60 {
        let status = lookup(&app.db, &code, "0008", "192.0.2.50", now).await?;
        assert_eq!(status.code, code);
    }
    // A guesser walking through other codes from one address is stopped by the address cap,
    // which then refuses that address only.
    for i in 0..30 {
        let r = lookup(
            &app.db,
            &format!("000.00.02.H53-261123-8{i:03}"),
            "0000",
            "10.8.0.1",
            now,
        )
        .await;
        assert!(
            matches!(r, Err(DomainError::NotFound(_))),
            "code {i}: {r:?}"
        );
    }
    let r = lookup(&app.db, &code, "0008", "10.8.0.1", now).await;
    assert!(matches!(r, Err(DomainError::RateLimited { .. })), "{r:?}");
    lookup(&app.db, &code, "0008", "10.8.0.2", now).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_lookup_guesses_count_like_fifty_sequential_ones() -> TestResult {
    let app = TestApp::new().await?;
    let code = filed_code(&app).await?;
    let now = Utc::now();
    clear_of_window_edge(600, 30).await;
    let mut runs = Vec::new();
    for (ip, parallel) in [("10.7.0.1", false), ("10.7.0.2", true)] {
        let mut outcomes = Vec::new();
        if parallel {
            let tasks: Vec<_> = (0..50)
                .map(|i| {
                    let db = app.db.clone();
                    let code = code.clone();
                    tokio::spawn(async move {
                        let r = lookup(&db, &code, &format!("{:04}", 2000 + i), ip, now).await;
                        match r {
                            Err(DomainError::NotFound(_)) => "miss",
                            Err(DomainError::RateLimited { .. }) => "rate limited",
                            _ => "other",
                        }
                    })
                })
                .collect();
            for joined in futures::future::join_all(tasks).await {
                outcomes.push(joined?);
            }
        } else {
            for i in 0..50 {
                let r = lookup(&app.db, &code, &format!("{:04}", 2000 + i), ip, now).await;
                outcomes.push(match r {
                    Err(DomainError::NotFound(_)) => "miss",
                    Err(DomainError::RateLimited { .. }) => "rate limited",
                    _ => "other",
                });
            }
        }
        runs.push(tally(&outcomes));
    }
    // Exactly ten guesses are answered (the per address and code allowance), in both runs: a
    // burst cannot slip more guesses past the limit than patience can.
    let expected = std::collections::BTreeMap::from([("miss", 10), ("rate limited", 40)]);
    assert_eq!(runs, vec![expected.clone(), expected]);
    Ok(())
}
