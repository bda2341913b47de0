//! The daily reconciliation: the gateway's statement of a day (the CSV its merchant portal
//! exports: reference, gateway transaction number, amount, status, time) against the
//! portal's payments of that day. Every disagreement is flagged: a transaction the portal does
//! not know, a payment the portal counts as paid that the gateway did not settle, a different
//! amount, or a different outcome. The report is kept (page and CSV for the finance staff).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::entities::{payment, reconciliation_run};
use crate::error::{DomainError, DomainResult};

/// One line of the gateway's statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    /// The portal's reference (`vnp_TxnRef`).
    pub txn_ref: String,
    /// The gateway's transaction number.
    pub transaction_no: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// `00` settled; anything else not.
    pub status: String,
}

/// What is wrong with one transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Issue {
    /// On the statement, unknown to the portal.
    UnknownToPortal,
    /// Paid for the portal, not settled on the statement.
    NotSettled,
    /// Settled on the statement, not paid for the portal.
    NotRecorded,
    /// Both know it, with different amounts.
    AmountDiffers,
    /// The statement shows it more than once: money received twice for one order.
    Repeated,
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportLine {
    /// Reference.
    pub txn_ref: String,
    /// The portal's status (empty when unknown).
    pub portal_status: String,
    /// The portal's amount.
    pub portal_amount_vnd: Option<i64>,
    /// The statement's status (empty when absent).
    pub gateway_status: String,
    /// The statement's amount.
    pub gateway_amount_vnd: Option<i64>,
    /// What is wrong, if anything.
    pub issue: Option<Issue>,
}

fn unreadable(why: String) -> DomainError {
    DomainError::Validation(vec![crate::error::FieldError::rule(
        "statement",
        "statement_unreadable",
        &why,
    )])
}

/// The columns `names` (found by header, in any order, any case) of every line of a statement
/// CSV; the last one is the amount in đồng (thousands separators allowed), returned apart.
/// Statements of any source are read this way (VNPay's, the collecting bank's).
pub(crate) fn statement_rows<const N: usize>(
    csv_text: &str,
    names: [&str; N],
    amount: &str,
) -> DomainResult<Vec<([String; N], i64)>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| unreadable(e.to_string()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .ok_or_else(|| unreadable(format!("no {name} column")))
    };
    let mut at = [0usize; N];
    for (slot, name) in at.iter_mut().zip(names) {
        *slot = col(name)?;
    }
    let amount_at = col(amount)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(e.to_string()))?;
        let field = |i: usize| record.get(i).unwrap_or("").to_owned();
        let vnd = field(amount_at)
            .replace(['.', ','], "")
            .parse()
            .map_err(|_| unreadable(format!("amount {}", field(amount_at))))?;
        rows.push((at.map(field), vnd));
    }
    Ok(rows)
}

/// Reads the statement CSV: a header naming `TxnRef`, `TransactionNo`, `Amount` (đồng) and
/// `Status` in any order, then one line per transaction.
pub fn parse_statement(csv_text: &str) -> DomainResult<Vec<StatementLine>> {
    Ok(
        statement_rows(csv_text, ["TxnRef", "TransactionNo", "Status"], "Amount")?
            .into_iter()
            .map(
                |([txn_ref, transaction_no, status], amount_vnd)| StatementLine {
                    txn_ref,
                    transaction_no,
                    amount_vnd,
                    status,
                },
            )
            .collect(),
    )
}

/// When `day` starts and ends, Vietnam time (a statement's day).
pub(crate) fn day_bounds(
    day: NaiveDate,
) -> DomainResult<(DateTime<chrono::FixedOffset>, DateTime<chrono::FixedOffset>)> {
    let tz = crate::dossiers::codes::vietnam();
    let start = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| tz.from_local_datetime(&t).single())
        .ok_or_else(|| DomainError::Internal("day".into()))?
        // In UTC, as every timestamp is stored: SQLite compares them as text, so a bound in
        // +07:00 would shift the day by seven hours there.
        .with_timezone(&Utc)
        .fixed_offset();
    Ok((start, start + chrono::Duration::days(1)))
}

/// Compares `lines` with the portal's payments of `day` (and any payment a line names), keeps
/// and returns the report.
pub async fn reconcile<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
    lines: &[StatementLine],
    now: DateTime<Utc>,
) -> DomainResult<reconciliation_run::Model> {
    reconcile_gateway(db, "vnpay", day, lines, now).await
}

/// [`reconcile`] for the payments of `gateway`: VNPay's statement, or the collecting bank's
/// account statement for VietQR transfers (`bank_transfer::reconcile_statement`).
pub(crate) async fn reconcile_gateway<C: ConnectionTrait>(
    db: &C,
    gateway: &str,
    day: NaiveDate,
    lines: &[StatementLine],
    now: DateTime<Utc>,
) -> DomainResult<reconciliation_run::Model> {
    let (start, end) = day_bounds(day)?;
    // Each statement covers one gateway's payments: the card payments started that day, the
    // transfers credited that day (an order made before midnight may be paid after).
    let when = if gateway == "vnpay" {
        payment::Column::CreatedAt
    } else {
        payment::Column::PaidAt
    };
    let mut portal: BTreeMap<String, payment::Model> = payment::Entity::find()
        .filter(payment::Column::Gateway.eq(gateway))
        .filter(when.gte(start.fixed_offset()))
        .filter(when.lt(end.fixed_offset()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.txn_ref.clone(), p))
        .collect();
    let named: Vec<String> = lines
        .iter()
        .map(|l| l.txn_ref.clone())
        .filter(|r| !portal.contains_key(r))
        .collect();
    if !named.is_empty() {
        for p in payment::Entity::find()
            .filter(payment::Column::TxnRef.is_in(named))
            .all(db)
            .await?
        {
            portal.insert(p.txn_ref.clone(), p);
        }
    }
    let counted = |status: &str| matches!(status, "paid" | "duplicate" | "refunding" | "refunded");
    let mut report = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for line in lines {
        let repeated = !seen.insert(line.txn_ref.clone()) && line.status == "00";
        let ours = portal.get(&line.txn_ref);
        let settled = line.status == "00";
        let issue = match ours {
            _ if repeated => Some(Issue::Repeated),
            None => Some(Issue::UnknownToPortal),
            Some(p) if p.amount_vnd != line.amount_vnd => Some(Issue::AmountDiffers),
            Some(p) if settled && !counted(&p.status) => Some(Issue::NotRecorded),
            Some(p) if !settled && counted(&p.status) => Some(Issue::NotSettled),
            Some(_) => None,
        };
        report.push(ReportLine {
            txn_ref: line.txn_ref.clone(),
            portal_status: ours.map(|p| p.status.clone()).unwrap_or_default(),
            portal_amount_vnd: ours.map(|p| p.amount_vnd),
            gateway_status: line.status.clone(),
            gateway_amount_vnd: Some(line.amount_vnd),
            issue,
        });
    }
    for (txn_ref, p) in &portal {
        if seen.contains(txn_ref) {
            continue;
        }
        report.push(ReportLine {
            txn_ref: txn_ref.clone(),
            portal_status: p.status.clone(),
            portal_amount_vnd: Some(p.amount_vnd),
            gateway_status: String::new(),
            gateway_amount_vnd: None,
            issue: counted(&p.status).then_some(Issue::NotSettled),
        });
    }
    keep_report(db, gateway, day, &report, now).await
}

/// Keeps the report of `source` (a gateway, the bank, the carrier's cash) for `day`, counting
/// its matched and mismatched lines.
pub(crate) async fn keep_report<C: ConnectionTrait>(
    db: &C,
    source: &str,
    day: NaiveDate,
    report: &[ReportLine],
    now: DateTime<Utc>,
) -> DomainResult<reconciliation_run::Model> {
    let mismatched = report.iter().filter(|l| l.issue.is_some()).count();
    let matched = report.len() - mismatched;
    let row = reconciliation_run::Entity::insert(reconciliation_run::ActiveModel {
        id: NotSet,
        gateway: Set(source.to_owned()),
        day: Set(day),
        created_at: Set(now.fixed_offset()),
        matched: Set(i32::try_from(matched).unwrap_or(i32::MAX)),
        mismatched: Set(i32::try_from(mismatched).unwrap_or(i32::MAX)),
        report: Set(serde_json::to_value(report).unwrap_or_default()),
    })
    .exec_with_returning(db)
    .await?;
    if mismatched > 0 {
        tracing::warn!(%day, source, mismatched, "reconciliation found mismatches");
    }
    Ok(row)
}

/// Only system administrators read the merchant account's reconciliations (they cover every
/// agency's fees).
pub fn authorize(actor: &crate::access::Actor) -> DomainResult<()> {
    use crate::access::{Actor, Role};
    match actor {
        Actor::Staff { roles, .. } if roles.contains(&Role::SystemAdmin) => Ok(()),
        Actor::Anonymous => Err(DomainError::Unauthorized),
        _ => Err(DomainError::Forbidden("reconciliation".into())),
    }
}

/// One kept reconciliation, for `actor`.
pub async fn run<C: ConnectionTrait>(
    db: &C,
    actor: &crate::access::Actor,
    id: i64,
) -> DomainResult<reconciliation_run::Model> {
    authorize(actor)?;
    reconciliation_run::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("reconciliation {id}")))
}

/// The last reconciliations, newest first.
pub async fn runs<C: ConnectionTrait>(
    db: &C,
    limit: u64,
) -> DomainResult<Vec<reconciliation_run::Model>> {
    Ok(reconciliation_run::Entity::find()
        .order_by_desc(reconciliation_run::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// The lines of a kept report.
pub fn lines(run: &reconciliation_run::Model) -> Vec<ReportLine> {
    serde_json::from_value(run.report.clone()).unwrap_or_default()
}

/// The report as CSV (for the finance staff's spreadsheet).
pub fn to_csv(run: &reconciliation_run::Model) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "txn_ref",
        "portal_status",
        "portal_amount_vnd",
        "gateway_status",
        "gateway_amount_vnd",
        "issue",
    ]);
    for l in lines(run) {
        let _ = w.write_record([
            l.txn_ref,
            l.portal_status,
            l.portal_amount_vnd
                .map(|a| a.to_string())
                .unwrap_or_default(),
            l.gateway_status,
            l.gateway_amount_vnd
                .map(|a| a.to_string())
                .unwrap_or_default(),
            l.issue
                .and_then(|i| serde_json::to_value(i).ok())
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod day_tests {
    /// A Vietnam day's bounds are written in UTC, as the stored timestamps are (SQLite compares
    /// them as text): 00:00 in Vietnam is 17:00 UTC the day before.
    #[test]
    fn a_days_bounds_are_in_utc() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
        let (start, end) = super::day_bounds(day).unwrap_or_default();
        assert_eq!(start.offset().local_minus_utc(), 0);
        assert_eq!(start.to_rfc3339(), "2026-12-06T17:00:00+00:00");
        assert_eq!((end - start).num_hours(), 24);
    }
}
