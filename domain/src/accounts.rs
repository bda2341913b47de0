//! Citizen accounts: registration with e-mail verification, password sign-in slowed and locked
//! per (account, address), password recovery by e-mailed link, the profile, and sign-in with
//! the national identity.
//!
//! E-mails are queued in the outbox in the same transaction as the change they announce; their
//! wording comes from the caller's [`Notices`] (the interface's translation files).

mod national_id;
mod profile;
mod recovery;
mod registration;
mod sign_in;
mod verification;
mod verified_id;

pub use national_id::{sign_in_with_national_id, NationalIdentity, LINK_PROOF_MINUTES};
pub use profile::{profile, update_profile, ProfileUpdate};
pub use recovery::{request_password_reset, reset_password, verify_email};
pub use registration::{register, Registration};
pub use sign_in::{sign_in, sign_in_with_rules, unlock_sign_in, Rules, SignedIn};
pub use verification::{
    confirm_phone, request_phone_code, reset_password_with_code, CODE_ATTEMPTS, CODE_MINUTES,
};
pub use verified_id::{masked, verify_citizen_id_at_desk, BY_NATIONAL_ID};

use chrono::{Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entities::{account, one_time_token};
use crate::secrets;
use crate::{DomainError, DomainResult};

/// A message to a person, worded by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice<'a> {
    /// Confirm the e-mail address of a new account.
    VerifyEmail {
        /// Recipient's name.
        name: &'a str,
        /// Link to open.
        link: &'a str,
    },
    /// Choose a new password.
    ResetPassword {
        /// Recipient's name.
        name: &'a str,
        /// Link to open.
        link: &'a str,
    },
    /// A staff account was created; choose a password.
    StaffInvitation {
        /// Recipient's name.
        name: &'a str,
        /// Agency name.
        agency: &'a str,
        /// Link to open.
        link: &'a str,
    },
    /// The password was changed (warns the owner if it was not them).
    PasswordChanged {
        /// Recipient's name.
        name: &'a str,
    },
    /// An untouched draft will be deleted on `date` unless it is saved again.
    DraftExpiring {
        /// Owner's name.
        name: &'a str,
        /// Procedure name.
        procedure: &'a str,
        /// Deletion date (`dd/MM/yyyy`).
        date: &'a str,
        /// Link to the draft.
        link: &'a str,
    },
    /// Staff moved a filed dossier in a way the applicant must know about (accepted with a due
    /// date, supplement requested, refused, result ready, stopped, apology with a new date).
    DossierChanged {
        /// Applicant's name.
        name: &'a str,
        /// Dossier code.
        code: &'a str,
        /// Procedure name.
        procedure: &'a str,
        /// The move (`accept`, `request_supplement`, …).
        transition: &'a str,
        /// The staff's note for the applicant (reason, what is missing).
        note: &'a str,
        /// Due date, `HH:MM dd/MM/yyyy`, or empty.
        due: &'a str,
        /// Link to the dossier's page.
        link: &'a str,
        /// The single-use link that rates the service (`/danh-gia/{token}`), in the notices
        /// that end a dossier (`ratings::links::invites`); empty otherwise.
        rate_link: &'a str,
    },
    /// A dossier's current step ran over its time allowance (to the agency's leaders).
    StepOverrun {
        /// Leader's name.
        name: &'a str,
        /// Dossier code.
        code: &'a str,
        /// Link to the dossier in the back office.
        link: &'a str,
    },
    /// A dossier was filed online.
    DossierSubmitted {
        /// Applicant's name.
        name: &'a str,
        /// Dossier code.
        code: &'a str,
        /// Procedure name.
        procedure: &'a str,
        /// Link to the dossier's page.
        link: &'a str,
    },
}

/// Words notices: returns `(subject, body)`.
pub trait Notices: Send + Sync {
    /// The subject and plain-text body of a notice.
    fn render(&self, notice: &Notice<'_>) -> (String, String);

    /// A fixed wording by its translation key, `{name}` placeholders filled from `args`: the
    /// texts of documents the domain lays out itself (the result's verification page).
    fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = key.to_owned();
        for (name, value) in args {
            text.push_str(&format!(" {name}={value}"));
        }
        text
    }
}

/// What services that send links need: the public base URL and the wording.
#[derive(Clone, Copy)]
pub struct Mailing<'a> {
    /// Public base URL without a trailing slash (`https://dichvucong.tayninh.gov.vn`).
    pub base_url: &'a str,
    /// Wording of notices.
    pub notices: &'a dyn Notices,
}

/// Purposes of single-use links.
pub(crate) const VERIFY_EMAIL: &str = "verify_email";
/// Reset or first choice of a password.
pub(crate) const RESET_PASSWORD: &str = "reset_password";

/// Issues a single-use token for `account_id`, valid for `valid_for`; returns the secret.
pub(crate) async fn issue_token<C: ConnectionTrait>(
    db: &C,
    account_id: &str,
    purpose: &str,
    valid_for: Duration,
) -> DomainResult<String> {
    issue_link(db, account_id, None, purpose, valid_for).await
}

/// Issues a single-use token about one dossier (and its owner `account_id`); returns the
/// secret.
pub(crate) async fn issue_link<C: ConnectionTrait>(
    db: &C,
    account_id: &str,
    dossier_id: Option<&str>,
    purpose: &str,
    valid_for: Duration,
) -> DomainResult<String> {
    let token = secrets::new_token();
    let now = Utc::now();
    one_time_token::Entity::insert(one_time_token::ActiveModel {
        id: Set(secrets::fingerprint(&token)),
        account_id: Set(account_id.to_owned()),
        purpose: Set(purpose.to_owned()),
        created_at: Set(now),
        expires_at: Set(now + valid_for),
        used_at: Set(None),
        dossier_id: Set(dossier_id.map(str::to_owned)),
    })
    .exec(db)
    .await?;
    Ok(token)
}

fn link_invalid() -> crate::error::DomainError {
    crate::error::invalid(
        "token",
        "link_invalid",
        "the link is invalid, used or expired",
    )
}

/// The single-use token `token` for `purpose` while it still works (unused, not expired),
/// without using it: what a page opened from the link shows.
pub(crate) async fn peek_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: &str,
) -> DomainResult<Option<one_time_token::Model>> {
    let now = Utc::now();
    Ok(
        one_time_token::Entity::find_by_id(secrets::fingerprint(token))
            .one(db)
            .await?
            .filter(|row| row.purpose == purpose && row.used_at.is_none() && row.expires_at > now),
    )
}

/// Uses a single-use token: marks it used (only if it still was unused, so two clicks cannot
/// both succeed) and returns it. Expired, used or unknown tokens give a validation error on
/// `token` with code `link_invalid`.
pub(crate) async fn take_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: &str,
) -> DomainResult<one_time_token::Model> {
    let Some(row) = peek_token(db, token, purpose).await? else {
        return Err(link_invalid());
    };
    let result = one_time_token::Entity::update_many()
        .col_expr(
            one_time_token::Column::UsedAt,
            sea_orm::sea_query::Expr::value(Some(Utc::now())),
        )
        .filter(one_time_token::Column::Id.eq(row.id.clone()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(link_invalid());
    }
    Ok(row)
}

/// Uses a single-use token (see [`take_token`]) and returns its account id.
pub(crate) async fn use_token<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: &str,
) -> DomainResult<String> {
    Ok(take_token(db, token, purpose).await?.account_id)
}

/// Finds an account by e-mail address or mobile number as typed at sign-in.
pub async fn find_by_sign_in_name<C: ConnectionTrait>(
    db: &C,
    name: &str,
) -> DomainResult<Option<account::Model>> {
    let name = name.trim();
    if name.contains('@') {
        let email = name.to_lowercase();
        return Ok(account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(db)
            .await?);
    }
    match crate::identity::contact::mobile("identifier", name) {
        Ok(phone) => Ok(account::Entity::find()
            .filter(account::Column::Phone.eq(phone))
            .one(db)
            .await?),
        Err(_) => Ok(None),
    }
}

/// True when an account already uses this (normalised) e-mail address.
pub async fn email_in_use<C: ConnectionTrait>(db: &C, email: &str) -> DomainResult<bool> {
    Ok(account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some())
}

/// Loads an account that must exist.
pub async fn get<C: ConnectionTrait>(db: &C, id: &str) -> DomainResult<account::Model> {
    account::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound("account".into()))
}
