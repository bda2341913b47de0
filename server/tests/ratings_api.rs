//! Satisfaction ratings over HTTP (issue 24): the dossier page's plain form rates a refused
//! dossier of the demo citizen (the problems named in the address it goes back to), and a
//! mobile app reads and changes the rating through `/api/v1/dossiers/{id}/rating`, which the
//! OpenAPI describes. Runs on SQLite and PostgreSQL like every test.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::Utc;
use common::browser::Browser;
use common::TestApp;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test]
async fn the_applicant_rates_an_ended_dossier_on_its_page_and_through_the_api() -> TestResult {
    use domain::access::Role;
    use domain::dossiers::lifecycle::Transition;
    use domain::dossiers::processing::{self, Command};
    let app = TestApp::with_accounts().await?;
    let (_, id) = app.filed_by_demo_citizen().await?;
    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    let form = format!("/ho-so/{id}/danh-gia");
    // Still running: the page's form is refused with the reason named.
    let early = b.post(&form, &[("level", "satisfied")]).await?;
    assert_eq!(early.status, StatusCode::SEE_OTHER, "{}", early.body);
    let to = early
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        to.contains("danh-gia=loi") && to.contains("rating_not_ended"),
        "{to}"
    );

    let desk = domain::testing::staff(
        &app.db,
        "Phạm Văn Dũng",
        "000.00.02.H53",
        &[Role::IntakeClerk],
    )
    .await
    .map_err(|e| e.to_string())?;
    let refusal = Command {
        public_note: "Chưa đủ điều kiện".into(),
        ..Command::default()
    };
    processing::act(
        domain::testing::services(&app.db, Utc::now()),
        &desk,
        &id,
        Transition::Refuse,
        &refusal,
    )
    .await
    .map_err(|e| e.to_string())?;

    // The page's form: two reasons (a repeated field) and a comment.
    let saved = b
        .post(
            &form,
            &[
                ("level", "not_satisfied"),
                ("reasons", "waiting_time"),
                ("reasons", "extra_papers"),
                ("comment", "Bị yêu cầu thêm giấy tờ"),
            ],
        )
        .await?;
    let to = saved
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert_eq!(to, format!("/ho-so/{id}?danh-gia=da-luu#danh-gia"));

    let uri = format!("/api/v1/dossiers/{id}/rating");
    let call = |b: &Browser<'_>, method: Method, body: Option<Value>| {
        let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
        Request::builder()
            .method(method)
            .uri(&uri)
            .header(header::COOKIE, b.cookie_header())
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.map_or_else(Body::empty, |v| Body::from(v.to_string())))
    };
    let answer = b.send(call(&b, Method::GET, None)?).await?;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let got: Value = serde_json::from_str(&answer.body)?;
    assert_eq!(got["level"], "not_satisfied");
    assert_eq!(
        got["reasons"],
        serde_json::json!(["waiting_time", "extra_papers"])
    );
    assert_eq!(got["changeable"], true);
    let wrong = b
        .send(call(
            &b,
            Method::PUT,
            Some(serde_json::json!({ "level": "meh" })),
        )?)
        .await?;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST, "{}", wrong.body);
    assert!(wrong.body.contains("\"field\":\"level\""), "{}", wrong.body);
    let changed = b
        .send(call(
            &b,
            Method::PUT,
            Some(serde_json::json!({ "level": "satisfied" })),
        )?)
        .await?;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    let changed: Value = serde_json::from_str(&changed.body)?;
    assert_eq!(
        (
            changed["level"].as_str(),
            changed["reasons"].as_array().map(Vec::len)
        ),
        (Some("satisfied"), Some(0))
    );

    // Nobody else reads it.
    let mut anonymous = Browser::new(&app);
    let refused = anonymous.get(&uri).await?;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    let (_, _, spec) = app.get("/api/openapi.json").await?;
    assert!(
        spec.contains("/api/v1/dossiers/{id}/rating"),
        "the OpenAPI describes it"
    );
    Ok(())
}
