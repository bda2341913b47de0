//! Bounds on what anonymous callers can make the portal do through the addresses other systems
//! call: VNPay's IPN (`/thanh-toan/vnpay/ipn`), the bank's credit notices
//! (`/thanh-toan/vietqr/thong-bao`) and the carrier's webhook (`/buu-chinh/webhook`). Those
//! addresses take no session and are trusted only through their HMAC signature, so anyone can
//! call them. A call is always answered and counted (`portal_callbacks_total{callback,
//! outcome}`), its body is read up to [`BODY_LIMIT`] only, and one whose signature fails:
//! - is kept only as a short prefix (`domain::payments::UNSIGNED_KEPT_BYTES`), and
//! - counts against its address ([`BAD_SIGNATURE_IP`]); past the limit it is refused with 429
//!   and nothing at all is stored.
//!
//! A correctly signed call is never limited: the gateway's retries must always get through.

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use domain::rate_limit::{self, Limit};
use domain::DomainError;
use sea_orm::DatabaseConnection;

use app::session::RequestContext;

/// Largest callback body read (a real notice or webhook is well under 2 KB).
pub const BODY_LIMIT: usize = 16 * 1024;

/// Callbacks with a wrong signature from one address: 20 per 10 minutes. A misconfigured
/// gateway (a wrong secret) still shows up in the table and the metric; a flood does not fill
/// the database.
pub const BAD_SIGNATURE_IP: Limit = Limit {
    name: "callback_bad_signature_ip",
    max: 20,
    window_secs: 600,
};

/// Name of the counter of callbacks, labelled by `callback` and `outcome` (`signed`,
/// `bad_signature`, `rate_limited`, `too_large`).
pub const METRIC: &str = "portal_callbacks_total";

/// Counts one callback.
pub fn count(callback: &'static str, outcome: &'static str) {
    metrics::counter!(METRIC, "callback" => callback, "outcome" => outcome).increment(1);
}

/// The caller's address, as the authentication middleware resolved it (`unknown` without one,
/// e.g. a test request without a connection).
pub fn client_ip(ctx: &RequestContext) -> String {
    ctx.origin
        .ip
        .clone()
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The request's body, at most [`BODY_LIMIT`] bytes (`None`: longer, or broken off).
pub async fn read_body(body: Body) -> Option<Bytes> {
    axum::body::to_bytes(body, BODY_LIMIT).await.ok()
}

/// Why a callback is not handled further.
#[derive(Debug)]
pub enum Refusal {
    /// Too many calls with a wrong signature from this address.
    RateLimited,
    /// The counter could not be read or written.
    Failed(DomainError),
}

impl Refusal {
    /// The status the caller gets.
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Refusal::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Records the outcome of a callback's signature check: a signed one is counted; one with a
/// wrong signature is counted and charged to `ip`, and refused once the address is over
/// [`BAD_SIGNATURE_IP`] (the handler then stores nothing).
pub async fn admit(
    db: &DatabaseConnection,
    callback: &'static str,
    signed: bool,
    ip: &str,
) -> Result<(), Refusal> {
    if signed {
        count(callback, "signed");
        return Ok(());
    }
    match rate_limit::hit(db, BAD_SIGNATURE_IP, ip).await {
        Ok(()) => {
            count(callback, "bad_signature");
            Ok(())
        }
        Err(DomainError::RateLimited { .. }) => {
            count(callback, "rate_limited");
            tracing::warn!(
                callback,
                ip,
                "callbacks with a bad signature refused: rate limit"
            );
            Err(Refusal::RateLimited)
        }
        Err(e) => {
            tracing::error!(error = %e, callback, "callback rate counter failed");
            Err(Refusal::Failed(e))
        }
    }
}
