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
//! The simulator (`crate::simulators::sms`) is never mounted in production; production sends
//! through a configured provider or, with `sms_disabled`, not at all.

use serde::{Deserialize, Serialize};

use crate::config::Config;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/sms";
/// The provider's send call, below [`MOUNT`].
pub const SEND_PATH: &str = "/api/send";
/// The list of accepted messages, below [`MOUNT`].
pub const MESSAGES: &str = "/api/messages";
/// The list's full path: the one simulator path that resolves the session (see `auth`), as
/// it answers only a system administrator.
pub const MESSAGES_PATH: &str = "/gia-lap/sms/api/messages";

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
