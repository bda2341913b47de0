//! Refunds of fees: asked by the desk (an intake clerk or leader of the agency that received
//! the dossier) when a paid dossier was refused, stopped or withdrawn, or when a fee was paid
//! twice; made through the gateway's `refund` call. A refund the gateway has not confirmed
//! stays `refunding`, with the gateway's error shown to staff, and is tried again by the
//! housekeeping rounds until it goes through: nothing is dropped.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::online::{self, vietnam, VnpayConfig};
use super::vnpay_api::{self, Api};
use crate::access::Actor;
use crate::audit::{Entry, Origin, Outcome};
use crate::dossiers::change::{self, DossierChange};
use crate::dossiers::timeline::{self, NewEvent};
use crate::entities::{dossier, payment};
use crate::error::{invalid, DomainError, DomainResult};
use crate::services::Services;

/// Refund calls after which the housekeeping stops retrying on its own (staff still see it
/// and can ask again).
pub const MAX_ATTEMPTS: i32 = 20;

fn refuse(code: &str, message: &str) -> DomainError {
    invalid("refund", code, message)
}

/// The payment of `row` that may be refunded now: a second payment of a paid fee, or the paid
/// fee of a dossier that ended without a result.
pub fn refundable<'a>(
    row: &dossier::Model,
    payments: &'a [payment::Model],
) -> Option<&'a payment::Model> {
    let ended_without_result = super::refund_orders::ended(&row.status);
    // Through VNPay's refund call: only what was paid through VNPay.
    let by_vnpay = || payments.iter().filter(|p| p.gateway == "vnpay");
    by_vnpay().find(|p| p.status == "duplicate").or_else(|| {
        by_vnpay()
            .find(|p| p.status == "paid")
            .filter(|_| ended_without_result)
    })
}

pub use super::refund_orders::may_refund;

/// Asks for the refund of dossier `id`'s refundable payment and makes the first call.
pub async fn request(
    services: Services<'_>,
    api: &dyn Api,
    config: &VnpayConfig,
    actor: &Actor,
    id: &str,
) -> DomainResult<payment::Model> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    // Read, not locked: the change is guarded on the payment's status instead.
    let row = change::readable(db, actor, id).await?;
    if !may_refund(actor, &row) {
        return Err(DomainError::Forbidden("refund".into()));
    }
    let payments = online::of_dossier(db, id).await?;
    if !super::refund_orders::of_dossier(db, id).await?.is_empty() {
        return Err(refuse(
            "refund_by_order",
            "this dossier's refunds are paid to the applicant's bank account",
        ));
    }
    let Some(target) = refundable(&row, &payments).cloned() else {
        return Err(refuse(
            "refund_not_allowed",
            "only a fee paid twice, or paid for a dossier refused, stopped or withdrawn, is refunded",
        ));
    };
    let txn = crate::db::begin_write(db).await?;
    let marked = payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::value("refunding"))
        .col_expr(
            payment::Column::RefundRequestedAt,
            Expr::value(now.fixed_offset()),
        )
        .col_expr(payment::Column::RefundBy, Expr::value(actor.audit_id()))
        .col_expr(payment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
        .filter(payment::Column::Id.eq(&target.id))
        .filter(payment::Column::Status.eq(target.status.clone()))
        .exec(&txn)
        .await?;
    if marked.rows_affected != 1 {
        return Err(DomainError::Conflict("payment changed meanwhile".into()));
    }
    DossierChange::new(&row, actor)
        .event("refund_requested")
        .data(serde_json::json!({ "amount_vnd": target.amount_vnd, "txn_ref": target.txn_ref }))
        .audit("payment.refund_request")
        .detail(serde_json::json!({ "txn_ref": target.txn_ref, "amount_vnd": target.amount_vnd }))
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    attempt(db, api, config, &target.id, now).await
}

/// One refund call for payment `payment_id` (status `refunding`); records the outcome.
pub async fn attempt(
    db: &DatabaseConnection,
    api: &dyn Api,
    config: &VnpayConfig,
    payment_id: &str,
    now: DateTime<Utc>,
) -> DomainResult<payment::Model> {
    let p = payment::Entity::find_by_id(payment_id.to_owned())
        .one(db)
        .await?
        .filter(|p| p.status == "refunding")
        .ok_or_else(|| DomainError::NotFound(format!("refund {payment_id}")))?;
    let mut request = vnpay_api::request(
        "refund",
        &config.tmn_code,
        &p.txn_ref,
        &vietnam(p.created_at.with_timezone(&Utc)),
        &vietnam(now),
        &format!("Hoan le phi {}", p.txn_ref),
    );
    request.vnp_TransactionType = "02".into();
    request.vnp_Amount = (p.amount_vnd * 100).to_string();
    request.vnp_TransactionNo = p.gateway_txn_no.clone().unwrap_or_default();
    request.vnp_CreateBy = p.refund_by.clone().unwrap_or_else(|| "portal".into());
    let outcome = match api.call(request.sign(&config.secret)).await {
        Err(e) => Err(e),
        Ok(a) if !a.verify(&config.secret) => Err("answer with a bad signature".to_owned()),
        Ok(a) if a.vnp_ResponseCode == "00" => Ok(()),
        Ok(a) => Err(format!("{}: {}", a.vnp_ResponseCode, a.vnp_Message)),
    };
    let txn = crate::db::begin_write(db).await?;
    match &outcome {
        Ok(()) => {
            payment::Entity::update_many()
                .col_expr(payment::Column::Status, Expr::value("refunded"))
                .col_expr(payment::Column::RefundedAt, Expr::value(now.fixed_offset()))
                .col_expr(
                    payment::Column::RefundError,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    payment::Column::RefundAttempts,
                    Expr::value(p.refund_attempts + 1),
                )
                .col_expr(payment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
                .filter(payment::Column::Id.eq(&p.id))
                .filter(payment::Column::Status.eq("refunding"))
                .exec(&txn)
                .await?;
            timeline::append(
                &txn,
                now,
                NewEvent {
                    dossier_id: &p.dossier_id,
                    actor_id: None,
                    actor_label: "VNPay".into(),
                    kind: "payment_refunded",
                    from: None,
                    to: None,
                    public_note: None,
                    internal_note: None,
                    data: Some(
                        serde_json::json!({ "amount_vnd": p.amount_vnd, "txn_ref": p.txn_ref }),
                    ),
                },
            )
            .await?;
        }
        Err(error) => {
            tracing::warn!(txn_ref = %p.txn_ref, %error, "refund not confirmed; retried");
            payment::Entity::update_many()
                .col_expr(
                    payment::Column::RefundError,
                    Expr::value(Some(error.clone())),
                )
                .col_expr(
                    payment::Column::RefundAttempts,
                    Expr::value(p.refund_attempts + 1),
                )
                .col_expr(payment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
                .filter(payment::Column::Id.eq(&p.id))
                .exec(&txn)
                .await?;
        }
    }
    // Filed under no agency: the gateway's calls are the system administrators' to read.
    Entry::party("VNPay", "payment.refund")
        .on("dossier", p.dossier_id.clone())
        .outcome(if outcome.is_ok() {
            Outcome::Success
        } else {
            Outcome::Failure
        })
        .detail(serde_json::json!({ "txn_ref": p.txn_ref, "error": outcome.as_ref().err() }))
        .record(&txn, &Origin::default())
        .await?;
    txn.commit().await?;
    payment::Entity::find_by_id(p.id.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal("payment vanished".into()))
}

/// Tries again every refund not yet confirmed (housekeeping). Returns how many went through.
pub async fn retry(
    db: &DatabaseConnection,
    api: &dyn Api,
    config: &VnpayConfig,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let waiting = payment::Entity::find()
        .filter(payment::Column::Status.eq("refunding"))
        .filter(payment::Column::RefundAttempts.lt(MAX_ATTEMPTS))
        .all(db)
        .await?;
    let mut done = 0;
    for p in waiting {
        if attempt(db, api, config, &p.id, now).await?.status == "refunded" {
            done += 1;
        }
    }
    Ok(done)
}
