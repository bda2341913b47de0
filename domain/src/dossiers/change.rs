//! Changing a filed dossier, the same way in every service. First open it: [`lock_for_change`]
//! when the actor's reading rights decide, [`lock`] when the caller has its own rule (the owner,
//! a gateway, the carrier), [`readable`] before a slow outside call that must not hold the row.
//! Then, after the service's own checks and update, record it with one [`DossierChange`]: the
//! timeline event, the audit entry, the notice to the applicant and the desk tally, written in
//! the caller's transaction and always in that order.
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

    /// Moves the dossier in the desk tally from where `row` was to where the dossier is now.
    /// Written last: the tally rows are shared by the whole desk, so they are held briefly.
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
            tally::moved_to_current(txn, Some(row), &row.id).await?;
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
mod tests {
    use chrono::TimeZone;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

    use super::*;
    use crate::access::Role;
    use crate::entities::{audit_log, dossier_event, outbox_message};
    use crate::testing::{self, fresh_database, origin, seed_dir};

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

    fn monday_nine() -> Result<DateTime<Utc>, &'static str> {
        Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
            .single()
            .ok_or("time")
    }

    /// A filed dossier as read before a change, and a clerk of its receiving desk.
    async fn filed(
        db: &sea_orm::DatabaseConnection,
        n: u32,
    ) -> Result<(dossier::Model, Actor), Box<dyn std::error::Error + Send + Sync>> {
        let (_, id) = testing::filed(db, n, monday_nine()?).await?;
        let row = dossier::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or("row")?;
        let desk = row.receiving_agency_code.clone().ok_or("desk")?;
        let clerk = testing::staff(db, "Trần Văn Bình", &desk, &[Role::IntakeClerk]).await?;
        Ok((row, clerk))
    }

    async fn events(
        db: &sea_orm::DatabaseConnection,
        row: &dossier::Model,
        kind: &str,
    ) -> Result<Vec<dossier_event::Model>, sea_orm::DbErr> {
        dossier_event::Entity::find()
            .filter(dossier_event::Column::DossierId.eq(&row.id))
            .filter(dossier_event::Column::Kind.eq(kind))
            .all(db)
            .await
    }

    async fn entries(
        db: &sea_orm::DatabaseConnection,
        row: &dossier::Model,
        action: &str,
    ) -> Result<Vec<audit_log::Model>, sea_orm::DbErr> {
        audit_log::Entity::find()
            .filter(audit_log::Column::TargetId.eq(&row.id))
            .filter(audit_log::Column::Action.eq(action))
            .order_by_asc(audit_log::Column::Id)
            .all(db)
            .await
    }

    /// Renders what a notice about a dossier says, so a test can read it back from the outbox.
    struct Echo;

    impl crate::accounts::Notices for Echo {
        fn render(&self, notice: &crate::accounts::Notice<'_>) -> (String, String) {
            match notice {
                crate::accounts::Notice::DossierChanged {
                    procedure,
                    transition,
                    note,
                    ..
                } => (format!("{transition}|{procedure}|{note}"), String::new()),
                _ => ("other".into(), String::new()),
            }
        }
    }

    /// A refusal never tells that the dossier exists: a draft, someone else's dossier and a
    /// missing one are all "not found"; only an anonymous caller is asked to sign in.
    #[tokio::test]
    async fn a_dossier_is_opened_for_a_change_only_by_who_may_read_it() -> TestResult {
        let db = database().await?;
        let (owner, id) = testing::filed(&db, 1, monday_nine()?).await?;
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

    /// One change writes its event (by the actor, at the given time, blank notes left out) and
    /// its audit entry (on the dossier, from the request's address, with the dossier's code).
    #[tokio::test]
    async fn a_change_writes_its_event_and_its_audit_entry() -> TestResult {
        let db = database().await?;
        let (row, clerk) = filed(&db, 1).await?;
        let at = monday_nine()? + chrono::Duration::hours(1);
        let txn = crate::db::begin_write(&db).await?;
        DossierChange::new(&row, &clerk)
            .event("fee_added")
            .status(Status::Submitted, Status::Accepted)
            .public_note("Sao y 5 bản")
            .internal_note("   ")
            .data(serde_json::json!({ "amount_vnd": 50_000 }))
            .audit("dossier.fee_add")
            .detail(serde_json::json!({ "amount_vnd": 50_000 }))
            .record(&txn, &origin(), at)
            .await?;
        txn.commit().await?;

        let [event] = &events(&db, &row, "fee_added").await?[..] else {
            return Err("one event".into());
        };
        assert_eq!(event.actor_id, clerk.audit_id());
        assert_eq!(event.actor_label, "Trần Văn Bình");
        assert_eq!(event.at.with_timezone(&Utc), at);
        assert_eq!(
            (event.from_status.as_deref(), event.to_status.as_deref()),
            (Some("submitted"), Some("accepted"))
        );
        assert_eq!(event.public_note.as_deref(), Some("Sao y 5 bản"));
        assert_eq!(event.internal_note, None, "a blank note is none");
        assert_eq!(
            event.data,
            Some(serde_json::json!({ "amount_vnd": 50_000 }))
        );

        let [entry] = &entries(&db, &row, "dossier.fee_add").await?[..] else {
            return Err("one entry".into());
        };
        assert_eq!(entry.actor_id, clerk.audit_id());
        assert_eq!(entry.actor_label, "Trần Văn Bình");
        assert_eq!(entry.target_type.as_deref(), Some("dossier"));
        assert_eq!(entry.outcome, "success");
        assert_eq!(entry.ip.as_deref(), Some("127.0.0.1"));
        assert_eq!(entry.agency_code, row.receiving_agency_code);
        assert!(row.code.is_some());
        assert_eq!(
            entry.detail,
            Some(serde_json::json!({ "amount_vnd": 50_000, "code": row.code })),
            "the code is added to the detail"
        );
        Ok(())
    }

    /// Only what is asked for is written: an audit entry alone, an event alone; a detail that
    /// names a `code` keeps it; a party is named by its label, without an id.
    #[tokio::test]
    async fn only_what_is_asked_for_is_written() -> TestResult {
        let db = database().await?;
        let (row, clerk) = filed(&db, 2).await?;
        let at = monday_nine()?;
        let txn = crate::db::begin_write(&db).await?;
        let named = By::from(&clerk).resolve(&txn).await?;
        assert_eq!(named.audit_id(), clerk.audit_id());
        DossierChange::new(&row, named)
            .audit("payment.abandon")
            .detail(serde_json::json!({ "code": "KEPT" }))
            .record(&txn, &origin(), at)
            .await?;
        DossierChange::new(&row, By::Party("VNPay"))
            .event("payment_failed")
            .record(&txn, &Origin::default(), at)
            .await?;
        txn.commit().await?;

        let [abandoned] = &entries(&db, &row, "payment.abandon").await?[..] else {
            return Err("one entry".into());
        };
        assert_eq!(abandoned.actor_label, "Trần Văn Bình");
        assert_eq!(
            abandoned.detail,
            Some(serde_json::json!({ "code": "KEPT" }))
        );
        assert!(events(&db, &row, "payment_abandon").await?.is_empty());
        let [failed] = &events(&db, &row, "payment_failed").await?[..] else {
            return Err("one event".into());
        };
        assert_eq!(failed.actor_id, None);
        assert_eq!(failed.actor_label, "VNPay");
        assert_eq!((&failed.from_status, &failed.data), (&None, &None));
        assert!(entries(&db, &row, "payment.failed").await?.is_empty());
        Ok(())
    }

    /// The audit entry is filed under the receiving agency, the holding one (else the
    /// receiving one), or the agency given.
    #[tokio::test]
    async fn the_audit_entry_is_filed_under_the_chosen_agency() -> TestResult {
        let db = database().await?;
        let (row, clerk) = filed(&db, 3).await?;
        let receiving = row.receiving_agency_code.clone();
        let mut transferred = row.clone();
        transferred.holding_agency_code = Some("000.00.01.H53".into());
        let mut unheld = row.clone();
        unheld.holding_agency_code = None;
        let txn = crate::db::begin_write(&db).await?;
        for (row, agency) in [
            (&transferred, AuditAgency::Receiving),
            (&transferred, AuditAgency::Holding),
            (&unheld, AuditAgency::Holding),
            (
                &transferred,
                AuditAgency::Given(Some("000.00.03.H53".into())),
            ),
            (&transferred, AuditAgency::Given(None)),
        ] {
            DossierChange::new(row, &clerk)
                .audit("dossier.ship")
                .audit_agency(agency)
                .record(&txn, &origin(), monday_nine()?)
                .await?;
        }
        txn.commit().await?;
        let filed_under: Vec<Option<String>> = entries(&db, &row, "dossier.ship")
            .await?
            .into_iter()
            .map(|e| e.agency_code)
            .collect();
        assert_eq!(
            filed_under,
            [
                receiving.clone(),
                Some("000.00.01.H53".into()),
                receiving,
                Some("000.00.03.H53".into()),
                None,
            ]
        );
        Ok(())
    }

    /// A change that tells the applicant queues the message (with the procedure's name, read
    /// from the catalogue unless given) in the same transaction.
    #[tokio::test]
    async fn a_notice_is_queued_with_the_change() -> TestResult {
        let db = database().await?;
        let (row, clerk) = filed(&db, 4).await?;
        let mailing = Mailing {
            base_url: "https://dvc.example",
            notices: &Echo,
        };
        async fn told(
            db: &sea_orm::DatabaseConnection,
            row: &dossier::Model,
        ) -> Result<Vec<outbox_message::Model>, sea_orm::DbErr> {
            outbox_message::Entity::find()
                .filter(outbox_message::Column::DossierId.eq(row.id.clone()))
                .filter(outbox_message::Column::Channel.eq("email"))
                .order_by_asc(outbox_message::Column::Id)
                .all(db)
                .await
        }
        let before = told(&db, &row).await?.len();
        let txn = crate::db::begin_write(&db).await?;
        DossierChange::new(&row, &clerk)
            .event("fee_added")
            .notify(mailing, "fee_added", "Sao y", None)
            .record(&txn, &origin(), monday_nine()?)
            .await?;
        DossierChange::new(&row, &clerk)
            .event("accept")
            .notify(mailing, "accept", "", None)
            .procedure_name("Tên đã biết")
            .record(&txn, &origin(), monday_nine()?)
            .await?;
        // No notice asked for: nothing queued.
        DossierChange::new(&row, &clerk)
            .event("assign")
            .record(&txn, &origin(), monday_nine()?)
            .await?;
        txn.commit().await?;

        let procedure = notice::procedure_name(&db, &row).await?;
        assert!(!procedure.is_empty());
        let subjects: Vec<String> = told(&db, &row)
            .await?
            .into_iter()
            .skip(before)
            .map(|m| m.subject)
            .collect();
        assert_eq!(
            subjects,
            [
                format!("fee_added|{procedure}|Sao y"),
                "accept|Tên đã biết|".to_owned()
            ]
        );
        Ok(())
    }

    /// The tally moves only when asked, from where the row was to where the dossier is now.
    #[tokio::test]
    async fn the_desk_tally_moves_when_asked() -> TestResult {
        let db = database().await?;
        let (row, clerk) = filed(&db, 5).await?;
        let desk = row.receiving_agency_code.clone().ok_or("desk")?;
        let new = |counts: std::collections::BTreeMap<tally::Slot, u64>| {
            counts.get(&tally::Slot::New).copied().unwrap_or(0)
        };
        assert_eq!(new(tally::counts(&db, &desk, None).await?), 1);
        let txn = crate::db::begin_write(&db).await?;
        let mut refused: dossier::ActiveModel = row.clone().into();
        refused.status = sea_orm::ActiveValue::Set(Status::Refused.code().into());
        dossier::Entity::update(refused).exec(&txn).await?;
        DossierChange::new(&row, &clerk)
            .event("refuse")
            .record(&txn, &origin(), monday_nine()?)
            .await?;
        assert_eq!(
            new(tally::counts(&txn, &desk, None).await?),
            1,
            "not asked: not moved"
        );
        DossierChange::new(&row, &clerk)
            .tally()
            .record(&txn, &origin(), monday_nine()?)
            .await?;
        txn.commit().await?;
        assert_eq!(new(tally::counts(&db, &desk, None).await?), 0);
        let total: u64 = tally::counts(&db, &desk, None).await?.values().sum();
        assert_eq!(total, 0, "a refused dossier is in no slot");
        Ok(())
    }
}
