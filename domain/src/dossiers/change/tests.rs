use chrono::TimeZone;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

use super::*;
use crate::access::Role;
use crate::entities::{audit_log, dossier_event, outbox_message};
use crate::testing::{self, fresh_database, origin, seed_dir};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

async fn database() -> Result<sea_orm::DatabaseConnection, Box<dyn std::error::Error + Send + Sync>>
{
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
