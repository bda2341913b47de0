//! Reference data endpoints: subject areas and the 2025 administrative map (for address pickers
//! in kiosks and mobile apps).

use axum::extract::{Path, State};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::entities::field;

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;

/// A subject area (lĩnh vực).
#[derive(Serialize, ToSchema)]
pub struct FieldDto {
    /// Code, e.g. `HOTICH`.
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// URL slug.
    pub slug: String,
}

/// A province or centrally-run city.
#[derive(Serialize, ToSchema)]
pub struct ProvinceDto {
    /// Official statistical code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Unit type.
    pub division_type: String,
}

/// A commune, ward or special zone.
#[derive(Serialize, ToSchema)]
pub struct CommuneDto {
    /// Official statistical code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Unit type.
    pub division_type: String,
    /// Province code.
    pub province_code: String,
}

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_fields))
        .routes(routes!(list_provinces))
        .routes(routes!(list_communes))
}

/// Lists the subject areas of the catalogue.
#[utoipa::path(get, path = "/fields", tag = "reference",
    responses((status = 200, description = "All subject areas", body = [FieldDto])))]
async fn list_fields(State(state): State<AppState>) -> Result<Json<Vec<FieldDto>>, ApiError> {
    let rows = domain::catalogue::fields(&state.db).await?;
    Ok(Json(
        rows.into_iter()
            .map(|f: field::Model| FieldDto {
                code: f.code,
                name_vi: f.name_vi,
                name_en: f.name_en,
                slug: f.slug,
            })
            .collect(),
    ))
}

/// Lists the 34 provinces and centrally-run cities of the 2025 map.
#[utoipa::path(get, path = "/provinces", tag = "reference",
    responses((status = 200, description = "Current provinces", body = [ProvinceDto])))]
async fn list_provinces(State(state): State<AppState>) -> Result<Json<Vec<ProvinceDto>>, ApiError> {
    let rows = domain::admin_map::current_provinces(&state.db).await?;
    Ok(Json(
        rows.into_iter()
            .map(|p| ProvinceDto {
                code: p.code,
                name: p.name,
                division_type: p.division_type,
            })
            .collect(),
    ))
}

/// Lists the communes and wards of one province.
#[utoipa::path(get, path = "/provinces/{code}/communes", tag = "reference",
    params(("code" = String, Path, description = "Province code, e.g. `72`")),
    responses(
        (status = 200, description = "Current communes of the province", body = [CommuneDto]),
        (status = 404, description = "No such province", body = ApiErrorBody),
    ))]
async fn list_communes(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Vec<CommuneDto>>, ApiError> {
    let rows = domain::admin_map::current_communes(&state.db, &code).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| CommuneDto {
                code: c.code,
                name: c.name,
                division_type: c.division_type,
                province_code: c.province_code,
            })
            .collect(),
    ))
}
