//! `/api/v1/procedures`, `/api/v1/procedures/{code}` and `/api/v1/agencies` over the seeded demo
//! catalogue: filters, paging, and the 400 and 404 answers.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

async fn json(app: &TestApp, uri: &str) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let (status, _, body) = app.get(uri).await?;
    Ok((status, serde_json::from_str(&body)?))
}

#[tokio::test]
async fn lists_and_pages_the_whole_catalogue() -> TestResult {
    let app = TestApp::new().await?;
    let (status, first) = json(&app, "/api/v1/procedures?per_page=50").await?;
    assert_eq!(status, StatusCode::OK);
    let total = first["total"].as_u64().ok_or("total")?;
    assert!(total >= 200, "{total}");
    assert_eq!(first["page"], 1);
    assert_eq!(first["per_page"], 50);
    assert_eq!(first["items"].as_array().map(Vec::len), Some(50));
    let item = &first["items"][0];
    for key in [
        "code",
        "name",
        "field",
        "level",
        "agency_level",
        "processing_days",
        "url",
    ] {
        assert!(item.get(key).is_some(), "{key} missing in {item}");
    }
    let last_page = total.div_ceil(50);
    let (_, last) = json(
        &app,
        &format!("/api/v1/procedures?per_page=50&page={last_page}"),
    )
    .await?;
    let expected_last = total - (last_page - 1) * 50;
    assert_eq!(
        last["items"].as_array().map(|a| a.len() as u64),
        Some(expected_last)
    );
    let (_, beyond) = json(
        &app,
        &format!("/api/v1/procedures?per_page=50&page={}", last_page + 1),
    )
    .await?;
    assert_eq!(beyond["items"].as_array().map(Vec::len), Some(0));
    assert_eq!(beyond["total"].as_u64(), Some(total));
    Ok(())
}

#[tokio::test]
async fn search_and_filters_narrow_the_list() -> TestResult {
    let app = TestApp::new().await?;
    let (_, all) = json(&app, "/api/v1/procedures").await?;
    let total = all["total"].as_u64().ok_or("total")?;

    let (status, found) = json(&app, "/api/v1/procedures?q=giay+phep+xay+dung").await?;
    assert_eq!(status, StatusCode::OK);
    let name = found["items"][0]["name"].as_str().ok_or("name")?;
    assert!(name.to_lowercase().contains("giấy phép xây dựng"), "{name}");
    assert!(!found["items"][0]["highlights"]
        .as_array()
        .ok_or("hl")?
        .is_empty());

    let (_, field) = json(&app, "/api/v1/procedures?field=HOTICH&per_page=100").await?;
    let n_field = field["total"].as_u64().ok_or("total")?;
    assert!(n_field > 0 && n_field < total);
    assert!(field["items"]
        .as_array()
        .ok_or("items")?
        .iter()
        .all(|i| i["field"] == "HOTICH"));

    let (_, online) = json(&app, "/api/v1/procedures?online=1&per_page=100").await?;
    assert!(online["items"]
        .as_array()
        .ok_or("items")?
        .iter()
        .all(|i| i["level"] != "information"));

    let (_, level) = json(&app, "/api/v1/procedures?level=full_online&field=HOTICH").await?;
    assert!(level["total"].as_u64().ok_or("total")? <= n_field);

    let (_, commune) = json(&app, "/api/v1/procedures?agency=commune&per_page=100").await?;
    assert!(commune["items"]
        .as_array()
        .ok_or("items")?
        .iter()
        .all(|i| i["agency_level"] == "commune"));

    let (_, agencies) = json(&app, "/api/v1/agencies").await?;
    let province_agency = agencies
        .as_array()
        .ok_or("agencies")?
        .iter()
        .find(|a| {
            a["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("Sở Tư pháp"))
        })
        .ok_or("Sở Tư pháp")?;
    let code = province_agency["code"].as_str().ok_or("code")?;
    let (status, by_agency) = json(&app, &format!("/api/v1/procedures?agency={code}")).await?;
    assert_eq!(status, StatusCode::OK);
    assert!(by_agency["total"].as_u64().ok_or("total")? > 0);
    Ok(())
}

#[tokio::test]
async fn unknown_parameters_and_bad_values_get_400_naming_the_parameter() -> TestResult {
    let app = TestApp::new().await?;
    for (uri, param) in [
        ("/api/v1/procedures?sort=name", "sort"),
        ("/api/v1/procedures?page=0", "page"),
        ("/api/v1/procedures?page=abc", "page"),
        ("/api/v1/procedures?per_page=1000", "per_page"),
        ("/api/v1/procedures?level=level4", "level"),
        ("/api/v1/procedures?field=KHONGCO", "field"),
        ("/api/v1/procedures?agency=000.00.99.X99", "agency"),
        ("/api/v1/procedures?online=maybe", "online"),
    ] {
        let (status, body) = json(&app, uri).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(body["code"], "validation", "{uri}");
        assert_eq!(body["fields"][0]["field"], param, "{uri}: {body}");
    }
    Ok(())
}

#[tokio::test]
async fn one_procedure_by_code_or_404() -> TestResult {
    let app = TestApp::new().await?;
    let (status, p) = json(&app, "/api/v1/procedures/1.001193").await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(p["name"], "Đăng ký khai sinh");
    assert_eq!(p["version"], 1);
    assert!(!p["documents"].as_array().ok_or("documents")?.is_empty());
    assert!(!p["legal_basis"].as_array().ok_or("legal_basis")?.is_empty());
    assert_eq!(p["receiving"]["level"], "commune");
    assert_eq!(p["processing"][0]["level"], "commune");
    let url = p["documents"]
        .as_array()
        .ok_or("documents")?
        .iter()
        .find_map(|d| d["template_url"].as_str())
        .ok_or("a template form")?
        .to_owned();
    let (status, headers, body) = app.get_bytes(&url).await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with(b"PK\x03\x04"), "a .docx file");
    assert_eq!(
        headers[http::header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let disposition = headers[http::header::CONTENT_DISPOSITION].to_str()?;
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains("to-khai-dang-ky-khai-sinh.docx")
    );
    assert!(headers[http::header::CACHE_CONTROL]
        .to_str()?
        .contains("immutable"));
    let (status, _, _) = app
        .get_bytes(&format!("/mau-don/{}/x.docx", "0".repeat(64)))
        .await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app.get_bytes("/mau-don/not-a-hash/x.docx").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, food) = json(&app, "/api/v1/procedures/TN.ATTP.001").await?;
    assert_eq!(food["receiving"]["level"], "province");
    assert_eq!(
        food["receiving"]["agency"], "000.00.02.H53",
        "the public administration centre"
    );
    assert_eq!(food["processing"][0]["agency"], "000.00.12.H53");

    let (status, err) = json(&app, "/api/v1/procedures/9.999999").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(err["code"], "not_found");
    Ok(())
}
