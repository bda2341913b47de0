//! Changing a filed dossier, the same way in every service. First open it: [`lock_for_change`]
//! when the actor's reading rights decide, [`lock`] when the caller has its own rule (the owner,
//! a gateway, the carrier), [`readable`] before a slow outside call that must not hold the row.
//! Then, after the service's own checks and update, record it with one [`DossierChange`]: the
//! timeline event, the audit entry, the notice to the applicant, the desk tally and the
//! statistics rollups, written in the caller's transaction and always in that order.
//!
//! Nothing here knows about processing, results, payments or the post: they all use this
//! module, so it must not use them (no module circles).

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};

use super::timeline::{self, NewEvent};
use super::{notice, tally, visibility, Status};
use crate::access::Actor;
use crate::accounts::Mailing;
use crate::audit::{self, Entry, Origin, Outcome};
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

/// Who makes a change, as the timeline and the audit log name them.
#[derive(Clone, Debug)]
pub enum By<'a> {
    /// A person or an API client: its audit id, and the label [`audit::actor_label`] looks up
    /// (once, and only when an event or an audit entry is written).
    Actor(&'a Actor),
    /// Someone outside the portal, or the portal itself: no id, this label (`"VNPay"`, the
    /// carrier, `"system"`).
    Party(&'a str),
    /// Both given: a filing in the applicant's name, or a label looked up once for several
    /// changes in one transaction ([`By::resolve`]).
    Named {
        /// Audit id.
        id: Option<String>,
        /// Label.
        label: String,
    },
}

impl<'a> From<&'a Actor> for By<'a> {
    fn from(actor: &'a Actor) -> Self {
        By::Actor(actor)
    }
}

impl By<'_> {
    /// The audit id (also what `delivered_by`-like columns keep).
    pub fn audit_id(&self) -> Option<String> {
        match self {
            By::Actor(actor) => actor.audit_id(),
            By::Party(_) => None,
            By::Named { id, .. } => id.clone(),
        }
    }

    /// The same, with the label looked up now: for a transaction that records more than one
    /// change by the same actor.
    pub async fn resolve<C: ConnectionTrait>(self, db: &C) -> DomainResult<By<'static>> {
        Ok(match self {
            By::Actor(actor) => By::Named {
                id: actor.audit_id(),
                label: audit::actor_label(db, actor).await?,
            },
            By::Party(label) => By::Named {
                id: None,
                label: label.to_owned(),
            },
            By::Named { id, label } => By::Named { id, label },
        })
    }

    async fn label<C: ConnectionTrait>(&self, db: &C) -> DomainResult<String> {
        match self {
            By::Actor(actor) => audit::actor_label(db, actor).await,
            By::Party(label) => Ok((*label).to_owned()),
            By::Named { label, .. } => Ok(label.clone()),
        }
    }
}

/// Which agency an audit entry is filed under: agency administrators read their own agency's
/// entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum AuditAgency {
    /// The agency that received the dossier (payments, refunds, the post, returns).
    #[default]
    Receiving,
    /// The agency holding the dossier now, else the receiving one (processing moves, extra
    /// fees, results).
    Holding,
    /// As given (filing: the agency just chosen, before the row says it).
    Given(Option<String>),
}

impl AuditAgency {
    fn of(&self, row: &dossier::Model) -> Option<String> {
        match self {
            AuditAgency::Receiving => row.receiving_agency_code.clone(),
            AuditAgency::Holding => row
                .holding_agency_code
                .clone()
                .or_else(|| row.receiving_agency_code.clone()),
            AuditAgency::Given(agency) => agency.clone(),
        }
    }
}

/// The notice to send: what happened, the note the applicant reads, the due date to mention.
struct Notify<'a> {
    mailing: Mailing<'a>,
    what: &'a str,
    note: &'a str,
    due: Option<DateTime<Utc>>,
}

/// One change to a filed dossier `row` (as it was before the change): a timeline event, an audit
/// entry, a notice to the applicant and the move of the desk tally — each only when asked for —
/// written by [`DossierChange::record`] in the caller's transaction.
#[must_use = "nothing is written until `record`"]
pub struct DossierChange<'a> {
    row: &'a dossier::Model,
    by: By<'a>,
    kind: Option<Cow<'a, str>>,
    from_to: Option<(Status, Status)>,
    public_note: Option<String>,
    internal_note: Option<String>,
    data: Option<serde_json::Value>,
    action: Option<Cow<'a, str>>,
    agency: AuditAgency,
    detail: Option<serde_json::Value>,
    notify: Option<Notify<'a>>,
    procedure_name: Option<&'a str>,
    tally: bool,
}

impl<'a> DossierChange<'a> {
    /// A change to `row` by `by`; nothing to write yet.
    pub fn new(row: &'a dossier::Model, by: impl Into<By<'a>>) -> Self {
        DossierChange {
            row,
            by: by.into(),
            kind: None,
            from_to: None,
            public_note: None,
            internal_note: None,
            data: None,
            action: None,
            agency: AuditAgency::default(),
            detail: None,
            notify: None,
            procedure_name: None,
            tally: false,
        }
    }

    /// Writes a timeline event of `kind` (one of `timeline::EVENT_KINDS`).
    pub fn event(mut self, kind: impl Into<Cow<'a, str>>) -> Self {
        self.kind = Some(kind.into());
        self
    }

    /// The event moves the dossier from status `from` to `to`.
    pub fn status(mut self, from: Status, to: Status) -> Self {
        self.from_to = Some((from, to));
        self
    }

    /// The note the applicant reads with the event; a blank one is none (kept as given
    /// otherwise).
    pub fn public_note(mut self, note: impl Into<String>) -> Self {
        self.public_note = Some(note.into()).filter(|n| !n.trim().is_empty());
        self
    }

    /// The note only staff read; a blank one is none.
    pub fn internal_note(mut self, note: impl Into<String>) -> Self {
        self.internal_note = Some(note.into()).filter(|n| !n.trim().is_empty());
        self
    }

    /// The event's details.
    pub fn data(mut self, data: serde_json::Value) -> Self {
        self.data = Some(data);
        self
    }

    /// Writes a successful audit entry of `action` on the dossier, under the receiving agency
    /// unless [`DossierChange::audit_agency`] says otherwise. (A change that was refused or
    /// failed is not a change to the dossier: such entries are written with [`Entry`].)
    pub fn audit(mut self, action: impl Into<Cow<'a, str>>) -> Self {
        self.action = Some(action.into());
        self
    }

    /// The agency the audit entry is filed under.
    pub fn audit_agency(mut self, agency: AuditAgency) -> Self {
        self.agency = agency;
        self
    }

    /// The audit entry's details. The dossier's code is added as `code` unless they set one,
    /// so every dossier entry can be found by the code people quote.
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = Some(detail);
        self
    }

    /// Tells the applicant about `what` (a transition's code, or `fee_added`…) with `note` and
    /// the due date `due`, by the channels they chose.
    pub fn notify(
        mut self,
        mailing: Mailing<'a>,
        what: &'a str,
        note: &'a str,
        due: Option<DateTime<Utc>>,
    ) -> Self {
        self.notify = Some(Notify {
            mailing,
            what,
            note,
            due,
        });
        self
    }

    /// The procedure's name for the notice, when the caller has it already; otherwise
    /// [`DossierChange::record`] reads it.
    pub fn procedure_name(mut self, name: &'a str) -> Self {
        self.procedure_name = Some(name);
        self
    }

    /// Moves the dossier in the desk tally and the statistics rollups from where `row` was to
    /// where the dossier is now. Written last: those rows are shared by the whole desk, so they
    /// are held briefly.
    pub fn tally(mut self) -> Self {
        self.tally = true;
        self
    }

    /// Writes, in this order: the event (at `at`), the audit entry (from `origin`), the notice
    /// and the tally move. The caller commits `txn` right after.
    pub async fn record<C: ConnectionTrait>(
        self,
        txn: &C,
        origin: &Origin,
        at: DateTime<Utc>,
    ) -> DomainResult<()> {
        let row = self.row;
        let label = if self.kind.is_some() || self.action.is_some() {
            self.by.label(txn).await?
        } else {
            String::new()
        };
        if let Some(kind) = &self.kind {
            let (from, to) = self.from_to.unzip();
            timeline::append(
                txn,
                at,
                NewEvent {
                    dossier_id: &row.id,
                    actor_id: self.by.audit_id(),
                    actor_label: label.clone(),
                    kind: kind.as_ref(),
                    from,
                    to,
                    public_note: self.public_note,
                    internal_note: self.internal_note,
                    data: self.data,
                },
            )
            .await?;
        }
        if let Some(action) = &self.action {
            audit::record(
                txn,
                origin,
                Entry {
                    actor_id: self.by.audit_id(),
                    actor_label: label,
                    action: action.as_ref(),
                    target_type: Some("dossier"),
                    target_id: Some(row.id.clone()),
                    agency_code: self.agency.of(row),
                    outcome: Outcome::Success,
                    detail: Some(with_code(self.detail, row)),
                },
            )
            .await?;
        }
        if let Some(n) = self.notify {
            let procedure = match self.procedure_name {
                Some(name) => Cow::Borrowed(name),
                None => Cow::Owned(notice::procedure_name(txn, row).await?),
            };
            notice::tell(txn, row, &procedure, n.what, n.note, n.due, n.mailing).await?;
        }
        if self.tally {
            let now = dossier::Entity::find_by_id(row.id.clone()).one(txn).await?;
            tally::moved(txn, Some(row), now.as_ref()).await?;
            if let Some(now) = &now {
                crate::statistics::rollup::moved(txn, Some(row), now, at).await?;
            }
        }
        Ok(())
    }
}

/// `detail` with `"code": row.code` added unless it sets `code` itself.
fn with_code(detail: Option<serde_json::Value>, row: &dossier::Model) -> serde_json::Value {
    let mut detail = detail.unwrap_or_else(|| serde_json::json!({}));
    if let Some(map) = detail.as_object_mut() {
        map.entry("code")
            .or_insert_with(|| serde_json::json!(row.code));
    }
    detail
}

#[cfg(test)]
mod tests;
