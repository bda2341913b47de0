//! The personal profile: name, citizen ID, date of birth, phone and address on the 2025 map.

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::get;
use crate::access::{authorize, Action, Actor, Resource};
use crate::audit::{self, Entry, Origin, Outcome};
use crate::entities::{account, commune, province};
use crate::error::FieldError;
use crate::identity::{citizen_id, contact};
use crate::{DomainError, DomainResult};

/// What the profile form sends (text as typed; empty means "not given").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileUpdate {
    /// Full name.
    pub full_name: String,
    /// Citizen ID (CCCD).
    pub citizen_id: String,
    /// Date of birth, `YYYY-MM-DD` (what `<input type=date>` sends) or `DD/MM/YYYY`.
    pub date_of_birth: String,
    /// Mobile number.
    pub phone: String,
    /// Province code (2025 map).
    pub province_code: String,
    /// Commune code (2025 map), within the province.
    pub commune_code: String,
    /// House number, street, hamlet.
    pub street: String,
    /// Status changes of the account's dossiers by e-mail.
    pub notify_email: bool,
    /// … and by SMS to the mobile number.
    pub notify_sms: bool,
}

/// The actor's view of an account's profile (only one's own).
pub async fn profile<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    account_id: &str,
) -> DomainResult<account::Model> {
    authorize(actor, Action::Read, &Resource::Account(account_id))?;
    get(db, account_id).await
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text.trim(), "%d/%m/%Y"))
        .ok()
}

/// Saves the profile after checking every field; all problems are reported together, each on
/// its field, and nothing is saved unless everything is right.
pub async fn update_profile(
    db: &DatabaseConnection,
    actor: &Actor,
    account_id: &str,
    form: &ProfileUpdate,
    origin: &Origin,
) -> DomainResult<account::Model> {
    authorize(actor, Action::Manage, &Resource::Account(account_id))?;
    let txn = db.begin().await?;
    let current = get(&txn, account_id).await?;
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
            "enter the full name",
        ));
    }
    let today = Utc::now().date_naive();
    let date_of_birth = match form.date_of_birth.trim() {
        "" => None,
        text => match parse_date(text) {
            Some(d) if d <= today && d >= NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d) => {
                Some(d)
            }
            Some(_) => {
                errors.push(FieldError::rule(
                    "date_of_birth",
                    "date_of_birth_range",
                    "the date of birth must be in the past",
                ));
                None
            }
            None => {
                errors.push(FieldError::rule(
                    "date_of_birth",
                    "date_format",
                    "use the form dd/mm/yyyy",
                ));
                None
            }
        },
    };
    let citizen_id = match citizen_id::normalise(&form.citizen_id).as_str() {
        "" => None,
        number => match citizen_id::check("citizen_id", number, date_of_birth) {
            Ok(_) => Some(number.to_owned()),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    // A verified number (the provider's claims, or a clerk's check of the card) is not the
    // typist's to change; a typed one is only declared (issue #22).
    if current.verified_citizen_id().is_some() && citizen_id != current.citizen_id {
        errors.push(FieldError::rule(
            "citizen_id",
            "citizen_id_locked",
            "the citizen ID comes from the national identity and cannot be changed here",
        ));
    }
    if let Some(number) = &citizen_id {
        let taken = account::Entity::find()
            .filter(account::Column::CitizenId.eq(number.clone()))
            .filter(account::Column::Id.ne(account_id))
            .one(&txn)
            .await?
            .is_some();
        if taken {
            errors.push(FieldError::rule(
                "citizen_id",
                "citizen_id_taken",
                "another account holds this citizen ID",
            ));
        }
    }
    let phone = match form.phone.trim() {
        "" => None,
        text => match contact::mobile("phone", text) {
            Ok(p) => {
                let taken = account::Entity::find()
                    .filter(account::Column::Phone.eq(p.clone()))
                    .filter(account::Column::Id.ne(account_id))
                    .one(&txn)
                    .await?
                    .is_some();
                if taken {
                    errors.push(FieldError::rule(
                        "phone",
                        "phone_taken",
                        "another account uses this mobile number",
                    ));
                }
                Some(p)
            }
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    if phone.is_none() && current.email.is_none() && current.national_id_subject.is_none() {
        errors.push(FieldError::rule(
            "phone",
            "contact_required",
            "keep a mobile number: it is how you sign in",
        ));
    }
    let province_code = Some(form.province_code.trim().to_owned()).filter(|s| !s.is_empty());
    let commune_code = Some(form.commune_code.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(code) = &province_code {
        if province::Entity::find_by_id(code.clone())
            .one(&txn)
            .await?
            .is_none()
        {
            errors.push(FieldError::rule(
                "province_code",
                "province_unknown",
                "choose a province from the list",
            ));
        }
    }
    match (&province_code, &commune_code) {
        (Some(p), Some(c)) => {
            let found = commune::Entity::find_by_id(c.clone()).one(&txn).await?;
            if found.is_none_or(|found| &found.province_code != p) {
                errors.push(FieldError::rule(
                    "commune_code",
                    "commune_unknown",
                    "choose a commune of the selected province",
                ));
            }
        }
        (None, Some(_)) => errors.push(FieldError::rule(
            "province_code",
            "province_required",
            "choose the province first",
        )),
        _ => {}
    }
    let street = Some(form.street.trim().to_owned()).filter(|s| !s.is_empty());
    if street.as_ref().is_some_and(|s| s.chars().count() > 200) {
        errors.push(FieldError::rule(
            "street",
            "street_long",
            "at most 200 characters",
        ));
    }
    if form.notify_sms && phone.is_none() {
        errors.push(FieldError::rule(
            "phone",
            "phone_for_sms",
            "enter a mobile number to receive text messages",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    // A changed number is declared, not verified; a changed phone must be proven again by code.
    let same_citizen_id = citizen_id == current.citizen_id;
    let same_phone = phone == current.phone;
    let updated = account::Entity::update(account::ActiveModel {
        id: Set(account_id.to_owned()),
        full_name: Set(full_name),
        citizen_id: Set(citizen_id),
        citizen_id_verified_at: Set(current.citizen_id_verified_at.filter(|_| same_citizen_id)),
        citizen_id_verified_by: Set(current
            .citizen_id_verified_by
            .clone()
            .filter(|_| same_citizen_id)),
        phone_verified_at: Set(current.phone_verified_at.filter(|_| same_phone)),
        date_of_birth: Set(date_of_birth),
        phone: Set(phone),
        province_code: Set(province_code),
        commune_code: Set(commune_code),
        street: Set(street),
        notify_email: Set(form.notify_email),
        notify_sms: Set(form.notify_sms),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        origin,
        Entry {
            actor_id: actor.audit_id(),
            actor_label: updated.full_name.clone(),
            action: "profile_update",
            target_type: Some("account"),
            target_id: Some(account_id.to_owned()),
            agency_code: updated.agency_code.clone(),
            outcome: Outcome::Success,
            detail: Some(serde_json::json!({
                "citizen_id_declared": !same_citizen_id && updated.citizen_id.is_some(),
                "phone_changed": !same_phone,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}
