//! Server functions, grouped by area. Each is a thin adapter over a `domain` service.

pub mod account;
pub mod admin;
pub mod back_office;
pub mod catalogue;
pub mod counters;
pub mod dossier;
pub mod lookup;
pub mod organisation;
pub mod outbox;
pub mod ratings;
pub mod results;
pub mod statistics;
pub mod wallboard;

/// The database handle the server provides to every page and server function.
/// Adds a `Set-Cookie` header (a value from [`crate::session::cookie`]) to the response.
#[cfg(feature = "ssr")]
pub(crate) fn set_cookie(value: String) {
    if let (Some(res), Ok(v)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&value),
    ) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

#[cfg(feature = "ssr")]
pub(crate) fn db() -> Result<domain::db::DatabaseConnection, crate::error::AppError> {
    leptos::prelude::use_context::<domain::db::DatabaseConnection>().ok_or_else(|| {
        tracing::error!("no database connection in the Leptos context");
        crate::error::AppError::Internal
    })
}

/// The parts domain services work with (database, files, scanner, notices), as the server
/// provides them; `shared()?.services(&ctx.origin, Utc::now())` lends them to one call.
#[cfg(feature = "ssr")]
pub(crate) fn shared() -> Result<domain::services::Shared, crate::error::AppError> {
    leptos::prelude::use_context::<domain::services::Shared>().ok_or_else(|| {
        tracing::error!("no services in the Leptos context");
        crate::error::AppError::Internal
    })
}

/// The in-memory catalogue index the server provides (one per instance).
#[cfg(feature = "ssr")]
pub(crate) fn catalogue() -> Result<domain::catalogue_index::CatalogueIndex, crate::error::AppError>
{
    leptos::prelude::use_context::<domain::catalogue_index::CatalogueIndex>().ok_or_else(|| {
        tracing::error!("no catalogue index in the Leptos context");
        crate::error::AppError::Internal
    })
}
