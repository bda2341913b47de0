//! How the portal reaches each outside provider — VNPay, the bank behind VietQR transfers, the
//! postal carrier, the national identity provider — built from the settings and from the
//! secrets read from the environment, with the built-in simulators' addresses and public
//! development secrets standing in outside production. Separate from loading and checking:
//! this is what the rest of the server asks the configuration for.

use super::{Config, Environment};

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
/// Environment variable with the secret of the bank's payout service (refund orders and their
/// results): another key than the credit notices', since it moves money out of the account.
pub const PAYOUTS_SECRET_ENV: &str = "PORTAL_PAYOUTS_SECRET";
/// The development payout secret (the bank simulator's), refused in production.
pub const DEV_PAYOUTS_SECRET: &str = "dev-only-bank-payout-secret";
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

    /// The secret payout orders and their results are signed with (its own key: see
    /// [`PAYOUTS_SECRET_ENV`]).
    pub fn payouts_secret(&self) -> anyhow::Result<String> {
        match std::env::var(PAYOUTS_SECRET_ENV) {
            Ok(s) if !s.is_empty() => Ok(s),
            _ if self.environment == Environment::Production => {
                anyhow::bail!("{PAYOUTS_SECRET_ENV} is required in production")
            }
            _ => Ok(DEV_PAYOUTS_SECRET.to_owned()),
        }
    }

    /// The bank's payout service for refund orders (address and the shared secret), if any.
    pub fn payouts(&self) -> Option<crate::payouts_client::HttpPayouts> {
        let secret = self.payouts_secret().ok()?;
        let url = match &self.payouts_url {
            Some(url) => url.clone(),
            None if !self.simulators_served() => return None,
            None => format!(
                "{}/gia-lap/ngan-hang/chi-ho",
                self.public_url.trim_end_matches('/')
            ),
        };
        Some(crate::payouts_client::HttpPayouts::new(url, secret))
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

impl Config {
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

    /// Whether this process serves the built-in simulators: never in production, and never
    /// from a build without the `simulators` feature (a production build).
    pub fn simulators_served(&self) -> bool {
        cfg!(feature = "simulators") && self.environment != Environment::Production
    }
}
