//! `/quan-tri/ngay-nghi`: the holiday calendar that deadlines count working days by.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

/// A holiday calendar row.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HolidayRow {
    /// `yyyy-mm-dd`.
    pub day: String,
    /// `dd/mm/yyyy (weekday)`.
    pub shown: String,
    /// `holiday`, `half_day` or `working_day`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Where it applies: empty for the whole country, else a province or agency code.
    pub scope: String,
}

/// The holiday calendar.
#[server(prefix = "/api/ui", endpoint = "holidays")]
pub async fn holidays() -> Result<Vec<HolidayRow>, AppError> {
    let _ = ctx()?;
    let db = crate::server_fns::db()?;
    Ok(domain::holidays::list(&db)
        .await?
        .into_iter()
        .map(|h| HolidayRow {
            day: h.day.to_string(),
            shown: h.day.format("%d/%m/%Y").to_string(),
            kind: h.kind,
            name: h.name,
            scope: h.scope,
        })
        .collect())
}

/// The years the calendar needs and lacks (see `domain::holidays::years_missing`).
#[server(prefix = "/api/ui", endpoint = "holiday_years_missing")]
pub async fn holiday_years_missing() -> Result<Vec<i32>, AppError> {
    let _ = ctx()?;
    let db = crate::server_fns::db()?;
    let today = domain::dossiers::codes::vietnam_date(chrono::Utc::now());
    Ok(domain::holidays::years_missing(&db, today).await?)
}

/// Adds or changes a calendar day (system administrators).
#[server(prefix = "/api/ui", endpoint = "save_holiday")]
pub async fn save_holiday(
    csrf_token: String,
    day: String,
    kind: String,
    name: String,
    scope: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    let day = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::refused(vec![("day".into(), "date_format".into())]))?;
    domain::holidays::save(&db, &ctx.actor, &ctx.origin, day, &kind, &name, &scope).await?;
    leptos_axum::redirect("/quan-tri/ngay-nghi?da=luu");
    Ok(())
}

/// Removes a calendar day (system administrators).
#[server(prefix = "/api/ui", endpoint = "remove_holiday")]
pub async fn remove_holiday(
    csrf_token: String,
    day: String,
    scope: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    let day = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::refused(vec![("day".into(), "date_format".into())]))?;
    domain::holidays::remove(&db, &ctx.actor, &ctx.origin, day, &scope).await?;
    leptos_axum::redirect("/quan-tri/ngay-nghi?da=xoa");
    Ok(())
}
