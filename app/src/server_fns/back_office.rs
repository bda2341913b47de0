//! The one-stop back office (Một cửa điện tử): queues, a dossier with its actions, the counter
//! intake, the holiday calendar and procedures' workflows. Thin adapters over
//! `domain::dossiers::{queues, processing}`, `domain::holidays` and `domain::dossiers::workflow`,
//! which decide who may do what.
//!
//! The server functions sit in one module per page they serve; `view` builds the queue's and a
//! staff dossier's views from `domain`'s answers (on the server only). Every function keeps its
//! explicit `endpoint`, so its URL (`/api/ui/<endpoint>`) does not depend on its module.

pub mod counter_intake;
pub mod dossier;
pub mod holidays;
pub mod queue;
#[cfg(feature = "ssr")]
mod view;
pub mod workflow;

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// The caller: who they are and where the request came from.
#[cfg(feature = "ssr")]
fn ctx() -> Result<crate::session::RequestContext, AppError> {
    crate::session::request_context().ok_or(AppError::Internal)
}

/// A domain refusal of a staff action, as the page shows it.
#[cfg(feature = "ssr")]
fn act_error(e: domain::DomainError) -> AppError {
    match e {
        // Someone else acted first: say so next to the buttons instead of "system error".
        domain::DomainError::Conflict(_) => {
            AppError::conflict_at(vec![("transition".into(), "dossier_moved_on".into())])
        }
        other => other.into(),
    }
}
