//! The fee quote in words.

use crate::dto::dossier::{FeeQuoteView, RefundView};
use crate::format::fee_text;
use crate::i18n::{Key, Locale};

/// The quote in words. `due_vnd` is what is owed online (after filing it includes staff's
/// extra fees, shown as their own line).
pub(super) fn quote_view(
    t: Locale,
    q: &domain::payments::quote::FeeQuote,
    due_vnd: i64,
) -> FeeQuoteView {
    let money = |v: i64| fee_text(t, v);
    let mut lines: Vec<(String, String)> = q
        .lines
        .iter()
        .map(|l| (line_text(t, l), money(l.amount_vnd)))
        .collect();
    if let Some(r) = &q.reduction {
        let who = domain::payments::fee_rules::category(&r.category)
            .map(|c| {
                if t.code() == "en" {
                    c.label.1
                } else {
                    c.label.0
                }
            })
            .unwrap_or(r.category.as_str());
        lines.push((
            t.tf(
                Key::QuoteReduction,
                &[("who", &who), ("percent", &r.percent)],
            ),
            format!("−{}", money(r.amount_vnd)),
        ));
    }
    if q.postal_with_fee {
        if let Some(postal) = q.postal_vnd {
            lines.push((t.t(Key::QuotePostalWithFee).to_owned(), money(postal)));
        }
    }
    let extra = due_vnd - q.total_vnd;
    if extra > 0 {
        lines.push((t.t(Key::QuoteExtra).to_owned(), money(extra)));
    }
    FeeQuoteView {
        lines,
        total: money(due_vnd),
        on_delivery: (q.postal_on_delivery_vnd() > 0).then(|| {
            t.tf(
                Key::QuotePostalOnDelivery,
                &[("amount", &money(q.postal_on_delivery_vnd()))],
            )
        }),
    }
}

/// A fee line in words: the item, and for a per-unit fee the unit price times the quantity
/// (or the quantity alone when graduated prices or a ceiling make the product differ).
fn line_text(t: Locale, l: &domain::payments::quote::QuoteLine) -> String {
    let Some(per) = l.per.as_deref().map(|p| crate::format::unit_word(t, p)) else {
        return l.item.clone();
    };
    if l.unit_vnd * l.quantity == l.amount_vnd {
        t.tf(
            Key::QuoteUnits,
            &[
                ("item", &l.item),
                ("unit", &fee_text(t, l.unit_vnd)),
                ("n", &l.quantity),
                ("per", &per),
            ],
        )
    } else {
        t.tf(
            Key::QuoteUnitsGraduated,
            &[("item", &l.item), ("n", &l.quantity), ("per", &per)],
        )
    }
}

/// The refund orders of dossier `id` as the applicant follows them.
pub(super) async fn refund_views(
    t: Locale,
    db: &domain::db::DatabaseConnection,
    id: &str,
) -> Result<Vec<RefundView>, domain::DomainError> {
    use domain::payments::refund_orders;
    let orders = refund_orders::of_dossier(db, id).await?;
    Ok(orders
        .into_iter()
        .map(|o| RefundView {
            amount: fee_text(t, o.amount_vnd),
            state: crate::format::refund_state(t, &o.status).to_owned(),
            problem: refund_orders::problem_of(&o),
            account: refund_orders::account_of(&o),
            completed_at: o
                .completed_at
                .map(|at| domain::dossiers::deadlines::local_text(at.with_timezone(&chrono::Utc))),
            confirmed_at: o
                .confirmed_at
                .map(|at| domain::dossiers::deadlines::local_text(at.with_timezone(&chrono::Utc))),
            status: o.status,
        })
        .collect())
}
