//! The public lookup by dossier code and four digits (`domain::dossiers::lookup`).

use leptos::prelude::*;

use crate::dto::lookup::LookupView;
use crate::error::AppError;

/// The public status of the dossier `code`, given the last four digits of the applicant's phone
/// number or citizen ID. Read-only for the caller, but failures are counted against guessing, so
/// a call over HTTP carries the CSRF token (another site must not spend a visitor's tries).
#[server(prefix = "/api/ui", endpoint = "lookup")]
pub async fn lookup_dossier(
    csrf_token: String,
    code: String,
    factor: String,
) -> Result<LookupView, AppError> {
    let _ = csrf_token;
    use crate::format::{local_time, time_text};
    let db = super::db()?;
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let client = ctx.origin.ip.clone().unwrap_or_else(|| "-".into());
    let s =
        domain::dossiers::lookup::lookup(&db, &code, &factor, &client, chrono::Utc::now()).await?;
    let t = crate::i18n::use_locale();
    Ok(LookupView {
        code: s.code,
        procedure: s.procedure_name,
        status: s.status.code().to_owned(),
        agency: s.holding_agency_name.unwrap_or_default(),
        submitted_at: local_time(s.submitted_at),
        due_at: local_time(s.due_at),
        time_left: s.minutes_left.map(|m| time_text(t, m)).unwrap_or_default(),
        paused: s.paused,
        finished_at: local_time(s.finished_at),
    })
}
