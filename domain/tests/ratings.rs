//! Satisfaction ratings against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set), issue 24 point 1: the return notice carries a
//! single-use link that rates without signing in; the owner rates or changes the rating on the
//! page for 7 days; nobody else rates; a "not satisfied" waits for the receiving agency's
//! leaders to answer it; every rating is audited.

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::accounts::{Mailing, Notice, Notices};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::entities::{audit_log, outbox_message};
use domain::ratings::{self, RatingInput};
use domain::services::Services;
use domain::testing::{self, seeded_database, services, staff};
use domain::DomainError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";

/// Puts the rating link in the subject, to read it back from the outbox.
struct LinkWords;
impl Notices for LinkWords {
    fn render(&self, notice: &Notice<'_>) -> (String, String) {
        match notice {
            Notice::DossierChanged {
                transition,
                rate_link,
                ..
            } => (format!("{transition} {rate_link}"), String::new()),
            _ => ("other".into(), String::new()),
        }
    }
}

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .unwrap_or_default()
}

fn input(level: &str, reasons: &[&str], comment: &str) -> RatingInput {
    RatingInput {
        level: level.into(),
        reasons: reasons.iter().map(|r| (*r).to_owned()).collect(),
        comment: comment.into(),
    }
}

fn codes<T: std::fmt::Debug>(r: Result<T, DomainError>) -> Vec<String> {
    match r {
        Err(DomainError::Validation(f)) => f.into_iter().map(|f| f.code).collect(),
        other => vec![format!("{other:?}")],
    }
}

/// A dossier of citizen `n` accepted, processed, approved and returned; the return notice's
/// rating link. Returns (owner, id, link token, the desk's leader).
async fn returned(
    db: &DatabaseConnection,
    n: u32,
) -> Result<(Actor, String, String), Box<dyn std::error::Error + Send + Sync>> {
    let now = monday_nine();
    let (owner, id) = testing::filed(db, n, now).await?;
    let clerk = staff(db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?;
    let leader = staff(db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?;
    testing::act_all(
        db,
        &id,
        &[
            (&clerk, Transition::Accept),
            (&specialist, Transition::Assign),
            (&specialist, Transition::Forward),
            (&leader, Transition::Approve),
        ],
        now,
    )
    .await?;
    let with_links = Services {
        mailing: Mailing {
            base_url: "https://dvc.example",
            notices: &LinkWords,
        },
        ..services(db, now)
    };
    processing::act(
        with_links,
        &clerk,
        &id,
        Transition::Return,
        &Command::default(),
    )
    .await?;
    let notice = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(&id))
        .filter(outbox_message::Column::Subject.starts_with("return "))
        .one(db)
        .await?
        .ok_or("no return notice")?;
    let token = notice
        .subject
        .rsplit_once("/danh-gia/")
        .map(|(_, t)| t.to_owned())
        .ok_or("no rating link in the return notice")?;
    Ok((owner, id, token))
}

#[tokio::test]
async fn the_return_notice_rates_once_without_signing_in_and_the_owner_changes_it_for_7_days(
) -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = Utc::now();

    // A running dossier is not rated yet.
    let (owner, running) = testing::filed(&db, 40, monday_nine()).await?;
    assert_eq!(
        codes(
            ratings::rate(
                services(&db, now),
                &owner,
                &running,
                &input("satisfied", &[], "")
            )
            .await
        ),
        ["rating_not_ended"]
    );

    let (owner, id, token) = returned(&db, 41).await?;
    // The link shows the dossier without signing in, and rates it once.
    let (row, given) = ratings::invitation(&db, &token)
        .await?
        .ok_or("invitation")?;
    assert_eq!((row.id.as_str(), given), (id.as_str(), None));
    assert_eq!(
        codes(ratings::rate_by_link(services(&db, now), &token, &input("", &[], "")).await),
        ["rating_level"],
        "a refused rating does not use the link"
    );
    let saved = ratings::rate_by_link(
        services(&db, now),
        &token,
        &input(
            "not_satisfied",
            &["waiting_time", "waiting_time", "attitude"],
            "  Chờ lâu  ",
        ),
    )
    .await?;
    assert_eq!(
        (
            saved.level.as_str(),
            ratings::reasons_of(&saved),
            saved.comment.as_deref(),
            saved.via.as_str()
        ),
        (
            "not_satisfied",
            vec!["waiting_time".to_owned(), "attitude".to_owned()],
            Some("Chờ lâu"),
            "link"
        )
    );
    assert_eq!(
        saved.agency_code, DESK,
        "the receiving agency's service is rated"
    );
    assert!(ratings::invitation(&db, &token).await?.is_none(), "used");
    assert_eq!(
        codes(
            ratings::rate_by_link(services(&db, now), &token, &input("satisfied", &[], "")).await
        ),
        ["link_invalid"]
    );

    // Nobody else rates it: another citizen, the clerk.
    let stranger = testing::citizen(&db, 42).await?;
    let clerk = staff(&db, "Tiếp nhận", DESK, &[Role::IntakeClerk]).await?;
    for who in [&stranger, &clerk] {
        assert!(matches!(
            ratings::rate(
                services(&db, now),
                who,
                &id,
                &input("very_satisfied", &[], "")
            )
            .await,
            Err(DomainError::NotFound(_))
        ));
    }
    // The owner changes it on the page within 7 days; not after.
    let changed = ratings::rate(
        services(&db, now + Duration::days(6)),
        &owner,
        &id,
        &input("satisfied", &[], ""),
    )
    .await?;
    assert_eq!(
        (changed.level.as_str(), changed.via.as_str()),
        ("satisfied", "page")
    );
    assert_eq!(
        codes(
            ratings::rate(
                services(&db, now + Duration::days(8)),
                &owner,
                &id,
                &input("very_satisfied", &[], "")
            )
            .await
        ),
        ["rating_locked"]
    );
    // Problems are named by field.
    let long = "x".repeat(2001);
    assert_eq!(
        codes(
            ratings::rate(
                services(&db, now),
                &owner,
                &id,
                &input("so-so", &["bribe"], &long)
            )
            .await
        ),
        ["rating_level", "rating_reason", "rating_comment_long"]
    );
    // Every rating is audited, by link and on the page.
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("rating.give"))
        .filter(audit_log::Column::TargetId.eq(&id))
        .count(&db)
        .await?;
    assert_eq!(audited, 2);
    Ok(())
}

#[tokio::test]
async fn a_not_satisfied_rating_waits_for_the_receiving_agencys_leaders_to_answer() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = Utc::now();
    let (_, id, token) = returned(&db, 43).await?;
    ratings::rate_by_link(
        services(&db, now),
        &token,
        &input("not_satisfied", &["result_late"], "Trễ hẹn"),
    )
    .await?;
    let leader = staff(&db, "Lãnh đạo Trung tâm", DESK, &[Role::Leader]).await?;
    let clerk = staff(&db, "Tiếp nhận", DESK, &[Role::IntakeClerk]).await?;
    let elsewhere = staff(&db, "Lãnh đạo Sở", DEPT, &[Role::Leader]).await?;
    let waiting = ratings::unanswered(&db, &leader, 20).await?;
    assert_eq!(
        waiting
            .iter()
            .map(|u| u.rating.dossier_id.clone())
            .collect::<Vec<_>>(),
        [Some(id.clone())]
    );
    assert!(
        !waiting[0].code.is_empty(),
        "listed with the dossier's code"
    );
    for who in [&clerk, &elsewhere] {
        assert!(ratings::unanswered(&db, who, 20).await?.is_empty());
        assert!(matches!(
            ratings::answer(services(&db, now), who, &id, "Xin lỗi").await,
            Err(DomainError::NotFound(_))
        ));
    }
    assert_eq!(
        codes(ratings::answer(services(&db, now), &leader, &id, "   ").await),
        ["rating_answer"]
    );
    let answered = ratings::answer(
        services(&db, now),
        &leader,
        &id,
        "Trung tâm xin lỗi vì trả kết quả trễ hẹn.",
    )
    .await?;
    assert!(answered.answered_at.is_some());
    assert!(ratings::unanswered(&db, &leader, 20).await?.is_empty());
    assert_eq!(
        codes(ratings::answer(services(&db, now), &leader, &id, "Lần nữa").await),
        ["rating_answered"]
    );
    // The applicant changes the rating within the 7 days: the old answer does not stand for
    // the new words, which wait for the leaders again.
    let owner = domain::dossiers::drafts::load_for_tests(&db, &id)
        .await?
        .dossier
        .owner_id;
    let owner = Actor::Citizen {
        account_id: owner,
        memberships: Vec::new(),
    };
    let changed = ratings::rate(
        services(&db, now),
        &owner,
        &id,
        &input("not_satisfied", &["attitude"], "Vẫn chưa hài lòng"),
    )
    .await?;
    assert_eq!((changed.answer, changed.answered_at), (None, None));
    assert_eq!(ratings::unanswered(&db, &leader, 20).await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_counters_tablet_rates_with_its_secret_a_few_times_a_minute_until_turned_off(
) -> TestResult {
    use domain::ratings::counters;
    let db = seeded_database(Utc::now().date_naive()).await?;
    let now = Utc::now();
    let admin = staff(&db, "Quản trị Trung tâm", DESK, &[Role::AgencyAdmin]).await?;
    let other_admin = staff(&db, "Quản trị Sở", DEPT, &[Role::AgencyAdmin]).await?;
    let leader = staff(&db, "Lãnh đạo", DESK, &[Role::Leader]).await?;
    assert!(matches!(
        counters::create(services(&db, now), &leader, "Quầy 1").await,
        Err(DomainError::Forbidden(_))
    ));
    assert_eq!(
        codes(counters::create(services(&db, now), &admin, "  ").await),
        ["counter_name"]
    );
    let (counter, secret) =
        counters::create(services(&db, now), &admin, "Quầy 1 — Hộ tịch").await?;
    assert_eq!(secret.len(), 12);
    assert_eq!(counters::list(&db, &admin).await?.len(), 1);
    assert!(counters::list(&db, &other_admin).await?.is_empty());

    // Only the tablet holding the secret rates; no person is recorded.
    assert!(counters::kiosk(&db, &counter.id, "wrong").await?.is_none());
    assert_eq!(
        codes(counters::rate(services(&db, now), &counter.id, "wrong", "satisfied").await),
        ["kiosk_not_set_up"]
    );
    assert_eq!(
        codes(counters::rate(services(&db, now), &counter.id, &secret, "meh").await),
        ["rating_level"]
    );
    let first = counters::rate(services(&db, now), &counter.id, &secret, "not_satisfied").await?;
    assert_eq!(
        (
            first.dossier_id,
            first.counter_id.as_deref(),
            first.agency_code.as_str(),
            first.via.as_str()
        ),
        (None, Some(counter.id.as_str()), DESK, "kiosk")
    );
    // A counter's "not satisfied" names nobody to answer: it is counted, not queued.
    assert!(ratings::unanswered(&db, &leader, 20).await?.is_empty());

    // A flood is slowed down: six a (calendar) minute, so thirteen presses meet a refusal.
    let mut refused = false;
    for _ in 0..12 {
        match counters::rate(services(&db, now), &counter.id, &secret, "satisfied").await {
            Ok(_) => {}
            Err(DomainError::RateLimited { .. }) => {
                refused = true;
                break;
            }
            Err(e) => return Err(e.into()),
        }
    }
    assert!(refused, "a flood of presses is slowed down");
    // The agency's summary counts the counter's ratings: one "not satisfied", the rest satisfied.
    let today = domain::dossiers::codes::vietnam_date(now);
    let summary = ratings::month_summary(&db, DESK, today).await?;
    assert_eq!(summary.not_satisfied, 1);
    assert!(
        summary.satisfied >= 5 && summary.very_satisfied == 0,
        "{summary:?}"
    );
    assert_eq!(
        summary.satisfied_percent(),
        Some(summary.satisfied * 100 / summary.total())
    );
    assert_eq!(
        ratings::month_summary(&db, DEPT, today)
            .await?
            .satisfied_percent(),
        None
    );
    // Next month starts afresh.
    let next_month = today + Duration::days(40);
    assert_eq!(
        ratings::month_summary(&db, DESK, next_month).await?.total(),
        0
    );

    // Another agency's administrator cannot turn it off; its own does, and the tablet stops.
    assert!(matches!(
        counters::set_active(services(&db, now), &other_admin, &counter.id, false).await,
        Err(DomainError::NotFound(_))
    ));
    assert_eq!(
        counters::set_active(services(&db, now), &admin, &counter.id, false).await?,
        None
    );
    assert!(counters::kiosk(&db, &counter.id, &secret).await?.is_none());
    let (_, agency, ready) = counters::for_tablet(&db, &counter.id, &secret)
        .await?
        .ok_or("counter")?;
    assert!(!agency.is_empty() && !ready);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.starts_with("counter."))
        .count(&db)
        .await?;
    assert_eq!(audited, 2, "set up and turned off");
    // Turned on again, with a new secret: the lost tablet stays out, the new code works.
    let code = counters::set_active(services(&db, now), &admin, &counter.id, true)
        .await?
        .ok_or("a new code")?;
    assert_ne!(code, secret);
    assert!(counters::kiosk(&db, &counter.id, &secret).await?.is_none());
    assert!(counters::kiosk(&db, &counter.id, &code).await?.is_some());
    Ok(())
}
