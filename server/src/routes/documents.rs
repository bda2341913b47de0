//! Downloads: a dossier's files (`/tep/{file}`), the PDFs made from a dossier (receipt, event
//! slips, payment receipts) and the catalogue's template forms (`/mau-don/…`). Each answers
//! only what its reader may see, and says how long a copy may be kept.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use domain::dossiers::files;

use super::{locale, see_other};
use crate::form_errors::failure;
use crate::request_context::Ctx;
use crate::state::AppState;

/// The download routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tep/{file}", get(file))
        .route("/ho-so/{id}/phieu-tiep-nhan.pdf", get(receipt))
        .route("/ho-so/{id}/giay/{event}", get(slip))
        .route("/ho-so/{id}/bien-lai/{file}", get(payment_receipt))
        .route("/mau-don/{sha256}/{name}", get(template_form))
}

/// `GET /tep/{file}`: one of the caller's files, shown in the browser when it is a PDF or an
/// image (the preview), downloaded otherwise.
pub async fn file(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(file_id): Path<String>,
) -> Response {
    let file = match files::readable(&state.db, &ctx.actor, &file_id).await {
        Ok(f) => f,
        Err(e) => return failure(e, "/ho-so-cua-toi"),
    };
    let stream = match domain::dossiers::attachments::open(state.files(), &file).await {
        Ok(s) => s,
        Err(e) => return failure(e, "/ho-so-cua-toi"),
    };
    // Previewed only if the bytes are a PDF or an image (`crate::security_headers`); anything
    // else is downloaded, sandboxed and never sniffed.
    let (head, stream) = crate::security_headers::peek_head(stream).await;
    let mut response = axum::body::Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    let described =
        crate::security_headers::uploaded_file_headers(&head, &file.content_type, &file.file_name)
            .into_iter()
            .chain([
                (header::CACHE_CONTROL, "private, max-age=3600".to_owned()),
                (header::CONTENT_LENGTH, file.size.to_string()),
            ]);
    for (name, value) in described {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}

/// `GET /ho-so/{id}/phieu-tiep-nhan.pdf`: the receipt of a filed dossier, in the reader's
/// language, for whoever may read the dossier. Made on each request (it is small and quick) so
/// that it always shows the dossier as it is.
pub async fn receipt(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let t = locale(&headers);
    let made = app::server_fns::dossier::receipt::receipt_document(
        t,
        &state.db,
        &ctx.actor,
        &id,
        &state.config.public_url,
    )
    .await
    .map(|(code, doc)| (format!("phieu-tiep-nhan-{code}"), doc));
    pdf_response(&id, made)
}

/// `GET /ho-so/{id}/giay/{event}.pdf`: the slip of one event (receipt & appointment slip,
/// refusal slip, apology letter), for the owner and for staff who may read the dossier.
pub async fn slip(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((id, event)): Path<(String, String)>,
) -> Response {
    let Some(event_id) = event
        .strip_suffix(".pdf")
        .and_then(|e| e.parse::<i64>().ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let t = locale(&headers);
    let made = app::server_fns::dossier::receipt::slip_document(
        t,
        &state.db,
        &ctx.actor,
        &id,
        event_id,
        &state.config.public_url,
    )
    .await;
    pdf_response(&id, made)
}

/// `GET /ho-so/{id}/bien-lai/{txn_ref}.pdf`: the receipt of a confirmed fee payment.
pub async fn payment_receipt(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let Some(txn_ref) = file.strip_suffix(".pdf") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let made = app::server_fns::dossier::receipt::payment_receipt_document(
        locale(&headers),
        &state.db,
        &ctx.actor,
        &id,
        txn_ref,
        &state.config.public_url,
    )
    .await;
    pdf_response(&id, made)
}

/// A made document as a PDF download (named `{name}.pdf`), or the error as a status.
fn pdf_response(
    id: &str,
    made: Result<(String, domain::receipt_pdf::ReceiptDocument), app::error::AppError>,
) -> Response {
    use app::error::AppError;
    let (name, document) = match made {
        Ok(d) => d,
        Err(AppError::Unauthorized) => {
            return see_other(format!("/dang-nhap?next=/ho-so/{id}"));
        }
        Err(AppError::NotFound | AppError::Forbidden) => {
            return StatusCode::NOT_FOUND.into_response();
        }
        Err(AppError::Conflict) => return StatusCode::CONFLICT.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "slip failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match domain::receipt_pdf::render(&document) {
        Ok(pdf) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.pdf\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            pdf,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "PDF failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /mau-don/{sha256}/{file name}`: a template form published with the catalogue. The
/// address names the content, so responses are cached for a year by browsers and any proxy in
/// between; an unknown address is a plain 404.
async fn template_form(
    State(state): State<AppState>,
    Path((sha256, _name)): Path<(String, String)>,
) -> Response {
    match domain::catalogue_files::get(&state.db, &sha256).await {
        Ok(file) => {
            let disposition = format!(
                "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                ascii_fallback(&file.file_name),
                app::format::percent_encode(&file.file_name)
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
