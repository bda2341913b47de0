//! Password sign-in with lock-out after repeated failures.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait,
};

use super::find_by_sign_in_name;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::entities::account;
use crate::password;
use crate::rate_limit::{self, Limit};
use crate::sessions::{self, Policy, Started};
use crate::{DomainError, DomainResult};

/// Wrong passwords in a row before password sign-in is locked.
pub const FAILURES_BEFORE_LOCK: i32 = 5;
/// How long the lock lasts.
pub const LOCK_MINUTES: i64 = 15;

/// A successful sign-in.
#[derive(Clone, Debug)]
pub struct SignedIn {
    /// The account.
    pub account: account::Model,
    /// The new session.
    pub session: Started,
}

/// Checks the password of the account named by `identifier` (e-mail or mobile number) and
/// starts a session, ending `previous`. Wrong name and wrong password answer alike
/// (`Unauthorized`), and cost the same time. After [`FAILURES_BEFORE_LOCK`] wrong passwords the
/// account answers `Locked` for [`LOCK_MINUTES`]. An unverified e-mail address answers a
/// validation error only once the password is right.
pub async fn sign_in(
    db: &DatabaseConnection,
    identifier: &str,
    password_typed: &str,
    origin: &Origin,
    policy: Policy,
    previous: Option<&str>,
) -> DomainResult<SignedIn> {
    rate_limit::hit(db, Limit::SIGN_IN_IP, origin.ip.as_deref().unwrap_or("-")).await?;
    let account = find_by_sign_in_name(db, identifier).await?;
    let now = Utc::now();
    let Some(account) = account else {
        let _ = password::verify_off_thread(password_typed, password::dummy_hash()).await;
        fail_audit(db, origin, None, identifier, "unknown account").await?;
        return Err(DomainError::Unauthorized);
    };
    if let Some(until) = account.locked_until.filter(|t| *t > now) {
        fail_audit(db, origin, Some(&account), identifier, "locked").await?;
        return Err(DomainError::Locked { until });
    }
    let good = match (&account.password_hash, account.disabled) {
        (Some(stored), false) => password::verify_off_thread(password_typed, stored).await,
        _ => false,
    };
    if !good {
        let failures = account.failed_sign_ins + 1;
        let lock = failures >= FAILURES_BEFORE_LOCK;
        let until = now + Duration::minutes(LOCK_MINUTES);
        account::Entity::update(account::ActiveModel {
            id: Set(account.id.clone()),
            failed_sign_ins: Set(if lock { 0 } else { failures }),
            locked_until: Set(if lock {
                Some(until)
            } else {
                account.locked_until
            }),
            ..Default::default()
        })
        .exec(db)
        .await?;
        fail_audit(
            db,
            origin,
            Some(&account),
            identifier,
            if lock {
                "wrong password; locked"
            } else {
                "wrong password"
            },
        )
        .await?;
        if lock {
            return Err(DomainError::Locked { until });
        }
        return Err(DomainError::Unauthorized);
    }
    if account.email.is_some() && account.email_verified_at.is_none() {
        return Err(crate::error::invalid(
            "identifier",
            "email_unverified",
            "open the verification link e-mailed to you first",
        ));
    }
    let txn = db.begin().await?;
    if account.failed_sign_ins != 0 || account.locked_until.is_some() {
        account::Entity::update(account::ActiveModel {
            id: Set(account.id.clone()),
            failed_sign_ins: Set(0),
            locked_until: Set(None),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
    }
    let session = sessions::start(&txn, &account.id, policy, origin, previous).await?;
    audit::record(
        &txn,
        origin,
        Entry {
            actor_id: Some(account.id.clone()),
            actor_label: account.full_name.clone(),
            action: "sign_in",
            target_type: Some("account"),
            target_id: Some(account.id.clone()),
            agency_code: account.agency_code.clone(),
            outcome: Outcome::Success,
            detail: Some(serde_json::json!({ "method": "password" })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(SignedIn { account, session })
}

async fn fail_audit<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    account: Option<&account::Model>,
    identifier: &str,
    reason: &str,
) -> DomainResult<()> {
    audit::record(
        db,
        origin,
        Entry {
            actor_id: account.map(|a| a.id.clone()),
            actor_label: account
                .map(|a| a.full_name.clone())
                .unwrap_or_else(|| "anonymous".into()),
            action: "sign_in",
            target_type: Some("account"),
            target_id: account.map(|a| a.id.clone()),
            agency_code: account.and_then(|a| a.agency_code.clone()),
            outcome: Outcome::Failure,
            // The name typed is kept (truncated) to spot password spraying; never the password.
            detail: Some(serde_json::json!({
                "reason": reason,
                "identifier": identifier.chars().take(64).collect::<String>(),
            })),
        },
    )
    .await
}
