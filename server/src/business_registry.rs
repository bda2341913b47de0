//! The national business registry over HTTP (`domain::organisations::registry`); its local
//! simulator is `crate::simulators::business_registry`. After a national-identity sign-in
//! the portal asks the registry about the organisations the account represents
//! ([`after_national_id_sign_in`]).

use domain::organisations::registry::{BusinessRegistry, RegisteredBusiness, RegistryError};
use futures::future::BoxFuture;

use crate::config::Config;
use crate::state::AppState;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/dang-ky-kinh-doanh";
/// The JSON lookup below [`MOUNT`]; the registry's API base is `{MOUNT}/api`.
pub const LOOKUP: &str = "/api/doanh-nghiep/{tax_code}";

/// Calls the registry's API at `base` (`GET {base}/doanh-nghiep/{tax_code}`).
#[derive(Clone, Debug)]
pub struct HttpBusinessRegistry {
    base: String,
    client: reqwest::Client,
}

impl HttpBusinessRegistry {
    /// A client of the API whose base is `base`.
    pub fn new(base: &str) -> HttpBusinessRegistry {
        HttpBusinessRegistry {
            base: base.trim_end_matches('/').to_owned(),
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
        }
    }

    /// The registry the configuration names: `business_registry_url`, else the simulator
    /// where simulators are served; none otherwise (then only desk clerks verify).
    pub fn from_config(config: &Config) -> Option<HttpBusinessRegistry> {
        match &config.business_registry_url {
            Some(url) => Some(HttpBusinessRegistry::new(url)),
            None if !config.simulators_served() => None,
            None => Some(HttpBusinessRegistry::new(&format!(
                "{}{MOUNT}/api",
                config.public_url.trim_end_matches('/')
            ))),
        }
    }
}

impl BusinessRegistry for HttpBusinessRegistry {
    fn lookup<'a>(
        &'a self,
        tax_code: &'a str,
    ) -> BoxFuture<'a, Result<Option<RegisteredBusiness>, RegistryError>> {
        Box::pin(async move {
            let digits: String = tax_code.chars().filter(char::is_ascii_digit).collect();
            let response = self
                .client
                .get(format!("{}/doanh-nghiep/{digits}", self.base))
                .send()
                .await
                .map_err(|e| RegistryError::Unavailable(format!("unreachable: {e}")))?;
            match response.status() {
                reqwest::StatusCode::NOT_FOUND => Ok(None),
                s if s.is_success() => response
                    .json::<RegisteredBusiness>()
                    .await
                    .map(Some)
                    .map_err(|e| RegistryError::Unavailable(format!("answer unreadable: {e}"))),
                s => Err(RegistryError::Unavailable(format!("answered {s}"))),
            }
        })
    }
}

/// The seam called by `national_id::complete` once the national identity signed `account_id`
/// in with `citizen_id`: the organisations this account represents are verified when the
/// registry names it their legal representative. Never fails the sign-in.
pub async fn after_national_id_sign_in(
    state: &AppState,
    account_id: &str,
    citizen_id: Option<&str>,
    origin: &domain::audit::Origin,
) {
    let (Some(citizen_id), Some(registry)) =
        (citizen_id, HttpBusinessRegistry::from_config(&state.config))
    else {
        return;
    };
    match domain::organisations::verify_by_representative(
        &state.db,
        &registry,
        account_id,
        citizen_id,
        origin,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(verified) if !verified.is_empty() => {
            tracing::info!(account = %account_id, ?verified, "organisations verified by their representative");
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "organisation verification failed"),
    }
}
