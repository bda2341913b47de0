//! The dossier's append-only timeline: every change is one event (who, when, from → to, a
//! public note the applicant sees, an internal note only staff see, details).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::NotSet, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde::Serialize;

use super::{drafts, Status};
use crate::access::Actor;
use crate::entities::dossier_event;
use crate::error::DomainResult;

/// An event to append.
#[derive(Clone, Debug)]
pub struct NewEvent<'a> {
    /// Dossier.
    pub dossier_id: &'a str,
    /// Who (account or API client id).
    pub actor_id: Option<String>,
    /// Who, as shown.
    pub actor_label: String,
    /// What happened.
    pub kind: &'a str,
    /// Status before.
    pub from: Option<Status>,
    /// Status after.
    pub to: Option<Status>,
    /// Note the applicant sees.
    pub public_note: Option<String>,
    /// Note only staff see.
    pub internal_note: Option<String>,
    /// Details.
    pub data: Option<serde_json::Value>,
}

/// Appends an event (inside the caller's transaction).
pub async fn append<C: ConnectionTrait>(
    db: &C,
    at: DateTime<Utc>,
    event: NewEvent<'_>,
) -> DomainResult<()> {
    debug_assert!(
        is_event_kind(event.kind),
        "event kind {} is missing from EVENT_KINDS",
        event.kind
    );
    dossier_event::Entity::insert(dossier_event::ActiveModel {
        id: NotSet,
        dossier_id: Set(event.dossier_id.to_owned()),
        at: Set(at.fixed_offset()),
        actor_id: Set(event.actor_id),
        actor_label: Set(event.actor_label),
        kind: Set(event.kind.to_owned()),
        from_status: Set(event.from.map(|s| s.code().to_owned())),
        to_status: Set(event.to.map(|s| s.code().to_owned())),
        public_note: Set(event.public_note),
        internal_note: Set(event.internal_note),
        data: Set(event.data),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// An event as the applicant sees it (internal notes left out).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicEvent {
    /// Event id (slips are addressed by it).
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: String,
    /// Who acted, as shown to the applicant.
    pub actor_label: String,
    /// Status before.
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: Option<String>,
    /// Note for the applicant.
    pub note: Option<String>,
    /// Documents asked for (supplement requests).
    pub missing: Vec<String>,
    /// The due date this event set (acceptance, supplement answered, apology).
    pub due_at: Option<DateTime<Utc>>,
    /// How a result was returned (`desk`, `online`, `post`).
    pub method: Option<String>,
    /// The postal tracking number (shipment events).
    pub tracking_number: Option<String>,
    /// Where a shipment event happened (the carrier's post office).
    pub location: Option<String>,
}

/// Event kinds only staff see (the escalation of an overrun step to the agency's leaders, the
/// draft result before the leader signs it, a notice no channel could carry).
pub const INTERNAL_KINDS: [&str; 3] = ["escalated", "result_uploaded", "notice_not_sent"];

/// Every event kind the domain writes on a timeline: the one list the interface translates
/// (`bo_event_<kind>` on staff pages, `event_<kind>` for the applicant) and its tests check
/// (issue 27: raw keys showed in the staff history). [`append`] refuses, in debug builds, a
/// kind missing here, so a new kind fails the tests that write it until it is listed.
pub const EVENT_KINDS: &[&str] = &[
    // The moves (`lifecycle::Transition::code`).
    "accept",
    "request_supplement",
    "refuse",
    "supply",
    "assign",
    "forward",
    "send_back",
    "transfer",
    "transfer_back",
    "approve",
    "stop",
    "withdraw",
    "apologise",
    "return",
    // Filing, escalation of an overrun step, the draft result.
    "submitted",
    "escalated",
    "result_uploaded",
    "notice_not_sent",
    // Fees and payments.
    "fee_added",
    "fee_quantity_corrected",
    "payment_started",
    "payment_paid",
    "payment_duplicate",
    "payment_failed",
    "refund_requested",
    "payment_refunded",
    "refund_order_opened",
    "refund_order_queued",
    "refund_account_given",
    "refund_account_refused",
    "refund_completed",
    // Postal return: the applicant's choice, then `shipment_` + the carrier's status code.
    "delivery_changed",
    "shipment_created",
    "shipment_picked_up",
    "shipment_in_transit",
    "shipment_delivered",
    "shipment_failed",
    "shipment_returned",
];

/// True for a kind of [`EVENT_KINDS`].
pub fn is_event_kind(kind: &str) -> bool {
    EVENT_KINDS.contains(&kind)
}

/// The public timeline of a dossier the caller may read, oldest first.
pub async fn public_events<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    dossier_id: &str,
) -> DomainResult<Vec<PublicEvent>> {
    drafts::load_readable(db, actor, dossier_id).await?;
    Ok(dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(dossier_id))
        .filter(dossier_event::Column::Kind.is_not_in(INTERNAL_KINDS))
        .order_by_asc(dossier_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| PublicEvent {
            id: e.id,
            at: e.at.with_timezone(&Utc),
            kind: e.kind,
            actor_label: e.actor_label,
            from_status: e.from_status,
            to_status: e.to_status,
            note: e.public_note,
            missing: e
                .data
                .as_ref()
                .and_then(|d| d.get("missing"))
                .and_then(|m| serde_json::from_value(m.clone()).ok())
                .unwrap_or_default(),
            due_at: e
                .data
                .as_ref()
                .and_then(|d| d.get("due_at"))
                .and_then(|m| serde_json::from_value(m.clone()).ok()),
            method: text_of(&e.data, "method"),
            tracking_number: text_of(&e.data, "tracking_number"),
            location: text_of(&e.data, "location"),
        })
        .collect())
}

/// A text field of an event's data.
fn text_of(data: &Option<serde_json::Value>, key: &str) -> Option<String> {
    data.as_ref()
        .and_then(|d| d.get(key))
        .and_then(|m| m.as_str())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossiers::lifecycle::Transition;
    use crate::postal::carrier::ShipmentStatus;

    #[test]
    fn every_kind_written_is_listed_once() {
        for t in Transition::ALL {
            assert!(is_event_kind(t.code()), "{}", t.code());
        }
        for s in ShipmentStatus::ALL {
            let kind = format!("shipment_{}", s.code());
            assert!(is_event_kind(&kind), "{kind}");
        }
        for k in INTERNAL_KINDS {
            assert!(is_event_kind(k), "{k}");
        }
        let mut sorted = EVENT_KINDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), EVENT_KINDS.len());
    }
}
