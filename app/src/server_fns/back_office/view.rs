//! The back office's views, built from `domain`'s answers in the page's language: a page of a
//! queue, and a staff dossier with its postal return. Server only: the server functions in the
//! modules beside this one return them.

mod dossier;
mod postal;
mod queue;

pub(crate) use dossier::staff_dossier_view;
pub(crate) use queue::queue_view;

use domain::access::Actor;

use crate::dto::dossier::Choice;
use crate::error::AppError;

/// How urgent a dossier is from its working minutes left.
fn urgency(paused: bool, left: Option<i64>) -> String {
    match (paused, left) {
        (true, _) => "paused",
        (_, Some(m)) if m < 0 => "overdue",
        (_, Some(m)) if m < 480 => "soon",
        (_, Some(_)) => "ok",
        (_, None) => "",
    }
    .to_owned()
}

/// Specialists and leaders of `agency` (who can be assigned a dossier).
async fn assignable(
    db: &domain::db::DatabaseConnection,
    actor: &Actor,
    agency: &str,
) -> Result<Vec<Choice>, AppError> {
    Ok(domain::dossiers::staff_view::assignable(db, actor, agency)
        .await?
        .into_iter()
        .map(|(value, label)| Choice { value, label })
        .collect())
}

/// The agency's name, or its code when it has none (a code from an older catalogue).
async fn agency_name(db: &domain::db::DatabaseConnection, code: &str) -> String {
    domain::catalogue::agency_with_province(db, code)
        .await
        .ok()
        .flatten()
        .map_or_else(|| code.to_owned(), |(a, _)| a.name)
}
