//! The site's form posts and downloads outside the Leptos pages and the JSON API, one module
//! per area, each with its own `routes()`; [`all`] merges them for `crate::router`. Handlers
//! only translate forms and outcomes: rules live in `domain`.

pub mod documents;
pub mod filing;
pub mod holidays;
pub mod payments;
pub mod postal;
pub mod ratings;
pub mod refunds;
pub mod results;
pub mod wallboard;

use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;

use app::i18n::{Locale, LANG_COOKIE};

use crate::state::AppState;

/// Every route of this module's areas, and the national-identity sign-in's.
pub fn all() -> Router<AppState> {
    Router::new()
        .merge(filing::routes())
        .merge(holidays::routes())
        .merge(documents::routes())
        .merge(payments::routes())
        .merge(postal::routes())
        .merge(ratings::routes())
        .merge(refunds::routes())
        .merge(results::routes())
        .merge(wallboard::routes())
        .merge(crate::national_id::routes::routes())
}

/// The reader's language, from the language cookie (Vietnamese by default).
pub(crate) fn locale(headers: &HeaderMap) -> Locale {
    crate::auth::cookie_value(headers, LANG_COOKIE)
        .and_then(|c| Locale::from_code(&c))
        .unwrap_or_default()
}

/// Today's date in Vietnam.
pub(crate) fn today() -> chrono::NaiveDate {
    domain::dossiers::codes::vietnam_date(chrono::Utc::now())
}

/// A 303 to `to` (post/redirect/get).
pub(crate) fn see_other(to: String) -> Response {
    Redirect::to(&to).into_response()
}
