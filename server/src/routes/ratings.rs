//! The routes of satisfaction ratings (`domain::ratings`): the applicant rates an ended dossier
//! on its page or from the notice's single-use link (plain form posts, so they work without
//! JavaScript), and a leader answers a "not satisfied".

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use domain::ratings::{self, counters, RatingInput};
use domain::DomainError;

use crate::request_context::Ctx;
use crate::state::AppState;

/// Ratings' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ho-so/{id}/danh-gia", post(rate))
        .route("/danh-gia/{token}", post(rate_by_link))
        .route("/mot-cua/ho-so/{id}/danh-gia/tra-loi", post(answer))
        .route("/danh-gia/quay/{counter}", post(kiosk_rate))
        .route("/danh-gia/quay/{counter}/kich-hoat", post(kiosk_set_up))
}

/// The form field `name` (empty when absent).
fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The rating form's fields: `level`, `reasons` (repeated, one per ticked box) and `comment`.
fn input_of(fields: &[(String, String)]) -> RatingInput {
    RatingInput {
        level: field(fields, "level").to_owned(),
        reasons: fields
            .iter()
            .filter(|(k, _)| k == "reasons")
            .map(|(_, v)| v.clone())
            .collect(),
        comment: field(fields, "comment").to_owned(),
    }
}

/// Back to `page` with the outcome: saved, or the problems named (what was typed is kept by
/// the form memory, `__err`).
fn back(page: &str, outcome: Result<(), DomainError>, saved: &str) -> Response {
    match outcome {
        Ok(()) => Redirect::to(&format!("{page}?danh-gia={saved}#danh-gia")).into_response(),
        Err(DomainError::Validation(errors)) => {
            let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
            Redirect::to(&format!(
                "{page}?danh-gia=loi&ma={}&__err=1#danh-gia",
                codes.join(",")
            ))
            .into_response()
        }
        Err(e) => crate::form_errors::failure(e, page),
    }
}

/// `POST /ho-so/{id}/danh-gia`: the owner rates (or changes the rating of) an ended dossier.
pub async fn rate(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    axum::Form(fields): axum::Form<Vec<(String, String)>>,
) -> Response {
    let saved = ratings::rate(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        &input_of(&fields),
    )
    .await
    .map(|_| ());
    back(&format!("/ho-so/{id}"), saved, "da-luu")
}

/// `POST /danh-gia/{token}`: the applicant rates from the notice's link, without signing in.
pub async fn rate_by_link(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(token): Path<String>,
    axum::Form(fields): axum::Form<Vec<(String, String)>>,
) -> Response {
    let saved = ratings::rate_by_link(state.services(&ctx.origin), &token, &input_of(&fields))
        .await
        .map(|_| ());
    back(&format!("/danh-gia/{token}"), saved, "da-luu")
}

/// `POST /mot-cua/ho-so/{id}/danh-gia/tra-loi`: a leader of the rated agency answers a
/// "not satisfied".
pub async fn answer(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    axum::Form(fields): axum::Form<Vec<(String, String)>>,
) -> Response {
    let text = field(&fields, "answer");
    let answered = ratings::answer(state.services(&ctx.origin), &ctx.actor, &id, text)
        .await
        .map(|_| ());
    back(&format!("/mot-cua/ho-so/{id}"), answered, "da-tra-loi")
}

/// `POST /danh-gia/quay/{counter}/kich-hoat`: the agency administrator types the counter's set-up
/// code on its tablet, which then keeps it in a cookie only that counter's page receives (for
/// a year; turning the counter off stops it).
pub async fn kiosk_set_up(
    State(state): State<AppState>,
    Path(id): Path<String>,
    axum::Form(fields): axum::Form<Vec<(String, String)>>,
) -> Response {
    let code = field(&fields, "code").trim().to_owned();
    let page = format!("/danh-gia/quay/{id}");
    match counters::kiosk(&state.db, &id, &code).await {
        Ok(Some(_)) => {
            let cookie = app::session::page_cookie(
                app::server_fns::counters::KIOSK_COOKIE,
                &code,
                &page,
                state.config.secure_cookies(),
                365 * 24 * 3600,
            );
            (
                [(axum::http::header::SET_COOKIE, cookie)],
                Redirect::to(&page),
            )
                .into_response()
        }
        Ok(None) => Redirect::to(&format!("{page}?loi=kiosk_code")).into_response(),
        Err(e) => crate::form_errors::failure(e, &page),
    }
}

/// `POST /danh-gia/quay/{counter}`: a press on a counter's tablet; back to its page, which thanks
/// and resets, or says to wait when the counter was pressed too often.
pub async fn kiosk_rate(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    axum::Form(fields): axum::Form<Vec<(String, String)>>,
) -> Response {
    let level = field(&fields, "level");
    let secret = crate::auth::cookie_value(&headers, app::server_fns::counters::KIOSK_COOKIE)
        .unwrap_or_default();
    let page = format!("/danh-gia/quay/{id}");
    match counters::rate(state.services(&ctx.origin), &id, &secret, level).await {
        Ok(_) => Redirect::to(&format!("{page}?cam-on=1")).into_response(),
        Err(DomainError::RateLimited { .. }) => {
            Redirect::to(&format!("{page}?loi=cham")).into_response()
        }
        Err(DomainError::Validation(errors)) => {
            let code = errors.first().map_or("rating_level", |e| e.code.as_str());
            Redirect::to(&format!("{page}?loi={code}")).into_response()
        }
        Err(e) => crate::form_errors::failure(e, &page),
    }
}
