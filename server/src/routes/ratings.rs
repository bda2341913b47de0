//! The routes of satisfaction ratings (`domain::ratings`): the applicant rates an ended dossier
//! on its page or from the notice's single-use link (plain form posts, so they work without
//! JavaScript), and a leader answers a "not satisfied".

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use domain::ratings::{self, RatingInput};
use domain::DomainError;

use crate::request_context::Ctx;
use crate::state::AppState;

/// Ratings' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ho-so/{id}/danh-gia", post(rate))
        .route("/danh-gia/{token}", post(rate_by_link))
        .route("/mot-cua/ho-so/{id}/danh-gia/tra-loi", post(answer))
}

/// The rating form's fields: `level`, `reasons` (repeated, one per ticked box) and `comment`.
fn input_of(fields: &[(String, String)]) -> RatingInput {
    let one = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    RatingInput {
        level: one("level"),
        reasons: fields
            .iter()
            .filter(|(k, _)| k == "reasons")
            .map(|(_, v)| v.clone())
            .collect(),
        comment: one("comment"),
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
    let text = fields
        .iter()
        .find(|(k, _)| k == "answer")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let answered = ratings::answer(state.services(&ctx.origin), &ctx.actor, &id, text)
        .await
        .map(|_| ());
    back(&format!("/mot-cua/ho-so/{id}"), answered, "da-tra-loi")
}
