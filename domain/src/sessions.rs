//! Server-side sessions: the cookie carries a random token, the database the session (by the
//! token's SHA-256), so any instance can serve any request and signing out really ends it.
//!
//! A session ends after `idle` without requests or `absolute` after sign-in, whichever comes
//! first. Each sign-in starts a new session and ends the one the browser had (rotation), so a
//! session id planted before sign-in is worthless after it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::access::{Actor, Membership, Role};
use crate::audit::Origin;
use crate::entities::{account, organisation_member, session};
use crate::secrets;
use crate::DomainResult;

/// Timeouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Ends a session this long after its last request.
    pub idle: Duration,
    /// Ends a session this long after sign-in, however active.
    pub absolute: Duration,
}

impl Default for Policy {
    /// 30 minutes idle, 12 hours absolute: a clerk's working day, and a citizen who walks away
    /// from a shared computer is signed out soon.
    fn default() -> Self {
        Self {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

/// A session just started: the cookie value and the CSRF token to hand to the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started {
    /// Cookie value (never stored).
    pub token: String,
    /// CSRF token for forms and scripts.
    pub csrf_token: String,
    /// Absolute expiry (for the cookie's `Max-Age`).
    pub expires_at: DateTime<Utc>,
}

/// A live session with its account.
#[derive(Clone, Debug)]
pub struct Current {
    /// Stored id (SHA-256 of the token).
    pub id: String,
    /// The signed-in account.
    pub account: account::Model,
    /// Who the account acts as.
    pub actor: Actor,
    /// CSRF token the session's forms must echo.
    pub csrf_token: String,
    /// When the account signed in (the session's start): how fresh the proof of control is.
    pub started_at: DateTime<Utc>,
}

/// Starts a session for `account_id`, ending `previous` (the token the browser sent, if any).
pub async fn start<C: ConnectionTrait>(
    db: &C,
    account_id: &str,
    policy: Policy,
    origin: &Origin,
    previous: Option<&str>,
) -> DomainResult<Started> {
    if let Some(old) = previous {
        end(db, old).await?;
    }
    let token = secrets::new_token();
    let csrf_token = secrets::new_token();
    let now = Utc::now();
    let expires_at = now + policy.absolute;
    session::Entity::insert(session::ActiveModel {
        id: Set(secrets::fingerprint(&token)),
        account_id: Set(account_id.to_owned()),
        csrf_token: Set(csrf_token.clone()),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        ip: Set(origin.ip.clone()),
        user_agent: Set(origin
            .user_agent
            .as_ref()
            .map(|s| s.chars().take(255).collect())),
    })
    .exec(db)
    .await?;
    Ok(Started {
        token,
        csrf_token,
        expires_at,
    })
}

/// The live session behind a cookie token, or `None` when it is unknown, expired or idle too
/// long (expired rows are deleted on sight). Refreshes `last_seen_at` at most once a minute.
pub async fn resume<C: ConnectionTrait>(
    db: &C,
    token: &str,
    policy: Policy,
) -> DomainResult<Option<Current>> {
    let id = secrets::fingerprint(token);
    let Some(row) = session::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if row.expires_at <= now || row.last_seen_at + policy.idle <= now {
        session::Entity::delete_by_id(id).exec(db).await?;
        return Ok(None);
    }
    let Some(account) = account::Entity::find_by_id(row.account_id.clone())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if account.disabled {
        session::Entity::delete_by_id(id).exec(db).await?;
        return Ok(None);
    }
    if now - row.last_seen_at > Duration::minutes(1) {
        session::Entity::update_many()
            .col_expr(
                session::Column::LastSeenAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(session::Column::Id.eq(id.clone()))
            .exec(db)
            .await?;
    }
    let actor = actor_for(db, &account).await?;
    Ok(Some(Current {
        id,
        account,
        actor,
        csrf_token: row.csrf_token,
        started_at: row.created_at,
    }))
}

/// Ends the session behind a token (sign-out).
pub async fn end<C: ConnectionTrait>(db: &C, token: &str) -> DomainResult<()> {
    session::Entity::delete_by_id(secrets::fingerprint(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account (after a password reset or when it is disabled).
pub async fn end_all<C: ConnectionTrait>(db: &C, account_id: &str) -> DomainResult<u64> {
    let result = session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Deletes expired sessions (cleanup job).
pub async fn purge_expired<C: ConnectionTrait>(db: &C, policy: Policy) -> DomainResult<u64> {
    let now = Utc::now();
    let result = session::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(session::Column::ExpiresAt.lte(now))
                .add(session::Column::LastSeenAt.lte(now - policy.idle)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Who an account acts as: staff with their agency and roles, or a citizen with memberships.
pub async fn actor_for<C: ConnectionTrait>(
    db: &C,
    account: &account::Model,
) -> DomainResult<Actor> {
    if account.kind == "staff" {
        return Ok(Actor::Staff {
            account_id: account.id.clone(),
            agency_code: account.agency_code.clone().unwrap_or_default(),
            roles: Role::parse_list(&account.roles),
        });
    }
    let memberships = organisation_member::Entity::find()
        .filter(organisation_member::Column::AccountId.eq(account.id.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| Membership {
            organisation_id: m.organisation_id,
            representative: m.role == "representative",
        })
        .collect();
    Ok(Actor::Citizen {
        account_id: account.id.clone(),
        memberships,
    })
}
