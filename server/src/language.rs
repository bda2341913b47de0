//! `/lang/{code}?next=/path`: remembers the chosen interface language in a cookie and returns to
//! the page the user was on. A plain link, so it works with JavaScript off.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::i18n::{Locale, LANG_COOKIE};

use crate::config::Environment;
use crate::state::AppState;

/// Query of the language switch.
#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Only same-site paths are followed (`domain::safe_redirect`), so the switch cannot be used
/// as an open redirect.
fn safe_next(next: Option<&str>) -> &str {
    domain::safe_redirect::local_path_or(next, "/")
}

/// Sets the `lang` cookie for a year and redirects back.
pub async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<Next>,
) -> Response {
    let Some(locale) = Locale::from_code(&code) else {
        return (StatusCode::NOT_FOUND, "unknown language").into_response();
    };
    let secure = if state.config.environment == Environment::Production {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.code()
    );
    let mut response = Redirect::to(safe_next(query.next.as_deref())).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/thu-tuc?q=a")), "/thu-tuc?q=a");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
