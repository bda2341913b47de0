//! Registration of a citizen account with e-mail or phone and a password.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::{issue_token, Mailing, Notice, VERIFY_EMAIL};
use crate::audit::{self, Entry, Origin, Outcome};
use crate::entities::account;
use crate::error::FieldError;
use crate::identity::contact;
use crate::password;
use crate::rate_limit::{self, Limit};
use crate::{DomainError, DomainResult};

/// What the registration form sends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registration {
    /// Full name.
    pub full_name: String,
    /// E-mail address (this or `phone` is required; with an e-mail the account must be
    /// verified by link before the first sign-in).
    pub email: String,
    /// Mobile number.
    pub phone: String,
    /// Chosen password.
    pub password: String,
    /// The password typed again.
    pub password_confirmation: String,
    /// Terms of use accepted.
    pub accept_terms: bool,
}

/// Registers a citizen account; returns its id. Every broken rule is reported at once, each
/// with its field. A verification link is e-mailed when an address was given; a mobile-only
/// registration gets a 6-digit code by SMS instead, usable only in `browser` (its CSRF token),
/// and cannot sign in before the code came back (issue #22).
pub async fn register(
    db: &DatabaseConnection,
    form: &Registration,
    browser: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<String> {
    rate_limit::hit(db, Limit::REGISTER_IP, origin.ip.as_deref().unwrap_or("-")).await?;
    let mut errors = Vec::new();
    let full_name = form
        .full_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if full_name.chars().count() < 2 || full_name.chars().count() > 100 {
        errors.push(FieldError::rule(
            "full_name",
            "name_required",
            "enter the full name as on the citizen ID card",
        ));
    }
    let email = match form.email.trim() {
        "" => None,
        value => match contact::email("email", value) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    let phone = match form.phone.trim() {
        "" => None,
        value => match contact::mobile("phone", value) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    if form.email.trim().is_empty() && form.phone.trim().is_empty() {
        errors.push(FieldError::rule(
            "email",
            "contact_required",
            "enter an e-mail address or a mobile number",
        ));
    }
    let sign_in_name = email.clone().or_else(|| phone.clone()).unwrap_or_default();
    if let Err(e) = password::check_strength("password", &form.password, &sign_in_name) {
        errors.push(e);
    } else if form.password != form.password_confirmation {
        errors.push(FieldError::rule(
            "password_confirmation",
            "password_mismatch",
            "the two passwords differ",
        ));
    }
    if !form.accept_terms {
        errors.push(FieldError::rule(
            "accept_terms",
            "terms_required",
            "accept the terms of use to continue",
        ));
    }
    // Hashed before the transaction: ~20 ms of CPU must not hold the database's write lock.
    let password_hash = if errors.is_empty() {
        Some(password::hash_off_thread(&form.password).await?)
    } else {
        None
    };
    let txn = db.begin().await?;
    if let Some(email) = &email {
        if super::email_in_use(&txn, email).await? {
            errors.push(FieldError::rule(
                "email",
                "email_taken",
                "an account already uses this e-mail address; sign in or reset the password",
            ));
        }
    }
    if let Some(phone) = &phone {
        if account::Entity::find()
            .filter(account::Column::Phone.eq(phone.clone()))
            .one(&txn)
            .await?
            .is_some()
        {
            errors.push(FieldError::rule(
                "phone",
                "phone_taken",
                "an account already uses this mobile number; sign in or reset the password",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let mut row = account::ActiveModel::new_account(&id, "citizen", &full_name, Utc::now());
    row.email = Set(email.clone());
    let phone_for_code = phone.clone();
    row.phone = Set(phone);
    row.password_hash = Set(password_hash);
    account::Entity::insert(row)
        .exec(&txn)
        .await
        .map_err(|e| match e.sql_err() {
            // Two registrations racing for the same address: the second loses cleanly.
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => crate::error::invalid(
                "email",
                "email_taken",
                "an account already uses this e-mail address or mobile number",
            ),
            _ => DomainError::Database(e),
        })?;
    if let Some(email) = &email {
        let token = issue_token(&txn, &id, VERIFY_EMAIL, Duration::hours(48)).await?;
        let link = format!("{}/xac-thuc-email?token={token}", mailing.base_url);
        let (subject, body) = mailing.notices.render(&Notice::VerifyEmail {
            name: &full_name,
            link: &link,
        });
        crate::outbox::queue_email(&txn, email, &subject, &body).await?;
    }
    audit::record(
        &txn,
        origin,
        Entry {
            actor_id: Some(id.clone()),
            actor_label: full_name,
            action: "register",
            target_type: Some("account"),
            target_id: Some(id.clone()),
            agency_code: None,
            outcome: Outcome::Success,
            detail: None,
        },
    )
    .await?;
    txn.commit().await?;
    if let (None, Some(phone)) = (&email, &phone_for_code) {
        // Over the sending limit the account still exists; the person asks again later.
        match super::verification::request_phone_code(db, phone, browser, origin, mailing).await {
            Ok(()) | Err(DomainError::RateLimited { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(id)
}
