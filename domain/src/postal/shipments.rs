//! Shipments of results by post. The desk of the receiving agency hands a processed result
//! over ([`hand_over`]): the carrier registers it and gives its tracking number. The carrier's
//! signed status updates ([`apply_update`]) move it along; each one lands on the dossier's
//! public timeline, and its delivery returns the dossier (status 10) and tells the applicant.
//!
//! Correctness rules: one live shipment per dossier (a new one only after the last came back);
//! every update is kept once by its event id (a replay changes nothing and says so); an update
//! older than the newest one applied is kept and shown but never moves the shipment back; a
//! delivered or returned shipment is final; a bad signature changes nothing and is logged.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, SqlErr,
};

use super::carrier::{self, Carrier, CarrierError, Order, Party, ShipmentStatus, Update};
use crate::access::{Actor, Role};
use crate::accounts::Mailing;
use crate::audit::Origin;
use crate::dossiers::change::{self, By, DossierChange};
use crate::dossiers::lifecycle::Transition;
use crate::dossiers::{Delivery, DeliveryMethod, Status};
use crate::entities::{agency, commune, dossier, payment, province, shipment, shipment_event};
use crate::error::{invalid, DomainError, DomainResult};
use crate::services::Services;

/// How the carrier is named on the applicant's timeline.
pub const CARRIER_LABEL: &str = "Bưu điện (VNPost)";

fn refuse(code: &str, message: &str) -> DomainError {
    invalid("shipment", code, message)
}

/// The shipments of dossier `id`, newest first (no access check: callers have loaded the
/// dossier for the actor).
pub async fn of_dossier<C: ConnectionTrait>(
    db: &C,
    id: &str,
) -> DomainResult<Vec<shipment::Model>> {
    Ok(shipment::Entity::find()
        .filter(shipment::Column::DossierId.eq(id))
        .order_by_desc(shipment::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The carrier's updates of a shipment, oldest first (by the carrier's clock).
pub async fn events_of<C: ConnectionTrait>(
    db: &C,
    shipment_id: &str,
) -> DomainResult<Vec<shipment_event::Model>> {
    Ok(shipment_event::Entity::find()
        .filter(shipment_event::Column::ShipmentId.eq(shipment_id))
        .order_by_asc(shipment_event::Column::At)
        .order_by_asc(shipment_event::Column::Id)
        .all(db)
        .await?)
}

/// The shipment still travelling or delivered, if any (one that came back does not count).
pub fn live(shipments: &[shipment::Model]) -> Option<&shipment::Model> {
    shipments
        .iter()
        .find(|s| s.status != ShipmentStatus::Returned.code())
}

/// True when `actor` works the desk of the agency that received `row` (who returns results).
pub fn may_hand_over(actor: &Actor, row: &dossier::Model) -> bool {
    matches!(actor, Actor::Staff { agency_code, roles, .. }
        if row.receiving_agency_code.as_deref() == Some(agency_code.as_str())
            && roles.contains(&Role::IntakeClerk))
}

/// How the applicant of `row` asked to receive the result.
pub fn delivery_of(row: &dossier::Model) -> Delivery {
    serde_json::from_value(row.delivery.clone()).unwrap_or_default()
}

/// True when the result of `row` can be handed to the carrier now: processed, postal return
/// chosen, and no shipment under way or delivered.
pub fn ready_to_ship(row: &dossier::Model, shipments: &[shipment::Model]) -> bool {
    let delivery = delivery_of(row);
    row.status == Status::Processed.code()
        && delivery.method == DeliveryMethod::Post
        && live(shipments).is_none()
}

/// What the postman collects from the recipient: the dossier's fee still unpaid (the post
/// office collects fees for the agency — *thu hộ*), and the postal fee when it is paid on
/// delivery. Once delivered, the fee part is recorded as a payment of the dossier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Collect {
    /// The dossier's fee still due (its postal fee included when chosen "with the fee").
    pub fee_vnd: i64,
    /// The postal fee paid to the postman.
    pub postal_vnd: i64,
}

impl Collect {
    /// The amount on the parcel.
    pub fn total(self) -> i64 {
        self.fee_vnd + self.postal_vnd
    }
}

/// What the postman collects for `row` given its `payments`.
pub fn collect_on_delivery(row: &dossier::Model, payments: &[payment::Model]) -> Collect {
    let delivery = delivery_of(row);
    Collect {
        fee_vnd: crate::payments::money::balance(row.fee_due_vnd, payments),
        postal_vnd: delivery.postal_on_delivery(row.postal_fee_vnd),
    }
}

/// `street, commune, province` of a postal address, from the 2025 map.
pub async fn address_text<C: ConnectionTrait>(
    db: &C,
    street: &str,
    commune_code: &str,
    province_code: &str,
) -> DomainResult<String> {
    let commune = commune::Entity::find_by_id(commune_code.to_owned())
        .one(db)
        .await?
        .map(|c| c.name);
    let province = province::Entity::find_by_id(province_code.to_owned())
        .one(db)
        .await?
        .map(|p| p.name);
    Ok([Some(street.trim().to_owned()), commune, province]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", "))
}

/// The desk hands dossier `id`'s result to the carrier: the carrier registers the shipment
/// (with the postal fee to collect when it was not paid with the fee) and the tracking number
/// goes on the timeline. Refusals: `Validation` with `shipment_not_ready` (not processed, no
/// postal return chosen, or already shipped), `carrier_refused` (the carrier's words) or
/// `carrier_unavailable` (try again).
pub async fn hand_over(
    services: Services<'_>,
    carrier: &dyn Carrier,
    actor: &Actor,
    id: &str,
) -> DomainResult<shipment::Model> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    // Read, not locked: the carrier is called before anything is written (checked again under
    // the lock below).
    let row = change::readable(db, actor, id).await?;
    if !may_hand_over(actor, &row) {
        return Err(DomainError::Forbidden("shipment".into()));
    }
    let earlier = of_dossier(db, id).await?;
    if !ready_to_ship(&row, &earlier) {
        return Err(refuse(
            "shipment_not_ready",
            "only a processed result whose applicant asked for postal return, not already shipped, is handed to the carrier",
        ));
    }
    let delivery = delivery_of(&row);
    let agency_code = row.receiving_agency_code.clone().unwrap_or_default();
    let desk = agency::Entity::find_by_id(agency_code.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("agency {agency_code}")))?;
    let recipient_address =
        address_text(db, &delivery.street, &delivery.commune, &delivery.province).await?;
    let payments = crate::payments::online::of_dossier(db, id).await?;
    // A payment still waiting for the bank could settle after the postman collected the fee.
    if crate::payments::online::pending(&payments, now).is_some() {
        return Err(refuse(
            "shipment_payment_pending",
            "a payment of this dossier is waiting for the bank's answer; hand over once it is settled",
        ));
    }
    let cod = collect_on_delivery(&row, &payments).total();
    let shipment_id = uuid::Uuid::new_v4().to_string();
    let code = row.code.clone().unwrap_or_default();
    let order = Order {
        // The same for a retry of this hand-over (nothing was recorded if the portal stopped
        // after the carrier answered), so the carrier gives the parcel it already registered.
        order_ref: format!("{id}-{}-{}", earlier.len() + 1, row.revision),
        sender: Party {
            name: desk.name.clone(),
            phone: desk.phone.clone().unwrap_or_default(),
            address: desk.address.clone().unwrap_or_default(),
            province_code: desk.province_code.clone(),
            commune_code: desk.commune_code.clone().unwrap_or_default(),
        },
        recipient: Party {
            name: delivery.recipient.trim().to_owned(),
            phone: delivery.phone.trim().to_owned(),
            address: recipient_address.clone(),
            province_code: delivery.province.clone(),
            commune_code: delivery.commune.clone(),
        },
        cod_vnd: cod,
        content: format!("Ket qua giai quyet TTHC, ho so {code}"),
        weight_grams: 200,
    };
    let created = match carrier.create(order).await {
        Ok(c) => c,
        Err(CarrierError::Refused { code: c, message }) => {
            tracing::warn!(dossier = %id, code = %c, %message, "carrier refused the shipment");
            return Err(refuse("carrier_refused", &format!("{c}: {message}")));
        }
        Err(CarrierError::Unavailable(why)) => {
            tracing::warn!(dossier = %id, %why, "carrier unavailable");
            return Err(refuse(
                "carrier_unavailable",
                "the carrier did not answer; try again in a few minutes",
            ));
        }
    };
    if !carrier::valid_tracking_number(&created.tracking_number) {
        return Err(DomainError::Internal(format!(
            "carrier gave a malformed tracking number {:?}",
            created.tracking_number
        )));
    }
    let txn = crate::db::begin_write(db).await?;
    let locked = change::lock(&txn, id)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    // Another clerk may have shipped it while the carrier answered, or the applicant changed
    // the address or the fee the order was made from: nothing is recorded (the desk tries
    // again and the carrier is given the new order).
    if locked.revision != row.revision || !ready_to_ship(&locked, &of_dossier(&txn, id).await?) {
        return Err(DomainError::Conflict("shipped or changed meanwhile".into()));
    }
    let model = shipment::Model {
        id: shipment_id,
        dossier_id: id.to_owned(),
        carrier: carrier::CARRIER.to_owned(),
        tracking_number: created.tracking_number.clone(),
        status: ShipmentStatus::Created.code().to_owned(),
        recipient: delivery.recipient.trim().to_owned(),
        phone: delivery.phone.trim().to_owned(),
        address: recipient_address,
        cod_vnd: cod,
        created_by: actor.audit_id(),
        created_at: now.fixed_offset(),
        updated_at: now.fixed_offset(),
        last_event_at: Some(now.fixed_offset()),
        delivered_at: None,
        checked_at: None,
    };
    shipment::Entity::insert(shipment::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    DossierChange::new(&locked, actor)
        .event("shipment_created")
        .data(serde_json::json!({
            "tracking_number": created.tracking_number,
            "carrier": carrier::CARRIER,
            "cod_vnd": cod,
            "carrier_fee_vnd": created.fee_vnd,
        }))
        .audit("dossier.ship")
        .detail(serde_json::json!({ "tracking_number": created.tracking_number, "cod_vnd": cod }))
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    Ok(model)
}

/// What the webhook answers the carrier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateAnswer {
    /// Recorded (and applied when it is the newest).
    Accepted,
    /// This event was recorded before: nothing changed.
    Duplicate,
    /// No shipment has that tracking number.
    UnknownShipment,
    /// The signature does not match the body.
    BadSignature,
    /// The body is not an update (unreadable JSON, an unknown status).
    Malformed,
}

impl UpdateAnswer {
    /// The code in the webhook's answer body.
    pub fn code(self) -> &'static str {
        match self {
            UpdateAnswer::Accepted => "00",
            UpdateAnswer::Duplicate => "02",
            UpdateAnswer::UnknownShipment => "01",
            UpdateAnswer::BadSignature => "97",
            UpdateAnswer::Malformed => "99",
        }
    }
}

/// Handles one status update the carrier posted: `body` exactly as received and its
/// signature header. Every well-signed update of a known shipment is kept; see the module's
/// rules for what it changes.
pub async fn apply_update(
    db: &DatabaseConnection,
    secret: &str,
    body: &[u8],
    signature: &str,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<UpdateAnswer> {
    if !carrier::verify(secret, body, signature) {
        tracing::warn!("carrier webhook with a bad signature");
        return Ok(UpdateAnswer::BadSignature);
    }
    let Ok(update) = serde_json::from_slice::<Update>(body) else {
        return Ok(UpdateAnswer::Malformed);
    };
    apply(db, update, mailing, now).await
}

/// Applies one update that came from the carrier (a verified webhook, or its answer to a
/// tracking call): the same rules whichever way it came.
async fn apply(
    db: &DatabaseConnection,
    update: Update,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<UpdateAnswer> {
    let Some(status) = ShipmentStatus::parse(&update.status) else {
        return Ok(UpdateAnswer::Malformed);
    };
    if update.event_id.trim().is_empty() || update.event_id.len() > 64 {
        return Ok(UpdateAnswer::Malformed);
    }
    let Some(found) = shipment::Entity::find()
        .filter(shipment::Column::TrackingNumber.eq(update.tracking_number.clone()))
        .one(db)
        .await?
    else {
        return Ok(UpdateAnswer::UnknownShipment);
    };
    let txn = crate::db::begin_write(db).await?;
    let row = change::lock(&txn, &found.dossier_id)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("dossier {}", found.dossier_id)))?;
    // Re-read under the dossier's lock: a concurrent update may have moved it.
    let current = shipment::Entity::find_by_id(found.id.clone())
        .one(&txn)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("shipment {}", found.id)))?;
    let kept = shipment_event::Entity::insert(shipment_event::ActiveModel {
        id: NotSet,
        shipment_id: Set(current.id.clone()),
        event_id: Set(update.event_id.clone()),
        status: Set(status.code().to_owned()),
        at: Set(update.at.fixed_offset()),
        location: Set(update.location.clone().filter(|l| !l.trim().is_empty())),
        note: Set(update.note.clone().filter(|n| !n.trim().is_empty())),
        received_at: Set(now.fixed_offset()),
    })
    .exec_without_returning(&txn)
    .await;
    match kept {
        Ok(_) => {}
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Ok(UpdateAnswer::Duplicate);
        }
        Err(e) => return Err(e.into()),
    }
    let newest = current
        .last_event_at
        .is_none_or(|last| update.at >= last.with_timezone(&Utc));
    let settled = ShipmentStatus::parse(&current.status).is_some_and(ShipmentStatus::is_final);
    let applies = newest && !settled;
    if applies {
        let mut change = shipment::Entity::update_many()
            .col_expr(shipment::Column::Status, Expr::value(status.code()))
            .col_expr(shipment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
            .col_expr(
                shipment::Column::LastEventAt,
                Expr::value(update.at.fixed_offset()),
            );
        if status == ShipmentStatus::Delivered {
            change = change.col_expr(
                shipment::Column::DeliveredAt,
                Expr::value(update.at.fixed_offset()),
            );
        }
        change
            .filter(shipment::Column::Id.eq(&current.id))
            .exec(&txn)
            .await?;
    }
    // At the carrier's time: the applicant's timeline reads in the order things happened.
    DossierChange::new(&row, By::Party(CARRIER_LABEL))
        .event(format!("shipment_{}", status.code()))
        .public_note(update.note.clone().unwrap_or_default())
        .data(serde_json::json!({
            "tracking_number": current.tracking_number,
            "location": update.location,
            "event_id": update.event_id,
            "applied": applies,
        }))
        .audit("shipment.update")
        .detail(serde_json::json!({
            "tracking_number": current.tracking_number,
            "status": status.code(), "applied": applies, "event_id": update.event_id,
        }))
        .record(&txn, &Origin::default(), update.at)
        .await?;
    // Delivered: the fee the postman collected is paid, the dossier is returned and its
    // applicant told.
    if applies && status == ShipmentStatus::Delivered {
        collected(&txn, &row, &current, update.at, now).await?;
        let data =
            serde_json::json!({ "method": "post", "tracking_number": current.tracking_number });
        let carrier = By::Party(CARRIER_LABEL);
        if let Some(returned) =
            crate::results::record::mark_returned(&txn, &row, "post", carrier, data, update.at)
                .await?
        {
            returned
                .notify(mailing, Transition::Return.code(), "", None)
                .record(&txn, &Origin::default(), update.at)
                .await?;
        }
    }
    txn.commit().await?;
    Ok(UpdateAnswer::Accepted)
}

/// How long a travelling parcel may stay without news before the carrier is asked.
pub const QUIET_HOURS: i64 = 3;
/// Most parcels asked about in one round (the rest wait for the next).
pub const TRACK_PER_ROUND: u64 = 50;

/// Asks the carrier about parcels still travelling that had no news for [`QUIET_HOURS`] (their
/// webhooks may have been lost) and applies what it answers, by the webhook's rules (an event
/// already kept changes nothing). Each parcel is asked at most once per [`QUIET_HOURS`].
/// Returns how many updates were new. A carrier that does not answer ends the round; its
/// parcels are asked next time.
pub async fn catch_up(
    db: &DatabaseConnection,
    carrier: &dyn Carrier,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let quiet = (now - chrono::Duration::hours(QUIET_HOURS)).fixed_offset();
    let finals: Vec<&str> = ShipmentStatus::ALL
        .into_iter()
        .filter(|s| s.is_final())
        .map(ShipmentStatus::code)
        .collect();
    let waiting = shipment::Entity::find()
        .filter(shipment::Column::Status.is_not_in(finals))
        .filter(shipment::Column::LastEventAt.lt(quiet))
        .filter(
            sea_orm::Condition::any()
                .add(shipment::Column::CheckedAt.is_null())
                .add(shipment::Column::CheckedAt.lt(quiet)),
        )
        .order_by_asc(shipment::Column::LastEventAt)
        .limit(TRACK_PER_ROUND)
        .all(db)
        .await?;
    let mut new = 0;
    for parcel in waiting {
        let updates = match carrier.track(&parcel.tracking_number).await {
            Ok(u) => u,
            Err(e) => {
                // The carrier is down or refusing: the rest wait for the next round rather
                // than hold the loop (mail goes out from the same loop) for every timeout.
                tracing::warn!(tracking = %parcel.tracking_number, error = %e, "carrier not answering; parcels asked next round");
                break;
            }
        };
        shipment::Entity::update_many()
            .col_expr(shipment::Column::CheckedAt, Expr::value(now.fixed_offset()))
            .filter(shipment::Column::Id.eq(&parcel.id))
            .exec(db)
            .await?;
        let mut updates: Vec<Update> = updates
            .into_iter()
            .filter(|u| u.tracking_number == parcel.tracking_number)
            .collect();
        updates.sort_by_key(|u| u.at);
        for update in updates {
            match apply(db, update, mailing, now).await {
                Ok(UpdateAnswer::Accepted) => new += 1,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(tracking = %parcel.tracking_number, error = %e, "carrier event not applied; asked again later");
                }
            }
        }
    }
    Ok(new)
}

/// Records the fee part of what the postman collected on delivering `parcel` as a paid
/// payment of `row` (gateway `cod`, referenced by the tracking number, so a second delivery
/// report cannot record it twice), on the timeline.
async fn collected<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    parcel: &shipment::Model,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let postal = delivery_of(row).postal_on_delivery(row.postal_fee_vnd);
    let collected = (parcel.cod_vnd - postal).max(0);
    if collected == 0 {
        return Ok(());
    }
    let txn_ref = format!("COD-{}", parcel.tracking_number);
    let exists = payment::Entity::find()
        .filter(payment::Column::TxnRef.eq(&txn_ref))
        .count(db)
        .await?;
    if exists > 0 {
        return Ok(());
    }
    // Only what is still due counts as the fee: a payment that settled after the hand-over
    // (a late bank transfer) leaves the rest paid twice, kept as `duplicate` for a refund.
    let payments = crate::payments::online::of_dossier(db, &row.id).await?;
    let fee = collected.min(crate::payments::money::balance(row.fee_due_vnd, &payments));
    for (reference, amount, status) in [
        (txn_ref.clone(), fee, "paid"),
        (format!("{txn_ref}-X"), collected - fee, "duplicate"),
    ] {
        if amount <= 0 {
            continue;
        }
        payment::Entity::insert(payment::ActiveModel::from(payment::Model {
            paid_at: Some(at.fixed_offset()),
            gateway_txn_no: Some(parcel.tracking_number.clone()),
            ..crate::payments::new_row(&row.id, "cod", reference, amount, status, now)
        }))
        .exec_without_returning(db)
        .await?;
    }
    if fee < collected {
        tracing::warn!(dossier = %row.id, excess = collected - fee, "the postman collected a fee already paid");
    }
    if fee == 0 {
        return Ok(());
    }
    // On the timeline only: the carrier's update that brought it is the audit entry.
    DossierChange::new(row, By::Party(CARRIER_LABEL))
        .event("payment_paid")
        .data(serde_json::json!({
            "amount_vnd": fee,
            "txn_ref": txn_ref,
            "gateway": "cod",
            "tracking_number": parcel.tracking_number,
        }))
        .record(db, &Origin::default(), at)
        .await
}

/// The dossier's shipments, newest first, each with its carrier events, for the pages and the
/// API (the caller checked that the actor may read the dossier).
pub async fn with_events<C: ConnectionTrait>(
    db: &C,
    id: &str,
) -> DomainResult<Vec<(shipment::Model, Vec<shipment_event::Model>)>> {
    let mut out = Vec::new();
    for s in of_dossier(db, id).await? {
        let events = events_of(db, &s.id).await?;
        out.push((s, events));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
