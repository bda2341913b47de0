//! `/api/v1/dossiers/{id}/rating`: the satisfaction rating of one of the caller's ended
//! dossiers (`domain::ratings`) — what the dossier page shows and asks, for mobile apps and
//! kiosks. The notice's single-use link (`/danh-gia/{token}`) is a page, not part of this API.

use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::entities::rating;
use domain::ratings::{self, RatingInput};
use domain::DomainError;

use super::error::{ApiError, ApiErrorBody, ApiJson};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_rating, rate))
}

/// A dossier's rating.
#[derive(Serialize, ToSchema)]
pub struct RatingDto {
    /// `very_satisfied`, `satisfied` or `not_satisfied`.
    pub level: String,
    /// Reasons ticked: `waiting_time`, `attitude`, `extra_papers`, `unofficial_money`,
    /// `result_late`, `other`.
    pub reasons: Vec<String>,
    /// The applicant's words.
    pub comment: Option<String>,
    /// First given at.
    pub created_at: DateTime<Utc>,
    /// It may still be changed (for 7 days after it was first given).
    pub changeable: bool,
    /// The agency's answer to a "not satisfied".
    pub answer: Option<String>,
}

/// A rating as sent.
#[derive(Deserialize, ToSchema)]
pub struct RatingInputDto {
    /// `very_satisfied`, `satisfied` or `not_satisfied`.
    pub level: String,
    /// Reasons (see [`RatingDto::reasons`]).
    #[serde(default)]
    pub reasons: Vec<String>,
    /// Optional words (at most 2,000 characters).
    #[serde(default)]
    pub comment: String,
}

fn dto(r: &rating::Model) -> RatingDto {
    let created_at = r.created_at.with_timezone(&Utc);
    RatingDto {
        level: r.level.clone(),
        reasons: ratings::reasons_of(r),
        comment: r.comment.clone(),
        created_at,
        changeable: ratings::changeable(created_at, Utc::now()),
        answer: r.answer.clone(),
    }
}

/// The rating of one of the caller's dossiers; 404 until it is rated.
#[utoipa::path(get, path = "/dossiers/{id}/rating", tag = "dossiers",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "The rating", body = RatingDto),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller, or not rated", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn get_rating(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<RatingDto>, ApiError> {
    domain::dossiers::drafts::load(&state.db, &ctx.actor, &id).await?;
    let given = ratings::of_dossier(&state.db, &id)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("rating of {id}")))?;
    Ok(Json(dto(&given)))
}

/// Rates one of the caller's dossiers once it is returned or refused, or changes its rating
/// within 7 days. Refused with the field named: `level` (`rating_level`, `rating_not_ended`,
/// `rating_locked`), `reasons` (`rating_reason`), `comment` (`rating_comment_long`).
#[utoipa::path(put, path = "/dossiers/{id}/rating", tag = "dossiers",
    params(("id" = String, Path, description = "Dossier id")),
    request_body = RatingInputDto,
    responses(
        (status = 200, description = "The rating as saved", body = RatingDto),
        (status = 400, description = "A field is wrong (`fields` names it)", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn rate(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RatingInputDto>,
) -> Result<Json<RatingDto>, ApiError> {
    let input = RatingInput {
        level: body.level,
        reasons: body.reasons,
        comment: body.comment,
    };
    let saved = ratings::rate(state.services(&ctx.origin), &ctx.actor, &id, &input).await?;
    Ok(Json(dto(&saved)))
}
