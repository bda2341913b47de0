//! The one typed configuration: built-in defaults, then an optional TOML file, then
//! environment variables prefixed `PORTAL_` (highest precedence). Loaded once at start-up;
//! an invalid value stops the process with a message naming the setting.
//!
//! The settings and their defaults are here; beside them, `loading` reads them (defaults,
//! file, environment) and shows them back with secrets masked, `refusals` holds the rules a
//! loaded configuration must follow before the portal serves, and `providers` builds what the
//! rest of the server asks for to reach each outside provider.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

mod loading;
mod providers;
mod refusals;
#[cfg(test)]
mod tests;

pub use providers::{
    CarrierConfig, CARRIER_SECRET_ENV, CARRIER_TOKEN_ENV, DEMO_VIETQR_ACCOUNT, DEV_CARRIER_SECRET,
    DEV_PAYOUTS_SECRET, DEV_VIETQR_SECRET, DEV_VNPAY_SECRET, PAYOUTS_SECRET_ENV, VIETQR_SECRET_ENV,
    VNPAY_SECRET_ENV,
};

/// Prefix of every environment variable the portal reads.
pub const ENV_PREFIX: &str = "PORTAL_";

/// `PORTAL_` variables that are not settings of [`Config`]: the config file path (read by the
/// command line), secrets read from the environment only (never from a file), and the test
/// harness's variables.
const NOT_SETTINGS: [&str; 15] = [
    "config",
    "metrics_token",
    "vietqr_notice_secret",
    "payouts_secret",
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
    /// Public base URL, used in e-mails and links sent outside the site. Unset, it follows
    /// `listen_addr` (`http://127.0.0.1:{port}`), so a portal moved to another port still
    /// reaches its own simulators.
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
    /// The collecting bank's payout service, where refund orders are posted; unset: the bank
    /// simulator's (`{public_url}/gia-lap/ngan-hang/chi-ho`) outside production, none in
    /// production (orders then wait, visible to the desk).
    pub payouts_url: Option<String>,

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
            payouts_url: None,
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
}
