//! Sign-in with the national identity (OpenID Connect): the first sign-in links the account
//! holding the same citizen ID, or creates one; later sign-ins find it by the provider's subject.

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::SignedIn;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::entities::account;
use crate::identity::{citizen_id, contact};
use crate::sessions::{self, Policy};
use crate::{DomainError, DomainResult};

/// Claims of a verified ID token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NationalIdentity {
    /// The provider's stable subject.
    pub subject: String,
    /// Citizen ID.
    pub citizen_id: Option<String>,
    /// Full name.
    pub full_name: Option<String>,
    /// Date of birth.
    pub birthdate: Option<NaiveDate>,
    /// E-mail address (verified by the provider).
    pub email: Option<String>,
    /// Mobile number.
    pub phone: Option<String>,
}

/// Signs in with a verified national identity, linking or creating the account, and starts a
/// session (ending `previous`). Returns whether the account was created or linked just now.
pub async fn sign_in_with_national_id(
    db: &DatabaseConnection,
    identity: &NationalIdentity,
    origin: &Origin,
    policy: Policy,
    previous: Option<&str>,
) -> DomainResult<(SignedIn, &'static str)> {
    let txn = db.begin().await?;
    let citizen = identity
        .citizen_id
        .as_deref()
        .map(citizen_id::normalise)
        .filter(|n| citizen_id::check("citizen_id", n, identity.birthdate).is_ok());
    let by_subject = account::Entity::find()
        .filter(account::Column::NationalIdSubject.eq(identity.subject.clone()))
        .one(&txn)
        .await?;
    let (account, how) = if let Some(found) = by_subject {
        (found, "existing")
    } else if let Some(found) = match &citizen {
        Some(number) => {
            account::Entity::find()
                .filter(account::Column::CitizenId.eq(number.clone()))
                .filter(account::Column::Kind.eq("citizen"))
                .one(&txn)
                .await?
        }
        None => None,
    } {
        if found.national_id_subject.is_some() {
            return Err(DomainError::Conflict(
                "citizen ID linked to another national identity".into(),
            ));
        }
        let linked = account::Entity::update(account::ActiveModel {
            id: Set(found.id.clone()),
            national_id_subject: Set(Some(identity.subject.clone())),
            date_of_birth: Set(found.date_of_birth.or(identity.birthdate)),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        (linked, "linked")
    } else {
        let Some(number) = citizen else {
            return Err(crate::error::invalid(
                "citizen_id",
                "national_id_no_citizen_id",
                "the national identity did not provide a valid citizen ID",
            ));
        };
        let email = match identity
            .email
            .as_deref()
            .map(|e| contact::email("email", e))
        {
            Some(Ok(e)) => {
                let free = account::Entity::find()
                    .filter(account::Column::Email.eq(e.clone()))
                    .one(&txn)
                    .await?
                    .is_none();
                free.then_some(e)
            }
            _ => None,
        };
        let phone = match identity
            .phone
            .as_deref()
            .map(|p| contact::mobile("phone", p))
        {
            Some(Ok(p)) => {
                let free = account::Entity::find()
                    .filter(account::Column::Phone.eq(p.clone()))
                    .one(&txn)
                    .await?
                    .is_none();
                free.then_some(p)
            }
            _ => None,
        };
        let now = Utc::now();
        let name = identity.full_name.clone().unwrap_or_else(|| number.clone());
        let mut row = account::ActiveModel::new_account(
            &uuid::Uuid::new_v4().to_string(),
            "citizen",
            &name,
            now,
        );
        row.email_verified_at = Set(email.as_ref().map(|_| now));
        row.email = Set(email);
        row.phone = Set(phone);
        row.citizen_id = Set(Some(number));
        row.date_of_birth = Set(identity.birthdate);
        row.national_id_subject = Set(Some(identity.subject.clone()));
        let created = account::Entity::insert(row)
            .exec_with_returning(&txn)
            .await?;
        (created, "created")
    };
    if account.disabled {
        return Err(DomainError::Unauthorized);
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
            detail: Some(serde_json::json!({ "method": "national_id", "account": how })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok((SignedIn { account, session }, how))
}
