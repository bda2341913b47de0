//! Satisfaction ratings (đánh giá sự hài lòng, Decision 766's "satisfaction" group): once a
//! dossier is returned or refused, its applicant rates the service — very satisfied, satisfied
//! or not satisfied, with reasons and a comment. They rate on the dossier page (signed in), or
//! without signing in from the single-use link the return (or refusal) notice carries, which is
//! the only way for an applicant registered at the counter. One rating per dossier; it can be
//! changed for [`CHANGE_DAYS`] days after it was first given; every rating is audited. A "not
//! satisfied" waits in the leaders' queue of the receiving agency until they answer it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::access::{Actor, Role};
use crate::audit::{Entry, Origin};
use crate::dossiers::codes::vietnam_date;
use crate::dossiers::counter::registered_by_desk;
use crate::dossiers::Status;
use crate::entities::{dossier, rating};
use crate::error::{invalid, DomainError, DomainResult, FieldError};
use crate::services::Services;

pub mod counters;
pub mod links;

/// The three answers, best first.
pub const LEVELS: [&str; 3] = ["very_satisfied", "satisfied", "not_satisfied"];
/// The level that asks the agency for an answer.
pub const NOT_SATISFIED: &str = "not_satisfied";
/// Reasons an applicant may tick (most useful with "not satisfied").
pub const REASONS: [&str; 6] = [
    "waiting_time",
    "attitude",
    "extra_papers",
    "unofficial_money",
    "result_late",
    "other",
];
/// Days a rating may be changed after it was first given.
pub const CHANGE_DAYS: i64 = 7;
/// Longest comment or answer, in characters.
pub const TEXT_MAX: usize = 2000;

/// What the applicant sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingInput {
    /// One of [`LEVELS`].
    pub level: String,
    /// Some of [`REASONS`].
    #[serde(default)]
    pub reasons: Vec<String>,
    /// Optional words.
    #[serde(default)]
    pub comment: String,
}

/// Checks a rating; each problem names its field (`level`, `reasons`, `comment`).
pub fn check(input: &RatingInput) -> DomainResult<RatingInput> {
    let mut problems = Vec::new();
    if !LEVELS.contains(&input.level.as_str()) {
        problems.push(FieldError::rule(
            "level",
            "rating_level",
            "choose how satisfied you are",
        ));
    }
    let mut reasons: Vec<String> = Vec::new();
    for r in &input.reasons {
        if !REASONS.contains(&r.as_str()) {
            problems.push(FieldError::rule(
                "reasons",
                "rating_reason",
                "an unknown reason",
            ));
        } else if !reasons.contains(r) {
            reasons.push(r.clone());
        }
    }
    let comment = input.comment.trim().to_owned();
    if comment.chars().count() > TEXT_MAX {
        problems.push(FieldError::rule(
            "comment",
            "rating_comment_long",
            "at most 2000 characters",
        ));
    }
    if !problems.is_empty() {
        return Err(DomainError::Validation(problems));
    }
    Ok(RatingInput {
        level: input.level.clone(),
        reasons,
        comment,
    })
}

/// True when a dossier in `status` can be rated: it has ended with its result or a refusal.
pub fn may_be_rated(status: &str) -> bool {
    status == Status::Returned.code() || status == Status::Refused.code()
}

/// True when `actor` rates dossier `row` on its page: its owner, for a dossier filed online
/// (the owner of one registered at the counter is the clerk, who never rates for the
/// applicant: that applicant rates from the notice's link).
pub fn may_rate_on_page(actor: &Actor, row: &dossier::Model) -> bool {
    actor.account_id() == Some(row.owner_id.as_str()) && !registered_by_desk(&row.channel)
}

/// The rating of dossier `id`, if given.
pub async fn of_dossier<C: ConnectionTrait>(
    db: &C,
    id: &str,
) -> DomainResult<Option<rating::Model>> {
    Ok(rating::Entity::find()
        .filter(rating::Column::DossierId.eq(id))
        .one(db)
        .await?)
}

/// The reasons of a rating, as codes.
pub fn reasons_of(r: &rating::Model) -> Vec<String> {
    serde_json::from_value(r.reasons.clone()).unwrap_or_default()
}

/// True while a rating given at `created_at` may still be changed.
pub fn changeable(created_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - created_at < Duration::days(CHANGE_DAYS)
}

/// What the page opened from a rating link shows: the dossier, and its rating if one was given
/// meanwhile (from the dossier page). `None` when the link is unknown, used or expired.
pub async fn invitation<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> DomainResult<Option<(dossier::Model, Option<rating::Model>)>> {
    let Some(link) = crate::accounts::peek_token(db, token, links::PURPOSE).await? else {
        return Ok(None);
    };
    let Some(id) = link.dossier_id else {
        return Ok(None);
    };
    let Some(row) = dossier::Entity::find_by_id(id.clone()).one(db).await? else {
        return Ok(None);
    };
    let given = of_dossier(db, &id).await?;
    Ok(Some((row, given)))
}

/// The owner rates dossier `id` on its page (or through the API): given, or changed while
/// [`changeable`]. Refusals: `NotFound` for a dossier the actor may not rate, validation
/// errors naming the field, `rating_not_ended` while the dossier runs, `rating_locked` once
/// the change window has passed.
pub async fn rate(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    input: &RatingInput,
) -> DomainResult<rating::Model> {
    let input = check(input)?;
    let db = services.db;
    let txn = crate::db::begin_write(db).await?;
    let row = crate::dossiers::change::lock(&txn, id)
        .await?
        .filter(|row| may_rate_on_page(actor, row))
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    let saved = save(
        &txn,
        &row,
        &input,
        Some(actor),
        services.origin,
        services.now,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// The applicant rates from the notice's link, without signing in: the link is used once.
/// Refusals: `link_invalid` (unknown, used or expired; the page says to sign in to change a
/// rating), and those of [`rate`].
pub async fn rate_by_link(
    services: Services<'_>,
    token: &str,
    input: &RatingInput,
) -> DomainResult<rating::Model> {
    let input = check(input)?;
    let txn = crate::db::begin_write(services.db).await?;
    let link = crate::accounts::take_token(&txn, token, links::PURPOSE).await?;
    let id = link.dossier_id.unwrap_or_default();
    let row = crate::dossiers::change::lock(&txn, &id)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    let saved = save(&txn, &row, &input, None, services.origin, services.now).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Writes the rating of `row` (a new one, or the change of one still changeable) by `actor`
/// on the page, or by the applicant from the link (`None`), audited.
async fn save<C: ConnectionTrait>(
    txn: &C,
    row: &dossier::Model,
    input: &RatingInput,
    actor: Option<&Actor>,
    origin: &Origin,
    now: DateTime<Utc>,
) -> DomainResult<rating::Model> {
    let via = if actor.is_some() { "page" } else { "link" };
    if !may_be_rated(&row.status) {
        return Err(invalid(
            "level",
            "rating_not_ended",
            "a dossier is rated once it is returned or refused",
        ));
    }
    let comment = Some(input.comment.clone()).filter(|c| !c.is_empty());
    let reasons = serde_json::json!(input.reasons);
    let existing = of_dossier(txn, &row.id).await?;
    let saved = match existing {
        Some(old) if !changeable(old.created_at.with_timezone(&Utc), now) => {
            return Err(invalid(
                "level",
                "rating_locked",
                "a rating can be changed for 7 days only",
            ))
        }
        Some(old) => {
            crate::statistics::rollup::rated(
                txn,
                &old.agency_code,
                Some(&row.procedure_code),
                vietnam_date(old.created_at.with_timezone(&Utc)),
                Some(&old.level),
                &input.level,
            )
            .await?;
            let mut m: rating::ActiveModel = old.into();
            m.level = Set(input.level.clone());
            m.reasons = Set(reasons);
            m.comment = Set(comment);
            m.via = Set(via.to_owned());
            m.updated_at = Set(now.fixed_offset());
            // A changed rating is a new word from the applicant: any answer was to the old one,
            // and a new "not satisfied" goes back to the leaders.
            m.answer = Set(None);
            m.answered_at = Set(None);
            m.answered_by = Set(None);
            sea_orm::ActiveModelTrait::update(m, txn).await?
        }
        None => {
            let model = rating::Model {
                id: uuid::Uuid::new_v4().to_string(),
                dossier_id: Some(row.id.clone()),
                counter_id: None,
                agency_code: row.receiving_agency_code.clone().unwrap_or_default(),
                level: input.level.clone(),
                reasons,
                comment,
                via: via.to_owned(),
                created_at: now.fixed_offset(),
                updated_at: now.fixed_offset(),
                answer: None,
                answered_at: None,
                answered_by: None,
            };
            rating::Entity::insert(rating::ActiveModel::from(model.clone()))
                .exec_without_returning(txn)
                .await?;
            crate::statistics::rollup::rated(
                txn,
                &model.agency_code,
                Some(&row.procedure_code),
                vietnam_date(now),
                None,
                &model.level,
            )
            .await?;
            model
        }
    };
    let entry = match actor {
        Some(actor) => Entry::by(txn, actor, "rating.give").await?,
        None => Entry::party("applicant (link)", "rating.give"),
    };
    entry
        .on("dossier", row.id.clone())
        .agency(Some(saved.agency_code.clone()))
        .detail(serde_json::json!({
            "code": row.code,
            "level": saved.level,
            "reasons": saved.reasons,
            "via": via,
        }))
        .record(txn, origin)
        .await?;
    Ok(saved)
}

/// How satisfied people were with an agency over a period: its dossiers' and its counters'
/// ratings together, per level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// "Very satisfied".
    pub very_satisfied: u64,
    /// "Satisfied".
    pub satisfied: u64,
    /// "Not satisfied".
    pub not_satisfied: u64,
}

impl Summary {
    /// Ratings in all.
    pub fn total(&self) -> u64 {
        self.very_satisfied + self.satisfied + self.not_satisfied
    }

    /// The share satisfied or very satisfied, in whole percent (rounded down: a rate is never
    /// shown better than it is); `None` without any rating.
    pub fn satisfied_percent(&self) -> Option<u64> {
        let total = self.total();
        (total > 0).then(|| (self.very_satisfied + self.satisfied) * 100 / total)
    }
}

/// The ratings of `agency` (its own, dossiers and counters) in the month of `today`, from the
/// statistics rollups.
pub async fn month_summary<C: ConnectionTrait>(
    db: &C,
    agency: &str,
    today: chrono::NaiveDate,
) -> DomainResult<Summary> {
    use crate::statistics::{figures, period::Period};
    let scope = figures::Scope {
        agencies: vec![agency.to_owned()],
        procedures: Vec::new(),
    };
    let f = figures::figures(db, &scope, &Period::month_of(today), today).await?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(Summary {
        very_satisfied: count(f.very_satisfied),
        satisfied: count(f.satisfied),
        not_satisfied: count(f.not_satisfied),
    })
}

/// A "not satisfied" rating waiting for its answer, with its dossier's code.
#[derive(Clone, Debug)]
pub struct Unanswered {
    /// The rating.
    pub rating: rating::Model,
    /// The dossier's code.
    pub code: String,
}

/// True when `actor` may answer rating `r` now: a "not satisfied" not answered yet, and the
/// actor one of the rated agency's leaders.
pub fn may_answer(actor: &Actor, r: &rating::Model) -> bool {
    r.level == NOT_SATISFIED && r.answered_at.is_none() && answers_for(actor, &r.agency_code)
}

/// True when `actor` answers the ratings of `agency`: one of its leaders.
fn answers_for(actor: &Actor, agency: &str) -> bool {
    matches!(actor, Actor::Staff { agency_code, roles, .. }
        if agency_code == agency && roles.contains(&Role::Leader))
}

/// The "not satisfied" ratings of the leader's agency not answered yet, oldest first (at most
/// `limit`); nothing for anyone else.
pub async fn unanswered(
    db: &DatabaseConnection,
    actor: &Actor,
    limit: u64,
) -> DomainResult<Vec<Unanswered>> {
    let Actor::Staff { agency_code, .. } = actor else {
        return Ok(Vec::new());
    };
    if !answers_for(actor, agency_code) {
        return Ok(Vec::new());
    }
    let ratings = rating::Entity::find()
        .filter(rating::Column::AgencyCode.eq(agency_code.as_str()))
        .filter(rating::Column::Level.eq(NOT_SATISFIED))
        .filter(rating::Column::AnsweredAt.is_null())
        // A counter's rating names no dossier and nobody to answer: it is counted only.
        .filter(rating::Column::DossierId.is_not_null())
        .order_by_asc(rating::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?;
    let ids: Vec<String> = ratings
        .iter()
        .filter_map(|r| r.dossier_id.clone())
        .collect();
    let codes: std::collections::HashMap<String, String> = dossier::Entity::find()
        .filter(dossier::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.code.unwrap_or_default()))
        .collect();
    Ok(ratings
        .into_iter()
        .map(|r| Unanswered {
            code: r
                .dossier_id
                .as_ref()
                .and_then(|id| codes.get(id).cloned())
                .unwrap_or_default(),
            rating: r,
        })
        .collect())
}

/// A leader of the rated agency answers a "not satisfied" rating of dossier `id`; the answer
/// is shown to the applicant on the dossier page and audited. Refusals: `NotFound` for anyone
/// else, `answer` required and at most 2000 characters, `rating_answered` when answered
/// already.
pub async fn answer(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    text: &str,
) -> DomainResult<rating::Model> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > TEXT_MAX {
        return Err(invalid(
            "answer",
            "rating_answer",
            "write the answer (at most 2000 characters)",
        ));
    }
    let txn = crate::db::begin_write(services.db).await?;
    let found = of_dossier(&txn, id)
        .await?
        .filter(|r| r.level == NOT_SATISFIED && answers_for(actor, &r.agency_code))
        .ok_or_else(|| DomainError::NotFound(format!("rating of {id}")))?;
    if found.answered_at.is_some() {
        return Err(invalid(
            "answer",
            "rating_answered",
            "this rating has been answered",
        ));
    }
    // Two leaders answering at once: the first answer stands, the second is refused.
    let written = rating::Entity::update_many()
        .col_expr(rating::Column::Answer, Expr::value(Some(text.to_owned())))
        .col_expr(
            rating::Column::AnsweredAt,
            Expr::value(Some(services.now.fixed_offset())),
        )
        .col_expr(
            rating::Column::AnsweredBy,
            Expr::value(actor.account_id().map(str::to_owned)),
        )
        .filter(rating::Column::Id.eq(&found.id))
        .filter(rating::Column::AnsweredAt.is_null())
        .exec(&txn)
        .await?;
    if written.rows_affected != 1 {
        return Err(invalid(
            "answer",
            "rating_answered",
            "this rating has been answered",
        ));
    }
    let saved = rating::Entity::find_by_id(found.id.clone())
        .one(&txn)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("rating of {id}")))?;
    Entry::by(&txn, actor, "rating.answer")
        .await?
        .on("dossier", id.to_owned())
        .agency(Some(saved.agency_code.clone()))
        .detail(serde_json::json!({ "answer": text }))
        .record(&txn, services.origin)
        .await?;
    txn.commit().await?;
    Ok(saved)
}
