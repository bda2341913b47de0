//! `/mau-don/{sha256}/{file name}`: downloads of the template forms published with the
//! catalogue. The address names the content, so responses are cached for a year by browsers
//! and any proxy in between.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// Serves one template form, or a plain 404 for an unknown address.
pub async fn download(
    State(state): State<AppState>,
    Path((sha256, _name)): Path<(String, String)>,
) -> Response {
    match domain::catalogue_files::get(&state.db, &sha256).await {
        Ok(file) => {
            let disposition = format!(
                "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                ascii_fallback(&file.file_name),
                percent_encode(&file.file_name)
            );
            let mut response = file.data.into_response();
            let headers = response.headers_mut();
            for (name, value) in [
                (header::CONTENT_TYPE, file.content_type),
                (header::CONTENT_DISPOSITION, disposition),
                (
                    header::CACHE_CONTROL,
                    "public, max-age=31536000, immutable".to_owned(),
                ),
                (header::ETAG, format!("\"{}\"", file.sha256)),
            ] {
                if let Ok(value) = HeaderValue::from_str(&value) {
                    headers.insert(name, value);
                }
            }
            response
        }
        Err(e) => crate::form_errors::failure(e, "/"),
    }
}

/// The file name with anything outside printable ASCII (and quotes) replaced, for old clients.
fn ascii_fallback(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// RFC 8187 encoding of the file name for `filename*`.
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
