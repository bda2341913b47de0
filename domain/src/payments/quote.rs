//! The one fee quote of a dossier: which fee item applies, how many copies, the postal fee and
//! whether it is paid with the fee. The delivery step, check-answers, the receipt, the payment
//! panel and submission itself all read this quote, so the amount shown before submitting is
//! the amount charged (issue 27).

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde_json::Value;

use super::fee_rules;
use crate::dossiers::Loaded;
use crate::error::DomainResult;

/// One charged line: a fee item times its quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteLine {
    /// What is charged (the catalogue's wording).
    pub item: String,
    /// Amount of one unit (the first tier's, for graduated prices), in đồng.
    pub unit_vnd: i64,
    /// The unit (`copy`, `page`, `item`), `None` for a fixed amount.
    pub per: Option<String>,
    /// Units: copies, pages or list entries for a per-unit fee, else 1.
    pub quantity: i64,
    /// What the rule gives for that quantity (tiers and ceiling applied).
    pub amount_vnd: i64,
}

/// An exemption or reduction applied to the fee lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteReduction {
    /// The category's code (`fee_rules::CATEGORIES`).
    pub category: String,
    /// Share waived.
    pub percent: u8,
    /// Amount waived, in đồng.
    pub amount_vnd: i64,
}

/// What a dossier costs and how it is paid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeeQuote {
    /// The fee lines (empty for a free procedure).
    pub lines: Vec<QuoteLine>,
    /// The exemption claimed, if any.
    pub reduction: Option<QuoteReduction>,
    /// The postal fee when the result comes by post and a tariff covers the address.
    pub postal_vnd: Option<i64>,
    /// The postal fee is paid online with the fee (otherwise the postman collects it).
    pub postal_with_fee: bool,
    /// What is due online: the fee lines less the reduction, plus a postal fee paid with them.
    pub total_vnd: i64,
}

impl FeeQuote {
    /// The fee alone (reduction applied), without postage.
    pub fn fee_vnd(&self) -> i64 {
        let lines: i64 = self.lines.iter().map(|l| l.amount_vnd).sum();
        lines - self.reduction.as_ref().map_or(0, |r| r.amount_vnd)
    }

    /// The part of the postal fee the postman collects on delivery.
    pub fn postal_on_delivery_vnd(&self) -> i64 {
        if self.postal_with_fee {
            0
        } else {
            self.postal_vnd.unwrap_or(0)
        }
    }

    /// The quote of `loaded`'s fee with `postal_vnd` as postage.
    fn build(loaded: &Loaded, postal_vnd: Option<i64>) -> FeeQuote {
        let delivery = loaded.delivery();
        let lines = lines(loaded);
        let reduction = reduction(loaded, &lines);
        let mut quote = FeeQuote {
            lines,
            reduction,
            postal_vnd,
            postal_with_fee: delivery.postal_with_fee(postal_vnd) > 0,
            total_vnd: 0,
        };
        quote.total_vnd = quote.fee_vnd() + delivery.postal_with_fee(postal_vnd);
        quote
    }
}

/// The quote of dossier `loaded` as its answers stand on `day` (a draft's, or the one frozen
/// at submission when recomputed from the same answers). `agency` is the receiving agency
/// (the postal zone starts there); without it no postal fee is known yet.
pub async fn of<C: ConnectionTrait>(
    db: &C,
    loaded: &Loaded,
    agency: Option<&str>,
    day: NaiveDate,
) -> DomainResult<FeeQuote> {
    let delivery = loaded.delivery();
    let postal_vnd = match agency {
        Some(agency) => crate::postal::tariff::fee_for(db, &delivery, agency, day).await?,
        None => None,
    };
    Ok(FeeQuote::build(loaded, postal_vnd))
}

/// The fee item the answers choose (the form's `fee_item_field`, else the first), for the
/// quantity its rule counts (`fee_rules`).
pub fn lines(loaded: &Loaded) -> Vec<QuoteLine> {
    let fees = &loaded.details.fees;
    let answers = &loaded.dossier.answers;
    let chosen = loaded
        .form
        .fee_item_field
        .as_ref()
        .and_then(|key| answers.get(key))
        .and_then(Value::as_str)
        .and_then(|v| v.parse::<usize>().ok());
    let Some(item) = chosen.and_then(|i| fees.get(i)).or_else(|| fees.first()) else {
        return Vec::new();
    };
    let quantity = fee_rules::quantity(item, &loaded.form, answers);
    vec![QuoteLine {
        item: item.item.clone(),
        unit_vnd: item.amount_vnd,
        per: item.per.clone(),
        quantity,
        amount_vnd: fee_rules::amount(item, quantity),
    }]
}

/// The exemption the applicant claims on `lines`, if the procedure grants it.
fn reduction(loaded: &Loaded, lines: &[QuoteLine]) -> Option<QuoteReduction> {
    let claimed = fee_rules::claimed(&loaded.details, &loaded.dossier.answers)?;
    let fee: i64 = lines.iter().map(|l| l.amount_vnd).sum();
    Some(QuoteReduction {
        category: claimed.category.clone(),
        percent: claimed.percent,
        amount_vnd: fee_rules::reduction(fee, claimed.percent),
    })
    .filter(|r| r.amount_vnd > 0)
}

/// What the dossier owes online: the amount frozen at submission (staff's extra fees added
/// since included) or, for a draft, its quote's total.
pub async fn due_vnd<C: ConnectionTrait>(
    db: &C,
    loaded: &Loaded,
    day: NaiveDate,
) -> DomainResult<i64> {
    match loaded.dossier.fee_due_vnd {
        Some(due) => Ok(due),
        None => Ok(shown(db, loaded, day).await?.total_vnd),
    }
}

/// The quote of a dossier as shown: a draft's as its answers stand (postage from today's
/// tariff); a filed one's from the answers and procedure version frozen at submission, with
/// the postal fee then charged (no tariff lookup).
pub async fn shown<C: ConnectionTrait>(
    db: &C,
    loaded: &Loaded,
    day: NaiveDate,
) -> DomainResult<FeeQuote> {
    if loaded.dossier.code.is_none() {
        let agency = loaded.receiving_agency();
        return of(db, loaded, agency.as_deref(), day).await;
    }
    Ok(FeeQuote::build(loaded, loaded.dossier.postal_fee_vnd))
}
