//! The holiday calendar administrators keep: public holidays and make-up working days. Due dates
//! are computed from it (see [`crate::dossiers::deadlines`]), so it is data, never code: Tết
//! follows the lunar calendar and the government announces substitute days every year.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::access::{Actor, Role};
use crate::audit::{Entry, Origin};
use crate::entities::holiday;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::working_time::{parse_calendar_csv, HolidayKind, ScopedDay};

fn kind_code(kind: HolidayKind) -> &'static str {
    match kind {
        HolidayKind::Holiday => "holiday",
        HolidayKind::WorkingDay => "working_day",
        HolidayKind::HalfDay => "half_day",
    }
}

/// From this month on, next year's calendar is expected: the government announces the coming
/// year's holidays in the autumn, and Tết can fall in January (6 February in 2027).
const NEXT_YEAR_FROM_MONTH: u32 = 10;

/// The years whose calendar has no holiday entered and is needed by `today` (Vietnam's date):
/// this year, and from October the next. Due dates counted across such a year would run
/// through Tết and the public holidays as if they were working days, so administrators are
/// warned (`/ready`, the calendar page) before the first dossier is due in it.
pub async fn years_missing<C: ConnectionTrait>(db: &C, today: NaiveDate) -> DomainResult<Vec<i32>> {
    let mut needed = vec![today.year()];
    if today.month() >= NEXT_YEAR_FROM_MONTH {
        needed.push(today.year() + 1);
    }
    let mut missing = Vec::new();
    for year in needed {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            continue;
        };
        let entered = holiday::Entity::find()
            .filter(holiday::Column::Scope.eq(""))
            .filter(holiday::Column::Kind.eq(kind_code(HolidayKind::Holiday)))
            .filter(holiday::Column::Day.between(first, last))
            .count(db)
            .await?;
        if entered == 0 {
            missing.push(year);
        }
    }
    Ok(missing)
}

/// Every calendar day, in date order.
pub async fn list<C: ConnectionTrait>(db: &C) -> DomainResult<Vec<holiday::Model>> {
    Ok(holiday::Entity::find()
        .order_by_asc(holiday::Column::Day)
        .all(db)
        .await?)
}

fn admin_only(actor: &Actor) -> DomainResult<()> {
    match actor {
        Actor::Anonymous => Err(DomainError::Unauthorized),
        _ if actor.has_role(Role::SystemAdmin) => Ok(()),
        _ => Err(DomainError::Forbidden("holiday calendar".into())),
    }
}

/// True when `scope` names where a day applies: empty (the whole country), a province code or
/// an agency code.
async fn scope_known<C: ConnectionTrait>(db: &C, scope: &str) -> DomainResult<bool> {
    use crate::entities::{agency, province};
    if scope.is_empty() {
        return Ok(true);
    }
    let agency = agency::Entity::find_by_id(scope.to_owned())
        .count(db)
        .await?;
    let province = province::Entity::find_by_id(scope.to_owned())
        .count(db)
        .await?;
    Ok(agency + province > 0)
}

/// Adds a day or changes it (system administrators), audited. `scope` is empty for the whole
/// country, else the province or agency it applies to.
pub async fn save(
    db: &DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    day: NaiveDate,
    kind: &str,
    name: &str,
    scope: &str,
) -> DomainResult<()> {
    admin_only(actor)?;
    let name = name.trim();
    let scope = scope.trim();
    let mut errors = Vec::new();
    if !scope_known(db, scope).await? {
        errors.push(FieldError::rule(
            "scope",
            "holiday_scope",
            "leave empty for the whole country, or give a province or agency code",
        ));
    }
    if !matches!(kind, "holiday" | "working_day" | "half_day") {
        errors.push(FieldError::rule(
            "kind",
            "holiday_kind",
            "choose a holiday, a half day off or a make-up working day",
        ));
    }
    if name.is_empty() {
        errors.push(FieldError::rule(
            "name",
            "form_required",
            "write what the day is",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    upsert(&txn, day, scope, kind, name).await?;
    Entry::by(&txn, actor, "holiday.save")
        .await?
        .on("holiday", day.to_string())
        .detail(serde_json::json!({ "kind": kind, "name": name, "scope": scope }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Sets `day` of `scope` to `kind` named `name`, replacing what that day of that scope was.
async fn upsert<C: ConnectionTrait>(
    txn: &C,
    day: NaiveDate,
    scope: &str,
    kind: &str,
    name: &str,
) -> DomainResult<()> {
    holiday::Entity::insert(holiday::ActiveModel {
        day: Set(day),
        scope: Set(scope.to_owned()),
        kind: Set(kind.to_owned()),
        name: Set(name.to_owned()),
    })
    .on_conflict(
        OnConflict::columns([holiday::Column::Day, holiday::Column::Scope])
            .update_columns([holiday::Column::Kind, holiday::Column::Name])
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// Removes a day of `scope` (system administrators), audited.
pub async fn remove(
    db: &DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    day: NaiveDate,
    scope: &str,
) -> DomainResult<()> {
    admin_only(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let deleted = holiday::Entity::delete_by_id((day, scope.trim().to_owned()))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(DomainError::NotFound(format!("holiday {day}")));
    }
    Entry::by(&txn, actor, "holiday.remove")
        .await?
        .on("holiday", day.to_string())
        .detail(serde_json::json!({ "scope": scope }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Most bytes of a year's calendar file.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024;

/// Replaces one year's calendar with the file `text` (`date,kind,name` rows as
/// `seed/holidays.csv` for the whole country's days — the government's yearly notice — or
/// `date,kind,scope,name` rows where a scope names a province or an agency), system
/// administrators only, audited. Every row must be of the same year; for each scope the file
/// names (the whole country included) that year's days are replaced, and the days of scopes
/// it does not name are kept. Returns the year and how many days the file set. Refusals name
/// the field `file`: `holiday_file` (unreadable, with the line), `holiday_file_years` (rows of
/// several years), `holiday_file_empty`, `holiday_file_scope` (a scope that is neither a
/// province nor an agency).
pub async fn import_year(
    db: &DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    text: &str,
) -> DomainResult<(i32, usize)> {
    admin_only(actor)?;
    let refuse = |code: &str, message: String| {
        DomainError::Validation(vec![FieldError::rule("file", code, &message)])
    };
    if text.len() > MAX_IMPORT_BYTES {
        return Err(refuse(
            "holiday_file",
            "the file is larger than 64 KB".into(),
        ));
    }
    let days = parse_calendar_csv(text)
        .map_err(|e| refuse("holiday_file", format!("line {}: {}", e.line, e.message)))?;
    let Some(year) = days.first().map(|d| d.day.date.year()) else {
        return Err(refuse("holiday_file_empty", "the file lists no day".into()));
    };
    if let Some(other) = days.iter().find(|d| d.day.date.year() != year) {
        return Err(refuse(
            "holiday_file_years",
            format!("{} is not in {year}: one file per year", other.day.date),
        ));
    }
    let scopes: std::collections::BTreeSet<String> = days.iter().map(|d| d.scope.clone()).collect();
    for scope in &scopes {
        if !scope_known(db, scope).await? {
            return Err(refuse(
                "holiday_file_scope",
                format!("{scope} is neither a province code nor an agency code"),
            ));
        }
    }
    let (first, last) = (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    );
    let txn = crate::db::begin_write(db).await?;
    holiday::Entity::delete_many()
        .filter(holiday::Column::Scope.is_in(scopes.iter().cloned()))
        .filter(holiday::Column::Day.between(first, last))
        .exec(&txn)
        .await?;
    let count = days.len();
    for ScopedDay { scope, day } in days {
        upsert(&txn, day.date, &scope, kind_code(day.kind), &day.name).await?;
    }
    Entry::by(&txn, actor, "holiday.import")
        .await?
        .on("holiday", year.to_string())
        .detail(serde_json::json!({ "year": year, "days": count, "scopes": scopes }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok((year, count))
}

/// Loads `holidays.csv` from the seed folder: days not in the calendar yet are added, days an
/// administrator already set are left alone. Returns how many were added.
pub async fn load_seed(db: &DatabaseConnection, path: &Path) -> DomainResult<usize> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| DomainError::Internal(format!("{}: {e}", path.display())))?;
    let days = parse_calendar_csv(&text).map_err(|e| {
        DomainError::Validation(vec![FieldError::new(
            path.display().to_string(),
            e.to_string(),
        )])
    })?;
    let txn = crate::db::begin_write(db).await?;
    let mut added = 0;
    for ScopedDay { scope, day } in days {
        let result = holiday::Entity::insert(holiday::ActiveModel {
            day: Set(day.date),
            scope: Set(scope),
            kind: Set(kind_code(day.kind).to_owned()),
            name: Set(day.name),
        })
        .on_conflict_do_nothing_on([holiday::Column::Day, holiday::Column::Scope])
        .exec_without_returning(&txn)
        .await?;
        if let sea_orm::TryInsertResult::Inserted(n) = result {
            added += usize::try_from(n).unwrap_or(0);
        }
    }
    txn.commit().await?;
    Ok(added)
}
