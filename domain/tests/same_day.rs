//! Same-day procedures and limits in hours against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set), issue 27: "Cấp bản sao Trích lục hộ tịch" (0 days)
//! accepted at 09:50 was due at 09:50, assigning it was refused as overdue and the applicant got
//! an apology. It is due at the end of the working day (the next one after the agency's
//! cut-off), and an hours-based limit counts working hours.

use chrono::{DateTime, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::accounts::{Mailing, Notice, Notices};
use domain::dossiers::escalation;
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command, Moved};
use domain::dossiers::Status;
use domain::entities::{agency, dossier, dossier_event, outbox_message};
use domain::services::Services;
use domain::testing::services;
use domain::testing::{citizen, complete_draft_of, seeded_database, staff};
use domain::DomainError;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// "Cấp bản sao Trích lục hộ tịch": same day, 15:00 cut-off.
const EXTRACT: &str = "2.000635";
/// "Xác nhận thông tin về cư trú": 4 working hours.
const RESIDENCE: &str = "1.010041";

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

/// The test's services with [`mailing`]'s wording, for the tests that read the notices.
fn worded(services: Services<'_>) -> Services<'_> {
    Services {
        mailing: mailing(),
        ..services
    }
}

/// A Vietnam local time on Monday 7 December 2026 (or another day) as UTC.
fn vn(d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(7 * 3600)
        .and_then(|z| z.with_ymd_and_hms(2026, 12, d, h, mi, 0).single())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

async fn seeded() -> Result<DatabaseConnection, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(Utc::now().date_naive()).await?;
    Ok(db)
}

/// Files a dossier of `procedure` at 08:00 on Monday 7/12 and returns it with its desk.
async fn filed(
    db: &DatabaseConnection,
    n: u32,
    procedure: &str,
) -> Result<(String, String), Box<dyn std::error::Error + Send + Sync>> {
    let me = citizen(db, n).await?;
    let id = complete_draft_of(db, &me, procedure).await?;
    domain::dossiers::submission::submit(worded(services(db, vn(7, 8, 0))), &me, &id, true).await?;
    let desk = dossier::Entity::find_by_id(id.clone())
        .one(db)
        .await?
        .and_then(|d| d.receiving_agency_code)
        .ok_or("no receiving agency")?;
    Ok((id, desk))
}

async fn act(
    db: &DatabaseConnection,
    who: &Actor,
    id: &str,
    t: Transition,
    now: DateTime<Utc>,
) -> Result<Moved, DomainError> {
    processing::act(worded(services(db, now)), who, id, t, &Command::default()).await
}

async fn due_of(
    db: &DatabaseConnection,
    id: &str,
) -> Result<Option<DateTime<Utc>>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or("dossier")?
        .due_at
        .map(|d| d.with_timezone(&Utc)))
}

#[tokio::test]
async fn a_same_day_dossier_is_due_at_the_end_of_the_working_day() -> TestResult {
    let db = seeded().await?;
    let (id, desk) = filed(&db, 1, EXTRACT).await?;
    let clerk = staff(&db, "Phạm Văn Dũng", &desk, &[Role::IntakeClerk]).await?;

    // Accepted at 09:50, before the 15:00 cut-off: due at 17:00 that day, not at 09:50.
    let moved = act(&db, &clerk, &id, Transition::Accept, vn(7, 9, 50)).await?;
    assert_eq!(moved.due_at, Some(vn(7, 17, 0)));
    assert_eq!(due_of(&db, &id).await?, Some(vn(7, 17, 0)));

    // In the afternoon it is not overdue: assigning it is allowed, no apology is asked for.
    let holding = moved.holding_agency.clone().ok_or("holding agency")?;
    let specialist = staff(&db, "Đặng Thu Hà", &holding, &[Role::Specialist]).await?;
    let moved = act(&db, &specialist, &id, Transition::Assign, vn(7, 14, 0)).await?;
    assert_eq!(moved.status, Status::Processing);

    // Nothing tells anyone it is late: no overrun escalation, no apology, and the applicant got
    // the filing and acceptance notices only.
    assert_eq!(
        escalation::escalate_overruns(&db, mailing(), vn(7, 14, 0)).await?,
        0
    );
    let kinds: Vec<String> = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .all(&db)
        .await?
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(
        !kinds.iter().any(|k| k == "apologise" || k == "escalated"),
        "{kinds:?}"
    );
    let subjects: Vec<String> = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(&id))
        .all(&db)
        .await?
        .into_iter()
        .map(|m| m.subject)
        .collect();
    assert!(
        !subjects
            .iter()
            .any(|s| s.starts_with("apologise") || s.starts_with("overrun")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.starts_with("accept")),
        "{subjects:?}"
    );
    Ok(())
}

#[tokio::test]
async fn after_the_agencys_cut_off_it_is_due_the_next_working_day() -> TestResult {
    let db = seeded().await?;
    let (late, desk) = filed(&db, 2, EXTRACT).await?;
    let clerk = staff(&db, "Phạm Văn Dũng", &desk, &[Role::IntakeClerk]).await?;

    // 15:20 on Monday, after the default 15:00: the end of Tuesday.
    let moved = act(&db, &clerk, &late, Transition::Accept, vn(7, 15, 20)).await?;
    assert_eq!(moved.due_at, Some(vn(8, 17, 0)));

    // An agency that takes same-day requests until 16:00 finishes this one the same day.
    let row = agency::Entity::find_by_id(desk.clone())
        .one(&db)
        .await?
        .ok_or("agency")?;
    let mut edit: agency::ActiveModel = row.into();
    edit.same_day_cutoff = Set(Some("16:00".into()));
    edit.update(&db).await?;
    let (id, _) = filed(&db, 3, EXTRACT).await?;
    let moved = act(&db, &clerk, &id, Transition::Accept, vn(7, 15, 20)).await?;
    assert_eq!(moved.due_at, Some(vn(7, 17, 0)));

    // Friday 11/12 after the cut-off: Monday 14/12.
    let (friday, _) = filed(&db, 4, EXTRACT).await?;
    let moved = act(&db, &clerk, &friday, Transition::Accept, vn(11, 16, 30)).await?;
    assert_eq!(moved.due_at, Some(vn(14, 17, 0)));
    Ok(())
}

#[tokio::test]
async fn a_limit_in_hours_counts_working_hours() -> TestResult {
    let db = seeded().await?;
    let (id, desk) = filed(&db, 5, RESIDENCE).await?;
    let clerk = staff(&db, "Phạm Văn Dũng", &desk, &[Role::IntakeClerk]).await?;
    // 4 working hours from Monday 16:00: one hour today, three on Tuesday morning.
    let moved = act(&db, &clerk, &id, Transition::Accept, vn(7, 16, 0)).await?;
    assert_eq!(moved.due_at, Some(vn(8, 10, 0)));
    Ok(())
}

/// A seeded commune (UBND xã An Lục Long) receives on Saturday mornings: its clock counts them,
/// its neighbours' does not. Two working hours from Friday 16:00 end at Saturday 08:30 there,
/// at Monday 08:00 elsewhere.
#[tokio::test]
async fn a_seeded_commune_open_on_saturday_mornings_counts_them() -> TestResult {
    use domain::dossiers::deadlines::Clock;
    use domain::working_time::TimeLimit;
    let vn = domain::dossiers::codes::vietnam();
    let friday_four = vn
        .with_ymd_and_hms(2026, 12, 11, 16, 0, 0)
        .single()
        .ok_or("time")?
        .with_timezone(&Utc);
    let db = seeded_database(friday_four.date_naive()).await?;
    let local = |t: DateTime<Utc>| t.with_timezone(&vn).format("%a %H:%M").to_string();
    let saturday = Clock::for_agency(&db, "000.96.50.H53").await?;
    assert_eq!(
        local(saturday.due(friday_four, TimeLimit::Hours(2))),
        "Sat 08:30"
    );
    let weekdays = Clock::for_agency(&db, "000.95.50.H53").await?;
    assert_eq!(
        local(weekdays.due(friday_four, TimeLimit::Hours(2))),
        "Mon 08:00"
    );
    Ok(())
}
