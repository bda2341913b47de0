//! The statistics rollups: per receiving agency, procedure and day (and month), how many
//! dossiers were received, resolved, refused… and how the overdue stock moved.
//!
//! Every dossier change that moves its status goes through `dossiers::change` with the desk
//! tally, which calls [`moved`] with the dossier as it was and as it is now, in the change's
//! transaction; a rating calls [`rated`]. Each adds its [`Delta`]s to the day's row and the
//! month's row, under the procedure and under `*` (the agency's total), with one atomic upsert
//! per row, in key order (two changes never wait on each other in opposite orders).
//!
//! Flows (received, resolved, refused…) count on the day they happen. Stocks are kept as
//! changes so that any past day's stock is a sum too: a dossier is *open* from the day it is
//! received to the day it is closed (so the stock is received minus closed), and *overdue* from
//! the day after its due day while it is open and its clock runs (overdue: the appointment day
//! has passed). When that first overdue day changes from `D0` to `D1` on day `t`, the overdue
//! stock takes one at `max(D0, t)` and adds one at `max(D1, t)`: a future day is moved, a past
//! one is never rewritten. Figures are counted under the **receiving** agency, the one
//! answerable to the applicant, so that for every agency what was carried over plus what was
//! received equals what was closed plus what is still open; a transfer to another agency for
//! its part does not move them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::dossiers::codes::vietnam_date;
use crate::dossiers::deadlines::Clock;
use crate::dossiers::lifecycle::OPEN;
use crate::dossiers::Status;
use crate::entities::{dossier, dossier_file, dossier_result, payment, stat_rollup};
use crate::error::DomainResult;

/// The procedure code of an agency's totals.
pub const ALL_PROCEDURES: &str = "*";

/// Gateways through which a fee is paid online (not cash to the postman).
pub const ONLINE_GATEWAYS: [&str; 2] = ["vnpay", "vietqr"];

/// What a rollup row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    /// Filed online by the applicant.
    ReceivedOnline,
    /// Registered at the counter.
    ReceivedCounter,
    /// Sent in by post and registered by the desk.
    ReceivedPost,
    /// Received with its documents as files (digitised), whatever the channel.
    ReceivedDigitised,
    /// Resolved (the result approved) by its due time.
    ResolvedOnTime,
    /// Resolved after its due time, or after an apology letter moved it.
    ResolvedLate,
    /// Refused at intake.
    Refused,
    /// Processing stopped.
    Stopped,
    /// Withdrawn by the applicant.
    Withdrawn,
    /// The applicant was asked for more documents (each request counts).
    SupplementRequested,
    /// Resolved with a signed electronic result.
    ResolvedEResult,
    /// Resolved dossiers that had a fee to pay.
    ResolvedWithFee,
    /// Of those, paid online.
    ResolvedPaidOnline,
    /// Working minutes from acceptance to resolution, summed over the resolved dossiers.
    WorkMinutes,
    /// The change of the overdue stock (see the module's doc).
    OverdueDelta,
    /// Ratings "very satisfied" (dossiers and counters).
    RatedVerySatisfied,
    /// Ratings "satisfied".
    RatedSatisfied,
    /// Ratings "not satisfied".
    RatedNotSatisfied,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Metric; 18] = [
        Metric::ReceivedOnline,
        Metric::ReceivedCounter,
        Metric::ReceivedPost,
        Metric::ReceivedDigitised,
        Metric::ResolvedOnTime,
        Metric::ResolvedLate,
        Metric::Refused,
        Metric::Stopped,
        Metric::Withdrawn,
        Metric::SupplementRequested,
        Metric::ResolvedEResult,
        Metric::ResolvedWithFee,
        Metric::ResolvedPaidOnline,
        Metric::WorkMinutes,
        Metric::OverdueDelta,
        Metric::RatedVerySatisfied,
        Metric::RatedSatisfied,
        Metric::RatedNotSatisfied,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Metric::ReceivedOnline => "received_online",
            Metric::ReceivedCounter => "received_counter",
            Metric::ReceivedPost => "received_post",
            Metric::ReceivedDigitised => "received_digitised",
            Metric::ResolvedOnTime => "resolved_on_time",
            Metric::ResolvedLate => "resolved_late",
            Metric::Refused => "refused",
            Metric::Stopped => "stopped",
            Metric::Withdrawn => "withdrawn",
            Metric::SupplementRequested => "supplement_requested",
            Metric::ResolvedEResult => "resolved_e_result",
            Metric::ResolvedWithFee => "resolved_with_fee",
            Metric::ResolvedPaidOnline => "resolved_paid_online",
            Metric::WorkMinutes => "work_minutes",
            Metric::OverdueDelta => "overdue_delta",
            Metric::RatedVerySatisfied => "rated_very_satisfied",
            Metric::RatedSatisfied => "rated_satisfied",
            Metric::RatedNotSatisfied => "rated_not_satisfied",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.code() == code)
    }

    /// The rating metric of a level (`ratings::LEVELS`).
    pub fn of_rating(level: &str) -> Option<Metric> {
        match level {
            "very_satisfied" => Some(Metric::RatedVerySatisfied),
            "satisfied" => Some(Metric::RatedSatisfied),
            "not_satisfied" => Some(Metric::RatedNotSatisfied),
            _ => None,
        }
    }
}

/// One change to the rollups.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Delta {
    /// Receiving agency.
    pub agency: String,
    /// Procedure (`None`: only the agency's total, as for a counter rating).
    pub procedure: Option<String>,
    /// Day it counts on, in Vietnam.
    pub day: NaiveDate,
    /// What.
    pub metric: Metric,
    /// By how much.
    pub by: i64,
}

/// What a filing or a resolution adds beyond its count, read from the rows the change wrote
/// ([`filing_facts`], [`resolution_facts`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Filed with its documents as files.
    pub digitised: bool,
    /// A signed electronic result was issued.
    pub e_result: bool,
    /// The dossier had a fee.
    pub with_fee: bool,
    /// A fee was paid online.
    pub paid_online: bool,
    /// Working minutes from acceptance to resolution.
    pub work_minutes: i64,
}

/// The first day on which a dossier in state `row` counts as overdue, if it may: open, its
/// clock running (not waiting for the applicant) and a due time set — the day after its due
/// day.
pub fn overdue_from(row: &dossier::Model) -> Option<NaiveDate> {
    let status = Status::from_code(&row.status)?;
    if !OPEN.contains(&status) || row.paused_at.is_some() {
        return None;
    }
    row.due_at
        .and_then(|d| vietnam_date(d.with_timezone(&Utc)).succ_opt())
}

fn is_filed(row: &dossier::Model) -> bool {
    row.status != Status::Draft.code()
}

fn is_open(row: &dossier::Model) -> bool {
    Status::from_code(&row.status).is_some_and(|s| OPEN.contains(&s))
}

/// The deltas of a dossier's move from `before` (`None` or a draft: not filed) to `after`, at
/// `at`; `facts` of its filing or resolution, for a move that files or resolves it. Pure, so the rules are tested alone.
pub fn deltas(
    before: Option<&dossier::Model>,
    after: &dossier::Model,
    at: DateTime<Utc>,
    facts: Facts,
) -> Vec<Delta> {
    let Some(agency) = after.receiving_agency_code.clone() else {
        return Vec::new();
    };
    let today = vietnam_date(at);
    let procedure = Some(after.procedure_code.clone());
    let mut out = Vec::new();
    let mut add = |metric: Metric, day: NaiveDate, by: i64| {
        out.push(Delta {
            agency: agency.clone(),
            procedure: procedure.clone(),
            day,
            metric,
            by,
        })
    };
    let was_filed = before.is_some_and(is_filed);
    if !was_filed && is_filed(after) {
        let metric = match after.channel.as_str() {
            "desk" => Metric::ReceivedCounter,
            "post" => Metric::ReceivedPost,
            _ => Metric::ReceivedOnline,
        };
        add(metric, today, 1);
        add(Metric::ReceivedDigitised, today, i64::from(facts.digitised));
    }
    let was_open = before.is_some_and(is_open);
    let status = Status::from_code(&after.status);
    if was_open && !is_open(after) {
        match status {
            Some(Status::Processed | Status::Returned) => {
                // A dossier that needed an apology letter was late, whatever its new date
                // says (the letter is written because the first date will be missed).
                let due = before.and_then(|b| b.due_at).map(|d| d.with_timezone(&Utc));
                let apologised = before.is_some_and(|b| b.apologies > 0);
                let on_time = !apologised && due.is_none_or(|due| at <= due);
                let metric = if on_time {
                    Metric::ResolvedOnTime
                } else {
                    Metric::ResolvedLate
                };
                add(metric, today, 1);
                add(Metric::ResolvedEResult, today, i64::from(facts.e_result));
                add(Metric::ResolvedWithFee, today, i64::from(facts.with_fee));
                add(
                    Metric::ResolvedPaidOnline,
                    today,
                    i64::from(facts.paid_online),
                );
                add(Metric::WorkMinutes, today, facts.work_minutes);
            }
            Some(Status::Refused) => add(Metric::Refused, today, 1),
            Some(Status::Stopped) => add(Metric::Stopped, today, 1),
            Some(Status::Withdrawn) => add(Metric::Withdrawn, today, 1),
            _ => {}
        }
    }
    let asked_now = status == Some(Status::SupplementRequested);
    let asked_before = before.is_some_and(|b| b.status == Status::SupplementRequested.code());
    if asked_now && !asked_before {
        add(Metric::SupplementRequested, today, 1);
    }
    let (from, to) = (before.and_then(overdue_from), overdue_from(after));
    if from != to {
        if let Some(d) = from {
            add(Metric::OverdueDelta, std::cmp::max(d, today), -1);
        }
        if let Some(d) = to {
            add(Metric::OverdueDelta, std::cmp::max(d, today), 1);
        }
    }
    out.retain(|d| d.by != 0);
    out
}

/// What the approval of `after` at `at` adds: its signed result, its fee and how it was paid,
/// its working time (on the receiving agency's calendar).
pub async fn resolution_facts<C: ConnectionTrait>(
    db: &C,
    after: &dossier::Model,
    at: DateTime<Utc>,
) -> DomainResult<Facts> {
    let e_result = dossier_result::Entity::find()
        .filter(dossier_result::Column::DossierId.eq(&after.id))
        .filter(dossier_result::Column::SignedSha256.is_not_null())
        .one(db)
        .await?
        .is_some();
    // As of `at`: a recount long after reads the same as the approval did.
    let paid: Vec<payment::Model> = payment::Entity::find()
        .filter(payment::Column::DossierId.eq(&after.id))
        .filter(payment::Column::Status.eq("paid"))
        .filter(payment::Column::PaidAt.lte(at.fixed_offset()))
        .all(db)
        .await?;
    let with_fee = after.fee_due_vnd.unwrap_or(0) > 0 || !paid.is_empty();
    let paid_online = paid
        .iter()
        .any(|p| ONLINE_GATEWAYS.contains(&p.gateway.as_str()));
    let work_minutes = match (&after.receiving_agency_code, after.accepted_at) {
        (Some(agency), Some(accepted)) => Clock::for_agency(db, agency)
            .await?
            .left(accepted.with_timezone(&Utc), at)
            .clamp(0, i64::MAX),
        _ => 0,
    };
    Ok(Facts {
        digitised: false,
        e_result,
        with_fee,
        paid_online,
        work_minutes,
    })
}

/// What the filing of `after` at `at` adds: whether its documents came as files (attached by
/// then).
pub async fn filing_facts<C: ConnectionTrait>(
    db: &C,
    after: &dossier::Model,
    at: DateTime<Utc>,
) -> DomainResult<Facts> {
    let digitised = dossier_file::Entity::find()
        .filter(dossier_file::Column::DossierId.eq(&after.id))
        .filter(dossier_file::Column::CreatedAt.lte(at.fixed_offset()))
        .one(db)
        .await?
        .is_some();
    Ok(Facts {
        digitised,
        ..Facts::default()
    })
}

/// Records the move of a dossier from `before` to `after` at `at`, in the change's transaction.
pub async fn moved<C: ConnectionTrait>(
    db: &C,
    before: Option<&dossier::Model>,
    after: &dossier::Model,
    at: DateTime<Utc>,
) -> DomainResult<()> {
    let files = !before.is_some_and(is_filed) && is_filed(after);
    let resolves = before.is_some_and(is_open)
        && matches!(
            Status::from_code(&after.status),
            Some(Status::Processed | Status::Returned)
        );
    let facts = if files {
        filing_facts(db, after, at).await?
    } else if resolves {
        resolution_facts(db, after, at).await?
    } else {
        Facts::default()
    };
    apply(db, deltas(before, after, at, facts)).await
}

/// Records a rating of `level` (replacing `old`, when changed) given on `day` to `agency`, for
/// `procedure` (`None` at a counter).
pub async fn rated<C: ConnectionTrait>(
    db: &C,
    agency: &str,
    procedure: Option<&str>,
    day: NaiveDate,
    old: Option<&str>,
    level: &str,
) -> DomainResult<()> {
    if old == Some(level) {
        return Ok(());
    }
    let delta = |metric: Metric, by: i64| Delta {
        agency: agency.to_owned(),
        procedure: procedure.map(str::to_owned),
        day,
        metric,
        by,
    };
    let mut changes = Vec::new();
    if let Some(m) = old.and_then(Metric::of_rating) {
        changes.push(delta(m, -1));
    }
    if let Some(m) = Metric::of_rating(level) {
        changes.push(delta(m, 1));
    }
    apply(db, changes).await
}

/// The row key of a delta at one grain: (agency, procedure, grain, period, metric).
type Key = (String, String, &'static str, String, &'static str);

/// Adds `deltas` to their rows: the day's and the month's, under the procedure and the total.
pub async fn apply<C: ConnectionTrait>(db: &C, deltas: Vec<Delta>) -> DomainResult<()> {
    let mut rows: BTreeMap<Key, i64> = BTreeMap::new();
    for d in deltas {
        let procedures = d
            .procedure
            .iter()
            .map(String::as_str)
            .chain([ALL_PROCEDURES]);
        for procedure in procedures {
            for (grain, period) in [
                ("d", d.day.format("%Y-%m-%d").to_string()),
                ("m", d.day.format("%Y-%m").to_string()),
            ] {
                let key = (
                    d.agency.clone(),
                    procedure.to_owned(),
                    grain,
                    period,
                    d.metric.code(),
                );
                *rows.entry(key).or_insert(0) += d.by;
            }
        }
    }
    for (key, by) in rows {
        if by != 0 {
            add(db, &key, by).await?;
        }
    }
    Ok(())
}

async fn add<C: ConnectionTrait>(db: &C, key: &Key, by: i64) -> DomainResult<()> {
    use stat_rollup::{Column, Entity};
    let mut insert = Query::insert();
    insert
        .into_table(Entity)
        .columns([
            Column::AgencyCode,
            Column::ProcedureCode,
            Column::Grain,
            Column::Period,
            Column::Metric,
            Column::N,
        ])
        .values_panic([
            key.0.clone().into(),
            key.1.clone().into(),
            key.2.into(),
            key.3.clone().into(),
            key.4.into(),
            by.into(),
        ])
        .on_conflict(
            OnConflict::columns([
                Column::AgencyCode,
                Column::ProcedureCode,
                Column::Grain,
                Column::Period,
                Column::Metric,
            ])
            .value(Column::N, Expr::col((Entity, Column::N)).add(by))
            .to_owned(),
        );
    db.execute(&insert).await?;
    Ok(())
}

#[cfg(test)]
mod tests;
