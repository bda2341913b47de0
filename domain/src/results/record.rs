//! What other moves record about a dossier's result inside their own transaction: the signed
//! copy when the leader approves (`processing`), its delivery at the desk (`processing`), and
//! the return of the dossier once the applicant has it — opened online ([`super::open`]) or
//! delivered by post (`postal::shipments`). Kept apart from the rest of `results`, which
//! orchestrates approvals through `processing`, so that `processing` and `shipments` can use it
//! without a module circle.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::dossiers::change::{By, DossierChange};
use crate::dossiers::lifecycle::Transition;
use crate::dossiers::Status;
use crate::entities::{dossier, dossier_result};
use crate::error::{invalid, DomainResult};

/// The signed copy made at approval, handed to the transition that records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedResult {
    /// Storage key.
    pub key: String,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: i64,
    /// Who signed, as printed.
    pub signer_label: String,
    /// Agency whose certificate signed.
    pub agency: String,
}

/// Inside the approval's transaction: records the signed copy. An uploaded result that was not
/// signed refuses the approval (every approval path signs through [`super::approve`]).
pub(crate) async fn record_signature<C: ConnectionTrait>(
    db: &C,
    dossier_id: &str,
    signed: Option<&SignedResult>,
    now: DateTime<Utc>,
) -> DomainResult<Option<String>> {
    let Some(result) = dossier_result::Entity::find()
        .filter(dossier_result::Column::DossierId.eq(dossier_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if result.signed_key.is_some() {
        return Ok(result.signed_sha256);
    }
    let Some(signed) = signed else {
        return Err(invalid(
            "result",
            "result_unsigned",
            "the uploaded result must be signed with the approval",
        ));
    };
    dossier_result::Entity::update_many()
        .col_expr(
            dossier_result::Column::SignedKey,
            Expr::value(signed.key.clone()),
        )
        .col_expr(
            dossier_result::Column::SignedSha256,
            Expr::value(signed.sha256.clone()),
        )
        .col_expr(dossier_result::Column::SignedSize, Expr::value(signed.size))
        .col_expr(
            dossier_result::Column::SignedAt,
            Expr::value(now.fixed_offset()),
        )
        .col_expr(
            dossier_result::Column::SignerLabel,
            Expr::value(signed.signer_label.clone()),
        )
        .col_expr(
            dossier_result::Column::SignerAgency,
            Expr::value(signed.agency.clone()),
        )
        .filter(dossier_result::Column::DossierId.eq(dossier_id))
        .exec(db)
        .await?;
    Ok(Some(signed.sha256.clone()))
}

/// Inside the return's transaction: the result reached the applicant by `method`.
pub(crate) async fn record_delivery<C: ConnectionTrait>(
    db: &C,
    dossier_id: &str,
    method: &str,
    by: Option<String>,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    dossier_result::Entity::update_many()
        .col_expr(
            dossier_result::Column::DeliveredAt,
            Expr::value(now.fixed_offset()),
        )
        .col_expr(dossier_result::Column::DeliveryMethod, Expr::value(method))
        .col_expr(dossier_result::Column::DeliveredBy, Expr::value(by))
        .filter(dossier_result::Column::DossierId.eq(dossier_id))
        .filter(dossier_result::Column::DeliveredAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Inside the caller's transaction: the result of processed dossier `row` reached the
/// applicant by `method` at `at`, so the dossier is returned (9 → 10) and the delivery kept in
/// the name of `by`. Returns the change that says so — the `return` event carrying `data`, the
/// audit entry and the tally move — for the caller to finish (the post adds the notice) and
/// record; `None`, with nothing changed, when another request returned it first.
pub(crate) async fn mark_returned<'a, C: ConnectionTrait>(
    txn: &C,
    row: &'a dossier::Model,
    method: &str,
    by: By<'a>,
    data: serde_json::Value,
    at: DateTime<Utc>,
) -> DomainResult<Option<DossierChange<'a>>> {
    let moved = dossier::Entity::update_many()
        .col_expr(
            dossier::Column::Status,
            Expr::value(Status::Returned.code()),
        )
        .col_expr(dossier::Column::UpdatedAt, Expr::value(at.fixed_offset()))
        .col_expr(dossier::Column::Revision, Expr::value(row.revision + 1))
        .filter(dossier::Column::Id.eq(&row.id))
        .filter(dossier::Column::Status.eq(Status::Processed.code()))
        .exec(txn)
        .await?;
    if moved.rows_affected != 1 {
        return Ok(None);
    }
    record_delivery(txn, &row.id, method, by.audit_id(), at).await?;
    Ok(Some(
        DossierChange::new(row, by)
            .event(Transition::Return.code())
            .status(Status::Processed, Status::Returned)
            .data(data)
            .audit("dossier.return")
            .detail(serde_json::json!({ "from": "processed", "to": "returned", "method": method }))
            .tally(),
    ))
}
