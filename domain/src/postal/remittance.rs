//! The carrier's cash-on-delivery remittance (bảng kê đối soát COD): the postman collects the
//! postal fee of results sent "pay on delivery", and the carrier remits the day's collections
//! with a statement — one line per parcel: tracking number and amount. It is reconciled with
//! the parcels the portal saw delivered that day: a parcel the statement does not know, a
//! delivered parcel with cash to collect that it does not list, and a different amount are
//! flagged, and the report is kept beside VNPay's and the bank's (`/quan-tri/doi-soat`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::{reconciliation_run, shipment};
use crate::error::DomainResult;
use crate::payments::reconciliation::{Issue, ReportLine};

/// The source name of the reports (`recon_source_cod` on the page).
pub const SOURCE: &str = "cod";

/// One parcel of the carrier's remittance statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemittanceLine {
    /// The parcel's tracking number.
    pub tracking_number: String,
    /// Cash collected and remitted, in đồng.
    pub amount_vnd: i64,
}

/// Reads the statement CSV: a header naming `TrackingNumber` and `Amount` (đồng) in any order
/// (other columns ignored), then one line per parcel.
pub fn parse(csv_text: &str) -> DomainResult<Vec<RemittanceLine>> {
    Ok(
        crate::payments::reconciliation::statement_rows(csv_text, ["TrackingNumber"], "Amount")?
            .into_iter()
            .map(|([tracking_number], amount_vnd)| RemittanceLine {
                tracking_number: tracking_number.to_uppercase(),
                amount_vnd,
            })
            .collect(),
    )
}

/// Compares `lines` with the parcels delivered on `day` (Vietnam time) that had cash to
/// collect, and any parcel a line names; keeps and returns the report.
pub async fn reconcile<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
    lines: &[RemittanceLine],
    now: DateTime<Utc>,
) -> DomainResult<reconciliation_run::Model> {
    let (start, end) = crate::payments::reconciliation::day_bounds(day)?;
    let mut ours: BTreeMap<String, shipment::Model> = shipment::Entity::find()
        .filter(shipment::Column::DeliveredAt.gte(start.fixed_offset()))
        .filter(shipment::Column::DeliveredAt.lt(end.fixed_offset()))
        .filter(shipment::Column::CodVnd.gt(0))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.tracking_number.clone(), s))
        .collect();
    let named: Vec<String> = lines
        .iter()
        .map(|l| l.tracking_number.clone())
        .filter(|t| !ours.contains_key(t))
        .collect();
    if !named.is_empty() {
        for s in shipment::Entity::find()
            .filter(shipment::Column::TrackingNumber.is_in(named))
            .all(db)
            .await?
        {
            ours.insert(s.tracking_number.clone(), s);
        }
    }
    let mut report = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for line in lines {
        let repeated = !seen.insert(line.tracking_number.clone());
        let parcel = ours.get(&line.tracking_number);
        let issue = match parcel {
            _ if repeated => Some(Issue::Repeated),
            None => Some(Issue::UnknownToPortal),
            Some(p) if p.cod_vnd != line.amount_vnd => Some(Issue::AmountDiffers),
            Some(p) if p.status != "delivered" => Some(Issue::NotRecorded),
            Some(_) => None,
        };
        report.push(ReportLine {
            txn_ref: line.tracking_number.clone(),
            portal_status: parcel.map(|p| p.status.clone()).unwrap_or_default(),
            portal_amount_vnd: parcel.map(|p| p.cod_vnd),
            gateway_status: "00".into(),
            gateway_amount_vnd: Some(line.amount_vnd),
            issue,
        });
    }
    for (tracking_number, p) in &ours {
        if seen.contains(tracking_number) {
            continue;
        }
        report.push(ReportLine {
            txn_ref: tracking_number.clone(),
            portal_status: p.status.clone(),
            portal_amount_vnd: Some(p.cod_vnd),
            gateway_status: String::new(),
            gateway_amount_vnd: None,
            issue: Some(Issue::NotSettled),
        });
    }
    crate::payments::reconciliation::keep_report(db, SOURCE, day, &report, now).await
}
