//! Accounts in the API: who is calling, agency staff, the audit log and API tokens. Callers are
//! browsers with a session cookie (and the CSRF header for changes) or other systems with a
//! bearer token; `domain::access` decides, exactly as for the pages.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::access::Actor;

use super::error::{ApiError, ApiErrorBody, ApiJson};
use crate::request_context::Ctx;
use crate::state::AppState;

/// The caller as the portal sees it.
#[derive(Serialize, ToSchema)]
pub struct MeDto {
    /// `anonymous`, `citizen`, `staff` or `api_client`.
    pub kind: &'static str,
    /// Account or token id.
    pub id: Option<String>,
    /// Agency (staff and agency-bound tokens).
    pub agency_code: Option<String>,
    /// Role codes (staff) or scopes (tokens).
    pub permissions: Vec<String>,
}

/// A staff member.
#[derive(Serialize, ToSchema)]
pub struct StaffDto {
    /// Account id.
    pub id: String,
    /// Full name.
    pub full_name: String,
    /// Work e-mail.
    pub email: Option<String>,
    /// Agency code.
    pub agency_code: Option<String>,
    /// Role codes: `intake_clerk`, `specialist`, `leader`, `agency_admin`, `system_admin`.
    pub roles: Vec<String>,
    /// Disabled by an administrator.
    pub disabled: bool,
}

/// A new staff member.
#[derive(Deserialize, ToSchema)]
pub struct NewStaffDto {
    /// Full name.
    pub full_name: String,
    /// Work e-mail (sign-in name; the invitation goes there).
    pub email: String,
    /// Agency code.
    pub agency_code: String,
    /// Role codes.
    pub roles: Vec<String>,
}

/// Roles and status of a staff member.
#[derive(Deserialize, ToSchema)]
pub struct StaffUpdateDto {
    /// Role codes (replace the current ones).
    pub roles: Vec<String>,
    /// Disable (ends the member's sessions) or re-enable.
    #[serde(default)]
    pub disabled: bool,
}

/// An audit log entry.
#[derive(Serialize, ToSchema)]
pub struct AuditDto {
    /// Sequence number.
    pub id: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// Acting account or token.
    pub actor_id: Option<String>,
    /// Readable actor.
    pub actor_label: String,
    /// Action code.
    pub action: String,
    /// Target kind.
    pub target_type: Option<String>,
    /// Target id.
    pub target_id: Option<String>,
    /// Agency.
    pub agency_code: Option<String>,
    /// Client address.
    pub ip: Option<String>,
    /// `success`, `failure` or `denied`.
    pub outcome: String,
}

/// A page of the audit log.
#[derive(Serialize, ToSchema)]
pub struct AuditPageDto {
    /// Entries, newest first.
    pub items: Vec<AuditDto>,
    /// Matching entries.
    pub total: u64,
}

/// Filters of `GET /api/v1/audit`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    /// Agency code (required unless the caller may read the whole log).
    pub agency: Option<String>,
    /// Action code, e.g. `sign_in`.
    pub action: Option<String>,
    /// Outcome: `success`, `failure`, `denied`.
    pub outcome: Option<String>,
    /// Page, from 1.
    pub page: Option<u64>,
    /// Entries per page, 1 to 200 (default 50).
    pub per_page: Option<u64>,
}

/// Query of `GET /api/v1/staff`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StaffParams {
    /// Agency code.
    pub agency: String,
}

/// An API token (never the secret, except once in [`IssuedTokenDto`]).
#[derive(Serialize, ToSchema)]
pub struct ApiTokenDto {
    /// Id.
    pub id: String,
    /// What it is for.
    pub name: String,
    /// Scopes: `staff:read`, `audit:read`, `dossiers:read`, `dossiers:write`.
    pub scopes: Vec<String>,
    /// Agency it is limited to.
    pub agency_code: Option<String>,
    /// Issued at (RFC 3339).
    pub created_at: String,
    /// Revoked at.
    pub revoked_at: Option<String>,
    /// Last used at.
    pub last_used_at: Option<String>,
    /// Stops working at (RFC 3339): 90 days after issue or the last renewal.
    pub expires_at: String,
}

/// A token just issued: the secret is shown this once.
#[derive(Serialize, ToSchema)]
pub struct IssuedTokenDto {
    /// The token's details.
    pub token: ApiTokenDto,
    /// The bearer secret; store it now, it cannot be shown again.
    pub secret: String,
}

/// A token to issue.
#[derive(Deserialize, ToSchema)]
pub struct NewTokenDto {
    /// What it is for.
    pub name: String,
    /// Scopes.
    pub scopes: Vec<String>,
    /// Limit to this agency.
    pub agency_code: Option<String>,
}

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(list_staff, create_staff))
        .routes(routes!(update_staff))
        .routes(routes!(list_audit))
        .routes(routes!(list_tokens, issue_token))
        .routes(routes!(revoke_token))
        .routes(routes!(verify_citizen_id))
}

fn staff_dto(a: domain::entities::account::Model) -> StaffDto {
    StaffDto {
        roles: domain::access::Role::parse_list(&a.roles)
            .into_iter()
            .map(|r| r.code().to_owned())
            .collect(),
        id: a.id,
        full_name: a.full_name,
        email: a.email,
        agency_code: a.agency_code,
        disabled: a.disabled,
    }
}

fn token_dto(t: domain::entities::api_token::Model) -> ApiTokenDto {
    ApiTokenDto {
        expires_at: domain::api_tokens::expires_at(&t).to_rfc3339(),
        id: t.id,
        name: t.name,
        scopes: t.scopes.split_whitespace().map(str::to_owned).collect(),
        agency_code: t.agency_code,
        created_at: t.created_at.to_rfc3339(),
        revoked_at: t.revoked_at.map(|d| d.to_rfc3339()),
        last_used_at: t.last_used_at.map(|d| d.to_rfc3339()),
    }
}

/// Who is calling: the signed-in account or the API token, with its roles or scopes.
#[utoipa::path(get, path = "/me", tag = "accounts",
    responses((status = 200, description = "The caller", body = MeDto)),
    security((), ("bearer" = []), ("session" = [])))]
async fn me(Ctx(ctx): Ctx) -> Result<Json<MeDto>, ApiError> {
    Ok(Json(match ctx.actor {
        Actor::Anonymous => MeDto {
            kind: "anonymous",
            id: None,
            agency_code: None,
            permissions: vec![],
        },
        Actor::Citizen { account_id, .. } => MeDto {
            kind: "citizen",
            id: Some(account_id),
            agency_code: None,
            permissions: vec![],
        },
        Actor::Staff {
            account_id,
            agency_code,
            roles,
        } => MeDto {
            kind: "staff",
            id: Some(account_id),
            agency_code: Some(agency_code),
            permissions: roles.iter().map(|r| r.code().to_owned()).collect(),
        },
        Actor::ApiClient {
            token_id,
            agency_code,
            scopes,
        } => MeDto {
            kind: "api_client",
            id: Some(token_id),
            agency_code,
            permissions: scopes.iter().map(|s| s.code().to_owned()).collect(),
        },
    }))
}

/// Lists the staff of an agency (its leaders and administrators, system administrators, or a
/// token with `staff:read` for the agency).
#[utoipa::path(get, path = "/staff", tag = "accounts", params(StaffParams),
    responses(
        (status = 200, description = "Staff of the agency", body = [StaffDto]),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 403, description = "Not allowed for this agency", body = ApiErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
async fn list_staff(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Query(params): Query<StaffParams>,
) -> Result<Json<Vec<StaffDto>>, ApiError> {
    let rows = domain::staff::list(&state.db, &ctx.actor, &params.agency).await?;
    Ok(Json(rows.into_iter().map(staff_dto).collect()))
}

/// Creates a staff account and e-mails an invitation (agency administrators for their agency).
#[utoipa::path(post, path = "/staff", tag = "accounts", request_body = NewStaffDto,
    responses(
        (status = 201, description = "Created", body = StaffDto),
        (status = 400, description = "Invalid fields", body = ApiErrorBody),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn create_staff(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    ApiJson(body): ApiJson<NewStaffDto>,
) -> Result<(StatusCode, Json<StaffDto>), ApiError> {
    let form = domain::staff::NewStaff {
        full_name: body.full_name,
        email: body.email,
        agency_code: body.agency_code,
        roles: body.roles,
    };
    let mailing = state.mailing();
    let created = domain::staff::create(&state.db, &ctx.actor, &form, &ctx.origin, mailing).await?;
    Ok((StatusCode::CREATED, Json(staff_dto(created))))
}

/// Replaces a staff member's roles or disables the account.
#[utoipa::path(patch, path = "/staff/{id}", tag = "accounts", request_body = StaffUpdateDto,
    params(("id" = String, Path, description = "Account id")),
    responses(
        (status = 200, description = "Updated", body = StaffDto),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
        (status = 404, description = "No such staff member", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn update_staff(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StaffUpdateDto>,
) -> Result<Json<StaffDto>, ApiError> {
    let updated = domain::staff::update(
        &state.db,
        &ctx.actor,
        &id,
        &body.roles,
        body.disabled,
        &ctx.origin,
    )
    .await?;
    Ok(Json(staff_dto(updated)))
}

/// Browses the audit log, newest first.
#[utoipa::path(get, path = "/audit", tag = "accounts", params(AuditParams),
    responses(
        (status = 200, description = "A page of entries", body = AuditPageDto),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
async fn list_audit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Query(params): Query<AuditParams>,
) -> Result<Json<AuditPageDto>, ApiError> {
    let filter = domain::audit::Filter {
        agency_code: params.agency,
        action: params.action,
        outcome: params.outcome,
        page: params.page.unwrap_or(1),
        per_page: params.per_page.unwrap_or(50),
        ..Default::default()
    };
    let page = domain::audit::list(&state.db, &ctx.actor, &filter).await?;
    Ok(Json(AuditPageDto {
        total: page.total,
        items: page
            .items
            .into_iter()
            .map(|e| AuditDto {
                id: e.id,
                at: e.at.to_rfc3339(),
                actor_id: e.actor_id,
                actor_label: e.actor_label,
                action: e.action,
                target_type: e.target_type,
                target_id: e.target_id,
                agency_code: e.agency_code,
                ip: e.ip,
                outcome: e.outcome,
            })
            .collect(),
    }))
}

/// Lists API tokens (system administrators).
#[utoipa::path(get, path = "/api-tokens", tag = "accounts",
    responses(
        (status = 200, description = "Tokens", body = [ApiTokenDto]),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn list_tokens(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
) -> Result<Json<Vec<ApiTokenDto>>, ApiError> {
    let rows = domain::api_tokens::list(&state.db, &ctx.actor).await?;
    Ok(Json(rows.into_iter().map(token_dto).collect()))
}

/// Issues an API token (system administrators); the secret is in the answer only.
#[utoipa::path(post, path = "/api-tokens", tag = "accounts", request_body = NewTokenDto,
    responses(
        (status = 201, description = "Issued", body = IssuedTokenDto),
        (status = 400, description = "Invalid fields", body = ApiErrorBody),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn issue_token(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    ApiJson(body): ApiJson<NewTokenDto>,
) -> Result<(StatusCode, Json<IssuedTokenDto>), ApiError> {
    let (row, secret) = domain::api_tokens::issue(
        &state.db,
        &ctx.actor,
        &body.name,
        &body.scopes,
        body.agency_code.as_deref(),
        &ctx.origin,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedTokenDto {
            token: token_dto(row),
            secret,
        }),
    ))
}

/// Revokes an API token at once.
#[utoipa::path(delete, path = "/api-tokens/{id}", tag = "accounts",
    params(("id" = String, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 403, description = "Not allowed", body = ApiErrorBody),
        (status = 404, description = "No such token", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn revoke_token(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    domain::api_tokens::revoke(&state.db, &ctx.actor, &id, &ctx.origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A desk clerk's check of a citizen's card (issue #22).
#[derive(Deserialize, ToSchema)]
pub struct CitizenIdCheckDto {
    /// The citizen's sign-in name (e-mail address or mobile number).
    pub account: String,
    /// The citizen ID read off the card.
    pub citizen_id: String,
}

/// The account's citizen ID after the check.
#[derive(Serialize, ToSchema)]
pub struct CitizenIdCheckedDto {
    /// Account id.
    pub account_id: String,
    /// The (now verified) citizen ID.
    pub citizen_id: String,
    /// When it was verified.
    pub verified_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// An intake clerk checked the person's CCCD card at the desk: the number becomes the account's
/// *verified* citizen ID (a declared copy on another account is dropped and its owner told).
/// Audited with the clerk's id.
#[utoipa::path(post, path = "/staff/citizen-id-checks", tag = "accounts",
    request_body = CitizenIdCheckDto,
    responses(
        (status = 200, description = "Verified", body = CitizenIdCheckedDto),
        (status = 403, description = "Not an intake clerk", body = ApiErrorBody),
        (status = 404, description = "No such citizen account", body = ApiErrorBody),
        (status = 400, description = "Invalid citizen ID (the field says why)", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn verify_citizen_id(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    ApiJson(body): ApiJson<CitizenIdCheckDto>,
) -> Result<Json<CitizenIdCheckedDto>, ApiError> {
    if !ctx.actor.has_role(domain::access::Role::IntakeClerk) {
        return Err(domain::DomainError::Forbidden("citizen ID verification".into()).into());
    }
    let account = domain::accounts::find_by_sign_in_name(&state.db, &body.account)
        .await?
        .ok_or_else(|| domain::DomainError::NotFound("account".into()))?;
    let updated = domain::accounts::verify_citizen_id_at_desk(
        &state.db,
        &ctx.actor,
        &account.id,
        &body.citizen_id,
        &ctx.origin,
        state.mailing(),
    )
    .await?;
    Ok(Json(CitizenIdCheckedDto {
        account_id: updated.id,
        citizen_id: updated.citizen_id.unwrap_or_default(),
        verified_at: updated.citizen_id_verified_at,
    }))
}
