//! Declared and verified citizen IDs (issue #22). A CCCD typed into a profile is only
//! *declared*: nothing proves it is the typist's. It becomes *verified* when it came from the
//! national identity provider's signed claims, or when a desk clerk checked it against the
//! card. Only a verified CCCD links a national-identity sign-in to an account, and a declared
//! copy never blocks the real owner: when the verified number arrives, the declared copy on any
//! other account is dropped and that account's owner is told.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use super::{get, Mailing};
use crate::access::{Actor, Role};
use crate::audit::{Entry, Origin};
use crate::entities::account;
use crate::identity::citizen_id;
use crate::{DomainError, DomainResult};

/// `citizen_id_verified_by` of a number that came from the national identity's claims.
pub const BY_NATIONAL_ID: &str = "national_id";

/// The number with its middle hidden (`072******567`), for notices and logs.
pub fn masked(number: &str) -> String {
    if number.len() < 7 {
        return "*".repeat(number.len());
    }
    format!(
        "{}{}{}",
        &number[..3],
        "*".repeat(number.len() - 6),
        &number[number.len() - 3..]
    )
}

/// Removes `number` from every account other than `keep` that only *declared* it, audits each
/// removal and tells the account's owner (verified e-mail). A *verified* copy elsewhere is a
/// conflict: two verified holders of one number need a person to look at them.
pub(crate) async fn drop_declared_copies<C: ConnectionTrait>(
    db: &C,
    number: &str,
    keep: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    let holders = account::Entity::find()
        .filter(account::Column::CitizenId.eq(number))
        .filter(account::Column::Id.ne(keep))
        .all(db)
        .await?;
    for holder in holders {
        if holder.citizen_id_verified_at.is_some() {
            return Err(DomainError::Conflict(
                "citizen ID verified on another account".into(),
            ));
        }
        account::Entity::update(account::ActiveModel {
            id: Set(holder.id.clone()),
            citizen_id: Set(None),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(db)
        .await?;
        Entry::party("system", "citizen_id_declaration_dropped")
            .on("account", holder.id.clone())
            .detail(serde_json::json!({
                "citizen_id": masked(number),
                "verified_on": keep,
            }))
            .record(db, origin)
            .await?;
        if let Some(email) = holder
            .email
            .as_deref()
            .filter(|_| holder.email_verified_at.is_some())
        {
            let masked = masked(number);
            let args = [("name", holder.full_name.as_str()), ("citizen_id", &masked)];
            let subject = mailing
                .notices
                .text("mail_citizen_id_dropped_subject", &args);
            let body = mailing.notices.text("mail_citizen_id_dropped_body", &args);
            crate::outbox::queue_email(db, email, &subject, &body).await?;
        }
        tracing::info!(account = %holder.id, "declared citizen ID dropped for its verified owner");
    }
    Ok(())
}

/// A desk clerk checked the person's card: `citizen_id` becomes the account's *verified*
/// citizen ID (a declared copy elsewhere is dropped and its owner told). Only intake clerks
/// may do this, and it is audited with the clerk's id.
pub async fn verify_citizen_id_at_desk(
    db: &DatabaseConnection,
    actor: &Actor,
    account_id: &str,
    number: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<account::Model> {
    let Actor::Staff {
        account_id: clerk,
        roles,
        agency_code,
        ..
    } = actor
    else {
        return Err(match actor {
            Actor::Anonymous => DomainError::Unauthorized,
            _ => DomainError::Forbidden("citizen ID verification".into()),
        });
    };
    if !roles.contains(&Role::IntakeClerk) {
        return Err(DomainError::Forbidden("citizen ID verification".into()));
    }
    let txn = crate::db::begin_write(db).await?;
    let current = get(&txn, account_id).await?;
    if current.kind != "citizen" {
        return Err(DomainError::NotFound("account".into()));
    }
    let number = citizen_id::normalise(number);
    citizen_id::check("citizen_id", &number, current.date_of_birth)
        .map_err(|e| DomainError::Validation(vec![e]))?;
    if let Some(verified) = current.verified_citizen_id() {
        if verified != number {
            return Err(crate::error::invalid(
                "citizen_id",
                "citizen_id_locked",
                "this account already holds another verified citizen ID",
            ));
        }
    }
    drop_declared_copies(&txn, &number, account_id, origin, mailing).await?;
    let now = Utc::now();
    let updated = account::Entity::update(account::ActiveModel {
        id: Set(account_id.to_owned()),
        citizen_id: Set(Some(number.clone())),
        citizen_id_verified_at: Set(Some(now)),
        citizen_id_verified_by: Set(Some(clerk.clone())),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    Entry::by(&txn, actor, "citizen_id_verified")
        .await?
        .on("account", account_id.to_owned())
        .agency(Some(agency_code.clone()))
        .detail(serde_json::json!({ "citizen_id": masked(&number), "by": "desk" }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(updated)
}

#[cfg(test)]
mod tests {
    use super::masked;

    #[test]
    fn the_middle_of_a_number_is_hidden() {
        assert_eq!(masked("072192004567"), "072******567");
        assert_eq!(masked("12"), "**");
    }
}
