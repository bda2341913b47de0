//! Sign-in with the national identity (OpenID Connect): the first sign-in links the account
//! holding the same *verified* citizen ID (or the browser's own account, signed in with its
//! password), or creates one; later sign-ins find it by the provider's subject.

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::verified_id::{drop_declared_copies, BY_NATIONAL_ID};
use super::{Mailing, SignedIn};
use crate::audit::{self, Entry, Origin};
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

/// How recent a password sign-in in the same browser must be to link the national identity to
/// that account: long enough to click through the provider, short enough that a session left
/// open on a shared computer cannot capture the next person's identity.
pub const LINK_PROOF_MINUTES: i64 = 10;

/// Signs in with a verified national identity and starts a session (ending `previous`).
/// Returns how the account was found: `existing` (by the provider's subject), `linked` (an
/// account whose citizen ID is *verified* and equal), `linked_by_session` (the browser is
/// signed in to an account whose owner just proved control with its password, and whose
/// citizen ID is empty or the same one declared) or `created`.
///
/// The proof of control must be fresh: a session started more than [`LINK_PROOF_MINUTES`] ago
/// (a browser left signed in on a shared computer) links nothing, and the identity gets an
/// account of its own instead.
///
/// A citizen ID that is only *declared* never links (issue #22): anyone can type anyone's
/// number. When the verified identity arrives, a declared copy on another account is dropped
/// and that account's owner told, so the typist cannot block the real owner either.
pub async fn sign_in_with_national_id(
    db: &DatabaseConnection,
    identity: &NationalIdentity,
    origin: &Origin,
    policy: Policy,
    previous: Option<&str>,
    mailing: Mailing<'_>,
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
    } else {
        let Some(number) = citizen else {
            return Err(crate::error::invalid(
                "citizen_id",
                "national_id_no_citizen_id",
                "the national identity did not provide a valid citizen ID",
            ));
        };
        let holder = account::Entity::find()
            .filter(account::Column::CitizenId.eq(number.clone()))
            .one(&txn)
            .await?;
        // The browser's own account, when its owner signed in with the password here before
        // coming back from the provider: that proves control of the account, the provider
        // proved the person.
        let in_session = match previous {
            Some(token) => sessions::resume(&txn, token, policy)
                .await?
                .filter(|current| {
                    Utc::now() - current.started_at <= chrono::Duration::minutes(LINK_PROOF_MINUTES)
                })
                .map(|current| current.account)
                .filter(|a| {
                    a.kind == "citizen"
                        && !a.disabled
                        && a.national_id_subject.is_none()
                        && a.citizen_id.as_deref().is_none_or(|c| c == number)
                }),
            None => None,
        };
        let target = match (&holder, in_session) {
            (Some(h), _) if h.citizen_id_verified_at.is_some() => {
                if h.kind != "citizen" || h.national_id_subject.is_some() {
                    return Err(DomainError::Conflict(
                        "citizen ID linked to another national identity".into(),
                    ));
                }
                Some((h.clone(), "linked"))
            }
            (_, Some(own)) => Some((own, "linked_by_session")),
            _ => None,
        };
        drop_declared_copies(
            &txn,
            &number,
            target.as_ref().map_or("", |(a, _)| a.id.as_str()),
            origin,
            mailing,
        )
        .await?;
        let now = Utc::now();
        if let Some((found, how)) = target {
            let linked = account::Entity::update(account::ActiveModel {
                id: Set(found.id.clone()),
                national_id_subject: Set(Some(identity.subject.clone())),
                citizen_id: Set(Some(number.clone())),
                citizen_id_verified_at: Set(found.citizen_id_verified_at.or(Some(now))),
                citizen_id_verified_by: Set(found
                    .citizen_id_verified_by
                    .clone()
                    .or(Some(BY_NATIONAL_ID.to_owned()))),
                date_of_birth: Set(found.date_of_birth.or(identity.birthdate)),
                updated_at: Set(now),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
            (linked, how)
        } else {
            let created = create(&txn, identity, &number, now).await?;
            (created, "created")
        }
    };
    if account.disabled {
        return Err(DomainError::Unauthorized);
    }
    let session = sessions::start(&txn, &account.id, policy, origin, previous).await?;
    audit::record(
        &txn,
        origin,
        Entry::own_account(
            &account,
            "sign_in",
            Some(serde_json::json!({ "method": "national_id", "account": how })),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok((SignedIn { account, session }, how))
}

/// A new account from the provider's claims; its citizen ID is verified. The e-mail address
/// (verified by the provider) and the mobile number are taken only when no other account
/// uses them; the number stays unverified until a code proves it.
async fn create<C: sea_orm::ConnectionTrait>(
    txn: &C,
    identity: &NationalIdentity,
    number: &str,
    now: chrono::DateTime<Utc>,
) -> DomainResult<account::Model> {
    let email = match identity
        .email
        .as_deref()
        .map(|e| contact::email("email", e))
    {
        Some(Ok(e)) => {
            let free = account::Entity::find()
                .filter(account::Column::Email.eq(e.clone()))
                .one(txn)
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
                .one(txn)
                .await?
                .is_none();
            free.then_some(p)
        }
        _ => None,
    };
    let name = identity
        .full_name
        .clone()
        .unwrap_or_else(|| number.to_owned());
    let mut row =
        account::ActiveModel::new_account(&uuid::Uuid::new_v4().to_string(), "citizen", &name, now);
    row.email_verified_at = Set(email.as_ref().map(|_| now));
    row.email = Set(email);
    row.phone = Set(phone);
    row.citizen_id = Set(Some(number.to_owned()));
    row.citizen_id_verified_at = Set(Some(now));
    row.citizen_id_verified_by = Set(Some(BY_NATIONAL_ID.to_owned()));
    row.date_of_birth = Set(identity.birthdate);
    row.national_id_subject = Set(Some(identity.subject.clone()));
    Ok(account::Entity::insert(row)
        .exec_with_returning(txn)
        .await?)
}
