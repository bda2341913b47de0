//! The national business registry (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp), asked by tax
//! code for a business's registered name and legal representative. The portal uses it for one
//! thing: a registration on the portal is verified when the representative the registry names
//! signs in with the national identity ([`super::verify_by_representative`]).
//!
//! The protocol is one call, `GET {base}/doanh-nghiep/{tax_code}`: 200 with a
//! [`RegisteredBusiness`] as JSON, 404 when the registry has no such business. The server
//! speaks it over HTTP to the real registry or to its simulator, which answers from
//! [`RecordedRegistry`] (seed file [`SEED_FILE`]).

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};

/// The simulator's records, relative to the seed folder.
pub const SEED_FILE: &str = "demo/business_registry.json";

/// What the registry says about one business.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredBusiness {
    /// Tax code (mã số doanh nghiệp), digits only.
    pub tax_code: String,
    /// Registered name.
    pub name: String,
    /// Legal representative's full name.
    pub representative_name: String,
    /// Legal representative's citizen ID (CCCD).
    pub representative_citizen_id: String,
}

/// The registry could not answer.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// Unreachable, or an answer that cannot be read.
    #[error("business registry unavailable: {0}")]
    Unavailable(String),
}

/// Looks businesses up by tax code.
pub trait BusinessRegistry: Send + Sync {
    /// The business registered under `tax_code`, or `None` when there is none.
    fn lookup<'a>(
        &'a self,
        tax_code: &'a str,
    ) -> BoxFuture<'a, Result<Option<RegisteredBusiness>, RegistryError>>;
}

/// Registry records held in memory: the simulator's data and tests.
#[derive(Clone, Debug, Default)]
pub struct RecordedRegistry {
    records: Vec<RegisteredBusiness>,
}

impl RecordedRegistry {
    /// A registry holding `records`.
    pub fn new(records: Vec<RegisteredBusiness>) -> RecordedRegistry {
        RecordedRegistry { records }
    }

    /// The records of the JSON file at `path` (an array of [`RegisteredBusiness`]).
    pub fn load(path: &std::path::Path) -> Result<RecordedRegistry, RegistryError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| RegistryError::Unavailable(format!("{}: {e}", path.display())))?;
        let records = serde_json::from_str(&text)
            .map_err(|e| RegistryError::Unavailable(format!("{}: {e}", path.display())))?;
        Ok(RecordedRegistry { records })
    }

    /// The record of `tax_code` (hyphens and spaces ignored).
    pub fn find(&self, tax_code: &str) -> Option<&RegisteredBusiness> {
        let digits: String = tax_code.chars().filter(char::is_ascii_digit).collect();
        self.records.iter().find(|r| r.tax_code == digits)
    }
}

impl BusinessRegistry for RecordedRegistry {
    fn lookup<'a>(
        &'a self,
        tax_code: &'a str,
    ) -> BoxFuture<'a, Result<Option<RegisteredBusiness>, RegistryError>> {
        let found = self.find(tax_code).cloned();
        Box::pin(async move { Ok(found) })
    }
}
