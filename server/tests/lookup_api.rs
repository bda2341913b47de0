//! `GET /api/v1/lookup/{code}` without signing in: the status of a filed dossier for its code and
//! the last four digits of the applicant's phone or citizen ID, without personal data; a wrong
//! factor gets the same 404 as an unknown code; junk gets a 400 naming the parameter, never a
//! 500. Runs on SQLite and PostgreSQL like every test.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use domain::entities::dossier;
use sea_orm::EntityTrait;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

#[tokio::test]
async fn the_lookup_answers_the_status_without_personal_data() -> TestResult {
    let app = TestApp::new().await.map_err(|e| e.to_string())?;
    let (_, id) = domain::testing::filed(&app.db, 11, Utc::now()).await?;
    let d = dossier::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .ok_or("dossier")?;
    let code = d.code.clone().ok_or("code")?;
    let app = &app;
    let get = |uri: String| async move { app.get(&uri).await.map_err(|e| e.to_string()) };

    let (status, _, body) = get(format!("/api/v1/lookup/{code}?factor=0011")).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let v: Value = serde_json::from_str(&body)?;
    assert_eq!(v["code"], code.as_str());
    assert_eq!(v["status"], d.status.as_str());
    assert_eq!(v["status_number"], 1);
    assert_eq!(v["holding_agency_code"], "000.00.02.H53");
    // Nothing about the person: name, citizen ID, phone, e-mail, address.
    let applicant: Value = d.applicant.clone();
    for key in ["full_name", "citizen_id", "phone", "email", "street"] {
        let value = applicant[key].as_str().unwrap_or_default();
        assert!(!value.is_empty(), "the applicant has a {key}");
        assert!(!body.contains(value), "{key} leaked: {body}");
    }

    let (status, _, body) = get(format!("/api/v1/lookup/{code}?factor=9999")).await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let wrong: Value = serde_json::from_str(&body)?;
    let (status, _, body) =
        get("/api/v1/lookup/000.00.02.H53-261123-9999?factor=0011".into()).await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body)?,
        wrong,
        "a wrong factor reads like an unknown code"
    );

    for (uri, field) in [
        (format!("/api/v1/lookup/{code}"), "factor"),
        (format!("/api/v1/lookup/{code}?factor=12ab"), "factor"),
        ("/api/v1/lookup/abc?factor=0011".to_owned(), "code"),
        (
            "/api/v1/lookup/%27%3B%20drop%20table?factor=0011".to_owned(),
            "code",
        ),
        ("/api/v1/lookup/%FF%FE?factor=0011".to_owned(), ""),
    ] {
        let (status, _, body) = get(uri.clone()).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        if !field.is_empty() {
            let v: Value = serde_json::from_str(&body)?;
            assert_eq!(v["fields"][0]["field"], field, "{uri}: {body}");
        }
    }

    let (_, _, spec) = get("/api/openapi.json".into()).await?;
    let spec: Value = serde_json::from_str(&spec)?;
    assert!(spec["paths"]["/api/v1/lookup/{code}"]["get"].is_object());
    Ok(())
}
