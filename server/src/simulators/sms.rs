//! The SMS provider's simulator (see `crate::sms` for the protocol): `101` for wrong keys, `99`
//! for a number that is not a Vietnamese mobile number, `103` (no balance) for numbers ending
//! in `0000`. It keeps at most [`super::memory::MAX_KEPT`] messages (the oldest dropped), and lists
//! them only to a signed-in system administrator: they hold one-time codes and dossier notices.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use domain::access::Role;

use super::memory::Bounded;
use crate::request_context::Ctx;
use crate::sms::{SendAnswer, SendRequest, MESSAGES, SEND_PATH, SIMULATOR_KEY};

/// Every route of the simulator (method, path below its `MOUNT`).
pub const PATHS: &[(&str, &str)] = &[("POST", SEND_PATH), ("GET", MESSAGES)];

/// Characters of a message's text the simulator keeps (a real message is far shorter).
const KEPT_CHARS: usize = 1000;

/// A message the simulator accepted.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Received {
    /// Recipient.
    pub phone: String,
    /// Text.
    pub content: String,
    /// Id given.
    pub sms_id: String,
}

/// The simulator's memory of accepted messages (the newest [`super::memory::MAX_KEPT`]).
#[derive(Clone, Default)]
pub struct Simulator {
    received: Arc<Mutex<Bounded<Received>>>,
}

impl Simulator {
    /// The messages kept, oldest first (tests read them here rather than over HTTP).
    pub fn received(&self) -> Vec<Received> {
        self.received
            .lock()
            .map(|l| l.iter().cloned().collect())
            .unwrap_or_default()
    }
}

fn vietnamese_mobile(phone: &str) -> bool {
    let digits = phone.strip_prefix("84").map_or_else(
        || phone.strip_prefix('0').map(str::to_owned),
        |rest| Some(rest.to_owned()),
    );
    digits.is_some_and(|d| {
        d.len() == 9
            && d.bytes().all(|b| b.is_ascii_digit())
            && matches!(d.as_bytes()[0], b'3' | b'5' | b'7' | b'8' | b'9')
    })
}

async fn send(State(sim): State<Simulator>, Json(req): Json<SendRequest>) -> Json<SendAnswer> {
    let refuse = |code: &str, message: &str| SendAnswer {
        code_result: code.into(),
        sms_id: None,
        error_message: Some(message.into()),
    };
    let phone = req.phone.trim().to_owned();
    let answer = if req.api_key != SIMULATOR_KEY || req.secret_key != SIMULATOR_KEY {
        refuse("101", "Authorize Failed")
    } else if !vietnamese_mobile(&phone) {
        refuse("99", "Phone number is invalid")
    } else if phone.ends_with("0000") {
        refuse("103", "Balance not enough")
    } else if req.content.trim().is_empty() {
        refuse("104", "Content is empty")
    } else {
        let id = uuid::Uuid::new_v4().to_string();
        if let Ok(mut list) = sim.received.lock() {
            list.push(Received {
                phone: phone.chars().take(20).collect(),
                content: req.content.chars().take(KEPT_CHARS).collect(),
                sms_id: id.clone(),
            });
        }
        SendAnswer {
            code_result: "100".into(),
            sms_id: Some(id),
            error_message: None,
        }
    };
    Json(answer)
}

/// The accepted messages, for a signed-in system administrator only: they carry one-time
/// codes and notices about people's dossiers. 401 when not signed in, 403 for anyone else.
async fn messages(State(sim): State<Simulator>, ctx: Option<Ctx>) -> Response {
    match ctx {
        Some(Ctx(ctx)) if ctx.actor.has_role(Role::SystemAdmin) => {
            Json(sim.received()).into_response()
        }
        Some(Ctx(ctx)) if ctx.actor.account_id().is_some() => StatusCode::FORBIDDEN.into_response(),
        _ => StatusCode::UNAUTHORIZED.into_response(),
    }
}

/// The simulator's routes, nested under [`MOUNT`]: `POST /api/send` (the provider's call)
/// and `GET /api/messages` (what it accepted, for a system administrator).
pub fn routes<S: Clone + Send + Sync + 'static>(sim: Simulator) -> Router<S> {
    Router::new()
        .route(SEND_PATH, post(send))
        .route(MESSAGES, get(messages))
        .with_state(sim)
}

#[cfg(test)]
mod tests {
    use super::vietnamese_mobile;

    #[test]
    fn mobile_numbers() {
        assert!(vietnamese_mobile("0912345678"));
        assert!(vietnamese_mobile("84912345678"));
        assert!(!vietnamese_mobile("02763123456"));
        assert!(!vietnamese_mobile("091234567"));
        assert!(!vietnamese_mobile("abc"));
    }
}
