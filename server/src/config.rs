//! The one typed configuration: built-in defaults, then an optional TOML file, then
//! environment variables prefixed `PORTAL_` (highest precedence). Loaded once at start-up;
//! an invalid value stops the process with a message naming the setting.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

/// Prefix of every environment variable the portal reads.
pub const ENV_PREFIX: &str = "PORTAL_";

/// `PORTAL_` variables that are not settings of [`Config`]: the config file path (read by the
/// command line), secrets read from the environment only (never from a file), and the test
/// harness's variables.
const NOT_SETTINGS: [&str; 14] = [
    "config",
    "metrics_token",
    "vietqr_notice_secret",
    "carrier_token",
    "carrier_webhook_secret",
    S3_ACCESS_KEY_ID_ENV_NAME,
    S3_SECRET_ACCESS_KEY_ENV_NAME,
    "vnpay_hash_secret",
    "sms_api_key",
    "sms_secret_key",
    "test_database_url",
    "bin",
    "e2e",
    "require_all_services",
];

/// `PORTAL_S3_ACCESS_KEY_ID` without its prefix (see [`crate::storage`]).
const S3_ACCESS_KEY_ID_ENV_NAME: &str = "s3_access_key_id";
/// `PORTAL_S3_SECRET_ACCESS_KEY` without its prefix (see [`crate::storage`]).
const S3_SECRET_ACCESS_KEY_ENV_NAME: &str = "s3_secret_access_key";

/// Log line format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines, for a terminal.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Where outgoing e-mail goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    /// Written as `.eml` files to `outbox_dir` (the embedded default: nothing leaves the machine).
    Outbox,
    /// Sent through the SMTP server at `smtp_url`.
    Smtp,
}

/// Where uploaded files are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StorageBackend {
    /// A folder on this machine (`files_dir`): one instance, or a shared network folder.
    Local,
    /// A bucket of Amazon S3 or an S3-compatible server (`s3_*` settings), shared by every
    /// instance.
    S3,
}

/// Deployment kind: production turns on `Secure` cookies and refuses development shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// A laptop or a test run.
    Development,
    /// Served to the public over HTTPS.
    Production,
}

/// Every setting of the portal. Each field is documented in the README's configuration table;
/// its environment variable is `PORTAL_` followed by the field name in upper case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Development or production.
    pub environment: Environment,
    /// Address and port the HTTP server listens on.
    pub listen_addr: SocketAddr,
    /// Public base URL, used in e-mails and links sent outside the site.
    pub public_url: String,
    /// Database URL: `sqlite://var/portal.db?mode=rwc` or `postgres://user:pass@host/db`.
    pub database_url: String,
    /// Largest number of pooled database connections per instance.
    pub database_max_connections: u32,
    /// Folder holding the built site: `pkg/` (wasm, JS, CSS) and public assets.
    pub site_root: PathBuf,
    /// Folder of the reference and demo data files loaded by `portal seed`.
    pub seed_dir: PathBuf,
    /// Folder where uploaded files are stored by the `local` storage backend.
    pub files_dir: PathBuf,
    /// Storage backend for uploaded files: `local` (`files_dir`) or `s3`. The `s3` backend's
    /// credentials come from the environment only: `PORTAL_S3_ACCESS_KEY_ID` and
    /// `PORTAL_S3_SECRET_ACCESS_KEY`, or else the standard `AWS_*` variables and roles.
    pub storage_backend: StorageBackend,
    /// Bucket of the `s3` backend (created beforehand; the portal does not create it).
    pub s3_bucket: String,
    /// Endpoint of an S3-compatible server, e.g. `https://s3.example.vn`; unset for Amazon S3.
    pub s3_endpoint: Option<String>,
    /// Region of the bucket (S3-compatible servers usually accept any name).
    pub s3_region: String,
    /// Allow a plain `http://` endpoint (a server on the same machine or a test server).
    pub s3_allow_http: bool,
    /// clamd address for virus scanning of uploads: `tcp://host:port` or a Unix socket path.
    /// Unset means no scanner: files are recorded as not scanned.
    pub clamd_address: Option<String>,
    /// Seconds a virus scan (sending the file and waiting for the verdict) may take.
    pub virus_scan_timeout_secs: u64,
    /// Accept uploads without a virus scanner in production. Production refuses an unset
    /// `clamd_address` unless this is set explicitly; the choice is logged at every start.
    pub allow_unscanned_uploads: bool,
    /// Mail transport: `outbox` or `smtp`.
    pub mail_transport: MailTransport,
    /// Folder the outbox transport writes `.eml` files to.
    pub outbox_dir: PathBuf,
    /// SMTP server URL for the `smtp` transport, e.g. `smtps://user:pass@mail.example.vn:465`.
    pub smtp_url: Option<String>,
    /// Sender address of outgoing e-mail.
    pub mail_from: String,
    /// Send-call URL of the SMS provider; unset: the built-in simulator at
    /// `{public_url}/gia-lap/sms/api/send`. Keys from `PORTAL_SMS_API_KEY` / `_SECRET_KEY`.
    pub sms_url: Option<String>,
    /// Registered sender name of text messages.
    pub sms_brandname: String,
    /// Log format: `text` or `json`.
    pub log_format: LogFormat,
    /// Log filter in `tracing` syntax, e.g. `info,sqlx=warn`.
    pub log_level: String,
    /// Seconds in-flight requests get to finish after SIGTERM.
    pub shutdown_grace_secs: u64,
    /// Seconds after which a request is answered with 408 instead of hanging.
    pub request_timeout_secs: u64,
    /// Seconds between checks for catalogue changes made by other instances (search index).
    pub catalogue_check_secs: u64,
    /// Public catalogue pages kept rendered in memory per instance (0 turns the cache off).
    pub page_cache_entries: usize,
    /// Minutes without a request after which a session ends.
    pub session_idle_minutes: i64,
    /// Hours after sign-in after which a session ends however active.
    pub session_absolute_hours: i64,
    /// The reverse proxies (IP addresses or CIDR networks, separated by commas) whose
    /// `X-Forwarded-For` hops are believed: the client address is the right-most hop that is
    /// not one of them (see `crate::forwarded`). `false` or empty trusts none (the peer's
    /// address is used); `true` is refused, since it would believe any client's header.
    pub trust_forwarded_for: crate::forwarded::TrustedProxies,
    /// Seconds between outbox delivery rounds.
    pub outbox_poll_secs: u64,
    /// Days after its last save at which an unfinished draft is deleted.
    pub draft_max_age_days: i64,
    /// Days before that deletion at which its owner is e-mailed.
    pub draft_notice_days: i64,
    /// OpenID Connect issuer of the national electronic identity provider (định danh điện tử).
    /// Empty means the built-in simulator at `{public_url}/gia-lap/dinh-danh`, so development
    /// and tests run offline against the same protocol.
    pub national_id_issuer: String,
    /// Client id the portal is registered under at the identity provider.
    pub national_id_client_id: String,
    /// Client secret sent to the token endpoint (HTTP Basic). The default is public, so
    /// production refuses it.
    pub national_id_client_secret: String,
    /// Mount the local OpenID provider simulator under `/gia-lap/dinh-danh` (development and
    /// tests only; refused in production because anyone could sign in as a demo citizen).
    pub national_id_simulator: bool,
    /// ID-token claim holding the 12-digit citizen ID number (số định danh cá nhân / CCCD).
    pub national_id_citizen_id_claim: String,
    /// The merchant's terminal code at VNPay (`vnp_TmnCode`).
    pub vnpay_tmn_code: String,
    /// VNPay's payment page; unset: the built-in gateway simulator at
    /// `{public_url}/gia-lap/vnpay/paymentv2/vpcpay.html` (refused in production). The merchant
    /// secret comes only from `PORTAL_VNPAY_HASH_SECRET`.
    pub vnpay_pay_url: Option<String>,
    /// VNPay's merchant API (`querydr`, `refund`); unset: the simulator's, under
    /// `{public_url}/gia-lap/vnpay/merchant_webapi/api/transaction`.
    pub vnpay_api_url: Option<String>,
    /// Where the day's statement is fetched (`?day=yyyyMMdd`, CSV) for the reconciliation;
    /// unset: the simulator's, `{public_url}/gia-lap/vnpay/merchant_webapi/statement`.
    pub vnpay_statement_url: Option<String>,
    /// The postal carrier's delivery API (`POST …/shipments`); unset: the built-in carrier
    /// simulator at `{public_url}/gia-lap/buu-chinh/api` (refused in production). The account
    /// token comes only from `PORTAL_CARRIER_TOKEN`, the webhook secret only from
    /// `PORTAL_CARRIER_WEBHOOK_SECRET`.
    pub carrier_url: Option<String>,
    /// NAPAS BIN of the bank holding the account that fees are transferred to (VietQR).
    pub vietqr_bank_bin: String,
    /// That bank's short name, shown beside the code.
    pub vietqr_bank_name: String,
    /// The collecting account's number; the bank's credit notices are signed with the secret
    /// from `PORTAL_VIETQR_NOTICE_SECRET`.
    pub vietqr_account: String,
    /// The account holder's name, as banking apps show it.
    pub vietqr_account_name: String,
    /// Where the collecting account's statement of a day is fetched (`?day=yyyyMMdd`, CSV) to
    /// confirm transfers whose notice never came; unset: the bank simulator's
    /// (`{public_url}/gia-lap/ngan-hang/sao-ke`) outside production, none in production.
    pub vietqr_statement_url: Option<String>,

    // Operations endpoints (security issue #22).
    /// Addresses allowed to read `/metrics` without a token: IPs or CIDR ranges separated by
    /// commas (default loopback only). A request that came through a proxy (it carries
    /// `X-Forwarded-For` or `Forwarded`) never qualifies by address; scrapers call directly or
    /// present the bearer token from `PORTAL_METRICS_TOKEN`.
    pub metrics_allow: String,
    /// The bearer token that opens `/metrics` from any address, read only from the
    /// environment (`PORTAL_METRICS_TOKEN`), never from a file; unset: address only.
    #[serde(skip)]
    pub metrics_token: Option<crate::ops::metrics_access::MetricsToken>,
    /// Base of the national business registry's API (`GET {base}/doanh-nghiep/{tax_code}`),
    /// which names a business's legal representative; unset: the simulator at
    /// `{public_url}/gia-lap/dang-ky-kinh-doanh/api` outside production, none in production
    /// (then only desk clerks verify organisations).
    pub business_registry_url: Option<String>,

    // Simulators never serve production (see [`Config::simulator_refusals`]).
    /// Run without text messages. Production refuses an unset `sms_url` unless this is set
    /// explicitly, so a forgotten provider never silently becomes the simulator; `/ready`
    /// reports it. Queued messages then fail visibly in the outbox.
    pub sms_disabled: bool,
}

/// Environment variable with the VNPay merchant secret (`vnp_HashSecret`).
pub const VNPAY_SECRET_ENV: &str = "PORTAL_VNPAY_HASH_SECRET";
/// The development merchant secret (the simulator's), refused in production.
pub const DEV_VNPAY_SECRET: &str = "dev-only-vnpay-secret";

impl Config {
    /// The VNPay merchant account: the secret from the environment (the simulator's outside
    /// production), the payment page, and the return address on this site.
    pub fn vnpay(&self) -> anyhow::Result<domain::payments::online::VnpayConfig> {
        let base = self.public_url.trim_end_matches('/');
        let secret = match std::env::var(VNPAY_SECRET_ENV) {
            Ok(s) if !s.is_empty() => s,
            _ if self.environment == Environment::Production => {
                anyhow::bail!("{VNPAY_SECRET_ENV} is required in production")
            }
            _ => DEV_VNPAY_SECRET.to_owned(),
        };
        Ok(domain::payments::online::VnpayConfig {
            tmn_code: self.vnpay_tmn_code.clone(),
            secret,
            pay_url: self
                .vnpay_pay_url
                .clone()
                .unwrap_or_else(|| format!("{base}/gia-lap/vnpay/paymentv2/vpcpay.html")),
            return_url: format!("{base}/thanh-toan/vnpay/ket-qua"),
        })
    }

    /// The statement's address.
    pub fn vnpay_statement(&self) -> String {
        self.vnpay_statement_url.clone().unwrap_or_else(|| {
            format!(
                "{}/gia-lap/vnpay/merchant_webapi/statement",
                self.public_url.trim_end_matches('/')
            )
        })
    }

    /// The merchant API's address.
    pub fn vnpay_api(&self) -> String {
        self.vnpay_api_url.clone().unwrap_or_else(|| {
            format!(
                "{}/gia-lap/vnpay/merchant_webapi/api/transaction",
                self.public_url.trim_end_matches('/')
            )
        })
    }
}

/// Environment variable with the carrier account's API token.
pub const CARRIER_TOKEN_ENV: &str = "PORTAL_CARRIER_TOKEN";
/// Environment variable with the secret the carrier signs its webhooks with.
pub const CARRIER_SECRET_ENV: &str = "PORTAL_CARRIER_WEBHOOK_SECRET";
/// The development carrier token and webhook secret (the simulator's), refused in production.
pub const DEV_CARRIER_SECRET: &str = "dev-only-carrier-secret";

/// Environment variable with the secret the bank signs its credit notices with.
pub const VIETQR_SECRET_ENV: &str = "PORTAL_VIETQR_NOTICE_SECRET";
/// The development notice secret (the bank simulator's), refused in production.
pub const DEV_VIETQR_SECRET: &str = "dev-only-bank-notice-secret";
/// The demo collecting account, refused in production.
pub const DEMO_VIETQR_ACCOUNT: &str = "0071000123456";

impl Config {
    /// The account fees are transferred to, and the secret of the bank's credit notices.
    pub fn vietqr(&self) -> anyhow::Result<(domain::payments::vietqr::Beneficiary, String)> {
        let secret = match std::env::var(VIETQR_SECRET_ENV) {
            Ok(s) if !s.is_empty() => s,
            _ if self.environment == Environment::Production => {
                anyhow::bail!("{VIETQR_SECRET_ENV} is required in production")
            }
            _ => DEV_VIETQR_SECRET.to_owned(),
        };
        Ok((self.vietqr_beneficiary(), secret))
    }

    /// Where the collecting account's daily statement is fetched, if anywhere.
    pub fn vietqr_statement(&self) -> Option<String> {
        match &self.vietqr_statement_url {
            Some(url) => Some(url.clone()),
            None if !self.simulators_served() => None,
            None => Some(format!(
                "{}/gia-lap/ngan-hang/sao-ke",
                self.public_url.trim_end_matches('/')
            )),
        }
    }

    /// The account fees are transferred to.
    pub fn vietqr_beneficiary(&self) -> domain::payments::vietqr::Beneficiary {
        domain::payments::vietqr::Beneficiary {
            bank_bin: self.vietqr_bank_bin.clone(),
            bank_name: self.vietqr_bank_name.clone(),
            account: self.vietqr_account.clone(),
            account_name: self.vietqr_account_name.clone(),
        }
    }
}

/// How the portal reaches the postal carrier.
#[derive(Clone, Debug)]
pub struct CarrierConfig {
    /// Base URL of the delivery API.
    pub url: String,
    /// Bearer token of the portal's account.
    pub token: String,
    /// Secret of the webhook signatures.
    pub webhook_secret: String,
}

impl Config {
    /// The carrier account: secrets from the environment (the simulator's outside production).
    pub fn carrier(&self) -> anyhow::Result<CarrierConfig> {
        let secret = |name: &str| match std::env::var(name) {
            Ok(s) if !s.is_empty() => Ok(s),
            _ if self.environment == Environment::Production => {
                anyhow::bail!("{name} is required in production")
            }
            _ => Ok(DEV_CARRIER_SECRET.to_owned()),
        };
        Ok(CarrierConfig {
            url: self.carrier_url.clone().unwrap_or_else(|| {
                format!(
                    "{}/gia-lap/buu-chinh/api",
                    self.public_url.trim_end_matches('/')
                )
            }),
            token: secret(CARRIER_TOKEN_ENV)?,
            webhook_secret: secret(CARRIER_SECRET_ENV)?,
        })
    }
}

/// The development client secret, refused in production.
pub const DEV_NATIONAL_ID_SECRET: &str = "dev-only-national-id-secret";

impl Default for Config {
    fn default() -> Self {
        Self {
            environment: Environment::Development,
            listen_addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            public_url: "http://127.0.0.1:3000".into(),
            database_url: "sqlite://var/portal.db?mode=rwc".into(),
            database_max_connections: 10,
            site_root: "build/site".into(),
            seed_dir: "seed".into(),
            files_dir: "var/files".into(),
            storage_backend: StorageBackend::Local,
            s3_bucket: String::new(),
            s3_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_allow_http: false,
            clamd_address: None,
            virus_scan_timeout_secs: 60,
            allow_unscanned_uploads: false,
            mail_transport: MailTransport::Outbox,
            outbox_dir: "var/outbox".into(),
            smtp_url: None,
            mail_from: "Cổng Dịch vụ công <no-reply@dichvucong.localhost>".into(),
            sms_url: None,
            sms_brandname: "DICHVUCONG".into(),
            log_format: LogFormat::Text,
            log_level: "info,sqlx=warn,sea_orm=warn".into(),
            shutdown_grace_secs: 20,
            request_timeout_secs: 30,
            catalogue_check_secs: 2,
            page_cache_entries: 2000,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            trust_forwarded_for: crate::forwarded::TrustedProxies::default(),
            outbox_poll_secs: 2,
            draft_max_age_days: 30,
            draft_notice_days: 7,
            national_id_issuer: String::new(),
            national_id_client_id: "dichvucong-portal".into(),
            national_id_client_secret: DEV_NATIONAL_ID_SECRET.into(),
            national_id_simulator: true,
            vnpay_tmn_code: "DVCDEMO1".into(),
            vnpay_pay_url: None,
            vnpay_api_url: None,
            vnpay_statement_url: None,
            carrier_url: None,
            vietqr_bank_bin: "970436".into(),
            vietqr_bank_name: "Vietcombank".into(),
            vietqr_account: DEMO_VIETQR_ACCOUNT.into(),
            vietqr_account_name: "KHO BAC NHA NUOC TAY NINH (DEMO)".into(),
            vietqr_statement_url: None,
            national_id_citizen_id_claim: "citizen_id".into(),
            metrics_allow: crate::ops::metrics_access::DEFAULT_ALLOW.into(),
            metrics_token: None,
            business_registry_url: None,
            sms_disabled: false,
        }
    }
}

/// A setting that cannot be used, named so the operator knows what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A value has the wrong type or form (figment names the key and where it came from).
    #[error("invalid configuration: {0}")]
    Parse(String),
    /// A value parses but breaks a rule.
    #[error("invalid configuration: {setting} ({env}): {message}")]
    Invalid {
        /// The setting's name.
        setting: &'static str,
        /// Its environment variable.
        env: String,
        /// What is wrong.
        message: String,
    },
    /// Several settings break rules: each is named, one per line.
    #[error("invalid configuration, {} settings refused:{}", .0.len(), refused_lines(.0))]
    Refused(Vec<ConfigError>),
}

/// The refused settings, one per line (for [`ConfigError::Refused`]).
fn refused_lines(refused: &[ConfigError]) -> String {
    refused
        .iter()
        .map(|e| {
            let text = e.to_string();
            format!(
                "\n  - {}",
                text.strip_prefix("invalid configuration: ")
                    .unwrap_or(&text)
            )
        })
        .collect()
}

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
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            if !path.exists() {
                return Err(ConfigError::Parse(format!(
                    "configuration file {} does not exist",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        figment
            .merge(env)
            .extract()
            .map_err(|e| ConfigError::Parse(e.to_string()))
    }

    fn invalid(setting: &'static str, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            setting,
            env: format!("{ENV_PREFIX}{}", setting.to_uppercase()),
            message: message.into(),
        }
    }

    /// Session timeouts as the domain takes them.
    pub fn session_policy(&self) -> domain::sessions::Policy {
        domain::sessions::Policy {
            idle: chrono::Duration::minutes(self.session_idle_minutes.max(1)),
            absolute: chrono::Duration::hours(self.session_absolute_hours.max(1)),
        }
    }

    /// How long drafts live (the notice comes at least a day after the last save).
    pub fn draft_policy(&self) -> domain::dossiers::expiry::DraftPolicy {
        let max_age = self.draft_max_age_days.max(2);
        domain::dossiers::expiry::DraftPolicy {
            max_age: chrono::Duration::days(max_age),
            notice_before: chrono::Duration::days(self.draft_notice_days.clamp(1, max_age - 1)),
        }
    }

    /// Cookies get `Secure` in production (served over HTTPS only).
    pub fn secure_cookies(&self) -> bool {
        self.environment == Environment::Production
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

    /// Public base URL without a trailing slash.
    fn base_url(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }

    /// The identity provider's issuer: the configured one, or the built-in simulator's.
    pub fn national_id_issuer_url(&self) -> String {
        if self.national_id_issuer.is_empty() {
            format!("{}/gia-lap/dinh-danh", self.base_url())
        } else {
            self.national_id_issuer.trim_end_matches('/').to_owned()
        }
    }

    /// Where the identity provider sends the browser back (registered with the provider).
    pub fn national_id_redirect_uri(&self) -> String {
        format!("{}/dang-nhap/dinh-danh/callback", self.base_url())
    }
}

impl Config {
    /// As [`Config::load`], for `portal serve`: the secrets production needs from the
    /// environment are checked too, and every refusal is reported at once.
    pub fn load_to_serve(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = Self::extract(file, Self::environment_provider())?;
        config.check_start_up(|name| std::env::var(name).ok())?;
        // As `load` does: secrets read from the environment only.
        config.metrics_token = crate::ops::metrics_access::MetricsToken::from_env();
        Ok(config)
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

    /// Whether this process serves the built-in simulators: never in production, and never
    /// from a build without the `simulators` feature (a production build).
    pub fn simulators_served(&self) -> bool {
        cfg!(feature = "simulators") && self.environment != Environment::Production
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

/// Replaces the password of `scheme://user:password@host` with `***`.
fn mask_password(url: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        // The process environment is shared by parallel tests, so each pair is merged as
        // the environment provider would merge it, without touching the real environment.
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        for (k, v) in &pairs {
            figment = figment.merge(Serialized::default(
                &k.trim_start_matches(ENV_PREFIX).to_lowercase(),
                v,
            ));
        }
        let config: Config = figment
            .extract()
            .map_err(|e| ConfigError::Parse(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    #[test]
    fn defaults_are_valid() {
        assert!(Config::default().validate().is_ok());
    }

    #[test]
    fn bad_listen_addr_names_the_setting() {
        let err = env(&[("PORTAL_LISTEN_ADDR", "not-an-address")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("listen_addr"), "{err}");
    }

    #[test]
    fn unknown_database_scheme_is_refused() {
        let err = env(&[("PORTAL_DATABASE_URL", "mysql://x")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("PORTAL_DATABASE_URL"), "{err}");
    }

    #[test]
    fn smtp_needs_a_url() {
        let err = env(&[("PORTAL_MAIL_TRANSPORT", "smtp")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("PORTAL_SMTP_URL"), "{err}");
    }

    #[test]
    fn production_refuses_the_national_id_shortcuts() {
        let production = Config {
            environment: Environment::Production,
            public_url: "https://dichvucong.example.vn".into(),
            mail_transport: MailTransport::Smtp,
            smtp_url: Some("smtps://u:p@mail.example.vn:465".into()),
            ..Config::default()
        };
        let err = |config: &Config| {
            config
                .validate()
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let secret = err(&production);
        assert!(
            secret.contains("PORTAL_NATIONAL_ID_CLIENT_SECRET"),
            "{secret}"
        );
        let mut config = Config {
            national_id_client_secret: "s3cret".into(),
            ..production
        };
        let simulator = err(&config);
        assert!(
            simulator.contains("PORTAL_NATIONAL_ID_SIMULATOR"),
            "{simulator}"
        );
        config.national_id_simulator = false;
        let issuer = err(&config);
        assert!(issuer.contains("PORTAL_NATIONAL_ID_ISSUER"), "{issuer}");
        config.national_id_issuer = "https://id.example.vn".into();
        let gateway = err(&config);
        assert!(gateway.contains("PORTAL_VNPAY_PAY_URL"), "{gateway}");
        config.vnpay_pay_url = Some("https://pay.vnpay.vn/vpcpay.html".into());
        let carrier = err(&config);
        assert!(carrier.contains("PORTAL_CARRIER_URL"), "{carrier}");
        config.carrier_url = Some("https://api.vnpost.example/v1".into());
        let account = err(&config);
        assert!(account.contains("PORTAL_VIETQR_ACCOUNT"), "{account}");
        config.vietqr_account = "0011004455667".into();
        let sms = err(&config);
        assert!(sms.contains("PORTAL_SMS_URL"), "{sms}");
        assert!(sms.contains("PORTAL_VNPAY_API_URL"), "{sms}");
        assert!(sms.contains("PORTAL_VNPAY_STATEMENT_URL"), "{sms}");
        config.sms_disabled = true;
        config.vnpay_api_url = Some("https://pay.vnpay.vn/merchant_webapi/api/transaction".into());
        config.vnpay_statement_url = Some("https://pay.vnpay.vn/statement".into());
        // Production also needs a virus scanner (or the explicit opt-out).
        config.clamd_address = Some("tcp://clamav.example.vn:3310".into());
        assert_eq!(err(&config), "");
    }

    #[test]
    fn s3_settings_are_checked() {
        let err = |pairs: &[(&str, &str)]| env(pairs).err().map(|e| e.to_string());
        let bucket = err(&[("PORTAL_STORAGE_BACKEND", "s3")]).unwrap_or_default();
        assert!(bucket.contains("PORTAL_S3_BUCKET"), "{bucket}");
        let http = err(&[
            ("PORTAL_STORAGE_BACKEND", "s3"),
            ("PORTAL_S3_BUCKET", "ho-so"),
            ("PORTAL_S3_ENDPOINT", "http://127.0.0.1:9000"),
        ])
        .unwrap_or_default();
        assert!(http.contains("PORTAL_S3_ENDPOINT"), "{http}");
        let backend = err(&[("PORTAL_STORAGE_BACKEND", "ftp")]).unwrap_or_default();
        assert!(backend.contains("storage_backend"), "{backend}");
        // (This helper merges strings; the real environment provider parses `true`.)
        let allowed = Config {
            storage_backend: StorageBackend::S3,
            s3_bucket: "ho-so".into(),
            s3_endpoint: Some("http://127.0.0.1:9000".into()),
            s3_allow_http: true,
            ..Config::default()
        };
        assert!(allowed.validate().is_ok());
    }

    #[test]
    fn clamd_address_is_checked() {
        let err = env(&[("PORTAL_CLAMD_ADDRESS", "clamd:3310")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("PORTAL_CLAMD_ADDRESS"), "{err}");
        assert!(env(&[("PORTAL_CLAMD_ADDRESS", "tcp://127.0.0.1:3310")]).is_ok());
    }

    #[test]
    fn credentials_are_not_settings() {
        let names = Config::setting_names();
        assert!(!names.iter().any(|n| n.contains("secret_access_key")));
        assert!(NOT_SETTINGS.contains(&S3_SECRET_ACCESS_KEY_ENV_NAME));
    }

    #[test]
    fn the_simulator_is_the_default_issuer() {
        let config = Config {
            public_url: "http://127.0.0.1:3000/".into(),
            ..Config::default()
        };
        assert_eq!(
            config.national_id_issuer_url(),
            "http://127.0.0.1:3000/gia-lap/dinh-danh"
        );
        assert_eq!(
            config.national_id_redirect_uri(),
            "http://127.0.0.1:3000/dang-nhap/dinh-danh/callback"
        );
    }

    #[test]
    fn passwords_are_masked() {
        assert_eq!(
            mask_password("postgres://portal:secret@db:5432/portal"),
            "postgres://portal:***@db:5432/portal"
        );
        assert_eq!(
            mask_password("sqlite://var/portal.db"),
            "sqlite://var/portal.db"
        );
    }
}
