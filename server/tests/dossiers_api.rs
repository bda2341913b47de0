//! `/api/v1/dossiers` as a mobile app uses it (session cookie and `X-CSRF-Token`): create,
//! save parts with the revision read (409 when stale), upload a raw body (refused by content,
//! accepted), submit twice (one code), the timeline, and privacy (another citizen gets 404,
//! anonymous 401). Runs on SQLite and PostgreSQL like every test.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::browser::Browser;
use common::TestApp;
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;

async fn call(
    b: &mut Browser<'_>,
    method: Method,
    uri: &str,
    body: Option<Value>,
) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::COOKIE, b.cookie_header())
        .header("x-csrf-token", csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.map_or_else(Body::empty, |v| Body::from(v.to_string())))?;
    let answer = b.send(request).await?;
    let value = if answer.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&answer.body)?
    };
    Ok((answer.status, value))
}

#[tokio::test]
async fn a_mobile_app_files_a_dossier_through_the_api() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;

    let (status, _) = call(
        &mut b,
        Method::POST,
        "/api/v1/dossiers",
        Some(json!({"procedure_code": "9.999999"})),
    )
    .await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, d) = call(
        &mut b,
        Method::POST,
        "/api/v1/dossiers",
        Some(json!({"procedure_code": "TN.ATTP.001"})),
    )
    .await?;
    assert_eq!(status, StatusCode::CREATED, "{d}");
    let id = d["id"].as_str().ok_or("id")?.to_owned();
    assert_eq!(d["status"], "draft");
    assert_eq!(d["applicant"]["full_name"], "Nguyễn Thị Hoa");
    assert!(
        d["problems"].as_array().is_some_and(|p| !p.is_empty()),
        "what is missing is listed"
    );
    let revision = d["revision"].as_i64().ok_or("revision")?;

    let mut applicant = d["applicant"].clone();
    applicant["province"] = json!("80");
    applicant["commune"] = json!("25459");
    applicant["street"] = json!("12 Lê Lợi");
    applicant["phone"] = json!("0912000001");
    let (status, saved) = call(
        &mut b,
        Method::PATCH,
        &format!("/api/v1/dossiers/{id}"),
        Some(json!({"revision": revision, "applicant": applicant, "answers": {"noi_dung": "Cấp giấy cho quán ăn"},
                    "delivery": {"method": "electronic"}})),
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["done"], json!(["applicant", "form", "delivery"]));
    let (status, stale) = call(
        &mut b,
        Method::PATCH,
        &format!("/api/v1/dossiers/{id}"),
        Some(json!({"revision": revision, "answers": {"noi_dung": "khác"}})),
    )
    .await?;
    assert_eq!(
        (status, stale["message"].as_str()),
        (StatusCode::CONFLICT, Some("draft_changed"))
    );
    let (status, bad) = call(
        &mut b,
        Method::PATCH,
        &format!("/api/v1/dossiers/{id}"),
        Some(json!({"revision": saved["revision"], "answers": [1, 2]})),
    )
    .await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["fields"][0]["field"], "answers");

    let slots: Vec<String> = saved["problems"]
        .as_array()
        .ok_or("problems")?
        .iter()
        .filter_map(|p| p["field"].as_str()?.strip_prefix("doc-").map(str::to_owned))
        .collect();
    assert!(
        !slots.is_empty(),
        "required documents are listed as missing"
    );
    let (status, refused) = b
        .upload_raw(
            &format!(
                "/api/v1/dossiers/{id}/files?slot={}&name=scan.pdf",
                slots[0]
            ),
            b"GIF89a not a pdf",
        )
        .await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["fields"][0]["field"], format!("doc-{}", slots[0]));
    for slot in &slots {
        let (status, file) = b
            .upload_raw(
                &format!("/api/v1/dossiers/{id}/files?slot={slot}&name=scan.pdf"),
                b"%PDF-1.4 scan",
            )
            .await?;
        assert_eq!(status, StatusCode::CREATED, "{file}");
        assert_eq!(file["content_type"], "application/pdf");
        assert_eq!(file["size"], 13);
    }
    let (_, current) = call(&mut b, Method::GET, &format!("/api/v1/dossiers/{id}"), None).await?;
    let (status, ready) = call(
        &mut b,
        Method::PATCH,
        &format!("/api/v1/dossiers/{id}"),
        Some(json!({"revision": current["revision"], "documents_done": true})),
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ready["problems"], json!([]));

    let (status, refused) = call(
        &mut b,
        Method::POST,
        &format!("/api/v1/dossiers/{id}/submit"),
        Some(json!({"declaration": false})),
    )
    .await?;
    assert_eq!(
        (status, refused["fields"][0]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("declaration"))
    );
    let (status, first) = call(
        &mut b,
        Method::POST,
        &format!("/api/v1/dossiers/{id}/submit"),
        Some(json!({"declaration": true})),
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, second) = call(
        &mut b,
        Method::POST,
        &format!("/api/v1/dossiers/{id}/submit"),
        Some(json!({"declaration": true})),
    )
    .await?;
    assert_eq!(
        (second["code"].clone(), second["already"].clone()),
        (first["code"].clone(), json!(true))
    );
    let (_, events) = call(
        &mut b,
        Method::GET,
        &format!("/api/v1/dossiers/{id}/events"),
        None,
    )
    .await?;
    assert_eq!(events[0]["kind"], "submitted");
    let (_, list) = call(&mut b, Method::GET, "/api/v1/dossiers", None).await?;
    assert_eq!(list[0]["code"], first["code"]);
    let (_, filed) = call(&mut b, Method::GET, &format!("/api/v1/dossiers/{id}"), None).await?;
    assert_eq!(
        (
            filed["national_status"].clone(),
            filed["fee_due_vnd"].clone()
        ),
        (json!(1), json!(700_000))
    );

    assert_eq!(filed["delivery_changeable"], json!(true));
    assert_eq!(filed["postal_fee_vnd"], Value::Null);

    // After filing, the owner asks for the result by post, paid with the fee: a wrong phone
    // is named; a good request raises the balance by the tariff's in-province amount.
    let mut by_post = json!({
        "method": "post", "recipient": "Nguyễn Thị Hoa", "phone": "12345", "province": "80",
        "commune": "25459", "street": "12 Lê Lợi", "postal_payment": "with_fee",
    });
    let delivery = format!("/api/v1/dossiers/{id}/delivery");
    let (status, refused) = call(&mut b, Method::PUT, &delivery, Some(by_post.clone())).await?;
    assert_eq!(
        (status, refused["fields"][0]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("delivery-phone")),
        "{refused}"
    );
    by_post["phone"] = json!("0912000001");
    let (status, changed) = call(&mut b, Method::PUT, &delivery, Some(by_post.clone())).await?;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(
        (
            changed["fee_due_vnd"].clone(),
            changed["postal_fee_vnd"].clone(),
            changed["balance_vnd"].clone()
        ),
        (json!(722_000), json!(22_000), json!(722_000))
    );
    let (_, by_post_now) =
        call(&mut b, Method::GET, &format!("/api/v1/dossiers/{id}"), None).await?;
    assert_eq!(
        (
            by_post_now["delivery"]["method"].clone(),
            by_post_now["postal_fee_vnd"].clone(),
            by_post_now["fee_due_vnd"].clone()
        ),
        (json!("post"), json!(22_000), json!(722_000))
    );
    let (_, events) = call(
        &mut b,
        Method::GET,
        &format!("/api/v1/dossiers/{id}/events"),
        None,
    )
    .await?;
    assert!(
        events
            .as_array()
            .is_some_and(|e| e.iter().any(|e| e["kind"] == "delivery_changed")),
        "{events}"
    );
    let mut stranger = Browser::new(&app);
    let (status, _) = call(&mut stranger, Method::PUT, &delivery, Some(by_post)).await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Privacy: nobody else learns the dossier exists.
    let mut anonymous = Browser::new(&app);
    let (status, _) = call(
        &mut anonymous,
        Method::GET,
        &format!("/api/v1/dossiers/{id}"),
        None,
    )
    .await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let mut staff = Browser::new(&app);
    staff
        .sign_in("quantri@dichvucong.localhost", "Demo@2026")
        .await?;
    let (status, _) = call(
        &mut staff,
        Method::GET,
        &format!("/api/v1/dossiers/{id}"),
        None,
    )
    .await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(
        &mut staff,
        Method::POST,
        "/api/v1/dossiers",
        Some(json!({"procedure_code": "TN.ATTP.001"})),
    )
    .await?;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "staff file at the counter, not here"
    );
    Ok(())
}
