//! Staff accounts (cán bộ): created by administrators, one agency each, with roles. An agency
//! administrator manages the staff of their own agency, except its system administrators; only
//! a system administrator grants, takes away, changes or disables the system administrator role. Every change is audited with the roles before and after.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

use crate::access::{authorize, Action, Actor, Resource, Role};
use crate::accounts::{self, Mailing, Notice};
use crate::audit::{Entry, Origin, Outcome};
use crate::entities::{account, agency};
use crate::error::FieldError;
use crate::identity::contact;
use crate::{DomainError, DomainResult};

/// A new staff member.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewStaff {
    /// Full name.
    pub full_name: String,
    /// Work e-mail address (the sign-in name; the invitation goes there).
    pub email: String,
    /// Agency code.
    pub agency_code: String,
    /// Role codes.
    pub roles: Vec<String>,
}

fn parse_roles(codes: &[String]) -> Result<Vec<Role>, FieldError> {
    let mut roles = Vec::new();
    for code in codes {
        match Role::from_code(code) {
            Some(role) => roles.push(role),
            None => {
                return Err(FieldError::rule("roles", "role_unknown", "unknown role"));
            }
        }
    }
    if roles.is_empty() {
        return Err(FieldError::rule(
            "roles",
            "role_required",
            "choose at least one role",
        ));
    }
    Ok(roles)
}

fn check_grant(actor: &Actor, roles: &[Role]) -> DomainResult<()> {
    if roles.contains(&Role::SystemAdmin) && !actor.has_role(Role::SystemAdmin) {
        return Err(DomainError::Forbidden(
            "only a system administrator grants system administration".into(),
        ));
    }
    Ok(())
}

/// Lists the staff of an agency.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    agency_code: &str,
) -> DomainResult<Vec<account::Model>> {
    authorize(actor, Action::Read, &Resource::StaffOfAgency(agency_code))?;
    Ok(account::Entity::find()
        .filter(account::Column::Kind.eq("staff"))
        .filter(account::Column::AgencyCode.eq(agency_code))
        .order_by_asc(account::Column::FullName)
        .all(db)
        .await?)
}

/// Creates a staff account and e-mails an invitation link to choose a password (valid 72 h).
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    form: &NewStaff,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<account::Model> {
    authorize(
        actor,
        Action::Manage,
        &Resource::StaffOfAgency(&form.agency_code),
    )?;
    let mut errors = Vec::new();
    let full_name = form
        .full_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if full_name.chars().count() < 2 {
        errors.push(FieldError::rule(
            "full_name",
            "name_required",
            "enter the full name",
        ));
    }
    let email = contact::email("email", &form.email)
        .map_err(|e| errors.push(e))
        .ok();
    let roles = parse_roles(&form.roles).map_err(|e| errors.push(e)).ok();
    let txn = db.begin().await?;
    let agency = agency::Entity::find_by_id(form.agency_code.clone())
        .one(&txn)
        .await?;
    if agency.is_none() {
        errors.push(FieldError::rule(
            "agency_code",
            "agency_unknown",
            "choose an agency",
        ));
    }
    if let Some(email) = &email {
        if accounts::email_in_use(&txn, email).await? {
            errors.push(FieldError::rule(
                "email",
                "email_taken",
                "an account already uses this e-mail address",
            ));
        }
    }
    let (Some(email), Some(roles), Some(agency), true) = (email, roles, agency, errors.is_empty())
    else {
        return Err(DomainError::Validation(errors));
    };
    check_grant(actor, &roles)?;
    let now = Utc::now();
    let mut row = account::ActiveModel::new_account(
        &uuid::Uuid::new_v4().to_string(),
        "staff",
        &full_name,
        now,
    );
    row.email = Set(Some(email.clone()));
    row.province_code = Set(Some(agency.province_code.clone()));
    row.agency_code = Set(Some(agency.code.clone()));
    row.roles = Set(Role::join(&roles));
    let created = account::Entity::insert(row)
        .exec_with_returning(&txn)
        .await?;
    let token = accounts::issue_token(
        &txn,
        &created.id,
        accounts::RESET_PASSWORD,
        Duration::hours(72),
    )
    .await?;
    let link = format!("{}/dat-lai-mat-khau?token={token}", mailing.base_url);
    let (subject, body) = mailing.notices.render(&Notice::StaffInvitation {
        name: &created.full_name,
        agency: &agency.name,
        link: &link,
    });
    crate::outbox::queue_email(&txn, &email, &subject, &body).await?;
    Entry::by(&txn, actor, "staff_created")
        .await?
        .on("account", created.id.clone())
        .agency(Some(agency.code.clone()))
        .detail(serde_json::json!({ "roles": created.roles }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(created)
}

/// Replaces a staff member's roles and/or disables the account.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    account_id: &str,
    roles: &[String],
    disabled: bool,
    origin: &Origin,
) -> DomainResult<account::Model> {
    let txn = db.begin().await?;
    let target = accounts::get(&txn, account_id).await?;
    let agency = target.agency_code.clone().unwrap_or_default();
    if target.kind != "staff" {
        return Err(DomainError::NotFound("staff account".into()));
    }
    let target_is_root = Role::parse_list(&target.roles).contains(&Role::SystemAdmin);
    let resource = Resource::StaffMember {
        agency: &agency,
        system_admin: target_is_root,
    };
    if let Err(e) = authorize(actor, Action::Manage, &resource) {
        Entry::by(&txn, actor, "role_change")
            .await?
            .on("account", account_id.to_owned())
            .agency(Some(agency))
            .outcome(Outcome::Denied)
            .detail(serde_json::json!({ "system_admin": target_is_root }))
            .record(&txn, origin)
            .await?;
        txn.commit().await?;
        return Err(e);
    }
    let new_roles = parse_roles(roles).map_err(|e| DomainError::Validation(vec![e]))?;
    let old_roles = Role::parse_list(&target.roles);
    // Granting or taking away system administration both need a system administrator.
    if new_roles.contains(&Role::SystemAdmin) != old_roles.contains(&Role::SystemAdmin) {
        check_grant(actor, &[Role::SystemAdmin])?;
    }
    if actor.account_id() == Some(account_id) && disabled {
        return Err(crate::error::invalid(
            "disabled",
            "disable_self",
            "you cannot disable your own account",
        ));
    }
    let updated = account::Entity::update(account::ActiveModel {
        id: Set(account_id.to_owned()),
        roles: Set(Role::join(&new_roles)),
        disabled: Set(disabled),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    if disabled {
        crate::sessions::end_all(&txn, account_id).await?;
    }
    Entry::by(&txn, actor, "role_change")
        .await?
        .on("account", account_id.to_owned())
        .agency(Some(agency))
        .detail(serde_json::json!({
            "from": target.roles,
            "to": updated.roles,
            "disabled": disabled,
        }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(updated)
}
