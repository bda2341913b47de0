//! VietQR transfers over real HTTP: the portal serves the bank simulator (outside production),
//! which reads the order's code as a banking app does and sends the portal the collecting
//! bank's signed credit notice — once, twice, short of the amount or altered after signing —
//! to `/thanh-toan/vietqr/thong-bao`, which needs no CSRF token (a server calls it, with no
//! cookie) and answers each with its code. A transfer whose notice is lost is confirmed by the
//! daily reconciliation of the simulator's account statement.

mod common;

use domain::payments::bank_transfer;
use domain::payments::online;
use domain::testing::services;
use domain::testing::{self};
use server::config::{DEMO_VIETQR_ACCOUNT, DEV_VIETQR_SECRET};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

#[tokio::test]
async fn the_bank_simulator_pays_a_transfer_order_and_the_portal_answers_its_notices() -> TestResult
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let db = domain::testing::seeded_database(common::today()).await?;
    let public = base.clone();
    let app = common::TestApp::configured(db.clone(), move |c| c.public_url = public)
        .await
        .map_err(|e| e.to_string())?;
    let router = app.router.clone();
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await;
    });
    let http = reqwest::Client::new();
    let now = chrono::Utc::now();
    let config = server::config::Config::default();
    let to = config.vietqr_beneficiary();
    assert_eq!(to.account, DEMO_VIETQR_ACCOUNT);

    let pay = |payload: String, mode: &'static str| {
        let http = http.clone();
        let url = format!("{base}/gia-lap/ngan-hang/chuyen-khoan");
        async move {
            let page = http
                .post(url)
                .form(&[("ma", payload.as_str()), ("mode", mode)])
                .send()
                .await?;
            let status = page.status().as_u16();
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((status, page.text().await?))
        }
    };

    // Paid, with the notice sent twice: confirmed once, the replay answered 02.
    let (owner, id) = testing::filed(&db, 3, now).await?;
    let order = bank_transfer::order(services(&db, now), &owner, &id).await?;
    let (status, page) = pay(bank_transfer::payload_of(&to, &order), "twice").await?;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"answer\">02<"), "{page}");
    let payments = online::of_dossier(&db, &id).await?;
    assert_eq!(payments[0].status, "paid");
    assert_eq!(payments.iter().filter(|p| p.status == "paid").count(), 1);

    // Short of the amount: kept, answered 04, the order stays open; altered after signing: 97.
    let (other, other_id) = testing::filed(&db, 4, now).await?;
    let open = bank_transfer::order(services(&db, now), &other, &other_id).await?;
    let (_, page) = pay(bank_transfer::payload_of(&to, &open), "less").await?;
    assert!(page.contains("id=\"answer\">04<"), "{page}");
    let (_, page) = pay(bank_transfer::payload_of(&to, &open), "tamper").await?;
    assert!(page.contains("id=\"answer\">97<"), "{page}");
    assert_eq!(
        online::of_dossier(&db, &other_id).await?[0].status,
        "pending"
    );
    // A code whose CRC does not match is refused by the "banking app".
    let mut broken = bank_transfer::payload_of(&to, &open);
    broken.insert(20, '9');
    assert_eq!(pay(broken, "once").await?.0, 400);

    // Straight to the notice address: no CSRF token needed, codes and statuses.
    let notice = format!("{base}/thanh-toan/vietqr/thong-bao");
    let body = serde_json::to_vec(&serde_json::json!({
        "transaction_id": "FT1", "account": to.account, "amount_vnd": open.amount_vnd,
        "description": "no reference here", "credited_at": now,
    }))?;
    let post = |body: Vec<u8>, signature: String| {
        let http = http.clone();
        let notice = notice.clone();
        async move {
            let r = http
                .post(notice)
                .header("content-type", "application/json")
                .header(domain::payments::vietqr::SIGNATURE_HEADER, signature)
                .body(body)
                .send()
                .await?;
            let status = r.status().as_u16();
            let json: serde_json::Value = r.json().await?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((
                status,
                json["code"].as_str().unwrap_or_default().to_owned(),
            ))
        }
    };
    let signed = domain::payments::vietqr::sign(DEV_VIETQR_SECRET, &body);
    assert_eq!(post(body.clone(), signed).await?, (200, "01".to_owned()));
    assert_eq!(post(body, "00".repeat(32)).await?, (401, "97".to_owned()));
    let junk = b"{".to_vec();
    let signed = domain::payments::vietqr::sign(DEV_VIETQR_SECRET, &junk);
    assert_eq!(post(junk, signed).await?, (400, "99".to_owned()));

    // A transfer whose notice is lost stays waiting until the day's account statement, read
    // by the daily reconciliation, confirms it (once: the day is not read twice).
    let (third, third_id) = testing::filed(&db, 5, now).await?;
    let lost = bank_transfer::order(services(&db, now), &third, &third_id).await?;
    let (status, page) = pay(bank_transfer::payload_of(&to, &lost), "silent").await?;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        online::of_dossier(&db, &third_id).await?[0].status,
        "pending"
    );
    let today = now
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let statement_url = format!("{base}/gia-lap/ngan-hang/sao-ke");
    let csv = http
        .get(&statement_url)
        .query(&[("day", today.format("%Y%m%d").to_string())])
        .send()
        .await?
        .text()
        .await?;
    assert!(
        csv.starts_with("TransactionId,Time,Account,Amount,Description\n"),
        "{csv}"
    );
    assert!(csv.contains(&lost.txn_ref), "{csv}");
    assert!(server::outbox_worker::reconcile_transfers_day(&db, &to, &statement_url, today).await?);
    assert!(
        !server::outbox_worker::reconcile_transfers_day(&db, &to, &statement_url, today).await?
    );
    assert_eq!(online::of_dossier(&db, &third_id).await?[0].status, "paid");
    // The report flags the short transfer of the second order, which the statement shows.
    let runs = domain::payments::reconciliation::runs(&db, 5).await?;
    let run = runs
        .iter()
        .find(|r| r.gateway == "vietqr")
        .ok_or("vietqr run")?;
    let lines = domain::payments::reconciliation::lines(run);
    assert!(
        lines.iter().any(|l| l.txn_ref == open.txn_ref
            && l.issue == Some(domain::payments::reconciliation::Issue::AmountDiffers)),
        "{lines:?}"
    );

    let spec: serde_json::Value = http
        .get(format!("{base}/api/openapi.json"))
        .send()
        .await?
        .json()
        .await?;
    assert!(spec["paths"]["/api/v1/dossiers/{id}/payments/transfer"]["post"].is_object());
    Ok(())
}
