//! The collecting bank's payout service (chi hộ), as the portal speaks it: a refund order is
//! posted as JSON signed with HMAC-SHA256 (the bank's shared secret, as its credit notices);
//! the bank answers at once whether it accepted the order, and later posts a signed result
//! notice — paid into the account, or refused by the receiving bank. The HTTP client and the
//! bank simulator (which speaks the same protocol) live in the server.

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};

/// Header carrying a request's or a notice's signature.
pub const SIGNATURE_HEADER: &str = super::vietqr::SIGNATURE_HEADER;

/// Banks a refund can be paid to: NAPAS BIN and the name people know.
pub const BANKS: [(&str, &str); 10] = [
    ("970436", "Vietcombank"),
    ("970415", "VietinBank"),
    ("970418", "BIDV"),
    ("970405", "Agribank"),
    ("970422", "MB"),
    ("970407", "Techcombank"),
    ("970416", "ACB"),
    ("970432", "VPBank"),
    ("970423", "TPBank"),
    ("970403", "Sacombank"),
];

/// The name of the bank with `bin`.
pub fn bank_name(bin: &str) -> Option<&'static str> {
    BANKS.iter().find(|(b, _)| *b == bin).map(|(_, n)| *n)
}

/// A refund order as posted to the bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutRequest {
    /// The portal's reference (the same on every resend: the bank accepts it once).
    pub reference: String,
    /// Amount, in đồng.
    pub amount_vnd: i64,
    /// Receiving bank's BIN.
    pub bank_bin: String,
    /// Receiving account.
    pub account_number: String,
    /// Account holder, upper case without diacritics.
    pub account_name: String,
    /// Transfer content the applicant reads on their statement.
    pub description: String,
}

/// The bank's immediate answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutAnswer {
    /// `00` accepted, `01` already accepted (same reference), `10` no such account,
    /// `11` bank not served, `96` unavailable (try again), `97` bad signature.
    pub code: String,
    /// The bank's reference of the order, when accepted.
    pub bank_ref: Option<String>,
    /// The bank's words.
    pub message: String,
}

impl PayoutAnswer {
    /// The order is with the bank.
    pub fn accepted(&self) -> bool {
        matches!(self.code.as_str(), "00" | "01")
    }

    /// The account details are wrong: only the applicant can fix them.
    pub fn account_refused(&self) -> bool {
        matches!(self.code.as_str(), "10" | "11")
    }
}

/// The bank's signed result of an accepted order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutResult {
    /// The portal's reference.
    pub reference: String,
    /// The bank's reference.
    pub bank_ref: String,
    /// `completed` or `failed`.
    pub status: String,
    /// The bank's reason when failed (e.g. the account is closed).
    pub message: String,
    /// When the bank settled it.
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The payout service as the refund orders see it.
pub trait Payouts: Send + Sync {
    /// Posts `request` and returns the bank's answer, or why there is none (the order is then
    /// sent again later under the same reference).
    fn send(&self, request: &PayoutRequest) -> BoxFuture<'_, Result<PayoutAnswer, String>>;
}
