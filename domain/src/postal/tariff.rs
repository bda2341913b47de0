//! The postal fee of returning a result by post, from a tariff kept as data
//! (`seed/postal_tariff.csv`, loaded by `portal seed`): one amount per zone from a day on, so
//! a new tariff applies from its day and every dossier keeps the fee frozen when its postal
//! return was chosen.

use std::path::Path;

use chrono::NaiveDate;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::entities::postal_tariff;
use crate::error::{DomainError, DomainResult};

/// Zone of a recipient in the receiving agency's own province.
pub const WITHIN_PROVINCE: &str = "noi_tinh";
/// Zone of a recipient in another province.
pub const OTHER_PROVINCE: &str = "lien_tinh";

/// The zone of a recipient in `recipient_province` for an agency in `agency_province`.
pub fn zone(agency_province: &str, recipient_province: &str) -> &'static str {
    if agency_province == recipient_province {
        WITHIN_PROVINCE
    } else {
        OTHER_PROVINCE
    }
}

/// The amount of `zone` on `day`: the line with the latest start not after `day`; `None`
/// when the tariff has no line for it yet (postal return is then not offered a price).
pub async fn fee<C: ConnectionTrait>(
    db: &C,
    zone: &str,
    day: NaiveDate,
) -> DomainResult<Option<i64>> {
    Ok(postal_tariff::Entity::find()
        .filter(postal_tariff::Column::Zone.eq(zone))
        .filter(postal_tariff::Column::EffectiveFrom.lte(day))
        .order_by_desc(postal_tariff::Column::EffectiveFrom)
        .one(db)
        .await?
        .map(|t| t.amount_vnd))
}

/// Both zones' amounts on `day` (within the province, other provinces), for the page that
/// offers postal return.
pub async fn fees<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
) -> DomainResult<(Option<i64>, Option<i64>)> {
    Ok((
        fee(db, WITHIN_PROVINCE, day).await?,
        fee(db, OTHER_PROVINCE, day).await?,
    ))
}

/// The postal fee of `delivery` for a dossier received by `agency_code` on `day`: `None` when
/// the result is not sent by post, or the tariff has no amount for its zone.
pub async fn fee_for<C: ConnectionTrait>(
    db: &C,
    delivery: &crate::dossiers::Delivery,
    agency_code: &str,
    day: NaiveDate,
) -> DomainResult<Option<i64>> {
    if delivery.method != crate::dossiers::DeliveryMethod::Post {
        return Ok(None);
    }
    let Some(agency) = crate::entities::agency::Entity::find_by_id(agency_code.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    fee(db, zone(&agency.province_code, &delivery.province), day).await
}

/// One line of the tariff file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Zone.
    pub zone: String,
    /// From.
    pub effective_from: NaiveDate,
    /// Amount in đồng.
    pub amount_vnd: i64,
}

/// Parses `zone,effective_from,amount_vnd` lines (a header first; `#` lines are comments).
/// The error names the line and what is wrong with it.
pub fn parse_csv(text: &str) -> Result<Vec<Line>, String> {
    let mut lines = Vec::new();
    let mut header = true;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            if line != "zone,effective_from,amount_vnd" {
                return Err(format!(
                    "line {}: the header must be zone,effective_from,amount_vnd",
                    n + 1
                ));
            }
            continue;
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let [zone, from, amount] = cells.as_slice() else {
            return Err(format!("line {}: three cells expected", n + 1));
        };
        if *zone != WITHIN_PROVINCE && *zone != OTHER_PROVINCE {
            return Err(format!(
                "line {}: zone must be {WITHIN_PROVINCE} or {OTHER_PROVINCE}",
                n + 1
            ));
        }
        let effective_from = NaiveDate::parse_from_str(from, "%Y-%m-%d")
            .map_err(|_| format!("line {}: effective_from must be YYYY-MM-DD", n + 1))?;
        let amount_vnd = amount
            .parse::<i64>()
            .ok()
            .filter(|a| *a >= 0)
            .ok_or_else(|| format!("line {}: amount_vnd must be a whole number of đồng", n + 1))?;
        lines.push(Line {
            zone: (*zone).to_owned(),
            effective_from,
            amount_vnd,
        });
    }
    Ok(lines)
}

/// Loads the tariff file: lines not in the table yet are added (a line is its zone and day);
/// returns how many.
pub async fn load_seed<C: ConnectionTrait>(db: &C, path: &Path) -> DomainResult<usize> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| DomainError::Internal(format!("{}: {e}", path.display())))?;
    let lines =
        parse_csv(&text).map_err(|e| DomainError::Internal(format!("{}: {e}", path.display())))?;
    let mut added = 0;
    for line in lines {
        let known = postal_tariff::Entity::find()
            .filter(postal_tariff::Column::Zone.eq(line.zone.clone()))
            .filter(postal_tariff::Column::EffectiveFrom.eq(line.effective_from))
            .one(db)
            .await?;
        if known.is_none() {
            postal_tariff::Entity::insert(postal_tariff::ActiveModel {
                id: NotSet,
                zone: Set(line.zone),
                effective_from: Set(line.effective_from),
                amount_vnd: Set(line.amount_vnd),
            })
            .exec_without_returning(db)
            .await?;
            added += 1;
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones() {
        assert_eq!(zone("72", "72"), WITHIN_PROVINCE);
        assert_eq!(zone("72", "79"), OTHER_PROVINCE);
    }

    #[test]
    fn tariff_file() {
        let good = "# comment\nzone,effective_from,amount_vnd\nnoi_tinh,2025-07-01,22000\nlien_tinh,2025-07-01,30000\n";
        let lines = parse_csv(good).unwrap_or_default();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].amount_vnd, 30000);
        assert!(parse_csv("zone,day\n").is_err_and(|e| e.starts_with("line 1")));
        assert!(
            parse_csv("zone,effective_from,amount_vnd\nxa,2025-07-01,1\n")
                .is_err_and(|e| e.contains("line 2") && e.contains("zone"))
        );
        assert!(
            parse_csv("zone,effective_from,amount_vnd\nnoi_tinh,1/7/2025,1\n")
                .is_err_and(|e| e.contains("YYYY-MM-DD"))
        );
        assert!(
            parse_csv("zone,effective_from,amount_vnd\nnoi_tinh,2025-07-01,-5\n")
                .is_err_and(|e| e.contains("amount_vnd"))
        );
    }
}
