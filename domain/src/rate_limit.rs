//! Rate limits shared by every instance: fixed-window counters in the database, incremented with
//! one atomic upsert, so that two instances behind a load balancer count the same attempts.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::rate_counter::{self, Column, Entity};
use crate::{DomainError, DomainResult};

/// A limit: at most `max` hits per `window_secs` for one subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Name of what is limited (`sign_in_ip`, `register_ip`, …), part of the counter key.
    pub name: &'static str,
    /// Hits allowed per window.
    pub max: u32,
    /// Window length in seconds.
    pub window_secs: i64,
}

impl Limit {
    /// Password sign-ins from one address: 20 per 5 minutes (a family or an office behind one
    /// address still fits; a password sprayer does not).
    pub const SIGN_IN_IP: Limit = Limit {
        name: "sign_in_ip",
        max: 20,
        window_secs: 300,
    };
    /// New accounts from one address: 10 per hour.
    pub const REGISTER_IP: Limit = Limit {
        name: "register_ip",
        max: 10,
        window_secs: 3600,
    };
    /// Password reset e-mails for one address or account: 5 per hour.
    pub const PASSWORD_RESET: Limit = Limit {
        name: "password_reset",
        max: 5,
        window_secs: 3600,
    };
}

/// Counts one hit of `subject` against `limit`; fails with `RateLimited` (and the seconds to
/// wait) once the window's allowance is used up.
pub async fn hit<C: ConnectionTrait>(db: &C, limit: Limit, subject: &str) -> DomainResult<()> {
    let now = Utc::now().timestamp();
    let window_start = now - now.rem_euclid(limit.window_secs);
    let key = format!("{}:{}", limit.name, subject);
    let mut insert = Query::insert();
    insert
        .into_table(Entity)
        .columns([Column::Key, Column::WindowStart, Column::Hits])
        .values_panic([key.into(), window_start.into(), 1.into()])
        .on_conflict(
            OnConflict::columns([Column::Key, Column::WindowStart])
                .value(Column::Hits, Expr::col((Entity, Column::Hits)).add(1))
                .to_owned(),
        )
        .returning_col(Column::Hits);
    let hits: i32 = match db.query_one(&insert).await? {
        Some(row) => row.try_get("", "hits")?,
        None => return Err(DomainError::Internal("rate counter returned no row".into())),
    };
    if hits > i32::try_from(limit.max).unwrap_or(i32::MAX) {
        let retry = window_start + limit.window_secs - now;
        return Err(DomainError::RateLimited {
            retry_after_secs: u64::try_from(Ord::max(retry, 1)).unwrap_or(1),
        });
    }
    Ok(())
}

/// Deletes counters of windows that ended more than a day ago (run by the cleanup job).
pub async fn purge_old<C: ConnectionTrait>(db: &C) -> DomainResult<u64> {
    let cutoff = Utc::now().timestamp() - 86_400;
    let result = rate_counter::Entity::delete_many()
        .filter(rate_counter::Column::WindowStart.lt(cutoff))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
