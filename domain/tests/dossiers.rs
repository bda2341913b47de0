//! Drafts and submission against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set): prefilling, step checks, the two-tab guard, idempotent
//! submission, dossier codes under concurrency, the timeline and the confirmation e-mail.

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use domain::access::Actor;
use domain::accounts::{Mailing, Notice, Notices};
use domain::dossiers::drafts::{self, Change, CHANGED_ELSEWHERE};
use domain::dossiers::{submission, timeline, Status, Step};
use domain::entities::{dossier, outbox_message};
use domain::services::Services;
use domain::testing::services;
use domain::testing::{citizen, complete_draft, origin, seeded_database};
use domain::DomainError;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

struct Words;
impl Notices for Words {
    fn render(&self, notice: &Notice<'_>) -> (String, String) {
        match notice {
            Notice::DossierSubmitted { code, link, .. } => {
                (format!("Đã nhận hồ sơ {code}"), format!("Xem tại {link}"))
            }
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

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

async fn seeded() -> Result<DatabaseConnection, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(today()).await?;
    Ok(db)
}

#[tokio::test]
async fn a_draft_starts_prefilled_and_is_private() -> TestResult {
    let db = seeded().await?;
    let me = citizen(&db, 1).await?;
    let loaded = drafts::start(&db, &me, &origin(), "TN.ATTP.001").await?;
    let applicant = loaded.applicant();
    assert_eq!(applicant.full_name, "Nguyễn Thị Hồng Nhung");
    assert_eq!(
        (applicant.province.as_str(), applicant.commune.as_str()),
        ("80", "25459")
    );
    assert_eq!(loaded.status, Status::Draft);
    assert_eq!(loaded.resume_step(), Step::Applicant);

    let someone_else = citizen(&db, 2).await?;
    assert!(matches!(
        drafts::load(&db, &someone_else, &loaded.dossier.id).await,
        Err(DomainError::NotFound(_))
    ));
    assert!(matches!(
        drafts::load(&db, &Actor::Anonymous, &loaded.dossier.id).await,
        Err(DomainError::Unauthorized)
    ));
    let info_only = domain::entities::procedure::Entity::find()
        .all(&db)
        .await?
        .into_iter()
        .find(|p| p.level == "information")
        .ok_or("an information-only procedure in the seed")?;
    assert!(matches!(
        drafts::start(&db, &me, &origin(), &info_only.code).await,
        Err(DomainError::Validation(_))
    ));
    let mine = drafts::list_mine(&db, &me).await?;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].resume_step, Some(Step::Applicant));
    Ok(())
}

#[tokio::test]
async fn steps_keep_what_was_typed_and_count_only_when_valid() -> TestResult {
    let db = seeded().await?;
    let me = citizen(&db, 3).await?;
    let id = drafts::start(&db, &me, &origin(), "1.001193")
        .await?
        .dossier
        .id;
    let loaded = drafts::load(&db, &me, &id).await?;
    let slots: Vec<&str> = loaded
        .form
        .documents
        .iter()
        .map(|s| s.key.as_str())
        .collect();
    assert!(
        !slots.contains(&"to_khai") && slots.contains(&"giay_chung_sinh"),
        "the online form replaces the paper declaration: {slots:?}"
    );
    let mut applicant = loaded.applicant();
    assert_eq!(
        applicant.receiving_agency, "000.01.50.H53",
        "the People's Committee of the applicant's ward is proposed"
    );
    applicant.phone = "12345".into();
    applicant.receiving_agency.clear();
    let saved = drafts::save(
        &db,
        &me,
        &id,
        Some(loaded.dossier.revision),
        Change::Applicant(applicant.clone()),
        today(),
    )
    .await?;
    assert!(!saved.step_done());
    let fields: Vec<&str> = saved.problems[&Step::Applicant]
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    assert!(fields.contains(&"applicant-phone"), "{fields:?}");
    assert!(
        fields.contains(&"applicant-receiving_agency"),
        "a commune-level procedure asks which commune receives it: {fields:?}"
    );
    let stored = drafts::load(&db, &me, &id).await?;
    assert_eq!(stored.applicant().phone, "12345", "the typed value is kept");
    assert_eq!(stored.resume_step(), Step::Applicant);
    assert_eq!(
        stored.allowed_step(Step::Review),
        Step::Applicant,
        "no skipping ahead"
    );

    // A second tab still showing revision 1 cannot overwrite revision 2.
    let stale = drafts::save(
        &db,
        &me,
        &id,
        Some(loaded.dossier.revision),
        Change::Applicant(applicant.clone()),
        today(),
    )
    .await;
    assert!(
        matches!(&stale, Err(DomainError::Conflict(c)) if c == CHANGED_ELSEWHERE),
        "{stale:?}"
    );

    applicant.phone = "0912345678".into();
    applicant.receiving_agency = "000.01.50.H53".into();
    let saved = drafts::save(
        &db,
        &me,
        &id,
        Some(stored.dossier.revision),
        Change::Applicant(applicant),
        today(),
    )
    .await?;
    assert!(saved.step_done(), "{:?}", saved.problems[&Step::Applicant]);
    assert_eq!(saved.loaded.resume_step(), Step::Form);
    Ok(())
}

#[tokio::test]
async fn submission_is_idempotent_and_opens_the_timeline() -> TestResult {
    let db = seeded().await?;
    let me = citizen(&db, 4).await?;
    let id = complete_draft(&db, &me).await?;
    let refused = submission::submit(worded(services(&db, Utc::now())), &me, &id, false).await;
    assert!(
        matches!(refused, Err(DomainError::Validation(ref f)) if f[0].code == "declaration_required")
    );

    let first = submission::submit(worded(services(&db, Utc::now())), &me, &id, true).await?;
    assert!(!first.already);
    let day = domain::dossiers::codes::day_part(Utc::now());
    assert_eq!(
        first.code,
        format!("000.00.02.H53-{day}-0001"),
        "the public administration centre receives it"
    );
    let again = submission::submit(worded(services(&db, Utc::now())), &me, &id, true).await?;
    assert_eq!(
        (again.code.as_str(), again.already),
        (first.code.as_str(), true)
    );

    let loaded = drafts::load(&db, &me, &id).await?;
    assert_eq!(loaded.status, Status::Submitted);
    assert_eq!(
        loaded.dossier.fee_due_vnd,
        Some(700_000),
        "the first fee item, from the catalogue"
    );
    assert!(loaded.dossier.submitted_at.is_some());
    assert!(
        matches!(
            drafts::save(&db, &me, &id, None, Change::Documents, today()).await,
            Err(DomainError::Conflict(_))
        ),
        "a filed dossier is not a draft any more"
    );
    let events = timeline::public_events(&db, &me, &id).await?;
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].kind.as_str(), events[0].to_status.as_deref()),
        ("submitted", Some("submitted"))
    );
    let mails = outbox_message::Entity::find().all(&db).await?;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, "nhung4@example.vn");
    assert!(mails[0].subject.contains(&first.code));
    assert!(mails[0]
        .body
        .contains(&format!("https://dvc.example/ho-so/{id}")));
    Ok(())
}

#[tokio::test]
async fn an_incomplete_draft_is_refused_with_every_problem() -> TestResult {
    let db = seeded().await?;
    let me = citizen(&db, 5).await?;
    let id = drafts::start(&db, &me, &origin(), "TN.ATTP.001")
        .await?
        .dossier
        .id;
    let Err(DomainError::Validation(errors)) =
        submission::submit(worded(services(&db, Utc::now())), &me, &id, true).await
    else {
        panic!("an empty draft must be refused");
    };
    let fields: HashSet<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains("delivery-method"), "{fields:?}");
    assert!(fields.iter().any(|f| f.starts_with("doc-")), "{fields:?}");
    assert_eq!(
        dossier::Entity::find().count(&db).await?,
        1,
        "nothing half-filed"
    );
    let loaded = drafts::load(&db, &me, &id).await?;
    assert_eq!((loaded.status, loaded.dossier.code), (Status::Draft, None));
    Ok(())
}

#[tokio::test]
async fn concurrent_submissions_get_distinct_consecutive_codes() -> TestResult {
    let db = seeded().await?;
    let mut drafts_made = Vec::new();
    for n in 0..30 {
        let actor = citizen(&db, 100 + n).await?;
        let id = complete_draft(&db, &actor).await?;
        drafts_made.push((actor, id));
    }
    let mut tasks = Vec::new();
    for (actor, id) in &drafts_made {
        let db = db.clone();
        // Each draft is submitted twice at once, as a double click would.
        for _ in 0..2 {
            let (db, actor, id) = (db.clone(), actor.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                submission::submit(worded(services(&db, Utc::now())), &actor, &id, true)
                    .await
                    .map(|s| (s.id, s.code))
            }));
        }
    }
    let mut by_dossier = std::collections::HashMap::new();
    for task in tasks {
        let (id, code) = task.await??;
        let previous = by_dossier.insert(id, code.clone());
        assert!(previous.is_none_or(|p| p == code), "one code per dossier");
    }
    let codes: HashSet<String> = by_dossier.values().cloned().collect();
    assert_eq!(codes.len(), 30, "30 dossiers, 30 distinct codes");
    let mut numbers: Vec<u32> = codes
        .iter()
        .filter_map(|c| c.rsplit('-').next()?.parse().ok())
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=30).collect::<Vec<u32>>(),
        "no gaps, no repeats"
    );
    let filed = dossier::Entity::find().all(&db).await?;
    assert!(filed
        .iter()
        .all(|d| d.status == "submitted" && d.code.is_some()));
    Ok(())
}

#[tokio::test]
async fn old_drafts_are_announced_then_deleted_and_a_save_starts_the_count_anew() -> TestResult {
    use domain::dossiers::expiry::{self, DraftPolicy};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    let db = seeded().await?;
    let me = citizen(&db, 7).await?;
    let id = drafts::start(&db, &me, &origin(), "TN.ATTP.001")
        .await?
        .dossier
        .id;
    let policy = DraftPolicy::default();
    let age = |days: i64| (Utc::now() - chrono::Duration::days(days)).fixed_offset();
    let set_age = |updated: i64, notice: Option<i64>| {
        let db = db.clone();
        let id = id.clone();
        async move {
            let row = dossier::Entity::find_by_id(id)
                .one(&db)
                .await?
                .ok_or("draft")?;
            let mut row = row.into_active_model();
            row.updated_at = Set(age(updated));
            row.draft_notice_at = Set(notice.map(age));
            row.update(&db).await?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
        }
    };

    // Three weeks old: nothing yet.
    set_age(21, None).await?;
    assert_eq!(
        expiry::run(&db, policy, mailing(), Utc::now())
            .await?
            .noticed,
        0
    );
    // 24 days: the owner is told, once, however many instances run the job.
    set_age(24, None).await?;
    assert_eq!(
        expiry::run(&db, policy, mailing(), Utc::now())
            .await?
            .noticed,
        1
    );
    assert_eq!(
        expiry::run(&db, policy, mailing(), Utc::now())
            .await?
            .noticed,
        0
    );
    let mails = outbox_message::Entity::find().all(&db).await?;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipient, "nhung7@example.vn");
    // Saving the draft again clears the notice.
    let loaded = drafts::load(&db, &me, &id).await?;
    drafts::save(
        &db,
        &me,
        &id,
        None,
        Change::Applicant(loaded.applicant()),
        today(),
    )
    .await?;
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("draft")?;
    assert_eq!(row.draft_notice_at, None);
    // 31 days old but told only 3 days ago: kept; told 8 days ago: deleted.
    set_age(31, Some(3)).await?;
    assert_eq!(
        expiry::run(&db, policy, mailing(), Utc::now())
            .await?
            .deleted,
        0
    );
    set_age(31, Some(8)).await?;
    assert_eq!(
        expiry::run(&db, policy, mailing(), Utc::now())
            .await?
            .deleted,
        1
    );
    assert!(dossier::Entity::find_by_id(id).one(&db).await?.is_none());
    Ok(())
}
