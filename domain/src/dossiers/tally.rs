//! The staff workspace's tab counts, kept as dossiers move instead of counted on every page
//! view (a desk of 200,000 dossiers has 20,000 open ones to count).
//!
//! Every dossier a desk holds is in exactly one [`Slot`], decided by [`slot`] from its status,
//! assignee, step role and transfer. Filing and every transition call [`moved`] in their own
//! transaction with the dossier as it was and as it is now, which takes one from the old slot's
//! tally and adds one to the new one. [`rebuild`] recounts everything from the dossiers
//! (`portal migrate` runs it, and so does the benchmark data generator after its bulk insert),
//! so the tally can always be brought back in line. The counts that depend on the clock (due
//! soon, overdue) and "mine" are not kept here: they are counted live in `queues`.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};

use super::lifecycle::OPEN;
use super::Status;
use crate::access::Role;
use crate::entities::{desk_tally, dossier};
use crate::error::DomainResult;

/// Where a dossier held by a desk sits. The slots split the desk's open and processed dossiers
/// with no overlap, so a tab that spans several (all open) is a sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// Filed, waiting for the desk.
    New,
    /// Accepted or in processing at a specialist's step with nobody assigned.
    Unassigned,
    /// At the leader's approval step in the agency that owns the workflow.
    ToApprove,
    /// Waiting for the applicant's supplement.
    Waiting,
    /// Processed, to be returned.
    ToReturn,
    /// Any other open dossier (assigned, at a transferred leader step, awaiting payment).
    OtherOpen,
}

impl Slot {
    /// Every slot.
    pub const ALL: [Slot; 6] = [
        Slot::New,
        Slot::Unassigned,
        Slot::ToApprove,
        Slot::Waiting,
        Slot::ToReturn,
        Slot::OtherOpen,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Slot::New => "new",
            Slot::Unassigned => "unassigned",
            Slot::ToApprove => "to_approve",
            Slot::Waiting => "waiting",
            Slot::ToReturn => "to_return",
            Slot::OtherOpen => "other_open",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.code() == code)
    }

    /// True for the slots of open dossiers (the "all" tab).
    pub fn is_open(self) -> bool {
        self != Slot::ToReturn
    }
}

/// The slot of a dossier in `status`, or `None` when no desk counts it (a draft, or finished).
pub fn slot(
    status: Status,
    assigned: bool,
    step_role: Option<&str>,
    transferred: bool,
) -> Option<Slot> {
    let leader_step = step_role == Some(Role::Leader.code());
    Some(match status {
        Status::Submitted => Slot::New,
        Status::SupplementRequested => Slot::Waiting,
        Status::Processed => Slot::ToReturn,
        Status::Processing if leader_step && !transferred => Slot::ToApprove,
        Status::Accepted | Status::Processing if !assigned && !leader_step => Slot::Unassigned,
        s if OPEN.contains(&s) => Slot::OtherOpen,
        _ => return None,
    })
}

/// The tally row a dossier counts in: (holding agency, procedure, slot).
type Key = (String, String, Slot);

fn key(d: &dossier::Model) -> Option<Key> {
    let agency = d.holding_agency_code.clone()?;
    let status = Status::from_code(&d.status)?;
    let slot = slot(
        status,
        d.assignee_id.is_some(),
        d.step_role.as_deref(),
        d.transfer_origin.is_some(),
    )?;
    Some((agency, d.procedure_code.clone(), slot))
}

async fn add<C: ConnectionTrait>(db: &C, key: &Key, by: i64) -> DomainResult<()> {
    use desk_tally::{Column, Entity};
    let mut insert = Query::insert();
    insert
        .into_table(Entity)
        .columns([
            Column::AgencyCode,
            Column::ProcedureCode,
            Column::Slot,
            Column::Dossiers,
        ])
        .values_panic([
            key.0.clone().into(),
            key.1.clone().into(),
            key.2.code().into(),
            by.into(),
        ])
        .on_conflict(
            OnConflict::columns([Column::AgencyCode, Column::ProcedureCode, Column::Slot])
                .value(
                    Column::Dossiers,
                    Expr::col((Entity, Column::Dossiers)).add(by),
                )
                .to_owned(),
        );
    db.execute(&insert).await?;
    Ok(())
}

/// Records that a dossier went from `before` (`None`: it was not at a desk, e.g. a draft) to
/// `after`, inside the transaction that changed it. The two rows are touched in key order, so
/// two transfers in opposite directions cannot deadlock on PostgreSQL.
pub async fn moved<C: ConnectionTrait>(
    db: &C,
    before: Option<&dossier::Model>,
    after: Option<&dossier::Model>,
) -> DomainResult<()> {
    let (from, to) = (before.and_then(key), after.and_then(key));
    if from == to {
        return Ok(());
    }
    let mut changes: Vec<(Key, i64)> = from
        .map(|k| (k, -1))
        .into_iter()
        .chain(to.map(|k| (k, 1)))
        .collect();
    changes.sort_by(|a, b| a.0.cmp(&b.0));
    for (k, by) in changes {
        add(db, &k, by).await?;
    }
    Ok(())
}

/// The tally of `agency`, per slot, over one procedure or all.
pub async fn counts<C: ConnectionTrait>(
    db: &C,
    agency: &str,
    procedure: Option<&str>,
) -> DomainResult<BTreeMap<Slot, u64>> {
    let mut select = desk_tally::Entity::find().filter(desk_tally::Column::AgencyCode.eq(agency));
    if let Some(code) = procedure {
        select = select.filter(desk_tally::Column::ProcedureCode.eq(code));
    }
    let mut out = BTreeMap::new();
    for row in select.all(db).await? {
        if let Some(slot) = Slot::from_code(&row.slot) {
            *out.entry(slot).or_insert(0) += u64::try_from(row.dossiers).unwrap_or(0);
        }
    }
    Ok(out)
}

/// Recounts the whole tally from the dossiers, in one transaction. On PostgreSQL the table is
/// locked for writes first, so a transition committing meanwhile is counted exactly once:
/// either it committed before the recount read the dossiers, or it waits and adds its move
/// after. Returns the dossiers counted.
pub async fn rebuild(db: &sea_orm::DatabaseConnection) -> DomainResult<u64> {
    let txn = crate::db::begin_write(db).await?;
    let backend = txn.get_database_backend();
    if backend == DbBackend::Postgres {
        txn.execute_unprepared("LOCK TABLE desk_tally IN EXCLUSIVE MODE")
            .await?;
    }
    desk_tally::Entity::delete_many().exec(&txn).await?;
    let statuses = Status::ALL
        .into_iter()
        .filter(|s| slot(*s, false, None, false).is_some())
        .map(|s| format!("'{}'", s.code()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT holding_agency_code, procedure_code, status, \
         CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END AS assigned, step_role, \
         CASE WHEN transfer_origin IS NULL THEN 0 ELSE 1 END AS transferred, COUNT(*) AS n \
         FROM dossier WHERE holding_agency_code IS NOT NULL AND status IN ({statuses}) \
         GROUP BY holding_agency_code, procedure_code, status, \
         CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END, step_role, \
         CASE WHEN transfer_origin IS NULL THEN 0 ELSE 1 END"
    );
    let mut tally: BTreeMap<Key, i64> = BTreeMap::new();
    for row in txn
        .query_all_raw(Statement::from_string(backend, sql))
        .await?
    {
        let status: String = row.try_get("", "status")?;
        let step_role: Option<String> = row.try_get("", "step_role")?;
        let assigned: i32 = row.try_get("", "assigned")?;
        let transferred: i32 = row.try_get("", "transferred")?;
        let Some(slot) = Status::from_code(&status)
            .and_then(|s| slot(s, assigned != 0, step_role.as_deref(), transferred != 0))
        else {
            continue;
        };
        let agency: String = row.try_get("", "holding_agency_code")?;
        let procedure: String = row.try_get("", "procedure_code")?;
        *tally.entry((agency, procedure, slot)).or_insert(0) += row.try_get::<i64>("", "n")?;
    }
    let total = tally.values().sum::<i64>();
    for (k, n) in &tally {
        add(&txn, k, *n).await?;
    }
    txn.commit().await?;
    Ok(u64::try_from(total).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_desk_status_has_one_slot_and_finished_ones_none() {
        for status in Status::ALL {
            for assigned in [false, true] {
                for role in [None, Some("specialist"), Some(Role::Leader.code())] {
                    for transferred in [false, true] {
                        let s = slot(status, assigned, role, transferred);
                        let counted = OPEN.contains(&status) || status == Status::Processed;
                        assert_eq!(s.is_some(), counted, "{status:?}");
                        if let Some(s) = s {
                            assert_eq!(s.is_open(), OPEN.contains(&status), "{status:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn slots_follow_the_step() {
        let leader = Some(Role::Leader.code());
        assert_eq!(
            slot(Status::Processing, false, leader, false),
            Some(Slot::ToApprove)
        );
        assert_eq!(
            slot(Status::Processing, true, leader, false),
            Some(Slot::ToApprove)
        );
        assert_eq!(
            slot(Status::Processing, false, leader, true),
            Some(Slot::OtherOpen)
        );
        assert_eq!(
            slot(Status::Processing, false, Some("specialist"), false),
            Some(Slot::Unassigned)
        );
        assert_eq!(
            slot(Status::Accepted, false, None, false),
            Some(Slot::Unassigned)
        );
        assert_eq!(
            slot(Status::Accepted, true, None, false),
            Some(Slot::OtherOpen)
        );
        assert_eq!(
            slot(Status::AwaitingPayment, false, None, false),
            Some(Slot::OtherOpen)
        );
        assert_eq!(slot(Status::Returned, false, None, false), None);
        assert_eq!(slot(Status::Draft, false, None, false), None);
    }
}
