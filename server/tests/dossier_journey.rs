//! Filing a dossier over plain HTML form posts, as a browser without JavaScript does: start,
//! each step with a mistake and its fix, uploads (one refused by content, one too big), the
//! declaration, the submission and its idempotence, and a save from a stale tab.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::browser::{Answer, Browser};
use common::TestApp;
use sea_orm::{EntityTrait, PaginatorTrait};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Posts a plain HTML form (no script): the answer is a redirect or a page.
async fn form(
    b: &mut Browser<'_>,
    uri: &str,
    fields: &[(&str, &str)],
) -> Result<Answer, Box<dyn std::error::Error>> {
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    all.push(("csrf_token", &csrf));
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(all)
        .finish();
    let request = Request::post(uri)
        .header(header::COOKIE, b.cookie_header())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .body(Body::from(body))?;
    b.send(request).await
}

fn location(a: &Answer) -> String {
    a.headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Uploads one file as a multipart form (the token rides in the query string).
async fn upload(
    b: &mut Browser<'_>,
    path: &str,
    name: &str,
    bytes: &[u8],
) -> Result<Answer, Box<dyn std::error::Error>> {
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let boundary = "----portaltestboundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(format!("{path}?csrf_token={csrf}"))
        .header(header::COOKIE, b.cookie_header())
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ACCEPT, "text/html")
        .body(Body::from(body))?;
    b.send(request).await
}

fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.resize(size, b' ');
    bytes
}

#[tokio::test]
async fn a_dossier_is_filed_without_javascript() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let mut b = Browser::new(&app);
    let signed = b
        .sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.body);

    let started = form(&mut b, "/ho-so/bat-dau", &[("procedure", "TN.ATTP.001")]).await?;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let step = location(&started);
    assert!(step.ends_with("/nguoi-nop"), "{step}");
    let id = step
        .trim_start_matches("/ho-so/")
        .trim_end_matches("/nguoi-nop")
        .to_owned();
    let page = b.get(&step).await?;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Nguyễn Thị Hoa"),
        "prefilled from the profile"
    );
    let revision = page
        .body
        .split("name=\"revision\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .ok_or("revision field")?
        .to_owned();

    // A mistake: the phone number and the address are missing.
    let applicant = |phone: &'static str, street: &'static str| {
        vec![
            ("applicant-on_behalf", "myself"),
            ("applicant-full_name", "Nguyễn Thị Hoa"),
            ("applicant-citizen_id", "072190001234"),
            ("applicant-date_of_birth", "1990-03-15"),
            ("applicant-phone", phone),
            ("applicant-email", "congdan@dichvucong.localhost"),
            ("applicant-address-province", "80"),
            ("applicant-address-commune", "25459"),
            ("applicant-address-street", street),
            ("action", "next"),
        ]
    };
    let mut fields = applicant("12", "");
    fields.push(("revision", &revision));
    let saved = form(&mut b, &format!("/ho-so/{id}/luu/applicant"), &fields).await?;
    assert_eq!(location(&saved), format!("/ho-so/{id}/nguoi-nop?loi=1"));
    let page = b.get(&location(&saved)).await?;
    assert!(
        page.body.contains("Số điện thoại di động gồm 10 chữ số"),
        "the phone error names the fix"
    );
    assert!(
        page.body.contains("Bạn hãy nhập số nhà, tên đường"),
        "the street error"
    );
    assert!(page.body.contains("value=\"12\""), "what was typed is kept");

    // The page script's background save answers with JSON: 409 for a stale revision (another
    // tab saved since), and the new revision otherwise.
    let mut auto = fields.clone();
    auto.retain(|(k, _)| *k != "action");
    auto.push(("action", "auto"));
    let stale_auto = form(&mut b, &format!("/ho-so/{id}/luu/applicant"), &auto).await?;
    assert_eq!(stale_auto.status, StatusCode::CONFLICT);
    assert!(
        stale_auto.body.contains("draft_changed"),
        "{}",
        stale_auto.body
    );

    // A tab still showing the first revision cannot overwrite the newer draft.
    let stale = form(&mut b, &format!("/ho-so/{id}/luu/applicant"), &fields).await?;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.body.contains("Giữ nội dung tôi vừa nhập") && stale.body.contains("value=\"12\"")
    );

    let current = domain::dossiers::drafts::load_for_tests(&app.db, &id)
        .await?
        .dossier
        .revision
        .to_string();
    let mut auto = applicant("0912000001", "12 Lê");
    auto.retain(|(k, _)| *k != "revision" && *k != "action");
    auto.push(("revision", &current));
    auto.push(("action", "auto"));
    let saved_auto = form(&mut b, &format!("/ho-so/{id}/luu/applicant"), &auto).await?;
    assert_eq!(saved_auto.status, StatusCode::OK, "{}", saved_auto.body);
    let answer: serde_json::Value = serde_json::from_str(&saved_auto.body)?;
    assert_eq!(
        answer["revision"].as_i64(),
        Some(current.parse::<i64>()? + 1),
        "the page gets the revision to send next"
    );

    let fixed = applicant("0912000001", "12 Lê Lợi");
    let saved = form(&mut b, &format!("/ho-so/{id}/luu/applicant"), &fixed).await?;
    assert_eq!(location(&saved), format!("/ho-so/{id}/to-khai"));
    let saved = form(
        &mut b,
        &format!("/ho-so/{id}/luu/form"),
        &[
            ("form-noi_dung", "Cấp giấy chứng nhận cho quán ăn 60 chỗ"),
            ("action", "next"),
        ],
    )
    .await?;
    assert_eq!(location(&saved), format!("/ho-so/{id}/giay-to"));

    // Documents: an executable named .pdf and an oversized scan are refused, the rest kept.
    let slots: Vec<String> = {
        let loaded = domain::dossiers::drafts::load_for_tests(&app.db, &id).await?;
        loaded
            .form
            .documents
            .iter()
            .filter(|s| s.required)
            .map(|s| s.key.clone())
            .collect()
    };
    let first = format!("/ho-so/{id}/tai-len/{}", slots[0]);
    let refused = upload(&mut b, &first, "giay-phep.pdf", b"MZ\x90\x00 not a pdf").await?;
    assert_eq!(
        location(&refused),
        format!(
            "/ho-so/{id}/giay-to?tai-len=loi&ma=file_type&o={}",
            slots[0]
        )
    );
    let page = b.get(&location(&refused)).await?;
    assert!(page.body.contains("Tệp này không đúng định dạng cho phép"));
    let too_big = upload(&mut b, &first, "scan.pdf", &pdf(11 * 1024 * 1024)).await?;
    assert!(
        location(&too_big).contains("ma=file_too_big"),
        "{}",
        location(&too_big)
    );
    for slot in &slots {
        let ok = upload(
            &mut b,
            &format!("/ho-so/{id}/tai-len/{slot}"),
            "ban-scan.pdf",
            &pdf(40_000),
        )
        .await?;
        assert_eq!(location(&ok), format!("/ho-so/{id}/giay-to?tai-len=ok"));
    }
    let page = b.get(&format!("/ho-so/{id}/giay-to")).await?;
    assert!(page.body.contains("ban-scan.pdf"));
    let attached = domain::dossiers::files::files_of(&app.db, &id).await?;
    assert_eq!(
        attached.len(),
        slots.len(),
        "refused files left nothing behind"
    );
    assert!(attached
        .iter()
        .all(|a| a.file.size == 40_000 && a.file.sha256.len() == 64));

    let saved = form(
        &mut b,
        &format!("/ho-so/{id}/luu/documents"),
        &[("action", "next")],
    )
    .await?;
    assert_eq!(location(&saved), format!("/ho-so/{id}/nhan-ket-qua"));
    let saved = form(
        &mut b,
        &format!("/ho-so/{id}/luu/delivery"),
        &[("delivery-method", "electronic"), ("action", "next")],
    )
    .await?;
    assert_eq!(location(&saved), format!("/ho-so/{id}/kiem-tra"));
    let review = b.get(&format!("/ho-so/{id}/kiem-tra")).await?;
    assert!(
        review
            .body
            .contains("Cấp giấy chứng nhận cho quán ăn 60 chỗ"),
        "check your answers"
    );
    assert!(
        review.body.contains("700.000 đồng"),
        "the fee from the catalogue"
    );

    let (status, _, _) = b
        .download(&format!("/ho-so/{id}/phieu-tiep-nhan.pdf"))
        .await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "a draft has no receipt");
    let refused = form(&mut b, &format!("/ho-so/{id}/nop"), &[]).await?;
    assert_eq!(
        location(&refused),
        format!("/ho-so/{id}/kiem-tra?loi=1&cam-doan=1")
    );
    let filed = form(
        &mut b,
        &format!("/ho-so/{id}/nop"),
        &[("declaration", "true")],
    )
    .await?;
    assert_eq!(location(&filed), format!("/ho-so/{id}?moi=1"));
    let again = form(
        &mut b,
        &format!("/ho-so/{id}/nop"),
        &[("declaration", "true")],
    )
    .await?;
    assert_eq!(
        location(&again),
        format!("/ho-so/{id}?moi=1"),
        "a second click changes nothing"
    );
    let done = b.get(&format!("/ho-so/{id}?moi=1")).await?;
    assert!(done.body.contains("Nộp hồ sơ thành công"));
    let code = domain::entities::dossier::Entity::find_by_id(id.clone())
        .one(&app.db)
        .await?
        .and_then(|d| d.code)
        .ok_or("a code")?;
    assert!(done.body.contains(&code), "{code}");
    assert!(code.starts_with("000.00.02.H53-"));
    assert_eq!(
        domain::entities::dossier::Entity::find()
            .count(&app.db)
            .await?,
        1
    );

    // "My dossiers" lists it; another citizen cannot see it.
    let mine = b.get("/ho-so-cua-toi").await?;
    assert!(mine.body.contains(&code));
    let mut stranger = Browser::new(&app);
    let page = stranger.get(&format!("/ho-so/{id}")).await?;
    assert!(!page.body.contains(&code));

    // Later, still without JavaScript, the owner asks for the result by post. The first post
    // lacks the phone and address: the page names them and shows the choice back as typed
    // (the postal fields are open); the complete one is saved. A stranger's post finds nothing.
    let change = format!("/ho-so/{id}/doi-cach-nhan");
    let first = form(
        &mut b,
        &change,
        &[
            ("delivery-method", "post"),
            ("delivery-recipient", "Lê Văn Tâm"),
        ],
    )
    .await?;
    assert_eq!(location(&first), format!("/ho-so/{id}/nhan-ket-qua?loi=1"));
    let asked = b.get(&location(&first)).await?;
    assert!(asked.body.contains("error-summary"), "problems listed");
    assert!(
        asked.body.contains("href=\"#delivery-phone\""),
        "the phone is named"
    );
    assert!(
        asked.body.contains("value=\"Lê Văn Tâm\""),
        "the recipient is kept"
    );
    let complete = [
        ("delivery-method", "post"),
        ("delivery-recipient", "Lê Văn Tâm"),
        ("delivery-phone", "0912000004"),
        ("delivery-address-province", "80"),
        ("delivery-address-commune", "25459"),
        ("delivery-address-street", "8 Nguyễn Trãi"),
        ("delivery-postal_payment", "on_delivery"),
    ];
    let saved = form(&mut b, &change, &complete).await?;
    assert_eq!(location(&saved), format!("/ho-so/{id}?da=nhan-ket-qua"));
    let shown = b.get(&location(&saved)).await?;
    assert!(shown
        .body
        .contains("8 Nguyễn Trãi, Phường Tân Ninh, Tây Ninh"));
    assert!(!shown.body.contains("error-summary"));
    let mut other = Browser::new(&app);
    other
        .sign_in("tiepnhan.hcc@dichvucong.localhost", "Demo@2026")
        .await?;
    let theirs = form(&mut other, &change, &complete).await?;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    // The receipt: a PDF for the owner, linked from "My dossiers"; nothing for anyone else.
    let receipt = format!("/ho-so/{id}/phieu-tiep-nhan.pdf");
    assert!(mine.body.contains(&receipt));
    let (status, headers, pdf) = b.download(&receipt).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()?
        .contains(&code));
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
    let (status, _, _) = stranger.download(&receipt).await?;
    assert!(
        status == StatusCode::NOT_FOUND || status.is_redirection(),
        "{status}"
    );
    Ok(())
}
