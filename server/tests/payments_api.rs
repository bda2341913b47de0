//! `/api/v1/dossiers/{id}/payments` as a mobile app uses it: starting a payment answers the
//! gateway's signed page for the portal's amount; a second start while it waits is refused
//! naming `payment`; the list shows it pending; another citizen gets 404, anonymous 401; the
//! OpenAPI describes both. Runs on SQLite and PostgreSQL like every test.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::Utc;
use common::browser::Browser;
use common::TestApp;
use domain::entities::dossier;
use sea_orm::EntityTrait;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

async fn call(
    b: &mut Browser<'_>,
    method: Method,
    uri: &str,
) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::COOKIE, b.cookie_header())
        .header("x-csrf-token", csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::empty())?;
    let answer = b.send(request).await?;
    let value = if answer.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&answer.body)?
    };
    Ok((answer.status, value))
}

#[tokio::test]
async fn a_mobile_app_starts_a_payment_for_the_portals_amount() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (_, id) = app.filed_by_demo_citizen().await?;
    let fee = dossier::Entity::find_by_id(id.clone())
        .one(&app.db)
        .await?
        .and_then(|d| d.fee_due_vnd)
        .ok_or("fee")?;

    let mut anonymous = Browser::new(&app);
    let (status, _) = call(
        &mut anonymous,
        Method::POST,
        &format!("/api/v1/dossiers/{id}/payments"),
    )
    .await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    let (status, started) = call(
        &mut b,
        Method::POST,
        &format!("/api/v1/dossiers/{id}/payments"),
    )
    .await?;
    assert_eq!(status, StatusCode::CREATED, "{started}");
    let url = started["pay_url"].as_str().ok_or("pay_url")?;
    assert!(
        url.contains("/gia-lap/vnpay/paymentv2/vpcpay.html?"),
        "{url}"
    );
    assert!(url.contains(&format!("vnp_Amount={}", fee * 100)), "{url}");
    let (status, again) = call(
        &mut b,
        Method::POST,
        &format!("/api/v1/dossiers/{id}/payments"),
    )
    .await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{again}");
    assert_eq!(again["fields"][0]["field"], "payment", "{again}");
    assert!(
        again["fields"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("chờ ngân hàng")),
        "{again}"
    );
    let (status, list) = call(
        &mut b,
        Method::GET,
        &format!("/api/v1/dossiers/{id}/payments"),
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0]["status"], "pending");
    assert_eq!(list[0]["amount_vnd"], fee);

    let mut other = Browser::new(&app);
    other
        .sign_in("chuyenvien.tanninh@dichvucong.localhost", "Demo@2026")
        .await?;
    let (status, _) = call(
        &mut other,
        Method::GET,
        &format!("/api/v1/dossiers/{id}/payments"),
    )
    .await?;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, _, doc) = app
        .get("/api/openapi.json")
        .await
        .map_err(|e| e.to_string())?;
    let doc: Value = serde_json::from_str(&doc)?;
    let path = &doc["paths"]["/api/v1/dossiers/{id}/payments"];
    assert!(
        path["get"].is_object() && path["post"].is_object(),
        "{path}"
    );
    Ok(())
}

#[tokio::test]
async fn the_reconciliation_page_lists_both_statements_for_administrators_only() -> TestResult {
    use domain::payments::{bank_transfer, reconciliation};
    let app = TestApp::with_accounts().await?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("day")?;
    let now = Utc::now();
    // A VNPay statement with a transaction the portal does not know, and an account statement
    // with a credit that names no order.
    let vnpay = reconciliation::parse_statement(
        "TxnRef,TransactionNo,Amount,Status\nZZUNKNOWN01,14000001,50000,00\n",
    )?;
    reconciliation::reconcile(&app.db, day, &vnpay, now).await?;
    let account = server::config::Config::default().vietqr_beneficiary();
    let credits = bank_transfer::parse_statement(&format!(
        "TransactionId,Time,Account,Amount,Description\nFT9001,2026-11-23 10:00,{},150000,ung ho\n",
        account.account
    ))?;
    let run = bank_transfer::reconcile_statement(&app.db, &account, day, &credits, now).await?;

    let mut admin = Browser::new(&app);
    admin
        .sign_in("quantri@dichvucong.localhost", "Demo@2026")
        .await?;
    let page = admin.get("/quan-tri/doi-soat").await?;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("sao kê VNPAY"), "{}", page.body);
    assert!(page
        .body
        .contains("sao kê tài khoản nhận chuyển khoản VietQR"));
    assert!(page.body.contains("ZZUNKNOWN01") && page.body.contains("FT9001"));
    let (status, _, csv) = admin
        .download(&format!("/quan-tri/doi-soat/{}.csv", run.id))
        .await?;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv)?;
    assert!(
        csv.contains("FT9001") && csv.contains("unknown_to_portal"),
        "{csv}"
    );

    // A desk clerk sees neither the page's data nor the CSV.
    let mut clerk = Browser::new(&app);
    clerk
        .sign_in("tiepnhan.hcc@dichvucong.localhost", "Demo@2026")
        .await?;
    let page = clerk.get("/quan-tri/doi-soat").await?;
    assert!(!page.body.contains("FT9001"));
    let (status, _, _) = clerk
        .download(&format!("/quan-tri/doi-soat/{}.csv", run.id))
        .await?;
    assert!(status.is_client_error(), "{status}");
    Ok(())
}

#[tokio::test]
async fn a_mobile_app_gives_the_account_a_refund_is_paid_to() -> TestResult {
    use domain::access::Role;
    use domain::dossiers::lifecycle::Transition;
    use domain::dossiers::processing::{self, Command};
    let app = TestApp::with_accounts().await?;
    let (_, id) = app.filed_by_demo_citizen().await?;
    let fee = dossier::Entity::find_by_id(id.clone())
        .one(&app.db)
        .await?
        .and_then(|d| d.fee_due_vnd)
        .ok_or("fee")?;
    // Paid by transfer, then refused: the fee is owed back.
    let transfer =
        domain::payments::new_row(&id, "vietqr", "DVCAPI1".into(), fee, "paid", Utc::now());
    domain::entities::payment::Entity::insert(domain::entities::payment::ActiveModel::from(
        transfer,
    ))
    .exec_without_returning(&app.db)
    .await?;
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

    let mut b = Browser::new(&app);
    b.sign_in("congdan@dichvucong.localhost", "Demo@2026")
        .await?;
    let uri = format!("/api/v1/dossiers/{id}/refunds");
    let (status, list) = call(&mut b, Method::GET, &uri).await?;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list[0]["status"], "awaiting_account");
    assert_eq!(list[0]["amount_vnd"], fee);
    let put = |b: &Browser<'_>, body: Value| {
        let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
        Request::builder()
            .method(Method::PUT)
            .uri(format!("{uri}/account"))
            .header(header::COOKIE, b.cookie_header())
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
    };
    let wrong = put(
        &b,
        serde_json::json!({
            "bank_bin": "970418", "account_number": "12", "account_name": "Nguyễn Văn An",
        }),
    )?;
    let answer = b.send(wrong).await?;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert!(answer.body.contains("refund-account"), "{}", answer.body);
    let good = put(
        &b,
        serde_json::json!({
            "bank_bin": "970418", "account_number": "12345678901", "account_name": "Nguyễn Văn An",
        }),
    )?;
    let answer = b.send(good).await?;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let after: Value = serde_json::from_str(&answer.body)?;
    assert_ne!(after[0]["status"], "awaiting_account", "{after}");
    assert_eq!(after[0]["account"], "BIDV …8901");
    Ok(())
}
