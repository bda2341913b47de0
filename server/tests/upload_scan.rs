//! Uploads go through the virus scanner when `clamd_address` is set: against a real clamd
//! started by the test, the EICAR test file is refused with the reason and audited, whatever
//! name it carries, and leaves nothing stored; a clean scan is attached and marked scanned.

mod common;

#[path = "../../domain/tests/support/clamd.rs"]
mod clamd;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::browser::Browser;
use common::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test]
async fn the_eicar_file_is_refused_and_a_clean_scan_is_attached() -> TestResult {
    let Some(clamd) = clamd::start_clamd().await? else {
        return Ok(());
    };
    let db = domain::testing::seeded_database(chrono::Utc::now().date_naive()).await?;
    domain::demo_accounts::load(&db, &domain::testing::seed_dir().join("demo/accounts.json"))
        .await?;
    let address = clamd.tcp.clone();
    let app = TestApp::configured(db, move |c| c.clamd_address = Some(address)).await?;
    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    let created = {
        let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
        let request = Request::post("/api/v1/dossiers")
            .header(header::COOKIE, b.cookie_header())
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"procedure_code":"TN.ATTP.001"}"#))?;
        b.send(request).await?
    };
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let dossier: Value = serde_json::from_str(&created.body)?;
    let id = dossier["id"].as_str().ok_or("id")?.to_owned();
    let uri = format!("/api/v1/dossiers/{id}/files?slot=giay_to_1&name=giay-to.pdf");

    // EICAR named .pdf: refused as malware (not as a wrong type), and audited.
    let (status, refused) = b.upload_raw(&uri, clamd::EICAR).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    assert_eq!(refused["fields"][0]["field"], "doc-giay_to_1");
    let message = refused["fields"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("diệt virus"),
        "the reason, in Vietnamese: {message}"
    );
    let audited = domain::entities::audit_log::Entity::find()
        .filter(domain::entities::audit_log::Column::Action.eq("dossier.file_refused"))
        .all(&app.db)
        .await?;
    assert_eq!(audited.len(), 1);
    let detail = audited[0].detail.clone().unwrap_or_default().to_string();
    assert!(
        detail.contains("EICAR") || detail.contains("eicar"),
        "{detail}"
    );
    assert_eq!(
        domain::entities::stored_file::Entity::find()
            .count(&app.db)
            .await?,
        0,
        "nothing of it is kept"
    );

    // A clean scan passes and is recorded as scanned.
    let (status, file) = b
        .upload_raw(&uri, b"%PDF-1.4\n% a clean scan\n%%EOF\n")
        .await?;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    let stored = domain::entities::stored_file::Entity::find()
        .all(&app.db)
        .await?;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].scan, "clean");
    Ok(())
}
