//! Server functions of electronic results (`domain::results`).

use leptos::prelude::*;

use crate::dto::results::VerificationView;
use crate::error::AppError;

/// The public facts of signed result `id`; `checked` is the SHA-256 of a copy just checked.
#[server(prefix = "/api/ui", endpoint = "verification")]
pub async fn get_verification(
    id: String,
    checked: Option<String>,
) -> Result<VerificationView, AppError> {
    use crate::format::local_time;
    let db = super::db()?;
    let v = domain::results::verify(&db, &id, None).await?;
    let checked = checked
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| c.len() == 64 && c.bytes().all(|b| b.is_ascii_hexdigit()));
    Ok(VerificationView {
        id,
        code: v.code,
        procedure: v.procedure,
        agency: v.agency,
        signer: v.signer,
        signed_at: local_time(Some(v.signed_at)),
        genuine: checked.as_deref() == Some(v.sha256.as_str()),
        sha256: v.sha256,
        demo: v.demo,
        checked,
    })
}
