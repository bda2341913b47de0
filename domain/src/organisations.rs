//! Businesses and other organisations (tổ chức, doanh nghiệp), identified by their tax code.
//! The citizen who registers one is recorded as its legal representative and may add member
//! accounts, who then file dossiers on the organisation's behalf.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use crate::access::{authorize, Action, Actor, Resource};
use crate::audit::{self, Entry, Origin, Outcome};
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
    audit::record(
        &txn,
        origin,
        Entry {
            actor_id: actor.audit_id(),
            actor_label: crate::staff::actor_label(&txn, actor).await?,
            action: "organisation_registered",
            target_type: Some("organisation"),
            target_id: Some(org.id.clone()),
            agency_code: None,
            outcome: Outcome::Success,
            detail: Some(serde_json::json!({ "tax_code": org.tax_code })),
        },
    )
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
    audit::record(
        &txn,
        origin,
        Entry {
            actor_id: actor.audit_id(),
            actor_label: crate::staff::actor_label(&txn, actor).await?,
            action: "organisation_member_added",
            target_type: Some("organisation"),
            target_id: Some(organisation_id.to_owned()),
            agency_code: None,
            outcome: Outcome::Success,
            detail: Some(serde_json::json!({ "member": member.id })),
        },
    )
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
