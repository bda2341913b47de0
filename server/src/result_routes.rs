//! The routes of electronic results: staff upload the result PDF, staff and the applicant
//! download it (the applicant's first download of an electronic result is its delivery), and
//! anyone holding the printed document checks a copy on the public verification page.
//!
//! Rules live in `domain::results`; these handlers only translate forms and outcomes.

use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use bytes::{Bytes, BytesMut};
use chrono::Utc;
use domain::results;
use domain::DomainError;
use sha2::{Digest, Sha256};

use app::session::RequestContext;

use crate::state::AppState;

/// Reads the first file of a form, at most `limit` bytes (`None`: too big or unreadable).
async fn first_file(multipart: &mut Multipart, limit: usize) -> Option<(String, Bytes)> {
    let mut field = multipart.next_field().await.ok()??;
    let name = field.file_name().unwrap_or("ket-qua.pdf").to_owned();
    let mut bytes = BytesMut::new();
    while let Ok(Some(chunk)) = field.chunk().await {
        if bytes.len() + chunk.len() > limit {
            return None;
        }
        bytes.extend_from_slice(&chunk);
    }
    Some((name, bytes.freeze()))
}

/// Request body limit of the result routes (the PDF plus the form's framing).
pub const BODY_LIMIT: usize = (results::MAX_RESULT_MB + 1) * 1024 * 1024;

/// `POST /mot-cua/ho-so/{id}/ket-qua`: staff attach the result PDF; back to the dossier page.
pub async fn upload(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Response {
    let back = format!("/mot-cua/ho-so/{id}");
    let Some((name, pdf)) = first_file(&mut multipart, results::MAX_RESULT_MB * 1024 * 1024).await
    else {
        return Redirect::to(&format!("{back}?ket-qua=loi&ma=file_too_big")).into_response();
    };
    let stored = results::upload(
        &state.db,
        state.files.as_ref(),
        state.scanner.as_ref(),
        &ctx.actor,
        &ctx.origin,
        &id,
        &name,
        pdf,
        Utc::now(),
    )
    .await;
    match stored {
        Ok(_) => Redirect::to(&format!("{back}?da=result_upload")).into_response(),
        Err(DomainError::Validation(errors)) => {
            let code = errors.first().map_or("result_not_pdf", |e| e.code.as_str());
            Redirect::to(&format!("{back}?ket-qua=loi&ma={code}")).into_response()
        }
        Err(DomainError::Conflict(_)) => {
            Redirect::to(&format!("{back}?ket-qua=loi&ma=result_signed")).into_response()
        }
        Err(e) => failure(e, &back),
    }
}

fn failure(e: DomainError, back: &str) -> Response {
    match e {
        DomainError::Unauthorized => {
            Redirect::to(&format!("/dang-nhap?next={back}")).into_response()
        }
        DomainError::NotFound(_) | DomainError::Forbidden(_) => {
            StatusCode::NOT_FOUND.into_response()
        }
        other => {
            tracing::error!(error = %other, "result route failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /ho-so/{id}/ket-qua.pdf` and `GET /mot-cua/ho-so/{id}/ket-qua.pdf`: the result.
pub async fn download(
    State(state): State<AppState>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/ho-so/{id}");
    match results::open(
        &state.db,
        state.files.as_ref(),
        &ctx.actor,
        &ctx.origin,
        &id,
        Utc::now(),
    )
    .await
    {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{}\"", file.name.replace('"', "")),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
                (header::X_FRAME_OPTIONS, "SAMEORIGIN".to_owned()),
            ],
            file.bytes,
        )
            .into_response(),
        Err(e) => failure(e, &back),
    }
}

/// `POST /xac-thuc/{id}/kiem-tra`: checks a copy brought by anyone. The page it leads to names the
/// copy by its SHA-256, so the answer can be neither stored nor forged: a link with the
/// fingerprint of the issued file says "genuine" only of that very file.
pub async fn check(
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Response {
    let back = format!("/xac-thuc/{id}");
    let Some((_, pdf)) = first_file(&mut multipart, results::MAX_RESULT_MB * 1024 * 1024).await
    else {
        return Redirect::to(&format!("{back}?loi=file_too_big")).into_response();
    };
    if pdf.is_empty() {
        return Redirect::to(&format!("{back}?loi=file_empty")).into_response();
    }
    match results::verify(&state.db, &id, Some(&pdf)).await {
        Ok(seen) => {
            tracing::info!(result = %id, verdict = ?seen.file, "result copy checked");
            let sha = hex::encode(Sha256::digest(&pdf));
            Redirect::to(&format!("{back}?tep={sha}")).into_response()
        }
        Err(e) => failure(e, &back),
    }
}
