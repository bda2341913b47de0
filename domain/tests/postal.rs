//! Postal return of results against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set): the postal fee frozen from the tariff at filing, the
//! desk's hand-over to the carrier, and the carrier's signed updates — in order, replayed, out
//! of order, tampered, unknown, after delivery — until the delivery returns the dossier.
//! The carrier here is a scripted double of the trait; `server/tests/carrier_gateway.rs` drives
//! the same service through the HTTP simulator.
//!
//! Longer than 600 lines on purpose: each carrier update order (in order, replayed, out of order,
//! tampered, unknown, late) is its own test on the same journey fixture.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::dossiers::drafts::{self, Change};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::dossiers::{submission, Delivery, DeliveryMethod, PostalPayment, Status};
use domain::entities::{dossier, dossier_event, outbox_message, shipment};
use domain::postal::carrier::{self, Carrier, CarrierError, Created, Order, Update};
use domain::postal::choice;
use domain::postal::shipments::{self, UpdateAnswer};
use domain::testing::services;
use domain::testing::{self, mailing, seeded_database, staff};
use domain::DomainError;
use futures::future::BoxFuture;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";
const SECRET: &str = "carrier-test-secret";

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

fn code_of(e: &DomainError) -> Option<String> {
    match e {
        DomainError::Validation(f) => f.first().map(|f| f.code.clone()),
        _ => None,
    }
}

/// A carrier that answers as told and remembers the orders it got.
#[derive(Default)]
struct ScriptedCarrier {
    serial: AtomicU32,
    next_error: Mutex<Option<CarrierError>>,
    orders: Mutex<Vec<Order>>,
    /// What a tracking call answers, and the numbers asked about.
    events: Mutex<Vec<Update>>,
    asked: Mutex<Vec<String>>,
}

impl Carrier for ScriptedCarrier {
    fn create(&self, order: Order) -> BoxFuture<'_, Result<Created, CarrierError>> {
        Box::pin(async move {
            if let Some(e) = self.next_error.lock().ok().and_then(|mut e| e.take()) {
                return Err(e);
            }
            if let Ok(mut o) = self.orders.lock() {
                o.push(order);
            }
            let n = self.serial.fetch_add(1, Ordering::SeqCst) + 1;
            Ok(Created {
                tracking_number: carrier::tracking_number("EB", 10_000 + n),
                fee_vnd: 18_000,
            })
        })
    }

    fn track<'a>(
        &'a self,
        tracking_number: &'a str,
    ) -> BoxFuture<'a, Result<Vec<Update>, CarrierError>> {
        Box::pin(async move {
            if let Ok(mut a) = self.asked.lock() {
                a.push(tracking_number.to_owned());
            }
            Ok(self
                .events
                .lock()
                .map(|e| e.clone())
                .unwrap_or_default()
                .into_iter()
                .filter(|u| u.tracking_number == tracking_number)
                .collect())
        })
    }
}

struct Desk {
    db: DatabaseConnection,
    clerk: Actor,
    specialist: Actor,
    leader: Actor,
    now: DateTime<Utc>,
}

async fn desk() -> Result<Desk, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(Utc::now().date_naive()).await?;
    Ok(Desk {
        clerk: staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?,
        specialist: staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?,
        leader: staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?,
        db,
        now: monday_nine(),
    })
}

/// A dossier of citizen `n` asking for its result by post to `province`/`commune`, filed.
async fn filed_by_post(
    d: &Desk,
    n: u32,
    province: &str,
    commune: &str,
    payment: PostalPayment,
) -> Result<(Actor, dossier::Model), Box<dyn std::error::Error + Send + Sync>> {
    let me = testing::citizen(&d.db, n).await?;
    let id = testing::complete_draft(&d.db, &me).await?;
    let delivery = Delivery {
        method: DeliveryMethod::Post,
        recipient: "Nguyễn Thị Hồng Nhung".into(),
        phone: "0912345678".into(),
        province: province.into(),
        commune: commune.into(),
        street: "12 Lê Lợi".into(),
        postal_payment: payment,
    };
    drafts::save(
        &d.db,
        &me,
        &id,
        None,
        Change::Delivery(delivery),
        d.now.date_naive(),
    )
    .await?;
    submission::submit(services(&d.db, d.now), &me, &id, true).await?;
    let row = dossier::Entity::find_by_id(id)
        .one(&d.db)
        .await?
        .ok_or("row")?;
    Ok((me, row))
}

/// Accepted, reviewed and approved: the result waits at the desk.
async fn processed(d: &Desk, id: &str) -> TestResult {
    testing::act_all(
        &d.db,
        id,
        &[
            (&d.clerk, Transition::Accept),
            (&d.specialist, Transition::Assign),
            (&d.specialist, Transition::Forward),
            (&d.leader, Transition::Approve),
        ],
        d.now,
    )
    .await
}

async fn post_update(
    d: &Desk,
    update: &Update,
) -> Result<UpdateAnswer, Box<dyn std::error::Error + Send + Sync>> {
    let body = serde_json::to_vec(update)?;
    let signature = carrier::sign(SECRET, &body);
    Ok(shipments::apply_update(&d.db, SECRET, &body, &signature, mailing(), d.now).await?)
}

fn update(event: &str, tracking: &str, status: &str, at: DateTime<Utc>) -> Update {
    Update {
        event_id: event.into(),
        tracking_number: tracking.into(),
        status: status.into(),
        at,
        location: Some("Bưu cục Tân Ninh".into()),
        note: None,
    }
}

async fn status_of(d: &Desk, id: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .one(&d.db)
        .await?
        .ok_or("row")?
        .status)
}

async fn kinds(
    d: &Desk,
    id: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(id))
        .all(&d.db)
        .await?
        .into_iter()
        .map(|e| e.kind)
        .collect())
}

#[tokio::test]
async fn the_postal_fee_comes_from_the_tariff_and_is_paid_with_the_fee_or_on_delivery() -> TestResult
{
    let d = desk().await?;
    // Tây Ninh's own ward: the in-province amount; a ward of another province: the other.
    let (_, cod) = filed_by_post(&d, 1, "80", "25459", PostalPayment::OnDelivery).await?;
    let (_, with_fee) = filed_by_post(&d, 2, "80", "25459", PostalPayment::WithFee).await?;
    let (_, far) = filed_by_post(&d, 3, "79", "25747", PostalPayment::OnDelivery).await?;
    assert_eq!(cod.postal_fee_vnd, Some(22_000));
    assert_eq!(with_fee.postal_fee_vnd, Some(22_000));
    assert_eq!(far.postal_fee_vnd, Some(32_000));
    let procedure_fee = cod.fee_due_vnd.ok_or("fee")?;
    assert!(procedure_fee > 0);
    assert_eq!(with_fee.fee_due_vnd, Some(procedure_fee + 22_000));
    assert_eq!(far.fee_due_vnd, Some(procedure_fee));
    // An electronic result has no postal fee.
    let (_, online) = testing::filed(&d.db, 4, d.now).await?;
    let online = dossier::Entity::find_by_id(online)
        .one(&d.db)
        .await?
        .ok_or("row")?;
    assert_eq!(online.postal_fee_vnd, None);

    // The postman collects the postal fee when it was not paid with the dossier's fee, and
    // whatever of the dossier's fee is still unpaid (the post office collects it for the
    // agency). A payment still waiting for the bank holds the hand-over.
    let carrier = ScriptedCarrier::default();
    payment_of(&d, &with_fee.id, procedure_fee, "pending").await?;
    processed(&d, &with_fee.id).await?;
    let waiting =
        shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &with_fee.id).await;
    assert_eq!(
        waiting.err().as_ref().and_then(code_of).as_deref(),
        Some("shipment_payment_pending")
    );
    domain::entities::payment::Entity::delete_many()
        .exec(&d.db)
        .await?;
    payment_of(&d, &with_fee.id, procedure_fee + 22_000, "paid").await?;
    processed(&d, &cod.id).await?;
    for row in [&cod, &with_fee] {
        shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &row.id).await?;
    }
    let orders = carrier.orders.lock().map(|o| o.clone()).unwrap_or_default();
    assert_eq!(orders[0].cod_vnd, procedure_fee + 22_000);
    assert_eq!(orders[1].cod_vnd, 0);
    assert_eq!(
        orders[0].recipient.address,
        "12 Lê Lợi, Phường Tân Ninh, Tây Ninh"
    );
    assert_eq!(orders[0].sender.province_code, "80");
    Ok(())
}

#[tokio::test]
async fn the_carriers_updates_move_the_shipment_once_and_its_delivery_returns_the_dossier(
) -> TestResult {
    let d = desk().await?;
    let (owner, row) = filed_by_post(&d, 1, "80", "25459", PostalPayment::OnDelivery).await?;
    let id = row.id.clone();
    let carrier = ScriptedCarrier::default();

    // Not before the result is ready.
    let early = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await;
    assert_eq!(
        early.err().as_ref().and_then(code_of).as_deref(),
        Some("shipment_not_ready")
    );
    processed(&d, &id).await?;
    // Only the receiving desk hands results over.
    assert!(matches!(
        shipments::hand_over(services(&d.db, d.now), &carrier, &d.specialist, &id).await,
        Err(DomainError::Forbidden(_) | DomainError::NotFound(_))
    ));
    let sent = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await?;
    assert!(carrier::valid_tracking_number(&sent.tracking_number));
    assert_eq!(sent.status, "created");
    // One live shipment: no second hand-over, and no return at the desk while it travels.
    let again = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await;
    assert_eq!(
        again.err().as_ref().and_then(code_of).as_deref(),
        Some("shipment_not_ready")
    );
    let at_desk = processing::act(
        services(&d.db, d.now),
        &d.clerk,
        &id,
        Transition::Return,
        &Command::default(),
    )
    .await;
    assert_eq!(
        at_desk.err().as_ref().and_then(code_of).as_deref(),
        Some("shipment_live")
    );

    let tn = sent.tracking_number.clone();
    let t = d.now;
    assert_eq!(
        post_update(&d, &update("e1", &tn, "picked_up", t + Duration::hours(1))).await?,
        UpdateAnswer::Accepted
    );
    assert_eq!(
        post_update(&d, &update("e3", &tn, "in_transit", t + Duration::hours(5))).await?,
        UpdateAnswer::Accepted
    );
    // A replay changes nothing and says so.
    assert_eq!(
        post_update(&d, &update("e3", &tn, "in_transit", t + Duration::hours(5))).await?,
        UpdateAnswer::Duplicate
    );
    // An older event arriving late is kept but does not move the shipment back.
    assert_eq!(
        post_update(&d, &update("e2", &tn, "failed", t + Duration::hours(3))).await?,
        UpdateAnswer::Accepted
    );
    let current = shipment::Entity::find_by_id(sent.id.clone())
        .one(&d.db)
        .await?
        .ok_or("shipment")?;
    assert_eq!(current.status, "in_transit");
    // Tampered, forged, unknown and malformed updates.
    let body = serde_json::to_vec(&update("e4", &tn, "delivered", t + Duration::hours(6)))?;
    let signature = carrier::sign(SECRET, &body);
    let mut tampered = body.clone();
    let at = tampered.iter().position(|b| *b == b'e').ok_or("e")?;
    tampered[at] = b'f';
    assert_eq!(
        shipments::apply_update(&d.db, SECRET, &tampered, &signature, mailing(), t).await?,
        UpdateAnswer::BadSignature
    );
    let forged = carrier::sign("another-secret", &body);
    assert_eq!(
        shipments::apply_update(&d.db, SECRET, &body, &forged, mailing(), t).await?,
        UpdateAnswer::BadSignature
    );
    assert_eq!(
        post_update(&d, &update("e5", "EE473124829VN", "delivered", t)).await?,
        UpdateAnswer::UnknownShipment
    );
    assert_eq!(
        post_update(&d, &update("e6", &tn, "lost", t)).await?,
        UpdateAnswer::Malformed
    );
    assert_eq!(status_of(&d, &id).await?, Status::Processed.code());

    // Delivered: the dossier is returned (status 10), once, and the applicant is told.
    let notices_before = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(id.clone()))
        .count(&d.db)
        .await?;
    assert_eq!(
        shipments::apply_update(&d.db, SECRET, &body, &signature, mailing(), t).await?,
        UpdateAnswer::Accepted
    );
    assert_eq!(status_of(&d, &id).await?, Status::Returned.code());
    let notices_after = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(id.clone()))
        .count(&d.db)
        .await?;
    assert!(notices_after > notices_before, "the applicant is told");
    // What the postman collected for the agency is the dossier's payment, recorded once.
    let collected = domain::entities::payment::Entity::find()
        .filter(domain::entities::payment::Column::DossierId.eq(id.clone()));
    let paid = collected.clone().all(&d.db).await?;
    assert_eq!(paid.len(), 1);
    assert_eq!(
        (
            paid[0].gateway.as_str(),
            paid[0].status.as_str(),
            Some(paid[0].amount_vnd)
        ),
        ("cod", "paid", row.fee_due_vnd)
    );
    assert_eq!(paid[0].txn_ref, format!("COD-{tn}"));
    assert_eq!(
        shipments::apply_update(&d.db, SECRET, &body, &signature, mailing(), t).await?,
        UpdateAnswer::Duplicate
    );
    assert_eq!(collected.count(&d.db).await?, 1);
    // After delivery nothing moves the shipment.
    assert_eq!(
        post_update(&d, &update("e7", &tn, "returned", t + Duration::hours(9))).await?,
        UpdateAnswer::Accepted
    );
    let current = shipment::Entity::find_by_id(sent.id.clone())
        .one(&d.db)
        .await?
        .ok_or("shipment")?;
    assert_eq!(current.status, "delivered");
    assert!(current.delivered_at.is_some());
    assert_eq!(status_of(&d, &id).await?, Status::Returned.code());

    let kinds = kinds(&d, &id).await?;
    for k in [
        "shipment_created",
        "shipment_picked_up",
        "shipment_in_transit",
        "shipment_failed",
        "shipment_delivered",
        "return",
    ] {
        assert!(
            kinds.iter().any(|x| x == k),
            "{k} on the timeline: {kinds:?}"
        );
    }
    assert_eq!(kinds.iter().filter(|k| *k == "return").count(), 1);
    assert_eq!(
        kinds.iter().filter(|k| *k == "shipment_in_transit").count(),
        1,
        "the replay left no event"
    );
    let public = domain::dossiers::timeline::public_events(&d.db, &owner, &id).await?;
    assert!(public.iter().any(|e| e.kind == "shipment_delivered"));
    Ok(())
}

#[tokio::test]
async fn a_refusing_or_silent_carrier_changes_nothing_and_a_returned_parcel_can_be_sent_again(
) -> TestResult {
    let d = desk().await?;
    let (_, row) = filed_by_post(&d, 1, "80", "25459", PostalPayment::OnDelivery).await?;
    let id = row.id.clone();
    processed(&d, &id).await?;
    let carrier = ScriptedCarrier::default();
    if let Ok(mut e) = carrier.next_error.lock() {
        *e = Some(CarrierError::Refused {
            code: "ADDRESS_NOT_SERVED".into(),
            message: "Địa chỉ chưa được phục vụ".into(),
        });
    }
    let refused = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await;
    assert_eq!(
        refused.err().as_ref().and_then(code_of).as_deref(),
        Some("carrier_refused")
    );
    if let Ok(mut e) = carrier.next_error.lock() {
        *e = Some(CarrierError::Unavailable("timeout".into()));
    }
    let silent = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await;
    assert_eq!(
        silent.err().as_ref().and_then(code_of).as_deref(),
        Some("carrier_unavailable")
    );
    assert!(
        shipments::of_dossier(&d.db, &id).await?.is_empty(),
        "nothing recorded"
    );

    let first = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await?;
    let t = d.now;
    let mut failed = update(
        "r1",
        &first.tracking_number,
        "failed",
        t + Duration::hours(2),
    );
    failed.note = Some("Người nhận vắng nhà".into());
    assert_eq!(post_update(&d, &failed).await?, UpdateAnswer::Accepted);
    assert_eq!(
        post_update(
            &d,
            &update(
                "r2",
                &first.tracking_number,
                "returned",
                t + Duration::hours(30)
            )
        )
        .await?,
        UpdateAnswer::Accepted
    );
    assert_eq!(status_of(&d, &id).await?, Status::Processed.code());
    // Back at the agency: it can go out again, or be handed over at the desk.
    let second = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await?;
    assert_ne!(second.tracking_number, first.tracking_number);
    assert_eq!(
        post_update(
            &d,
            &update(
                "r3",
                &second.tracking_number,
                "returned",
                t + Duration::hours(60)
            )
        )
        .await?,
        UpdateAnswer::Accepted
    );
    let moved = processing::act(
        services(&d.db, d.now),
        &d.clerk,
        &id,
        Transition::Return,
        &Command::default(),
    )
    .await?;
    assert_eq!(moved.status, Status::Returned);
    Ok(())
}

fn by_post(payment: PostalPayment, commune: &str, province: &str, phone: &str) -> Delivery {
    Delivery {
        method: DeliveryMethod::Post,
        recipient: "Trần Văn Bình".into(),
        phone: phone.into(),
        province: province.into(),
        commune: commune.into(),
        street: "7 Hùng Vương".into(),
        postal_payment: payment,
    }
}

async fn row_of(
    d: &Desk,
    id: &str,
) -> Result<dossier::Model, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .one(&d.db)
        .await?
        .ok_or("row")?)
}

/// A payment of `amount` the bank confirmed (or one still waiting for it).
async fn payment_of(d: &Desk, id: &str, amount: i64, status: &str) -> TestResult {
    let p = domain::entities::payment::Model {
        expires_at: (d.now + Duration::minutes(15)).fixed_offset(),
        paid_at: (status == "paid").then(|| d.now.fixed_offset()),
        ..domain::payments::new_row(
            id,
            "vnpay",
            uuid::Uuid::new_v4().simple().to_string()[..16].to_owned(),
            amount,
            status,
            d.now,
        )
    };
    domain::entities::payment::Entity::insert(domain::entities::payment::ActiveModel::from(p))
        .exec_without_returning(&d.db)
        .await?;
    Ok(())
}

#[tokio::test]
async fn postal_return_can_be_chosen_after_filing_until_the_result_leaves_the_desk() -> TestResult {
    let d = desk().await?;
    // Filed asking for an electronic result.
    let (me, id) = testing::filed(&d.db, 1, d.now).await?;
    let filed = row_of(&d, &id).await?;
    let procedure_fee = filed.fee_due_vnd.ok_or("fee")?;
    assert_eq!(filed.postal_fee_vnd, None);

    // What is typed wrong is refused field by field, kept as typed, and changes nothing else.
    let wrong = by_post(PostalPayment::WithFee, "25747", "80", "12345");
    let refused = choice::change(services(&d.db, d.now), &me, &id, wrong.clone()).await;
    let Err(DomainError::Validation(errors)) = refused else {
        return Err(format!("expected problems, got {refused:?}").into());
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"delivery-phone"), "{fields:?}");
    assert!(
        fields.iter().any(|f| f.starts_with("delivery-address")),
        "{fields:?}"
    );
    let kept = row_of(&d, &id).await?;
    assert_eq!(choice::request_of(&kept), Some(wrong));
    assert_eq!(kept.delivery, filed.delivery);
    assert_eq!(kept.fee_due_vnd, filed.fee_due_vnd);
    assert!(!choice::request_problems(&d.db, &kept, true, d.now)
        .await?
        .is_empty());

    // Someone else cannot change it, nor can staff.
    let other = testing::citizen(&d.db, 2).await?;
    let fine = by_post(PostalPayment::WithFee, "25459", "80", "0912345678");
    for who in [&other, &d.clerk] {
        assert!(matches!(
            choice::change(services(&d.db, d.now), who, &id, fine.clone()).await,
            Err(DomainError::NotFound(_))
        ));
    }

    // Post, paid with the fee: the tariff's amount joins the fee due; the request is cleared
    // and the change is on the timeline.
    let changed = choice::change(services(&d.db, d.now), &me, &id, fine.clone()).await?;
    assert_eq!(changed.postal_fee_vnd, Some(22_000));
    assert_eq!(changed.fee_due_vnd, procedure_fee + 22_000);
    assert_eq!(changed.balance_vnd, procedure_fee + 22_000);
    let row = row_of(&d, &id).await?;
    assert_eq!(row.fee_due_vnd, Some(procedure_fee + 22_000));
    assert_eq!(row.postal_fee_vnd, Some(22_000));
    assert_eq!(row.delivery_request, None);
    assert_eq!(shipments::delivery_of(&row), fine);
    assert!(kinds(&d, &id)
        .await?
        .contains(&"delivery_changed".to_owned()));

    // Paid on delivery instead: the fee due goes back down.
    let cod = by_post(PostalPayment::OnDelivery, "25459", "80", "0912345678");
    let changed = choice::change(services(&d.db, d.now), &me, &id, cod.clone()).await?;
    assert_eq!(changed.fee_due_vnd, procedure_fee);
    assert_eq!(changed.postal_fee_vnd, Some(22_000));

    // While a payment waits for the bank's answer nothing changes.
    payment_of(&d, &id, procedure_fee, "pending").await?;
    let waiting = choice::change(services(&d.db, d.now), &me, &id, fine.clone()).await;
    assert_eq!(
        waiting.err().as_ref().and_then(code_of).as_deref(),
        Some("delivery_locked")
    );
    domain::entities::payment::Entity::delete_many()
        .filter(domain::entities::payment::Column::DossierId.eq(&id))
        .exec(&d.db)
        .await?;

    // Once the postal fee is paid with the fee, it cannot be dropped here.
    choice::change(services(&d.db, d.now), &me, &id, fine.clone()).await?;
    payment_of(&d, &id, procedure_fee + 22_000, "paid").await?;
    let desk_instead = Delivery {
        method: DeliveryMethod::Desk,
        ..Delivery::default()
    };
    let dropped = choice::change(services(&d.db, d.now), &me, &id, desk_instead).await;
    assert_eq!(
        dropped.err().as_ref().and_then(code_of).as_deref(),
        Some("postal_fee_paid")
    );
    // Another address in the same province keeps the frozen (paid) fee.
    let moved = Delivery {
        street: "99 Cách Mạng Tháng Tám".into(),
        ..fine.clone()
    };
    let changed = choice::change(services(&d.db, d.now), &me, &id, moved).await?;
    assert_eq!(changed.balance_vnd, 0);

    // Processed: still open to a change that needs no payment online, not to one that does.
    processed(&d, &id).await?;
    let far = by_post(PostalPayment::WithFee, "25747", "79", "0912345678");
    let closed = choice::change(services(&d.db, d.now), &me, &id, far).await;
    assert_eq!(
        closed.err().as_ref().and_then(code_of).as_deref(),
        Some("postal_with_fee_closed")
    );
    // Handed to the carrier: the way home is fixed.
    let carrier = ScriptedCarrier::default();
    shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await?;
    let late = choice::change(services(&d.db, d.now), &me, &id, cod).await;
    assert_eq!(
        late.err().as_ref().and_then(code_of).as_deref(),
        Some("delivery_locked")
    );
    Ok(())
}

#[tokio::test]
async fn a_processed_dossier_can_still_ask_for_its_result_by_post_paid_on_delivery() -> TestResult {
    let d = desk().await?;
    let (me, id) = testing::filed(&d.db, 1, d.now).await?;
    processed(&d, &id).await?;
    let fee = row_of(&d, &id).await?.fee_due_vnd;
    let cod = by_post(PostalPayment::OnDelivery, "25747", "79", "0912345678");
    let changed = choice::change(services(&d.db, d.now), &me, &id, cod).await?;
    assert_eq!(changed.postal_fee_vnd, Some(32_000));
    assert_eq!(Some(changed.fee_due_vnd), fee);
    let carrier = ScriptedCarrier::default();
    shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await?;
    let orders = carrier.orders.lock().map(|o| o.clone()).unwrap_or_default();
    assert_eq!(orders.len(), 1);
    assert_eq!(
        orders[0].cod_vnd,
        fee.unwrap_or(0) + 32_000,
        "unpaid fee and postal fee"
    );
    assert_eq!(orders[0].recipient.province_code, "79");

    // A bank transfer settles the fee after the hand-over; the postman collects it anyway.
    // Delivered: what he collected is not counted as the fee a second time but kept as
    // `duplicate`, to be refunded.
    payment_of(&d, &id, fee.unwrap_or(0), "paid").await?;
    let tn = shipments::of_dossier(&d.db, &id)
        .await?
        .first()
        .ok_or("shipment")?
        .tracking_number
        .clone();
    assert_eq!(
        post_update(
            &d,
            &update("d1", &tn, "delivered", d.now + Duration::hours(3))
        )
        .await?,
        UpdateAnswer::Accepted
    );
    let cod: Vec<(String, i64)> = domain::entities::payment::Entity::find()
        .filter(domain::entities::payment::Column::Gateway.eq("cod"))
        .all(&d.db)
        .await?
        .into_iter()
        .map(|p| (p.status, p.amount_vnd))
        .collect();
    assert_eq!(cod, vec![("duplicate".to_owned(), fee.unwrap_or(0))]);
    Ok(())
}

#[tokio::test]
async fn a_parcel_whose_webhooks_were_lost_is_caught_up_by_asking_the_carrier() -> TestResult {
    let d = desk().await?;
    let (_, row) = filed_by_post(&d, 1, "80", "25459", PostalPayment::OnDelivery).await?;
    let id = row.id.clone();
    processed(&d, &id).await?;
    let carrier = ScriptedCarrier::default();
    let sent = shipments::hand_over(services(&d.db, d.now), &carrier, &d.clerk, &id).await?;
    let tn = sent.tracking_number.clone();
    let t = d.now;
    assert_eq!(
        post_update(
            &d,
            &update("c1", &tn, "picked_up", t + Duration::minutes(30))
        )
        .await?,
        UpdateAnswer::Accepted
    );
    // The carrier knows more than reached the portal: the webhooks of these were lost.
    if let Ok(mut e) = carrier.events.lock() {
        *e = vec![
            update("c1", &tn, "picked_up", t + Duration::minutes(30)),
            update("c3", &tn, "delivered", t + Duration::hours(5)),
            update("c2", &tn, "in_transit", t + Duration::hours(2)),
            update("x9", "EE473124829VN", "delivered", t + Duration::hours(5)),
        ];
    }
    // Not asked while news is recent.
    let mailing = mailing();
    assert_eq!(
        shipments::catch_up(&d.db, &carrier, mailing, t + Duration::hours(2)).await?,
        0
    );
    assert!(carrier.asked.lock().map(|a| a.is_empty()).unwrap_or(false));
    // Quiet for longer than the limit: asked; the two lost events are applied in order and
    // the delivery returns the dossier; the one already kept and another parcel's are not.
    let later = t + Duration::hours(6);
    assert_eq!(
        shipments::catch_up(&d.db, &carrier, mailing, later).await?,
        2
    );
    assert_eq!(status_of(&d, &id).await?, Status::Returned.code());
    let current = shipment::Entity::find_by_id(sent.id.clone())
        .one(&d.db)
        .await?
        .ok_or("shipment")?;
    assert_eq!(current.status, "delivered");
    let kinds = kinds(&d, &id).await?;
    assert_eq!(
        kinds.iter().filter(|k| *k == "shipment_picked_up").count(),
        1
    );
    assert!(kinds.contains(&"shipment_in_transit".to_owned()));
    assert_eq!(kinds.iter().filter(|k| *k == "return").count(), 1);
    // A delivered parcel is not asked about again.
    assert_eq!(
        shipments::catch_up(&d.db, &carrier, mailing, later + Duration::hours(8)).await?,
        0
    );
    assert_eq!(carrier.asked.lock().map(|a| a.len()).unwrap_or(0), 1);
    Ok(())
}
