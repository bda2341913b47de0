//! Counter intake against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set): an intake clerk registers a walk-in dossier and a postal
//! one at the right desk, is refused at the wrong desk or without a postal reference; the
//! dossier gets its code and lands in the desk's "new" queue; no e-mail goes to the clerk, and
//! one clerk's scans are never offered for another dossier.

use chrono::{TimeZone, Utc};
use domain::access::Role;
use domain::accounts::{Mailing, Notice, Notices};
use domain::dossiers::counter::{desk_drafts, start_at_desk};
use domain::dossiers::drafts::{self, Channel};
use domain::dossiers::queues::{self, Queue, QueueQuery};
use domain::dossiers::{files, submission, Applicant, Status};
use domain::entities::{account, audit_log, dossier, outbox_message};
use domain::services::Services;
use domain::testing::services;
use domain::testing::{fill_draft, origin, seeded_database, staff};
use domain::DomainError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The public administration centre's desk: receives TN.CONGCHUNG.001.
const DESK: &str = "000.00.02.H53";
/// Department of Justice.
const JUSTICE: &str = "000.00.04.H53";
/// Phường Tân Ninh People's Committee.
const COMMUNE: &str = "000.01.50.H53";

struct Words;
impl Notices for Words {
    fn render(&self, _: &Notice<'_>) -> (String, String) {
        ("subject".into(), "body".into())
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

async fn seeded() -> Result<DatabaseConnection, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(Utc::now().date_naive()).await?;
    Ok(db)
}

/// A walk-in applicant as the clerk types them from the paper form.
fn walk_in(receiving_agency: String, email: &str) -> Applicant {
    Applicant {
        full_name: "Trần Văn Hùng".into(),
        citizen_id: "072085004321".into(),
        date_of_birth: "1985-06-01".into(),
        phone: "0987123456".into(),
        email: email.into(),
        province: "80".into(),
        commune: "25459".into(),
        street: "5 Trần Hưng Đạo".into(),
        receiving_agency,
        ..Applicant::default()
    }
}

fn field_code(e: &DomainError) -> Option<(String, String)> {
    match e {
        DomainError::Validation(f) => f.first().map(|f| (f.field.clone(), f.code.clone())),
        _ => None,
    }
}

#[tokio::test]
async fn a_clerk_registers_walk_in_and_postal_dossiers_at_her_own_desk() -> TestResult {
    let db = seeded().await?;
    let clerk = staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let clerk_id = clerk.account_id().ok_or("id")?.to_owned();
    let clerk_email = account::Entity::find_by_id(clerk_id.clone())
        .one(&db)
        .await?
        .and_then(|a| a.email)
        .ok_or("clerk e-mail")?;

    // Wrong desk, wrong role, unknown procedure, postal dossier without its reference.
    let other_desk = staff(&db, "Bùi Văn Khoa", JUSTICE, &[Role::IntakeClerk]).await?;
    let refused = start_at_desk(
        &db,
        &other_desk,
        &origin(),
        "TN.CONGCHUNG.001",
        Channel::Desk,
    )
    .await
    .err()
    .ok_or("another agency's desk was allowed")?;
    assert_eq!(
        field_code(&refused),
        Some(("procedure".into(), "procedure_other_desk".into()))
    );
    let specialist = staff(&db, "Đặng Thu Hà", DESK, &[Role::Specialist]).await?;
    assert!(matches!(
        start_at_desk(
            &db,
            &specialist,
            &origin(),
            "TN.CONGCHUNG.001",
            Channel::Desk
        )
        .await,
        Err(DomainError::Forbidden(_))
    ));
    let unknown = start_at_desk(&db, &clerk, &origin(), "9.999999", Channel::Desk)
        .await
        .err()
        .ok_or("an unknown procedure was allowed")?;
    assert_eq!(
        field_code(&unknown),
        Some(("procedure".into(), "procedure_unknown".into()))
    );
    let no_reference = start_at_desk(
        &db,
        &clerk,
        &origin(),
        "TN.CONGCHUNG.001",
        Channel::Post("  ".into()),
    )
    .await
    .err()
    .ok_or("a postal dossier without reference was allowed")?;
    assert_eq!(
        field_code(&no_reference),
        Some((
            "intake_reference".into(),
            "intake_reference_required".into()
        ))
    );
    assert_eq!(dossier::Entity::find().count(&db).await?, 0, "nothing made");

    // A walk-in dossier: the applicant starts empty (not the clerk's own profile).
    let loaded = start_at_desk(&db, &clerk, &origin(), "TN.CONGCHUNG.001", Channel::Desk).await?;
    assert_eq!(loaded.dossier.channel, "desk");
    assert_eq!(loaded.dossier.owner_id, clerk_id);
    assert_eq!(loaded.applicant().full_name, "");
    let id = fill_draft(&db, &clerk, &loaded, walk_in(String::new(), "")).await?;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .ok_or("time")?;
    let filed = submission::submit(worded(services(&db, now)), &clerk, &id, true).await?;
    assert!(
        filed.code.starts_with("000.00.02.H53-261123-"),
        "{}",
        filed.code
    );
    let again = submission::submit(worded(services(&db, now)), &clerk, &id, true).await?;
    assert_eq!(again.code, filed.code, "a double click files once");
    let row = drafts::load_for_tests(&db, &id).await?;
    assert_eq!(row.status, Status::Submitted);
    assert_eq!(row.dossier.applicant_citizen_id, "072085004321");
    let queue = queues::list(
        &db,
        &clerk,
        &QueueQuery {
            queue: Queue::New.code().into(),
            ..QueueQuery::default()
        },
        now,
    )
    .await?;
    assert!(
        queue.rows.iter().any(|r| r.id == id && r.channel == "desk"),
        "the desk's new queue lists it"
    );
    // No applicant e-mail was typed: nothing is sent, and never to the clerk.
    let to_clerk = outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(clerk_email.clone()))
        .count(&db)
        .await?;
    assert_eq!(
        to_clerk, 0,
        "the clerk gets no confirmation on the applicant's behalf"
    );
    // The mobile number given at the desk gets the confirmation by SMS.
    let texts = outbox_message::Entity::find()
        .filter(outbox_message::Column::Channel.eq("sms"))
        .filter(outbox_message::Column::Recipient.eq("0987123456"))
        .filter(outbox_message::Column::DossierId.eq(&id))
        .count(&db)
        .await?;
    assert_eq!(
        texts, 1,
        "a walk-in applicant with only a phone is told by SMS"
    );

    // A postal dossier at a commune desk, for a commune-level procedure, with the applicant's
    // e-mail: the reference is kept (upper case) and the confirmation goes to the applicant.
    let commune_clerk = staff(&db, "Lý Văn Nam", COMMUNE, &[Role::IntakeClerk]).await?;
    let post = start_at_desk(
        &db,
        &commune_clerk,
        &origin(),
        "TN.BTXH.001",
        Channel::Post("eb123456789vn".into()),
    )
    .await?;
    assert_eq!(post.dossier.channel, "post");
    assert_eq!(
        post.dossier.intake_reference.as_deref(),
        Some("EB123456789VN")
    );
    assert_eq!(post.applicant().receiving_agency, COMMUNE);
    assert_eq!(
        desk_drafts(&db, &commune_clerk).await?.len(),
        1,
        "the unfinished registration can be resumed"
    );
    let applicant = walk_in(COMMUNE.into(), "hung.tran@example.vn");
    let post_id = fill_draft(&db, &commune_clerk, &post, applicant).await?;
    let posted =
        submission::submit(worded(services(&db, now)), &commune_clerk, &post_id, true).await?;
    assert!(posted.code.starts_with("000.01.50.H53-"), "{}", posted.code);
    let to_applicant = outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq("hung.tran@example.vn"))
        .count(&db)
        .await?;
    assert_eq!(
        to_applicant, 1,
        "the applicant's own address gets the confirmation"
    );
    assert!(desk_drafts(&db, &commune_clerk).await?.is_empty());

    // The clerk's uploads are other citizens' scans: never offered for reuse.
    assert!(files::my_files(&db, &clerk).await?.is_empty());
    // Both registrations are audited with their channel.
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("dossier.desk_start"))
        .count(&db)
        .await?;
    assert_eq!(audited, 2);
    Ok(())
}

#[tokio::test]
async fn an_applicant_no_channel_reaches_is_flagged_to_the_desk() -> TestResult {
    use domain::entities::dossier_event;
    use sea_orm::{sea_query::Expr, QueryFilter as _};
    let db = seeded().await?;
    // An online filer who turned e-mail off and has no verified mobile number.
    let me = domain::testing::citizen(&db, 61).await?;
    account::Entity::update_many()
        .col_expr(account::Column::NotifyEmail, Expr::value(false))
        .filter(account::Column::Id.eq(me.account_id().unwrap_or_default()))
        .exec(&db)
        .await?;
    let id = domain::testing::complete_draft(&db, &me).await?;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .ok_or("time")?;
    submission::submit(worded(services(&db, now)), &me, &id, true).await?;
    let told = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(&id))
        .count(&db)
        .await?;
    assert_eq!(told, 0);
    let flagged = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .filter(dossier_event::Column::Kind.eq("notice_not_sent"))
        .count(&db)
        .await?;
    assert_eq!(flagged, 1, "the desk sees the applicant was not told");
    Ok(())
}
