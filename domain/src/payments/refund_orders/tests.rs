//! What a dossier is owed, for every channel and history.

use super::*;
use crate::payments::new_row;

fn paid(gateway: &str, status: &str, amount: i64) -> payment::Model {
    new_row("d", gateway, "R".into(), amount, status, Utc::now())
}

fn order(amount: i64) -> refund_order::Model {
    let now = Utc::now().fixed_offset();
    refund_order::Model {
        id: "o".into(),
        dossier_id: "d".into(),
        reference: "HT1".into(),
        amount_vnd: amount,
        reason: "overpaid".into(),
        status: QUEUED.into(),
        bank_bin: None,
        account_number: None,
        account_name: None,
        attempts: 0,
        last_error: None,
        next_attempt_at: None,
        bank_ref: None,
        created_at: now,
        updated_at: now,
        sent_at: None,
        completed_at: None,
        confirmed_at: None,
        told_at: None,
    }
}

/// (what, dossier status, fee due, payments, orders, owed).
type Case = (
    &'static str,
    &'static str,
    Option<i64>,
    Vec<payment::Model>,
    Vec<refund_order::Model>,
    i64,
);

#[test]
fn each_channel_and_history_owes_what_is_held_beyond_what_is_kept() {
    let cases: Vec<Case> = vec![
        ("nothing paid", "refused", Some(30_000), vec![], vec![], 0),
        (
            "open and paid in full",
            "processing",
            Some(30_000),
            vec![paid("vietqr", "paid", 30_000)],
            vec![],
            0,
        ),
        (
            "VietQR, refused",
            "refused",
            Some(30_000),
            vec![paid("vietqr", "paid", 30_000)],
            vec![],
            30_000,
        ),
        (
            "cash collected, stopped",
            "stopped",
            Some(22_000),
            vec![paid("cod", "paid", 22_000)],
            vec![],
            22_000,
        ),
        (
            "VNPay, refused: the gateway's refund call",
            "refused",
            Some(30_000),
            vec![paid("vnpay", "paid", 30_000)],
            vec![],
            0,
        ),
        (
            "VNPay paid twice: the gateway's call",
            "processing",
            Some(30_000),
            vec![
                paid("vnpay", "paid", 30_000),
                paid("vnpay", "duplicate", 30_000),
            ],
            vec![],
            0,
        ),
        (
            "VietQR paid twice",
            "processing",
            Some(30_000),
            vec![
                paid("vnpay", "paid", 30_000),
                paid("vietqr", "duplicate", 30_000),
            ],
            vec![],
            30_000,
        ),
        (
            "fee lowered after paying",
            "processing",
            Some(3_000),
            vec![paid("vnpay", "paid", 4_500)],
            vec![],
            1_500,
        ),
        (
            "paid above a lowered balance",
            "processing",
            Some(20_000),
            vec![
                paid("vietqr", "paid", 10_000),
                paid("vietqr", "paid", 15_000),
            ],
            vec![],
            5_000,
        ),
        (
            "lowered, then refused: the rest by order too",
            "refused",
            Some(3_000),
            vec![paid("vnpay", "paid", 4_500)],
            vec![order(1_500)],
            3_000,
        ),
        (
            "already ordered",
            "refused",
            Some(30_000),
            vec![paid("vietqr", "paid", 30_000)],
            vec![order(30_000)],
            0,
        ),
        (
            "a VNPay refund under way is not held",
            "refused",
            Some(30_000),
            vec![paid("vnpay", "refunding", 30_000)],
            vec![],
            0,
        ),
        (
            "failed and pending payments hold nothing",
            "refused",
            Some(30_000),
            vec![
                paid("vietqr", "failed", 30_000),
                paid("vietqr", "pending", 30_000),
            ],
            vec![],
            0,
        ),
    ];
    for (name, status, due, payments, orders, expected) in cases {
        assert_eq!(owed(status, due, &payments, &orders), expected, "{name}");
    }
}

#[test]
fn an_order_is_stuck_after_many_sends_or_a_day_at_the_bank() {
    let now = Utc::now();
    let mut o = order(1_000);
    assert!(!is_stuck(&o, now));
    o.attempts = STUCK_AFTER_ATTEMPTS;
    assert!(is_stuck(&o, now));
    let mut s = order(1_000);
    s.status = SENT.into();
    s.sent_at = Some((now - Duration::hours(2)).fixed_offset());
    assert!(!is_stuck(&s, now));
    s.sent_at = Some((now - Duration::hours(STUCK_AFTER_HOURS + 1)).fixed_offset());
    assert!(is_stuck(&s, now));
}

#[test]
fn an_account_is_checked_field_by_field_and_put_in_the_banks_form() {
    let ok = check_account("970436", "0071 0001 23456", "Nguyễn Thị Hồng Nhung");
    assert_eq!(
        ok.ok(),
        Some(Account {
            bank_bin: "970436".into(),
            number: "0071000123456".into(),
            name: "NGUYEN THI HONG NHUNG".into(),
        })
    );
    let fields = |r: DomainResult<Account>| match r {
        Err(DomainError::Validation(f)) => f.into_iter().map(|f| f.code).collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    assert_eq!(
        fields(check_account("123", "12a", "")),
        [
            "refund_bank_unknown",
            "refund_account_number",
            "refund_account_name"
        ]
    );
    assert_eq!(
        fields(check_account("970418", "12345", "AN")),
        ["refund_account_number"]
    );
    assert_eq!(
        fields(check_account("970418", "123456", "Anh 2")),
        ["refund_account_name"]
    );
}

#[test]
fn sends_back_off_up_to_six_hours() {
    assert_eq!(back_off(0), Duration::minutes(1));
    assert_eq!(back_off(3), Duration::minutes(8));
    assert_eq!(back_off(20), Duration::minutes(360));
}
