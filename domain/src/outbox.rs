//! The outgoing message queue. Services queue a message in the same transaction as the change
//! it reports; a worker in each instance claims due messages, delivers them and records the
//! outcome, retrying with back-off. A claim expires, so a crashed instance's messages are sent by
//! another; a message may in rare crashes be sent twice, never lost.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entities::outbox_message::{self, Column, Entity};
use crate::DomainResult;

/// Attempts after which a message stops being retried automatically (then an administrator
/// sees it and re-sends it by hand).
pub const MAX_ATTEMPTS: i32 = 8;

/// Queues an e-mail.
pub async fn queue_email<C: ConnectionTrait>(
    db: &C,
    to: &str,
    subject: &str,
    body: &str,
) -> DomainResult<()> {
    let now = Utc::now();
    Entity::insert(outbox_message::ActiveModel {
        id: NotSet,
        channel: Set("email".into()),
        recipient: Set(to.to_owned()),
        subject: Set(subject.to_owned()),
        body: Set(body.to_owned()),
        created_at: Set(now),
        next_attempt_at: Set(now),
        attempts: Set(0),
        sent_at: Set(None),
        last_error: Set(None),
        claimed_until: Set(None),
        failed_at: Set(None),
        dossier_id: Set(None),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Claims up to `limit` due messages for `claim_secs` seconds. A message is claimed only if its
/// claim is still free when the update runs, so two workers never take the same one.
pub async fn claim_due<C: ConnectionTrait>(
    db: &C,
    limit: u64,
    claim_secs: i64,
) -> DomainResult<Vec<outbox_message::Model>> {
    let now = Utc::now();
    let candidates = Entity::find()
        .filter(Column::SentAt.is_null())
        .filter(Column::Attempts.lt(MAX_ATTEMPTS))
        .filter(Column::NextAttemptAt.lte(now))
        .filter(
            sea_orm::Condition::any()
                .add(Column::ClaimedUntil.is_null())
                .add(Column::ClaimedUntil.lt(now)),
        )
        .order_by_asc(Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let until = now + Duration::seconds(claim_secs);
    let mut claimed = Vec::new();
    for message in candidates {
        let result = Entity::update_many()
            .col_expr(Column::ClaimedUntil, sea_orm::sea_query::Expr::value(until))
            .filter(Column::Id.eq(message.id))
            .filter(
                sea_orm::Condition::any()
                    .add(Column::ClaimedUntil.is_null())
                    .add(Column::ClaimedUntil.lt(now)),
            )
            .exec(db)
            .await?;
        if result.rows_affected == 1 {
            claimed.push(message);
        }
    }
    Ok(claimed)
}

/// Records a successful delivery.
pub async fn mark_sent<C: ConnectionTrait>(db: &C, id: i64) -> DomainResult<()> {
    Entity::update_many()
        .col_expr(Column::SentAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .col_expr(
            Column::Attempts,
            sea_orm::sea_query::ExprTrait::add(sea_orm::sea_query::Expr::col(Column::Attempts), 1),
        )
        .col_expr(
            Column::ClaimedUntil,
            sea_orm::sea_query::Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records a failed delivery and schedules the next attempt (1, 2, 4 … minutes, at most an hour).
pub async fn mark_failed<C: ConnectionTrait>(
    db: &C,
    message: &outbox_message::Model,
    error: &str,
) -> DomainResult<()> {
    let attempts = message.attempts + 1;
    let backoff = Duration::minutes(1i64 << attempts.clamp(0, 6)).min(Duration::hours(1));
    Entity::update_many()
        .col_expr(Column::Attempts, sea_orm::sea_query::Expr::value(attempts))
        .col_expr(
            Column::LastError,
            sea_orm::sea_query::Expr::value(error.to_owned()),
        )
        .col_expr(
            Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(Utc::now() + backoff),
        )
        .col_expr(
            Column::ClaimedUntil,
            sea_orm::sea_query::Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .filter(Column::Id.eq(message.id))
        .exec(db)
        .await?;
    Ok(())
}
