//! What a dossier's payments add up to against its fee due: plain arithmetic on the payment rows
//! the caller has read (no queries), shared by online payment, bank transfers, extra fees,
//! postal return and the pages.

use crate::entities::payment;

/// What the payments of a dossier have paid, in đồng. Only `paid` rows count: a `duplicate` is
/// money to give back, not fee paid.
pub fn paid_total(payments: &[payment::Model]) -> i64 {
    payments
        .iter()
        .filter(|p| p.status == "paid")
        .map(|p| p.amount_vnd)
        .sum()
}

/// What is still to pay of `fee_due` (never below zero: paying more leaves nothing due, it does
/// not make the portal owe a balance).
pub fn balance(fee_due: Option<i64>, payments: &[payment::Model]) -> i64 {
    (fee_due.unwrap_or(0) - paid_total(payments)).max(0)
}

/// The dossier's fee due is paid in full (extra fees added by staff included). A dossier with
/// no fee, and nothing paid, is not "paid": there was nothing to pay.
pub fn is_paid(fee_due: Option<i64>, payments: &[payment::Model]) -> bool {
    paid_total(payments) > 0 && balance(fee_due, payments) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment(status: &str, amount_vnd: i64) -> payment::Model {
        crate::payments::new_row(
            "d",
            "vnpay",
            "R".into(),
            amount_vnd,
            status,
            chrono::Utc::now(),
        )
    }

    #[test]
    fn only_paid_payments_count() {
        let rows = [
            payment("paid", 30_000),
            payment("duplicate", 30_000),
            payment("pending", 20_000),
            payment("failed", 20_000),
            payment("refunded", 10_000),
            payment("paid", 20_000),
        ];
        assert_eq!(paid_total(&rows), 50_000);
        assert_eq!(paid_total(&[]), 0);
    }

    #[test]
    fn the_balance_is_what_is_left_and_never_negative() {
        let rows = [payment("paid", 30_000)];
        assert_eq!(balance(Some(80_000), &rows), 50_000);
        assert_eq!(balance(Some(30_000), &rows), 0);
        assert_eq!(balance(Some(10_000), &rows), 0, "overpaid: nothing due");
        assert_eq!(balance(None, &[]), 0);
        assert_eq!(balance(Some(80_000), &[]), 80_000);
    }

    #[test]
    fn paid_means_something_was_paid_and_nothing_is_left() {
        let rows = [payment("paid", 30_000)];
        assert!(is_paid(Some(30_000), &rows));
        assert!(is_paid(Some(20_000), &rows));
        assert!(!is_paid(Some(50_000), &rows), "an extra fee is still due");
        assert!(!is_paid(None, &[]), "no fee and nothing paid");
        assert!(!is_paid(Some(0), &[payment("duplicate", 5_000)]));
    }
}
