//! The rules of [`deltas`], one move at a time.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    // `hour` in Vietnam.
    Utc.with_ymd_and_hms(2026, 11, day, hour - 7, 0, 0)
        .single()
        .unwrap_or_default()
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default()
}

fn row(status: &str) -> dossier::Model {
    let t = at(2, 9).fixed_offset();
    dossier::Model {
        id: "d1".into(),
        code: Some("X".into()),
        owner_id: "o".into(),
        organisation_id: None,
        procedure_code: "P1".into(),
        procedure_version: 1,
        receiving_agency_code: Some("A".into()),
        status: status.into(),
        applicant: serde_json::json!({}),
        answers: serde_json::json!({}),
        delivery: serde_json::json!({}),
        progress: String::new(),
        declared_at: None,
        fee_due_vnd: None,
        postal_fee_vnd: None,
        revision: 1,
        created_at: t,
        updated_at: t,
        submitted_at: Some(t),
        draft_notice_at: None,
        holding_agency_code: Some("A".into()),
        step_index: None,
        step_role: None,
        assignee_id: None,
        accepted_at: None,
        due_at: None,
        paused_at: None,
        resume_status: None,
        step_due_at: None,
        escalated_at: None,
        transfer_origin: None,
        apologies: 0,
        applicant_search: String::new(),
        applicant_citizen_id: String::new(),
        finished_at: None,
        channel: "online".into(),
        intake_reference: None,
        delivery_request: None,
    }
}

fn due(mut r: dossier::Model, day: u32) -> dossier::Model {
    r.due_at = Some(at(day, 17).fixed_offset());
    r
}

fn pairs(d: &[Delta]) -> Vec<(Metric, NaiveDate, i64)> {
    d.iter().map(|d| (d.metric, d.day, d.by)).collect()
}

#[test]
fn filing_counts_by_channel_and_drafts_count_nothing() {
    let mut counter = row("submitted");
    counter.channel = "desk".into();
    let d = deltas(Some(&row("draft")), &counter, at(3, 10), Facts::default());
    assert_eq!(pairs(&d), vec![(Metric::ReceivedCounter, date(3), 1)]);
    assert_eq!(d[0].procedure.as_deref(), Some("P1"));
    assert!(deltas(None, &row("draft"), at(3, 10), Facts::default()).is_empty());
}

#[test]
fn a_resolution_is_on_time_by_its_due_time_and_late_after_it_or_an_apology() {
    let open = due(row("processing"), 10);
    let facts = Facts {
        digitised: false,
        e_result: true,
        with_fee: true,
        paid_online: false,
        work_minutes: 960,
    };
    let d = deltas(Some(&open), &due(row("processed"), 10), at(10, 16), facts);
    assert_eq!(
        pairs(&d),
        vec![
            (Metric::ResolvedOnTime, date(10), 1),
            (Metric::ResolvedEResult, date(10), 1),
            (Metric::ResolvedWithFee, date(10), 1),
            (Metric::WorkMinutes, date(10), 960),
            // It would have been overdue from the 11th: no longer.
            (Metric::OverdueDelta, date(11), -1),
        ]
    );
    let late = deltas(Some(&open), &row("processed"), at(10, 18), Facts::default());
    assert_eq!(late[0].metric, Metric::ResolvedLate);
    let mut apologised = due(row("processing"), 20);
    apologised.apologies = 1;
    let d = deltas(
        Some(&apologised),
        &row("processed"),
        at(12, 9),
        Facts::default(),
    );
    assert_eq!(
        d[0].metric,
        Metric::ResolvedLate,
        "an apology letter means late"
    );
}

#[test]
fn the_overdue_stock_moves_future_days_and_never_rewrites_past_ones() {
    // Due on the 5th, closed on the 9th: it was overdue from the 6th, stops on the 9th.
    let d = deltas(
        Some(&due(row("processing"), 5)),
        &row("stopped"),
        at(9, 9),
        Facts::default(),
    );
    assert_eq!(
        pairs(&d),
        vec![
            (Metric::Stopped, date(9), 1),
            (Metric::OverdueDelta, date(9), -1)
        ]
    );
    // A pause for the applicant takes the future overdue day away; the resumption adds the new.
    let mut paused = due(row("supplement_requested"), 20);
    paused.paused_at = Some(at(4, 9).fixed_offset());
    let d = deltas(
        Some(&due(row("processing"), 20)),
        &paused,
        at(4, 9),
        Facts::default(),
    );
    assert_eq!(
        pairs(&d),
        vec![
            (Metric::SupplementRequested, date(4), 1),
            (Metric::OverdueDelta, date(21), -1)
        ]
    );
    let d = deltas(
        Some(&paused),
        &due(row("processing"), 24),
        at(8, 9),
        Facts::default(),
    );
    assert_eq!(pairs(&d), vec![(Metric::OverdueDelta, date(25), 1)]);
    // Resumed with a due day already passed: overdue from today.
    let d = deltas(
        Some(&paused),
        &due(row("processing"), 3),
        at(8, 9),
        Facts::default(),
    );
    assert_eq!(pairs(&d), vec![(Metric::OverdueDelta, date(8), 1)]);
    // A transfer to another agency for its part moves nothing.
    let mut away = due(row("processing"), 20);
    away.holding_agency_code = Some("B".into());
    assert!(deltas(
        Some(&due(row("processing"), 20)),
        &away,
        at(6, 9),
        Facts::default()
    )
    .is_empty());
}
