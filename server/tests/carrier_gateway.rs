//! Postal return over real HTTP, on the protocol alone: the portal serves the carrier
//! simulator (the default), the desk's hand-over goes through the carrier client to the
//! simulator's API (bearer token, idempotency key, refusals with the carrier's codes), and the
//! simulator's postman page sends signed webhooks back — once, twice, out of order, tampered,
//! or lost (caught up by the tracking call) — until the delivery returns the dossier; the
//! day's cash-on-delivery remittance is reconciled with the delivered parcel. Forged,
//! unknown and unreadable webhooks get their codes without a CSRF token (they come from a
//! server, with no cookie).

mod common;

use chrono::Utc;
use domain::access::Role;
use domain::dossiers::drafts::{self, Change};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::{submission, Delivery, DeliveryMethod, PostalPayment, Status};
use domain::entities::{dossier, shipment, shipment_event};
use domain::postal::carrier::{self, Carrier, CarrierError, Order, Party};
use domain::postal::shipments;
use domain::testing::services;
use domain::testing::{self, mailing, staff};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::carrier_client::HttpCarrier;
use server::config::DEV_CARRIER_SECRET;

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";

fn party(phone: &str) -> Party {
    Party {
        name: "Nguyễn Văn An".into(),
        phone: phone.into(),
        address: "12 Lê Lợi, Phường Tân Ninh, Tây Ninh".into(),
        province_code: "80".into(),
        commune_code: "25459".into(),
    }
}

fn order(reference: &str, phone: &str) -> Order {
    Order {
        order_ref: reference.into(),
        sender: party("02763822222"),
        recipient: party(phone),
        cod_vnd: 22_000,
        content: "Ket qua".into(),
        weight_grams: 200,
    }
}

#[tokio::test]
async fn the_desk_ships_through_the_simulator_and_its_webhooks_return_the_dossier() -> TestResult {
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
    let api = format!("{base}/gia-lap/buu-chinh/api");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;

    // The carrier's API: a wrong token and a wrong phone are refused with its codes; a repeated
    // idempotency key gives the same tracking number.
    let stranger = HttpCarrier::new(api.clone(), "not-the-token".into());
    assert!(matches!(
        stranger.create(order("o1", "0912345678")).await,
        Err(CarrierError::Refused { code, .. }) if code == "UNAUTHORIZED"
    ));
    let client = HttpCarrier::new(api.clone(), DEV_CARRIER_SECRET.into());
    assert!(matches!(
        client.create(order("o2", "12345")).await,
        Err(CarrierError::Refused { code, .. }) if code == "INVALID_PHONE"
    ));
    let first = client.create(order("o3", "0912345678")).await?;
    let again = client.create(order("o3", "0912345678")).await?;
    assert_eq!(first.tracking_number, again.tracking_number);
    assert!(carrier::valid_tracking_number(&first.tracking_number));
    let nowhere = HttpCarrier::new("http://127.0.0.1:9/api".into(), DEV_CARRIER_SECRET.into());
    assert!(matches!(
        nowhere.create(order("o4", "0912345678")).await,
        Err(CarrierError::Unavailable(_))
    ));

    // A dossier whose result goes by post, processed.
    let now = Utc::now();
    let clerk = staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?;
    let leader = staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?;
    let me = testing::citizen(&db, 7).await?;
    let id = testing::complete_draft(&db, &me).await?;
    let delivery = Delivery {
        method: DeliveryMethod::Post,
        recipient: "Nguyễn Thị Hồng Nhung".into(),
        phone: "0912345678".into(),
        province: "80".into(),
        commune: "25459".into(),
        street: "12 Lê Lợi".into(),
        postal_payment: PostalPayment::OnDelivery,
    };
    drafts::save(
        &db,
        &me,
        &id,
        None,
        Change::Delivery(delivery),
        now.date_naive(),
    )
    .await?;
    submission::submit(services(&db, now), &me, &id, true).await?;
    testing::act_all(
        &db,
        &id,
        &[
            (&clerk, Transition::Accept),
            (&specialist, Transition::Assign),
            (&specialist, Transition::Forward),
            (&leader, Transition::Approve),
        ],
        now,
    )
    .await?;
    let sent = shipments::hand_over(services(&db, now), &client, &clerk, &id).await?;
    let tn = sent.tracking_number.clone();
    let page = http
        .get(format!("{base}/gia-lap/buu-chinh"))
        .send()
        .await?
        .text()
        .await?;
    assert!(
        page.contains(&tn) && page.contains("22000"),
        "the postman sees it, COD included"
    );

    let postman = |status: &'static str, mode: &'static str| {
        let http = http.clone();
        let url = format!("{base}/gia-lap/buu-chinh/{tn}/su-kien");
        async move {
            let r = http
                .post(url)
                .form(&[("status", status), ("mode", mode)])
                .send()
                .await?;
            assert!(r.status().is_redirection(), "{}", r.status());
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
        }
    };
    let shipment_now = || async {
        shipment::Entity::find_by_id(sent.id.clone())
            .one(&db)
            .await
            .map(|s| s.map(|s| s.status).unwrap_or_default())
    };
    let events = || async {
        shipment_event::Entity::find()
            .filter(shipment_event::Column::ShipmentId.eq(sent.id.clone()))
            .count(&db)
            .await
    };
    postman("picked_up", "once").await?;
    assert_eq!(shipment_now().await?, "picked_up");
    postman("in_transit", "twice").await?;
    assert_eq!(shipment_now().await?, "in_transit");
    assert_eq!(events().await?, 2, "the replay was recognised");
    // Tampered after signing: refused, nothing recorded.
    postman("failed", "tamper").await?;
    assert_eq!(events().await?, 2);
    assert_eq!(shipment_now().await?, "in_transit");
    // A webhook lost on the way: nothing arrives; hours later the portal asks the carrier
    // (its tracking call, with the token) and catches up on both attempts it missed.
    postman("failed", "silent").await?;
    assert_eq!(events().await?, 2);
    let later = Utc::now() + chrono::Duration::hours(4);
    assert_eq!(
        shipments::catch_up(&db, &client, mailing(), later).await?,
        2
    );
    assert_eq!(events().await?, 4);
    assert_eq!(shipment_now().await?, "failed");
    let tracked = http
        .get(format!("{api}/shipments/{tn}/events"))
        .bearer_auth("not-the-token")
        .send()
        .await?;
    assert_eq!(tracked.status().as_u16(), 401);
    // Delivered, then an older event arrives: kept, but the shipment stays delivered.
    postman("delivered", "reorder").await?;
    assert_eq!(events().await?, 6);
    assert_eq!(shipment_now().await?, "delivered");
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?;
    assert_eq!(row.status, Status::Returned.code());

    // The day's cash-on-delivery remittance lists the parcel with the cash the postman
    // collected; reconciled once a day, it matches the portal's delivered parcel.
    let today = Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let refused = http
        .get(format!(
            "{api}/cod-remittance?day={}",
            today.format("%Y%m%d")
        ))
        .bearer_auth("not-the-token")
        .send()
        .await?;
    assert_eq!(refused.status().as_u16(), 401);
    assert!(server::outbox_worker::reconcile_cash_day(&db, &client, today).await?);
    assert!(
        !server::outbox_worker::reconcile_cash_day(&db, &client, today).await?,
        "once a day"
    );
    let runs = domain::payments::reconciliation::runs(&db, 10).await?;
    let cash = runs
        .iter()
        .find(|r| r.gateway == domain::postal::remittance::SOURCE)
        .ok_or("no cash report")?;
    let lines = domain::payments::reconciliation::lines(cash);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(
        (
            lines[0].txn_ref.as_str(),
            lines[0].gateway_amount_vnd,
            lines[0].issue
        ),
        (tn.as_str(), Some(sent.cod_vnd), None)
    );

    // Webhooks straight from outside: codes and statuses, no CSRF token needed.
    let webhook = format!("{base}/buu-chinh/webhook");
    let post = |body: Vec<u8>, signature: String| {
        let http = http.clone();
        let webhook = webhook.clone();
        async move {
            let r = http
                .post(webhook)
                .header("content-type", "application/json")
                .header(carrier::SIGNATURE_HEADER, signature)
                .body(body)
                .send()
                .await?;
            let status = r.status().as_u16();
            let body: serde_json::Value = r.json().await?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((
                status,
                body["code"].as_str().unwrap_or_default().to_owned(),
            ))
        }
    };
    let update = serde_json::json!({
        "event_id": "x-1", "tracking_number": tn, "status": "returned", "at": Utc::now(),
    });
    let body = serde_json::to_vec(&update)?;
    assert_eq!(
        post(body.clone(), "00".repeat(32)).await?,
        (401, "97".to_owned())
    );
    let good = carrier::sign(DEV_CARRIER_SECRET, &body);
    assert_eq!(
        post(body.clone(), good.clone()).await?,
        (200, "00".to_owned())
    );
    assert_eq!(post(body, good).await?, (200, "02".to_owned()));
    assert_eq!(shipment_now().await?, "delivered", "final");
    let unknown = serde_json::to_vec(&serde_json::json!({
        "event_id": "x-2", "tracking_number": "EE473124829VN", "status": "delivered", "at": Utc::now(),
    }))?;
    let signature = carrier::sign(DEV_CARRIER_SECRET, &unknown);
    assert_eq!(post(unknown, signature).await?, (404, "01".to_owned()));
    let junk = b"{not json".to_vec();
    let signature = carrier::sign(DEV_CARRIER_SECRET, &junk);
    assert_eq!(post(junk, signature).await?, (400, "99".to_owned()));

    // The OpenAPI document describes the postal paths.
    let spec: serde_json::Value = http
        .get(format!("{base}/api/openapi.json"))
        .send()
        .await?
        .json()
        .await?;
    assert!(spec["paths"]["/api/v1/dossiers/{id}/shipments"]["get"].is_object());
    assert!(spec["paths"]["/api/v1/staff/dossiers/{id}/shipments"]["post"].is_object());
    assert!(spec["paths"]["/api/v1/dossiers/{id}/delivery"]["put"].is_object());
    Ok(())
}
