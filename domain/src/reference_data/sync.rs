//! Insert-or-update of a whole table's rows by key, counting what changed.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
};
use serde::Serialize;

/// How many rows a load inserted, updated and left as they were.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SyncCount {
    /// New rows.
    pub inserted: u64,
    /// Existing rows whose content changed.
    pub updated: u64,
    /// Existing rows already identical.
    pub unchanged: u64,
}

impl SyncCount {
    /// Rows in the file.
    pub fn total(&self) -> u64 {
        self.inserted + self.updated + self.unchanged
    }
}

/// Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters and SQLite's
/// 32,766 for the widest table.
const BATCH: usize = 400;

/// Makes the table hold `rows` (matched by `key`): inserts the new ones, updates the changed
/// ones, and leaves rows that are not in the file alone (they may be referenced by dossiers).
pub async fn sync_rows<E, A>(
    db: &impl ConnectionTrait,
    rows: Vec<E::Model>,
    key: impl Fn(&E::Model) -> String,
) -> Result<SyncCount, DbErr>
where
    E: EntityTrait<ActiveModel = A>,
    E::Model: IntoActiveModel<A> + PartialEq + Clone,
    A: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
{
    let existing: HashMap<String, E::Model> = E::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (key(&m), m))
        .collect();
    let mut count = SyncCount::default();
    let mut to_insert = Vec::new();
    for row in rows {
        match existing.get(&key(&row)) {
            None => to_insert.push(row.into_active_model()),
            Some(old) if *old == row => count.unchanged += 1,
            Some(_) => {
                row.into_active_model().reset_all().update(db).await?;
                count.updated += 1;
            }
        }
    }
    count.inserted = to_insert.len() as u64;
    let mut to_insert = to_insert.into_iter().peekable();
    while to_insert.peek().is_some() {
        let batch: Vec<A> = to_insert.by_ref().take(BATCH).collect();
        E::insert_many(batch).exec_without_returning(db).await?;
    }
    Ok(count)
}
