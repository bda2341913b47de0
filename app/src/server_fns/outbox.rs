//! Failed deliveries for administrators (`domain::outbox::failed`, `resend`).

use leptos::prelude::*;

use crate::error::AppError;

/// A message whose automatic retries gave up.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FailedMessageView {
    /// Message id.
    pub id: i64,
    /// `email` or `sms`.
    pub channel: String,
    /// Address or phone number.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Queued at, local time.
    pub created_at: String,
    /// Attempts made.
    pub attempts: i32,
    /// The last error.
    pub last_error: String,
}

/// Failed deliveries the viewer may see.
#[server(prefix = "/api/ui", endpoint = "failed_messages")]
pub async fn failed_messages() -> Result<Vec<FailedMessageView>, AppError> {
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let db = super::db()?;
    Ok(domain::outbox::failed(&db, &ctx.actor)
        .await?
        .into_iter()
        .map(|m| FailedMessageView {
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            subject: m.subject,
            created_at: domain::dossiers::deadlines::local_text(m.created_at),
            attempts: m.attempts,
            last_error: m.last_error.unwrap_or_default(),
        })
        .collect())
}

/// Re-sends one failed message; back to the list.
#[server(prefix = "/api/ui", endpoint = "resend_message")]
pub async fn resend_message(csrf_token: String, id: i64) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let db = super::db()?;
    domain::outbox::resend(&db, &ctx.actor, &ctx.origin, id).await?;
    leptos_axum::redirect("/quan-tri/gui-loi?da=1");
    Ok(())
}

/// One reconciliation of the payment gateway's statement.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReconciliationView {
    /// Id (its CSV's address).
    pub id: i64,
    /// The day, `dd/MM/yyyy`.
    pub day: String,
    /// Whose statement: `vnpay` (the card gateway) or `vietqr` (the collecting account).
    pub gateway: String,
    /// Transactions that agree.
    pub matched: i32,
    /// Transactions flagged.
    pub mismatched: i32,
    /// The flagged lines: reference, issue code, portal side, gateway side.
    pub issues: Vec<(String, String, String, String)>,
}

/// The last 30 reconciliations (system administrators).
#[server(prefix = "/api/ui", endpoint = "reconciliations")]
pub async fn reconciliations() -> Result<Vec<ReconciliationView>, AppError> {
    use domain::payments::reconciliation;
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let db = super::db()?;
    reconciliation::authorize(&ctx.actor)?;
    Ok(reconciliation::runs(&db, 30)
        .await?
        .into_iter()
        .map(|r| ReconciliationView {
            id: r.id,
            day: r.day.format("%d/%m/%Y").to_string(),
            gateway: r.gateway.clone(),
            matched: r.matched,
            mismatched: r.mismatched,
            issues: reconciliation::lines(&r)
                .into_iter()
                .filter_map(|l| {
                    let issue = leptos::serde_json::to_value(l.issue?)
                        .ok()?
                        .as_str()?
                        .to_owned();
                    let side =
                        |s: String, a: Option<i64>| a.map_or(s.clone(), |a| format!("{s} {a}"));
                    Some((
                        l.txn_ref,
                        issue,
                        side(l.portal_status, l.portal_amount_vnd),
                        side(l.gateway_status, l.gateway_amount_vnd),
                    ))
                })
                .collect(),
        })
        .collect())
}
