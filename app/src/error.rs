//! The UI layer's error type, shared by server functions and the pages that show their errors.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a server function can answer instead of data. The message shown to people comes from
/// the translation files; the variants only carry what the page needs to choose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// The page or item does not exist.
    NotFound,
    /// Input was refused; each entry is `(field, rule code or message)`.
    Validation(Vec<(String, String)>),
    /// Sign-in needed, or the e-mail/password pair is wrong.
    Unauthorized,
    /// Signed in, but not allowed.
    Forbidden,
    /// Too many attempts; seconds to wait.
    RateLimited(u64),
    /// Password sign-in locked until this time (`HH:MM`, Vietnam time).
    Locked(String),
    /// The dossier (or other item) changed meanwhile, or is no longer in a state that allows
    /// this; reloading shows where it stands.
    Conflict,
    /// The system failed; the cause was logged on the server.
    Internal,
    /// The call itself failed (network, encoding): the browser could not reach the server.
    Transport(String),
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::NotFound => write!(f, "not found"),
            AppError::Validation(fields) => write!(f, "invalid input: {fields:?}"),
            AppError::Conflict => write!(f, "conflict"),
            AppError::Internal => write!(f, "internal error"),
            AppError::Unauthorized => write!(f, "unauthorized"),
            AppError::Forbidden => write!(f, "forbidden"),
            AppError::RateLimited(secs) => write!(f, "rate limited for {secs} s"),
            AppError::Locked(until) => write!(f, "locked until {until}"),
            AppError::Transport(why) => write!(f, "request failed: {why}"),
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

/// Answers a script's server-function call with a 4xx status instead of Leptos's blanket 500,
/// so that monitoring counts refused input as the caller's error, not the system's. Plain form
/// posts (JavaScript off) keep Leptos's redirect back to the form.
#[cfg(feature = "ssr")]
fn client_error_status(status: http::StatusCode) {
    use leptos::prelude::use_context;
    let from_script = use_context::<http::request::Parts>().is_some_and(|parts| {
        !parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if from_script {
        if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
            options.set_status(status);
        }
    }
}

impl AppError {
    /// Input refused by the UI layer itself (before the domain saw it), answered with 400 to a
    /// script like the domain's own refusals.
    #[cfg(feature = "ssr")]
    pub fn refused(fields: Vec<(String, String)>) -> AppError {
        client_error_status(http::StatusCode::BAD_REQUEST);
        AppError::Validation(fields)
    }

    /// A conflict the page explains next to a field (someone acted first), answered with 409
    /// to a script.
    #[cfg(feature = "ssr")]
    pub fn conflict_at(fields: Vec<(String, String)>) -> AppError {
        client_error_status(http::StatusCode::CONFLICT);
        AppError::Validation(fields)
    }
}

#[cfg(feature = "ssr")]
impl From<domain::DomainError> for AppError {
    /// The status comes from the domain error itself (`DomainError::status`): a conflict is
    /// 409 and a missing row 404 here as in the JSON API.
    fn from(err: domain::DomainError) -> Self {
        let status = http::StatusCode::from_u16(err.status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        if status.is_client_error() {
            client_error_status(status);
        }
        match err {
            domain::DomainError::Validation(fields) => AppError::Validation(
                fields
                    .into_iter()
                    .map(|f| (f.field, if f.code.is_empty() { f.message } else { f.code }))
                    .collect(),
            ),
            domain::DomainError::Unauthorized => AppError::Unauthorized,
            domain::DomainError::Forbidden(what) => {
                tracing::warn!(%what, "access denied");
                AppError::Forbidden
            }
            domain::DomainError::RateLimited { retry_after_secs } => {
                AppError::RateLimited(retry_after_secs)
            }
            domain::DomainError::Locked { until } => AppError::Locked(
                until
                    .with_timezone(&domain::dossiers::codes::vietnam())
                    .format("%H:%M")
                    .to_string(),
            ),
            domain::DomainError::Conflict(what) => {
                tracing::info!(%what, "refused: conflict");
                AppError::Conflict
            }
            e if e.is_not_found() => AppError::NotFound,
            other => {
                tracing::error!(error = %other, "server function failed");
                AppError::Internal
            }
        }
    }
}
