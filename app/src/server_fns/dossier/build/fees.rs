//! The fee quote in words.

use crate::dto::dossier::FeeQuoteView;
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
        .map(|l| {
            let what = if l.quantity > 1 {
                t.tf(
                    Key::QuoteCopies,
                    &[
                        ("item", &l.item),
                        ("unit", &money(l.unit_vnd)),
                        ("n", &l.quantity),
                    ],
                )
            } else {
                l.item.clone()
            };
            (what, money(l.amount_vnd))
        })
        .collect();
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
