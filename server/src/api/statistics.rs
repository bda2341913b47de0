//! `/api/v1/statistics`: the public statistics as open data — the figures the `/thong-ke` page
//! shows, for a choice of agency (with the agencies under it), field, procedure and period, as
//! JSON or CSV, with each count from 1 to 4 suppressed, and the data dictionary with the
//! licence (`domain::statistics`). No sign-in.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::statistics::open_data::{self, DICTIONARY, LICENCE, SUPPRESS_BELOW};
use domain::statistics::report::{self, Report, Request};

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(statistics))
        .routes(routes!(statistics_csv))
        .routes(routes!(dictionary))
        .routes(routes!(quality_index))
}

/// What to count (all optional).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsParams {
    /// Agency code: the agency with every agency under it (a province's root agency: the whole
    /// province). All agencies when absent.
    #[serde(default)]
    pub agency: String,
    /// Field code: the field's procedures.
    #[serde(default)]
    pub field: String,
    /// Procedure code.
    #[serde(default)]
    pub procedure: String,
    /// `2026-11` (a month), `2026-Q4` (a quarter) or `2026` (a year); this month when absent.
    #[serde(default)]
    pub period: String,
    /// Not accepted here (400): open data is per month, quarter or year.
    #[serde(default)]
    pub from: String,
    /// Not accepted here (400).
    #[serde(default)]
    pub to: String,
}

impl From<StatisticsParams> for Request {
    fn from(p: StatisticsParams) -> Request {
        Request {
            agency: p.agency,
            field: p.field,
            procedure: p.procedure,
            period: p.period,
            from: p.from,
            to: p.to,
        }
    }
}

/// One agency's published figures.
#[derive(Serialize, ToSchema)]
pub struct AgencyFiguresDto {
    /// Agency code.
    pub agency_code: String,
    /// The figures, keyed by the dictionary's column names (`null`: suppressed or no basis).
    #[schema(value_type = Object)]
    pub figures: serde_json::Value,
}

/// The open statistics of a scope and period.
#[derive(Serialize, ToSchema)]
pub struct StatisticsDto {
    /// The period's code.
    pub period: String,
    /// Its first day.
    pub first_day: String,
    /// Its last day.
    pub last_day: String,
    /// The previous period's code.
    pub previous_period: String,
    /// The agencies counted (empty: all).
    pub agencies: Vec<String>,
    /// The procedures counted (empty: all, with the counters' ratings).
    pub procedures: Vec<String>,
    /// The period's figures, keyed by the dictionary's column names.
    #[schema(value_type = Object)]
    pub figures: serde_json::Value,
    /// The previous period's.
    #[schema(value_type = Object)]
    pub previous: serde_json::Value,
    /// Each agency's own figures.
    pub by_agency: Vec<AgencyFiguresDto>,
    /// Counts from 1 to this minus one are published as `null`.
    pub suppressed_below: i64,
    /// How the data may be reused.
    pub licence: String,
}

/// The report of `params`. Open data is published per month, quarter or year only: spans of
/// days chosen at will would give single days (and single dossiers) by subtraction.
async fn answer(state: &AppState, params: StatisticsParams) -> Result<Report, ApiError> {
    let custom = params.period.contains("..")
        || (params.period.trim().is_empty() && !(params.from.is_empty() && params.to.is_empty()));
    if custom {
        return Err(ApiError::bad_parameter(
            "period",
            "open data is published per month (2026-11), quarter (2026-Q4) or year (2026)",
        ));
    }
    let today = domain::dossiers::codes::vietnam_date(Utc::now());
    Ok(report::report(&state.db, &params.into(), today).await?)
}

/// The public statistics of a scope and period, as JSON.
#[utoipa::path(get, path = "/statistics", tag = "statistics",
    params(StatisticsParams),
    responses(
        (status = 200, description = "The figures", body = StatisticsDto),
        (status = 400, description = "An unknown agency, field or procedure, or a period that cannot be read (the field is named)", body = ApiErrorBody),
    ))]
async fn statistics(
    State(state): State<AppState>,
    Query(params): Query<StatisticsParams>,
) -> Result<Json<StatisticsDto>, ApiError> {
    let r = answer(&state, params).await?;
    Ok(Json(StatisticsDto {
        period: r.period.code(),
        first_day: r.period.first().to_string(),
        last_day: r.period.last().to_string(),
        previous_period: r.period.previous().code(),
        agencies: r.scope.agencies.clone(),
        procedures: r.scope.procedures.clone(),
        figures: open_data::json(&r.current),
        previous: open_data::json(&r.previous),
        by_agency: r
            .by_agency
            .iter()
            .map(|(code, f)| AgencyFiguresDto {
                agency_code: code.clone(),
                figures: open_data::json(f),
            })
            .collect(),
        suppressed_below: SUPPRESS_BELOW,
        licence: LICENCE.to_owned(),
    }))
}

/// The same as CSV: a line for the whole scope (`agency_code` `*`) and one per agency; a
/// suppressed value is empty.
#[utoipa::path(get, path = "/statistics.csv", tag = "statistics",
    params(StatisticsParams),
    responses(
        (status = 200, description = "The figures as CSV (UTF-8, a header line)", content_type = "text/csv", body = String),
        (status = 400, description = "As for `/statistics`", body = ApiErrorBody),
    ))]
async fn statistics_csv(
    State(state): State<AppState>,
    Query(params): Query<StatisticsParams>,
) -> Result<Response, ApiError> {
    let r = answer(&state, params).await?;
    let names = domain::catalogue::AgencyNames::load(&state.db).await?;
    let name_of = |code: &str| names.of(code);
    let body = open_data::csv(&r, name_of)
        .map_err(|e| domain::DomainError::Internal(format!("statistics csv: {e}")))?;
    let file = format!("attachment; filename=\"thong-ke-{}.csv\"", r.period.code());
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/csv; charset=utf-8".to_owned(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, file),
        ],
        body,
    )
        .into_response())
}

/// One column of the open data.
#[derive(Serialize, ToSchema)]
pub struct ColumnDto {
    /// Column name (CSV) and key (JSON).
    pub name: String,
    /// `count`, `percent` or `minutes`.
    pub unit: String,
    /// Meaning in Vietnamese.
    pub vi: String,
    /// Meaning in English.
    pub en: String,
}

/// The data dictionary and licence.
#[derive(Serialize, ToSchema)]
pub struct DictionaryDto {
    /// Every figure's column, in the CSV's order (after `period`, `agency_code`,
    /// `agency_name`).
    pub columns: Vec<ColumnDto>,
    /// Counts from 1 to this minus one, and rates on fewer, are not published.
    pub suppressed_below: i64,
    /// How figures are counted.
    pub notes: String,
    /// How the data may be reused.
    pub licence: String,
}

/// What each column of the open statistics means, and the licence.
#[utoipa::path(get, path = "/statistics/dictionary", tag = "statistics",
    responses((status = 200, description = "The data dictionary", body = DictionaryDto)))]
async fn dictionary() -> Json<DictionaryDto> {
    Json(DictionaryDto {
        columns: DICTIONARY
            .iter()
            .map(|c| ColumnDto {
                name: c.name.into(),
                unit: c.unit.into(),
                vi: c.vi.into(),
                en: c.en.into(),
            })
            .collect(),
        suppressed_below: SUPPRESS_BELOW,
        notes: "Figures are counted under the agency that received the dossier, per day in \
                Vietnam's time (UTC+7). Stocks (carried over, pending) are at the end of the \
                day before the period and of its last day (or today). Overdue: still open \
                after its appointment day, its clock running. Rates are rounded down."
            .into(),
        licence: LICENCE.into(),
    })
}

/// The period of the index.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IndexParams {
    /// `2026-11`, `2026-Q4` or `2026`; this month when absent.
    #[serde(default)]
    pub period: String,
}

/// One indicator's score.
#[derive(Serialize, ToSchema)]
pub struct IndicatorScoreDto {
    /// `1.1`…
    pub code: String,
    /// Group code.
    pub group: String,
    /// Name, Vietnamese.
    pub name_vi: String,
    /// Name, English.
    pub name_en: String,
    /// What was counted.
    pub part: i64,
    /// Out of (0: nothing to count, no points).
    pub whole: i64,
    /// Rate in hundredths of a percent (`3333` is 33.33 %).
    pub rate: Option<i64>,
    /// The rate that earns the maximum, percent.
    pub threshold_percent: i32,
    /// Maximum points.
    pub max_points: i32,
    /// Points earned, in hundredths: `min(max, rate × max ÷ threshold)`.
    pub points: i64,
}

/// An agency's index.
#[derive(Serialize, ToSchema)]
pub struct AgencyIndexDto {
    /// Rank, 1 first.
    pub rank: usize,
    /// Agency code.
    pub agency_code: String,
    /// Total points in hundredths (of 100.00).
    pub total: i64,
    /// The previous period's total, when the agency had figures then.
    pub previous_total: Option<i64>,
    /// Each indicator.
    pub indicators: Vec<IndicatorScoreDto>,
}

/// The Decision 766 service-quality index of every agency in a period, best first.
#[utoipa::path(get, path = "/statistics/index766", tag = "statistics",
    params(IndexParams),
    responses(
        (status = 200, description = "The ranking", body = Vec<AgencyIndexDto>),
        (status = 400, description = "A period that cannot be read", body = ApiErrorBody),
    ))]
async fn quality_index(
    State(state): State<AppState>,
    Query(params): Query<IndexParams>,
) -> Result<Json<Vec<AgencyIndexDto>>, ApiError> {
    let today = domain::dossiers::codes::vietnam_date(Utc::now());
    let request = Request {
        period: params.period,
        ..Request::default()
    };
    let period = report::period_of(&request, today)?;
    let ranking = domain::statistics::index766::ranking(&state.db, &period, today).await?;
    Ok(Json(
        ranking
            .into_iter()
            .enumerate()
            .map(|(n, s)| AgencyIndexDto {
                rank: n + 1,
                agency_code: s.agency,
                total: s.total,
                previous_total: s.previous,
                indicators: s
                    .indicators
                    .into_iter()
                    .map(|i| IndicatorScoreDto {
                        code: i.indicator.code,
                        group: i.indicator.group_code,
                        name_vi: i.indicator.name_vi,
                        name_en: i.indicator.name_en,
                        part: i.part,
                        whole: i.whole,
                        rate: i.rate,
                        threshold_percent: i.indicator.threshold_percent,
                        max_points: i.indicator.max_points,
                        points: i.points,
                    })
                    .collect(),
            })
            .collect(),
    ))
}
