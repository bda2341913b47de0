//! API tokens for agency systems and kiosks: issued and revoked by a system administrator, with
//! scopes and an optional agency; presented as `Authorization: Bearer <token>`.
//!
//! Every token expires ([`LIFETIME`] after it is issued or last renewed), so a token copied into
//! a forgotten script or leaked from a kiosk stops working on its own; the administrator renews
//! the ones still in use. Tokens issued before expiry existed (no `expires_at`) count from
//! their issue date.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

use crate::access::{authorize, Action, Actor, Resource, Scope};
use crate::audit::{Entry, Origin};
use crate::entities::{agency, api_token};
use crate::error::FieldError;
use crate::{secrets, DomainError, DomainResult};

/// Prefix that makes a leaked token easy to recognise (secret scanners, logs).
pub const TOKEN_PREFIX: &str = "dvc_";

/// How long a token works after it is issued or renewed (90 days).
pub const LIFETIME: Duration = Duration::days(90);

/// When `row` stops working: its `expires_at`, or [`LIFETIME`] after issue for older rows.
pub fn expires_at(row: &api_token::Model) -> DateTime<Utc> {
    row.expires_at.unwrap_or(row.created_at + LIFETIME)
}

/// Issues a token; returns the row and the token itself, shown once.
pub async fn issue(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
    scopes: &[String],
    agency_code: Option<&str>,
    origin: &Origin,
) -> DomainResult<(api_token::Model, String)> {
    authorize(actor, Action::Manage, &Resource::ApiTokens)?;
    let mut errors = Vec::new();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(FieldError::rule(
            "name",
            "name_required",
            "name what the token is for",
        ));
    }
    let mut parsed = Vec::new();
    for code in scopes {
        match Scope::from_code(code) {
            Some(s) => parsed.push(s),
            None => errors.push(FieldError::rule("scopes", "scope_unknown", "unknown scope")),
        }
    }
    if parsed.is_empty() {
        errors.push(FieldError::rule(
            "scopes",
            "scope_required",
            "choose at least one scope",
        ));
    }
    let txn = db.begin().await?;
    if let Some(code) = agency_code {
        if agency::Entity::find_by_id(code.to_owned())
            .one(&txn)
            .await?
            .is_none()
        {
            errors.push(FieldError::rule(
                "agency_code",
                "agency_unknown",
                "choose an agency",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let token = format!("{TOKEN_PREFIX}{}", secrets::new_token());
    let now = Utc::now();
    let row = api_token::Entity::insert(api_token::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        name: Set(name.to_owned()),
        token_hash: Set(secrets::fingerprint(&token)),
        scopes: Set(parsed
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(" ")),
        agency_code: Set(agency_code.map(str::to_owned)),
        created_by: Set(actor.account_id().unwrap_or_default().to_owned()),
        created_at: Set(now),
        expires_at: Set(Some(now + LIFETIME)),
        revoked_at: Set(None),
        last_used_at: Set(None),
    })
    .exec_with_returning(&txn)
    .await?;
    Entry::by(&txn, actor, "api_token_issued")
        .await?
        .on("api_token", row.id.clone())
        .agency(row.agency_code.clone())
        .detail(serde_json::json!({
            "name": row.name, "scopes": row.scopes, "expires_at": row.expires_at,
        }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok((row, token))
}

/// Revokes a token.
pub async fn revoke(
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    origin: &Origin,
) -> DomainResult<()> {
    authorize(actor, Action::Manage, &Resource::ApiTokens)?;
    let txn = db.begin().await?;
    let row = api_token::Entity::find_by_id(id.to_owned())
        .one(&txn)
        .await?
        .ok_or_else(|| DomainError::NotFound("API token".into()))?;
    api_token::Entity::update(api_token::ActiveModel {
        id: Set(row.id.clone()),
        revoked_at: Set(Some(Utc::now())),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    record_change(
        &txn,
        origin,
        actor,
        &row,
        "api_token_revoked",
        serde_json::json!({ "name": row.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Renews a token that is not revoked: it works for another [`LIFETIME`] from `now` (even one
/// already expired, so an administrator can bring back a client that stopped). Audited with
/// the old and new expiry.
pub async fn renew(
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    origin: &Origin,
) -> DomainResult<api_token::Model> {
    authorize(actor, Action::Manage, &Resource::ApiTokens)?;
    let txn = db.begin().await?;
    let row = api_token::Entity::find_by_id(id.to_owned())
        .one(&txn)
        .await?
        .ok_or_else(|| DomainError::NotFound("API token".into()))?;
    if row.revoked_at.is_some() {
        return Err(crate::error::invalid(
            "id",
            "token_revoked",
            "a revoked token cannot be renewed; issue a new one",
        ));
    }
    let now = Utc::now();
    let renewed = api_token::Entity::update(api_token::ActiveModel {
        id: Set(row.id.clone()),
        expires_at: Set(Some(now + LIFETIME)),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    record_change(
        &txn,
        origin,
        actor,
        &row,
        "api_token_renewed",
        serde_json::json!({
                        "name": row.name,
                        "from": expires_at(&row),
                        "to": renewed.expires_at,
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(renewed)
}

/// Lists tokens (never the secrets).
pub async fn list(db: &DatabaseConnection, actor: &Actor) -> DomainResult<Vec<api_token::Model>> {
    authorize(actor, Action::Read, &Resource::ApiTokens)?;
    Ok(api_token::Entity::find()
        .order_by_desc(api_token::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The API client behind a bearer token, or `Unauthorized` when it is unknown, revoked or
/// expired. Records the last use at most once a minute.
pub async fn authenticate(db: &DatabaseConnection, token: &str) -> DomainResult<Actor> {
    let row = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(secrets::fingerprint(token.trim())))
        .one(db)
        .await?
        .ok_or(DomainError::Unauthorized)?;
    let now = Utc::now();
    if row.revoked_at.is_some() || expires_at(&row) <= now {
        return Err(DomainError::Unauthorized);
    }
    if row
        .last_used_at
        .is_none_or(|t| now - t > Duration::minutes(1))
    {
        api_token::Entity::update_many()
            .col_expr(
                api_token::Column::LastUsedAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(api_token::Column::Id.eq(row.id.clone()))
            .exec(db)
            .await?;
    }
    Ok(Actor::ApiClient {
        token_id: row.id,
        agency_code: row.agency_code,
        scopes: row
            .scopes
            .split_whitespace()
            .filter_map(Scope::from_code)
            .collect(),
    })
}

/// Audits an administrator's change to a token (revoked, renewed): the same entry shape for
/// each, named by `action`, with what changed in `detail`.
async fn record_change<C: sea_orm::ConnectionTrait>(
    txn: &C,
    origin: &Origin,
    actor: &Actor,
    row: &api_token::Model,
    action: &'static str,
    detail: serde_json::Value,
) -> DomainResult<()> {
    Entry::by(txn, actor, action)
        .await?
        .on("api_token", row.id.clone())
        .agency(row.agency_code.clone())
        .detail(detail)
        .record(txn, origin)
        .await
}
