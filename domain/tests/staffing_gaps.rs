//! Issue 27, point 4: a ward dossier reaches its result with the ward's demo accounts, and a
//! dossier never waits unseen at a step nobody can take. Against a real database (SQLite, or
//! PostgreSQL when `PORTAL_TEST_DATABASE_URL` is set), with `seed/demo/accounts.json` loaded.

use chrono::{DateTime, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::dossiers::queues::{self, Queue, QueuePage, QueueQuery};
use domain::dossiers::workflow::{self, StaffingGap};
use domain::dossiers::{staff_view, Status};
use domain::entities::{account, dossier, procedure};
use domain::testing::services;
use domain::testing::{citizen, complete_draft_of, seed_dir, seeded_database};
use domain::{demo_accounts, DomainError};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// UBND phường Tân Ninh, the demo ward.
const WARD: &str = "000.01.50.H53";
/// Birth registration: commune level, processed where it is filed (default workflow).
const BIRTH: &str = "1.001193";

/// Monday 7 December 2026, 09:00 in Vietnam.
fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap()
}

async fn seeded() -> Result<DatabaseConnection, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(Utc::now().date_naive()).await?;
    demo_accounts::load(&db, &seed_dir().join("demo/accounts.json")).await?;
    Ok(db)
}

/// The demo staff member signed in as `email`.
async fn demo(
    db: &DatabaseConnection,
    email: &str,
) -> Result<Actor, Box<dyn std::error::Error + Send + Sync>> {
    let a = account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or(format!("no demo account {email}"))?;
    Ok(Actor::Staff {
        account_id: a.id,
        agency_code: a.agency_code.unwrap_or_default(),
        roles: Role::parse_list(&a.roles),
    })
}

async fn act(
    db: &DatabaseConnection,
    who: &Actor,
    id: &str,
    t: Transition,
    command: Command,
) -> Result<processing::Moved, DomainError> {
    processing::act(services(db, monday_nine()), who, id, t, &command).await
}

/// A birth registration filed online by a resident of the ward.
async fn filed(
    db: &DatabaseConnection,
    n: u32,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let me = citizen(db, n).await?;
    let id = complete_draft_of(db, &me, BIRTH).await?;
    domain::dossiers::submission::submit(services(db, monday_nine()), &me, &id, true).await?;
    let row = dossier::Entity::find_by_id(id.clone())
        .one(db)
        .await?
        .ok_or("dossier")?;
    assert_eq!(row.receiving_agency_code.as_deref(), Some(WARD));
    Ok(id)
}

fn count(page: &QueuePage, q: Queue) -> Option<u64> {
    page.counts.iter().find(|(c, _)| *c == q).map(|(_, n)| *n)
}

async fn home(
    db: &DatabaseConnection,
    who: &Actor,
) -> Result<QueuePage, Box<dyn std::error::Error + Send + Sync>> {
    Ok(queues::list(db, who, &QueueQuery::default(), monday_nine()).await?)
}

/// Accepted by the ward's desk, handed by the clerk to the ward's specialist, forwarded to the
/// leader's approval.
async fn at_the_approval(
    db: &DatabaseConnection,
    id: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let clerk = demo(db, "tiepnhan.tanninh@dichvucong.localhost").await?;
    let specialist = demo(db, "chuyenvien.tanninh@dichvucong.localhost").await?;
    act(db, &clerk, id, Transition::Accept, Command::default()).await?;
    let to_specialist = Command {
        assignee_id: specialist.account_id().unwrap_or_default().into(),
        ..Command::default()
    };
    act(db, &clerk, id, Transition::Assign, to_specialist).await?;
    act(db, &specialist, id, Transition::Forward, Command::default()).await?;
    Ok(())
}

async fn disable(
    db: &DatabaseConnection,
    email: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let a = account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or("account")?;
    let mut row: account::ActiveModel = a.into();
    row.disabled = Set(true);
    row.update(db).await?;
    Ok(())
}

fn ward_gaps(gaps: &[StaffingGap]) -> Vec<&StaffingGap> {
    gaps.iter().filter(|g| g.agency_code == WARD).collect()
}

#[tokio::test]
async fn a_ward_dossier_reaches_its_result_with_the_wards_demo_accounts() -> TestResult {
    let db = seeded().await?;
    let id = filed(&db, 1).await?;
    let clerk = demo(&db, "tiepnhan.tanninh@dichvucong.localhost").await?;
    let specialist = demo(&db, "chuyenvien.tanninh@dichvucong.localhost").await?;
    let leader = demo(&db, "lanhdao.tanninh@dichvucong.localhost").await?;
    assert!(matches!(&leader, Actor::Staff { agency_code, .. } if agency_code == WARD));

    act(&db, &clerk, &id, Transition::Accept, Command::default()).await?;
    // The desk hands the dossier to a specialist of the ward: every specialist is offered,
    // not only the clerk himself.
    let offered = staff_view::assignable(&db, &clerk, WARD).await?;
    let ids: Vec<&str> = offered.iter().map(|(i, _)| i.as_str()).collect();
    assert!(
        ids.contains(&specialist.account_id().unwrap_or_default()),
        "{offered:?}"
    );
    assert!(
        !ids.contains(&leader.account_id().unwrap_or_default()),
        "the desk hands on to specialists: {offered:?}"
    );
    let to_specialist = Command {
        assignee_id: specialist.account_id().unwrap_or_default().into(),
        ..Command::default()
    };
    act(&db, &clerk, &id, Transition::Assign, to_specialist).await?;
    // The specialist may not give it to someone else.
    let to_leader = Command {
        assignee_id: leader.account_id().unwrap_or_default().into(),
        ..Command::default()
    };
    assert!(matches!(
        act(&db, &specialist, &id, Transition::Assign, to_leader).await,
        Err(DomainError::Forbidden(_))
    ));
    act(
        &db,
        &specialist,
        &id,
        Transition::Forward,
        Command::default(),
    )
    .await?;

    // Only the leader is shown a "to approve" count; the others cannot act on it.
    for who in [&clerk, &specialist] {
        let page = home(&db, who).await?;
        assert_eq!(count(&page, Queue::ToApprove), None, "{who:?}");
        assert!(matches!(
            queues::list(
                &db,
                who,
                &QueueQuery {
                    queue: "to_approve".into(),
                    ..QueueQuery::default()
                },
                monday_nine()
            )
            .await,
            Err(DomainError::Forbidden(_))
        ));
    }
    let approvals = home(&db, &leader).await?;
    assert_eq!(approvals.queue, Queue::ToApprove);
    assert_eq!(count(&approvals, Queue::ToApprove), Some(1));
    assert_eq!(approvals.rows.len(), 1);
    assert_eq!(approvals.rows[0].id, id);
    assert!(matches!(
        act(
            &db,
            &specialist,
            &id,
            Transition::Approve,
            Command::default()
        )
        .await,
        Err(DomainError::Forbidden(_))
    ));

    let approved = act(&db, &leader, &id, Transition::Approve, Command::default()).await?;
    assert_eq!(approved.status, Status::Processed);
    assert_eq!(approved.holding_agency.as_deref(), Some(WARD));
    let returned = act(&db, &clerk, &id, Transition::Return, Command::default()).await?;
    assert_eq!(returned.status, Status::Returned);
    Ok(())
}

#[tokio::test]
async fn a_step_nobody_can_take_is_reported_and_shown_to_the_agency_administrator() -> TestResult {
    let db = seeded().await?;
    let id = filed(&db, 2).await?;
    at_the_approval(&db, &id).await?;
    let clerk = demo(&db, "tiepnhan.tanninh@dichvucong.localhost").await?;
    let specialist = demo(&db, "chuyenvien.tanninh@dichvucong.localhost").await?;
    let admin = demo(&db, "qtdv.tanninh@dichvucong.localhost").await?;

    // Fully staffed: no gap at the ward, nothing stuck.
    assert_eq!(
        ward_gaps(&workflow::staffing_gaps(&db).await?),
        Vec::<&StaffingGap>::new()
    );
    let calm = home(&db, &admin).await?;
    assert_eq!(calm.queue, Queue::Stuck);
    assert_eq!(count(&calm, Queue::Stuck), Some(0));
    assert!(calm.rows.is_empty());

    // The only leader leaves: the approval step has nobody.
    disable(&db, "lanhdao.tanninh@dichvucong.localhost").await?;
    let gaps = workflow::staffing_gaps(&db).await?;
    let birth = StaffingGap {
        procedure_code: BIRTH.into(),
        step: 1,
        role: Role::Leader,
        agency_code: WARD.into(),
    };
    assert!(gaps.contains(&birth), "{:?}", ward_gaps(&gaps));
    assert!(ward_gaps(&gaps).iter().all(|g| g.role == Role::Leader));
    let procedure = procedure::Entity::find_by_id(BIRTH.to_owned())
        .one(&db)
        .await?
        .ok_or("procedure")?;
    let steps = workflow::steps(&db, &procedure).await?;
    assert_eq!(
        workflow::procedure_gaps(&db, &procedure, &steps).await?,
        vec![birth]
    );

    // The agency administrator sees the stuck dossier; the others get no "to approve" count.
    let stuck = home(&db, &admin).await?;
    assert_eq!(stuck.queue, Queue::Stuck);
    assert_eq!(count(&stuck, Queue::Stuck), Some(1));
    assert_eq!(count(&stuck, Queue::ToApprove), None);
    assert_eq!(stuck.rows.len(), 1);
    assert_eq!(stuck.rows[0].id, id);
    assert_eq!(stuck.rows[0].step_role.as_deref(), Some("leader"));
    for who in [&clerk, &specialist] {
        let page = home(&db, who).await?;
        assert_eq!(count(&page, Queue::ToApprove), None);
        assert_eq!(count(&page, Queue::Stuck), None);
    }
    // The administrator reads no dossiers: no search through them.
    assert!(matches!(
        queues::list(
            &db,
            &admin,
            &QueueQuery {
                queue: "stuck".into(),
                q: "Nguyễn".into(),
                ..QueueQuery::default()
            },
            monday_nine()
        )
        .await,
        Err(DomainError::Forbidden(_))
    ));
    Ok(())
}
