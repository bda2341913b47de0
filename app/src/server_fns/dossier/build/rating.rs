//! The satisfaction rating of an ended dossier, as its applicant sees it (`domain::ratings`).

use chrono::Utc;
use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::entities::{dossier, rating};
use domain::ratings;

use crate::dto::dossier::RatingView;

/// The view of rating `r` (or of none yet).
pub(crate) fn view_of(r: Option<&rating::Model>) -> RatingView {
    let now = Utc::now();
    match r {
        None => RatingView {
            changeable: true,
            ..RatingView::default()
        },
        Some(r) => RatingView {
            level: r.level.clone(),
            reasons: ratings::reasons_of(r),
            comment: r.comment.clone().unwrap_or_default(),
            changeable: ratings::changeable(r.created_at.with_timezone(&Utc), now),
            answer: r.answer.clone(),
        },
    }
}

/// The rating panel of dossier `row` for `actor`: only its applicant's page, once it ended.
pub(crate) async fn rating_view(
    db: &DatabaseConnection,
    actor: &Actor,
    row: &dossier::Model,
) -> Result<Option<RatingView>, domain::DomainError> {
    if !ratings::may_be_rated(&row.status) || !ratings::may_rate_on_page(actor, row) {
        return Ok(None);
    }
    let given = ratings::of_dossier(db, &row.id).await?;
    Ok(Some(view_of(given.as_ref())))
}
