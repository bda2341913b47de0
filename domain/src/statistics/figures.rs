//! The published figures of a choice of agencies and procedures over a period, summed from the
//! rollups (a handful of index range reads, whatever the number of dossiers).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Serialize;

use super::period::{self, Period, Range};
use super::rollup::{Metric, ALL_PROCEDURES};
use crate::entities::{agency, procedure, stat_rollup};
use crate::error::{invalid, DomainResult};

/// Which agencies and procedures the figures are about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// The agencies, an agency's whole tree rolled up (empty: every agency).
    pub agencies: Vec<String>,
    /// The procedures (empty: all of them, from the agencies' totals — counter ratings
    /// included).
    pub procedures: Vec<String>,
}

/// The scope of `agency` with every agency under it (a province's root agency: the whole
/// province), narrowed to `procedure`, else to the procedures of `field`. An unknown agency,
/// field or procedure is refused naming it (`stat_agency_unknown`, `stat_field_unknown`,
/// `stat_procedure_unknown`).
pub async fn scope<C: ConnectionTrait>(
    db: &C,
    agency: Option<&str>,
    field: Option<&str>,
    procedure: Option<&str>,
) -> DomainResult<Scope> {
    let mut out = Scope::default();
    if let Some(code) = agency.filter(|c| !c.is_empty()) {
        let all = agency::Entity::find().all(db).await?;
        let root = all.iter().find(|a| a.code == code).ok_or_else(|| {
            invalid(
                "agency",
                "stat_agency_unknown",
                "choose an agency from the list",
            )
        })?;
        out.agencies = subtree(&all, root);
    }
    if let Some(code) = procedure.filter(|c| !c.is_empty()) {
        procedure::Entity::find_by_id(code.to_owned())
            .one(db)
            .await?
            .ok_or_else(|| {
                invalid(
                    "procedure",
                    "stat_procedure_unknown",
                    "no procedure has this code: copy it from the procedure's page",
                )
            })?;
        out.procedures = vec![code.to_owned()];
    } else if let Some(code) = field.filter(|c| !c.is_empty()) {
        out.procedures = procedure::Entity::find()
            .select_only()
            .column(procedure::Column::Code)
            .filter(procedure::Column::FieldCode.eq(code))
            .into_tuple()
            .all(db)
            .await?;
        if out.procedures.is_empty() {
            return Err(invalid(
                "field",
                "stat_field_unknown",
                "choose a field from the list",
            ));
        }
    }
    Ok(out)
}

/// `root` and every agency under it; for a root with no parent, every agency of its province.
fn subtree(all: &[agency::Model], root: &agency::Model) -> Vec<String> {
    if root.parent_code.is_none() {
        return all
            .iter()
            .filter(|a| a.province_code == root.province_code)
            .map(|a| a.code.clone())
            .collect();
    }
    let mut out = vec![root.code.clone()];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i].clone();
        out.extend(
            all.iter()
                .filter(|a| a.parent_code.as_deref() == Some(parent.as_str()))
                .map(|a| a.code.clone()),
        );
        i += 1;
    }
    out
}

type Sums = BTreeMap<Metric, i64>;

/// The figures of a scope over a period. Flows count the days of the period; stocks (carried
/// over, pending, overdue) are at the end of the day before it and of its last day — or of
/// today, for a period not over yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Open at the end of the day before the period.
    pub carried_over: i64,
    /// Filed online.
    pub received_online: i64,
    /// Registered at the counter.
    pub received_counter: i64,
    /// Sent in by post.
    pub received_post: i64,
    /// Received with its documents as files.
    pub digitised: i64,
    /// Resolved by the due time.
    pub resolved_on_time: i64,
    /// Resolved late.
    pub resolved_late: i64,
    /// Refused at intake.
    pub refused: i64,
    /// Processing stopped.
    pub stopped: i64,
    /// Withdrawn.
    pub withdrawn: i64,
    /// Open at the end, within time.
    pub pending_in_time: i64,
    /// Open at the end, its due day passed.
    pub pending_overdue: i64,
    /// Requests for more documents.
    pub supplement_requests: i64,
    /// Resolved with an electronic result.
    pub e_results: i64,
    /// Resolved with a fee.
    pub with_fee: i64,
    /// Of those, paid online.
    pub paid_online: i64,
    /// Working minutes from acceptance to resolution, summed.
    pub work_minutes: i64,
    /// Ratings "very satisfied".
    pub very_satisfied: i64,
    /// Ratings "satisfied".
    pub satisfied: i64,
    /// Ratings "not satisfied".
    pub not_satisfied: i64,
}

/// `part` of `whole` in whole percent, rounded down (a rate is never shown better than it is);
/// `None` when `whole` is 0.
pub fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| std::cmp::max(part, 0) * 100 / whole)
}

impl Figures {
    fn from_sums(flows: &Sums, before: &Sums, end: &Sums) -> Figures {
        let get = |s: &Sums, m: Metric| s.get(&m).copied().unwrap_or(0);
        let open = |s: &Sums| {
            get(s, Metric::ReceivedOnline)
                + get(s, Metric::ReceivedCounter)
                + get(s, Metric::ReceivedPost)
                - get(s, Metric::ResolvedOnTime)
                - get(s, Metric::ResolvedLate)
                - get(s, Metric::Refused)
                - get(s, Metric::Stopped)
                - get(s, Metric::Withdrawn)
        };
        let overdue = get(end, Metric::OverdueDelta);
        Figures {
            carried_over: open(before),
            received_online: get(flows, Metric::ReceivedOnline),
            received_counter: get(flows, Metric::ReceivedCounter),
            received_post: get(flows, Metric::ReceivedPost),
            digitised: get(flows, Metric::ReceivedDigitised),
            resolved_on_time: get(flows, Metric::ResolvedOnTime),
            resolved_late: get(flows, Metric::ResolvedLate),
            refused: get(flows, Metric::Refused),
            stopped: get(flows, Metric::Stopped),
            withdrawn: get(flows, Metric::Withdrawn),
            pending_in_time: open(end) - overdue,
            pending_overdue: overdue,
            supplement_requests: get(flows, Metric::SupplementRequested),
            e_results: get(flows, Metric::ResolvedEResult),
            with_fee: get(flows, Metric::ResolvedWithFee),
            paid_online: get(flows, Metric::ResolvedPaidOnline),
            work_minutes: get(flows, Metric::WorkMinutes),
            very_satisfied: get(flows, Metric::RatedVerySatisfied),
            satisfied: get(flows, Metric::RatedSatisfied),
            not_satisfied: get(flows, Metric::RatedNotSatisfied),
        }
    }

    /// Received in the period.
    pub fn received(&self) -> i64 {
        self.received_online + self.received_counter + self.received_post
    }

    /// Resolved in the period.
    pub fn resolved(&self) -> i64 {
        self.resolved_on_time + self.resolved_late
    }

    /// Open at the end.
    pub fn pending(&self) -> i64 {
        self.pending_in_time + self.pending_overdue
    }

    /// Ratings given.
    pub fn ratings(&self) -> i64 {
        self.very_satisfied + self.satisfied + self.not_satisfied
    }

    /// Share resolved on time.
    pub fn on_time_percent(&self) -> Option<i64> {
        percent(self.resolved_on_time, self.resolved())
    }

    /// Share received online.
    pub fn online_percent(&self) -> Option<i64> {
        percent(self.received_online, self.received())
    }

    /// Share of the fees paid online.
    pub fn paid_online_percent(&self) -> Option<i64> {
        percent(self.paid_online, self.with_fee)
    }

    /// Share of the dossiers received digitised.
    pub fn digitised_percent(&self) -> Option<i64> {
        percent(self.digitised, self.received())
    }

    /// Share of the results issued electronically.
    pub fn e_result_percent(&self) -> Option<i64> {
        percent(self.e_results, self.resolved())
    }

    /// Share satisfied or very satisfied.
    pub fn satisfied_percent(&self) -> Option<i64> {
        percent(self.very_satisfied + self.satisfied, self.ratings())
    }

    /// Average working minutes from acceptance to resolution.
    pub fn average_work_minutes(&self) -> Option<i64> {
        (self.resolved() > 0).then(|| self.work_minutes / self.resolved())
    }
}

/// The days whose stocks a period shows: the day before it, and its last day (today, for a
/// period not over).
fn stock_days(period: &Period, today: NaiveDate) -> (Option<NaiveDate>, NaiveDate) {
    (
        period.first().pred_opt(),
        std::cmp::min(period.last(), today),
    )
}

/// The figures of `scope` over `period`, as of `today`.
pub async fn figures<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    period: &Period,
    today: NaiveDate,
) -> DomainResult<Figures> {
    let mut out = compute(db, scope, &[*period], today).await?;
    Ok(out.pop().map(|(total, _)| total).unwrap_or_default())
}

/// The figures of each agency of `scope` (its own dossiers, nothing rolled up) over `period`,
/// agencies with no figure left out.
pub async fn by_agency<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    period: &Period,
    today: NaiveDate,
) -> DomainResult<BTreeMap<String, Figures>> {
    let mut out = compute(db, scope, &[*period], today).await?;
    Ok(out.pop().map(|(_, each)| each).unwrap_or_default())
}

/// For each of `periods`: the figures of the whole scope and of each agency. Read with one
/// query per range of rollup rows, per agency; a stock day that two periods share (the day
/// before a period is the last of the one before it) is read once.
pub async fn compute<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    periods: &[Period],
    today: NaiveDate,
) -> DomainResult<Vec<(Figures, BTreeMap<String, Figures>)>> {
    let scope = with_every_agency(db, scope).await?;
    let mut stocks: BTreeMap<NaiveDate, BTreeMap<String, Sums>> = BTreeMap::new();
    for p in periods {
        let (before, end) = stock_days(p, today);
        for day in before.into_iter().chain([end]) {
            if let std::collections::btree_map::Entry::Vacant(slot) = stocks.entry(day) {
                slot.insert(sums(db, &scope, &period::up_to(day), Some(&STOCK_METRICS)).await?);
            }
        }
    }
    let empty_map = BTreeMap::new();
    let mut out = Vec::new();
    for p in periods {
        let flows = sums(db, &scope, &period::cover(p.first(), p.last()), None).await?;
        let (before_day, end_day) = stock_days(p, today);
        let before = before_day
            .and_then(|d| stocks.get(&d))
            .unwrap_or(&empty_map);
        let end = stocks.get(&end_day).unwrap_or(&empty_map);
        let keys: std::collections::BTreeSet<&String> = flows
            .keys()
            .chain(before.keys())
            .chain(end.keys())
            .collect();
        let empty = Sums::new();
        let pick = |m: &BTreeMap<String, Sums>, k: &String| m.get(k).unwrap_or(&empty).clone();
        let each: BTreeMap<String, Figures> = keys
            .into_iter()
            .map(|k| {
                let f = Figures::from_sums(&pick(&flows, k), &pick(before, k), &pick(end, k));
                (k.clone(), f)
            })
            .collect();
        let total = Figures::from_sums(&merged(&flows), &merged(before), &merged(end));
        out.push((total, each));
    }
    Ok(out)
}

/// The metrics a stock is made of (what is open, what is overdue).
const STOCK_METRICS: [Metric; 9] = [
    Metric::ReceivedOnline,
    Metric::ReceivedCounter,
    Metric::ReceivedPost,
    Metric::ResolvedOnTime,
    Metric::ResolvedLate,
    Metric::Refused,
    Metric::Stopped,
    Metric::Withdrawn,
    Metric::OverdueDelta,
];

/// The sums of every agency together.
fn merged(per_agency: &BTreeMap<String, Sums>) -> Sums {
    let mut out = Sums::new();
    for sums in per_agency.values() {
        for (m, n) in sums {
            *out.entry(*m).or_insert(0) += n;
        }
    }
    out
}

/// `scope` with its agencies named: every agency when it names none, so that each query reads
/// the rollups' primary key from the agency on.
async fn with_every_agency<C: ConnectionTrait>(db: &C, scope: &Scope) -> DomainResult<Scope> {
    if !scope.agencies.is_empty() {
        return Ok(scope.clone());
    }
    let agencies: Vec<String> = agency::Entity::find()
        .select_only()
        .column(agency::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Scope {
        agencies,
        procedures: scope.procedures.clone(),
    })
}

/// The sums per agency and metric of the rollup rows of `scope` in `ranges` (only `metrics`,
/// when given): one query per range, each a range of the primary key per agency and procedure.
async fn sums<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    ranges: &[Range],
    metrics: Option<&[Metric]>,
) -> DomainResult<BTreeMap<String, Sums>> {
    use stat_rollup::{Column, Entity};
    let mut out: BTreeMap<String, Sums> = BTreeMap::new();
    let procedures: Vec<&str> = if scope.procedures.is_empty() {
        vec![ALL_PROCEDURES]
    } else {
        scope.procedures.iter().map(String::as_str).collect()
    };
    for (grain, lo, hi) in ranges {
        let mut select = Query::select();
        select
            .from(Entity)
            .column(Column::AgencyCode)
            .column(Column::Metric)
            .expr_as(Func::sum(Expr::col(Column::N)), Alias::new("total"))
            .and_where(
                Expr::col(Column::AgencyCode).is_in(scope.agencies.iter().map(String::as_str)),
            )
            .and_where(Expr::col(Column::ProcedureCode).is_in(procedures.iter().copied()))
            .and_where(Expr::col(Column::Grain).eq(*grain))
            .and_where(Expr::col(Column::Period).gte(lo.as_str()))
            .and_where(Expr::col(Column::Period).lte(hi.as_str()))
            .group_by_col(Column::AgencyCode)
            .group_by_col(Column::Metric);
        if let Some(metrics) = metrics {
            select.and_where(Expr::col(Column::Metric).is_in(metrics.iter().map(|m| m.code())));
        }
        for row in db.query_all(&select).await? {
            let metric: String = row.try_get("", "metric")?;
            let agency: String = row.try_get("", "agency_code")?;
            if let Some(m) = Metric::from_code(&metric) {
                *out.entry(agency).or_default().entry(m).or_insert(0) += read_sum(&row)?;
            }
        }
    }
    Ok(out)
}

/// `SUM` of a bigint is a bigint on SQLite and a numeric on PostgreSQL.
fn read_sum(row: &sea_orm::QueryResult) -> DomainResult<i64> {
    if let Ok(n) = row.try_get::<i64>("", "total") {
        return Ok(n);
    }
    let d: sea_orm::prelude::Decimal = row.try_get("", "total")?;
    Ok(i64::try_from(d.trunc().mantissa()).unwrap_or(0))
}
