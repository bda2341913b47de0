//! One error → HTTP mapping (issue 28): the status comes from `DomainError::status` on every
//! surface. Malformed or mistyped JSON sent to the API gets the API's error body (400
//! `validation` naming `body`; 415 without a JSON content type) instead of axum's plain text,
//! and a conflict is 409 for a form post too (deleting a dossier that was filed meanwhile was a
//! 500 with an error log). Runs on SQLite and PostgreSQL like every test.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::browser::Browser;
use common::TestApp;
use sea_orm::EntityTrait;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Sends `body` as it is to the API with the browser's session, and `content_type` if any.
async fn raw(
    b: &mut Browser<'_>,
    uri: &str,
    body: &str,
    content_type: Option<&str>,
) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::COOKIE, b.cookie_header())
        .header("x-csrf-token", csrf);
    if let Some(t) = content_type {
        request = request.header(header::CONTENT_TYPE, t);
    }
    let answer = b.send(request.body(Body::from(body.to_owned()))?).await?;
    let value = serde_json::from_str(&answer.body)
        .map_err(|e| format!("not the API's JSON body ({e}): {}", answer.body))?;
    Ok((answer.status, value))
}

#[tokio::test]
async fn malformed_json_gets_the_apis_error_body() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    let json = Some("application/json");

    let (status, body) = raw(&mut b, "/api/v1/dossiers", "{not json", json).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "validation");
    assert_eq!(body["fields"][0]["field"], "body");
    assert!(body["fields"][0]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));

    // Well-formed, but not the expected shape: the same body (was axum's plain-text 422).
    let (status, body) = raw(&mut b, "/api/v1/dossiers", r#"{"procedure_code": 5}"#, json).await?;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("validation")),
        "{body}"
    );

    // No JSON content type: 415, still the API's body.
    let (status, body) = raw(
        &mut b,
        "/api/v1/dossiers",
        r#"{"procedure_code": "TN.ATTP.001"}"#,
        None,
    )
    .await?;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some("unsupported_media_type")
        ),
        "{body}"
    );
    Ok(())
}

#[tokio::test]
async fn a_conflict_answers_409_to_a_form_post() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, id) = app.filed_by_demo_citizen().await?;

    // The draft's "delete" form, sent from a page opened before it was filed.
    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let request = Request::post(format!("/ho-so/{id}/xoa"))
        .header(header::COOKIE, b.cookie_header())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf_token={csrf}")))?;
    let answer = b.send(request).await?;
    assert_eq!(answer.status, StatusCode::CONFLICT, "{}", answer.body);
    // Nothing was deleted.
    assert!(domain::entities::dossier::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .is_some_and(|d| d.code.is_some()));
    Ok(())
}
