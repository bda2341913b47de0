//! The whole router in-process (`server::router::app`) against a real, seeded database:
//! pages, operations endpoints, the language switch and the API.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestApp;
use tower::ServiceExt;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test]
async fn home_page_is_server_rendered_vietnamese_html() -> TestResult {
    let app = TestApp::new().await?;
    let (status, headers, body) = app.get("/").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()?
        .starts_with("text/html"));
    assert!(
        body.contains("<html lang=\"vi\""),
        "{}",
        &body[..body.len().min(300)]
    );
    assert!(body.contains("Dịch vụ công trực tuyến"));
    assert!(
        body.contains("Đăng ký khai sinh"),
        "popular procedures rendered"
    );
    // The search box is an island: the page names the island script's module.
    assert!(
        body.contains("<leptos-island"),
        "the search box is an island"
    );
    assert!(
        body.contains(r#"("pkg", "site", "site_bg")"#),
        "island script referenced"
    );
    assert!(headers.contains_key("x-request-id"));
    Ok(())
}

#[tokio::test]
async fn the_language_cookie_switches_the_page_to_english() -> TestResult {
    let app = TestApp::new().await?;
    let request = Request::get("/")
        .header(header::COOKIE, "lang=en")
        .body(Body::empty())?;
    let (status, _, body) = app.request(request).await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<html lang=\"en\""));
    assert!(body.contains("Online public services"));
    Ok(())
}

#[tokio::test]
async fn language_switch_sets_the_cookie_and_never_redirects_off_site() -> TestResult {
    let app = TestApp::new().await?;
    let (status, headers, _) = app.get("/lang/en?next=/thu-tuc%3Fq%3Dkhai").await?;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/thu-tuc?q=khai");
    let cookie = headers[header::SET_COOKIE].to_str()?;
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let (_, headers, _) = app.get("/lang/vi?next=//evil.example").await?;
    assert_eq!(headers[header::LOCATION], "/");
    let (status, _, _) = app.get("/lang/fr").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    Ok(())
}

#[tokio::test]
async fn search_and_procedure_pages_work_without_javascript() -> TestResult {
    let app = TestApp::new().await?;
    let (status, _, body) = app.get("/thu-tuc?q=giay+phep+xay+dung").await?;
    assert_eq!(status, StatusCode::OK);
    let marker = "href=\"/thu-tuc/";
    let start = body.find(marker).ok_or("a result link")? + "href=\"".len();
    let end = start + body[start..].find('"').ok_or("end of link")?;
    let link = body[start..end].to_owned();
    let (status, _, page) = app.get(&link).await?;
    assert_eq!(status, StatusCode::OK, "{link}");
    for section in [
        "Trình tự thực hiện",
        "Thành phần hồ sơ",
        "Phí, lệ phí",
        "Căn cứ pháp lý",
        "Nơi tiếp nhận hồ sơ",
        "Bộ phận Một cửa của Ủy ban nhân dân xã, phường bạn chọn",
        "href=\"/mau-don/",
        "don-de-nghi-cap-giay-phep-xay-dung.docx",
    ] {
        assert!(page.contains(section), "{link} lacks {section}");
    }
    Ok(())
}

#[tokio::test]
async fn unknown_pages_and_procedures_answer_404_with_a_way_forward() -> TestResult {
    let app = TestApp::new().await?;
    for uri in ["/khong-co-trang-nay", "/thu-tuc/khong-co-thu-tuc-nay"] {
        let (status, _, body) = app.get(uri).await?;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(body.contains("Không tìm thấy trang"), "{uri}");
        assert!(body.contains("href=\"/thu-tuc\""), "{uri}");
    }
    Ok(())
}

#[tokio::test]
async fn health_ready_and_metrics_answer() -> TestResult {
    let app = TestApp::new().await?;
    let (status, _, body) = app.get("/health").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"ok\""));
    let (status, _, body) = app.get("/ready").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"ready\""));
    let (status, _, body) = app.get("/metrics").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("http_requests_total"), "{body}");
    Ok(())
}

/// Where a redirect sends the browser (empty when it is none).
fn location_of(answer: &common::browser::Answer) -> String {
    answer
        .headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Issue 23, point 4: with no holiday entered for this year, deadlines would count Tết as
/// working days; `/ready` says which year to enter (and still answers ready).
#[tokio::test]
async fn ready_warns_when_the_holiday_calendar_lacks_a_year() -> TestResult {
    use sea_orm::EntityTrait;
    let app = TestApp::with_accounts().await?;
    let year = chrono::Datelike::year(&domain::dossiers::codes::vietnam_date(chrono::Utc::now()));
    let warned = |body: &str| -> Result<bool, Box<dyn std::error::Error>> {
        let ready: serde_json::Value = serde_json::from_str(body)?;
        Ok(ready["warnings"].as_array().is_some_and(|w| {
            w.iter()
                .any(|x| x["kind"] == "holidays_missing" && x["year"] == year)
        }))
    };
    let (_, _, body) = app.get("/ready").await?;
    assert!(!warned(&body)?, "the seed enters this year: {body}");
    domain::entities::holiday::Entity::delete_many()
        .exec(&app.db)
        .await?;
    let (status, _, body) = app.get("/ready").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"ready\""), "{body}");
    assert!(warned(&body)?, "{body}");
    // The calendar's page tells the administrator too.
    let mut admin = common::browser::Browser::new(&app);
    let signed = admin
        .sign_in("quantri@dichvucong.localhost", "Demo@2026")
        .await?;
    assert!(signed.status.is_success(), "{}", signed.body);
    let page = admin.get("/quan-tri/ngay-nghi").await?;
    assert!(
        page.body
            .contains(&format!("Chưa có ngày nghỉ nào của năm {year}")),
        "{}",
        page.body
    );
    // The administrator imports the year from a file (a plain multipart post); the warning
    // goes, and a wrong file comes back with its problem named.
    let upload = |admin: &common::browser::Browser<'_>, text: String| {
        let csrf = admin.cookies.get("csrf").cloned().unwrap_or_default();
        let boundary = "----portaltestboundary";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nam.csv\"\r\nContent-Type: text/csv\r\n\r\n{text}\r\n--{boundary}--\r\n"
        );
        axum::http::Request::post(format!("/quan-tri/ngay-nghi/nhap?csrf_token={csrf}"))
            .header(axum::http::header::COOKIE, admin.cookie_header())
            .header(
                axum::http::header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(axum::http::header::ACCEPT, "text/html")
            .body(axum::body::Body::from(body))
    };
    let wrong = upload(
        &admin,
        format!("date,kind,name\n{year}-01-01,holiday,A\n1999-01-01,holiday,B\n"),
    )?;
    let answer = admin.send(wrong).await?;
    let location = location_of(&answer);
    assert!(location.contains("ma=holiday_file_years"), "{location}");
    let page = admin.get(&location).await?;
    assert!(
        page.body.contains("mỗi tệp chỉ gồm các ngày của một năm"),
        "{}",
        page.body
    );
    let good = upload(
        &admin,
        format!("date,kind,name\n{year}-01-01,holiday,Tết Dương lịch\n"),
    )?;
    let answer = admin.send(good).await?;
    let location = location_of(&answer);
    assert!(location.contains("nhap=xong"), "{location}");
    let (_, _, body) = app.get("/ready").await?;
    assert!(!warned(&body)?, "{body}");
    Ok(())
}

#[tokio::test]
async fn openapi_document_describes_the_v1_api() -> TestResult {
    let app = TestApp::new().await?;
    let (status, _, body) = app.get("/api/openapi.json").await?;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body)?;
    assert!(
        doc["openapi"].as_str().unwrap_or("").starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    for path in [
        "/api/v1/fields",
        "/api/v1/provinces",
        "/api/v1/provinces/{code}/communes",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    let (status, _, html) = app.get("/api-docs").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("GET /api/v1/provinces"));
    Ok(())
}

#[tokio::test]
async fn reference_api_serves_the_2025_map() -> TestResult {
    let app = TestApp::new().await?;
    let (status, _, body) = app.get("/api/v1/provinces").await?;
    assert_eq!(status, StatusCode::OK);
    let provinces: Vec<serde_json::Value> = serde_json::from_str(&body)?;
    assert_eq!(provinces.len(), 34);
    let tay_ninh = provinces
        .iter()
        .find(|p| p["name"].as_str().is_some_and(|n| n.contains("Tây Ninh")))
        .ok_or("Tây Ninh")?;
    let code = tay_ninh["code"].as_str().ok_or("code")?;
    let (status, _, body) = app
        .get(&format!("/api/v1/provinces/{code}/communes"))
        .await?;
    assert_eq!(status, StatusCode::OK);
    let communes: Vec<serde_json::Value> = serde_json::from_str(&body)?;
    assert!(communes.len() > 50, "{}", communes.len());
    let (status, _, body) = app.get("/api/v1/provinces/999/communes").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let error: serde_json::Value = serde_json::from_str(&body)?;
    assert_eq!(error["code"], "not_found");
    let (status, _, body) = app.get("/api/v1/fields").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("HOTICH") || body.contains("Hộ tịch"));
    Ok(())
}

#[tokio::test]
async fn public_pages_are_cached_until_the_catalogue_changes() -> TestResult {
    let app = TestApp::new().await?;
    let (_, first, _) = app.get("/thu-tuc?q=khai+sinh").await?;
    assert!(first.get("x-page-cache").is_none());
    let (status, second, body) = app.get("/thu-tuc?q=khai+sinh").await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(second["x-page-cache"], "hit");
    // The matched words are highlighted (`Đăng ký <mark>khai</mark> <mark>sinh</mark>`).
    assert!(body.contains("href=\"/thu-tuc/dang-ky-khai-sinh-"));
    // Each content coding has its own finished copy, security headers included.
    for _ in 0..2 {
        let brotli = Request::get("/thu-tuc?q=khai+sinh")
            .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
            .body(Body::empty())?;
        let response = app.router.clone().oneshot(brotli).await?;
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(response.headers()[header::X_FRAME_OPTIONS], "DENY");
        assert!(
            response.headers().get("x-request-id").is_none()
                || response.headers().get("x-page-cache").is_none(),
            "a hit carries no other request's id"
        );
    }
    let brotli = Request::get("/thu-tuc?q=khai+sinh")
        .header(header::ACCEPT_ENCODING, "br")
        .body(Body::empty())?;
    let response = app.router.clone().oneshot(brotli).await?;
    assert_eq!(response.headers()["x-page-cache"], "hit");
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    // English is cached separately.
    let english = Request::get("/thu-tuc?q=khai+sinh")
        .header(header::COOKIE, "lang=en")
        .body(Body::empty())?;
    let (_, headers, body) = app.request(english).await?;
    assert!(headers.get("x-page-cache").is_none());
    assert!(body.contains("<html lang=\"en\""));
    // Another instance imports: the next request renders again.
    domain::catalogue_import::bump_revision(&app.db).await?;
    let (_, after, _) = app.get("/thu-tuc?q=khai+sinh").await?;
    assert!(after.get("x-page-cache").is_none());
    // Any other cookie (a future session) bypasses the cache entirely.
    for _ in 0..2 {
        let personal = Request::get("/")
            .header(header::COOKIE, "lang=vi; session=abc")
            .body(Body::empty())?;
        let (_, headers, _) = app.request(personal).await?;
        assert!(headers.get("x-page-cache").is_none());
    }
    Ok(())
}
