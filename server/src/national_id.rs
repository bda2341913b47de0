//! Sign-in with the national electronic identity ("Đăng nhập bằng tài khoản định danh điện
//! tử"): an OpenID Connect authorization-code client with PKCE ([`client`]), its ID-token
//! checks ([`id_token`]), the two routes under `/dang-nhap/dinh-danh` ([`routes`]), and a local
//! OpenID provider ([`simulator`]) that speaks the same protocol so development and tests run
//! offline. [`complete_sign_in`] is where a verified identity becomes a portal session.

pub mod client;
pub mod complete;
pub mod id_token;
pub mod routes;

use std::sync::Arc;

use serde::Serialize;

use crate::config::Config;

pub use client::NationalIdClient;
pub use complete::complete_sign_in;

/// A person as the identity provider vouches for them, after every check of the ID token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifiedIdentity {
    /// The provider's stable identifier of the person (`sub`).
    pub subject: String,
    /// 12-digit personal identification number (số định danh cá nhân), from the configured claim.
    pub citizen_id: Option<String>,
    /// Full name (`name`).
    pub full_name: Option<String>,
    /// Date of birth (`birthdate`, `YYYY-MM-DD`).
    pub birthdate: Option<chrono::NaiveDate>,
    /// E-mail address (`email`).
    pub email: Option<String>,
    /// Phone number (`phone_number`).
    pub phone: Option<String>,
}

/// Why a national-identity sign-in did not complete. [`NationalIdError::code`] is what the
/// sign-in page is told; the rest is logged.
#[derive(Debug, thiserror::Error)]
pub enum NationalIdError {
    /// The provider (discovery, JWKS or token endpoint) could not be reached or answered
    /// nonsense.
    #[error("identity provider unreachable: {0}")]
    ProviderUnreachable(String),
    /// The provider's discovery document does not describe the configured issuer.
    #[error("identity provider misconfigured: {0}")]
    ProviderMisconfigured(String),
    /// The provider sent the browser back with an error (RFC 6749 §4.1.2.1), e.g.
    /// `access_denied` when the person pressed "Hủy".
    #[error("identity provider returned {error}: {}", description.as_deref().unwrap_or("-"))]
    ProviderError {
        /// The `error` code.
        error: String,
        /// The `error_description`, if any.
        description: Option<String>,
    },
    /// No flow with this `state`: never started here, already used, or purged.
    #[error("unknown or already used state")]
    UnknownState,
    /// The callback's `state` is not that of a flow this browser started (no flow cookie, or
    /// another state): login CSRF, or a link from someone else's sign-in.
    #[error("state not started by this browser")]
    ForeignState,
    /// The flow was started more than [`client::FLOW_LIFETIME_SECS`] ago.
    #[error("sign-in flow expired")]
    ExpiredState,
    /// The token endpoint refused the code (RFC 6749 §5.2 error code and description).
    #[error("token exchange refused: {0}")]
    TokenExchangeRefused(String),
    /// The ID token failed a check (the reason is logged, never shown).
    #[error("invalid ID token: {0}")]
    InvalidIdToken(#[from] id_token::IdTokenError),
    /// The flow table could not be read or written.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
}

impl NationalIdError {
    /// The short code put in `/dang-nhap?loi=…`: `huy` when the person cancelled, `het-han`
    /// for an unknown, used or expired flow, `dinh-danh` for everything else.
    pub fn code(&self) -> &'static str {
        match self {
            NationalIdError::ProviderError { error, .. } if error == "access_denied" => "huy",
            NationalIdError::UnknownState
            | NationalIdError::ForeignState
            | NationalIdError::ExpiredState => "het-han",
            _ => "dinh-danh",
        }
    }
}

/// The client, plus the simulator when it is mounted. Cheap to clone.
#[derive(Clone)]
pub struct NationalId {
    /// The OpenID Connect client (discovery and JWKS cached per instance).
    pub client: Arc<NationalIdClient>,
    /// The local provider, when `national_id_simulator` is on.
    #[cfg(feature = "simulators")]
    pub simulator: Option<Arc<crate::simulators::national_id::Simulator>>,
}

impl NationalId {
    /// Builds the client from `config`, and the simulator (loading its demo identities from
    /// `seed_dir`) if it is enabled.
    pub fn from_config(config: &Config) -> anyhow::Result<NationalId> {
        let client = Arc::new(NationalIdClient::from_config(config)?);
        #[cfg(feature = "simulators")]
        let simulator = if config.national_id_simulator {
            Some(Arc::new(
                crate::simulators::national_id::Simulator::from_config(config)?,
            ))
        } else {
            None
        };
        Ok(NationalId {
            client,
            #[cfg(feature = "simulators")]
            simulator,
        })
    }
}
