//! The wallboard's live feed (`/bang-theo-doi/su-kien`): server-sent events that tell the
//! leader's board when its figures changed, so the page fetches itself again within seconds.
//! Each instance recomputes the staff member's board every [`EVERY`] from the database (the
//! rollups and the index of running dossiers) and sends its fingerprint when it moved: no
//! instance keeps state another would miss, and a dossier going overdue — which changes no row
//! — is seen too. A feed ends after [`LIFETIME`] and the browser's `EventSource` reconnects
//! with its cookie, so a stopping instance is never held open by a board on a television, and a
//! session signed out (or an account disabled) stops being fed within that time.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use domain::access::Actor;
use domain::statistics::wallboard;

use crate::request_context::Ctx;
use crate::state::AppState;

/// How often a feed looks again.
const EVERY: Duration = Duration::from_secs(2);
/// How long one feed lasts before the browser reconnects.
const LIFETIME: Duration = Duration::from_secs(2 * 60);

/// The wallboard's routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/bang-theo-doi/su-kien", get(events))
}

/// The feed of the signed-in staff member's agency: an event `changed` carrying the board's
/// fingerprint at once and whenever it changes. 401 signed out, 403 for anyone but staff.
async fn events(State(state): State<AppState>, Ctx(ctx): Ctx) -> Response {
    let agency = match &ctx.actor {
        Actor::Staff { agency_code, .. } => agency_code.clone(),
        Actor::Anonymous => return StatusCode::UNAUTHORIZED.into_response(),
        _ => return StatusCode::FORBIDDEN.into_response(),
    };
    let started = tokio::time::Instant::now();
    let stream = futures::stream::unfold(
        (state, agency, String::new(), true),
        move |(state, agency, last, first)| async move {
            loop {
                if !first {
                    tokio::time::sleep(EVERY).await;
                }
                if started.elapsed() > LIFETIME {
                    return None;
                }
                let now = chrono::Utc::now();
                let print = match wallboard::board(&state.db, &agency, now).await {
                    Ok(board) => wallboard::fingerprint(&board),
                    Err(e) => {
                        tracing::warn!(error = %e, "wallboard feed");
                        last.clone()
                    }
                };
                if print != last {
                    let event = Event::default().event("changed").data(print.clone());
                    return Some((
                        Ok::<_, std::convert::Infallible>(event),
                        (state, agency, print, false),
                    ));
                }
                if first {
                    // The first look failed: end the feed, the browser tries again later.
                    return None;
                }
            }
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}
