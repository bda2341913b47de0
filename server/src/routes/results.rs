//! The routes of electronic results: staff upload the result PDF, staff and the applicant
//! download it (the applicant's first deliberate download of an electronic result is its
//! delivery; one caused by another site is not), and
//! anyone holding the printed document checks a copy on the public verification page.
//!
//! Rules live in `domain::results`; these handlers only translate forms and outcomes.

use axum::extract::DefaultBodyLimit;
use axum::extract::{FromRequest, Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use bytes::{Bytes, BytesMut};
use chrono::Utc;
use domain::results;
use domain::DomainError;
use futures::StreamExt;
use sha2::{Digest, Sha256};

use crate::form_errors::failure;
use crate::request_context::Ctx;
use crate::state::AppState;

/// Results: the signed PDF for its owner and for staff, the desk's upload, and the public
/// check of a copy (both uploads bounded by [`BODY_LIMIT`]).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ho-so/{id}/ket-qua.pdf", get(download))
        .route("/mot-cua/ho-so/{id}/ket-qua.pdf", get(download))
        .route(
            "/mot-cua/ho-so/{id}/ket-qua",
            post(upload).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route(
            "/xac-thuc/{id}/kiem-tra",
            post(check).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
}

/// Reads the first file of a form, at most `limit` bytes (`None`: too big or unreadable).
pub(super) async fn first_file(multipart: &mut Multipart, limit: usize) -> Option<(String, Bytes)> {
    let mut field = multipart.next_field().await.ok()??;
    let name = field.file_name().unwrap_or("ket-qua.pdf").to_owned();
    let mut bytes = BytesMut::new();
    // A body broken off (or cut by a limit) is unreadable, never a shorter file.
    while let Some(chunk) = field.chunk().await.ok()? {
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
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Response {
    let back = format!("/mot-cua/ho-so/{id}");
    let Some((name, pdf)) = first_file(&mut multipart, results::MAX_RESULT_MB * 1024 * 1024).await
    else {
        return Redirect::to(&format!("{back}?ket-qua=loi&ma=file_too_big")).into_response();
    };
    let stored = results::upload(state.services(&ctx.origin), &ctx.actor, &id, &name, pdf).await;
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

/// Whether the browser asked for the file on its owner's behalf (see [`results::Opening`]).
///
/// `Sec-Fetch-Site` (Fetch Metadata) decides when present: `same-origin` and `same-site` are the
/// portal's own links; `none` is a URL typed, bookmarked or opened from another application by
/// the applicant, which no other site can cause, so it counts too; `cross-site` is a link,
/// image or frame on another site and never counts. A browser too old to send it is judged by
/// `Origin`, then `Referer`: only one naming this host counts, and a request with neither is
/// treated as coming from elsewhere (an attacking page can suppress the `Referer`).
pub fn opening(headers: &HeaderMap) -> results::Opening {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let deliberate = match text("sec-fetch-site") {
        Some(site) => matches!(site, "same-origin" | "same-site" | "none"),
        None => {
            let host = text(header::HOST.as_str()).unwrap_or_default();
            let names_host = |url: &str| {
                url::Url::parse(url).ok().is_some_and(|u| {
                    let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
                    !host.is_empty()
                        && format!("{}{port}", u.host_str().unwrap_or_default()) == host
                })
            };
            match (
                text(header::ORIGIN.as_str()),
                text(header::REFERER.as_str()),
            ) {
                (Some(origin), _) => names_host(origin),
                (None, Some(referer)) => names_host(referer),
                (None, None) => false,
            }
        }
    };
    if deliberate {
        results::Opening::Deliberate
    } else {
        results::Opening::FromElsewhere
    }
}

/// `GET /ho-so/{id}/ket-qua.pdf` and `GET /mot-cua/ho-so/{id}/ket-qua.pdf`: the result. The
/// applicant's first deliberate opening is the delivery of an electronic result ([`opening`]).
pub async fn download(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let back = format!("/ho-so/{id}");
    let opening = opening(&headers);
    if opening == results::Opening::FromElsewhere {
        tracing::info!(dossier = %id, "result opened from another site: not counted as delivery");
    }
    match results::open_as(
        &state.db,
        state.files(),
        &ctx.actor,
        &ctx.origin,
        &id,
        opening,
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

/// Checks of copies from one address: 20 per 10 minutes. Each reads a file and verifies a
/// PDF signature, so an anonymous caller must not be able to make the portal do it endlessly.
pub const CHECK_IP: domain::rate_limit::Limit = domain::rate_limit::Limit {
    name: "result_check_ip",
    max: 20,
    window_secs: 600,
};

/// Bytes of a checked copy's form beyond the file itself (boundaries and part headers).
const CHECK_FRAMING: usize = 16 * 1024;

/// `POST /xac-thuc/{id}/kiem-tra`: checks a copy brought by anyone. The page it leads to names the
/// copy by its SHA-256, so the answer can be neither stored nor forged: a link with the
/// fingerprint of the issued file says "genuine" only of that very file.
///
/// Anonymous, so bounded before the body is read: the address's allowance ([`CHECK_IP`]) and
/// the result's id are checked first (an unknown id is 404, an address over its allowance is
/// sent back with `loi=check_rate_limited`), and then at most the size of the issued file is
/// read — a larger file cannot be it (`loi=check_larger`).
pub async fn check(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    upload: axum::extract::Request,
) -> Response {
    let back = format!("/xac-thuc/{id}");
    let ip = crate::callbacks::client_ip(&ctx);
    match domain::rate_limit::hit(&state.db, CHECK_IP, &ip).await {
        Ok(()) => {}
        Err(DomainError::RateLimited { .. }) => {
            tracing::warn!(ip, "result checks refused: rate limit");
            return Redirect::to(&format!("{back}?loi=check_rate_limited")).into_response();
        }
        Err(e) => return failure(e, &back),
    }
    let issued = match results::issued_size(&state.db, &id).await {
        Ok(size) => size,
        Err(e) => return failure(e, &back),
    };
    // Only now is the body touched, and no further than the issued file and the form's
    // framing: the multipart reader would otherwise take in whatever the client has sent.
    let (parts, body) = upload.into_parts();
    let mut left = issued + CHECK_FRAMING;
    let limited = body.into_data_stream().map(move |chunk| {
        let chunk = chunk?;
        left = left
            .checked_sub(chunk.len())
            .ok_or_else(|| axum::Error::new("larger than the issued file"))?;
        Ok::<_, axum::Error>(chunk)
    });
    let request = axum::extract::Request::from_parts(parts, axum::body::Body::from_stream(limited));
    let Ok(mut multipart) = Multipart::from_request(request, &state).await else {
        return Redirect::to(&format!("{back}?loi=file_empty")).into_response();
    };
    let Some((_, pdf)) = first_file(&mut multipart, issued).await else {
        return Redirect::to(&format!("{back}?loi=check_larger")).into_response();
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
