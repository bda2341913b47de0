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
        .get("/api/v1/statistics?from=2026-12-01&to=2026-12-09")
        .await?;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "open data is per month, quarter or year"
    );
    assert!(body.contains("\"field\":\"period\""), "{body}");
    let (status, _, page) = app
        .get("/thong-ke?from=-262144-01-01&to=-262144-01-01")
        .await?;
    assert_eq!(
        status,
        StatusCode::OK,
        "a date out of range is refused, not a failure"
    );
    assert!(page.contains("error-summary"), "{page}");

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

/// The leaders' wallboard: staff only; the agency's figures and its units' overdue dossiers on
/// the page; the live feed answers at once with the board's fingerprint, and again when a
/// dossier goes overdue (the clock alone moved it).
#[tokio::test]
async fn the_wallboard_shows_the_agencys_figures_and_its_feed_follows_them() -> TestResult {
    use axum::body::Body;
    use axum::http::{header, Request};
    use common::browser::Browser;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let app = TestApp::with_accounts().await?;
    let (_, id) = app.filed_by_demo_citizen().await?;
    let mut anonymous = Browser::new(&app);
    let page = anonymous.get("/bang-theo-doi").await?;
    assert!(!page.body.contains("id=\"board\""), "no board signed out");
    let feed = anonymous.get("/bang-theo-doi/su-kien").await?;
    assert_eq!(feed.status, StatusCode::UNAUTHORIZED);

    let mut leader = Browser::new(&app);
    leader
        .sign_in("lanhdao.hcc@dichvucong.localhost", "Demo@2026")
        .await?;
    let page = leader.get("/bang-theo-doi").await?;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"board\""), "{}", page.body);
    assert!(page.body.contains("data-k=\"received\""));
    let fingerprint = |html: &str| {
        html.split("data-fp=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let before = fingerprint(&page.body);
    assert_eq!(before.len(), 16);

    // The feed: its first event is the board as it is.
    let request = Request::get("/bang-theo-doi/su-kien")
        .header(header::COOKIE, leader.cookie_header())
        .body(Body::empty())?;
    let response = app.router.clone().oneshot(request).await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream")));
    let mut body = response.into_body();
    let first = tokio::time::timeout(std::time::Duration::from_secs(10), body.frame())
        .await?
        .ok_or("a first event")??;
    let text = String::from_utf8(first.into_data().map_err(|_| "data")?.to_vec())?;
    assert!(
        text.contains("event: changed") && text.contains(&before),
        "{text}"
    );

    // The dossier is accepted with its due date already passed: it is overdue now, and the
    // feed says the board changed within seconds.
    use domain::dossiers::lifecycle::Transition;
    use domain::dossiers::processing::{self, Command};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let desk = domain::testing::staff(
        &app.db,
        "Phạm Văn Dũng",
        "000.00.02.H53",
        &[domain::access::Role::IntakeClerk],
    )
    .await
    .map_err(|e| e.to_string())?;
    processing::act(
        domain::testing::services(&app.db, chrono::Utc::now()),
        &desk,
        &id,
        Transition::Accept,
        &Command::default(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let row = domain::entities::dossier::Entity::find_by_id(id.clone())
        .one(&app.db)
        .await?
        .ok_or("dossier")?;
    let mut late: domain::entities::dossier::ActiveModel = row.into();
    late.due_at = Set(Some(
        (chrono::Utc::now() - chrono::Duration::hours(1)).fixed_offset(),
    ));
    late.update(&app.db).await?;
    let next = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
        .await?
        .ok_or("a second event")??;
    let text = String::from_utf8(next.into_data().map_err(|_| "data")?.to_vec())?;
    assert!(
        text.contains("event: changed") && !text.contains(&before),
        "{text}"
    );
    let page = leader.get("/bang-theo-doi").await?;
    assert!(
        page.body.contains(
            "data-k=\"overdue\" class=\"board-tile board-alert\"><span class=\"board-value\">1</span>"
        ),
        "one overdue on the board: {}",
        page.body
    );
    Ok(())
}
