//! Who may read a filed dossier: its owner; the other members of the organisation it was filed
//! for, once that organisation's registration is verified (`organisations`: an unverified
//! tax code proves nothing, so it opens nobody else's dossiers); staff of an agency that has had a part in it
//! (received, processed, was transferred it); API clients with `dossiers:read` or
//! `dossiers:write` for such an agency (or for every agency). Everyone else is told it does
//! not exist.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::access::{Actor, Role, Scope};
use crate::entities::{dossier, dossier_agency};
use crate::error::DomainResult;

/// The agency a staff member or agency-bound API client acts for, when it may read dossiers.
pub fn reading_agency(actor: &Actor) -> Option<&str> {
    match actor {
        Actor::Staff {
            agency_code, roles, ..
        } if roles
            .iter()
            .any(|r| matches!(r, Role::IntakeClerk | Role::Specialist | Role::Leader)) =>
        {
            Some(agency_code)
        }
        Actor::ApiClient {
            agency_code: Some(agency_code),
            scopes,
            ..
        } if scopes.contains(&Scope::DossiersRead) || scopes.contains(&Scope::DossiersWrite) => {
            Some(agency_code)
        }
        _ => None,
    }
}

/// True when `actor` may read the filed dossier `row`.
pub async fn may_read<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: &dossier::Model,
) -> DomainResult<bool> {
    if matches!(actor, Actor::Citizen { account_id, .. } if *account_id == row.owner_id) {
        return Ok(true);
    }
    if let (Actor::Citizen { memberships, .. }, Some(org)) = (actor, row.organisation_id.as_deref())
    {
        if memberships.iter().any(|m| m.organisation_id == org)
            && crate::organisations::is_verified(db, org).await?
        {
            return Ok(true);
        }
    }
    if let Actor::ApiClient {
        agency_code: None,
        scopes,
        ..
    } = actor
    {
        return Ok(scopes.contains(&Scope::DossiersRead) || scopes.contains(&Scope::DossiersWrite));
    }
    let Some(agency) = reading_agency(actor) else {
        return Ok(false);
    };
    if row.holding_agency_code.as_deref() == Some(agency)
        || row.receiving_agency_code.as_deref() == Some(agency)
    {
        return Ok(true);
    }
    Ok(dossier_agency::Entity::find()
        .filter(dossier_agency::Column::DossierId.eq(&row.id))
        .filter(dossier_agency::Column::AgencyCode.eq(agency))
        .count(db)
        .await?
        > 0)
}
