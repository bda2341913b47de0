//! The portal and the VNPay simulator over real HTTP, on the protocol alone: the signed payment
//! address opens the simulator's page (a tampered one gets VNPay's error 70), paying there
//! redirects the browser back with signed parameters, and a payment whose IPN never came is
//! resolved by the `querydr` call of the merchant API; one never paid expires.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use domain::payments::online::{self, VnpayConfig};
use domain::payments::vnpay;
use domain::testing::services;
use domain::testing::{self, seeded_database};
use server::simulators::vnpay::{routes, Simulator};
use server::vnpay_client::HttpApi;

fn params_of(url: &str) -> BTreeMap<String, String> {
    let parsed = url::Url::parse(url)
        .unwrap_or_else(|_| url::Url::parse("http://x/").unwrap_or_else(|_| unreachable!()));
    parsed
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[tokio::test]
async fn a_payment_without_ipn_is_resolved_by_asking_the_gateway(
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let secret = "simulator-test-secret";
    // The simulator's IPN address points nowhere: this test is about the callback that never
    // comes.
    let base = simulator(secret).await?;
    let config = config_for(&base, secret);
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = Utc::now();
    let (owner, id) = testing::filed(&db, 8, now).await?;
    let (other, other_id) = testing::filed(&db, 9, now).await?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;

    let url = online::start(services(&db, now), &config, &owner, &id).await?;
    let page = http.get(&url).send().await?;
    assert_eq!(page.status(), 200);
    let html = page.text().await?;
    let sent = params_of(&url);
    let fee = sent["vnp_Amount"].parse::<i64>()? / 100;
    assert!(html.contains(&format!("{fee} VND")), "{html}");
    let tampered = url.replace(
        &format!("vnp_Amount={}", sent["vnp_Amount"]),
        "vnp_Amount=100",
    );
    let refused = http.get(&tampered).send().await?;
    assert_eq!(refused.status(), 400);
    assert!(refused.text().await?.contains("70"));

    // Paid on the gateway, but the IPN is lost.
    let mut form = sent.clone();
    form.insert("result".into(), "00".into());
    form.insert("ipn".into(), "none".into());
    let back = http
        .post(format!("{base}/paymentv2/xu-ly"))
        .form(&form)
        .send()
        .await?;
    assert!(back.status().is_redirection());
    let location = back
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(location.starts_with(&config.return_url), "{location}");
    assert!(
        vnpay::verify(secret, &params_of(&location)),
        "the return is signed"
    );
    assert_eq!(online::of_dossier(&db, &id).await?[0].status, "pending");

    // Another citizen opens the gateway's page and leaves.
    online::start(services(&db, now), &config, &other, &other_id).await?;

    let api = HttpApi::new(format!("{base}/merchant_webapi/api/transaction"));
    // Too early: nothing is asked yet.
    assert_eq!(
        online::resolve_pending(&db, &api, &config, now + Duration::minutes(5)).await?,
        0
    );
    let later = now + Duration::minutes(20);
    assert_eq!(online::resolve_pending(&db, &api, &config, later).await?, 2);
    let paid = online::of_dossier(&db, &id).await?;
    assert_eq!(paid[0].status, "paid");
    assert!(paid[0]
        .gateway_txn_no
        .as_deref()
        .is_some_and(|n| !n.is_empty()));
    assert_eq!(
        online::of_dossier(&db, &other_id).await?[0].status,
        "expired"
    );
    // Nothing is left to ask about.
    assert_eq!(online::resolve_pending(&db, &api, &config, later).await?, 0);
    // A query under the wrong secret is refused by the gateway and changes nothing.
    let wrong = VnpayConfig {
        secret: "other".into(),
        ..config.clone()
    };
    let third = testing::filed(&db, 10, now).await?;
    online::start(services(&db, now), &wrong, &third.0, &third.1).await?;
    assert_eq!(online::resolve_pending(&db, &api, &wrong, later).await?, 0);
    assert_eq!(
        online::of_dossier(&db, &third.1).await?[0].status,
        "pending"
    );
    Ok(())
}

/// The merchant account of these tests at the simulator running at `base`.
fn config_for(base: &str, secret: &str) -> VnpayConfig {
    VnpayConfig {
        tmn_code: "DVCTEST1".into(),
        secret: secret.into(),
        pay_url: format!("{base}/paymentv2/vpcpay.html"),
        return_url: "https://dvc.example/thanh-toan/vnpay/ket-qua".into(),
    }
}

async fn simulator(secret: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app: axum::Router = routes(Simulator::new(
        secret.into(),
        "http://127.0.0.1:9/ipn".into(),
    ));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(base)
}

#[tokio::test]
async fn the_desk_refunds_a_refused_dossiers_fee_and_a_failed_refund_is_retried(
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use domain::access::Role;
    use domain::dossiers::lifecycle::Transition;
    use domain::dossiers::processing::{self, Command};
    use domain::payments::refunds;
    let secret = "simulator-test-secret";
    let gateway = simulator(secret).await?;
    // A gateway that has never seen the transaction (answers 91 to the refund).
    let amnesic = simulator(secret).await?;
    let config = config_for(&gateway, secret);
    let db = seeded_database(Utc::now().date_naive()).await?;
    let clerk = testing::staff(
        &db,
        "Cán bộ tiếp nhận",
        "000.00.02.H53",
        &[Role::IntakeClerk],
    )
    .await?;
    let elsewhere = testing::staff(&db, "Cán bộ xã", "000.01.50.H53", &[Role::IntakeClerk]).await?;
    let now = Utc::now();
    let (owner, id) = testing::filed(&db, 11, now).await?;
    let url = online::start(services(&db, now), &config, &owner, &id).await?;
    let mut form = params_of(&url);
    form.insert("result".into(), "00".into());
    form.insert("ipn".into(), "none".into());
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    http.post(format!("{gateway}/paymentv2/xu-ly"))
        .form(&form)
        .send()
        .await?;
    let api = HttpApi::new(format!("{gateway}/merchant_webapi/api/transaction"));
    let later = now + Duration::minutes(20);
    assert_eq!(online::resolve_pending(&db, &api, &config, later).await?, 1);

    // A paid dossier still being handled is not refunded.
    let early = refunds::request(services(&db, later), &api, &config, &clerk, &id).await;
    assert!(
        matches!(early, Err(domain::DomainError::Validation(_))),
        "{early:?}"
    );
    processing::act(
        services(&db, later),
        &clerk,
        &id,
        Transition::Refuse,
        &Command {
            public_note: "Hồ sơ không thuộc thẩm quyền".into(),
            ..Command::default()
        },
    )
    .await?;
    // Not the receiving desk: refused.
    assert!(
        refunds::request(services(&db, later), &api, &config, &elsewhere, &id)
            .await
            .is_err()
    );

    // The gateway does not confirm: the refund stays asked for, with its error, and is retried.
    let lost = HttpApi::new(format!("{amnesic}/merchant_webapi/api/transaction"));
    let asked = refunds::request(services(&db, later), &lost, &config, &clerk, &id).await?;
    assert_eq!(asked.status, "refunding");
    assert!(
        asked
            .refund_error
            .as_deref()
            .is_some_and(|e| e.starts_with("91")),
        "{asked:?}"
    );
    assert_eq!(refunds::retry(&db, &lost, &config, later).await?, 0);
    assert_eq!(refunds::retry(&db, &api, &config, later).await?, 1);
    let done = online::of_dossier(&db, &id).await?;
    assert_eq!(done[0].status, "refunded");
    assert!(done[0].refund_error.is_none());
    assert_eq!(done[0].refund_attempts, 3);
    assert_eq!(refunds::retry(&db, &api, &config, later).await?, 0);
    // Refunded once: nothing more to refund.
    assert!(
        refunds::request(services(&db, later), &api, &config, &clerk, &id)
            .await
            .is_err()
    );
    Ok(())
}

#[tokio::test]
async fn the_daily_reconciliation_reads_the_gateways_statement_and_flags_a_mismatch(
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use domain::payments::reconciliation::{self, Issue};
    let secret = "simulator-test-secret";
    let gateway = simulator(secret).await?;
    let config = config_for(&gateway, secret);
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = Utc::now();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let mut refs = Vec::new();
    for n in 30..32 {
        let (owner, id) = testing::filed(&db, n, now).await?;
        let url = online::start(services(&db, now), &config, &owner, &id).await?;
        let mut form = params_of(&url);
        refs.push(form["vnp_TxnRef"].clone());
        form.insert("result".into(), "00".into());
        form.insert("ipn".into(), "none".into());
        http.post(format!("{gateway}/paymentv2/xu-ly"))
            .form(&form)
            .send()
            .await?;
    }
    // The first is resolved; the second is left as the portal last knew it (pending): the
    // deliberate mismatch.
    let api = HttpApi::new(format!("{gateway}/merchant_webapi/api/transaction"));
    // Only the first is old enough to be asked about.
    {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let first = payment_of(&db, &refs[0]).await?;
        domain::entities::payment::Entity::update_many()
            .col_expr(
                domain::entities::payment::Column::CreatedAt,
                sea_orm::sea_query::Expr::value((now - Duration::minutes(30)).fixed_offset()),
            )
            .filter(domain::entities::payment::Column::Id.eq(first.id))
            .exec(&db)
            .await?;
    }
    assert_eq!(online::resolve_pending(&db, &api, &config, now).await?, 1);
    let today = now
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let statement = format!("{gateway}/merchant_webapi/statement");
    assert!(server::outbox_worker::reconcile_day(&db, &statement, today).await?);
    assert!(
        !server::outbox_worker::reconcile_day(&db, &statement, today).await?,
        "once a day"
    );
    let run = reconciliation::runs(&db, 1).await?.pop().ok_or("run")?;
    let lines = reconciliation::lines(&run);
    let issue = |r: &str| lines.iter().find(|l| l.txn_ref == r).map(|l| l.issue);
    assert_eq!(issue(&refs[0]), Some(None), "paid on both sides");
    assert_eq!(
        issue(&refs[1]),
        Some(Some(Issue::NotRecorded)),
        "settled, still pending here"
    );
    assert_eq!((run.matched, run.mismatched), (1, 1));
    Ok(())
}

async fn payment_of(
    db: &sea_orm::DatabaseConnection,
    txn_ref: &str,
) -> Result<domain::entities::payment::Model, Box<dyn std::error::Error + Send + Sync>> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    Ok(domain::entities::payment::Entity::find()
        .filter(domain::entities::payment::Column::TxnRef.eq(txn_ref))
        .one(db)
        .await?
        .ok_or("payment")?)
}

/// Posts the simulator's payment page for `url` with `result` ("00" paid, "24" cancelled) and
/// how the IPN goes (`none`: lost); returns the return address it redirects to.
async fn pay_on_gateway(
    base: &str,
    url: &str,
    result: &str,
    ipn: &str,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let mut form = params_of(url);
    form.insert("result".into(), result.into());
    form.insert("ipn".into(), ipn.into());
    let back = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?
        .post(format!("{base}/paymentv2/xu-ly"))
        .form(&form)
        .send()
        .await?;
    Ok(back
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned())
}

/// Issue 27 point 3: backing out of the gateway never blocks paying. "Pay again" asks the
/// gateway first (a payment made with its IPN lost is found, and nothing new is opened),
/// otherwise abandons the waiting attempt (audited) and opens a new one; an abandoned attempt
/// the gateway confirms late is recorded as a duplicate to refund, never as a second payment
/// of the fee. Only the owner may do it.
#[tokio::test]
async fn pay_again_asks_the_gateway_first_and_never_keeps_two_payments(
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let secret = "simulator-test-secret";
    let base = simulator(secret).await?;
    let config = config_for(&base, secret);
    let gateway = online::Gateway {
        config: config.clone(),
        api: std::sync::Arc::new(HttpApi::new(format!(
            "{base}/merchant_webapi/api/transaction"
        ))),
    };
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = Utc::now();
    let (owner, id) = testing::filed(&db, 8, now).await?;
    let (stranger, _) = testing::filed(&db, 9, now).await?;

    // Opened, then left with the back button: waiting; a plain "pay" is refused meanwhile.
    let first = online::start(services(&db, now), &config, &owner, &id).await?;
    let refused = online::start(services(&db, now), &config, &owner, &id).await;
    assert!(
        matches!(&refused, Err(domain::DomainError::Validation(f)) if f[0].code == "payment_pending"),
        "{refused:?}"
    );
    // The dossier page asks at once: the gateway has no such transaction yet, nothing changes.
    assert_eq!(
        online::check_waiting(&db, &gateway, &owner, &id, now).await?,
        0
    );
    assert_eq!(online::of_dossier(&db, &id).await?[0].status, "pending");
    // Someone else cannot press it for this dossier.
    assert!(
        online::pay_again(services(&db, now), &gateway, &stranger, &id)
            .await
            .is_err()
    );

    // Pay again: the first attempt is abandoned (and audited), a second one opened.
    let online::PayAgain::Open(second) =
        online::pay_again(services(&db, now), &gateway, &owner, &id).await?
    else {
        panic!("a new payment page was expected");
    };
    assert_ne!(
        params_of(&first)["vnp_TxnRef"],
        params_of(&second)["vnp_TxnRef"]
    );
    let first_ref = params_of(&first)["vnp_TxnRef"].clone();
    assert_eq!(payment_of(&db, &first_ref).await?.status, "abandoned");
    {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let abandoned = domain::entities::audit_log::Entity::find()
            .filter(domain::entities::audit_log::Column::Action.eq("payment.abandon"))
            .count(&db)
            .await?;
        assert_eq!(abandoned, 1, "abandoning is audited");
    }

    // The second is paid but its IPN is lost: "pay again" finds it paid and opens nothing.
    pay_on_gateway(&base, &second, "00", "none").await?;
    assert_eq!(
        online::pay_again(services(&db, now), &gateway, &owner, &id).await?,
        online::PayAgain::AlreadyPaid
    );
    let second_ref = params_of(&second)["vnp_TxnRef"].clone();
    assert_eq!(payment_of(&db, &second_ref).await?.status, "paid");

    // The abandoned first attempt is completed late in a forgotten tab: recorded, as a
    // duplicate to refund.
    pay_on_gateway(&base, &first, "00", "none").await?;
    let mut late = BTreeMap::new();
    for (k, v) in [
        ("vnp_TxnRef", first_ref.clone()),
        ("vnp_Amount", params_of(&first)["vnp_Amount"].clone()),
        ("vnp_ResponseCode", "00".to_owned()),
        ("vnp_TransactionStatus", "00".to_owned()),
        ("vnp_TransactionNo", "99990001".to_owned()),
        ("vnp_BankCode", "NCB".to_owned()),
    ] {
        late.insert(k.to_owned(), v);
    }
    let signed = vnpay::hmac_sha512(secret, &vnpay::hash_data(&late));
    late.insert("vnp_SecureHash".into(), signed);
    assert_eq!(
        online::vnpay_ipn(&db, secret, &late, now).await?,
        vnpay::IpnCode::Confirmed
    );
    assert_eq!(payment_of(&db, &first_ref).await?.status, "duplicate");
    let kept: Vec<_> = online::of_dossier(&db, &id)
        .await?
        .into_iter()
        .filter(|p| p.status == "paid")
        .collect();
    assert_eq!(kept.len(), 1, "the fee is paid once");
    Ok(())
}
