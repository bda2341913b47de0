//! Recounting the rollups from the dossiers' events: for a database that had dossiers before
//! the rollups existed (`portal migrate` runs [`if_empty`]), or to bring them back in line.
//! Each dossier's events are replayed in order through the same [`rollup::deltas`] the live
//! changes use, with the facts of a filing or an approval read as of its time (files attached
//! and fees paid by then), so a recount and the live rollups agree — the brute-force test checks
//! both against counts taken straight from the events.
//!
//! The recount holds the rollups' table for its whole length (changes wait), reads dossiers in
//! pages of [`BATCH`] and each resolved dossier's calendar: it is meant for the one migration
//! that finds the table empty, not for a busy portal.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};

use super::rollup::{self, Delta, Facts};
use crate::dossiers::codes::vietnam_date;
use crate::dossiers::Status;
use crate::entities::{dossier, dossier_event, rating, stat_rollup};
use crate::error::DomainResult;

/// Dossiers replayed per batch.
const BATCH: u64 = 500;

/// Recounts the rollups when they are empty and there are filed dossiers or ratings (the first
/// migration after upgrading); returns how many dossiers were replayed, `None` when nothing
/// was to do.
pub async fn if_empty(db: &DatabaseConnection) -> DomainResult<Option<u64>> {
    if stat_rollup::Entity::find().one(db).await?.is_some() {
        return Ok(None);
    }
    let filed = dossier::Entity::find()
        .filter(dossier::Column::Status.ne(Status::Draft.code()))
        .one(db)
        .await?
        .is_some();
    let rated = rating::Entity::find().one(db).await?.is_some();
    if !filed && !rated {
        return Ok(None);
    }
    rebuild(db).await.map(Some)
}

/// Empties the rollups and recounts them in one transaction (on PostgreSQL the table is locked
/// for writes first, so a change committing meanwhile is counted once: before the recount read
/// it, or after, waiting). Returns the dossiers replayed.
pub async fn rebuild(db: &DatabaseConnection) -> DomainResult<u64> {
    let txn = crate::db::begin_write(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_unprepared("LOCK TABLE stat_rollup IN EXCLUSIVE MODE")
            .await?;
    }
    stat_rollup::Entity::delete_many().exec(&txn).await?;
    let mut pages = dossier::Entity::find()
        .filter(dossier::Column::Status.ne(Status::Draft.code()))
        .order_by_asc(dossier::Column::Id)
        .paginate(&txn, BATCH);
    let mut replayed = 0;
    while let Some(batch) = pages.fetch_and_next().await? {
        let ids: Vec<String> = batch.iter().map(|d| d.id.clone()).collect();
        let events = dossier_event::Entity::find()
            .filter(dossier_event::Column::DossierId.is_in(ids))
            .order_by_asc(dossier_event::Column::Id)
            .all(&txn)
            .await?;
        let mut deltas = Vec::new();
        for d in &batch {
            let mine = events.iter().filter(|e| e.dossier_id == d.id);
            deltas.extend(replay(&txn, d, mine).await?);
            replayed += 1;
        }
        rollup::apply(&txn, deltas).await?;
    }
    let mut ratings = rating::Entity::find()
        .order_by_asc(rating::Column::Id)
        .paginate(&txn, BATCH);
    while let Some(batch) = ratings.fetch_and_next().await? {
        for r in batch {
            let procedure = match &r.dossier_id {
                Some(id) => dossier::Entity::find_by_id(id.clone())
                    .one(&txn)
                    .await?
                    .map(|d| d.procedure_code),
                None => None,
            };
            rollup::rated(
                &txn,
                &r.agency_code,
                procedure.as_deref(),
                vietnam_date(r.created_at.with_timezone(&Utc)),
                None,
                &r.level,
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(replayed)
}

/// The deltas of dossier `d`'s events, replayed from a draft: each event's status, due date,
/// pause, acceptance and apology applied to a copy of the row.
async fn replay<'e, C: ConnectionTrait>(
    db: &C,
    d: &dossier::Model,
    events: impl Iterator<Item = &'e dossier_event::Model>,
) -> DomainResult<Vec<Delta>> {
    let mut state = dossier::Model {
        status: Status::Draft.code().to_owned(),
        due_at: None,
        paused_at: None,
        accepted_at: None,
        apologies: 0,
        ..d.clone()
    };
    let mut out = Vec::new();
    for e in events {
        let at: DateTime<Utc> = e.at.with_timezone(&Utc);
        let before = state.clone();
        if let Some(to) = &e.to_status {
            state.paused_at = (to == Status::SupplementRequested.code()).then_some(e.at);
            state.status = to.clone();
        }
        if let Some(due) = e
            .data
            .as_ref()
            .and_then(|v| v.get("due_at"))
            .and_then(|v| serde_json::from_value::<DateTime<Utc>>(v.clone()).ok())
        {
            state.due_at = Some(due.fixed_offset());
        }
        match e.kind.as_str() {
            "accept" => state.accepted_at = Some(e.at),
            "apologise" => state.apologies += 1,
            _ => {}
        }
        let files = before.status == Status::Draft.code() && state.status != before.status;
        let resolves = e.to_status.as_deref() == Some(Status::Processed.code())
            && before.status != Status::Processed.code();
        let facts = if files {
            rollup::filing_facts(db, &state, at).await?
        } else if resolves {
            rollup::resolution_facts(db, &state, at).await?
        } else {
            Facts::default()
        };
        out.extend(rollup::deltas(Some(&before), &state, at, facts));
    }
    Ok(out)
}
