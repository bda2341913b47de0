//! Reading the configuration: the built-in defaults, then the TOML file, then the `PORTAL_`
//! environment variables, checked before use; and the configuration shown back with its secrets
//! masked (`portal config`). Separate from the settings themselves and from the rules they
//! must follow ([`super::refusals`]), so that where a value comes from reads on its own.

use std::path::Path;

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;

use super::{Config, ConfigError, ENV_PREFIX, NOT_SETTINGS};

impl Config {
    /// Loads defaults, then `file` (if given and present, or required if named explicitly), then
    /// the environment, and checks the result.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = Self::load_from(file, Self::environment_provider())?;
        config.metrics_token = crate::ops::metrics_access::MetricsToken::from_env();
        Ok(config)
    }

    /// The `PORTAL_` variables that are settings (a misspelt one is named on stderr).
    fn environment_provider() -> Env {
        let known = Self::setting_names();
        for (key, _) in std::env::vars() {
            if let Some(name) = key.strip_prefix(ENV_PREFIX) {
                let name = name.to_lowercase();
                if !known.contains(&name) && !NOT_SETTINGS.contains(&name.as_str()) {
                    eprintln!("portal: ignoring unknown setting {key} (misspelt?)");
                }
            }
        }
        Env::prefixed(ENV_PREFIX)
            .filter(move |key| known.iter().any(|k| key.as_str().eq_ignore_ascii_case(k)))
    }

    /// The names of every setting (the fields of [`Config`]).
    pub fn setting_names() -> Vec<String> {
        serde_json::to_value(Config::default())
            .ok()
            .and_then(|v| v.as_object().map(|m| m.keys().cloned().collect()))
            .unwrap_or_default()
    }

    /// As [`Config::load`], with the environment provider given (tests use this).
    pub fn load_from(file: Option<&Path>, env: Env) -> Result<Config, ConfigError> {
        let config = Self::extract(file, env)?;
        config.validate()?;
        Ok(config)
    }

    /// Defaults, then `file`, then `env`, unchecked.
    fn extract(file: Option<&Path>, env: Env) -> Result<Config, ConfigError> {
        let mut given = Figment::new();
        if let Some(path) = file {
            if !path.exists() {
                return Err(ConfigError::Parse(format!(
                    "configuration file {} does not exist",
                    path.display()
                )));
            }
            given = given.merge(Toml::file(path));
        }
        Self::from_given(given.merge(env))
    }

    /// The defaults under what was `given` (a file, the environment), unchecked. When the
    /// listening address is given but not the public URL, the public URL follows the address:
    /// the links in notices and the simulators' default addresses (payments, carrier, bank)
    /// then reach the port the portal really listens on, not the default one.
    pub(super) fn from_given(given: Figment) -> Result<Config, ConfigError> {
        let follow = given.contains("listen_addr") && !given.contains("public_url");
        let mut config: Config = Figment::from(Serialized::defaults(Config::default()))
            .merge(given)
            .extract()
            .map_err(|e| ConfigError::Parse(e.to_string()))?;
        if follow {
            let mut reachable = config.listen_addr;
            if reachable.ip().is_unspecified() {
                // Listening on every interface: this machine's loopback reaches it.
                reachable.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
            }
            config.public_url = format!("http://{reachable}");
        }
        Ok(config)
    }

    /// As [`Config::load`], for `portal serve`: the secrets production needs from the
    /// environment are checked too, and every refusal is reported at once.
    pub fn load_to_serve(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = Self::extract(file, Self::environment_provider())?;
        config.check_start_up(|name| std::env::var(name).ok())?;
        // As `load` does: secrets read from the environment only.
        config.metrics_token = crate::ops::metrics_access::MetricsToken::from_env();
        Ok(config)
    }

    /// The configuration as TOML with secrets (passwords in URLs) masked, for `portal config`.
    pub fn redacted(&self) -> Config {
        let mut c = self.clone();
        c.database_url = mask_password(&c.database_url);
        c.smtp_url = c.smtp_url.as_deref().map(mask_password);
        if !c.national_id_client_secret.is_empty() {
            c.national_id_client_secret = "***".into();
        }
        c
    }
}

/// Replaces the password of `scheme://user:password@host` with `***`.
pub(super) fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}
