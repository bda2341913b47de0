//! Text messages (SMS) through a brandname SMS provider's HTTP JSON API, and a local simulator
//! of that API (the default, so nothing leaves a laptop or a test run).
//!
//! The protocol is the usual shape of Vietnamese brandname providers: `POST` a JSON body with
//! the account's `ApiKey` and `SecretKey`, the `Phone`, the `Content` and the `Brandname`; the
//! answer's `CodeResult` is `"100"` when the message was accepted, another code with an
//! `ErrorMessage` otherwise. The simulator answers the same way: `101` for wrong keys, `99` for
//! a number that is not a Vietnamese mobile number, and `103` (no balance) for numbers ending
//! in `0000` — a test control for a provider that keeps refusing.
//!
//! The simulator is never mounted in production (`crate::simulators`); production sends through
//! a configured provider or, with `sms_disabled`, not at all. It keeps at most
//! [`crate::simulators::MAX_KEPT`] messages (the oldest dropped), and lists them only to a
//! signed-in system administrator: they hold one-time codes and dossier notices.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::{Deserialize, Serialize};

use app::session::RequestContext;
use domain::access::Role;

use crate::config::Config;
use crate::simulators::Bounded;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/sms";
/// The provider's send call, below [`MOUNT`].
const SEND_PATH: &str = "/api/send";
/// The list of accepted messages, below [`MOUNT`].
const MESSAGES: &str = "/api/messages";
/// The list's full path: the one simulator path that resolves the session (see `auth`), as
/// it answers only a system administrator.
pub const MESSAGES_PATH: &str = "/gia-lap/sms/api/messages";
/// Every route of the simulator (method, path below [`MOUNT`]).
pub const PATHS: &[(&str, &str)] = &[("POST", SEND_PATH), ("GET", MESSAGES)];
/// Characters of a message's text the simulator keeps (a real message is far shorter).
const KEPT_CHARS: usize = 1000;

/// Which way text messages go: `provider`, `simulator` or `disabled` (shown on `/ready`).
pub fn mode(config: &Config) -> &'static str {
    if config.sms_disabled {
        "disabled"
    } else if config.sms_url.is_some() {
        "provider"
    } else {
        "simulator"
    }
}

/// API key the simulator accepts (and the gateway sends when no key is configured).
pub const SIMULATOR_KEY: &str = "simulator";
/// Environment variable with the provider's API key (never in a file).
pub const API_KEY_ENV: &str = "PORTAL_SMS_API_KEY";
/// Environment variable with the provider's secret key.
pub const SECRET_KEY_ENV: &str = "PORTAL_SMS_SECRET_KEY";

/// The request body of the provider's send call.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SendRequest {
    /// Account key.
    pub api_key: String,
    /// Account secret.
    pub secret_key: String,
    /// Recipient, `0xxxxxxxxx` or `84xxxxxxxxx`.
    pub phone: String,
    /// Text.
    pub content: String,
    /// Registered sender name.
    pub brandname: String,
    /// `2`: customer care (brandname) message.
    pub sms_type: String,
}

/// The provider's answer.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SendAnswer {
    /// `100` when accepted.
    pub code_result: String,
    /// The provider's message id.
    #[serde(rename = "SMSID")]
    pub sms_id: Option<String>,
    /// Why not.
    pub error_message: Option<String>,
}

/// Sends text messages through the provider at `url`.
#[derive(Clone, Debug)]
pub struct SmsGateway {
    url: String,
    api_key: String,
    secret_key: String,
    brandname: String,
    client: reqwest::Client,
    /// `sms_disabled`: every message fails with a clear error instead of being sent.
    disabled: bool,
}

impl SmsGateway {
    /// The gateway `config` describes: the provider, the simulator (outside production), or
    /// none at all (`sms_disabled`).
    pub fn from_config(config: &Config) -> SmsGateway {
        let url = config.sms_url.clone().unwrap_or_else(|| {
            format!(
                "{}{MOUNT}{SEND_PATH}",
                config.public_url.trim_end_matches('/')
            )
        });
        SmsGateway {
            disabled: config.sms_disabled,
            ..SmsGateway::new(url, config.sms_brandname.clone())
        }
    }

    /// The gateway to `url` (the simulator's address by default), keys from the environment.
    pub fn new(url: String, brandname: String) -> SmsGateway {
        SmsGateway {
            url,
            api_key: std::env::var(API_KEY_ENV).unwrap_or_else(|_| SIMULATOR_KEY.into()),
            secret_key: std::env::var(SECRET_KEY_ENV).unwrap_or_else(|_| SIMULATOR_KEY.into()),
            brandname,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(15))
                .build()
                .unwrap_or_default(),
            disabled: false,
        }
    }

    /// A gateway with explicit keys (tests, and callers that read secrets elsewhere).
    pub fn with_keys(
        url: String,
        api_key: String,
        secret_key: String,
        brandname: String,
    ) -> SmsGateway {
        SmsGateway {
            api_key,
            secret_key,
            ..SmsGateway::new(url, brandname)
        }
    }

    /// Sends one message; the error says the provider's code and words, for the admins' list.
    pub async fn send(&self, phone: &str, text: &str) -> Result<(), String> {
        if self.disabled {
            return Err("text messages are turned off (sms_disabled)".into());
        }
        let answer: SendAnswer = self
            .client
            .post(&self.url)
            .json(&SendRequest {
                api_key: self.api_key.clone(),
                secret_key: self.secret_key.clone(),
                phone: phone.to_owned(),
                content: text.to_owned(),
                brandname: self.brandname.clone(),
                sms_type: "2".into(),
            })
            .send()
            .await
            .map_err(|e| format!("SMS provider unreachable: {e}"))?
            .json()
            .await
            .map_err(|e| format!("SMS provider answer unreadable: {e}"))?;
        if answer.code_result == "100" {
            Ok(())
        } else {
            Err(format!(
                "SMS provider code {}: {}",
                answer.code_result,
                answer.error_message.unwrap_or_default()
            ))
        }
    }
}

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

/// The simulator's memory of accepted messages (the newest [`crate::simulators::MAX_KEPT`]).
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
async fn messages(
    State(sim): State<Simulator>,
    ctx: Option<Extension<RequestContext>>,
) -> Response {
    match ctx {
        Some(Extension(ctx)) if ctx.actor.has_role(Role::SystemAdmin) => {
            Json(sim.received()).into_response()
        }
        Some(Extension(ctx)) if ctx.actor.account_id().is_some() => {
            StatusCode::FORBIDDEN.into_response()
        }
        _ => StatusCode::UNAUTHORIZED.into_response(),
    }
}

/// The simulator's routes, nested under [`MOUNT`]: `POST /api/send` (the provider's call)
/// and `GET /api/messages` (what it accepted, for a system administrator).
pub fn simulator_routes<S: Clone + Send + Sync + 'static>(sim: Simulator) -> Router<S> {
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
