//! The procedure catalogue API: list and search with filters and paging, one procedure, and the
//! agencies. Answers come from the same in-memory catalogue index as the public pages.

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::catalogue::{AgencyRef, DocumentItem, FeeItem};
use domain::catalogue_index::{CatalogueQuery, DEFAULT_PER_PAGE};

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;

/// A procedure in a list.
#[derive(Serialize, ToSchema)]
pub struct ProcedureItem {
    /// Catalogue code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Subject area code.
    pub field: String,
    /// `full_online`, `partial_online` or `information`.
    pub level: String,
    /// `province` or `commune`.
    pub agency_level: String,
    /// Time limit in working days.
    pub processing_days: i32,
    /// Public page path.
    pub url: String,
    /// Byte ranges of `name` matching `q`.
    pub highlights: Vec<(usize, usize)>,
}

/// A page of procedures.
#[derive(Serialize, ToSchema)]
pub struct ProcedurePage {
    /// This page's procedures.
    pub items: Vec<ProcedureItem>,
    /// Results in all pages.
    pub total: u64,
    /// This page (1-based).
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// Query parameters of `GET /api/v1/procedures`. Any other parameter is refused with 400.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(
    dead_code,
    reason = "describes the parameters for the OpenAPI document only"
)]
pub struct ProcedureParams {
    /// Search words, with or without diacritics; one typo per word is tolerated.
    q: Option<String>,
    /// Subject area code (see `/api/v1/fields`).
    field: Option<String>,
    /// Agency code (see `/api/v1/agencies`), or `commune` for every commune People's Committee.
    agency: Option<String>,
    /// `full_online`, `partial_online` or `information`.
    level: Option<String>,
    /// `1` for procedures that can be submitted online only.
    online: Option<String>,
    /// Page, from 1.
    page: Option<u64>,
    /// Items per page, 1 to 100 (default 20).
    per_page: Option<u64>,
}

const PARAMS: [&str; 7] = [
    "q", "field", "agency", "level", "online", "page", "per_page",
];

fn number(name: &str, value: &str) -> Result<u64, ApiError> {
    value
        .parse()
        .map_err(|_| ApiError::bad_parameter(name, "phải là số nguyên dương"))
}

/// Turns raw query pairs into a catalogue query, naming any parameter at fault.
pub fn parse_params(pairs: &[(String, String)]) -> Result<CatalogueQuery, ApiError> {
    let mut query = CatalogueQuery {
        page: 1,
        per_page: DEFAULT_PER_PAGE,
        ..Default::default()
    };
    for (name, value) in pairs {
        let non_empty = (!value.trim().is_empty()).then(|| value.trim().to_owned());
        match name.as_str() {
            "q" => query.q = value.clone(),
            "field" => query.field = non_empty,
            "agency" => query.agency = non_empty,
            "level" => query.level = non_empty,
            "online" => match value.as_str() {
                "1" | "true" => query.online_only = true,
                "0" | "false" | "" => query.online_only = false,
                _ => return Err(ApiError::bad_parameter("online", "phải là 1 hoặc 0")),
            },
            "page" => query.page = number("page", value)?,
            "per_page" => query.per_page = number("per_page", value)?,
            other => {
                return Err(ApiError::bad_parameter(
                    other,
                    format!("không có tham số này; các tham số là {}", PARAMS.join(", ")),
                ))
            }
        }
    }
    Ok(query)
}

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_procedures))
        .routes(routes!(get_procedure))
        .routes(routes!(list_agencies))
}

/// Lists or searches the procedure catalogue.
#[utoipa::path(get, path = "/procedures", tag = "catalogue", params(ProcedureParams),
    responses(
        (status = 200, description = "One page of procedures", body = ProcedurePage),
        (status = 400, description = "Unknown parameter or bad value; `fields` names it", body = ApiErrorBody),
    ))]
async fn list_procedures(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<ProcedurePage>, ApiError> {
    let query = parse_params(&pairs)?;
    let snapshot = state.catalogue.snapshot(&state.db).await?;
    snapshot.validate(&query)?;
    let found = snapshot.find(&query);
    Ok(Json(ProcedurePage {
        items: found
            .items
            .into_iter()
            .map(|i| ProcedureItem {
                url: format!("/thu-tuc/{}", i.summary.slug),
                code: i.summary.code,
                name: i.summary.name,
                field: i.summary.field_code,
                level: i.summary.level,
                agency_level: i.summary.agency_level,
                processing_days: i.summary.processing_days,
                highlights: i.highlights,
            })
            .collect(),
        total: found.total,
        page: found.page,
        per_page: found.per_page,
    }))
}

/// A procedure with every published section.
#[derive(Serialize, ToSchema)]
pub struct ProcedureDetail {
    /// Catalogue code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Subject area code.
    pub field: String,
    /// Service level.
    pub level: String,
    /// `province` or `commune`.
    pub agency_level: String,
    /// Implementing agency (province level).
    pub agency: Option<String>,
    /// Summary.
    pub description: String,
    /// Time limit in working days.
    pub processing_days: i32,
    /// Current version number.
    pub version: i32,
    /// Steps.
    pub steps: Vec<String>,
    /// Channels: `online`, `desk`, `post`.
    pub channels: Vec<String>,
    /// Required documents.
    pub documents: Vec<DocumentOut>,
    /// Where dossiers are received: `{"level": "province"|"commune", "agency": code or null}`
    /// (null: the People's Committee of the commune the applicant chooses).
    #[schema(value_type = Option<Object>)]
    pub receiving: Option<AgencyRef>,
    /// Processing agencies in order, in the same form.
    #[schema(value_type = Vec<Object>)]
    pub processing: Vec<AgencyRef>,
    /// Fees (empty when free).
    #[schema(value_type = Vec<Object>)]
    pub fees: Vec<FeeItem>,
    /// The result.
    pub result: String,
    /// Conditions.
    pub conditions: Option<String>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
    /// Public page path.
    pub url: String,
}

/// One required document.
#[derive(Serialize, ToSchema)]
pub struct DocumentOut {
    /// What the document is.
    pub name: String,
    /// How many copies.
    pub copies: u32,
    /// `original`, `copy` or `original_or_copy`.
    pub kind: String,
    /// Whether it must be given.
    pub required: bool,
    /// Name of the official template form.
    pub template: Option<String>,
    /// Path of the template form's download, when the catalogue publishes the file.
    pub template_url: Option<String>,
}

impl From<DocumentItem> for DocumentOut {
    fn from(d: DocumentItem) -> Self {
        let template_url = d.template_url();
        Self {
            name: d.name,
            copies: d.copies,
            kind: d.kind,
            required: d.required,
            template: d.template,
            template_url,
        }
    }
}

/// One procedure by its catalogue code.
#[utoipa::path(get, path = "/procedures/{code}", tag = "catalogue",
    params(("code" = String, Path, description = "Catalogue code, e.g. `1.001193`")),
    responses(
        (status = 200, description = "The procedure", body = ProcedureDetail),
        (status = 404, description = "No such procedure", body = ApiErrorBody),
    ))]
async fn get_procedure(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<ProcedureDetail>, ApiError> {
    let (p, d) = domain::catalogue::procedure_by_code(&state.db, &code)
        .await
        .map_err(|e| match e {
            domain::DomainError::NotFound(_) => {
                ApiError::not_found(format!("Không có thủ tục mã {code}"))
            }
            other => other.into(),
        })?;
    Ok(Json(ProcedureDetail {
        url: format!("/thu-tuc/{}", p.slug),
        code: p.code,
        name: p.name,
        field: p.field_code,
        level: p.level,
        agency_level: p.agency_level,
        agency: p.agency_code,
        description: p.description,
        processing_days: p.processing_days,
        version: p.current_version,
        steps: d.steps,
        channels: d.channels,
        documents: d.documents.into_iter().map(Into::into).collect(),
        receiving: d.receiving,
        processing: d.processing,
        fees: d.fees,
        result: d.result,
        conditions: d.conditions,
        legal_basis: d.legal_basis,
    }))
}

/// An agency that receives or processes dossiers.
#[derive(Serialize, ToSchema)]
pub struct AgencyItem {
    /// National code `NNN.NN.NN.XNN`.
    pub code: String,
    /// Name.
    pub name: String,
    /// `province` or `commune`.
    pub level: String,
    /// Province code.
    pub province_code: String,
    /// Commune code (commune level).
    pub commune_code: Option<String>,
    /// Public address.
    pub address: Option<String>,
    /// Public page path.
    pub url: String,
}

/// Lists the agencies.
#[utoipa::path(get, path = "/agencies", tag = "catalogue",
    responses((status = 200, description = "All agencies", body = [AgencyItem])))]
async fn list_agencies(State(state): State<AppState>) -> Result<Json<Vec<AgencyItem>>, ApiError> {
    let agencies = domain::catalogue::agencies(&state.db).await?;
    Ok(Json(
        agencies
            .into_iter()
            .map(|a| AgencyItem {
                url: format!("/co-quan/{}", a.slug),
                code: a.code,
                name: a.name,
                level: a.level,
                province_code: a.province_code,
                commune_code: a.commune_code,
                address: a.address,
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::parse_params;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parameters_are_read_and_unknown_ones_refused() {
        let q = parse_params(&pairs(&[
            ("q", "khai sinh"),
            ("page", "2"),
            ("online", "1"),
        ]));
        let q = q.map_err(|e| format!("{e:?}")).unwrap_or_default();
        assert_eq!(
            (q.q.as_str(), q.page, q.online_only),
            ("khai sinh", 2, true)
        );
        assert!(parse_params(&pairs(&[("sort", "name")])).is_err());
        assert!(parse_params(&pairs(&[("page", "abc")])).is_err());
        assert!(parse_params(&pairs(&[("page", "-1")])).is_err());
    }
}
