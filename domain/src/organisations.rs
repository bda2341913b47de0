//! Businesses and other organisations (tổ chức, doanh nghiệp), identified by their tax code.
//! The citizen who registers one is recorded as its legal representative and may add member
//! accounts, who then file dossiers on the organisation's behalf.
//!
//! Typing a tax code proves nothing, so a registration starts *unverified*: its members see only
//! the dossiers they filed themselves. It becomes verified when the legal representative the
//! business registry names ([`registry`]) signs in with the national identity
//! ([`verify_by_representative`]), or when a desk clerk checks the papers
//! ([`verify_by_clerk`]); from then on members also see the dossiers filed for the business by
//! the others (`dossiers::visibility`).

pub mod registry;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use crate::access::{authorize, Action, Actor, Resource};
use crate::audit::{Entry, Origin};
use crate::entities::{account, organisation, organisation_member};
use crate::error::FieldError;
use crate::identity::{citizen_id, tax_code};
use crate::{DomainError, DomainResult};

/// What the business registration form sends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewOrganisation {
    /// Tax code (MST).
    pub tax_code: String,
    /// Registered name.
    pub name: String,
    /// Legal representative's full name.
    pub representative_name: String,
    /// Legal representative's citizen ID.
    pub representative_citizen_id: String,
    /// Head office address.
    pub address: String,
}

/// Registers an organisation with the signed-in citizen as its representative.
pub async fn register(
    db: &DatabaseConnection,
    actor: &Actor,
    form: &NewOrganisation,
    origin: &Origin,
) -> DomainResult<organisation::Model> {
    let Actor::Citizen { account_id, .. } = actor else {
        return Err(if *actor == Actor::Anonymous {
            DomainError::Unauthorized
        } else {
            DomainError::Forbidden("only citizen accounts register organisations".into())
        });
    };
    let mut errors = Vec::new();
    let code = tax_code::check("tax_code", &form.tax_code)
        .map_err(|e| errors.push(e))
        .ok();
    let name = form.name.trim().to_owned();
    if name.chars().count() < 2 {
        errors.push(FieldError::rule(
            "name",
            "name_required",
            "enter the registered name",
        ));
    }
    let representative = form.representative_name.trim().to_owned();
    if representative.chars().count() < 2 {
        errors.push(FieldError::rule(
            "representative_name",
            "name_required",
            "enter the legal representative's name",
        ));
    }
    let rep_id = match citizen_id::normalise(&form.representative_citizen_id).as_str() {
        "" => None,
        n => citizen_id::check("representative_citizen_id", n, None)
            .map(|_| n.to_owned())
            .map_err(|e| errors.push(e))
            .ok(),
    };
    let txn = db.begin().await?;
    if let Some(code) = &code {
        if organisation::Entity::find()
            .filter(organisation::Column::TaxCode.eq(code.clone()))
            .one(&txn)
            .await?
            .is_some()
        {
            errors.push(FieldError::rule(
                "tax_code",
                "tax_code_taken",
                "this tax code is already registered; ask its representative to add you",
            ));
        }
    }
    let (Some(code), true) = (code, errors.is_empty()) else {
        return Err(DomainError::Validation(errors));
    };
    let now = Utc::now();
    let org = organisation::Entity::insert(organisation::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        tax_code: Set(code),
        name: Set(name),
        representative_name: Set(representative),
        representative_citizen_id: Set(rep_id),
        address: Set(Some(form.address.trim().to_owned()).filter(|a| !a.is_empty())),
        created_at: Set(now),
        verified_at: Set(None),
        verified_by: Set(None),
    })
    .exec_with_returning(&txn)
    .await?;
    organisation_member::Entity::insert(organisation_member::ActiveModel {
        organisation_id: Set(org.id.clone()),
        account_id: Set(account_id.clone()),
        role: Set("representative".into()),
        created_at: Set(now),
    })
    .exec(&txn)
    .await?;
    Entry::by(&txn, actor, "organisation_registered")
        .await?
        .on("organisation", org.id.clone())
        .detail(serde_json::json!({ "tax_code": org.tax_code }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(org)
}

/// Adds an existing citizen account (by e-mail or mobile number) as a member.
pub async fn add_member(
    db: &DatabaseConnection,
    actor: &Actor,
    organisation_id: &str,
    sign_in_name: &str,
    origin: &Origin,
) -> DomainResult<()> {
    authorize(
        actor,
        Action::Manage,
        &Resource::Organisation(organisation_id),
    )?;
    let txn = db.begin().await?;
    let member = crate::accounts::find_by_sign_in_name(&txn, sign_in_name)
        .await?
        .filter(|a| a.kind == "citizen")
        .ok_or_else(|| {
            crate::error::invalid(
                "member",
                "member_unknown",
                "no citizen account has this e-mail address or mobile number",
            )
        })?;
    let exists =
        organisation_member::Entity::find_by_id((organisation_id.to_owned(), member.id.clone()))
            .one(&txn)
            .await?
            .is_some();
    if exists {
        return Err(crate::error::invalid(
            "member",
            "member_exists",
            "this person is already a member",
        ));
    }
    organisation_member::Entity::insert(organisation_member::ActiveModel {
        organisation_id: Set(organisation_id.to_owned()),
        account_id: Set(member.id.clone()),
        role: Set("member".into()),
        created_at: Set(Utc::now()),
    })
    .exec(&txn)
    .await?;
    Entry::by(&txn, actor, "organisation_member_added")
        .await?
        .on("organisation", organisation_id.to_owned())
        .detail(serde_json::json!({ "member": member.id }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// An organisation with its members, as its members see it.
#[derive(Clone, Debug)]
pub struct WithMembers {
    /// The organisation.
    pub organisation: organisation::Model,
    /// Members and their roles.
    pub members: Vec<(account::Model, String)>,
}

/// Organisations the actor belongs to, with their members.
pub async fn mine(db: &DatabaseConnection, actor: &Actor) -> DomainResult<Vec<WithMembers>> {
    let Actor::Citizen { memberships, .. } = actor else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for m in memberships {
        authorize(
            actor,
            Action::Read,
            &Resource::Organisation(&m.organisation_id),
        )?;
        let Some(org) = organisation::Entity::find_by_id(m.organisation_id.clone())
            .one(db)
            .await?
        else {
            continue;
        };
        let rows = organisation_member::Entity::find()
            .filter(organisation_member::Column::OrganisationId.eq(org.id.clone()))
            .all(db)
            .await?;
        let mut members = Vec::new();
        for row in rows {
            if let Some(acc) = account::Entity::find_by_id(row.account_id).one(db).await? {
                members.push((acc, row.role));
            }
        }
        out.push(WithMembers {
            organisation: org,
            members,
        });
    }
    Ok(out)
}

/// True when organisation `id` exists and its registration is verified.
pub async fn is_verified<C: sea_orm::ConnectionTrait>(db: &C, id: &str) -> DomainResult<bool> {
    Ok(organisation::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .is_some_and(|o| o.verified_at.is_some()))
}

/// Marks `org` verified by `by` and audits it with how (`method`), inside one transaction.
/// False when another request verified it first.
async fn mark_verified(
    db: &DatabaseConnection,
    org: &organisation::Model,
    actor: &Actor,
    by: &str,
    method: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let txn = db.begin().await?;
    let changed = organisation::Entity::update_many()
        .col_expr(
            organisation::Column::VerifiedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .col_expr(
            organisation::Column::VerifiedBy,
            sea_orm::sea_query::Expr::value(Some(by.to_owned())),
        )
        .filter(organisation::Column::Id.eq(org.id.clone()))
        .filter(organisation::Column::VerifiedAt.is_null())
        .exec(&txn)
        .await?;
    if changed.rows_affected != 1 {
        return Ok(false);
    }
    Entry::by(&txn, actor, "organisation_verified")
        .await?
        .on("organisation", org.id.clone())
        .agency(match actor {
            Actor::Staff { agency_code, .. } => Some(agency_code.clone()),
            _ => None,
        })
        .detail(serde_json::json!({ "tax_code": org.tax_code, "method": method }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(true)
}

/// Called when account `account_id` has just signed in with the national identity, whose signed
/// claims carry `citizen_id`: every unverified organisation this account represents on the
/// portal is looked up in the business registry, and those whose registered legal
/// representative has this very citizen ID become verified (audited, method `national_id`).
/// Returns the ids verified. A registry that cannot answer verifies nothing (the next sign-in
/// tries again) and is not an error: signing in must not depend on it.
pub async fn verify_by_representative(
    db: &DatabaseConnection,
    registry: &dyn registry::BusinessRegistry,
    account_id: &str,
    citizen_id: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> DomainResult<Vec<String>> {
    let represented = organisation_member::Entity::find()
        .filter(organisation_member::Column::AccountId.eq(account_id))
        .filter(organisation_member::Column::Role.eq("representative"))
        .all(db)
        .await?;
    let actor = Actor::Citizen {
        account_id: account_id.to_owned(),
        memberships: Vec::new(),
    };
    let mut verified = Vec::new();
    for membership in represented {
        let Some(org) = organisation::Entity::find_by_id(membership.organisation_id)
            .one(db)
            .await?
            .filter(|o| o.verified_at.is_none())
        else {
            continue;
        };
        let record = match registry.lookup(&org.tax_code).await {
            Ok(record) => record,
            Err(error) => {
                tracing::warn!(%error, tax_code = %org.tax_code, "business registry did not answer");
                continue;
            }
        };
        let matches = record.is_some_and(|r| {
            !citizen_id.is_empty()
                && crate::secrets::constant_time_eq(
                    &citizen_id::normalise(&r.representative_citizen_id),
                    &citizen_id::normalise(citizen_id),
                )
        });
        if matches
            && mark_verified(db, &org, &actor, account_id, "national_id", origin, now).await?
        {
            verified.push(org.id.clone());
        }
    }
    Ok(verified)
}

/// A desk clerk verifies the registration of tax code `tax_code` after checking the business
/// registration certificate and the representative's identity papers (audited, method
/// `clerk`). Verifying one already verified changes nothing.
pub async fn verify_by_clerk(
    db: &DatabaseConnection,
    actor: &Actor,
    tax_code: &str,
    origin: &Origin,
    now: DateTime<Utc>,
) -> DomainResult<organisation::Model> {
    authorize(actor, Action::Manage, &Resource::OrganisationVerification)?;
    let code =
        tax_code::check("tax_code", tax_code).map_err(|e| DomainError::Validation(vec![e]))?;
    let org = organisation::Entity::find()
        .filter(organisation::Column::TaxCode.eq(code))
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound("organisation".into()))?;
    let by = actor.account_id().unwrap_or_default().to_owned();
    mark_verified(db, &org, actor, &by, "clerk", origin, now).await?;
    organisation::Entity::find_by_id(org.id.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound("organisation".into()))
}
