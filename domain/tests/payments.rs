//! Paying a fee through VNPay against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set): the signed payment address, and forged, tampered,
//! replayed, reordered, unknown and wrong-amount IPN calls, each answered with its documented
//! code and none changing a payment wrongly; no second payment while one is pending; a
//! cancelled payment can be retried.
//!
//! Longer than 600 lines on purpose: each callback case (forged, tampered, replayed, reordered,
//! unknown, wrong amount) is its own test on the same payment fixture.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::entities::{dossier, dossier_event, payment, payment_callback};
use domain::payments::money;
use domain::payments::online::{self, VnpayConfig};
use domain::payments::vnpay::{self, IpnCode};
use domain::testing::services;
use domain::testing::{self, seeded_database};
use domain::DomainError;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const SECRET: &str = "test-merchant-secret";

fn config() -> VnpayConfig {
    VnpayConfig {
        tmn_code: "DVCTEST1".into(),
        secret: SECRET.into(),
        pay_url: "https://pay.example/paymentv2/vpcpay.html".into(),
        return_url: "https://dvc.example/thanh-toan/vnpay/ket-qua".into(),
    }
}

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

fn query(url: &str) -> BTreeMap<String, String> {
    url.split_once('?')
        .map(|(_, q)| q)
        .unwrap_or("")
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| {
            let v = v.replace('+', " ");
            let bytes = v.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
                    if let Ok(b) = u8::from_str_radix(&v[i + 1..i + 3], 16) {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                }
                out.push(bytes[i]);
                i += 1;
            }
            (k.to_owned(), String::from_utf8_lossy(&out).into_owned())
        })
        .collect()
}

/// The IPN VNPay sends for the payment at `url`: `response` `00` paid, `24` cancelled.
fn ipn_for(url: &str, response: &str) -> BTreeMap<String, String> {
    let sent = query(url);
    let mut p = BTreeMap::new();
    for k in ["vnp_Amount", "vnp_TxnRef", "vnp_OrderInfo", "vnp_TmnCode"] {
        p.insert(k.to_owned(), sent[k].clone());
    }
    p.insert("vnp_ResponseCode".into(), response.into());
    p.insert(
        "vnp_TransactionStatus".into(),
        if response == "00" { "00" } else { "02" }.into(),
    );
    p.insert("vnp_TransactionNo".into(), "14123456".into());
    p.insert("vnp_BankCode".into(), "NCB".into());
    p.insert("vnp_PayDate".into(), "20261123091500".into());
    sign(p)
}

fn sign(mut p: BTreeMap<String, String>) -> BTreeMap<String, String> {
    p.remove("vnp_SecureHash");
    let hash = vnpay::hmac_sha512(SECRET, &vnpay::hash_data(&p));
    p.insert("vnp_SecureHash".into(), hash);
    p
}

fn code_of(e: &DomainError) -> Option<String> {
    match e {
        DomainError::Validation(f) => f.first().map(|f| f.code.clone()),
        _ => None,
    }
}

#[tokio::test]
async fn callbacks_are_answered_by_the_book_and_a_fee_is_paid_once() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let (owner, id) = testing::filed(&db, 4, now).await?;
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?;
    let fee = row.fee_due_vnd.ok_or("fee")?;
    assert!(fee > 0, "TN.ATTP.001 has a fee");

    // Someone else cannot pay (nor see) it.
    let (stranger, _) = testing::filed(&db, 5, now).await?;
    assert!(matches!(
        online::start(services(&db, now), &config(), &stranger, &id).await,
        Err(DomainError::NotFound(_) | DomainError::Forbidden(_))
    ));

    let url = online::start(services(&db, now), &config(), &owner, &id).await?;
    assert!(url.starts_with("https://pay.example/paymentv2/vpcpay.html?"));
    let sent = query(&url);
    assert!(vnpay::verify(SECRET, &sent), "the address is signed");
    assert_eq!(
        sent["vnp_Amount"],
        (fee * 100).to_string(),
        "amount × 100, from the fee"
    );
    assert_eq!(sent["vnp_Version"], "2.1.0");
    assert_eq!(sent["vnp_ReturnUrl"], config().return_url);
    // No second payment while the first waits for the bank.
    let twice = online::start(
        services(&db, now + Duration::minutes(1)),
        &config(),
        &owner,
        &id,
    )
    .await;
    assert_eq!(
        twice.err().as_ref().and_then(code_of).as_deref(),
        Some("payment_pending")
    );

    let paid = ipn_for(&url, "00");
    // Forged: signed with another secret.
    let mut forged = paid.clone();
    forged.insert(
        "vnp_SecureHash".into(),
        vnpay::hmac_sha512("guess", &vnpay::hash_data(&paid)),
    );
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &forged, now).await?,
        IpnCode::BadSignature
    );
    // Tampered: the amount changed after signing.
    let mut tampered = paid.clone();
    tampered.insert("vnp_Amount".into(), "100".into());
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &tampered, now).await?,
        IpnCode::BadSignature
    );
    // Signed but for an amount that is not the order's.
    let mut wrong = paid.clone();
    wrong.insert("vnp_Amount".into(), (fee * 100 - 100).to_string());
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &sign(wrong), now).await?,
        IpnCode::WrongAmount
    );
    // Signed but for an order that does not exist.
    let mut unknown = paid.clone();
    unknown.insert("vnp_TxnRef".into(), "NOSUCHREF".into());
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &sign(unknown), now).await?,
        IpnCode::OrderNotFound
    );
    let p = online::of_dossier(&db, &id).await?;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].status, "pending", "nothing above changed the payment");

    // The real one: paid, once.
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &paid, now).await?,
        IpnCode::Confirmed
    );
    // Replayed, and a failure arriving after it (reordered): both answered 02, still paid.
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &paid, now).await?,
        IpnCode::AlreadyConfirmed
    );
    let late_failure = ipn_for(&url, "24");
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &late_failure, now).await?,
        IpnCode::AlreadyConfirmed
    );
    let p = online::of_dossier(&db, &id).await?;
    assert_eq!(p[0].status, "paid");
    assert_eq!(p[0].gateway_txn_no.as_deref(), Some("14123456"));
    assert!(money::is_paid(Some(fee), &p));
    let events = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .filter(dossier_event::Column::Kind.eq("payment_paid"))
        .count(&db)
        .await?;
    assert_eq!(events, 1);
    // Every callback is kept; the forged ones as such.
    let kept = payment_callback::Entity::find().all(&db).await?;
    assert_eq!(kept.len(), 7);
    assert_eq!(kept.iter().filter(|c| !c.signature_valid).count(), 2);
    assert!(kept
        .iter()
        .filter(|c| !c.signature_valid)
        .all(|c| c.answer == "97"));
    // Paid: no new payment is offered.
    let again = online::start(
        services(&db, now + Duration::hours(1)),
        &config(),
        &owner,
        &id,
    )
    .await;
    assert_eq!(
        again.err().as_ref().and_then(code_of).as_deref(),
        Some("payment_done")
    );
    // The browser's return only points back to the dossier.
    assert_eq!(
        online::vnpay_return(&db, SECRET, &paid, now).await?,
        Some(id.clone())
    );
    assert_eq!(
        online::vnpay_return(&db, SECRET, &tampered, now).await?,
        None
    );
    Ok(())
}

#[tokio::test]
async fn a_cancelled_payment_can_be_retried() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let (owner, id) = testing::filed(&db, 6, now).await?;
    let first = online::start(services(&db, now), &config(), &owner, &id).await?;
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &ipn_for(&first, "24"), now).await?,
        IpnCode::Confirmed
    );
    assert_eq!(online::of_dossier(&db, &id).await?[0].status, "failed");
    let second = online::start(
        services(&db, now + Duration::minutes(2)),
        &config(),
        &owner,
        &id,
    )
    .await?;
    assert_ne!(query(&first)["vnp_TxnRef"], query(&second)["vnp_TxnRef"]);
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &ipn_for(&second, "00"), now).await?,
        IpnCode::Confirmed
    );
    let all = online::of_dossier(&db, &id).await?;
    assert_eq!(all.iter().filter(|p| p.status == "paid").count(), 1);
    assert_eq!(payment::Entity::find().count(&db).await?, 2);
    Ok(())
}

#[tokio::test]
async fn the_daily_reconciliation_flags_every_disagreement_with_the_statement() -> TestResult {
    use domain::payments::reconciliation::{self, Issue};
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let mut refs = Vec::new();
    for n in 20..24 {
        let (owner, id) = testing::filed(&db, n, now).await?;
        let url = online::start(services(&db, now), &config(), &owner, &id).await?;
        refs.push((query(&url)["vnp_TxnRef"].clone(), url));
    }
    // Three are paid in the portal; the fourth was cancelled.
    for (_, url) in &refs[..3] {
        online::vnpay_ipn(&db, SECRET, &ipn_for(url, "00"), now).await?;
    }
    online::vnpay_ipn(&db, SECRET, &ipn_for(&refs[3].1, "24"), now).await?;
    let fee = payment::Entity::find()
        .one(&db)
        .await?
        .ok_or("payment")?
        .amount_vnd;
    let statement = format!(
        "TxnRef,TransactionNo,Amount,Status,PayDate\n\
         {},14000001,{fee},00,20261123091500\n\
         {},14000002,{},00,20261123091600\n\
         {},14000004,{fee},00,20261123091800\n\
         ZZZUNKNOWN,14000009,50000,00,20261123092000\n",
        refs[0].0,
        refs[1].0,
        fee - 1000,
        refs[3].0,
    );
    let lines = reconciliation::parse_statement(&statement)?;
    assert_eq!(lines.len(), 4);
    let run = reconciliation::reconcile(
        &db,
        now.with_timezone(&domain::dossiers::codes::vietnam())
            .date_naive(),
        &lines,
        now,
    )
    .await?;
    let report = reconciliation::lines(&run);
    let issue = |r: &str| report.iter().find(|l| l.txn_ref == r).and_then(|l| l.issue);
    assert_eq!(issue(&refs[0].0), None, "agrees");
    assert_eq!(issue(&refs[1].0), Some(Issue::AmountDiffers));
    assert_eq!(
        issue(&refs[2].0),
        Some(Issue::NotSettled),
        "paid here, absent from the statement"
    );
    assert_eq!(
        issue(&refs[3].0),
        Some(Issue::NotRecorded),
        "settled there, cancelled here"
    );
    assert_eq!(issue("ZZZUNKNOWN"), Some(Issue::UnknownToPortal));
    assert_eq!((run.matched, run.mismatched), (1, 4));
    let csv = reconciliation::to_csv(&run);
    assert!(csv.starts_with(
        "txn_ref,portal_status,portal_amount_vnd,gateway_status,gateway_amount_vnd,issue\n"
    ));
    assert!(
        csv.contains("ZZZUNKNOWN,,,00,50000,unknown_to_portal"),
        "{csv}"
    );
    assert!(matches!(
        reconciliation::parse_statement("A,B\n1,2\n"),
        Err(DomainError::Validation(_))
    ));
    assert_eq!(reconciliation::runs(&db, 10).await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_fee_paid_before_processing_sends_the_dossier_to_the_desk() -> TestResult {
    use domain::access::Role;
    use domain::dossiers::lifecycle::Transition;
    use domain::dossiers::processing::{self, Command};
    use domain::dossiers::tally;
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let me = testing::citizen(&db, 41).await?;
    let id = testing::complete_draft_of(&db, &me, "TN.ATTP.002").await?;
    domain::dossiers::submission::submit(services(&db, now), &me, &id, true).await?;
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?;
    assert_eq!(row.status, "awaiting_payment");
    let desk = row.receiving_agency_code.clone().ok_or("desk")?;
    let clerk = testing::staff(&db, "Cán bộ tiếp nhận", &desk, &[Role::IntakeClerk]).await?;
    // The desk cannot receive it before the fee is paid.
    let early = processing::act(
        services(&db, now),
        &clerk,
        &id,
        Transition::Accept,
        &Command::default(),
    )
    .await;
    assert!(early.is_err(), "{early:?}");
    let before = tally::counts(&db, &desk, None).await?;

    let url = online::start(services(&db, now), &config(), &me, &id).await?;
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &ipn_for(&url, "00"), now).await?,
        IpnCode::Confirmed
    );
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?;
    assert_eq!(
        row.status, "submitted",
        "paid: it moved on to the desk by itself"
    );
    let paid = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .filter(dossier_event::Column::Kind.eq("payment_paid"))
        .one(&db)
        .await?
        .ok_or("event")?;
    assert_eq!(paid.from_status.as_deref(), Some("awaiting_payment"));
    assert_eq!(paid.to_status.as_deref(), Some("submitted"));
    // The desk's tally moved with it, as a recount finds.
    let after = tally::counts(&db, &desk, None).await?;
    assert_ne!(before, after);
    tally::rebuild(&db).await?;
    let nonzero = |m: std::collections::BTreeMap<_, u64>| {
        m.into_iter().filter(|(_, n)| *n > 0).collect::<Vec<_>>()
    };
    assert_eq!(
        nonzero(tally::counts(&db, &desk, None).await?.into_iter().collect()),
        nonzero(after.into_iter().collect())
    );
    processing::act(
        services(&db, now),
        &clerk,
        &id,
        Transition::Accept,
        &Command::default(),
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn an_extra_fee_set_by_staff_is_paid_as_the_balance() -> TestResult {
    use domain::access::Role;
    use domain::payments::fees;
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let (owner, id) = testing::filed(&db, 7, now).await?;
    let fee = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?
        .fee_due_vnd
        .ok_or("fee")?;
    let first = online::start(services(&db, now), &config(), &owner, &id).await?;
    online::vnpay_ipn(&db, SECRET, &ipn_for(&first, "00"), now).await?;
    assert!(money::is_paid(
        Some(fee),
        &online::of_dossier(&db, &id).await?
    ));

    // The desk adds a fee for extra copies; a clerk of another agency and the owner cannot.
    let desk = testing::staff(&db, "Phạm Văn Dũng", "000.00.02.H53", &[Role::IntakeClerk]).await?;
    let other = testing::staff(&db, "Lê Văn Tám", "000.00.12.H53", &[Role::IntakeClerk]).await?;
    for who in [&other, &owner] {
        let refused = fees::add_extra(services(&db, now), who, &id, 50_000, "Sao y").await;
        assert!(
            matches!(
                refused,
                Err(DomainError::Forbidden(_) | DomainError::NotFound(_))
            ),
            "{refused:?}"
        );
    }
    let bad = fees::add_extra(services(&db, now), &desk, &id, 10, "  ").await;
    let fields: Vec<String> = match bad {
        Err(DomainError::Validation(f)) => f.into_iter().map(|f| f.field).collect(),
        other => return Err(format!("{other:?}").into()),
    };
    assert_eq!(fields, ["amount", "reason"]);
    let due = fees::add_extra(services(&db, now), &desk, &id, 50_000, "Cấp thêm 5 bản sao").await?;
    assert_eq!(due, fee + 50_000);
    let kinds: Vec<String> = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .all(&db)
        .await?
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(kinds.iter().any(|k| k == "fee_added"));

    // Only the balance is asked for, and once it is paid nothing more is.
    let payments = online::of_dossier(&db, &id).await?;
    assert!(!money::is_paid(Some(due), &payments));
    assert_eq!(money::balance(Some(due), &payments), 50_000);
    let second = online::start(
        services(&db, now + Duration::minutes(1)),
        &config(),
        &owner,
        &id,
    )
    .await?;
    assert_eq!(query(&second)["vnp_Amount"], (50_000 * 100).to_string());
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &ipn_for(&second, "00"), now).await?,
        IpnCode::Confirmed
    );
    let payments = online::of_dossier(&db, &id).await?;
    assert_eq!(payments.iter().filter(|p| p.status == "paid").count(), 2);
    assert!(money::is_paid(Some(due), &payments));
    let done = online::start(
        services(&db, now + Duration::minutes(2)),
        &config(),
        &owner,
        &id,
    )
    .await;
    assert_eq!(
        done.err().as_ref().and_then(code_of).as_deref(),
        Some("payment_done")
    );
    Ok(())
}

#[tokio::test]
async fn a_bank_transfer_is_confirmed_by_the_banks_signed_notice_only() -> TestResult {
    use domain::payments::bank_transfer::{self, NoticeAnswer};
    use domain::payments::vietqr::{self, Beneficiary, CreditNotice};
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let (owner, id) = testing::filed(&db, 8, now).await?;
    let fee = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?
        .fee_due_vnd
        .ok_or("fee")?;
    let bank = Beneficiary {
        bank_bin: "970436".into(),
        bank_name: "Vietcombank".into(),
        account: "0071000123456".into(),
        account_name: "KHO BAC NHA NUOC TAY NINH".into(),
    };
    let secret = "bank-notice-secret";

    // The order: the balance and a reference, in a code any banking app reads; asking again
    // gives the same order, and no card payment starts meanwhile.
    let order = bank_transfer::order(services(&db, now), &owner, &id).await?;
    assert_eq!(order.amount_vnd, fee);
    let again =
        bank_transfer::order(services(&db, now + Duration::minutes(1)), &owner, &id).await?;
    assert_eq!(again.txn_ref, order.txn_ref);
    let scanned = vietqr::scan(&bank_transfer::payload_of(&bank, &order)).ok_or("scan")?;
    assert_eq!(
        (scanned.amount_vnd, scanned.reference.as_str()),
        (Some(fee), order.txn_ref.as_str())
    );
    let card = online::start(services(&db, now), &config(), &owner, &id).await;
    assert_eq!(
        card.err().as_ref().and_then(code_of).as_deref(),
        Some("payment_pending")
    );

    let notice = |txn: &str,
                  account: &str,
                  amount: i64,
                  description: String|
     -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(&CreditNotice {
            transaction_id: txn.into(),
            account: account.into(),
            amount_vnd: amount,
            description,
            credited_at: now,
        })
    };
    let content = format!(
        "MBVCB.8812.NGUYEN THI HONG NHUNG chuyen tien.{}.CT tu 0123",
        order.txn_ref.to_lowercase()
    );
    let send = |body: Vec<u8>, key: &'static str| {
        let db = db.clone();
        let bank = bank.clone();
        async move {
            let signature = vietqr::sign(key, &body);
            bank_transfer::credit_notice(&db, secret, &bank, &body, &signature, now).await
        }
    };
    let good = notice("FT2611230001", &bank.account, fee, content.clone())?;
    assert_eq!(
        send(good.clone(), "forged-key").await?,
        NoticeAnswer::BadSignature
    );
    assert_eq!(
        send(notice("FT1", "999999", fee, content.clone())?, secret).await?,
        NoticeAnswer::WrongAccount
    );
    assert_eq!(
        send(
            notice("FT2", &bank.account, fee, "chuyen tien".into())?,
            secret
        )
        .await?,
        NoticeAnswer::Unmatched
    );
    assert_eq!(
        send(
            notice("FT3", &bank.account, fee - 1_000, content.clone())?,
            secret
        )
        .await?,
        NoticeAnswer::WrongAmount
    );
    assert_eq!(online::of_dossier(&db, &id).await?[0].status, "pending");
    assert_eq!(send(good.clone(), secret).await?, NoticeAnswer::Confirmed);
    assert_eq!(send(good, secret).await?, NoticeAnswer::AlreadyConfirmed);

    let payments = online::of_dossier(&db, &id).await?;
    assert!(money::is_paid(Some(fee), &payments));
    assert_eq!(payments[0].gateway, "vietqr");
    assert_eq!(payments[0].gateway_txn_no.as_deref(), Some("FT2611230001"));
    let paid_events = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .filter(dossier_event::Column::Kind.eq("payment_paid"))
        .count(&db)
        .await?;
    assert_eq!(paid_events, 1);
    let kept = payment_callback::Entity::find()
        .filter(payment_callback::Column::Gateway.eq("vietqr"))
        .count(&db)
        .await?;
    assert_eq!(kept, 6, "every notice is kept");
    Ok(())
}

#[tokio::test]
async fn a_transfer_whose_notice_never_came_is_confirmed_by_the_days_account_statement(
) -> TestResult {
    use domain::payments::bank_transfer;
    use domain::payments::reconciliation::{self, Issue};
    use domain::payments::vietqr::Beneficiary;
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let day = now
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let bank = Beneficiary {
        bank_bin: "970436".into(),
        bank_name: "Vietcombank".into(),
        account: "0071000123456".into(),
        account_name: "KHO BAC NHA NUOC TAY NINH".into(),
    };
    // Three transfer orders: one whose notice was lost, one paid short, one the portal counts
    // as paid that the bank never credited (a deliberately mismatched record).
    let mut orders = Vec::new();
    for n in 1..=3 {
        let (owner, id) = testing::filed(&db, 20 + n, now).await?;
        orders.push((
            id.clone(),
            bank_transfer::order(services(&db, now), &owner, &id).await?,
        ));
    }
    let (lost, short, phantom) = (&orders[0], &orders[1], &orders[2]);
    payment::Entity::update_many()
        .col_expr(
            payment::Column::Status,
            sea_orm::sea_query::Expr::value("paid"),
        )
        .col_expr(
            payment::Column::PaidAt,
            sea_orm::sea_query::Expr::value(Some(now.fixed_offset())),
        )
        .filter(payment::Column::Id.eq(&phantom.1.id))
        .exec(&db)
        .await?;
    let statement = format!(
        "TransactionId,Time,Account,Amount,Description\n\
         FT0001,2026-11-23 09:05,{acc},{a1},MBVCB.1.{r1} chuyen tien\n\
         FT0002,2026-11-23 09:06,{acc},{a2},{r2}\n\
         FT0003,2026-11-23 09:07,{acc},150000,ung ho quy\n\
         FT0004,2026-11-23 09:08,9999999,{a1},{r1}\n\
         FT0005,2026-11-23 09:09,{acc},{a1},chuyen lai {r1}\n",
        acc = bank.account,
        a1 = lost.1.amount_vnd,
        r1 = lost.1.txn_ref.to_lowercase(),
        a2 = short.1.amount_vnd - 1_000,
        r2 = short.1.txn_ref,
    );
    let credits = bank_transfer::parse_statement(&statement)?;
    assert_eq!(credits.len(), 5);
    let run = bank_transfer::reconcile_statement(&db, &bank, day, &credits, now).await?;
    assert_eq!(run.gateway, "vietqr");

    // The lost notice's transfer is paid now, once; the short one is not.
    let paid = online::of_dossier(&db, &lost.0).await?;
    assert_eq!(paid[0].status, "paid");
    assert_eq!(paid[0].gateway_txn_no.as_deref(), Some("FT0001"));
    assert_eq!(
        online::of_dossier(&db, &short.0).await?[0].status,
        "pending"
    );
    let issue = |r: &str| {
        reconciliation::lines(&run)
            .into_iter()
            .find(|l| l.txn_ref == r)
            .map(|l| l.issue)
    };
    assert_eq!(issue(&lost.1.txn_ref), Some(None));
    assert_eq!(issue(&short.1.txn_ref), Some(Some(Issue::AmountDiffers)));
    assert_eq!(issue("FT0003"), Some(Some(Issue::UnknownToPortal)));
    assert_eq!(issue(&phantom.1.txn_ref), Some(Some(Issue::NotSettled)));
    // The same order paid a second time shows up.
    assert!(reconciliation::lines(&run)
        .iter()
        .any(|l| l.txn_ref == lost.1.txn_ref && l.issue == Some(Issue::Repeated)));
    assert_eq!(run.mismatched, 4);
    assert!(
        reconciliation::lines(&run)
            .iter()
            .all(|l| l.txn_ref != "FT0004"),
        "another account's credit is not ours"
    );

    // A second reading of the statement pays nothing twice.
    let again = bank_transfer::parse_statement(&statement)?;
    let day_after = day.succ_opt().ok_or("day")?;
    bank_transfer::reconcile_statement(&db, &bank, day_after, &again, now).await?;
    let paid_events = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&lost.0))
        .filter(dossier_event::Column::Kind.eq("payment_paid"))
        .count(&db)
        .await?;
    assert_eq!(paid_events, 1);
    // An unreadable statement is refused, naming what is missing.
    assert!(matches!(
        bank_transfer::parse_statement("Ref,Money\nA,1\n"),
        Err(DomainError::Validation(_))
    ));
    Ok(())
}

#[tokio::test]
async fn a_payment_that_settles_after_nothing_is_due_is_kept_for_a_refund() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = monday_nine();
    let (owner, id) = testing::filed(&db, 7, now).await?;
    let started = online::start(services(&db, now), &config(), &owner, &id).await?;
    // The fee goes away meanwhile (say the agency waived it): the late payment is not the fee.
    dossier::Entity::update_many()
        .col_expr(
            dossier::Column::FeeDueVnd,
            sea_orm::sea_query::Expr::value(Some(0i64)),
        )
        .filter(dossier::Column::Id.eq(&id))
        .exec(&db)
        .await?;
    assert_eq!(
        online::vnpay_ipn(&db, SECRET, &ipn_for(&started, "00"), now).await?,
        IpnCode::Confirmed
    );
    let all = online::of_dossier(&db, &id).await?;
    assert_eq!(all[0].status, "duplicate");
    assert!(domain::payments::refunds::refundable(
        &dossier::Entity::find_by_id(id.clone())
            .one(&db)
            .await?
            .ok_or("row")?,
        &all
    )
    .is_some());
    Ok(())
}
