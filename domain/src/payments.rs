//! Fees and online payment: the gateways' protocols ([`vnpay`], [`vietqr`]) and paying a
//! dossier's fee ([`online`]).

pub mod bank_transfer;
pub mod fee_rules;
pub mod fees;
pub mod money;
pub mod online;
pub mod payouts;
pub mod quote;
pub mod reconciliation;
pub mod refund_orders;
pub mod refunds;
pub mod vietqr;
pub mod vnpay;
pub mod vnpay_api;

/// A new payment row: `amount_vnd` for dossier `dossier_id` through `gateway` (`vnpay`,
/// `vietqr`, `cod`), in `status`, made at `now` and valid until then; nothing paid, answered or
/// refunded yet. Callers set what they already know with `Model { paid_at, ..new_row(…) }`, so
/// a column added to payments is given its starting value here once.
pub fn new_row(
    dossier_id: &str,
    gateway: &str,
    txn_ref: String,
    amount_vnd: i64,
    status: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::entities::payment::Model {
    let at = now.fixed_offset();
    crate::entities::payment::Model {
        id: uuid::Uuid::new_v4().to_string(),
        dossier_id: dossier_id.to_owned(),
        gateway: gateway.to_owned(),
        txn_ref,
        amount_vnd,
        status: status.to_owned(),
        created_at: at,
        expires_at: at,
        updated_at: at,
        paid_at: None,
        gateway_txn_no: None,
        bank_code: None,
        response_code: None,
        refund_requested_at: None,
        refunded_at: None,
        refund_by: None,
        refund_error: None,
        refund_attempts: 0,
    }
}

/// Bytes kept of a callback whose signature failed: enough to see what was tried, not enough
/// for anyone to store data in the portal's database through an anonymous address.
pub const UNSIGNED_KEPT_BYTES: usize = 512;

/// What `payment_callback` keeps of a callback whose signature failed: its first
/// [`UNSIGNED_KEPT_BYTES`] bytes (as text) and its length.
pub fn unsigned_excerpt(raw: &[u8]) -> serde_json::Value {
    let kept = raw
        .get(..raw.len().min(UNSIGNED_KEPT_BYTES))
        .unwrap_or_default();
    serde_json::json!({
        "unsigned_prefix": String::from_utf8_lossy(kept),
        "length": raw.len(),
    })
}

/// Characters of a reference kept (the `payment_callback.txn_ref` column's length).
const REFERENCE_CHARS: usize = 40;

/// A reference named by an unsigned callback, cut to the column's length (anyone can send a
/// longer one).
pub fn unsigned_reference(reference: Option<&String>) -> Option<String> {
    reference.map(|r| r.chars().take(REFERENCE_CHARS).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_prefix_of_an_unsigned_callback_is_kept() {
        let long = "é".repeat(1_000);
        let kept = unsigned_excerpt(long.as_bytes());
        let prefix = kept["unsigned_prefix"].as_str().unwrap_or_default();
        assert!(prefix.len() <= UNSIGNED_KEPT_BYTES, "{}", prefix.len());
        assert_eq!(kept["length"], 2_000);
        let reference = "x".repeat(500);
        assert_eq!(
            unsigned_reference(Some(&reference)).map(|r| r.len()),
            Some(REFERENCE_CHARS)
        );
        assert_eq!(unsigned_reference(None), None);
    }
}
