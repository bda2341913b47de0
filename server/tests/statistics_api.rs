//! The public statistics over HTTP (issue 24): the `/thong-ke` page (a plain GET form, no
//! JavaScript), its refusals named per field, and the open data under `/api/v1/statistics` —
//! JSON, CSV and the data dictionary, counts from 1 to 4 suppressed — which the OpenAPI
//! describes. Runs on SQLite and PostgreSQL like every test.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test]
async fn the_statistics_page_and_the_open_data_agree_and_suppress_small_counts() -> TestResult {
    use domain::access::Role;
    use domain::dossiers::lifecycle::Transition;
    use domain::dossiers::processing::{self, Command};
    let app = TestApp::with_accounts().await?;
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(app.filed_by_demo_citizen().await?.1);
    }
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
        &ids[0],
        Transition::Refuse,
        &refusal,
    )
    .await
    .map_err(|e| e.to_string())?;

    // The page: this month's figures, without JavaScript.
    let (status, _, page) = app.get("/thong-ke").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Thống kê tình hình giải quyết"), "title");
    assert!(
        page.contains("<th scope=\"row\">Tiếp nhận trong kỳ</th><td class=\"num\">6</td>"),
        "six received: {page}"
    );
    assert!(
        page.contains("<th scope=\"row\">Trực tuyến</th><td class=\"num\">6</td>"),
        "all online"
    );
    assert!(page.contains("<svg"), "a chart");
    assert!(
        page.contains("/api/v1/statistics.csv?period="),
        "the download link"
    );
    // A refused choice is named, the form kept.
    let (status, _, bad) = app
        .get("/thong-ke?period=2026-13&procedure=KHONG.CO")
        .await?;
    assert_eq!(status, StatusCode::OK);
    assert!(
        bad.contains("Hãy chọn tháng, quý hoặc năm trong danh sách."),
        "{bad}"
    );
    assert!(
        !bad.contains("stat-report"),
        "no figures for a refused form"
    );

    // JSON: the refusal is one dossier, suppressed; the six received are published.
    let (status, _, body) = app.get("/api/v1/statistics").await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let v: Value = serde_json::from_str(&body)?;
    assert_eq!(v["figures"]["received"], 6);
    assert_eq!(v["figures"]["received_online"], 6);
    assert_eq!(v["figures"]["refused"], Value::Null, "1 is suppressed");
    assert_eq!(v["figures"]["pending_in_time"], 5);
    assert_eq!(v["suppressed_below"], 5);
    assert!(v["licence"]
        .as_str()
        .unwrap_or_default()
        .contains("CC BY 4.0"));
    let desk_line = v["by_agency"]
        .as_array()
        .and_then(|a| a.iter().find(|l| l["agency_code"] == "000.00.02.H53"))
        .ok_or("the desk's line")?;
    assert_eq!(desk_line["figures"]["received"], 6);
    // The province's root agency rolls up the whole province; the procedure narrows it.
    let (_, _, body) = app
        .get("/api/v1/statistics?agency=000.00.00.H53&procedure=TN.ATTP.001")
        .await?;
    let v: Value = serde_json::from_str(&body)?;
    assert_eq!(v["figures"]["received"], 6, "{body}");
    let (status, _, body) = app.get("/api/v1/statistics?agency=NONE").await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"field\":\"agency\""), "{body}");
    let (status, _, body) = app
        .get("/api/v1/statistics?from=2026-12-09&to=2026-12-01")
        .await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"field\":\"from\""), "{body}");

    // CSV: a header, the whole scope, then each agency.
    let (status, headers, csv) = app.get("/api/v1/statistics.csv").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(headers
        .get("content-type")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.starts_with("text/csv")));
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap_or_default()
        .starts_with("period,agency_code,agency_name,carried_over,received,"));
    let total = lines.next().unwrap_or_default();
    assert!(total.contains(",*,,"), "{total}");
    let fields: Vec<&str> = total.split(',').collect();
    assert_eq!(
        (fields[4], fields[8 + 3]),
        ("6", ""),
        "received 6, refused suppressed: {total}"
    );
    assert!(csv.contains("Trung tâm Phục vụ hành chính công tỉnh Tây Ninh"));

    // The dictionary names every column.
    let (_, _, body) = app.get("/api/v1/statistics/dictionary").await?;
    let d: Value = serde_json::from_str(&body)?;
    assert_eq!(d["columns"].as_array().map(Vec::len), Some(23));
    // The index: the desk ranked with its indicators, the calculation shown on the page.
    let (status, _, body) = app.get("/api/v1/statistics/index766").await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ranking: Value = serde_json::from_str(&body)?;
    let desk = ranking
        .as_array()
        .and_then(|a| a.iter().find(|l| l["agency_code"] == "000.00.02.H53"))
        .ok_or("the desk is ranked")?;
    let online = desk["indicators"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["code"] == "3.2"))
        .ok_or("indicator 3.2")?;
    // Six of six filed online, threshold 50 %: the full 8 points.
    assert_eq!(
        (
            online["part"].as_i64(),
            online["whole"].as_i64(),
            online["points"].as_i64()
        ),
        (Some(6), Some(6), Some(800))
    );
    let (status, _, page) = app.get("/thong-ke/chi-so-766?agency=000.00.02.H53").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("min(8; 100,00% × 8 ÷ 50%) = 8,00"),
        "the calculation is written out: {page}"
    );
    assert!(page.contains("QĐ 766/QĐ-TTg"), "the source is cited");
    let (_, _, spec) = app.get("/api/openapi.json").await?;
    for path in [
        "/api/v1/statistics/index766",
        "/api/v1/statistics\"",
        "/api/v1/statistics.csv",
        "/api/v1/statistics/dictionary",
    ] {
        assert!(spec.contains(path), "the OpenAPI describes {path}");
    }
    Ok(())
}
