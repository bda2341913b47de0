//! The carrier's cash-on-delivery remittance reconciled with the parcels the portal saw
//! delivered: every kind of disagreement is flagged and the report kept beside the others.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::entities::shipment;
use domain::payments::reconciliation::{self, Issue};
use domain::postal::remittance::{self, RemittanceLine};
use domain::testing::seeded_database;
use sea_orm::EntityTrait;

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default()
}

/// 10:00 on the day, Vietnam time.
fn morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 3, 0, 0)
        .single()
        .unwrap_or_default()
}

fn parcel(tn: &str, status: &str, cod: i64, delivered: Option<DateTime<Utc>>) -> shipment::Model {
    let at = morning().fixed_offset();
    shipment::Model {
        id: uuid::Uuid::new_v4().to_string(),
        dossier_id: "d".into(),
        carrier: "vnpost".into(),
        tracking_number: tn.into(),
        status: status.into(),
        recipient: "Nguyễn Thị Hoa".into(),
        phone: "0912000003".into(),
        address: "45 Trần Hưng Đạo".into(),
        cod_vnd: cod,
        created_by: None,
        created_at: at,
        updated_at: at,
        last_event_at: None,
        delivered_at: delivered.map(|d| d.fixed_offset()),
        checked_at: None,
    }
}

#[tokio::test]
async fn every_disagreement_with_the_carriers_remittance_is_flagged() -> TestResult {
    let db = seeded_database(day()).await?;
    let delivered = Some(morning());
    for p in [
        parcel("EB000000001VN", "delivered", 22_000, delivered),
        parcel("EB000000002VN", "delivered", 22_000, delivered),
        parcel("EB000000003VN", "delivered", 30_000, delivered),
        // Paid with the fee: nothing to collect, nothing expected.
        parcel("EB000000004VN", "delivered", 0, delivered),
        // Not delivered (the postman returned it): no cash can have been collected.
        parcel("EB000000005VN", "returned", 22_000, None),
        // Delivered the day before: another day's statement.
        parcel(
            "EB000000006VN",
            "delivered",
            22_000,
            Some(morning() - Duration::days(1)),
        ),
    ] {
        shipment::Entity::insert(shipment::ActiveModel::from(p))
            .exec_without_returning(&db)
            .await?;
    }
    let csv = "TrackingNumber,DeliveredAt,Amount\n\
               eb000000001vn,2026-12-07 10:05,22.000\n\
               EB000000003VN,2026-12-07 11:00,25000\n\
               EB000000005VN,2026-12-07 12:00,22000\n\
               EB999999999VN,2026-12-07 12:30,22000\n\
               EB000000001VN,2026-12-07 10:05,22000\n";
    let lines = remittance::parse(csv)?;
    assert_eq!(
        lines.first(),
        Some(&RemittanceLine {
            tracking_number: "EB000000001VN".into(),
            amount_vnd: 22_000
        })
    );
    let run = remittance::reconcile(&db, day(), &lines, morning()).await?;
    assert_eq!(run.gateway, remittance::SOURCE);
    let issues: Vec<(String, Option<Issue>)> = reconciliation::lines(&run)
        .into_iter()
        .map(|l| (l.txn_ref, l.issue))
        .collect();
    assert_eq!(
        issues,
        [
            ("EB000000001VN".to_owned(), None),
            ("EB000000003VN".to_owned(), Some(Issue::AmountDiffers)),
            ("EB000000005VN".to_owned(), Some(Issue::NotRecorded)),
            ("EB999999999VN".to_owned(), Some(Issue::UnknownToPortal)),
            ("EB000000001VN".to_owned(), Some(Issue::Repeated)),
            ("EB000000002VN".to_owned(), Some(Issue::NotSettled)),
        ]
    );
    assert_eq!((run.matched, run.mismatched), (1, 5));
    // An unreadable statement names its problem.
    assert!(remittance::parse("Ma,SoTien\nx,1").is_err());
    Ok(())
}
