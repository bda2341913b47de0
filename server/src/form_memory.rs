//! What was typed into a form stays typed when the form comes back with an error.
//!
//! The interface's forms post without script (pages are server-rendered; only islands run in
//! the browser). A server function that refuses a form answers a plain form post with a
//! redirect back to the page, the error in its query (`__err`), so the page that comes back
//! would show empty fields: a citizen would type the whole form again for one wrong digit.
//!
//! This layer remembers the post's fields when the answer is such an error redirect, in a
//! cookie that only the form's page receives (`Path`), that script cannot read, and that lives
//! two minutes; when the browser follows the redirect, the page gets the values as
//! [`app::session::KeptForm`] and the cookie is deleted in the same answer. Passwords and the
//! CSRF token are never kept. Nothing is stored on the server, so any instance can answer.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::cookie_value;

/// The cookie's name.
const COOKIE: &str = "dvc_form";
/// Largest form body read (the same limit as the CSRF check's).
const MAX_FORM: usize = 1024 * 1024;
/// Longest kept value (a cookie holds about 4 KB): a longer form is not kept.
const MAX_KEPT: usize = 3500;

/// Whether cookies get `Secure` (production, HTTPS).
#[derive(Clone, Copy)]
pub struct Secure(pub bool);

/// The layer (see the module's documentation).
pub async fn keep(State(Secure(secure)): State<Secure>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    if is_plain_form_post(&parts) {
        let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM).await else {
            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
        };
        let mut response = next
            .run(Request::from_parts(parts, Body::from(bytes.clone())))
            .await;
        if let (Some(path), Some(value)) = (error_redirect_path(&response), kept(&bytes)) {
            append_cookie(&mut response, &value, &path, 120, secure);
        }
        return response;
    }
    let remembered = cookie_value(&parts.headers, COOKIE);
    let path = parts.uri.path().to_owned();
    let mut request = Request::from_parts(parts, body);
    if let Some(value) = &remembered {
        if request.uri().query().is_some_and(|q| q.contains("__err=")) {
            request.extensions_mut().insert(app::session::KeptForm(
                url::form_urlencoded::parse(value.as_bytes())
                    .into_owned()
                    .collect(),
            ));
        }
    }
    let mut response = next.run(request).await;
    if remembered.is_some() {
        append_cookie(&mut response, "", &path, 0, secure);
    }
    response
}

/// A form posted by the browser itself (no script took it over) to a server function or a
/// form route; only an answer that redirects with `__err` makes its fields kept.
fn is_plain_form_post(parts: &axum::http::request::Parts) -> bool {
    let header_has = |name: header::HeaderName, text: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(text))
    };
    parts.method == Method::POST
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        && header_has(header::ACCEPT, "text/html")
}

/// The page a refused form is sent back to: the path of a redirect that carries `__err`.
fn error_redirect_path(response: &Response) -> Option<String> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    if !location.contains("__err=") {
        return None;
    }
    let url = url::Url::parse("http://portal.invalid")
        .ok()?
        .join(location)
        .ok()?;
    Some(url.path().to_owned())
}

/// The body's fields without secrets, URL-encoded (characters a cookie value may hold).
fn kept(body: &[u8]) -> Option<String> {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url::form_urlencoded::parse(body) {
        let lower = name.to_lowercase();
        if lower == app::session::CSRF_FIELD
            || lower.contains("password")
            || lower.starts_with("__")
        {
            continue;
        }
        out.append_pair(&name, &value);
    }
    let value = out.finish();
    (!value.is_empty() && value.len() <= MAX_KEPT).then_some(value)
}

fn append_cookie(response: &mut Response, value: &str, path: &str, max_age: u32, secure: bool) {
    let cookie = app::session::page_cookie(COOKIE, value, path, secure, max_age);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_and_the_csrf_token_are_never_kept() {
        let body = b"csrf_token=abc&email=tam%40example.vn&password=x&new_password=y&name=L%C3%AA+T%C3%A2m";
        assert_eq!(
            kept(body).as_deref(),
            Some("email=tam%40example.vn&name=L%C3%AA+T%C3%A2m")
        );
        assert_eq!(super::kept(b"password=x&csrf_token=y"), None);
    }

    #[test]
    fn a_form_too_long_for_a_cookie_is_not_kept() {
        let body = format!("note={}", "a".repeat(MAX_KEPT + 1));
        assert_eq!(kept(body.as_bytes()), None);
    }

    #[test]
    fn only_an_error_redirect_names_the_page_to_keep_for() {
        let redirect = |to: &'static str| {
            let mut response = StatusCode::FOUND.into_response();
            response
                .headers_mut()
                .insert(header::LOCATION, HeaderValue::from_static(to));
            response
        };
        assert_eq!(
            error_redirect_path(&redirect("http://127.0.0.1:3000/dang-ky?__path=x&__err=y")),
            Some("/dang-ky".to_owned())
        );
        assert_eq!(
            error_redirect_path(&redirect("/tai-khoan?__err=y")),
            Some("/tai-khoan".to_owned())
        );
        assert_eq!(error_redirect_path(&redirect("/tai-khoan?da=luu")), None);
    }
}
