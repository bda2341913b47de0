//! Refund orders on a real database, against a bank that answers as scripted: a VietQR payment
//! of a refused dossier becomes an order, waits for the applicant's account, is refused by the
//! receiving bank (the applicant corrects the account), meets the bank down (sent again after
//! a back-off), is accepted, and is done when the bank's signed result arrives (a forged or
//! replayed result changes nothing). Each step is a public event, audited, and told.

use std::sync::Mutex;

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::access::Role;
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::entities::{dossier_event, outbox_message, payment, refund_order};
use domain::payments::payouts::{PayoutAnswer, PayoutRequest, PayoutResult, Payouts};
use domain::payments::refund_orders::{self, ResultAnswer};
use domain::payments::vietqr;
use domain::testing::{self, seeded_database, services};
use domain::DomainError;
use futures::future::BoxFuture;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const SECRET: &str = "bank-secret";

/// A bank answering each send with the next scripted answer, keeping what it was sent.
#[derive(Default)]
struct ScriptedBank {
    answers: Mutex<Vec<Result<PayoutAnswer, String>>>,
    sent: Mutex<Vec<PayoutRequest>>,
}

impl ScriptedBank {
    fn will(&self, code: &str) {
        let answer = if code == "timeout" {
            Err("timed out".to_owned())
        } else {
            Ok(PayoutAnswer {
                code: code.to_owned(),
                bank_ref: (code == "00").then(|| "BANK-1".to_owned()),
                message: format!("answer {code}"),
            })
        };
        if let Ok(mut a) = self.answers.lock() {
            a.push(answer);
        }
    }
}

impl Payouts for ScriptedBank {
    fn send(&self, request: &PayoutRequest) -> BoxFuture<'_, Result<PayoutAnswer, String>> {
        if let Ok(mut s) = self.sent.lock() {
            s.push(request.clone());
        }
        let next = self
            .answers
            .lock()
            .ok()
            .and_then(|mut a| (!a.is_empty()).then(|| a.remove(0)))
            .unwrap_or_else(|| Err("nothing scripted".to_owned()));
        Box::pin(async move { next })
    }
}

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0)
        .single()
        .unwrap_or_default()
}

async fn order_of(
    db: &sea_orm::DatabaseConnection,
    id: &str,
) -> Result<refund_order::Model, Box<dyn std::error::Error + Send + Sync>> {
    let orders = refund_orders::of_dossier(db, id).await?;
    match &orders[..] {
        [one] => Ok(one.clone()),
        other => Err(format!("{} orders", other.len()).into()),
    }
}

async fn kinds(
    db: &sea_orm::DatabaseConnection,
    id: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.kind)
        .collect())
}

#[tokio::test]
async fn a_transfer_for_a_refused_dossier_is_paid_back_to_the_account_the_applicant_gives(
) -> TestResult {
    let now = monday_nine();
    let db = seeded_database(now.date_naive()).await?;
    let (owner, id) = testing::filed(&db, 51, now).await?;
    // The fee was paid by VietQR transfer.
    let row = domain::dossiers::drafts::load_for_tests(&db, &id)
        .await?
        .dossier;
    let fee = row.fee_due_vnd.ok_or("no fee")?;
    let transfer = domain::payments::new_row(&id, "vietqr", "DVCTEST1".into(), fee, "paid", now);
    payment::Entity::insert(payment::ActiveModel::from(transfer))
        .exec_without_returning(&db)
        .await?;

    // The desk refuses the dossier: an order for the whole fee waits for an account.
    let desk = testing::staff(&db, "Phạm Văn Dũng", "000.00.02.H53", &[Role::IntakeClerk]).await?;
    let refusal = Command {
        public_note: "Cơ sở chưa đủ điều kiện".into(),
        ..Command::default()
    };
    processing::act(services(&db, now), &desk, &id, Transition::Refuse, &refusal).await?;
    let order = order_of(&db, &id).await?;
    assert_eq!(
        (
            order.amount_vnd,
            order.status.as_str(),
            order.reason.as_str()
        ),
        (fee, refund_orders::AWAITING_ACCOUNT, "ended")
    );
    assert!(kinds(&db, &id)
        .await?
        .contains(&"refund_order_opened".to_owned()));
    let told = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(&id))
        .count(&db)
        .await?;

    // Nothing is sent without an account; only the owner gives one.
    let bank = ScriptedBank::default();
    assert_eq!(
        refund_orders::send_due(&db, &bank, testing::mailing(), now).await?,
        0
    );
    let account = refund_orders::check_account("970436", "0071000123456", "Nguyễn Thị Hồng Nhung")
        .map_err(|e| format!("{e:?}"))?;
    let stranger = testing::citizen(&db, 52).await?;
    let refused = refund_orders::give_account(services(&db, now), &stranger, &id, &account).await;
    assert!(
        matches!(
            refused,
            Err(DomainError::NotFound(_) | DomainError::Forbidden(_))
        ),
        "{refused:?}"
    );
    assert_eq!(
        refund_orders::give_account(services(&db, now), &owner, &id, &account).await?,
        1
    );

    // The receiving bank does not know the account: back to the applicant, who is told.
    bank.will("10");
    assert_eq!(
        refund_orders::send_due(&db, &bank, testing::mailing(), now).await?,
        0
    );
    let order = order_of(&db, &id).await?;
    assert_eq!(order.status, refund_orders::AWAITING_ACCOUNT);
    assert!(order
        .last_error
        .as_deref()
        .is_some_and(|e| e.starts_with("10")));
    assert!(kinds(&db, &id)
        .await?
        .contains(&"refund_account_refused".to_owned()));
    let told_after = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(&id))
        .count(&db)
        .await?;
    assert_eq!(
        told_after,
        told + 1,
        "the applicant is asked to check the account"
    );

    // Corrected; the bank is down, then times out: sent again only after the back-off.
    let corrected = refund_orders::check_account("970418", "12345678901", "NGUYEN THI HONG NHUNG")
        .map_err(|e| format!("{e:?}"))?;
    refund_orders::give_account(services(&db, now), &owner, &id, &corrected).await?;
    bank.will("96");
    assert_eq!(
        refund_orders::send_due(&db, &bank, testing::mailing(), now).await?,
        0
    );
    assert_eq!(
        refund_orders::send_due(&db, &bank, testing::mailing(), now).await?,
        0
    );
    let order = order_of(&db, &id).await?;
    assert_eq!(
        (order.status.as_str(), order.attempts),
        (refund_orders::QUEUED, 2)
    );
    bank.will("timeout");
    let later = now + Duration::minutes(5);
    assert_eq!(
        refund_orders::send_due(&db, &bank, testing::mailing(), later).await?,
        0
    );
    bank.will("00");
    let later = later + Duration::minutes(5);
    assert_eq!(
        refund_orders::send_due(&db, &bank, testing::mailing(), later).await?,
        1
    );
    let order = order_of(&db, &id).await?;
    assert_eq!(
        (order.status.as_str(), order.bank_ref.as_deref()),
        (refund_orders::SENT, Some("BANK-1"))
    );
    let sent = bank.sent.lock().map(|s| s.clone()).unwrap_or_default();
    assert_eq!(sent.len(), 4);
    assert!(sent
        .iter()
        .all(|r| r.reference == order.reference && r.amount_vnd == fee));
    assert_eq!(sent[3].account_number, "12345678901");

    // The bank's result: a forged one is refused, the signed one completes the order once.
    let result = PayoutResult {
        reference: order.reference.clone(),
        bank_ref: "BANK-1".into(),
        status: "completed".into(),
        message: String::new(),
        at: later,
    };
    let body = serde_json::to_vec(&result)?;
    assert_eq!(
        refund_orders::on_result(&db, SECRET, &body, "00", testing::mailing(), later).await?,
        ResultAnswer::BadSignature
    );
    let signature = vietqr::sign(SECRET, &body);
    for _ in 0..2 {
        assert_eq!(
            refund_orders::on_result(&db, SECRET, &body, &signature, testing::mailing(), later)
                .await?,
            ResultAnswer::Done
        );
    }
    let order = order_of(&db, &id).await?;
    assert_eq!(order.status, refund_orders::COMPLETED);
    let completed = kinds(&db, &id)
        .await?
        .into_iter()
        .filter(|k| k == "refund_completed")
        .count();
    assert_eq!(completed, 1, "a replayed result changes nothing");
    // Nothing more is owed.
    let row = domain::dossiers::drafts::load_for_tests(&db, &id)
        .await?
        .dossier;
    assert_eq!(
        refund_orders::owed(
            &row.status,
            row.fee_due_vnd,
            &domain::payments::online::of_dossier(&db, &id).await?,
            &refund_orders::of_dossier(&db, &id).await?,
        ),
        0
    );

    // The day's statement: the payout is a debit naming the order, which confirms it; a debit
    // naming no order and a second debit for the same order are flagged.
    use domain::payments::reconciliation::Issue;
    use domain::payments::refund_orders::statement;
    let csv = format!(
        "TransactionId,Time,Account,Amount,Description\n\
         CH1,2026-12-07 09:10:00,0071000123456,-{fee},\"IBFT Hoan phi le phi {r} tu Cong DVC\"\n\
         FT9,2026-12-07 09:11:00,0071000123456,50000,\"chuyen tien DVCX\"\n\
         CH2,2026-12-07 09:12:00,0071000123456,-30000,\"Hoan phi HT00000000000ABC\"\n\
         CH3,2026-12-07 09:13:00,0071000123456,-{fee},\"hoan phi le phi {lower}\"\n",
        r = order.reference,
        lower = order.reference.to_lowercase(),
    );
    let debits = statement::debits(&csv)?;
    assert_eq!(debits.len(), 3, "the credit is left out");
    let run =
        statement::reconcile(&db, later.date_naive(), &debits, testing::mailing(), later).await?;
    let lines = domain::payments::reconciliation::lines(&run);
    let issues: Vec<_> = lines
        .iter()
        .map(|l| (l.txn_ref.as_str(), l.issue))
        .collect();
    assert_eq!(
        issues,
        vec![
            (order.reference.as_str(), None),
            ("HT00000000000ABC", Some(Issue::UnknownToPortal)),
            (order.reference.as_str(), Some(Issue::Repeated)),
        ]
    );
    assert!(order_of(&db, &id).await?.confirmed_at.is_some());
    // The next day's statement debits the same order again: paid twice, flagged; and the
    // order confirmed the day before is not missing from it.
    let next_day = later + Duration::days(1);
    let again = format!(
        "TransactionId,Time,Account,Amount,Description\n\
         CH7,2026-12-08 09:10:00,0071000123456,-{fee},\"Hoan phi le phi {r}\"\n",
        r = order.reference,
    );
    let run = statement::reconcile(
        &db,
        next_day.date_naive(),
        &statement::debits(&again)?,
        testing::mailing(),
        next_day,
    )
    .await?;
    let lines = domain::payments::reconciliation::lines(&run);
    assert_eq!(
        lines
            .iter()
            .map(|l| (l.txn_ref.as_str(), l.issue))
            .collect::<Vec<_>>(),
        vec![(order.reference.as_str(), Some(Issue::Repeated))]
    );
    Ok(())
}

/// A transfer that arrives after the balance was lowered to nothing (the agency waived the
/// fee) is owed back: the bank's credit notice opens the order, and since a callback has no
/// mailing, the next housekeeping round tells the applicant — once.
#[tokio::test]
async fn an_order_a_bank_callback_opens_is_told_to_the_applicant_by_the_next_round() -> TestResult {
    use domain::payments::bank_transfer::{self, NoticeAnswer};
    use domain::payments::vietqr::{Beneficiary, CreditNotice};
    let now = monday_nine();
    let db = seeded_database(now.date_naive()).await?;
    let (owner, id) = testing::filed(&db, 53, now).await?;
    let order = bank_transfer::order(services(&db, now), &owner, &id).await?;
    domain::entities::dossier::Entity::update_many()
        .col_expr(
            domain::entities::dossier::Column::FeeDueVnd,
            sea_orm::sea_query::Expr::value(Some(0i64)),
        )
        .filter(domain::entities::dossier::Column::Id.eq(&id))
        .exec(&db)
        .await?;
    let bank = Beneficiary {
        bank_bin: "970436".into(),
        bank_name: "Vietcombank".into(),
        account: "0071000123456".into(),
        account_name: "KHO BAC NHA NUOC TAY NINH".into(),
    };
    let body = serde_json::to_vec(&CreditNotice {
        transaction_id: "FT2612070001".into(),
        account: bank.account.clone(),
        amount_vnd: order.amount_vnd,
        description: format!("chuyen tien {}", order.txn_ref),
        credited_at: now,
    })?;
    let signature = vietqr::sign(SECRET, &body);
    assert_eq!(
        bank_transfer::credit_notice(&db, SECRET, &bank, &body, &signature, now).await?,
        NoticeAnswer::Confirmed
    );
    let opened = order_of(&db, &id).await?;
    assert_eq!(
        (opened.amount_vnd, opened.status.as_str(), opened.told_at),
        (order.amount_vnd, refund_orders::AWAITING_ACCOUNT, None)
    );
    let mails = || {
        outbox_message::Entity::find()
            .filter(outbox_message::Column::DossierId.eq(&id))
            .count(&db)
    };
    let before = mails().await?;
    assert_eq!(
        refund_orders::tell_opened(&db, testing::mailing(), now).await?,
        1
    );
    assert_eq!(mails().await?, before + 1, "the applicant is told once");
    assert_eq!(
        refund_orders::tell_opened(&db, testing::mailing(), now).await?,
        0
    );
    assert_eq!(mails().await?, before + 1);
    assert!(order_of(&db, &id).await?.told_at.is_some());
    Ok(())
}
