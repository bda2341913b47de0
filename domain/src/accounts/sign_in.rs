//! Password sign-in, slowed and then locked per (account, address) after wrong passwords.
//!
//! A lock on the whole account would let any stranger who knows a clerk's e-mail address keep
//! the clerk out by typing wrong passwords. So wrong passwords are counted per account *and*
//! client address (`sign_in_guard`): from the third one the next attempt from that address must
//! wait a growing delay (answered `RateLimited` with the seconds to wait, never by holding a
//! server thread), and after [`Rules::lock_after`] that address is locked out of that account
//! for [`Rules::lock_secs`]; the owner is e-mailed once per lock with a single-use unlock link
//! (`/mo-khoa/{token}`). The right password from any other address keeps working. A cap per
//! address across all accounts (`Limit::SIGN_IN_IP`) stops password spraying.
//!
//! Each attempt is counted before the password is checked, by one upsert that both checks and
//! increments (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`): fifty wrong passwords sent in
//! parallel are admitted, counted and locked exactly like fifty sent one after another.

use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::{find_by_sign_in_name, get, issue_token, use_token, Mailing};
use crate::audit::{self, Entry, Origin, Outcome};
use crate::entities::account;
use crate::entities::sign_in_guard::{self as guard, Column as G};
use crate::password;
use crate::rate_limit::{self, Limit};
use crate::secrets;
use crate::sessions::{self, Policy, Started};
use crate::{DomainError, DomainResult};

/// Purpose of the single-use link that lifts a lock.
const UNLOCK_SIGN_IN: &str = "unlock_sign_in";
/// How long the unlock link works.
const UNLOCK_LINK_HOURS: i64 = 24;

/// How wrong passwords are slowed and locked for one (account, address) pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Wrong passwords answered at once; after this many, each next attempt waits.
    pub free_failures: i32,
    /// The first wait, in seconds; each further wrong password doubles it.
    pub first_delay_secs: i64,
    /// Attempts (counted before the password is checked) after which the pair is locked.
    pub lock_after: i32,
    /// How long a lock lasts, and how long a quiet pair takes to forget its failures.
    pub lock_secs: i64,
}

impl Rules {
    /// Three wrong passwords free; then 5, 10, 20, 40, 80, 160 and 320 seconds of wait; the
    /// tenth locks that address out of that account for an hour (about ten minutes of
    /// guessing for ten guesses an hour per address, while a person who mistypes is hardly
    /// slowed).
    pub const STANDARD: Rules = Rules {
        free_failures: 3,
        first_delay_secs: 5,
        lock_after: 10,
        lock_secs: 3600,
    };

    /// The wait after the `failures`-th attempt of a streak, in seconds.
    pub fn delay_after(&self, failures: i32) -> i64 {
        if failures < self.free_failures {
            return 0;
        }
        let doublings = Ord::min(
            u32::try_from(failures - self.free_failures).unwrap_or(0),
            20,
        );
        self.first_delay_secs.saturating_mul(1_i64 << doublings)
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::STANDARD
    }
}

/// A successful sign-in.
#[derive(Clone, Debug)]
pub struct SignedIn {
    /// The account.
    pub account: account::Model,
    /// The new session.
    pub session: Started,
}

/// Checks the password of the account named by `identifier` (e-mail or mobile number) and
/// starts a session, ending `previous`, under [`Rules::STANDARD`]. Wrong name and wrong
/// password answer alike (`Unauthorized`), cost the same time and are slowed alike; too soon
/// after repeated wrong passwords from this address answers `RateLimited`, a locked address
/// `Locked`. An unverified e-mail address answers a validation error only once the password is
/// right.
pub async fn sign_in(
    db: &DatabaseConnection,
    identifier: &str,
    password_typed: &str,
    origin: &Origin,
    policy: Policy,
    previous: Option<&str>,
    mailing: Mailing<'_>,
) -> DomainResult<SignedIn> {
    sign_in_with_rules(
        db,
        Rules::STANDARD,
        identifier,
        password_typed,
        origin,
        policy,
        previous,
        mailing,
    )
    .await
}

/// [`sign_in`] under other [`Rules`] (tests lock after fewer attempts without waiting).
#[expect(
    clippy::too_many_arguments,
    reason = "sign_in's arguments plus the rules; a struct would only rename them"
)]
pub async fn sign_in_with_rules(
    db: &DatabaseConnection,
    rules: Rules,
    identifier: &str,
    password_typed: &str,
    origin: &Origin,
    policy: Policy,
    previous: Option<&str>,
    mailing: Mailing<'_>,
) -> DomainResult<SignedIn> {
    let client = client_of(origin);
    rate_limit::hit(db, Limit::SIGN_IN_IP, &client).await?;
    let account = find_by_sign_in_name(db, identifier).await?;
    let subject = match &account {
        Some(a) => a.id.clone(),
        None => unknown_subject(identifier),
    };
    let attempt = match admit(db, rules, &subject, &client).await? {
        Gate::Admitted(attempt) => attempt,
        Gate::Refused(refusal) => {
            let reason = match &refusal {
                DomainError::Locked { .. } => "locked for this address",
                _ => "too soon after wrong passwords",
            };
            fail_audit(db, origin, account.as_ref(), identifier, reason).await?;
            return Err(refusal);
        }
    };
    let Some(account) = account else {
        let _ = password::verify_off_thread(password_typed, password::dummy_hash()).await;
        fail_audit(db, origin, None, identifier, "unknown account").await?;
        return Err(refused_after(rules, &attempt));
    };
    let good = match (&account.password_hash, account.disabled) {
        (Some(stored), false) => password::verify_off_thread(password_typed, stored).await,
        _ => false,
    };
    if !good {
        let locks = attempt.failures == rules.lock_after;
        let reason = if locks {
            "wrong password; address locked"
        } else {
            "wrong password"
        };
        fail_audit(db, origin, Some(&account), identifier, reason).await?;
        if locks {
            lock_and_tell(db, rules, &account, &client, &attempt, origin, mailing).await?;
        }
        return Err(refused_after(rules, &attempt));
    }
    // The right password ends this address's streak (only this one: a stranger's streak from
    // elsewhere stays).
    guard::Entity::delete_many()
        .filter(G::Subject.eq(account.id.as_str()))
        .filter(G::Client.eq(client.as_str()))
        .exec(db)
        .await?;
    if account.email.is_some() && account.email_verified_at.is_none() {
        return Err(crate::error::invalid(
            "identifier",
            "email_unverified",
            "open the verification link e-mailed to you first",
        ));
    }
    // A mobile-only registration is confirmed by the SMS code first (issue #22).
    if account.email.is_none()
        && account.national_id_subject.is_none()
        && account.phone.is_some()
        && account.phone_verified_at.is_none()
    {
        return Err(crate::error::invalid(
            "identifier",
            "phone_unverified",
            "confirm the mobile number with the code sent by SMS first",
        ));
    }
    let txn = db.begin().await?;
    let session = sessions::start(&txn, &account.id, policy, origin, previous).await?;
    audit::record(
        &txn,
        origin,
        Entry::own_account(
            &account,
            "sign_in",
            Some(serde_json::json!({ "method": "password" })),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(SignedIn { account, session })
}

/// Lifts the lock that the e-mailed link `token` was sent for (that account, that address
/// only) and uses the link up. Used, expired or unknown links answer a validation error on
/// `token` (`link_invalid`).
pub async fn unlock_sign_in(
    db: &DatabaseConnection,
    token: &str,
    origin: &Origin,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let account_id = use_token(&txn, token, UNLOCK_SIGN_IN).await?;
    let account = get(&txn, &account_id).await?;
    let lifted = guard::Entity::delete_many()
        .filter(G::Subject.eq(account_id.as_str()))
        .filter(G::UnlockToken.eq(secrets::fingerprint(token)))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        origin,
        Entry::own_account(
            &account,
            "sign_in_unlock",
            Some(serde_json::json!({ "lifted": lifted.rows_affected })),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Forgets every wrong-password streak of an account (its password was just reset: earlier
/// guesses no longer tell anything).
pub(crate) async fn forget_failures<C: ConnectionTrait>(
    db: &C,
    account_id: &str,
) -> DomainResult<()> {
    guard::Entity::delete_many()
        .filter(G::Subject.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}

/// An attempt let through to the password check.
#[derive(Clone, Debug)]
struct Attempt {
    /// Attempts of the streak so far, this one included.
    failures: i32,
    /// When it began, Unix seconds.
    at: i64,
    /// Its mark in `sign_in_guard.attempt`.
    mark: String,
}

enum Gate {
    Admitted(Attempt),
    Refused(DomainError),
}

fn client_of(origin: &Origin) -> String {
    origin
        .ip
        .as_deref()
        .unwrap_or("-")
        .chars()
        .take(64)
        .collect()
}

/// The streak key of a name that is no account: slowed like a real one, so that the answers
/// do not tell which names exist.
fn unknown_subject(identifier: &str) -> String {
    std::iter::once('?')
        .chain(identifier.trim().to_lowercase().chars().take(150))
        .collect()
}

fn utc(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or_else(Utc::now)
}

/// What a wrong password answers: `Locked` when it was the last attempt allowed, otherwise
/// `Unauthorized` (the wait, if any, is told on the next attempt).
fn refused_after(rules: Rules, attempt: &Attempt) -> DomainError {
    if attempt.failures >= rules.lock_after {
        DomainError::Locked {
            until: utc(attempt.at + rules.lock_secs),
        }
    } else {
        DomainError::Unauthorized
    }
}

/// Counts an attempt of `subject` from `client` if the pair may try now, in one statement:
/// the row is created, restarted (quiet for `lock_secs`), advanced (not locked, wait over) or
/// left as it is, and the returned mark says whether this request moved it.
async fn admit<C: ConnectionTrait>(
    db: &C,
    rules: Rules,
    subject: &str,
    client: &str,
) -> DomainResult<Gate> {
    let now = Utc::now().timestamp();
    let mark = secrets::new_token();
    let old = |c: G| Expr::col((guard::Entity, c));
    // The wait owed after the row's current count: CASE failures WHEN 3 THEN 5 … ELSE 0.
    let mut owed: Expr = Expr::val(0_i64);
    for f in (rules.free_failures..rules.lock_after).rev() {
        owed = Expr::case(old(G::Failures).eq(f), rules.delay_after(f))
            .finally(owed)
            .into();
    }
    let fresh = old(G::LastAttemptAt).lte(now - rules.lock_secs);
    let open = old(G::Failures)
        .lt(rules.lock_after)
        .and(old(G::LastAttemptAt).add(owed).lte(now));
    let admitted = fresh.clone().or(open.clone());
    let mut insert = Query::insert();
    insert
        .into_table(guard::Entity)
        .columns([
            G::Subject,
            G::Client,
            G::Failures,
            G::LastAttemptAt,
            G::Attempt,
        ])
        .values_panic([
            subject.into(),
            client.into(),
            1_i32.into(),
            now.into(),
            mark.as_str().into(),
        ])
        .on_conflict(
            OnConflict::columns([G::Subject, G::Client])
                .value(
                    G::Failures,
                    Expr::case(fresh.clone(), 1_i32)
                        .case(open, old(G::Failures).add(1_i32))
                        .finally(old(G::Failures)),
                )
                .value(
                    G::LastAttemptAt,
                    Expr::case(admitted.clone(), now).finally(old(G::LastAttemptAt)),
                )
                .value(
                    G::Attempt,
                    Expr::case(admitted, mark.as_str()).finally(old(G::Attempt)),
                )
                .value(
                    G::UnlockToken,
                    Expr::case(fresh, Expr::val(Option::<String>::None))
                        .finally(old(G::UnlockToken)),
                )
                .to_owned(),
        )
        .returning(Query::returning().columns([G::Failures, G::LastAttemptAt, G::Attempt]));
    let Some(row) = db.query_one(&insert).await? else {
        return Err(DomainError::Internal(
            "sign-in guard returned no row".into(),
        ));
    };
    let failures: i32 = row.try_get("", "failures")?;
    let at: i64 = row.try_get("", "last_attempt_at")?;
    let marked: String = row.try_get("", "attempt")?;
    if marked == mark {
        return Ok(Gate::Admitted(Attempt { failures, at, mark }));
    }
    if failures >= rules.lock_after {
        return Ok(Gate::Refused(DomainError::Locked {
            until: utc(at + rules.lock_secs),
        }));
    }
    let wait = at + rules.delay_after(failures) - now;
    Ok(Gate::Refused(DomainError::RateLimited {
        retry_after_secs: u64::try_from(Ord::max(wait, 1)).unwrap_or(1),
    }))
}

/// Records the lock and e-mails the owner a single-use link that lifts it (at most
/// [`Limit::SIGN_IN_LOCK_MAIL`] a time, so that locks from many addresses do not flood the
/// mailbox).
async fn lock_and_tell(
    db: &DatabaseConnection,
    rules: Rules,
    account: &account::Model,
    client: &str,
    attempt: &Attempt,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    let until = utc(attempt.at + rules.lock_secs);
    let txn = crate::db::begin_write(db).await?;
    let mut mailed = false;
    if let (Some(email), false) = (&account.email, account.disabled) {
        match rate_limit::hit(&txn, Limit::SIGN_IN_LOCK_MAIL, &account.id).await {
            Ok(()) => {
                let token = issue_token(
                    &txn,
                    &account.id,
                    UNLOCK_SIGN_IN,
                    Duration::hours(UNLOCK_LINK_HOURS),
                )
                .await?;
                guard::Entity::update_many()
                    .col_expr(G::UnlockToken, Expr::value(secrets::fingerprint(&token)))
                    .filter(G::Subject.eq(account.id.as_str()))
                    .filter(G::Client.eq(client))
                    .filter(G::Attempt.eq(attempt.mark.as_str()))
                    .exec(&txn)
                    .await?;
                let link = format!("{}/mo-khoa/{token}", mailing.base_url);
                // Vietnam time (UTC+7, no daylight saving).
                let local = until
                    .with_timezone(&crate::dossiers::codes::vietnam())
                    .format("%H:%M %d/%m/%Y")
                    .to_string();
                let subject = mailing.notices.text("mail_unlock_subject", &[]);
                let body = mailing.notices.text(
                    "mail_unlock_body",
                    &[
                        ("name", account.full_name.as_str()),
                        ("address", client),
                        ("until", local.as_str()),
                        ("link", link.as_str()),
                    ],
                );
                crate::outbox::queue_email(&txn, email, &subject, &body).await?;
                mailed = true;
            }
            Err(DomainError::RateLimited { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    Entry::party("anonymous", "sign_in_lock")
        .on("account", account.id.clone())
        .agency(account.agency_code.clone())
        .detail(serde_json::json!({
            "client": client,
            "failures": attempt.failures,
            "until": until.to_rfc3339(),
            "mailed": mailed,
        }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_after_the_free_failures() {
        let r = Rules::STANDARD;
        let waits: Vec<i64> = (1..=10).map(|f| r.delay_after(f)).collect();
        assert_eq!(waits, [0, 0, 5, 10, 20, 40, 80, 160, 320, 640]);
    }

    #[test]
    fn unknown_names_have_their_own_streak_key() {
        assert_eq!(unknown_subject(" NoBody@X.vn "), "?nobody@x.vn");
        assert_eq!(unknown_subject(&"a".repeat(500)).chars().count(), 151);
    }
}
