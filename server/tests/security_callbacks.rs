//! Anonymous writes are bounded (issue 22, point 8).
//!
//! The addresses other systems call — VNPay's IPN, the bank's credit notice, the carrier's
//! webhook — take no session, so anyone can call them. Each attack here is a flood of calls with
//! a wrong signature and long bodies from one address: every call is answered and counted
//! (`portal_callbacks_total`), only a 512-byte prefix of it is stored, and past the address's
//! allowance it is refused with 429 and nothing is stored, while correctly signed calls and
//! other addresses still get through. The public check of a signed result's copy checks the
//! id and the address's allowance before reading the upload, and reads no more than the issued
//! file's size.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use futures::StreamExt;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use common::browser::CSRF;
use common::TestApp;
use domain::entities::{dossier_result, payment_callback};
use domain::payments::{vietqr, vnpay, UNSIGNED_KEPT_BYTES};
use domain::postal::carrier;
use server::callbacks::BAD_SIGNATURE_IP;
use server::config::{
    DEMO_VIETQR_ACCOUNT, DEV_CARRIER_SECRET, DEV_VIETQR_SECRET, DEV_VNPAY_SECRET,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The most calls an attack may need before it is refused: the allowance, plus the allowance
/// again should the counter's window turn over during the test.
const ENOUGH: u32 = 2 * BAD_SIGNATURE_IP.max + 2;

/// `request` as sent from `address` (what the server's connection info says).
fn from(address: [u8; 4], mut request: Request<Body>) -> Request<Body> {
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((address, 40_000))));
    request
}

async fn send(
    app: &TestApp,
    request: Request<Body>,
) -> Result<(StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
    let (status, _, body) = app.request(request).await?;
    Ok((status, serde_json::from_str(&body).unwrap_or_default()))
}

/// The value of the callbacks counter for `callback` and `outcome` in this process.
fn counted(callback: &str, outcome: &str) -> f64 {
    let wanted = format!(
        "{}{{callback=\"{callback}\",outcome=\"{outcome}\"}} ",
        server::callbacks::METRIC
    );
    server::ops::metrics_handle()
        .render()
        .lines()
        .find_map(|l| l.strip_prefix(&wanted).and_then(|v| v.trim().parse().ok()))
        .unwrap_or(0.0)
}

async fn unsigned_rows(app: &TestApp, gateway: &str) -> Result<u64, sea_orm::DbErr> {
    payment_callback::Entity::find()
        .filter(payment_callback::Column::Gateway.eq(gateway))
        .filter(payment_callback::Column::SignatureValid.eq(false))
        .count(&app.db)
        .await
}

/// Every stored unsigned callback of `gateway` holds at most the prefix.
async fn only_prefixes_kept(app: &TestApp, gateway: &str) -> TestResult {
    let rows = payment_callback::Entity::find()
        .filter(payment_callback::Column::Gateway.eq(gateway))
        .filter(payment_callback::Column::SignatureValid.eq(false))
        .all(&app.db)
        .await?;
    for row in rows {
        let prefix = row.params["unsigned_prefix"].as_str().unwrap_or_default();
        assert!(prefix.len() <= UNSIGNED_KEPT_BYTES + 8, "{}", prefix.len());
        assert!(row.params["length"].as_u64().unwrap_or_default() > 4_000);
        assert!(row.txn_ref.as_deref().map_or(0, str::len) <= 64);
    }
    Ok(())
}

#[tokio::test]
async fn a_flood_of_unsigned_vnpay_ipns_is_answered_counted_cut_and_then_refused() -> TestResult {
    let app = TestApp::new().await?;
    let attacker = [203, 0, 113, 7];
    let junk = "x".repeat(5_000);
    let forged = |i: u32| {
        Request::get(format!(
            "/thanh-toan/vnpay/ipn?vnp_TxnRef={junk}&vnp_Amount=100&vnp_ResponseCode=00&n={i}\
             &vnp_SecureHash={}",
            "0".repeat(128)
        ))
        .body(Body::empty())
    };
    let rate_limited_before = counted("vnpay_ipn", "rate_limited");
    let bad_before = counted("vnpay_ipn", "bad_signature");
    let mut answered = 0;
    let mut refused = None;
    for i in 0..ENOUGH {
        let (status, body) = send(&app, from(attacker, forged(i)?)).await?;
        assert_eq!(body["RspCode"], "97", "{status} {body}");
        if status == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(i);
            break;
        }
        assert_eq!(status, StatusCode::OK);
        answered += 1;
    }
    assert!(refused.is_some(), "never refused");
    assert!(answered >= u64::from(BAD_SIGNATURE_IP.max));
    // Each one answered is kept as a prefix; the refused one is not kept at all.
    assert_eq!(unsigned_rows(&app, "vnpay").await?, answered);
    only_prefixes_kept(&app, "vnpay").await?;
    let (status, _) = send(&app, from(attacker, forged(999)?)).await?;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(unsigned_rows(&app, "vnpay").await?, answered);
    assert!(counted("vnpay_ipn", "rate_limited") >= rate_limited_before + 2.0);
    assert!(counted("vnpay_ipn", "bad_signature") >= bad_before + answered as f64);

    // The gateway's correctly signed IPN still gets through from the same address.
    let mut params = std::collections::BTreeMap::new();
    for (k, v) in [
        ("vnp_TxnRef", "DVC000000000"),
        ("vnp_Amount", "100"),
        ("vnp_ResponseCode", "00"),
        ("vnp_TransactionStatus", "00"),
        ("vnp_TmnCode", "DVCDEMO1"),
    ] {
        params.insert(k.to_owned(), v.to_owned());
    }
    let hash = vnpay::hmac_sha512(DEV_VNPAY_SECRET, &vnpay::hash_data(&params));
    params.insert("vnp_SecureHash".into(), hash);
    let query: String = params
        .iter()
        .map(|(k, v)| format!("{}={}", vnpay::urlencode(k), vnpay::urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let signed = Request::get(format!("/thanh-toan/vnpay/ipn?{query}")).body(Body::empty())?;
    let (status, body) = send(&app, from(attacker, signed)).await?;
    assert_eq!(
        (status, body["RspCode"].as_str()),
        (StatusCode::OK, Some("01"))
    );
    // Another address is not held back by the attacker's.
    let (status, body) = send(&app, from([198, 51, 100, 1], forged(0)?)).await?;
    assert_eq!(
        (status, body["RspCode"].as_str()),
        (StatusCode::OK, Some("97"))
    );
    Ok(())
}

fn notice(body: Vec<u8>, signature: &str) -> Result<Request<Body>, http::Error> {
    Request::post("/thanh-toan/vietqr/thong-bao")
        .header(header::CONTENT_TYPE, "application/json")
        .header(vietqr::SIGNATURE_HEADER, signature)
        .body(Body::from(body))
}

#[tokio::test]
async fn a_flood_of_unsigned_bank_notices_is_cut_bounded_and_then_refused() -> TestResult {
    let app = TestApp::new().await?;
    let attacker = [203, 0, 113, 8];
    let long = serde_json::to_vec(&serde_json::json!({
        "transaction_id": "FT0000", "account": DEMO_VIETQR_ACCOUNT, "amount_vnd": 1,
        "description": "y".repeat(10_000), "credited_at": "2026-12-07T00:00:00Z",
    }))?;
    // Over the body limit: answered 413, nothing read further, nothing kept.
    let huge = vec![b'{'; server::callbacks::BODY_LIMIT + 1];
    let (status, body) = send(&app, from(attacker, notice(huge, "00")?)).await?;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("99"))
    );
    assert_eq!(unsigned_rows(&app, "vietqr").await?, 0);

    let mut answered = 0;
    let mut refused = false;
    for _ in 0..ENOUGH {
        let (status, body) = send(&app, from(attacker, notice(long.clone(), "00")?)).await?;
        assert_eq!(body["code"], "97", "{status} {body}");
        if status == StatusCode::TOO_MANY_REQUESTS {
            refused = true;
            break;
        }
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        answered += 1;
    }
    assert!(refused, "never refused");
    assert_eq!(unsigned_rows(&app, "vietqr").await?, answered);
    only_prefixes_kept(&app, "vietqr").await?;
    assert!(counted("vietqr_notice", "rate_limited") >= 1.0);
    assert!(counted("vietqr_notice", "too_large") >= 1.0);

    // The bank's signed notice still gets through from that address (no order has it: 01).
    let real = serde_json::to_vec(&serde_json::json!({
        "transaction_id": "FT0001", "account": DEMO_VIETQR_ACCOUNT, "amount_vnd": 50_000,
        "description": "chuyen tien", "credited_at": "2026-12-07T00:00:00Z",
    }))?;
    let signature = vietqr::sign(DEV_VIETQR_SECRET, &real);
    let (status, body) = send(&app, from(attacker, notice(real, &signature)?)).await?;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::OK, Some("01"))
    );
    Ok(())
}

fn webhook(body: Vec<u8>, signature: &str) -> Result<Request<Body>, http::Error> {
    Request::post("/buu-chinh/webhook")
        .header(header::CONTENT_TYPE, "application/json")
        .header(carrier::SIGNATURE_HEADER, signature)
        .body(Body::from(body))
}

#[tokio::test]
async fn a_flood_of_unsigned_carrier_webhooks_is_refused_past_the_allowance() -> TestResult {
    let app = TestApp::new().await?;
    let attacker = [203, 0, 113, 9];
    let forged = serde_json::to_vec(&serde_json::json!({
        "event_id": "z", "tracking_number": "EB123456785VN", "status": "delivered",
        "at": "2026-12-07T00:00:00Z", "note": "z".repeat(8_000),
    }))?;
    let huge = vec![b'{'; server::callbacks::BODY_LIMIT + 1];
    let (status, _) = send(&app, from(attacker, webhook(huge, "00")?)).await?;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let mut refused = false;
    for _ in 0..ENOUGH {
        let (status, body) = send(&app, from(attacker, webhook(forged.clone(), "00")?)).await?;
        assert_eq!(body["code"], "97", "{status} {body}");
        if status == StatusCode::TOO_MANY_REQUESTS {
            refused = true;
            break;
        }
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert!(refused, "never refused");
    assert!(counted("carrier_webhook", "rate_limited") >= 1.0);
    // A webhook with a wrong signature changes nothing and is not stored anywhere.
    assert_eq!(
        domain::entities::shipment_event::Entity::find()
            .count(&app.db)
            .await?,
        0
    );
    // The carrier's signed webhook still gets through (an unknown shipment: 404, 01).
    let real = serde_json::to_vec(&serde_json::json!({
        "event_id": "r", "tracking_number": "EB123456785VN", "status": "delivered",
        "at": "2026-12-07T00:00:00Z",
    }))?;
    let signature = carrier::sign(DEV_CARRIER_SECRET, &real);
    let (status, body) = send(&app, from(attacker, webhook(real, &signature)?)).await?;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("01"))
    );
    Ok(())
}

/// A multipart upload of `size` bytes whose body counts, in `read`, the bytes taken from it.
fn upload(uri: &str, size: usize, read: Arc<AtomicUsize>) -> Result<Request<Body>, http::Error> {
    const BOUNDARY: &str = "ranh-gioi-0123456789";
    let head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ban-sao.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    );
    let chunks = std::iter::once(Bytes::from(head))
        .chain((0..size.div_ceil(1024)).map(|_| Bytes::from(vec![b'%'; 1024])))
        .chain(std::iter::once(Bytes::from(format!(
            "\r\n--{BOUNDARY}--\r\n"
        ))));
    let stream = futures::stream::iter(chunks).map(move |chunk| {
        read.fetch_add(chunk.len(), Ordering::SeqCst);
        Ok::<_, std::io::Error>(chunk)
    });
    Request::post(format!("{uri}?csrf_token={CSRF}"))
        .header(header::COOKIE, format!("csrf={CSRF}"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from_stream(stream))
}

#[tokio::test]
async fn the_copy_check_looks_at_the_id_and_the_allowance_before_the_upload() -> TestResult {
    let app = TestApp::new().await?;
    let issued = 4_096;
    let id = uuid::Uuid::new_v4().to_string();
    dossier_result::Entity::insert(dossier_result::ActiveModel {
        id: Set(id.clone()),
        dossier_id: Set(uuid::Uuid::new_v4().to_string()),
        file_key: Set("ket-qua/x.pdf".into()),
        file_name: Set("ket-qua.pdf".into()),
        size: Set(issued),
        uploaded_by: Set("staff".into()),
        uploaded_at: Set(chrono::Utc::now().fixed_offset()),
        signed_key: Set(Some("ket-qua/x-signed.pdf".into())),
        signed_sha256: Set(Some("0".repeat(64))),
        signed_size: Set(Some(issued)),
        signed_at: Set(Some(chrono::Utc::now().fixed_offset())),
        ..Default::default()
    })
    .exec_without_returning(&app.db)
    .await?;
    let location = |headers: &http::HeaderMap| {
        headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };

    // An id that names no signed result: 404, and the upload is never read.
    let read = Arc::new(AtomicUsize::new(0));
    let unknown = format!("/xac-thuc/{}/kiem-tra", uuid::Uuid::new_v4());
    let request = from(
        [203, 0, 113, 10],
        upload(&unknown, 1_000_000, read.clone())?,
    );
    let (status, _, _) = app.request(request).await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(read.load(Ordering::SeqCst), 0, "the upload was read");

    // A copy larger than the issued file: refused after reading about the issued size only.
    let check = format!("/xac-thuc/{id}/kiem-tra");
    let read = Arc::new(AtomicUsize::new(0));
    let request = from([203, 0, 113, 11], upload(&check, 2_000_000, read.clone())?);
    let (status, headers, _) = app.request(request).await?;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(
        location(&headers),
        format!("/xac-thuc/{id}?loi=check_larger")
    );
    let taken = read.load(Ordering::SeqCst);
    assert!(taken < 64 * 1024, "read {taken} bytes of a 2 MB upload");

    // One address checking over and over: refused before its upload is read.
    let attacker = [203, 0, 113, 12];
    let mut refused = false;
    for _ in 0..2 * server::routes::results::CHECK_IP.max + 2 {
        let read = Arc::new(AtomicUsize::new(0));
        let request = from(attacker, upload(&check, 100_000, read.clone())?);
        let (_, headers, _) = app.request(request).await?;
        if location(&headers).ends_with("loi=check_rate_limited") {
            assert_eq!(read.load(Ordering::SeqCst), 0, "the upload was read");
            refused = true;
            break;
        }
        assert_eq!(
            location(&headers),
            format!("/xac-thuc/{id}?loi=check_larger")
        );
    }
    assert!(refused, "never refused");
    // Another address still may.
    let read = Arc::new(AtomicUsize::new(0));
    let request = from([198, 51, 100, 2], upload(&check, 100_000, read)?);
    let (_, headers, _) = app.request(request).await?;
    assert_eq!(
        location(&headers),
        format!("/xac-thuc/{id}?loi=check_larger")
    );
    Ok(())
}
