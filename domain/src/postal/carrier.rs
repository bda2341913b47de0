//! The postal carrier's protocol, as the portal speaks it with VNPost-style delivery APIs and
//! with the local simulator (`server::simulators::carrier`), which speaks the same:
//!
//! - **Create a shipment**: `POST {base}/shipments` with the account's bearer token, an
//!   `Idempotency-Key` (the dossier and the hand-over's number: a retried call gives the same tracking
//!   number) and an [`Order`] as JSON. `201` answers [`Created`] with a UPU S10 tracking number
//!   (`EB123456785VN`); `4xx` answers `{code, message}`, a refusal the desk must act on
//!   (an address the carrier cannot serve, a wrong phone number); `5xx` or no answer means try
//!   again later.
//! - **Status updates**: the carrier `POST`s an [`Update`] as JSON to the portal's webhook,
//!   signed with HMAC-SHA256 of the exact body under the shared secret, hex, in
//!   [`SIGNATURE_HEADER`]. Each event has its own id (a replay repeats it) and the time it
//!   happened (updates may arrive out of order).
//! - **Track**: `GET {base}/shipments/{tracking_number}/events` with the bearer token answers
//!   every [`Update`] of the shipment so far (the same events the webhook sends, with their
//!   ids), so a parcel whose webhooks were lost is caught up by asking.

use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use ring::hmac;
use serde::{Deserialize, Serialize};

/// Code of the carrier in the shipments table.
pub const CARRIER: &str = "vnpost";
/// Header carrying the webhook's signature.
pub const SIGNATURE_HEADER: &str = "x-carrier-signature";

/// Where a shipment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShipmentStatus {
    /// The carrier registered it; the parcel waits at the agency.
    Created,
    /// The postman collected it.
    PickedUp,
    /// On its way.
    InTransit,
    /// Handed to the recipient (final).
    Delivered,
    /// A delivery attempt failed (nobody home, wrong address); the carrier tries again.
    Failed,
    /// Sent back to the agency after failed attempts (final).
    Returned,
}

impl ShipmentStatus {
    /// Every status.
    pub const ALL: [ShipmentStatus; 6] = [
        ShipmentStatus::Created,
        ShipmentStatus::PickedUp,
        ShipmentStatus::InTransit,
        ShipmentStatus::Delivered,
        ShipmentStatus::Failed,
        ShipmentStatus::Returned,
    ];

    /// Stable code (stored, sent, and the timeline event's suffix).
    pub fn code(self) -> &'static str {
        match self {
            ShipmentStatus::Created => "created",
            ShipmentStatus::PickedUp => "picked_up",
            ShipmentStatus::InTransit => "in_transit",
            ShipmentStatus::Delivered => "delivered",
            ShipmentStatus::Failed => "failed",
            ShipmentStatus::Returned => "returned",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<ShipmentStatus> {
        ShipmentStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// No later update changes a shipment in this status.
    pub fn is_final(self) -> bool {
        matches!(self, ShipmentStatus::Delivered | ShipmentStatus::Returned)
    }
}

/// One side of a shipment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// Name (person or agency).
    pub name: String,
    /// Phone.
    pub phone: String,
    /// Street address with commune and province, as printed on the label.
    pub address: String,
    /// Province code (2025 map).
    pub province_code: String,
    /// Commune code (2025 map), when known.
    pub commune_code: String,
}

/// The create call's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// The portal's reference: the dossier id and the hand-over's number (the idempotency key).
    pub order_ref: String,
    /// The agency returning the result.
    pub sender: Party,
    /// The applicant's chosen recipient.
    pub recipient: Party,
    /// Amount to collect on delivery, in đồng (0: nothing).
    pub cod_vnd: i64,
    /// What the parcel holds.
    pub content: String,
    /// Weight in grams (a result's envelope).
    pub weight_grams: u32,
}

/// The create call's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// UPU S10 tracking number.
    pub tracking_number: String,
    /// The carrier's charge for it, in đồng.
    pub fee_vnd: i64,
}

/// Why the carrier did not register a shipment.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CarrierError {
    /// The carrier refused the order (its code and words): the desk must correct something.
    #[error("carrier refused ({code}): {message}")]
    Refused {
        /// The carrier's code.
        code: String,
        /// The carrier's words.
        message: String,
    },
    /// No usable answer: try again later.
    #[error("carrier unavailable: {0}")]
    Unavailable(String),
}

/// A carrier, as the shipment service sees it.
pub trait Carrier: Send + Sync {
    /// Registers `order` (idempotent by its `order_ref`).
    fn create(&self, order: Order) -> BoxFuture<'_, Result<Created, CarrierError>>;

    /// Every status update of the shipment `tracking_number` so far.
    fn track<'a>(
        &'a self,
        tracking_number: &'a str,
    ) -> BoxFuture<'a, Result<Vec<Update>, CarrierError>>;
}

/// A status update the carrier posts to the webhook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    /// The carrier's id of this event.
    pub event_id: String,
    /// The shipment.
    pub tracking_number: String,
    /// Its status code ([`ShipmentStatus::code`]).
    pub status: String,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Post office or place.
    #[serde(default)]
    pub location: Option<String>,
    /// The carrier's note (why an attempt failed).
    #[serde(default)]
    pub note: Option<String>,
}

/// The webhook signature of `body` under `secret`: HMAC-SHA256, lowercase hex.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    hex::encode(hmac::sign(&key, body).as_ref())
}

/// True when `signature` is `body`'s under `secret` (compared in constant time).
pub fn verify(secret: &str, body: &[u8], signature: &str) -> bool {
    crate::secrets::constant_time_eq(&sign(secret, body), &signature.trim().to_ascii_lowercase())
}

/// The UPU S10 check digit of an 8-digit serial number.
pub fn s10_check_digit(serial: &str) -> Option<u32> {
    const WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    if serial.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in serial.chars().zip(WEIGHTS) {
        sum += c.to_digit(10)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        d => d,
    })
}

/// The tracking number of serial `serial` under service indicator `prefix` (`EB`: express
/// documents), with its check digit and the country code.
pub fn tracking_number(prefix: &str, serial: u32) -> String {
    let digits = format!("{:08}", serial % 100_000_000);
    let check = s10_check_digit(&digits).unwrap_or(0);
    format!("{prefix}{digits}{check}VN")
}

/// True for a well-formed S10 tracking number (two letters, 8 digits, the right check digit,
/// two letters).
pub fn valid_tracking_number(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 13
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[11..].iter().all(u8::is_ascii_uppercase)
        && text
            .get(2..10)
            .and_then(s10_check_digit)
            .zip(text.get(10..11).and_then(|c| c.parse::<u32>().ok()))
            .is_some_and(|(want, got)| want == got)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s10_check_digits_follow_the_upu_rule() {
        // The UPU S10 standard's own example: RR 47312482 9 XX... and common test numbers.
        assert_eq!(s10_check_digit("47312482"), Some(9));
        assert_eq!(tracking_number("EE", 47312482), "EE473124829VN");
        assert!(valid_tracking_number("EE473124829VN"));
        assert!(!valid_tracking_number("EE473124828VN"));
        assert!(!valid_tracking_number("EE47312482VN"));
        assert!(!valid_tracking_number("ee473124829VN"));
        // The two special remainders.
        for serial in 0..2000u32 {
            let tn = tracking_number("EB", serial);
            assert!(valid_tracking_number(&tn), "{tn}");
        }
    }

    #[test]
    fn signatures() {
        let body = br#"{"event_id":"1"}"#;
        let sig = sign("secret", body);
        assert_eq!(sig.len(), 64);
        assert!(verify("secret", body, &sig));
        assert!(verify("secret", body, &sig.to_uppercase()));
        assert!(!verify("other", body, &sig));
        assert!(!verify("secret", br#"{"event_id":"2"}"#, &sig));
    }

    #[test]
    fn statuses_round_trip() {
        for s in ShipmentStatus::ALL {
            assert_eq!(ShipmentStatus::parse(s.code()), Some(s));
        }
        assert!(ShipmentStatus::Delivered.is_final());
        assert!(!ShipmentStatus::Failed.is_final());
    }
}
