//! `GET /api/v1/lookup/{code}`: the public lookup of a dossier by its code and the last four
//! digits of the applicant's phone number or citizen ID, for kiosks, the receipt's QR code and
//! other sites. No sign-in; no personal data in the answer. Rules: `domain::dossiers::lookup`.

use axum::extract::{Path, Query, State};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::dossiers::lookup;

use super::error::{ApiError, ApiErrorBody};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(lookup_dossier))
}

/// The second factor.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LookupParams {
    /// The last 4 digits of the applicant's phone number or citizen ID.
    #[serde(default)]
    pub factor: String,
}

/// What the public may see of a dossier: no name, no address, no documents.
#[derive(Serialize, ToSchema)]
pub struct PublicStatusDto {
    /// Dossier code.
    pub code: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure name.
    pub procedure_name: String,
    /// Status code (`submitted`, `accepted`, `processing`, …, `returned`).
    pub status: String,
    /// National status number (1–10).
    pub status_number: Option<u8>,
    /// The agency holding the dossier now (absent once finished).
    pub holding_agency_code: Option<String>,
    /// Its name.
    pub holding_agency_name: Option<String>,
    /// Filed at.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Result due at.
    pub due_at: Option<DateTime<Utc>>,
    /// Working minutes left while open (negative: late).
    pub minutes_left: Option<i64>,
    /// The clock is stopped, waiting for the applicant.
    pub paused: bool,
    /// Finished at.
    pub finished_at: Option<DateTime<Utc>>,
}

/// Follow a dossier by its code and a second factor (no sign-in).
#[utoipa::path(get, path = "/lookup/{code}", tag = "lookup",
    params(("code" = String, Path, description = "Dossier code, e.g. 000.00.02.H53-250103-0001"), LookupParams),
    responses(
        (status = 200, description = "The dossier's public status", body = PublicStatusDto),
        (status = 400, description = "The code or the factor cannot be right (the field is named)", body = ApiErrorBody),
        (status = 404, description = "No dossier with this code and these digits", body = ApiErrorBody),
        (status = 429, description = "Too many failed lookups from this address or for this code", body = ApiErrorBody),
    ))]
async fn lookup_dossier(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(code): Path<String>,
    Query(params): Query<LookupParams>,
) -> Result<Json<PublicStatusDto>, ApiError> {
    let client = ctx.origin.ip.unwrap_or_else(|| "-".into());
    let s = lookup::lookup(&state.db, &code, &params.factor, &client, Utc::now()).await?;
    Ok(Json(PublicStatusDto {
        code: s.code,
        procedure_code: s.procedure_code,
        procedure_name: s.procedure_name,
        status: s.status.code().to_owned(),
        status_number: s.status.national_code(),
        holding_agency_code: s.holding_agency_code,
        holding_agency_name: s.holding_agency_name,
        submitted_at: s.submitted_at,
        due_at: s.due_at,
        minutes_left: s.minutes_left,
        paused: s.paused,
        finished_at: s.finished_at,
    }))
}
