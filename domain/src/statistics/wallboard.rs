//! The leaders' wallboard (`/bang-theo-doi`): an agency's figures of today and this month from
//! the rollups, and, counted live per unit (whoever holds the dossier), the dossiers overdue
//! now and those due by the end of the next working day — the two that change with the clock
//! alone, so they cannot be kept as rollups. A unit's dossiers are those the agency (or one
//! under it) holds or received: the public administration centre's board shows what the
//! departments do with the dossiers it received. The counts read the partial indexes of
//! running dossiers (`idx_dossier_running_due`, `idx_dossier_running_received`), never all
//! dossiers.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::figures::{self, Figures};
use super::period::Period;
use crate::dossiers::codes::vietnam_date;
use crate::dossiers::deadlines::Clock;
use crate::dossiers::queues::{PAUSED_SQL, RUNNING_SQL};
use crate::entities::dossier;
use crate::error::DomainResult;

/// One unit's live counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// The agency holding the dossiers.
    pub agency: String,
    /// Running and past their due time now.
    pub overdue: u64,
    /// Running and due from now to the end of the next working day.
    pub due_soon: u64,
}

/// What the wallboard shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Board {
    /// Today's figures (the agency and those under it).
    pub today: Figures,
    /// This month's.
    pub month: Figures,
    /// Per unit, the agency itself first, then those with something due or overdue.
    pub units: Vec<Unit>,
    /// The next working day of the agency's calendar.
    pub next_working_day: NaiveDate,
}

impl Board {
    /// Overdue now, in all units.
    pub fn overdue(&self) -> u64 {
        self.units.iter().map(|u| u.overdue).sum()
    }

    /// Due by the end of the next working day, in all units.
    pub fn due_soon(&self) -> u64 {
        self.units.iter().map(|u| u.due_soon).sum()
    }
}

/// The board of `agency` at `now`.
pub async fn board<C: ConnectionTrait>(
    db: &C,
    agency: &str,
    now: DateTime<Utc>,
) -> DomainResult<Board> {
    let today = vietnam_date(now);
    let scope = figures::scope(db, Some(agency), None, None).await?;
    let day = Period::Custom {
        from: today,
        to: today,
    };
    let clock = Clock::for_agency(db, agency).await?;
    let next_working_day = (1..=31)
        .map(|n| today + Duration::days(n))
        .find(|d| clock.end_of_day(*d).is_some())
        .unwrap_or(today + Duration::days(1));
    let soon = clock
        .end_of_day(next_working_day)
        .unwrap_or(now + Duration::days(1));
    let overdue = live_counts(db, &scope.agencies, None, Some(now)).await?;
    let due_soon = live_counts(db, &scope.agencies, Some(now), Some(soon)).await?;
    let holders: std::collections::BTreeSet<&String> = overdue
        .keys()
        .chain(due_soon.keys())
        .chain(scope.agencies.iter().filter(|a| a.as_str() == agency))
        .collect();
    let mut units: Vec<Unit> = holders
        .into_iter()
        .map(|a| Unit {
            agency: a.clone(),
            overdue: overdue.get(a).copied().unwrap_or(0),
            due_soon: due_soon.get(a).copied().unwrap_or(0),
        })
        .collect();
    units.sort_by(|a, b| {
        (b.agency == agency)
            .cmp(&(a.agency == agency))
            .then(b.overdue.cmp(&a.overdue))
            .then(a.agency.cmp(&b.agency))
    });
    // One read for both: they share the stock at the end of today.
    let mut both = figures::compute(db, &scope, &[day, Period::month_of(today)], today).await?;
    let month_figures = both.pop().map(|(total, _)| total).unwrap_or_default();
    let today_figures = both.pop().map(|(total, _)| total).unwrap_or_default();
    Ok(Board {
        today: today_figures,
        month: month_figures,
        units,
        next_working_day,
    })
}

/// Running dossiers held or received by `agencies`, due in `[from, to)`, per holding agency:
/// those held (one index), plus those received and held elsewhere (the other).
async fn live_counts<C: ConnectionTrait>(
    db: &C,
    agencies: &[String],
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> DomainResult<BTreeMap<String, u64>> {
    let codes = || agencies.iter().map(String::as_str);
    let held = Condition::all().add(dossier::Column::HoldingAgencyCode.is_in(codes()));
    let received_elsewhere = Condition::all()
        .add(dossier::Column::ReceivingAgencyCode.is_in(codes()))
        .add(dossier::Column::HoldingAgencyCode.is_not_in(codes()));
    let mut out: BTreeMap<String, u64> = BTreeMap::new();
    for which in [held, received_elsewhere] {
        let mut select = dossier::Entity::find()
            .select_only()
            .column(dossier::Column::HoldingAgencyCode)
            .column_as(Expr::col(dossier::Column::Id).count(), "n")
            .filter(which)
            .filter(Expr::cust(RUNNING_SQL))
            .filter(Expr::cust(PAUSED_SQL))
            .group_by(dossier::Column::HoldingAgencyCode);
        if let Some(from) = from {
            select = select.filter(dossier::Column::DueAt.gte(from.fixed_offset()));
        }
        if let Some(to) = to {
            select = select.filter(dossier::Column::DueAt.lt(to.fixed_offset()));
        }
        let rows: Vec<(Option<String>, i64)> = select.into_tuple().all(db).await?;
        for (a, n) in rows {
            if let Some(a) = a {
                *out.entry(a).or_insert(0) += u64::try_from(n).unwrap_or(0);
            }
        }
    }
    Ok(out)
}

/// A short fingerprint of what the board shows: the live feed sends a change when it moves.
pub fn fingerprint(board: &Board) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{board:?}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
