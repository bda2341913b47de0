//! Every public change reaches the applicant by the channels they chose (issue 23, point 5),
//! against a real database (SQLite, or PostgreSQL when `PORTAL_TEST_DATABASE_URL` is set).
//!
//! For each choice — e-mail only, SMS only (to the verified mobile number), both, neither — two
//! dossiers go through every change the rules say is told: a supplement request, the
//! acceptance, an extra fee, an apology letter, the start of processing, the result and its
//! return; then a refusal, the refund order it opens and the refund paid. Each change is one
//! message on each chosen channel and none on the others; with no channel at all the desk sees
//! a `notice_not_sent` event for each instead (never silent).

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::accounts::{Mailing, Notice, Notices};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::entities::{account, dossier_event, outbox_message, payment};
use domain::payments::payouts::{PayoutAnswer, PayoutRequest, PayoutResult, Payouts};
use domain::payments::refund_orders;
use domain::services::Services;
use domain::testing::{self, seeded_database, services, staff};
use futures::future::BoxFuture;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The desk that receives TN.ATTP.001, and the department that processes it.
const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";
const SECRET: &str = "payout-secret";

/// Subjects that name the change: "{what} {code}".
struct Words;
impl Notices for Words {
    fn render(&self, notice: &Notice<'_>) -> (String, String) {
        match notice {
            Notice::DossierChanged {
                code, transition, ..
            } => (format!("{transition} {code}"), String::new()),
            _ => ("other".into(), String::new()),
        }
    }
}

fn mailing() -> Mailing<'static> {
    Mailing {
        base_url: "https://dvc.example",
        notices: &Words,
    }
}

fn with_words(db: &DatabaseConnection, now: DateTime<Utc>) -> Services<'_> {
    Services {
        mailing: mailing(),
        ..services(db, now)
    }
}

/// A bank that takes every payout order.
struct TakingBank;
impl Payouts for TakingBank {
    fn send(&self, _: &PayoutRequest) -> BoxFuture<'_, Result<PayoutAnswer, String>> {
        Box::pin(async {
            Ok(PayoutAnswer {
                code: "00".into(),
                bank_ref: Some("CH1".into()),
                message: String::new(),
            })
        })
    }
}

/// Monday 23 November 2026, 09:00 in Vietnam.
fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The applicant's choice on their profile.
#[derive(Clone, Copy, Debug)]
struct Choice {
    email: bool,
    sms: bool,
}

/// Sets the owner's channels after filing; their mobile number is verified.
async fn choose(db: &DatabaseConnection, owner: &Actor, choice: Choice) -> TestResult {
    let id = owner.account_id().ok_or("owner")?.to_owned();
    let row = account::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or("acct")?;
    let mut a: account::ActiveModel = row.into();
    a.notify_email = Set(choice.email);
    a.notify_sms = Set(choice.sms);
    a.phone_verified_at = Set(Some(Utc::now()));
    a.update(db).await?;
    Ok(())
}

/// What the applicant of `id` was told of on `channel`, in order (the submission's own
/// confirmation left out).
async fn told(
    db: &DatabaseConnection,
    id: &str,
    channel: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(id))
        .filter(outbox_message::Column::Channel.eq(channel))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|m| m.subject.split_once(' ').map(|(what, _)| what.to_owned()))
        .collect())
}

/// The changes no channel could carry, as the desk sees them.
async fn not_sent(
    db: &DatabaseConnection,
    id: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(id))
        .filter(dossier_event::Column::Kind.eq("notice_not_sent"))
        .order_by_asc(dossier_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|e| e.internal_note)
        .collect())
}

/// Takes `t` on `id` as `who` at `at`, with `command`.
async fn act(
    db: &DatabaseConnection,
    who: &Actor,
    id: &str,
    t: Transition,
    command: Command,
    at: DateTime<Utc>,
) -> TestResult {
    processing::act(with_words(db, at), who, id, t, &command).await?;
    Ok(())
}

/// A dossier from filing to its returned result, with every change the applicant is told of.
async fn to_the_result(
    db: &DatabaseConnection,
    n: u32,
    choice: Choice,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let t0 = monday_nine();
    let (owner, id) = testing::filed(db, n, t0).await?;
    choose(db, &owner, choice).await?;
    let clerk = staff(db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?;
    let leader = staff(db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?;
    let asked = Command {
        public_note: "Bổ sung bản sao giấy chứng nhận đăng ký kinh doanh".into(),
        missing: vec!["Giấy chứng nhận đăng ký kinh doanh".into()],
        ..Command::default()
    };
    act(db, &clerk, &id, Transition::RequestSupplement, asked, t0).await?;
    let t1 = t0 + Duration::days(1);
    act(db, &owner, &id, Transition::Supply, Command::default(), t1).await?;
    act(db, &clerk, &id, Transition::Accept, Command::default(), t1).await?;
    domain::payments::fees::add_extra(
        with_words(db, t1),
        &clerk,
        &id,
        50_000,
        "Cấp thêm 5 bản sao",
    )
    .await?;
    // Late: the letter first, then the processing starts.
    let due = domain::dossiers::drafts::load_for_tests(db, &id)
        .await?
        .dossier
        .due_at
        .ok_or("due")?
        .with_timezone(&Utc);
    let late = due + Duration::hours(1);
    let letter = Command {
        public_note: "Cần xác minh thêm với cơ quan khác".into(),
        new_due_date: Some(NaiveDate::from_ymd_opt(2027, 1, 5).ok_or("date")?),
        ..Command::default()
    };
    act(db, &specialist, &id, Transition::Apologise, letter, late).await?;
    act(
        db,
        &specialist,
        &id,
        Transition::Assign,
        Command::default(),
        late,
    )
    .await?;
    act(
        db,
        &specialist,
        &id,
        Transition::Forward,
        Command::default(),
        late,
    )
    .await?;
    act(
        db,
        &leader,
        &id,
        Transition::Approve,
        Command::default(),
        late,
    )
    .await?;
    act(
        db,
        &clerk,
        &id,
        Transition::Return,
        Command::default(),
        late,
    )
    .await?;
    Ok(id)
}

/// A dossier paid by transfer and refused: the refund order, then the refund paid.
async fn refunded(
    db: &DatabaseConnection,
    n: u32,
    choice: Choice,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let now = monday_nine();
    let (owner, id) = testing::filed(db, n, now).await?;
    choose(db, &owner, choice).await?;
    let fee = domain::dossiers::drafts::load_for_tests(db, &id)
        .await?
        .dossier
        .fee_due_vnd
        .ok_or("fee")?;
    let paid = domain::payments::new_row(&id, "vietqr", format!("DVCNT{n}"), fee, "paid", now);
    payment::Entity::insert(payment::ActiveModel::from(paid))
        .exec_without_returning(db)
        .await?;
    let clerk = staff(db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let refusal = Command {
        public_note: "Cơ sở chưa đủ điều kiện".into(),
        ..Command::default()
    };
    act(db, &clerk, &id, Transition::Refuse, refusal, now).await?;
    let account = refund_orders::check_account("970436", "0071000123456", "Nguyễn Thị Hồng Nhung")
        .map_err(|e| format!("{e:?}"))?;
    refund_orders::give_account(with_words(db, now), &owner, &id, &account).await?;
    refund_orders::send_due(db, &TakingBank, mailing(), now).await?;
    let order = &refund_orders::of_dossier(db, &id).await?[0];
    let body = serde_json::to_vec(&PayoutResult {
        reference: order.reference.clone(),
        bank_ref: "CH1".into(),
        status: "completed".into(),
        message: String::new(),
        at: now,
    })?;
    let signature = domain::payments::vietqr::sign(SECRET, &body);
    refund_orders::on_result(db, SECRET, &body, &signature, mailing(), now).await?;
    Ok(id)
}

#[tokio::test]
async fn every_public_change_reaches_the_applicant_by_each_channel_they_chose() -> TestResult {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let journey = [
        "request_supplement",
        "accept",
        "fee_added",
        "apologise",
        "processing_started",
        "approve",
        "return",
    ];
    let refund = ["refuse", "refund_order_opened", "refund_completed"];
    let choices = [
        (
            Choice {
                email: true,
                sms: false,
            },
            "e-mail only",
        ),
        (
            Choice {
                email: false,
                sms: true,
            },
            "SMS only",
        ),
        (
            Choice {
                email: true,
                sms: true,
            },
            "both",
        ),
        (
            Choice {
                email: false,
                sms: false,
            },
            "neither",
        ),
    ];
    for (i, (choice, label)) in choices.into_iter().enumerate() {
        let n = 60 + 2 * u32::try_from(i)?;
        for (id, expected) in [
            (to_the_result(&db, n, choice).await?, &journey[..]),
            (refunded(&db, n + 1, choice).await?, &refund[..]),
        ] {
            let want = |on: bool| if on { expected.to_vec() } else { Vec::new() };
            assert_eq!(
                told(&db, &id, "email").await?,
                want(choice.email),
                "{label}: e-mail"
            );
            assert_eq!(
                told(&db, &id, "sms").await?,
                want(choice.sms),
                "{label}: SMS"
            );
            let silent = !choice.email && !choice.sms;
            let missed = not_sent(&db, &id).await?;
            if silent {
                assert_eq!(
                    missed, expected,
                    "{label}: the desk sees each notice missed"
                );
            } else {
                assert!(missed.is_empty(), "{label}: {missed:?}");
            }
        }
    }
    Ok(())
}
