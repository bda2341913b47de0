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
    queue(db, "email", to, subject, body, None).await
}

/// Queues a message on `channel` (`email` or `sms`) about dossier `dossier_id` (so that the
/// agency's administrators see it if it cannot be delivered).
pub async fn queue<C: ConnectionTrait>(
    db: &C,
    channel: &str,
    to: &str,
    subject: &str,
    body: &str,
    dossier_id: Option<&str>,
) -> DomainResult<()> {
    let now = Utc::now();
    Entity::insert(outbox_message::ActiveModel {
        id: NotSet,
        channel: Set(channel.to_owned()),
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
        dossier_id: Set(dossier_id.map(str::to_owned)),
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

/// Records a failed delivery and schedules the next attempt (1, 2, 4 … minutes, at most an
/// hour). After [`MAX_ATTEMPTS`] the message is marked failed: it leaves the automatic retries
/// and appears in the administrators' list ([`failed`]) until someone re-sends it.
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
            Column::FailedAt,
            sea_orm::sea_query::Expr::value((attempts >= MAX_ATTEMPTS).then(Utc::now)),
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

/// Messages whose automatic retries gave up, newest first, that `actor` may see: all of them
/// for a system administrator; for an agency administrator those about dossiers received by
/// their agency and those sent to their agency's staff.
pub async fn failed<C: ConnectionTrait>(
    db: &C,
    actor: &crate::access::Actor,
) -> DomainResult<Vec<outbox_message::Model>> {
    let scope = admin_scope(actor)?;
    let rows = Entity::find()
        .filter(Column::FailedAt.is_not_null())
        .filter(Column::SentAt.is_null())
        .order_by_desc(Column::Id)
        .limit(500)
        .all(db)
        .await?;
    let Some(agency) = scope else {
        return Ok(rows);
    };
    let mut out = Vec::new();
    for row in rows {
        if concerns_agency(db, &row, &agency).await? {
            out.push(row);
        }
    }
    Ok(out)
}

/// `None`: every message; `Some(agency)`: that agency's only.
fn admin_scope(actor: &crate::access::Actor) -> DomainResult<Option<String>> {
    use crate::access::{Actor, Role};
    match actor {
        Actor::Staff { roles, .. } if roles.contains(&Role::SystemAdmin) => Ok(None),
        Actor::Staff {
            roles, agency_code, ..
        } if roles.contains(&Role::AgencyAdmin) => Ok(Some(agency_code.clone())),
        Actor::Anonymous => Err(crate::DomainError::Unauthorized),
        _ => Err(crate::DomainError::Forbidden("outbox".into())),
    }
}

async fn concerns_agency<C: ConnectionTrait>(
    db: &C,
    row: &outbox_message::Model,
    agency: &str,
) -> DomainResult<bool> {
    use crate::entities::{account, dossier};
    if let Some(id) = &row.dossier_id {
        let d = dossier::Entity::find_by_id(id.clone()).one(db).await?;
        return Ok(d.is_some_and(|d| {
            d.receiving_agency_code.as_deref() == Some(agency)
                || d.holding_agency_code.as_deref() == Some(agency)
        }));
    }
    let staff = account::Entity::find()
        .filter(account::Column::Email.eq(row.recipient.clone()))
        .filter(account::Column::AgencyCode.eq(agency))
        .one(db)
        .await?;
    Ok(staff.is_some())
}

/// Puts a failed message back in the queue for an immediate attempt, with a fresh round of
/// retries; audited.
pub async fn resend(
    db: &sea_orm::DatabaseConnection,
    actor: &crate::access::Actor,
    origin: &crate::audit::Origin,
    id: i64,
) -> DomainResult<()> {
    let scope = admin_scope(actor)?;
    let row = Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|r| r.failed_at.is_some() && r.sent_at.is_none())
        .ok_or_else(|| crate::DomainError::NotFound(format!("message {id}")))?;
    if let Some(agency) = &scope {
        if !concerns_agency(db, &row, agency).await? {
            return Err(crate::DomainError::NotFound(format!("message {id}")));
        }
    }
    let txn = crate::db::begin_write(db).await?;
    Entity::update_many()
        .col_expr(Column::Attempts, sea_orm::sea_query::Expr::value(0))
        .col_expr(
            Column::FailedAt,
            sea_orm::sea_query::Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(
            Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(Column::Id.eq(id))
        .exec(&txn)
        .await?;
    crate::audit::Entry::by(&txn, actor, "outbox.resend")
        .await?
        .on("outbox_message", id.to_string())
        .agency(scope)
        .detail(serde_json::json!({ "channel": row.channel, "attempts": row.attempts }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(())
}
