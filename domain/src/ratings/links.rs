//! The single-use link that rates a dossier without signing in: issued with the notice that
//! ends the dossier (`dossiers::notice`), used once by `ratings::rate_by_link`. Apart from the
//! ratings themselves so that the notice, which every change of a dossier sends, does not
//! depend on them.

use chrono::Duration;
use sea_orm::ConnectionTrait;

use crate::entities::dossier;
use crate::error::DomainResult;

/// The purpose of a rating link (`one_time_token`).
pub(crate) const PURPOSE: &str = "rate_dossier";
/// Days the link in the notice works.
pub const DAYS: i64 = 30;

/// The notices that invite a rating: the dossier ended with its result, or refused.
pub fn invites(what: &str) -> bool {
    what == "return" || what == "refuse"
}

/// Issues the single-use rating link of dossier `row` (inside the notice's transaction);
/// returns its secret, for `/danh-gia/{token}`.
pub(crate) async fn invite<C: ConnectionTrait>(
    txn: &C,
    row: &dossier::Model,
) -> DomainResult<String> {
    crate::accounts::issue_link(
        txn,
        &row.owner_id,
        Some(&row.id),
        PURPOSE,
        Duration::days(DAYS),
    )
    .await
}
