//! `POST /quan-tri/ngay-nghi/nhap`: a system administrator imports a year's national holiday
//! calendar from a file (`domain::holidays::import_year`); back to the calendar page with the
//! outcome, or with the problem named.

use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use domain::DomainError;

use crate::request_context::Ctx;
use crate::state::AppState;

const PAGE: &str = "/quan-tri/ngay-nghi";

/// The import route.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/quan-tri/ngay-nghi/nhap",
        post(import).layer(DefaultBodyLimit::max(
            domain::holidays::MAX_IMPORT_BYTES + 16 * 1024,
        )),
    )
}

async fn import(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    mut multipart: Multipart,
) -> Response {
    let refused = |code: &str| Redirect::to(&format!("{PAGE}?nhap=loi&ma={code}")).into_response();
    let Some((_, bytes)) =
        super::results::first_file(&mut multipart, domain::holidays::MAX_IMPORT_BYTES).await
    else {
        return refused("holiday_file");
    };
    let Ok(text) = String::from_utf8(bytes.to_vec()) else {
        return refused("holiday_file");
    };
    match domain::holidays::import_year(&state.db, &ctx.actor, &ctx.origin, &text).await {
        Ok((year, days)) => {
            Redirect::to(&format!("{PAGE}?nhap=xong&nam={year}&ngay={days}")).into_response()
        }
        Err(DomainError::Validation(errors)) => {
            refused(errors.first().map_or("holiday_file", |e| e.code.as_str()))
        }
        Err(e) => crate::form_errors::failure(e, PAGE),
    }
}
