//! The one fee quote of a dossier: which fee item applies, how many copies, the postal fee and
//! whether it is paid with the fee. The delivery step, check-answers, the receipt, the payment
//! panel and submission itself all read this quote, so the amount shown before submitting is
//! the amount charged (issue 27).

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde_json::Value;

use crate::dossiers::Loaded;
use crate::error::DomainResult;

/// One charged line: a fee item times its quantity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteLine {
    /// What is charged (the catalogue's wording).
    pub item: String,
    /// Amount of one unit, in đồng.
    pub unit_vnd: i64,
    /// Units: copies for a fee charged per copy, else 1.
    pub quantity: i64,
    /// `unit_vnd × quantity`.
    pub amount_vnd: i64,
}

/// What a dossier costs and how it is paid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeeQuote {
    /// The fee lines (empty for a free procedure).
    pub lines: Vec<QuoteLine>,
    /// The postal fee when the result comes by post and a tariff covers the address.
    pub postal_vnd: Option<i64>,
    /// The postal fee is paid online with the fee (otherwise the postman collects it).
    pub postal_with_fee: bool,
    /// What is due online: the fee lines plus a postal fee paid with them.
    pub total_vnd: i64,
}

impl FeeQuote {
    /// The fee lines alone, without postage.
    pub fn fee_vnd(&self) -> i64 {
        self.lines.iter().map(|l| l.amount_vnd).sum()
    }

    /// The part of the postal fee the postman collects on delivery.
    pub fn postal_on_delivery_vnd(&self) -> i64 {
        if self.postal_with_fee {
            0
        } else {
            self.postal_vnd.unwrap_or(0)
        }
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
    let lines = lines(loaded);
    let delivery = loaded.delivery();
    let postal_vnd = match agency {
        Some(agency) => crate::postal::tariff::fee_for(db, &delivery, agency, day).await?,
        None => None,
    };
    let postal_with_fee = delivery.postal_with_fee(postal_vnd) > 0;
    let fee: i64 = lines.iter().map(|l| l.amount_vnd).sum();
    Ok(FeeQuote {
        total_vnd: fee + delivery.postal_with_fee(postal_vnd),
        lines,
        postal_vnd,
        postal_with_fee,
    })
}

/// The fee item the answers choose (the form's `fee_item_field`, else the first), times the
/// copies asked for when it is charged per copy.
pub fn lines(loaded: &Loaded) -> Vec<QuoteLine> {
    let fees = &loaded.details.fees;
    let chosen = loaded
        .form
        .fee_item_field
        .as_ref()
        .and_then(|key| loaded.dossier.answers.get(key))
        .and_then(Value::as_str)
        .and_then(|v| v.parse::<usize>().ok());
    let Some(item) = chosen.and_then(|i| fees.get(i)).or_else(|| fees.first()) else {
        return Vec::new();
    };
    let quantity = if item.per.as_deref() == Some("copy") {
        copies(loaded)
    } else {
        1
    };
    vec![QuoteLine {
        item: item.item.clone(),
        unit_vnd: item.amount_vnd,
        quantity,
        amount_vnd: item.amount_vnd * quantity,
    }]
}

/// Copies asked for: the number in the form's `fee_quantity_field` (`group.field` sums it over
/// the group's entries), at least 1.
pub fn copies(loaded: &Loaded) -> i64 {
    let Some(path) = &loaded.form.fee_quantity_field else {
        return 1;
    };
    let answers = &loaded.dossier.answers;
    let number = |v: Option<&Value>| -> i64 {
        match v {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
            Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
            _ => 0,
        }
    };
    let total = match path.split_once('.') {
        Some((group, field)) => answers
            .get(group)
            .and_then(Value::as_array)
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| number(e.get(field)).max(0))
                    .sum::<i64>()
            })
            .unwrap_or(0),
        None => number(answers.get(path)),
    };
    total.clamp(1, 1_000)
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
    let lines = lines(loaded);
    let delivery = loaded.delivery();
    let postal_vnd = loaded.dossier.postal_fee_vnd;
    let fee: i64 = lines.iter().map(|l| l.amount_vnd).sum();
    Ok(FeeQuote {
        total_vnd: fee + delivery.postal_with_fee(postal_vnd),
        postal_with_fee: delivery.postal_with_fee(postal_vnd) > 0,
        lines,
        postal_vnd,
    })
}
