//! The page a rating link opens (`domain::ratings`): which dossier it rates, without signing in.

use leptos::prelude::*;

use crate::dto::dossier::RatingInvitationView;
use crate::error::AppError;

/// The dossier the rating link `token` is for; `NotFound` when the link is unknown, used or
/// expired (the page then says how to change a rating: sign in, open the dossier).
#[server(prefix = "/api/ui", endpoint = "rating_invitation")]
pub async fn rating_invitation(token: String) -> Result<RatingInvitationView, AppError> {
    let db = super::db()?;
    let Some((row, given)) = domain::ratings::invitation(&db, &token).await? else {
        return Err(AppError::NotFound);
    };
    let t = crate::i18n::use_locale();
    let procedure_name = domain::catalogue::procedure_by_code(&db, &row.procedure_code)
        .await
        .map(|(p, _)| p.name)
        .unwrap_or_default();
    Ok(RatingInvitationView {
        code: row.code.clone().unwrap_or_default(),
        procedure_name,
        state: crate::format::status_label(t, &row.status),
        rating: super::dossier::build::rating::view_of(given.as_ref()),
    })
}
