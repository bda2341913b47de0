//! Opening a filed dossier for a change, the same way in every service: [`lock_for_change`]
//! when the actor's reading rights decide, [`lock`] when the caller has its own rule (the owner,
//! a gateway, the carrier), [`readable`] before a slow outside call that must not hold the row.
//!
//! Nothing here knows about processing, results, payments or the post: they all use this
//! module, so it must not use them (no module circles).

use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};

use super::{visibility, Status};
use crate::access::Actor;
use crate::entities::dossier;
use crate::error::{DomainError, DomainResult};

/// Locks dossier `id` for the rest of `txn` (opened with [`crate::db::begin_write`]) and returns
/// it as it is now; `None` when there is none. A change that decides on what the row says takes
/// this lock before reading it, so two such changes to one dossier never interleave.
pub async fn lock<C: ConnectionTrait>(txn: &C, id: &str) -> DomainResult<Option<dossier::Model>> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .lock_exclusive()
        .one(txn)
        .await?)
}

/// Opens filed dossier `id` for a change by `actor`: locks it, and refuses as if it did not
/// exist when `actor` may not read it or it is still a draft — `NotFound`, or `Unauthorized`
/// for an anonymous caller (who should sign in) — so a refusal never tells that the id exists.
/// What the actor may then do to it is the caller's rule.
pub async fn lock_for_change<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    id: &str,
) -> DomainResult<dossier::Model> {
    let row = lock(txn, id)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    refuse_unreadable(txn, actor, row).await
}

/// [`lock_for_change`]'s rule without the lock: for the read before a slow outside call (signing,
/// the carrier) that must not hold the dossier, or before a change guarded on another row (a
/// refund's payment).
pub async fn readable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: &str,
) -> DomainResult<dossier::Model> {
    let row = dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    refuse_unreadable(db, actor, row).await
}

async fn refuse_unreadable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: dossier::Model,
) -> DomainResult<dossier::Model> {
    if row.status == Status::Draft.code() || !visibility::may_read(db, actor, &row).await? {
        return Err(match actor {
            Actor::Anonymous => DomainError::Unauthorized,
            _ => DomainError::NotFound(format!("dossier {}", row.id)),
        });
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::testing::{self, fresh_database, seed_dir};

    type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

    async fn database(
    ) -> Result<sea_orm::DatabaseConnection, Box<dyn std::error::Error + Send + Sync>> {
        let db = fresh_database().await?;
        crate::reference_data::load_seed_dir(&db, &seed_dir(), Utc::now().date_naive()).await?;
        Ok(db)
    }

    fn not_found<T>(result: DomainResult<T>) -> bool {
        matches!(result, Err(DomainError::NotFound(_)))
    }

    /// A refusal never tells that the dossier exists: a draft, someone else's dossier and a
    /// missing one are all "not found"; only an anonymous caller is asked to sign in.
    #[tokio::test]
    async fn a_dossier_is_opened_for_a_change_only_by_who_may_read_it() -> TestResult {
        let db = database().await?;
        let now = Utc
            .with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
            .single()
            .ok_or("time")?;
        let (owner, id) = testing::filed(&db, 1, now).await?;
        let stranger = testing::citizen(&db, 2).await?;
        let draft = testing::complete_draft(&db, &stranger).await?;

        let txn = crate::db::begin_write(&db).await?;
        assert_eq!(lock_for_change(&txn, &owner, &id).await?.id, id);
        assert!(not_found(lock_for_change(&txn, &stranger, &draft).await));
        assert!(not_found(lock_for_change(&txn, &stranger, &id).await));
        assert!(not_found(lock_for_change(&txn, &owner, "no-such-id").await));
        assert!(matches!(
            lock_for_change(&txn, &Actor::Anonymous, &id).await,
            Err(DomainError::Unauthorized)
        ));
        assert!(lock(&txn, "no-such-id").await?.is_none());
        assert_eq!(lock(&txn, &draft).await?.map(|r| r.id), Some(draft.clone()));
        txn.rollback().await?;

        // The same rule without the lock.
        assert_eq!(readable(&db, &owner, &id).await?.id, id);
        assert!(not_found(readable(&db, &stranger, &draft).await));
        assert!(not_found(readable(&db, &stranger, &id).await));
        assert!(matches!(
            readable(&db, &Actor::Anonymous, &id).await,
            Err(DomainError::Unauthorized)
        ));
        Ok(())
    }
}
