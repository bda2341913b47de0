//! Refund orders over real HTTP, on the protocol alone: the portal serves the bank simulator's
//! payout service (outside production); the payout client posts signed orders to it and checks
//! its signed answers; the simulator refuses an account that does not exist (`10`), is down for
//! another (`96`, sent again later), accepts the rest and posts its signed result to
//! `/thanh-toan/chi-ho/ket-qua` a moment later — paid, or "account closed" (back to the
//! applicant). Transfers, cash collected by the postman and an overpayment are paid back the
//! same way. A client with the wrong secret — the credit notices' one included: payouts have
//! their own — gets `97` and its order stays queued. The collecting account's statement then
//! shows each payout as a debit: reconciling it confirms the paid orders and completes one whose
//! result notice was lost.

mod common;

use std::time::Duration;

use domain::access::Role;
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::entities::payment;
use domain::payments::refund_orders::{self, AWAITING_ACCOUNT, COMPLETED, QUEUED, SENT};
use domain::testing::{self, services};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::config::{DEV_PAYOUTS_SECRET, DEV_VIETQR_SECRET};
use server::payouts_client::HttpPayouts;

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// A refused dossier of a new citizen `n` whose fee was paid by transfer: one refund order
/// waiting for an account. Returns the owner and the dossier id.
async fn owed(
    db: &sea_orm::DatabaseConnection,
    n: u32,
) -> Result<(domain::access::Actor, String), Box<dyn std::error::Error + Send + Sync>> {
    owed_by(db, n, "vietqr").await
}

/// The same, the fee paid through `channel` (`vietqr`, or `cod`: cash to the postman).
async fn owed_by(
    db: &sea_orm::DatabaseConnection,
    n: u32,
    channel: &str,
) -> Result<(domain::access::Actor, String), Box<dyn std::error::Error + Send + Sync>> {
    let now = chrono::Utc::now();
    let (owner, id) = testing::filed(db, n, now).await?;
    let fee = domain::dossiers::drafts::load_for_tests(db, &id)
        .await?
        .dossier
        .fee_due_vnd
        .ok_or("fee")?;
    let paid = domain::payments::new_row(&id, channel, format!("DVCPO{n}"), fee, "paid", now);
    payment::Entity::insert(payment::ActiveModel::from(paid))
        .exec_without_returning(db)
        .await?;
    let desk = testing::staff(db, "Phạm Văn Dũng", "000.00.02.H53", &[Role::IntakeClerk]).await?;
    let refusal = Command {
        public_note: "Chưa đủ điều kiện".into(),
        ..Command::default()
    };
    processing::act(services(db, now), &desk, &id, Transition::Refuse, &refusal).await?;
    Ok((owner, id))
}

async fn status_of(
    db: &sea_orm::DatabaseConnection,
    id: &str,
) -> Result<(String, Option<String>), Box<dyn std::error::Error + Send + Sync>> {
    let orders = refund_orders::of_dossier(db, id).await?;
    let o = orders.first().ok_or("no order")?;
    Ok((o.status.clone(), o.last_error.clone()))
}

/// Waits (up to 5 s) for the simulator's asynchronous result to move order of `id` off
/// `from`.
async fn settled(
    db: &sea_orm::DatabaseConnection,
    id: &str,
    from: &str,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    for _ in 0..50 {
        let (status, _) = status_of(db, id).await?;
        if status != from {
            return Ok(status);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(status_of(db, id).await?.0)
}

#[tokio::test]
async fn refund_orders_meet_every_answer_of_the_banks_payout_service() -> TestResult {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let db = testing::seeded_database(common::today()).await?;
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
    let url = format!("{base}/gia-lap/ngan-hang/chi-ho");
    let bank = HttpPayouts::new(url.clone(), DEV_PAYOUTS_SECRET.into());
    let give = |owner: domain::access::Actor, id: String, number: &'static str| {
        let db = db.clone();
        async move {
            let account = refund_orders::check_account("970418", number, "Nguyen Van An")
                .map_err(|e| format!("{e:?}"))?;
            refund_orders::give_account(services(&db, chrono::Utc::now()), &owner, &id, &account)
                .await?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
        }
    };
    let send = |client: HttpPayouts| {
        let db = db.clone();
        async move {
            refund_orders::send_due(&db, &client, testing::mailing(), chrono::Utc::now()).await
        }
    };

    // No such account: back to the applicant with the bank's words.
    let (owner, missing) = owed(&db, 81).await?;
    give(owner, missing.clone(), "0001234567").await?;
    assert_eq!(send(bank.clone()).await?, 0);
    let (status, error) = status_of(&db, &missing).await?;
    assert_eq!(status, AWAITING_ACCOUNT);
    assert!(error.is_some_and(|e| e.starts_with("10")));

    // The service is down: still queued, with the error, sent again after the back-off.
    let (owner, down) = owed(&db, 82).await?;
    give(owner, down.clone(), "9991234567").await?;
    assert_eq!(send(bank.clone()).await?, 0);
    let (status, error) = status_of(&db, &down).await?;
    assert_eq!(status, QUEUED);
    assert!(error.is_some_and(|e| e.starts_with("96")));

    // The wrong secret: the bank answers 97 (the client refuses its unsigned answer), queued.
    let (owner, forged) = owed(&db, 83).await?;
    give(owner, forged.clone(), "1231234567").await?;
    let stranger = HttpPayouts::new(url.clone(), "not-the-secret".into());
    assert_eq!(send(stranger).await?, 0);
    assert_eq!(status_of(&db, &forged).await?.0, QUEUED);
    let credit_key = HttpPayouts::new(url.clone(), DEV_VIETQR_SECRET.into());
    assert_eq!(send(credit_key).await?, 0);
    assert_eq!(status_of(&db, &forged).await?.0, QUEUED);

    // Accepted, then the receiving bank finds the account closed: back to the applicant.
    let (owner, closed) = owed(&db, 84).await?;
    give(owner, closed.clone(), "1111234567").await?;
    send(bank.clone()).await?;
    assert_eq!(settled(&db, &closed, "sent").await?, AWAITING_ACCOUNT);

    // Accepted and paid: done once the signed result arrives.
    let (owner, paid) = owed(&db, 85).await?;
    give(owner, paid.clone(), "1231234568").await?;
    send(bank.clone()).await?;
    assert_eq!(settled(&db, &paid, "sent").await?, COMPLETED);

    // Cash the postman collected for a dossier then refused: paid back the same way.
    let (owner, cash) = owed_by(&db, 87, "cod").await?;
    give(owner, cash.clone(), "1231234569").await?;
    send(bank.clone()).await?;
    assert_eq!(settled(&db, &cash, "sent").await?, COMPLETED);

    // A transfer that lands after the fee was waived is an overpayment: its order is opened by
    // the bank's credit notice itself, and paid back through the same service.
    let now = chrono::Utc::now();
    let (owner, waived) = testing::filed(&db, 88, now).await?;
    let transfer =
        domain::payments::bank_transfer::order(services(&db, now), &owner, &waived).await?;
    domain::entities::dossier::Entity::update_many()
        .col_expr(
            domain::entities::dossier::Column::FeeDueVnd,
            sea_orm::sea_query::Expr::value(Some(0i64)),
        )
        .filter(domain::entities::dossier::Column::Id.eq(&waived))
        .exec(&db)
        .await?;
    let to = domain::payments::vietqr::Beneficiary {
        bank_bin: "970436".into(),
        bank_name: "Vietcombank".into(),
        account: server::config::DEMO_VIETQR_ACCOUNT.into(),
        account_name: "KHO BAC".into(),
    };
    let credit = serde_json::to_vec(&domain::payments::vietqr::CreditNotice {
        transaction_id: "FT2612070088".into(),
        account: to.account.clone(),
        amount_vnd: transfer.amount_vnd,
        description: format!("chuyen tien {}", transfer.txn_ref),
        credited_at: now,
    })?;
    let signature = domain::payments::vietqr::sign(DEV_VIETQR_SECRET, &credit);
    domain::payments::bank_transfer::credit_notice(
        &db,
        DEV_VIETQR_SECRET,
        &to,
        &credit,
        &signature,
        now,
    )
    .await?;
    let overpaid = refund_orders::of_dossier(&db, &waived).await?;
    assert_eq!(
        overpaid
            .iter()
            .map(|o| (o.reason.as_str(), o.amount_vnd))
            .collect::<Vec<_>>(),
        [("overpaid", transfer.amount_vnd)]
    );
    give(owner, waived.clone(), "1231234570").await?;
    send(bank.clone()).await?;
    assert_eq!(settled(&db, &waived, "sent").await?, COMPLETED);

    // Paid, but the result notice is lost: the order waits at `sent` until the statement.
    let (owner, lost) = owed(&db, 89).await?;
    give(owner, lost.clone(), "8881234567").await?;
    send(bank.clone()).await?;
    assert_eq!(status_of(&db, &lost).await?.0, SENT);
    let lost_ref = refund_orders::of_dossier(&db, &lost).await?[0]
        .reference
        .clone();
    let day = chrono::Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let statement_url = format!("{base}/gia-lap/ngan-hang/sao-ke");
    let http = reqwest::Client::new();
    let mut csv = String::new();
    for _ in 0..50 {
        csv = http
            .get(&statement_url)
            .query(&[("day", day.format("%Y%m%d").to_string())])
            .send()
            .await?
            .text()
            .await?;
        if csv.contains(&lost_ref) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let debits = refund_orders::statement::debits(&csv)?;
    assert_eq!(
        debits.len(),
        4,
        "the four paid orders are debits, the closed one is not: {csv}"
    );
    assert_eq!(
        domain::payments::bank_transfer::parse_statement(&csv)?.len(),
        0,
        "a debit is never read as a credit"
    );
    assert!(
        server::outbox_worker::reconcile_payouts_day(&db, &statement_url, day, testing::mailing())
            .await?
    );
    assert!(
        !server::outbox_worker::reconcile_payouts_day(&db, &statement_url, day, testing::mailing())
            .await?,
        "a day is reconciled once"
    );
    for id in [&paid, &cash, &waived, &lost] {
        let order = &refund_orders::of_dossier(&db, id).await?[0];
        assert_eq!(order.status, COMPLETED);
        assert!(order.confirmed_at.is_some(), "{order:?}");
    }
    assert!(refund_orders::of_dossier(&db, &closed).await?[0]
        .confirmed_at
        .is_none());
    let runs = domain::payments::reconciliation::runs(&db, 5).await?;
    let run = runs
        .iter()
        .find(|r| r.gateway == refund_orders::statement::SOURCE)
        .ok_or("payouts run")?;
    assert_eq!((run.matched, run.mismatched), (4, 0), "{:?}", run.report);
    Ok(())
}
