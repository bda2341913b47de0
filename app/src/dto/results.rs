//! What the result pages show: the public verification of a signed result, the applicant's
//! result panel and the list of who opened their dossier.

use serde::{Deserialize, Serialize};

/// A signed result as the public verification page shows it (no personal data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationView {
    /// Result id (the page's address).
    pub id: String,
    /// Dossier code.
    pub code: String,
    /// Procedure name.
    pub procedure: String,
    /// Agency whose certificate signed.
    pub agency: String,
    /// Who signed.
    pub signer: String,
    /// When, local time.
    pub signed_at: String,
    /// SHA-256 of the issued file.
    pub sha256: String,
    /// Signed under the demo authority.
    pub demo: bool,
    /// The checked copy's SHA-256, when one was checked.
    pub checked: Option<String>,
    /// That copy is the issued file.
    pub genuine: bool,
}

/// One entry of "who opened my dossier".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessView {
    /// When, local time.
    pub at: String,
    /// Agency name.
    pub agency: String,
    /// Role labels, in the reader's language.
    pub roles: String,
    /// What they did, in the reader's language.
    pub what: String,
}
