//! The public lookup by dossier code and second factor against a real database (SQLite, or
//! PostgreSQL when `PORTAL_TEST_DATABASE_URL` is set): it follows the dossier as staff move it,
//! refuses a wrong factor exactly like an unknown code, names the field of a malformed code or
//! factor, and stops guessing per address and per (address, code), never per code alone.

use chrono::{DateTime, TimeZone, Utc};
use domain::access::Role;
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::lookup::lookup;
use domain::dossiers::processing::{self, Command};
use domain::dossiers::Status;
use domain::entities::dossier;
use domain::testing::services;
use domain::testing::{self, seeded_database, staff};
use domain::DomainError;
use sea_orm::{DatabaseConnection, EntityTrait};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The public administration centre, the desk receiving TN.ATTP.001.
const DESK: &str = "000.00.02.H53";

/// Monday 23 November 2026, 09:00 in Vietnam.
fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

/// A filed dossier of citizen `n` (phone and citizen ID both end in `n` on four digits).
async fn filed(
    db: &DatabaseConnection,
    n: u32,
) -> Result<dossier::Model, Box<dyn std::error::Error + Send + Sync>> {
    let (_, id) = testing::filed(db, n, monday_nine()).await?;
    Ok(dossier::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or("dossier")?)
}

fn field_of(e: &DomainError) -> Option<String> {
    match e {
        DomainError::Validation(fields) => fields.first().map(|f| f.field.clone()),
        _ => None,
    }
}

#[tokio::test]
async fn the_public_follows_a_dossier_by_code_and_four_digits() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let d = filed(&db, 7).await?;
    let code = d.code.clone().ok_or("code")?;
    let now = monday_nine();

    let seen = lookup(&db, &code, "0007", "10.0.0.1", now).await?;
    assert_eq!(seen.status, Status::Submitted);
    assert_eq!(seen.code, code);
    assert_eq!(seen.holding_agency_code.as_deref(), Some(DESK));
    assert!(seen.holding_agency_name.is_some_and(|n| !n.is_empty()));
    assert!(!seen.procedure_name.is_empty());
    // Typed in lower case with spaces around, as people do at a kiosk.
    let typed = format!("  {}  ", code.to_lowercase());
    assert_eq!(
        lookup(&db, &typed, "0007", "10.0.0.1", now).await?.code,
        code
    );

    // The desk accepts: the lookup shows what the staff see, with the due date and time left.
    let clerk = staff(&db, "Clerk", DESK, &[Role::IntakeClerk]).await?;
    processing::act(
        services(&db, now),
        &clerk,
        &d.id,
        Transition::Accept,
        &Command::default(),
    )
    .await?;
    let row = dossier::Entity::find_by_id(d.id.clone())
        .one(&db)
        .await?
        .ok_or("dossier")?;
    let seen = lookup(&db, &code, "0007", "10.0.0.1", now).await?;
    assert_eq!(seen.status.code(), row.status);
    assert_eq!(seen.status, Status::Accepted);
    assert_eq!(
        seen.due_at,
        row.due_at.map(|t| t.with_timezone(&Utc)),
        "the staff view's due date"
    );
    assert!(seen.minutes_left.is_some_and(|m| m > 0));
    assert!(!seen.paused);

    // A wrong factor is answered exactly like a code that does not exist.
    let wrong = lookup(&db, &code, "9999", "10.0.0.2", now).await;
    assert!(matches!(wrong, Err(DomainError::NotFound(_))), "{wrong:?}");
    let unknown = lookup(&db, "000.00.02.H53-261123-9999", "0007", "10.0.0.2", now).await;
    assert!(
        matches!(unknown, Err(DomainError::NotFound(_))),
        "{unknown:?}"
    );

    // Junk names the field to fix.
    for junk in ["", "abc", "'; drop table dossier; --", &"9".repeat(300)] {
        let Err(e) = lookup(&db, junk, "0007", "10.0.0.3", now).await else {
            return Err(format!("{junk} accepted").into());
        };
        assert_eq!(field_of(&e).as_deref(), Some("code"), "{junk}: {e:?}");
    }
    for junk in ["", "12", "abcd", "000071"] {
        let Err(e) = lookup(&db, &code, junk, "10.0.0.3", now).await else {
            return Err(format!("{junk} accepted").into());
        };
        assert_eq!(field_of(&e).as_deref(), Some("factor"), "{junk}: {e:?}");
    }
    Ok(())
}

#[tokio::test]
async fn guessing_the_four_digits_is_stopped_per_address_and_code() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let d = filed(&db, 8).await?;
    let code = d.code.clone().ok_or("code")?;
    let now = monday_nine();

    // Ten wrong guesses for one code from one address; the eleventh waits, even when right.
    for i in 0..10 {
        let guess = format!("{:04}", 1000 + i);
        let r = lookup(&db, &code, &guess, "10.1.0.1", now).await;
        assert!(
            matches!(r, Err(DomainError::NotFound(_))),
            "guess {i}: {r:?}"
        );
    }
    let r = lookup(&db, &code, "0008", "10.1.0.1", now).await;
    assert!(matches!(r, Err(DomainError::RateLimited { .. })), "{r:?}");
    // Guesses from other addresses never block the right answer from a new one: no limit is
    // kept per code alone, so strangers cannot use it up for the applicant.
    for i in 1..10 {
        let _ = lookup(&db, &code, "9999", &format!("10.1.0.{}", i + 1), now).await;
    }
    lookup(&db, &code, "0008", "10.1.1.1", now).await?;

    // One address walking through codes: the last 30 failures of its allowance (the others
    // used up directly), then refused even for a real dossier.
    let cap = domain::rate_limit::Limit::LOOKUP_MISS_IP;
    for _ in 0..cap.max - 30 {
        domain::rate_limit::hit(&db, cap, "10.2.0.1").await?;
    }
    let other = filed(&db, 9).await?;
    let other_code = other.code.clone().ok_or("code")?;
    for i in 0..30 {
        let r = lookup(
            &db,
            &format!("000.00.02.H53-261123-8{i:03}"),
            "0000",
            "10.2.0.1",
            now,
        )
        .await;
        assert!(
            matches!(r, Err(DomainError::NotFound(_))),
            "code {i}: {r:?}"
        );
    }
    let r = lookup(&db, &other_code, "0009", "10.2.0.1", now).await;
    assert!(matches!(r, Err(DomainError::RateLimited { .. })), "{r:?}");
    // Another address is not affected, and a right answer counts nothing.
    for _ in 0..40 {
        lookup(&db, &other_code, "0009", "10.2.0.2", now).await?;
    }
    Ok(())
}
