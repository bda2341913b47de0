//! Every published figure equals a brute-force count over the raw events (issue 24), on SQLite
//! and, when `PORTAL_TEST_DATABASE_URL` is set, PostgreSQL.
//!
//! Random dossier histories go through the real services — filed online, at the counter and by
//! post; accepted, asked for more documents and supplied (the clock pauses), transferred to a
//! commune for its part and back, late and apologised for, approved, returned, refused,
//! stopped, withdrawn — and are rated, some ratings changed, with ratings at a counter too.
//! Then, for several scopes (everything, a province, one agency, a field, a procedure) and
//! periods (months, a quarter, the year, custom spans across and within months), the figures
//! summed from the rollups must equal those recounted from `dossier_event`, `rating`,
//! `payment`, `dossier_result` and the working calendar, with no rollup in between.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::dossiers::codes::vietnam_date;
use domain::dossiers::deadlines::Clock;
use domain::dossiers::lifecycle::{Transition, OPEN};
use domain::dossiers::processing::{self, Command};
use domain::dossiers::Status;
use domain::entities::{dossier, dossier_event, dossier_result, payment, rating};
use domain::ratings::{self, counters, RatingInput};
use domain::statistics::figures::{self, Figures, Scope};
use domain::statistics::period::Period;
use domain::statistics::rollup::ONLINE_GATEWAYS;
use domain::testing::{self, seeded_database, services, staff};
use domain::DomainError;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;
type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The desk that receives TN.ATTP.001, the department that processes it, a commune that does
/// a part of it, and the province's root agency.
const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";
const COMMUNE: &str = "000.01.50.H53";
const ROOT: &str = "000.00.00.H53";
const PROCEDURE: &str = "TN.ATTP.001";

/// A small deterministic generator (xorshift): the same histories on every run and database.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `p` percent.
    fn chance(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
}

struct People {
    clerk: Actor,
    specialist: Actor,
    leader: Actor,
    commune: Actor,
}

/// A request for the document `missing`, with `text` for the applicant.
fn supplement(text: &str, missing: &str) -> Command {
    Command {
        public_note: text.into(),
        missing: vec![missing.into()],
        ..Command::default()
    }
}

fn note(text: &str) -> Command {
    Command {
        public_note: text.into(),
        ..Command::default()
    }
}

fn code_of(e: &DomainError) -> Option<&str> {
    match e {
        DomainError::Validation(fields) => fields.first().map(|f| f.code.as_str()),
        _ => None,
    }
}

async fn row(db: &DatabaseConnection, id: &str) -> Res<dossier::Model> {
    Ok(dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or("dossier")?)
}

/// Takes `t`; when the due date has passed, the holder writes the apology letter first (a new
/// date a few days on) and the move is taken again.
async fn act(
    db: &DatabaseConnection,
    people: &People,
    who: &Actor,
    id: &str,
    t: Transition,
    command: Command,
    at: DateTime<Utc>,
) -> Res<()> {
    match processing::act(services(db, at), who, id, t, &command).await {
        Ok(_) => Ok(()),
        Err(e) if code_of(&e) == Some("apology_required") => {
            let holder = if row(db, id).await?.holding_agency_code.as_deref() == Some(COMMUNE) {
                &people.commune
            } else {
                &people.specialist
            };
            let mut day = vietnam_date(at) + Duration::days(3);
            loop {
                let letter = Command {
                    public_note: "Cần thêm thời gian xác minh".into(),
                    new_due_date: Some(day),
                    ..Command::default()
                };
                match processing::act(services(db, at), holder, id, Transition::Apologise, &letter)
                    .await
                {
                    Ok(_) => break,
                    Err(e) if code_of(&e) == Some("due_date_later") => day += Duration::days(1),
                    Err(e) => return Err(e.into()),
                }
            }
            processing::act(services(db, at), who, id, t, &command).await?;
            Ok(())
        }
        Err(e) => Err(format!("{t:?} at {at}: {e}").into()),
    }
}

/// One dossier's random history from filing at `t` to its end (or wherever the walk stops).
async fn history(
    db: &DatabaseConnection,
    people: &People,
    rng: &mut Rng,
    n: u32,
    mut t: DateTime<Utc>,
) -> Res<()> {
    let owner = testing::citizen(db, n).await?;
    let id = testing::complete_draft(db, &owner).await?;
    // Some arrive at the counter or by post (the channel is the draft's).
    let channel = ["online", "online", "desk", "post"][rng.below(4) as usize];
    let mut draft: dossier::ActiveModel = row(db, &id).await?.into();
    draft.channel = Set(channel.to_owned());
    draft.update(db).await?;
    // The documents were attached before the (simulated) filing time, as they always are.
    domain::entities::dossier_file::Entity::update_many()
        .col_expr(
            domain::entities::dossier_file::Column::CreatedAt,
            sea_orm::sea_query::Expr::value((t - Duration::hours(1)).fixed_offset()),
        )
        .filter(domain::entities::dossier_file::Column::DossierId.eq(&id))
        .exec(db)
        .await?;
    domain::dossiers::submission::submit(services(db, t), &owner, &id, true).await?;
    // Some fees were paid online, some in cash to the postman (the payment rows as the
    // gateways' confirmations leave them).
    if rng.chance(50) {
        let gateway = ["vnpay", "vietqr", "cod"][rng.below(3) as usize];
        let paid = payment::Model {
            paid_at: Some(t.fixed_offset()),
            ..domain::payments::new_row(&id, gateway, format!("T{n}"), 30_000, "paid", t)
        };
        payment::Entity::insert(payment::ActiveModel::from(paid))
            .exec_without_returning(db)
            .await?;
    }
    for _ in 0..14 {
        // Mostly days apart; now and then a dossier lies untouched for a month and more (it
        // goes overdue and needs the apology letter).
        let hours = if rng.chance(12) {
            24 * 30 + rng.below(24 * 20)
        } else {
            2 + rng.below(24 * 9)
        };
        t += Duration::hours(hours as i64);
        let now = row(db, &id).await?;
        let status = Status::from_code(&now.status).ok_or("status")?;
        let p = people;
        match status {
            Status::Submitted => match rng.below(100) {
                0..=59 => {
                    act(
                        db,
                        p,
                        &p.clerk,
                        &id,
                        Transition::Accept,
                        Command::default(),
                        t,
                    )
                    .await?
                }
                60..=74 => {
                    let asked = supplement("Bổ sung giấy tờ", "Giấy chứng nhận");
                    act(
                        db,
                        p,
                        &p.clerk,
                        &id,
                        Transition::RequestSupplement,
                        asked,
                        t,
                    )
                    .await?
                }
                75..=89 => {
                    act(
                        db,
                        p,
                        &p.clerk,
                        &id,
                        Transition::Refuse,
                        note("Không thuộc thẩm quyền"),
                        t,
                    )
                    .await?
                }
                _ => {
                    act(
                        db,
                        p,
                        &owner,
                        &id,
                        Transition::Withdraw,
                        Command::default(),
                        t,
                    )
                    .await?
                }
            },
            Status::SupplementRequested => {
                if rng.chance(80) {
                    act(
                        db,
                        p,
                        &owner,
                        &id,
                        Transition::Supply,
                        Command::default(),
                        t,
                    )
                    .await?
                } else {
                    act(
                        db,
                        p,
                        &owner,
                        &id,
                        Transition::Withdraw,
                        Command::default(),
                        t,
                    )
                    .await?
                }
            }
            Status::Accepted => {
                act(
                    db,
                    p,
                    &p.specialist,
                    &id,
                    Transition::Assign,
                    Command::default(),
                    t,
                )
                .await?
            }
            Status::Processing if now.holding_agency_code.as_deref() == Some(COMMUNE) => {
                act(
                    db,
                    p,
                    &p.commune,
                    &id,
                    Transition::TransferBack,
                    Command::default(),
                    t,
                )
                .await?
            }
            Status::Processing if now.step_role.as_deref() == Some(Role::Leader.code()) => {
                if rng.chance(85) {
                    act(
                        db,
                        p,
                        &p.leader,
                        &id,
                        Transition::Approve,
                        Command::default(),
                        t,
                    )
                    .await?
                } else {
                    act(
                        db,
                        p,
                        &p.leader,
                        &id,
                        Transition::Stop,
                        note("Dừng xử lý"),
                        t,
                    )
                    .await?
                }
            }
            Status::Processing => match rng.below(100) {
                0..=19 if now.transfer_origin.is_none() => {
                    let transfer = Command {
                        target_agency: COMMUNE.into(),
                        ..Command::default()
                    };
                    act(db, p, &p.specialist, &id, Transition::Transfer, transfer, t).await?
                }
                20..=29 => {
                    let asked = supplement("Bổ sung bản vẽ", "Bản vẽ");
                    act(
                        db,
                        p,
                        &p.specialist,
                        &id,
                        Transition::RequestSupplement,
                        asked,
                        t,
                    )
                    .await?
                }
                _ => {
                    act(
                        db,
                        p,
                        &p.specialist,
                        &id,
                        Transition::Forward,
                        Command::default(),
                        t,
                    )
                    .await?
                }
            },
            Status::Processed => {
                act(
                    db,
                    p,
                    &p.clerk,
                    &id,
                    Transition::Return,
                    Command::default(),
                    t,
                )
                .await?
            }
            Status::Returned | Status::Refused => {
                // The owner rates on the page (the desk's dossiers are rated from the link).
                if channel == "online" && rng.chance(80) {
                    let level = ratings::LEVELS[rng.below(3) as usize];
                    let input = RatingInput {
                        level: level.into(),
                        ..RatingInput::default()
                    };
                    ratings::rate(services(db, t), &owner, &id, &input).await?;
                    if rng.chance(30) {
                        let level = ratings::LEVELS[rng.below(3) as usize];
                        let changed = RatingInput {
                            level: level.into(),
                            ..RatingInput::default()
                        };
                        let later = t + Duration::hours(30);
                        ratings::rate(services(db, later), &owner, &id, &changed).await?;
                    }
                }
                break;
            }
            _ => break,
        }
    }
    Ok(())
}

/// The raw rows the brute force reads.
struct Raw {
    dossiers: BTreeMap<String, dossier::Model>,
    events: BTreeMap<String, Vec<dossier_event::Model>>,
    ratings: Vec<rating::Model>,
    payments: Vec<payment::Model>,
    results: Vec<dossier_result::Model>,
    clocks: BTreeMap<String, Clock>,
}

async fn raw(db: &DatabaseConnection) -> Res<Raw> {
    let dossiers: BTreeMap<String, dossier::Model> = dossier::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect();
    let mut events: BTreeMap<String, Vec<dossier_event::Model>> = BTreeMap::new();
    for e in dossier_event::Entity::find()
        .order_by_asc(dossier_event::Column::Id)
        .all(db)
        .await?
    {
        events.entry(e.dossier_id.clone()).or_default().push(e);
    }
    let mut clocks = BTreeMap::new();
    for d in dossiers.values() {
        if let Some(a) = &d.receiving_agency_code {
            if !clocks.contains_key(a) {
                clocks.insert(a.clone(), Clock::for_agency(db, a).await?);
            }
        }
    }
    Ok(Raw {
        dossiers,
        events,
        ratings: rating::Entity::find().all(db).await?,
        payments: payment::Entity::find().all(db).await?,
        results: dossier_result::Entity::find().all(db).await?,
        clocks,
    })
}

fn utc(t: &sea_orm::prelude::DateTimeWithTimeZone) -> DateTime<Utc> {
    t.with_timezone(&Utc)
}

/// The due date an event set, if it set one (acceptance, supply, apology letter).
fn due_in(data: &serde_json::Value) -> Option<DateTime<Utc>> {
    data.get("due_at")
        .and_then(|v| serde_json::from_value::<DateTime<Utc>>(v.clone()).ok())
}

fn is_open(status: &str) -> bool {
    Status::from_code(status).is_some_and(|s| OPEN.contains(&s))
}

/// The figures of `scope` over `[first, last]` recounted from the raw rows, stocks at the end
/// of `first - 1` and of `last`.
fn brute(raw: &Raw, scope: &Scope, first: NaiveDate, last: NaiveDate) -> Figures {
    let in_agency = |a: &str| scope.agencies.is_empty() || scope.agencies.iter().any(|s| s == a);
    let in_procedure = |p: Option<&str>| match p {
        None => scope.procedures.is_empty(),
        Some(p) => scope.procedures.is_empty() || scope.procedures.iter().any(|s| s == p),
    };
    let in_period = |at: DateTime<Utc>| (first..=last).contains(&vietnam_date(at));
    let mut f = Figures::default();
    for (id, d) in &raw.dossiers {
        let Some(agency) = d.receiving_agency_code.as_deref() else {
            continue;
        };
        if !in_agency(agency) || !in_procedure(Some(&d.procedure_code)) {
            continue;
        }
        let events = raw.events.get(id).map(Vec::as_slice).unwrap_or(&[]);
        // Walk the events in order, keeping the status, the due date in force and whether an
        // apology letter was written.
        let mut status: Option<String> = None;
        let mut due: Option<DateTime<Utc>> = None;
        let mut apologised = false;
        let mut accepted: Option<DateTime<Utc>> = None;
        for e in events {
            let at = utc(&e.at);
            let data = e.data.clone().unwrap_or_default();
            let before = status.clone();
            if e.kind == "submitted" && in_period(at) {
                match data.get("channel").and_then(|c| c.as_str()) {
                    Some("desk") => f.received_counter += 1,
                    Some("post") => f.received_post += 1,
                    _ => f.received_online += 1,
                }
                f.digitised +=
                    i64::from(data.get("files").and_then(|n| n.as_i64()).unwrap_or(0) > 0);
            }
            if e.kind == "accept" {
                accepted = Some(at);
            }
            if let Some(to) = &e.to_status {
                let was_open = before.as_deref().is_some_and(is_open);
                if was_open && !is_open(to) && in_period(at) {
                    match to.as_str() {
                        "processed" => {
                            if !apologised && due.is_none_or(|due| at <= due) {
                                f.resolved_on_time += 1;
                            } else {
                                f.resolved_late += 1;
                            }
                            let signed = raw
                                .results
                                .iter()
                                .any(|r| &r.dossier_id == id && r.signed_sha256.is_some());
                            f.e_results += i64::from(signed);
                            let paid: Vec<&payment::Model> = raw
                                .payments
                                .iter()
                                .filter(|p| &p.dossier_id == id && p.status == "paid")
                                .filter(|p| p.paid_at.is_some_and(|t| utc(&t) <= at))
                                .collect();
                            f.with_fee +=
                                i64::from(d.fee_due_vnd.unwrap_or(0) > 0 || !paid.is_empty());
                            f.paid_online += i64::from(
                                paid.iter()
                                    .any(|p| ONLINE_GATEWAYS.contains(&p.gateway.as_str())),
                            );
                            if let (Some(acc), Some(clock)) = (accepted, raw.clocks.get(agency)) {
                                f.work_minutes += clock.left(acc, at).max(0);
                            }
                        }
                        "refused" => f.refused += 1,
                        "stopped" => f.stopped += 1,
                        "withdrawn" => f.withdrawn += 1,
                        _ => {}
                    }
                }
                if to == "supplement_requested"
                    && before.as_deref() != Some("supplement_requested")
                    && in_period(at)
                {
                    f.supplement_requests += 1;
                }
                status = Some(to.clone());
            }
            due = due_in(&data).or(due);
            if e.kind == "apologise" {
                apologised = true;
            }
        }
        // Stocks: replay up to the end of a day.
        let stock = |day: NaiveDate| -> (bool, bool) {
            let mut status: Option<String> = None;
            let mut due: Option<DateTime<Utc>> = None;
            for e in events.iter().filter(|e| vietnam_date(utc(&e.at)) <= day) {
                if let Some(to) = &e.to_status {
                    status = Some(to.clone());
                }
                let data = e.data.clone().unwrap_or_default();
                due = due_in(&data).or(due);
            }
            let open = status.as_deref().is_some_and(is_open);
            let running = status.as_deref() != Some("supplement_requested");
            let overdue = open && running && due.is_some_and(|d| vietnam_date(d) < day);
            (open, overdue)
        };
        if let Some(day) = first.pred_opt() {
            f.carried_over += i64::from(stock(day).0);
        }
        let (open, overdue) = stock(last);
        f.pending_in_time += i64::from(open && !overdue);
        f.pending_overdue += i64::from(overdue);
    }
    for r in &raw.ratings {
        let procedure = r
            .dossier_id
            .as_ref()
            .and_then(|id| raw.dossiers.get(id))
            .map(|d| d.procedure_code.as_str());
        if !in_agency(&r.agency_code) || !in_procedure(procedure) || !in_period(utc(&r.created_at))
        {
            continue;
        }
        match r.level.as_str() {
            "very_satisfied" => f.very_satisfied += 1,
            "satisfied" => f.satisfied += 1,
            _ => f.not_satisfied += 1,
        }
    }
    f
}

#[tokio::test]
async fn every_published_figure_equals_a_recount_of_the_raw_events() -> TestResult {
    let start = Utc
        .with_ymd_and_hms(2026, 9, 28, 1, 30, 0)
        .single()
        .ok_or("time")?;
    let db = seeded_database(vietnam_date(start)).await?;
    let people = People {
        clerk: staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?,
        specialist: staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?,
        leader: staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?,
        commune: staff(&db, "Trịnh Thị Mai", COMMUNE, &[Role::Specialist]).await?,
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for n in 0..48u32 {
        let filed = start
            + Duration::days(rng.below(75) as i64)
            + Duration::minutes(rng.below(8 * 60) as i64);
        history(&db, &people, &mut rng, 100 + n, filed).await?;
    }
    // Ratings at a counter of the desk, on two days.
    let admin = staff(&db, "Lê Thị Hoa", DESK, &[Role::AgencyAdmin]).await?;
    let (counter, secret) = counters::create(services(&db, start), &admin, "Quầy 1").await?;
    for (i, level) in ["very_satisfied", "not_satisfied", "satisfied", "satisfied"]
        .iter()
        .enumerate()
    {
        let at = start + Duration::days(20 + 15 * (i as i64 % 2));
        counters::rate(services(&db, at), &counter.id, &secret, level).await?;
    }

    let raw = raw(&db).await?;
    let kinds: std::collections::BTreeSet<&str> = raw
        .events
        .values()
        .flatten()
        .map(|e| e.kind.as_str())
        .collect();
    for needed in [
        "transfer",
        "transfer_back",
        "request_supplement",
        "supply",
        "withdraw",
        "apologise",
        "approve",
        "return",
        "refuse",
    ] {
        assert!(
            kinds.contains(needed),
            "the histories include a {needed}: {kinds:?}"
        );
    }

    let today = vietnam_date(start) + Duration::days(400);
    let scopes = [
        figures::scope(&db, None, None, None).await?,
        figures::scope(&db, Some(ROOT), None, None).await?,
        figures::scope(&db, Some(DESK), None, None).await?,
        figures::scope(&db, Some(COMMUNE), None, None).await?,
        figures::scope(&db, None, None, Some(PROCEDURE)).await?,
        figures::scope(&db, Some(DESK), Some(&field_of(&db).await?), None).await?,
    ];
    let periods = [
        "2026-09",
        "2026-10",
        "2026-11",
        "2026-12",
        "2027-01",
        "2026-Q4",
        "2026",
        "2026-10-13..2026-11-19",
        "2026-11-04..2026-11-20",
        "2026-09-30..2027-02-10",
    ];
    let mut checked = 0;
    let mut nonzero = 0;
    for scope in &scopes {
        for code in periods {
            let period = Period::parse(code).ok_or("period")?;
            let published = figures::figures(&db, scope, &period, today).await?;
            let counted = brute(&raw, scope, period.first(), period.last());
            assert_eq!(published, counted, "{code} for {scope:?}");
            checked += 1;
            nonzero += i64::from(counted != Figures::default());
        }
    }
    assert!(
        nonzero > checked / 2,
        "most checks have figures: {nonzero} of {checked}"
    );
    // The whole range has every kind of figure.
    let whole = Period::parse("2026-09-01..2027-08-31").ok_or("span")?;
    let all = figures::figures(&db, &scopes[0], &whole, today).await?;
    for (name, n) in [
        ("online", all.received_online),
        ("counter", all.received_counter),
        ("post", all.received_post),
        ("on time", all.resolved_on_time),
        ("late", all.resolved_late),
        ("refused", all.refused),
        ("withdrawn", all.withdrawn),
        ("supplement", all.supplement_requests),
        ("work", all.work_minutes),
        ("digitised", all.digitised),
        ("paid online", all.paid_online),
        ("ratings", all.ratings()),
    ] {
        assert!(n > 0, "{name}: {all:?}");
    }
    // A stock mid-way: some dossiers are still open and some are overdue at some month's end.
    let mut overdue_seen = false;
    for code in ["2026-10", "2026-11", "2026-12"] {
        let f = figures::figures(&db, &scopes[0], &Period::parse(code).ok_or("p")?, today).await?;
        overdue_seen |= f.pending_overdue > 0;
    }
    assert!(
        overdue_seen,
        "an overdue dossier is counted at some month's end"
    );
    // A recount from the events gives the same rollups, row for row.
    let live = rollup_rows(&db).await?;
    let replayed = domain::statistics::rebuild::rebuild(&db).await?;
    assert_eq!(
        replayed,
        raw.dossiers
            .values()
            .filter(|d| d.status != "draft")
            .count() as u64
    );
    assert_eq!(
        rollup_rows(&db).await?,
        live,
        "the recount equals the live rollups"
    );
    // By agency: the desk's own figures are the scope of the desk alone.
    let by = figures::by_agency(&db, &scopes[0], &Period::parse("2026").ok_or("y")?, today).await?;
    assert_eq!(
        by.get(DESK).copied().unwrap_or_default(),
        figures::figures(&db, &scopes[2], &Period::parse("2026").ok_or("y")?, today).await?
    );
    Ok(())
}

async fn field_of(db: &DatabaseConnection) -> Res<String> {
    Ok(
        domain::entities::procedure::Entity::find_by_id(PROCEDURE.to_owned())
            .one(db)
            .await?
            .ok_or("procedure")?
            .field_code,
    )
}

/// Every rollup row with a non-zero figure, in key order.
async fn rollup_rows(
    db: &DatabaseConnection,
) -> Res<Vec<(String, String, String, String, String, i64)>> {
    let mut rows: Vec<_> = domain::entities::stat_rollup::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|r| r.n != 0)
        .map(|r| {
            (
                r.agency_code,
                r.procedure_code,
                r.grain,
                r.period,
                r.metric,
                r.n,
            )
        })
        .collect();
    rows.sort();
    Ok(rows)
}
