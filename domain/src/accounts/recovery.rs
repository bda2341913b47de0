//! E-mail verification and password recovery through single-use links.

use chrono::{Duration, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, TransactionTrait};

use super::{
    find_by_sign_in_name, get, issue_token, use_token, Mailing, Notice, RESET_PASSWORD,
    VERIFY_EMAIL,
};
use crate::audit::{self, Entry, Origin};
use crate::entities::account;
use crate::password;
use crate::rate_limit::{self, Limit};
use crate::{sessions, DomainResult};

/// Confirms an e-mail address with the token from its link; returns the account id.
pub async fn verify_email(
    db: &DatabaseConnection,
    token: &str,
    origin: &Origin,
) -> DomainResult<String> {
    let txn = db.begin().await?;
    let account_id = use_token(&txn, token, VERIFY_EMAIL).await?;
    let account = get(&txn, &account_id).await?;
    account::Entity::update(account::ActiveModel {
        id: Set(account_id.clone()),
        email_verified_at: Set(Some(Utc::now())),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        origin,
        Entry::own_account(&account, "verify_email", None),
    )
    .await?;
    txn.commit().await?;
    Ok(account_id)
}

/// Sends a reset link when `identifier` names an account with an e-mail address, or else a
/// 6-digit code by SMS to its *verified* mobile number, usable only in `browser` (its CSRF
/// token). Answers the same whether or not it does, so the form cannot be used to find out who
/// has an account.
pub async fn request_password_reset(
    db: &DatabaseConnection,
    identifier: &str,
    browser: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    rate_limit::hit(
        db,
        Limit::PASSWORD_RESET_IP,
        origin.ip.as_deref().unwrap_or("-"),
    )
    .await?;
    let normalised = identifier.trim().to_lowercase();
    rate_limit::hit(db, Limit::PASSWORD_RESET, &normalised).await?;
    let account = find_by_sign_in_name(db, identifier)
        .await?
        .filter(|a| !a.disabled);
    if let Some(account) = account.as_ref().filter(|a| a.email.is_none()) {
        // A phone-only account: a code to its verified number (never an unverified one).
        return super::verification::send_reset_code(db, account, browser, origin, mailing).await;
    }
    let txn = db.begin().await?;
    if let Some(account) = account {
        if let Some(email) = account.email.clone() {
            let token = issue_token(&txn, &account.id, RESET_PASSWORD, Duration::hours(1)).await?;
            let link = format!("{}/dat-lai-mat-khau?token={token}", mailing.base_url);
            let (subject, body) = mailing.notices.render(&Notice::ResetPassword {
                name: &account.full_name,
                link: &link,
            });
            crate::outbox::queue_email(&txn, &email, &subject, &body).await?;
            Entry::party("anonymous", "password_reset_requested")
                .on("account", account.id.clone())
                .agency(account.agency_code.clone())
                .record(&txn, origin)
                .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// Sets a new password with the token from a reset (or staff invitation) link. Ends every
/// session of the account, lifts a lock-out, confirms the e-mail address (the link proved it)
/// and tells the owner by e-mail.
pub async fn reset_password(
    db: &DatabaseConnection,
    token: &str,
    new_password: &str,
    confirmation: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<String> {
    let txn = db.begin().await?;
    let account_id = use_token(&txn, token, RESET_PASSWORD).await?;
    let account = get(&txn, &account_id).await?;
    let name = account
        .email
        .clone()
        .or(account.phone.clone())
        .unwrap_or_default();
    password::check_strength("password", new_password, &name)
        .map_err(|e| crate::DomainError::Validation(vec![e]))?;
    if new_password != confirmation {
        return Err(crate::error::invalid(
            "password_confirmation",
            "password_mismatch",
            "the two passwords differ",
        ));
    }
    let now = Utc::now();
    account::Entity::update(account::ActiveModel {
        id: Set(account_id.clone()),
        password_hash: Set(Some(password::hash_off_thread(new_password).await?)),
        email_verified_at: Set(account.email_verified_at.or(Some(now))),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    sessions::end_all(&txn, &account_id).await?;
    super::sign_in::forget_failures(&txn, &account_id).await?;
    if let Some(email) = &account.email {
        let (subject, body) = mailing.notices.render(&Notice::PasswordChanged {
            name: &account.full_name,
        });
        crate::outbox::queue_email(&txn, email, &subject, &body).await?;
    }
    audit::record(
        &txn,
        origin,
        Entry::own_account(&account, "password_reset", None),
    )
    .await?;
    txn.commit().await?;
    Ok(account_id)
}
