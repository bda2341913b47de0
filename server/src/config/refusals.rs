//! The rules a configuration must follow beyond what its types express, and the secrets
//! production must find in the environment: every broken rule is named with its setting and
//! environment variable, all at once. Separate from loading so that the list of refusals — the
//! part an operator setting up production reads — stays in one place, simulators included.

use super::{
    Config, ConfigError, Environment, MailTransport, StorageBackend, DEMO_VIETQR_ACCOUNT,
    DEV_CARRIER_SECRET, DEV_NATIONAL_ID_SECRET, DEV_PAYOUTS_SECRET, DEV_VIETQR_SECRET,
    DEV_VNPAY_SECRET, ENV_PREFIX,
};

impl Config {
    fn invalid(setting: &'static str, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            setting,
            env: format!("{ENV_PREFIX}{}", setting.to_uppercase()),
            message: message.into(),
        }
    }

    /// Rules that types alone do not express. Every broken rule is reported at once (a
    /// [`ConfigError::Refused`] list when there are several), so that an operator setting up
    /// production fixes them in one round rather than one restart per setting.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let mut refused = self.refusals();
        match refused.len() {
            0 => Ok(()),
            1 => Err(refused.remove(0)),
            _ => Err(ConfigError::Refused(refused)),
        }
    }

    /// Every rule the settings break (empty: valid).
    pub fn refusals(&self) -> Vec<ConfigError> {
        let mut refused = Vec::new();
        self.rules(&mut refused);
        self.validate_files(&mut refused);
        self.simulator_refusals(&mut refused);
        refused
    }

    /// The general rules and the production requirements.
    fn rules(&self, refused: &mut Vec<ConfigError>) {
        if let Err(e) = crate::ops::metrics_access::parse_list(&self.metrics_allow) {
            refused.push(Self::invalid("metrics_allow", e));
        }
        let url = &self.database_url;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            refused.push(Self::invalid(
                "database_url",
                "must start with sqlite: or postgres://",
            ));
        }
        if self.database_max_connections == 0 {
            refused.push(Self::invalid(
                "database_max_connections",
                "must be at least 1",
            ));
        }
        if !(self.public_url.starts_with("http://") || self.public_url.starts_with("https://")) {
            refused.push(Self::invalid(
                "public_url",
                "must start with http:// or https://",
            ));
        }
        if self.mail_transport == MailTransport::Smtp && self.smtp_url.is_none() {
            refused.push(Self::invalid(
                "smtp_url",
                "is required when mail_transport is smtp",
            ));
        }
        if self.environment == Environment::Production {
            if !self.public_url.starts_with("https://") {
                refused.push(Self::invalid(
                    "public_url",
                    "must be https:// in production",
                ));
            }
            if self.mail_transport == MailTransport::Outbox {
                refused.push(Self::invalid(
                    "mail_transport",
                    "outbox keeps e-mail on disk; use smtp in production",
                ));
            }
        }
        let issuer = &self.national_id_issuer;
        if !(issuer.is_empty() || issuer.starts_with("http://") || issuer.starts_with("https://")) {
            refused.push(Self::invalid(
                "national_id_issuer",
                "must be empty (the simulator) or start with http:// or https://",
            ));
        }
        if self.national_id_client_id.is_empty() {
            refused.push(Self::invalid("national_id_client_id", "must not be empty"));
        }
        if self.national_id_citizen_id_claim.is_empty() {
            refused.push(Self::invalid(
                "national_id_citizen_id_claim",
                "must not be empty",
            ));
        }
        if self.environment == Environment::Production {
            if self.national_id_client_secret == DEV_NATIONAL_ID_SECRET
                || self.national_id_client_secret.is_empty()
            {
                refused.push(Self::invalid(
                    "national_id_client_secret",
                    "the development secret is public; set the one issued by the provider",
                ));
            }
            if !issuer.starts_with("https://") {
                refused.push(Self::invalid(
                    "national_id_issuer",
                    "must be the provider's https:// issuer in production",
                ));
            }
            if self.vietqr_account == DEMO_VIETQR_ACCOUNT {
                refused.push(Self::invalid(
                    "vietqr_account",
                    "the demo account belongs to nobody; set the collecting account",
                ));
            }
        }
        if self.request_timeout_secs == 0 {
            refused.push(Self::invalid("request_timeout_secs", "must be at least 1"));
        }
    }

    /// Rules of the file storage and virus scanning settings.
    fn validate_files(&self, refused: &mut Vec<ConfigError>) {
        if self.storage_backend == StorageBackend::S3 {
            if self.s3_bucket.is_empty() {
                refused.push(Self::invalid(
                    "s3_bucket",
                    "is required when storage_backend is s3",
                ));
            }
            if self.s3_region.is_empty() {
                refused.push(Self::invalid("s3_region", "must not be empty"));
            }
        }
        if let Some(endpoint) = &self.s3_endpoint {
            if endpoint.starts_with("http://") {
                if !self.s3_allow_http {
                    refused.push(Self::invalid(
                        "s3_endpoint",
                        "is http:// but s3_allow_http is false",
                    ));
                }
            } else if !endpoint.starts_with("https://") {
                refused.push(Self::invalid(
                    "s3_endpoint",
                    "must start with https:// (or http:// with s3_allow_http)",
                ));
            }
        }
        if let Some(address) = &self.clamd_address {
            if let Err(e) = address.parse::<domain::antivirus::ClamdAddress>() {
                refused.push(Self::invalid("clamd_address", e.to_string()));
            }
        }
        if self.virus_scan_timeout_secs == 0 {
            refused.push(Self::invalid(
                "virus_scan_timeout_secs",
                "must be at least 1",
            ));
        }
        if self.environment == Environment::Production
            && self.clamd_address.is_none()
            && !self.allow_unscanned_uploads
        {
            refused.push(Self::invalid(
                "clamd_address",
                "production needs a virus scanner for uploads; set it, or set \
                 allow_unscanned_uploads = true to run without one (logged at start)",
            ));
        }
    }

    /// Everything that stops the portal from serving: broken settings ([`Config::refusals`])
    /// and, in production, secrets missing from the environment (`lookup` reads a variable).
    pub fn check_start_up(
        &self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        let mut refused = self.refusals();
        refused.extend(self.missing_secrets(lookup));
        match refused.len() {
            0 => Ok(()),
            1 => Err(refused.remove(0)),
            _ => Err(ConfigError::Refused(refused)),
        }
    }

    /// Requirements that keep the built-in simulators out of production (and out of any
    /// process built without them): each external provider must be a real one (the
    /// simulators accept any payment, deliver nothing and send no text message), and text
    /// messages are either sent or explicitly off. The router mounts no simulator in
    /// production whatever these say (`crate::simulators`).
    fn simulator_refusals(&self, refused: &mut Vec<ConfigError>) {
        if self.sms_disabled && self.sms_url.is_some() {
            refused.push(Self::invalid(
                "sms_disabled",
                "sms_url is set too; choose one",
            ));
        }
        if self.simulators_served() {
            return;
        }
        if self.national_id_simulator {
            refused.push(Self::invalid(
                "national_id_simulator",
                "lets anyone sign in as a demo citizen; must be false in production \
                 (and a build without simulators has none)",
            ));
        }
        if self.vnpay_pay_url.is_none() {
            refused.push(Self::invalid(
                "vnpay_pay_url",
                "the gateway simulator accepts any payment; set VNPay's payment page",
            ));
        }
        if self.carrier_url.is_none() {
            refused.push(Self::invalid(
                "carrier_url",
                "the carrier simulator delivers nothing; set the postal carrier's API",
            ));
        }
        if self.sms_url.is_none() && !self.sms_disabled {
            refused.push(Self::invalid(
                "sms_url",
                "the SMS simulator sends nothing; set the provider's send URL, \
                 or sms_disabled = true to run without text messages",
            ));
        }
        if self.vnpay_api_url.is_none() {
            refused.push(Self::invalid(
                "vnpay_api_url",
                "the simulator's merchant API is not served in production; set VNPay's",
            ));
        }
        if self.vnpay_statement_url.is_none() {
            refused.push(Self::invalid(
                "vnpay_statement_url",
                "the simulator's statement is not served in production; set VNPay's",
            ));
        }
        let providers = [
            ("sms_url", &self.sms_url),
            ("vnpay_pay_url", &self.vnpay_pay_url),
            ("vnpay_api_url", &self.vnpay_api_url),
            ("vnpay_statement_url", &self.vnpay_statement_url),
            ("carrier_url", &self.carrier_url),
            ("vietqr_statement_url", &self.vietqr_statement_url),
            ("payouts_url", &self.payouts_url),
        ];
        for (setting, url) in providers {
            if url.as_deref().is_some_and(|u| u.contains("/gia-lap/")) {
                refused.push(Self::invalid(
                    setting,
                    "points at a built-in simulator, which production does not serve",
                ));
            }
        }
    }

    /// The secrets production reads from the environment only, missing (or left at the
    /// simulators' public development values), each named by its variable. Outside
    /// production the simulators' values are used and nothing is missing.
    pub fn missing_secrets(&self, lookup: impl Fn(&str) -> Option<String>) -> Vec<ConfigError> {
        if self.environment != Environment::Production {
            return Vec::new();
        }
        let mut needed = vec![
            ("vnpay_hash_secret", DEV_VNPAY_SECRET),
            ("vietqr_notice_secret", DEV_VIETQR_SECRET),
            ("carrier_token", DEV_CARRIER_SECRET),
            ("carrier_webhook_secret", DEV_CARRIER_SECRET),
        ];
        if self.payouts_url.is_some() {
            needed.push(("payouts_secret", DEV_PAYOUTS_SECRET));
        }
        if self.sms_url.is_some() {
            needed.push(("sms_api_key", crate::sms::SIMULATOR_KEY));
            needed.push(("sms_secret_key", crate::sms::SIMULATOR_KEY));
        }
        needed
            .into_iter()
            .filter_map(|(name, development)| {
                let env = format!("{ENV_PREFIX}{}", name.to_uppercase());
                match lookup(&env) {
                    Some(v) if !v.is_empty() && v != development => None,
                    _ => Some(Self::invalid(
                        name,
                        "is required in production (from the environment only), \
                         and not the development value",
                    )),
                }
            })
            .collect()
    }
}
