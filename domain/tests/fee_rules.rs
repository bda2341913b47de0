//! Fee rules as data, on a real database: the seed's procedures use them, a dossier is
//! charged by its rule (quantity asked in the form, an exemption with its evidence), the fee
//! is frozen at submission, and the desk's quantity correction recomputes it with an event,
//! an audit entry and a notice.

use chrono::{DateTime, TimeZone, Utc};
use domain::access::Role;
use domain::dossiers::drafts::{self, Change};
use domain::entities::{audit_log, dossier, dossier_event, outbox_message};
use domain::payments::{fee_rules, fees, quote};
use domain::testing::{self, seeded_database, services};
use domain::DomainError;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Copies of a diploma from the register: 3.000 đồng per copy, half for people with
/// meritorious service (the seed's sample reduction), received by the province centre.
const COPIES: &str = "TN.GIAODUC.006";
const DESK: &str = "000.00.02.H53";

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0)
        .single()
        .unwrap_or_default()
}

fn codes(e: &DomainError) -> Vec<String> {
    match e {
        DomainError::Validation(f) => f.iter().map(|f| f.code.clone()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn at_least_twenty_seeded_procedures_use_per_unit_fees_or_exemptions() -> TestResult {
    let path = testing::seed_dir().join("procedures.json");
    let text = std::fs::read_to_string(&path)?;
    let records = domain::catalogue_import::parse(&text, "procedures.json")?;
    let using: Vec<&str> = records
        .iter()
        .filter(|r| !r.row.fee_exemptions.is_empty() || r.row.fees.iter().any(|f| f.per.is_some()))
        .map(|r| r.row.code.as_str())
        .collect();
    assert!(using.len() >= 20, "{} procedures: {using:?}", using.len());
    // Each kind is present: per copy, per page with tiers and a ceiling, an exemption, a
    // reduction.
    let fees = records.iter().flat_map(|r| r.row.fees.iter());
    assert!(fees.clone().any(|f| f.per.as_deref() == Some("copy")));
    assert!(fees
        .clone()
        .any(|f| f.per.as_deref() == Some("page") && !f.tiers.is_empty() && f.max_vnd.is_some()));
    let exemptions: Vec<u8> = records
        .iter()
        .flat_map(|r| r.row.fee_exemptions.iter().map(|e| e.percent))
        .collect();
    assert!(exemptions.contains(&100) && exemptions.iter().any(|p| *p < 100));
    Ok(())
}

#[tokio::test]
async fn a_per_copy_fee_with_a_reduction_is_charged_by_the_rule_and_corrected_by_the_desk(
) -> TestResult {
    let now = monday_nine();
    let today = now.date_naive();
    let db = seeded_database(today).await?;
    let me = testing::citizen(&db, 41).await?;
    let id = testing::complete_draft_of(&db, &me, COPIES).await?;
    let loaded = drafts::load(&db, &me, &id).await?;
    // The form asks how many copies and which exemption; nothing claimed, nothing to prove.
    let keys: Vec<&str> = loaded.form.fields.iter().map(|f| f.key.as_str()).collect();
    assert!(keys.contains(&fee_rules::QUANTITY_KEY) && keys.contains(&fee_rules::EXEMPTION_KEY));
    assert!(!loaded
        .form
        .documents
        .iter()
        .any(|s| s.key == fee_rules::EVIDENCE_SLOT));

    // Three copies, claimed as a person with meritorious service.
    let mut answers: Value = loaded.dossier.answers.clone();
    if let Some(map) = answers.as_object_mut() {
        map.insert(fee_rules::QUANTITY_KEY.into(), json!("3"));
        map.insert(fee_rules::EXEMPTION_KEY.into(), json!("nguoi_co_cong"));
    }
    let saved = drafts::save(&db, &me, &id, None, Change::Answers(answers), today).await?;
    let q = quote::shown(&db, &saved.loaded, today).await?;
    assert_eq!(
        (
            q.lines[0].unit_vnd,
            q.lines[0].quantity,
            q.lines[0].amount_vnd
        ),
        (3_000, 3, 9_000)
    );
    assert_eq!(q.reduction.as_ref().map(|r| r.amount_vnd), Some(4_500));
    assert_eq!(q.total_vnd, 4_500);

    // The evidence is now asked for, and filing waits for it.
    let refused = domain::dossiers::submission::submit(services(&db, now), &me, &id, true).await;
    let fields: Vec<String> = match &refused {
        Err(DomainError::Validation(f)) => f.iter().map(|f| f.field.clone()).collect(),
        other => return Err(format!("filed without evidence: {other:?}").into()),
    };
    assert!(
        fields.iter().any(|f| f.contains(fee_rules::EVIDENCE_SLOT)),
        "{fields:?}"
    );
    testing::attach_file(&db, &loaded.dossier.owner_id, &id, fee_rules::EVIDENCE_SLOT).await?;
    drafts::save(&db, &me, &id, None, Change::Documents, today).await?;
    domain::dossiers::submission::submit(services(&db, now), &me, &id, true).await?;
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?;
    assert_eq!(row.fee_due_vnd, Some(4_500), "frozen at submission");

    // The desk corrects the copies to 2: 6.000 less half is 3.000 due.
    let desk = testing::staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    assert_eq!(
        fees::correctable_quantity(&db, &desk, &id).await?,
        Some((3, "copy".to_owned()))
    );
    assert_eq!(fees::correctable_quantity(&db, &me, &id).await?, None);
    let owner_refused = fees::correct_quantity(services(&db, now), &me, &id, 2, "x").await;
    assert!(
        matches!(owner_refused, Err(DomainError::Forbidden(_))),
        "{owner_refused:?}"
    );
    let bad = fees::correct_quantity(services(&db, now), &desk, &id, 0, " ").await;
    assert_eq!(
        bad.err().as_ref().map(codes),
        Some(vec!["fee_quantity_range".into(), "reason_required".into()])
    );
    let told = || {
        outbox_message::Entity::find()
            .filter(outbox_message::Column::DossierId.eq(&id))
            .filter(outbox_message::Column::Recipient.eq("nhung41@example.vn"))
            .count(&db)
    };
    let told_before = told().await?;
    let due =
        fees::correct_quantity(services(&db, now), &desk, &id, 2, "Chỉ nộp 2 bản chính").await?;
    assert_eq!(due, 3_000);
    let row = dossier::Entity::find_by_id(id.clone())
        .one(&db)
        .await?
        .ok_or("row")?;
    assert_eq!(row.fee_due_vnd, Some(3_000));
    assert_eq!(
        row.answers.get(fee_rules::QUANTITY_KEY),
        Some(&json!("3")),
        "the applicant's own answer stays as filed"
    );
    let event = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&id))
        .filter(dossier_event::Column::Kind.eq("fee_quantity_corrected"))
        .one(&db)
        .await?
        .ok_or("no event")?;
    assert_eq!(event.public_note.as_deref(), Some("Chỉ nộp 2 bản chính"));
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("dossier.fee_quantity"))
        .one(&db)
        .await?;
    assert!(audited.is_some());
    assert_eq!(told().await?, told_before + 1, "the applicant is told");
    Ok(())
}

#[tokio::test]
async fn a_fixed_fee_has_no_quantity_to_correct() -> TestResult {
    let now = monday_nine();
    let db = seeded_database(now.date_naive()).await?;
    let (_, id) = testing::filed(&db, 42, now).await?;
    let desk = testing::staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    assert_eq!(fees::correctable_quantity(&db, &desk, &id).await?, None);
    let refused = fees::correct_quantity(services(&db, now), &desk, &id, 2, "Hai bản").await;
    assert_eq!(
        refused.err().as_ref().map(codes),
        Some(vec!["fee_no_quantity".into()])
    );
    Ok(())
}
