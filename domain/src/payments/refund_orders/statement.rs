//! The collecting account's statement confirms refund orders: a payout leaves the account as a
//! debit (a negative amount on the same daily statement that shows VietQR credits) whose
//! content names the order's reference. The bank's result notice says an order was paid; the
//! statement is the proof the money left. Reconciling a day:
//!
//! - a debit naming an order the portal counts as paid confirms it (`confirmed_at`);
//! - a debit naming an order still waiting for the bank's result completes it as the notice
//!   would have (the notice was lost), and confirms it;
//! - a debit naming no order, naming an order the portal has not sent, of another amount, seen
//!   twice, or naming an order an earlier statement confirmed (paid twice) is flagged, as is
//!   an order paid that day that no debit shows.
//!
//! The report is kept beside VNPay's, the bank's credits and the carrier's cash
//! (`/quan-tri/doi-soat`, source [`SOURCE`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{settle, COMPLETED, SENT};
use crate::accounts::Mailing;
use crate::entities::{reconciliation_run, refund_order};
use crate::error::DomainResult;
use crate::payments::payouts::PayoutResult;
use crate::payments::reconciliation::{Issue, ReportLine};

/// The source name of the reports (`recon_source_payouts` on the page).
pub const SOURCE: &str = "payouts";

/// One debit of the collecting account's statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementDebit {
    /// The bank's id of the transaction.
    pub transaction_id: String,
    /// Amount debited, in đồng (positive).
    pub amount_vnd: i64,
    /// The transfer's content (the order's reference is somewhere in it).
    pub description: String,
}

/// The debits of the statement CSV (`TransactionId`, `Amount`, `Description`; a debit has a
/// negative amount, a credit a positive one and is left to `bank_transfer`).
pub fn debits(csv_text: &str) -> DomainResult<Vec<StatementDebit>> {
    Ok(crate::payments::reconciliation::statement_rows(
        csv_text,
        ["TransactionId", "Description"],
        "Amount",
    )?
    .into_iter()
    .filter(|(_, amount)| *amount < 0)
    .map(|([transaction_id, description], amount)| StatementDebit {
        transaction_id,
        amount_vnd: -amount,
        description,
    })
    .collect())
}

/// The refund reference (`HT` and 14 hexadecimal digits) inside a transfer's content; banks
/// keep the content but may add words around it or change its case.
pub fn find_reference(description: &str) -> Option<String> {
    let upper = description.to_uppercase();
    let bytes = upper.as_bytes();
    (0..bytes.len().saturating_sub(15)).find_map(|i| {
        let candidate = upper.get(i..i + 16)?;
        let boundary = |j: Option<&u8>| j.is_none_or(|b| !b.is_ascii_alphanumeric());
        let alone =
            boundary(i.checked_sub(1).and_then(|j| bytes.get(j))) && boundary(bytes.get(i + 16));
        (alone
            && candidate.starts_with("HT")
            && candidate[2..].bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| candidate.to_owned())
    })
}

/// Reconciles the debits of `day`'s statement with the refund orders; keeps and returns the
/// report (see the module's notes).
pub async fn reconcile(
    db: &DatabaseConnection,
    day: NaiveDate,
    debits: &[StatementDebit],
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<reconciliation_run::Model> {
    let (start, end) = crate::payments::reconciliation::day_bounds(day)?;
    let mut ours: BTreeMap<String, refund_order::Model> = refund_order::Entity::find()
        .filter(refund_order::Column::CompletedAt.gte(start.fixed_offset()))
        .filter(refund_order::Column::CompletedAt.lt(end.fixed_offset()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.reference.clone(), o))
        .collect();
    let named: Vec<String> = debits
        .iter()
        .filter_map(|d| find_reference(&d.description))
        .filter(|r| !ours.contains_key(r))
        .collect();
    if !named.is_empty() {
        for o in refund_order::Entity::find()
            .filter(refund_order::Column::Reference.is_in(named))
            .all(db)
            .await?
        {
            ours.insert(o.reference.clone(), o);
        }
    }
    let mut report = Vec::new();
    let mut seen = BTreeSet::new();
    for debit in debits {
        let reference = find_reference(&debit.description);
        let key = reference
            .clone()
            .unwrap_or_else(|| debit.transaction_id.clone());
        let repeated = !seen.insert(key.clone());
        let order = reference.as_ref().and_then(|r| ours.get(r));
        let issue = match order {
            _ if repeated => Some(Issue::Repeated),
            None => Some(Issue::UnknownToPortal),
            // Confirmed by an earlier day's statement: the bank paid it again.
            Some(o) if o.confirmed_at.is_some() => Some(Issue::Repeated),
            Some(o) if o.amount_vnd != debit.amount_vnd => Some(Issue::AmountDiffers),
            Some(o) if o.status != COMPLETED && o.status != SENT => Some(Issue::NotRecorded),
            Some(_) => None,
        };
        let mut portal_status = order.map(|o| o.status.clone()).unwrap_or_default();
        if let (None, Some(o)) = (issue, order) {
            if o.status == SENT {
                // The bank's result notice never came: the statement shows the money left.
                let paid = PayoutResult {
                    reference: o.reference.clone(),
                    bank_ref: o
                        .bank_ref
                        .clone()
                        .unwrap_or_else(|| debit.transaction_id.clone()),
                    status: "completed".into(),
                    message: String::new(),
                    at: now,
                };
                settle(db, o, &paid, "statement", mailing, now).await?;
                portal_status = COMPLETED.to_owned();
            }
            refund_order::Entity::update_many()
                .col_expr(
                    refund_order::Column::ConfirmedAt,
                    Expr::value(Some(now.fixed_offset())),
                )
                .filter(refund_order::Column::Id.eq(&o.id))
                .filter(refund_order::Column::ConfirmedAt.is_null())
                .exec(db)
                .await?;
        }
        report.push(ReportLine {
            txn_ref: key,
            portal_status,
            portal_amount_vnd: order.map(|o| o.amount_vnd),
            gateway_status: "00".into(),
            gateway_amount_vnd: Some(debit.amount_vnd),
            issue,
        });
    }
    for (reference, o) in &ours {
        // Seen on this statement, or confirmed by another day's (an order completed from the
        // statement is completed the day after its debit).
        if seen.contains(reference) || o.confirmed_at.is_some() {
            continue;
        }
        report.push(ReportLine {
            txn_ref: reference.clone(),
            portal_status: o.status.clone(),
            portal_amount_vnd: Some(o.amount_vnd),
            gateway_status: String::new(),
            gateway_amount_vnd: None,
            issue: Some(Issue::NotSettled),
        });
    }
    crate::payments::reconciliation::keep_report(db, SOURCE, day, &report, now).await
}

#[cfg(test)]
mod tests {
    use super::find_reference;

    #[test]
    fn the_reference_is_found_inside_whatever_the_bank_writes_around_it() {
        let r = "HT0123456789ABCD";
        for text in [
            "HT0123456789ABCD",
            "Hoan phi le phi HT0123456789ABCD",
            "IBFT.hoan phi ht0123456789abcd-CONG DVC",
            "HT0123456789ABCD tu Cong DVC",
        ] {
            assert_eq!(find_reference(text).as_deref(), Some(r), "{text}");
        }
        for text in [
            "",
            "HT0123456789ABC",
            "XHT0123456789ABCD",
            "HT0123456789ABCDE",
            "HT0123456789ABCG",
        ] {
            assert_eq!(find_reference(text), None, "{text}");
        }
    }
}
