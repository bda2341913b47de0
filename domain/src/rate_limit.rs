//! Rate limits shared by every instance: fixed-window counters in the database, incremented and
//! checked with one atomic upsert (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`), so that two
//! instances behind a load balancer, or fifty requests in parallel, count the same attempts as
//! the same requests made one after another.
//!
//! Every limit here is keyed by something the caller controls (its own address, or its own
//! address with what it asks for): none can be used up by a stranger to refuse someone else.
//! Wrong passwords are slowed and locked per (account, address) in `accounts::sign_in`.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::rate_counter::{self, Column, Entity};
use crate::entities::sign_in_guard;
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

/// The per-address limits are sized for many people behind one address — a commune's help desk,
/// an office, a mobile carrier's NAT (issue 23): hundreds of people a day, dozens in the same
/// minutes. They only bound what one address can cost the portal; the protection of each account
/// and each dossier comes from the counters keyed by account, by (address, account) and by
/// (address, dossier code), which a crowd behind one address never shares.
impl Limit {
    /// Password sign-ins from one address: 300 per 5 minutes. Fifty people signing in at a help
    /// desk fit many times over; what it bounds is the Argon2 work one address can ask for.
    /// Guessing is stopped per (account, address) in `accounts::sign_in`.
    pub const SIGN_IN_IP: Limit = Limit {
        name: "sign_in_ip",
        max: 300,
        window_secs: 300,
    };
    /// New accounts from one address: 200 per hour (a help desk registering the commune's
    /// citizens one after another fits).
    pub const REGISTER_IP: Limit = Limit {
        name: "register_ip",
        max: 200,
        window_secs: 3600,
    };
    /// Password reset e-mails for one account: 5 per hour.
    pub const PASSWORD_RESET: Limit = Limit {
        name: "password_reset",
        max: 5,
        window_secs: 3600,
    };
    /// Password reset requests from one address, whatever the account: 100 per hour.
    pub const PASSWORD_RESET_IP: Limit = Limit {
        name: "password_reset_ip",
        max: 100,
        window_secs: 3600,
    };
    /// Failed public lookups (wrong code or wrong second factor) from one address: 300 per
    /// 10 minutes. The four digits of one dossier's second factor cannot be walked through
    /// anyway ([`Limit::LOOKUP_MISS_IP_CODE`]); this bounds guessing across codes. Each
    /// lookup is counted before it is answered and a right answer gives its hit back
    /// ([`refund`]), so parallel guesses count like sequential ones and kiosks never wait.
    pub const LOOKUP_MISS_IP: Limit = Limit {
        name: "lookup_miss_ip",
        max: 30,
        window_secs: 600,
    };
    /// Failed public lookups of one dossier code from one address: 10 per hour. Keyed by the
    /// address too, so guesses from strangers' addresses never block the applicant's own
    /// lookup of their dossier (a per-code limit from anywhere could be used up on purpose).
    pub const LOOKUP_MISS_IP_CODE: Limit = Limit {
        name: "lookup_miss_ip_code",
        max: 10,
        window_secs: 3600,
    };
    /// SMS codes asked for from one address: 100 per hour (a help desk registering people by
    /// phone fits; each number still gets at most 3 codes per 15 minutes).
    pub const SMS_CODE_IP: Limit = Limit {
        name: "sms_code_ip",
        max: 100,
        window_secs: 3600,
    };
    /// Unlock e-mails for one account: 3 per hour, so that strangers locking themselves out
    /// from many addresses cannot flood the owner's mailbox (the locks still happen).
    pub const SIGN_IN_LOCK_MAIL: Limit = Limit {
        name: "sign_in_lock_mail",
        max: 3,
        window_secs: 3600,
    };
}

fn window(limit: Limit) -> (i64, i64) {
    let now = Utc::now().timestamp();
    (now, now - now.rem_euclid(limit.window_secs))
}

fn refusal(limit: Limit, now: i64, window_start: i64) -> DomainError {
    let retry = window_start + limit.window_secs - now;
    DomainError::RateLimited {
        retry_after_secs: u64::try_from(Ord::max(retry, 1)).unwrap_or(1),
    }
}

/// Fails with `RateLimited` when `subject` has used up this window's allowance, without
/// counting a hit: for limits that count only failures (a successful lookup stays a read).
pub async fn check<C: ConnectionTrait>(db: &C, limit: Limit, subject: &str) -> DomainResult<()> {
    let (now, window_start) = window(limit);
    let hits = Entity::find()
        .filter(Column::Key.eq(format!("{}:{}", limit.name, subject)))
        .filter(Column::WindowStart.eq(window_start))
        .one(db)
        .await?
        .map_or(0, |c| c.hits);
    if hits >= i32::try_from(limit.max).unwrap_or(i32::MAX) {
        return Err(refusal(limit, now, window_start));
    }
    Ok(())
}

/// Counts one hit of `subject` against `limit`; fails with `RateLimited` (and the seconds to
/// wait) once the window's allowance is used up.
pub async fn hit<C: ConnectionTrait>(db: &C, limit: Limit, subject: &str) -> DomainResult<()> {
    let (now, window_start) = window(limit);
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
        return Err(refusal(limit, now, window_start));
    }
    Ok(())
}

/// Gives back one hit counted by [`hit`] in the current window (an attempt that turned out
/// right, such as a successful lookup); never below zero.
pub async fn refund<C: ConnectionTrait>(db: &C, limit: Limit, subject: &str) -> DomainResult<()> {
    let (_, window_start) = window(limit);
    Entity::update_many()
        .col_expr(Column::Hits, Expr::col(Column::Hits).sub(1))
        .filter(Column::Key.eq(format!("{}:{}", limit.name, subject)))
        .filter(Column::WindowStart.eq(window_start))
        .filter(Column::Hits.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes counters of windows that ended more than a day ago, and wrong-password streaks
/// untouched for a day (run by the cleanup job).
pub async fn purge_old<C: ConnectionTrait>(db: &C) -> DomainResult<u64> {
    let cutoff = Utc::now().timestamp() - 86_400;
    let result = rate_counter::Entity::delete_many()
        .filter(rate_counter::Column::WindowStart.lt(cutoff))
        .exec(db)
        .await?;
    let streaks = sign_in_guard::Entity::delete_many()
        .filter(sign_in_guard::Column::LastAttemptAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(result.rows_affected + streaks.rows_affected)
}
