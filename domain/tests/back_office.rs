//! The one-stop back office against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set): the whole journey across three agencies, queues per
//! role, the apology rule, stale revisions and the escalation of overrun steps.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::accounts::{Mailing, Notice, Notices};
use domain::dossiers::escalation;
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::dossiers::queues::{self, Queue, QueueQuery};
use domain::dossiers::tally::{self, Slot};
use domain::dossiers::Status;
use domain::entities::{audit_log, dossier, dossier_agency, dossier_event, outbox_message};
use domain::services::Services;
use domain::testing::services;
use domain::testing::{seeded_database, staff};
use domain::DomainError;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The desk that receives TN.ATTP.001 (public administration centre).
const DESK: &str = "000.00.02.H53";
/// Its implementing agency (Sở Y tế), which processes it.
const DEPT: &str = "000.00.12.H53";
/// A commune People's Committee the dossier is transferred to.
const COMMUNE: &str = "000.01.50.H53";

struct Words;
impl Notices for Words {
    fn render(&self, notice: &Notice<'_>) -> (String, String) {
        match notice {
            Notice::DossierChanged {
                code,
                transition,
                due,
                ..
            } => (format!("{transition} {code}"), format!("due {due}")),
            Notice::StepOverrun { code, .. } => (format!("overrun {code}"), String::new()),
            _ => ("x".into(), "x".into()),
        }
    }
}

fn mailing() -> Mailing<'static> {
    Mailing {
        base_url: "https://dvc.example",
        notices: &Words,
    }
}

/// Monday 23 November 2026, 09:00 in Vietnam.
fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

async fn seeded() -> Result<DatabaseConnection, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(Utc::now().date_naive()).await?;
    Ok(db)
}

async fn filed(
    db: &DatabaseConnection,
    n: u32,
) -> Result<(Actor, String), Box<dyn std::error::Error + Send + Sync>> {
    domain::testing::filed(db, n, monday_nine()).await
}

async fn act(
    db: &DatabaseConnection,
    who: &Actor,
    id: &str,
    t: Transition,
    command: Command,
    now: DateTime<Utc>,
) -> Result<processing::Moved, DomainError> {
    processing::act(
        Services {
            mailing: mailing(),
            ..services(db, now)
        },
        who,
        id,
        t,
        &command,
    )
    .await
}

fn note(text: &str) -> Command {
    Command {
        public_note: text.into(),
        ..Command::default()
    }
}

async fn row(
    db: &DatabaseConnection,
    id: &str,
) -> Result<dossier::Model, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or("dossier")?)
}

/// The desk tally kept by filing and transitions equals a recount from the dossiers.
async fn tally_matches_a_recount(db: &DatabaseConnection) -> TestResult {
    let mut kept = Vec::new();
    for agency in [DESK, DEPT, COMMUNE] {
        let counts = tally::counts(db, agency, None).await?;
        kept.push(
            counts
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>(),
        );
    }
    tally::rebuild(db).await?;
    let mut recounted = Vec::new();
    for agency in [DESK, DEPT, COMMUNE] {
        let counts = tally::counts(db, agency, None).await?;
        recounted.push(counts.into_iter().collect::<Vec<_>>());
    }
    assert_eq!(kept, recounted, "kept tally = recount");
    Ok(())
}

#[tokio::test]
async fn a_dossier_goes_from_the_desk_through_two_agencies_to_its_result() -> TestResult {
    let db = seeded().await?;
    let (owner, id) = filed(&db, 1).await?;
    let clerk = staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?;
    let leader = staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?;
    let commune = staff(&db, "Trịnh Thị Mai", COMMUNE, &[Role::Specialist]).await?;
    let other_clerk = staff(&db, "Lý Văn Nam", COMMUNE, &[Role::IntakeClerk]).await?;
    let t0 = monday_nine();

    // Another agency's clerk cannot even see it; the dept has no part in it yet.
    assert!(matches!(
        act(
            &db,
            &other_clerk,
            &id,
            Transition::Accept,
            Command::default(),
            t0
        )
        .await,
        Err(DomainError::NotFound(_))
    ));
    assert!(matches!(
        act(
            &db,
            &specialist,
            &id,
            Transition::Accept,
            Command::default(),
            t0
        )
        .await,
        Err(DomainError::NotFound(_))
    ));

    // The desk asks for a missing document: a list and a note are required.
    assert!(matches!(
        act(
            &db,
            &clerk,
            &id,
            Transition::RequestSupplement,
            note("Thiếu giấy"),
            t0
        )
        .await,
        Err(DomainError::Validation(_))
    ));
    let asked = Command {
        public_note: "Bổ sung bản sao giấy chứng nhận đăng ký kinh doanh".into(),
        missing: vec!["Giấy chứng nhận đăng ký kinh doanh".into()],
        ..Command::default()
    };
    let moved = act(&db, &clerk, &id, Transition::RequestSupplement, asked, t0).await?;
    assert_eq!(moved.status, Status::SupplementRequested);
    assert!(row(&db, &id).await?.paused_at.is_some());

    // Only the owner (or the desk) supplies; then the dossier is back at the desk.
    assert!(matches!(
        act(
            &db,
            &specialist,
            &id,
            Transition::Supply,
            Command::default(),
            t0
        )
        .await,
        Err(DomainError::NotFound(_))
    ));
    let t1 = t0 + Duration::days(1);
    let moved = act(&db, &owner, &id, Transition::Supply, Command::default(), t1).await?;
    assert_eq!(moved.status, Status::Submitted);

    // Accepted at 09:00 on Tuesday 24/11: 20 working days → Tuesday 22/12 09:00.
    let moved = act(&db, &clerk, &id, Transition::Accept, Command::default(), t1).await?;
    assert_eq!(moved.status, Status::Accepted);
    assert_eq!(moved.holding_agency.as_deref(), Some(DEPT));
    assert_eq!(
        moved.due_at,
        Some(Utc.with_ymd_and_hms(2026, 12, 22, 2, 0, 0).unwrap())
    );
    // The desk has passed it on: it may still read it but no longer act on it.
    assert!(matches!(
        act(&db, &clerk, &id, Transition::Stop, note("x"), t1).await,
        Err(DomainError::Conflict(_) | DomainError::Forbidden(_))
    ));

    // The specialist takes it, sends it to the commune for its part, and gets it back.
    let t2 = t1 + Duration::hours(2);
    let moved = act(
        &db,
        &specialist,
        &id,
        Transition::Assign,
        Command::default(),
        t2,
    )
    .await?;
    assert_eq!(moved.status, Status::Processing);
    let transfer = Command {
        target_agency: COMMUNE.into(),
        internal_note: "Xác minh địa điểm kinh doanh".into(),
        ..Command::default()
    };
    let moved = act(&db, &specialist, &id, Transition::Transfer, transfer, t2).await?;
    assert_eq!(moved.holding_agency.as_deref(), Some(COMMUNE));
    tally_matches_a_recount(&db).await?;
    assert!(matches!(
        act(
            &db,
            &specialist,
            &id,
            Transition::Forward,
            Command::default(),
            t2
        )
        .await,
        Err(DomainError::Forbidden(_))
    ));
    let moved = act(
        &db,
        &commune,
        &id,
        Transition::TransferBack,
        Command::default(),
        t2,
    )
    .await?;
    assert_eq!(moved.holding_agency.as_deref(), Some(DEPT));
    // The commune keeps read access to what it worked on, and finds it by the applicant's ID.
    let found = queues::list(
        &db,
        &commune,
        &QueueQuery {
            q: row(&db, &id).await?.applicant_citizen_id,
            ..QueueQuery::default()
        },
        t2,
    )
    .await?;
    assert_eq!(found.rows.len(), 1);

    // Review done: the leader's step. The specialist cannot approve; the leader does.
    act(
        &db,
        &specialist,
        &id,
        Transition::Forward,
        Command::default(),
        t2,
    )
    .await?;
    assert!(matches!(
        act(
            &db,
            &specialist,
            &id,
            Transition::Approve,
            Command::default(),
            t2
        )
        .await,
        Err(DomainError::Forbidden(_))
    ));
    let moved = act(
        &db,
        &leader,
        &id,
        Transition::Approve,
        Command::default(),
        t2,
    )
    .await?;
    assert_eq!(moved.status, Status::Processed);
    assert_eq!(moved.holding_agency.as_deref(), Some(DESK));
    tally_matches_a_recount(&db).await?;
    let moved = act(&db, &clerk, &id, Transition::Return, Command::default(), t2).await?;
    assert_eq!(moved.status, Status::Returned);

    let kinds: Vec<String> = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .order_by_asc(dossier_event::Column::Id)
        .all(&db)
        .await?
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "submitted",
            "request_supplement",
            "supply",
            "accept",
            "assign",
            "transfer",
            "transfer_back",
            "forward",
            "approve",
            "return"
        ]
    );
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::TargetId.eq(&id))
        .filter(audit_log::Column::Action.starts_with("dossier."))
        .filter(audit_log::Column::Action.ne("dossier.draft_start"))
        .count(&db)
        .await?;
    assert_eq!(audited, 10, "every change audited, the submission included");
    let agencies = dossier_agency::Entity::find()
        .filter(dossier_agency::Column::DossierId.eq(&id))
        .count(&db)
        .await?;
    assert_eq!(agencies, 3);
    let mails: Vec<String> = outbox_message::Entity::find()
        .order_by_asc(outbox_message::Column::Id)
        .all(&db)
        .await?
        .into_iter()
        .map(|m| m.subject)
        .filter(|s| !s.starts_with('x'))
        .collect();
    let code = row(&db, &id).await?.code.unwrap_or_default();
    assert_eq!(
        mails,
        [
            format!("request_supplement {code}"),
            format!("accept {code}"),
            format!("processing_started {code}"),
            format!("approve {code}"),
            format!("return {code}"),
        ]
    );
    // Returned: no desk counts it any more.
    tally_matches_a_recount(&db).await?;
    for agency in [DESK, DEPT, COMMUNE] {
        let left: u64 = tally::counts(&db, agency, None).await?.values().sum();
        assert_eq!(left, 0, "{agency}");
    }
    Ok(())
}

#[tokio::test]
async fn a_late_dossier_cannot_move_on_without_an_apology_letter() -> TestResult {
    let db = seeded().await?;
    let (_, id) = filed(&db, 2).await?;
    let clerk = staff(&db, "Clerk", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(&db, "Specialist", DEPT, &[Role::Specialist]).await?;
    let t0 = monday_nine();
    let accepted = act(&db, &clerk, &id, Transition::Accept, Command::default(), t0).await?;
    let due = accepted.due_at.ok_or("due date")?;
    let late = due + Duration::hours(1);
    match act(
        &db,
        &specialist,
        &id,
        Transition::Assign,
        Command::default(),
        late,
    )
    .await
    {
        Err(DomainError::Validation(fields)) => {
            assert_eq!(fields[0].code, "apology_required")
        }
        other => panic!("expected apology_required, got {other:?}"),
    }
    // The letter needs a reason and a working day after the current due date.
    let too_early = Command {
        public_note: "Cần xác minh thêm".into(),
        new_due_date: Some((due - Duration::days(1)).date_naive()),
        ..Command::default()
    };
    assert!(matches!(
        act(
            &db,
            &specialist,
            &id,
            Transition::Apologise,
            too_early,
            late
        )
        .await,
        Err(DomainError::Validation(_))
    ));
    let letter = Command {
        public_note: "Cần xác minh thêm với cơ quan khác".into(),
        new_due_date: Some(NaiveDate::from_ymd_opt(2027, 1, 5).ok_or("date")?),
        ..Command::default()
    };
    let moved = act(&db, &specialist, &id, Transition::Apologise, letter, late).await?;
    assert_eq!(
        moved.due_at,
        Some(Utc.with_ymd_and_hms(2027, 1, 5, 10, 0, 0).unwrap()),
        "17:00 in Vietnam on the new day"
    );
    assert_eq!(row(&db, &id).await?.apologies, 1);
    let moved = act(
        &db,
        &specialist,
        &id,
        Transition::Assign,
        Command::default(),
        late,
    )
    .await?;
    assert_eq!(moved.status, Status::Processing);
    Ok(())
}

#[tokio::test]
async fn each_role_sees_its_queue_and_stale_pages_are_refused() -> TestResult {
    let db = seeded().await?;
    let (_, id) = filed(&db, 3).await?;
    let clerk = staff(&db, "Clerk", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(&db, "Specialist", DEPT, &[Role::Specialist]).await?;
    let leader = staff(&db, "Leader", DEPT, &[Role::Leader]).await?;
    let t0 = monday_nine();
    let count = |page: &queues::QueuePage, q: Queue| {
        page.counts
            .iter()
            .find(|(c, _)| *c == q)
            .map_or(0, |(_, n)| *n)
    };
    let desk = queues::list(&db, &clerk, &QueueQuery::default(), t0).await?;
    assert_eq!(desk.queue, Queue::New);
    assert_eq!(desk.rows.len(), 1);
    assert_eq!(desk.rows[0].id, id);

    let revision = row(&db, &id).await?.revision;
    act(&db, &clerk, &id, Transition::Accept, Command::default(), t0).await?;
    // The same page submitted again (a double click, a second tab) is refused.
    let stale = Command {
        revision: Some(revision),
        ..Command::default()
    };
    assert!(matches!(
        act(&db, &specialist, &id, Transition::Assign, stale, t0).await,
        Err(DomainError::Conflict(_))
    ));
    let dept = queues::list(&db, &specialist, &QueueQuery::default(), t0).await?;
    assert_eq!(count(&dept, Queue::Unassigned), 1);
    assert_eq!(
        tally::counts(&db, DEPT, None).await?.get(&Slot::Unassigned),
        Some(&1)
    );
    assert_eq!(count(&dept, Queue::Mine), 0);
    // A specialist cannot give the dossier to someone else; the leader can.
    let to_leader = Command {
        assignee_id: leader.account_id().unwrap_or_default().into(),
        ..Command::default()
    };
    assert!(matches!(
        act(&db, &specialist, &id, Transition::Assign, to_leader, t0).await,
        Err(DomainError::Forbidden(_))
    ));
    let to_specialist = Command {
        assignee_id: specialist.account_id().unwrap_or_default().into(),
        ..Command::default()
    };
    act(&db, &leader, &id, Transition::Assign, to_specialist, t0).await?;
    let mine = queues::list(&db, &specialist, &QueueQuery::default(), t0).await?;
    assert_eq!(mine.queue, Queue::Mine);
    assert_eq!(mine.rows.len(), 1);
    act(
        &db,
        &specialist,
        &id,
        Transition::Forward,
        Command::default(),
        t0,
    )
    .await?;
    let approvals = queues::list(&db, &leader, &QueueQuery::default(), t0).await?;
    assert_eq!(approvals.queue, Queue::ToApprove);
    assert_eq!(approvals.rows.len(), 1);
    // The desk's clerk sees no queue of the dept.
    let desk = queues::list(&db, &clerk, &QueueQuery::default(), t0).await?;
    assert_eq!(count(&desk, Queue::All), 0);
    Ok(())
}

#[tokio::test]
async fn an_overrun_step_is_escalated_once_to_the_leaders() -> TestResult {
    let db = seeded().await?;
    let (_, id) = filed(&db, 4).await?;
    let clerk = staff(&db, "Clerk", DESK, &[Role::IntakeClerk]).await?;
    staff(&db, "Leader", DEPT, &[Role::Leader]).await?;
    let t0 = monday_nine();
    act(&db, &clerk, &id, Transition::Accept, Command::default(), t0).await?;
    let step_due = row(&db, &id).await?.step_due_at.ok_or("step due")?;
    let later = step_due.with_timezone(&Utc) + Duration::minutes(1);
    assert_eq!(escalation::escalate_overruns(&db, mailing(), t0).await?, 0);
    assert_eq!(
        escalation::escalate_overruns(&db, mailing(), later).await?,
        1
    );
    assert_eq!(
        escalation::escalate_overruns(&db, mailing(), later).await?,
        0
    );
    assert!(row(&db, &id).await?.escalated_at.is_some());
    let code = row(&db, &id).await?.code.unwrap_or_default();
    let told = outbox_message::Entity::find()
        .filter(outbox_message::Column::Subject.eq(format!("overrun {code}")))
        .count(&db)
        .await?;
    assert_eq!(told, 1);
    Ok(())
}
