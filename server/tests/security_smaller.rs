//! The smaller items of the security issue (#22, point 10), each as the attack and its refusal,
//! through the whole router on SQLite (or PostgreSQL with `PORTAL_TEST_DATABASE_URL`):
//! a result opened by another site is not delivered; the staff dossier read that writes the
//! access log needs the CSRF token; an agency administrator cannot touch a system
//! administrator; API tokens expire and are renewed; an unverified business opens nobody
//! else's dossiers; `/metrics` answers only allowed addresses or the token; a path id with
//! markup comes back escaped.
//!
//! Longer than 600 lines on purpose: the smaller items of issue #22 point 10, one test each with
//! the same fixtures; splitting them would copy the fixtures.

mod common;

use std::error::Error;
use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use bytes::Bytes;
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};

use common::browser::{Answer, Browser};
use common::TestApp;
use domain::access::{Actor, Membership, Role};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::entities::{api_token, audit_log, dossier, organisation};
use domain::organisations::{self, NewOrganisation};
use domain::results::{self, Opening};
use domain::services::Services;
use domain::testing::services;
use domain::testing::{self, origin, staff};
use domain::DomainError;
use server::config::Config;

type TestResult = Result<(), Box<dyn Error>>;

const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";

/// The domain's test helpers fail with `Send + Sync` errors; these tests with plain ones.
fn plain<T>(r: Result<T, Box<dyn Error + Send + Sync>>) -> Result<T, Box<dyn Error>> {
    r.map_err(|e| e as Box<dyn Error>)
}

fn account_of(actor: &Actor) -> Result<String, Box<dyn Error>> {
    Ok(actor.account_id().ok_or("not a person")?.to_owned())
}

/// A browser signed in as `account_id` (session cookie and its CSRF token).
async fn signed_in<'a>(app: &'a TestApp, account_id: &str) -> Result<Browser<'a>, Box<dyn Error>> {
    let started = domain::sessions::start(
        &app.db,
        account_id,
        Config::default().session_policy(),
        &origin(),
        None,
    )
    .await?;
    let mut browser = Browser::new(app);
    browser.cookies.insert("sid".into(), started.token);
    browser.cookies.insert("csrf".into(), started.csrf_token);
    Ok(browser)
}

/// A download with extra headers, as `browser`: the status and content type.
async fn get_with(
    browser: &mut Browser<'_>,
    uri: &str,
    headers: &[(&str, &str)],
) -> Result<(StatusCode, Option<String>), Box<dyn Error>> {
    use tower::ServiceExt;
    let mut request = Request::get(uri).header(header::COOKIE, browser.cookie_header());
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = browser
        .app
        .router
        .clone()
        .oneshot(request.body(Body::empty())?)
        .await?;
    let kind = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok((response.status(), kind))
}

/// A server-function POST that omits the CSRF token (what another site's form would send).
async fn post_without_token(
    browser: &mut Browser<'_>,
    uri: &str,
    body: &str,
) -> Result<Answer, Box<dyn Error>> {
    let request = Request::post(uri)
        .header(header::COOKIE, browser.cookie_header())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(body.to_owned()))?;
    browser.send(request).await
}

async fn audit_count(
    db: &DatabaseConnection,
    action: &str,
    target: &str,
) -> Result<u64, Box<dyn Error>> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::TargetId.eq(target))
        .count(db)
        .await?)
}

async fn status_of(db: &DatabaseConnection, id: &str) -> Result<String, Box<dyn Error>> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or("no dossier")?
        .status)
}

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .unwrap_or_default()
}

/// A one-page PDF standing for the issued licence.
fn licence() -> Result<Bytes, Box<dyn Error>> {
    Ok(Bytes::from(domain::receipt_pdf::render(
        &domain::receipt_pdf::ReceiptDocument {
            authority: "UBND TỈNH TÂY NINH".into(),
            office: "SỞ Y TẾ".into(),
            title: "GIẤY CHỨNG NHẬN".into(),
            code_line: "Số 1/2026".into(),
            qr_payload: "https://dvc.example".into(),
            ..Default::default()
        },
    )?))
}

#[tokio::test]
async fn a_result_opened_from_another_site_is_not_delivered_but_from_the_portal_it_is() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files)?;
    let db = domain::testing::seeded_database(common::today()).await?;
    let app = TestApp::configured(db.clone(), |c| c.files_dir = files.clone()).await?;
    let store = object_store::local::LocalFileSystem::new_with_prefix(&files)?;

    // A dossier asking for an electronic result, processed and signed.
    let clerk = plain(staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await)?;
    let specialist = plain(staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await)?;
    let leader = plain(staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await)?;
    let now = monday_nine();
    let (owner, id) = plain(testing::filed(&db, 3, now).await)?;
    plain(
        testing::act_all(
            &db,
            &id,
            &[
                (&clerk, Transition::Accept),
                (&specialist, Transition::Assign),
            ],
            now,
        )
        .await,
    )?;
    results::upload(
        Services {
            files: &store,
            ..services(&db, now)
        },
        &specialist,
        &id,
        "kq.pdf",
        licence()?,
    )
    .await?;
    processing::act(
        services(&db, now),
        &specialist,
        &id,
        Transition::Forward,
        &Command::default(),
    )
    .await?;
    results::approve(
        Services {
            files: &store,
            ..services(&db, now + Duration::hours(1))
        },
        &leader,
        &id,
        &Command::default(),
    )
    .await?;
    assert_eq!(status_of(&db, &id).await?, "processed");

    let mut citizen = signed_in(&app, &account_of(&owner)?).await?;
    let url = format!("/ho-so/{id}/ket-qua.pdf");
    // The attack: a link, image or frame on another site makes the signed-in browser fetch the
    // result. The file is served (the browser may show it) but nothing is delivered.
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![
            ("host", "dvc.example"),
            ("referer", "https://evil.example/x"),
        ],
        vec![("host", "dvc.example"), ("origin", "https://evil.example")],
        vec![("host", "dvc.example")],
    ] {
        let (status, kind) = get_with(&mut citizen, &url, &headers).await?;
        assert_eq!(status, StatusCode::OK, "{headers:?}");
        assert_eq!(kind.as_deref(), Some("application/pdf"));
        assert_eq!(status_of(&db, &id).await?, "processed", "{headers:?}");
    }
    assert_eq!(audit_count(&db, "dossier.return", &id).await?, 0);

    // From the portal's own page: delivered, once.
    let (status, _) = get_with(&mut citizen, &url, &[("sec-fetch-site", "same-origin")]).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&db, &id).await?, "returned");
    assert_eq!(audit_count(&db, "dossier.return", &id).await?, 1);

    // The rule for each kind of request.
    let judged = |pairs: &[(&str, &str)]| -> Result<Opening, Box<dyn Error>> {
        let mut headers = http::HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(
                http::HeaderName::from_bytes(name.as_bytes())?,
                value.parse()?,
            );
        }
        Ok(server::routes::results::opening(&headers))
    };
    assert_eq!(
        judged(&[("sec-fetch-site", "same-site")])?,
        Opening::Deliberate
    );
    // Typed, bookmarked or opened from another application: no other site can cause it.
    assert_eq!(judged(&[("sec-fetch-site", "none")])?, Opening::Deliberate);
    // Fetch Metadata wins over a Referer naming the portal.
    assert_eq!(
        judged(&[
            ("sec-fetch-site", "cross-site"),
            ("host", "dvc.example"),
            ("referer", "https://dvc.example/ho-so/1"),
        ])?,
        Opening::FromElsewhere
    );
    // An older browser: the portal's own Referer counts, another one's does not.
    assert_eq!(
        judged(&[
            ("host", "dvc.example"),
            ("referer", "https://dvc.example/ho-so/1")
        ])?,
        Opening::Deliberate
    );
    assert_eq!(
        judged(&[
            ("host", "dvc.example"),
            ("referer", "https://dvc.example.evil.test/")
        ])?,
        Opening::FromElsewhere
    );
    Ok(())
}

#[tokio::test]
async fn the_staff_dossier_read_that_writes_the_access_log_needs_the_csrf_token() -> TestResult {
    let app = TestApp::new().await?;
    let clerk = plain(staff(&app.db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await)?;
    let (_, id) = plain(testing::filed(&app.db, 4, Utc::now()).await)?;
    let mut browser = signed_in(&app, &account_of(&clerk)?).await?;

    // The attack: another site posts the read for the signed-in clerk, filling the dossier's
    // access log with a visit that never happened.
    let forged =
        post_without_token(&mut browser, "/api/ui/staff_dossier", &format!("id={id}")).await?;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "{}", forged.body);
    assert_eq!(audit_count(&app.db, "dossier.view", &id).await?, 0);

    // The page's own call carries the token: the visit is read and logged.
    let real = browser
        .post("/api/ui/staff_dossier", &[("id", id.as_str())])
        .await?;
    assert_eq!(real.status, StatusCode::OK, "{}", real.body);
    assert_eq!(audit_count(&app.db, "dossier.view", &id).await?, 1);

    // The public lookup counts failures: it needs the token too.
    let mut visitor = Browser::new(&app);
    let forged = post_without_token(
        &mut visitor,
        "/api/ui/lookup",
        "code=000.00.02.H53-261123-0001&factor=1234",
    )
    .await?;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "{}", forged.body);
    Ok(())
}

#[tokio::test]
async fn an_agency_administrator_cannot_disable_or_change_a_system_administrator() -> TestResult {
    let app = TestApp::new().await?;
    let admin = plain(staff(&app.db, "Quản trị Sở", DEPT, &[Role::AgencyAdmin]).await)?;
    let root = plain(staff(&app.db, "Quản trị hệ thống", DEPT, &[Role::SystemAdmin]).await)?;
    let colleague = plain(staff(&app.db, "Chuyên viên", DEPT, &[Role::Specialist]).await)?;
    let root_id = account_of(&root)?;

    // The attack: the agency administrator locks the system administrator out, or changes
    // their roles while keeping "system_admin" so the grant rule alone would not notice.
    for (roles, disable) in [
        (vec!["system_admin"], true),
        (vec!["system_admin", "leader"], false),
        (vec!["specialist"], false),
    ] {
        let roles: Vec<String> = roles.into_iter().map(str::to_owned).collect();
        let refused =
            domain::staff::update(&app.db, &admin, &root_id, &roles, disable, &origin()).await;
        assert!(
            matches!(refused, Err(DomainError::Forbidden(_))),
            "{roles:?} {disable}: {refused:?}"
        );
    }
    let kept = domain::entities::account::Entity::find_by_id(root_id.clone())
        .one(&app.db)
        .await?
        .ok_or("root")?;
    assert!(!kept.disabled);
    assert_eq!(kept.roles, "system_admin");
    let denied = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("role_change"))
        .filter(audit_log::Column::TargetId.eq(&root_id))
        .filter(audit_log::Column::Outcome.eq("denied"))
        .count(&app.db)
        .await?;
    assert_eq!(denied, 3);

    // The same through the API, as the agency administrator's browser.
    let mut browser = signed_in(&app, &account_of(&admin)?).await?;
    let csrf = browser.cookies.get("csrf").cloned().unwrap_or_default();
    let request = Request::patch(format!("/api/v1/staff/{root_id}"))
        .header(header::COOKIE, browser.cookie_header())
        .header("x-csrf-token", csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            serde_json::json!({ "roles": ["system_admin"], "disabled": true }).to_string(),
        ))?;
    let answer = browser.send(request).await?;
    assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.body);

    // Their own staff they still manage; a system administrator manages the other.
    domain::staff::update(
        &app.db,
        &admin,
        &account_of(&colleague)?,
        &["specialist".into(), "leader".into()],
        false,
        &origin(),
    )
    .await?;
    let other_root = plain(staff(&app.db, "Quản trị 2", DESK, &[Role::SystemAdmin]).await)?;
    domain::staff::update(
        &app.db,
        &other_root,
        &root_id,
        &["system_admin".into(), "leader".into()],
        false,
        &origin(),
    )
    .await?;
    Ok(())
}

async fn call_api(app: &TestApp, token: &str) -> Result<StatusCode, Box<dyn Error>> {
    let request = Request::get("/api/v1/staff?agency=000.00.12.H53")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())?;
    Ok(app.request(request).await?.0)
}

#[tokio::test]
async fn api_tokens_expire_answer_401_and_are_renewed_with_an_audit_entry() -> TestResult {
    let app = TestApp::new().await?;
    let root = plain(staff(&app.db, "Quản trị hệ thống", DEPT, &[Role::SystemAdmin]).await)?;
    let (row, token) = domain::api_tokens::issue(
        &app.db,
        &root,
        "Ki-ốt tầng 1",
        &["staff:read".into()],
        None,
        &origin(),
    )
    .await?;
    // Issued for 90 days.
    let expires = row.expires_at.ok_or("no expiry")?;
    assert!(
        (expires - (Utc::now() + Duration::days(90)))
            .num_minutes()
            .abs()
            <= 1
    );
    assert_eq!(call_api(&app, &token).await?, StatusCode::OK);

    // The attack: a token copied into a forgotten script works forever. Past its expiry: 401.
    api_token::Entity::update(api_token::ActiveModel {
        id: Set(row.id.clone()),
        expires_at: Set(Some(Utc::now() - Duration::minutes(1))),
        ..Default::default()
    })
    .exec(&app.db)
    .await?;
    assert_eq!(call_api(&app, &token).await?, StatusCode::UNAUTHORIZED);
    // A token from before expiry existed counts 90 days from its issue.
    let (old, old_token) = domain::api_tokens::issue(
        &app.db,
        &root,
        "Hệ thống cũ",
        &["staff:read".into()],
        None,
        &origin(),
    )
    .await?;
    api_token::Entity::update(api_token::ActiveModel {
        id: Set(old.id.clone()),
        expires_at: Set(None),
        created_at: Set(Utc::now() - Duration::days(91)),
        ..Default::default()
    })
    .exec(&app.db)
    .await?;
    assert_eq!(call_api(&app, &old_token).await?, StatusCode::UNAUTHORIZED);

    // The administrator renews it from the page (a form post carrying the CSRF token); one
    // without the token is refused.
    let mut browser = signed_in(&app, &account_of(&root)?).await?;
    let forged = post_without_token(
        &mut browser,
        "/api/ui/renew_token",
        &format!("id={}", row.id),
    )
    .await?;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(call_api(&app, &token).await?, StatusCode::UNAUTHORIZED);
    let renewed = browser
        .post("/api/ui/renew_token", &[("id", row.id.as_str())])
        .await?;
    assert!(
        renewed.status.is_success() || renewed.status.is_redirection(),
        "{} {}",
        renewed.status,
        renewed.body
    );
    assert_eq!(call_api(&app, &token).await?, StatusCode::OK);
    let entry = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("api_token_renewed"))
        .filter(audit_log::Column::TargetId.eq(&row.id))
        .one(&app.db)
        .await?
        .ok_or("renewal not audited")?;
    assert_eq!(entry.actor_id.as_deref(), Some(account_of(&root)?.as_str()));
    let detail = entry.detail.ok_or("no detail")?;
    assert!(detail.get("from").is_some() && detail.get("to").is_some());

    // The list shows the expiry; only system administrators renew; a revoked token stays dead.
    let specialist = plain(staff(&app.db, "Chuyên viên", DEPT, &[Role::Specialist]).await)?;
    assert!(matches!(
        domain::api_tokens::renew(&app.db, &specialist, &old.id, &origin()).await,
        Err(DomainError::Forbidden(_))
    ));
    domain::api_tokens::revoke(&app.db, &root, &old.id, &origin()).await?;
    assert!(matches!(
        domain::api_tokens::renew(&app.db, &root, &old.id, &origin()).await,
        Err(DomainError::Validation(_))
    ));
    assert_eq!(call_api(&app, &old_token).await?, StatusCode::UNAUTHORIZED);
    Ok(())
}

/// Organisation `tax_code` registered by `representative` with `member` added to it.
async fn business(
    db: &DatabaseConnection,
    representative: &str,
    member_email: Option<&str>,
    tax_code: &str,
) -> Result<organisation::Model, Box<dyn Error>> {
    let actor = Actor::Citizen {
        account_id: representative.to_owned(),
        memberships: Vec::new(),
    };
    let org = organisations::register(
        db,
        &actor,
        &NewOrganisation {
            tax_code: tax_code.into(),
            name: "Công ty thử nghiệm".into(),
            representative_name: "Người đại diện".into(),
            ..Default::default()
        },
        &origin(),
    )
    .await?;
    if let Some(email) = member_email {
        let representing = Actor::Citizen {
            account_id: representative.to_owned(),
            memberships: vec![Membership {
                organisation_id: org.id.clone(),
                representative: true,
            }],
        };
        organisations::add_member(db, &representing, &org.id, email, &origin()).await?;
    }
    Ok(org)
}

#[tokio::test]
async fn an_unverified_business_opens_nobody_elses_dossiers_until_a_clerk_verifies_it() -> TestResult
{
    let app = TestApp::new().await?;
    let db = &app.db;
    // The attack: someone registers a business's tax code (nothing proves it is theirs) and
    // expects to read what the business's employees filed for it.
    let squatter = plain(testing::citizen(db, 1).await)?;
    let (employee, id) = plain(testing::filed(db, 2, Utc::now()).await)?;
    let org = business(
        db,
        &account_of(&squatter)?,
        Some("nhung2@example.vn"),
        "3901112226",
    )
    .await?;
    assert!(org.verified_at.is_none());
    dossier::Entity::update_many()
        .col_expr(
            dossier::Column::OrganisationId,
            sea_orm::sea_query::Expr::value(Some(org.id.clone())),
        )
        .filter(dossier::Column::Id.eq(&id))
        .exec(db)
        .await?;
    let events = format!("/api/v1/dossiers/{id}/events");
    let mut browser = signed_in(&app, &account_of(&squatter)?).await?;
    let refused = browser.get(&events).await?;
    assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
    // The employee who filed it still sees it.
    let mut own = signed_in(&app, &account_of(&employee)?).await?;
    assert_eq!(own.get(&events).await?.status, StatusCode::OK);

    // Only a desk clerk verifies (after checking the papers at the counter).
    let specialist = plain(staff(db, "Chuyên viên", DEPT, &[Role::Specialist]).await)?;
    for who in [&squatter, &specialist] {
        let refused =
            organisations::verify_by_clerk(db, who, "3901112226", &origin(), Utc::now()).await;
        assert!(
            matches!(refused, Err(DomainError::Forbidden(_))),
            "{refused:?}"
        );
    }
    let clerk = plain(staff(db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await)?;
    let verified =
        organisations::verify_by_clerk(db, &clerk, "390-111-2226", &origin(), Utc::now()).await?;
    assert!(verified.verified_at.is_some());
    assert_eq!(
        verified.verified_by.as_deref(),
        Some(account_of(&clerk)?.as_str())
    );
    let entry = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("organisation_verified"))
        .filter(audit_log::Column::TargetId.eq(&org.id))
        .one(db)
        .await?
        .ok_or("verification not audited")?;
    assert_eq!(
        entry
            .detail
            .as_ref()
            .and_then(|d| d.get("method"))
            .and_then(|m| m.as_str()),
        Some("clerk")
    );

    // Verified: the members see the business's dossiers; outsiders still do not.
    assert_eq!(browser.get(&events).await?.status, StatusCode::OK);
    let outsider = plain(testing::citizen(db, 5).await)?;
    let mut outside = signed_in(&app, &account_of(&outsider)?).await?;
    assert_eq!(outside.get(&events).await?.status, StatusCode::NOT_FOUND);
    Ok(())
}

/// The portal served on a real port (the national-identity client and the business registry
/// client call it over HTTP, as they would call the real providers).
struct Live {
    base: String,
    http: reqwest::Client,
    db: DatabaseConnection,
    _dir: tempfile::TempDir,
}

impl Live {
    async fn start() -> Result<Live, Box<dyn Error>> {
        let served = common::live::serve(|_| {}).await?;
        Ok(Live {
            base: served.base,
            http: served.http,
            db: served.db,
            _dir: served.dir,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn location(response: &reqwest::Response) -> Result<String, Box<dyn Error>> {
        Ok(response
            .headers()
            .get(reqwest::header::LOCATION)
            .ok_or("no Location header")?
            .to_str()?
            .to_owned())
    }

    /// Signs in at the simulated provider as `subject`, following every hop.
    async fn sign_in_as(&self, subject: &str) -> Result<(), Box<dyn Error>> {
        let start = self
            .http
            .get(self.url("/dang-nhap/dinh-danh?next=/ho-so"))
            .send()
            .await?;
        assert_eq!(start.status(), reqwest::StatusCode::SEE_OTHER);
        // The browser keeps the cookies the start sets (the flow is bound to it).
        let cookies = start
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
            .collect::<Vec<_>>()
            .join("; ");
        let page = self
            .http
            .get(Self::location(&start)?)
            .send()
            .await?
            .text()
            .await?;
        let mut form: Vec<(String, String)> = page
            .split("<input type=\"hidden\" name=\"")
            .skip(1)
            .filter_map(|rest| {
                let (name, rest) = rest.split_once("\" value=\"")?;
                let (value, _) = rest.split_once('"')?;
                let value = value
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
                Some((name.to_owned(), value))
            })
            .collect();
        form.push(("identity".into(), subject.into()));
        form.push(("action".into(), "approve".into()));
        let decided = self
            .http
            .post(self.url("/gia-lap/dinh-danh/authorize"))
            .form(&form)
            .send()
            .await?;
        assert_eq!(decided.status(), reqwest::StatusCode::SEE_OTHER);
        let callback = self
            .http
            .get(Self::location(&decided)?)
            .header(reqwest::header::COOKIE, cookies)
            .send()
            .await?;
        assert_eq!(callback.status(), reqwest::StatusCode::SEE_OTHER);
        assert_eq!(Self::location(&callback)?, "/ho-so");
        Ok(())
    }
}

#[tokio::test]
async fn the_representative_named_by_the_registry_verifies_the_business_by_signing_in() -> TestResult
{
    let live = Live::start().await?;
    // The registry simulator speaks the JSON protocol the client reads.
    let record: serde_json::Value = live
        .http
        .get(live.url("/gia-lap/dang-ky-kinh-doanh/api/doanh-nghiep/3901112226"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(record["representative_citizen_id"], "079085001234");
    let missing = live
        .http
        .get(live.url("/gia-lap/dang-ky-kinh-doanh/api/doanh-nghiep/0101234565"))
        .send()
        .await?;
    assert_eq!(missing.status(), reqwest::StatusCode::NOT_FOUND);

    // Nguyễn Văn An (079085001234) signs in once, which creates the account.
    const AN: &str = "5f0c2a9e-1b7d-4c3a-9e2f-0a1b2c3d4e01";
    live.sign_in_as(AN).await?;
    let account = domain::entities::account::Entity::find()
        .filter(domain::entities::account::Column::NationalIdSubject.eq(AN))
        .one(&live.db)
        .await?
        .ok_or("no account")?;
    // He registers his own company, and one whose registered representative is someone else.
    let own = business(&live.db, &account.id, None, "3901112226").await?;
    let other = business(&live.db, &account.id, None, "3907654320").await?;
    assert!(own.verified_at.is_none() && other.verified_at.is_none());

    // Signing in again with the national identity verifies the one the registry names him for.
    live.sign_in_as(AN).await?;
    let own = organisation::Entity::find_by_id(own.id)
        .one(&live.db)
        .await?
        .ok_or("own")?;
    assert!(own.verified_at.is_some());
    assert_eq!(own.verified_by.as_deref(), Some(account.id.as_str()));
    let other = organisation::Entity::find_by_id(other.id)
        .one(&live.db)
        .await?
        .ok_or("other")?;
    assert!(
        other.verified_at.is_none(),
        "another representative's business"
    );
    let entry = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("organisation_verified"))
        .filter(audit_log::Column::TargetId.eq(&own.id))
        .one(&live.db)
        .await?
        .ok_or("verification not audited")?;
    assert_eq!(
        entry
            .detail
            .as_ref()
            .and_then(|d| d.get("method"))
            .and_then(|m| m.as_str()),
        Some("national_id")
    );
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("organisation_verified"))
            .count(&live.db)
            .await?,
        1
    );
    Ok(())
}

async fn metrics_from(
    app: &TestApp,
    peer: &str,
    headers: &[(&str, &str)],
) -> Result<StatusCode, Box<dyn Error>> {
    let mut request = Request::get("/metrics");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::empty())?;
    let peer: SocketAddr = peer.parse()?;
    request.extensions_mut().insert(ConnectInfo(peer));
    Ok(app.request(request).await?.0)
}

#[tokio::test]
async fn metrics_answer_only_allowed_addresses_or_the_token() -> TestResult {
    let db = domain::testing::fresh_database().await?;
    let app = TestApp::configured(db, |c| {
        c.metrics_allow = "127.0.0.1, 10.0.0.0/8".into();
        c.metrics_token = server::ops::metrics_access::MetricsToken::new("scrape-secret");
    })
    .await?;
    // The attack: anyone on the internet reads which features are used and how busy the site
    // is; or comes through the local reverse proxy, whose address is loopback.
    assert_eq!(
        metrics_from(&app, "203.0.113.9:5000", &[]).await?,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        metrics_from(
            &app,
            "127.0.0.1:5000",
            &[("x-forwarded-for", "203.0.113.9")]
        )
        .await?,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        metrics_from(
            &app,
            "203.0.113.9:5000",
            &[("authorization", "Bearer wrong")]
        )
        .await?,
        StatusCode::NOT_FOUND
    );
    // Allowed: loopback, the configured range, or the token from anywhere.
    assert_eq!(
        metrics_from(&app, "127.0.0.1:5000", &[]).await?,
        StatusCode::OK
    );
    assert_eq!(
        metrics_from(&app, "10.20.30.40:5000", &[]).await?,
        StatusCode::OK
    );
    assert_eq!(
        metrics_from(
            &app,
            "203.0.113.9:5000",
            &[("authorization", "Bearer scrape-secret")]
        )
        .await?,
        StatusCode::OK
    );
    // An allow list that does not parse stops the start-up, naming the setting.
    let bad = Config {
        metrics_allow: "10.0.0.0/33".into(),
        ..Config::default()
    };
    let refused = bad
        .validate()
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(refused.contains("PORTAL_METRICS_ALLOW"), "{refused}");
    Ok(())
}

#[tokio::test]
async fn a_path_id_with_markup_comes_back_escaped() -> TestResult {
    let app = TestApp::new().await?;
    let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    for uri in [
        format!("/gia-lap/dang-ky-kinh-doanh/{script}"),
        format!("/xac-thuc/{script}"),
        format!("/ho-so/{script}"),
        format!("/mot-cua/ho-so/{script}"),
    ] {
        let (status, _, body) = app.get(&uri).await?;
        assert!(!body.contains("<script>alert(1)"), "{uri} {status}: {body}");
    }
    let (status, _, body) = app
        .get(&format!("/gia-lap/dang-ky-kinh-doanh/{script}"))
        .await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    Ok(())
}
