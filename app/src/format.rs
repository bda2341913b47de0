//! How the portal writes amounts, dates, times and durations, and the words for the codes it
//! stores (a dossier's status, a refused field's rule): one place for every page, server
//! function and document (receipts, e-mails), so that 1.500.000 đồng, 07/12/2026 and
//! "2 ngày 3 giờ" read the same everywhere. Nothing here renders a view, so server functions
//! use it as freely as pages.

use crate::i18n::{Key, Locale};

/// The word for a fee's unit (`copy`, `page`, `item`): "bản", "trang", "mục".
pub fn unit_word(t: Locale, per: &str) -> &'static str {
    match per {
        "copy" => t.t(Key::UnitCopy),
        "page" => t.t(Key::UnitPage),
        _ => t.t(Key::UnitItem),
    }
}

/// A refund order's state (`awaiting_account`, `queued`, `sent`, `completed`) in words, the
/// same for the applicant and the desk.
pub fn refund_state(t: Locale, status: &str) -> &'static str {
    t.t(match status {
        "awaiting_account" => Key::RefundAwaitingAccount,
        "queued" => Key::RefundQueued,
        "sent" => Key::RefundSent,
        _ => Key::RefundCompleted,
    })
}

/// An amount in đồng, grouped the Vietnamese way.
pub fn money(t: Locale, amount: i64) -> String {
    t.tf(Key::AmountVnd, &[("n", &t.number(amount.unsigned_abs()))])
}

/// A fee due: the amount, or "free" when nothing is due.
pub fn fee_text(t: Locale, amount: i64) -> String {
    if amount == 0 {
        t.t(Key::FeeFree).to_owned()
    } else {
        money(t, amount)
    }
}

/// A calendar date as people in Vietnam write it, `dd/MM/yyyy`: the one way dates stored or
/// typed as ISO `yyyy-MM-dd` (date inputs, answers) reach a page. Anything else is returned as is.
#[cfg(feature = "ssr")]
pub fn display_date(value: &str) -> String {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| value.to_owned())
}

/// `dd/MM/yyyy HH:mm` in Vietnam time.
#[cfg(feature = "ssr")]
pub fn vietnam_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&domain::dossiers::codes::vietnam())
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// `HH:mm dd/MM/yyyy` in Vietnam time, the deadline clock's way
/// (`domain::dossiers::deadlines::local_text`), or nothing when there is no time.
#[cfg(feature = "ssr")]
pub fn local_time(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map(domain::dossiers::deadlines::local_text)
        .unwrap_or_default()
}

/// Every byte outside RFC 3986's unreserved set (`A–Z a–z 0–9 - . _ ~`) as `%XX`: safe in a
/// query value and in an RFC 8187 `filename*` alike.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Working minutes as words: `2 ngày 3 giờ 15 phút` (8-hour working days).
pub fn time_text(t: Locale, minutes: i64) -> String {
    let m = minutes.unsigned_abs();
    let (days, hours, mins) = (m / 480, (m % 480) / 60, m % 60);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(t.tf(Key::TimeDays, &[("n", &days)]));
    }
    if hours > 0 {
        parts.push(t.tf(Key::TimeHours, &[("n", &hours)]));
    }
    if mins > 0 || parts.is_empty() {
        parts.push(t.tf(Key::TimeMinutes, &[("n", &mins)]));
    }
    let text = parts.join(" ");
    if minutes < 0 {
        t.tf(Key::TimeOverdueBy, &[("time", &text)])
    } else {
        text
    }
}

/// A dossier's status (`submitted`, `processing`…) in words, or the code itself for a status
/// the translations do not know yet.
pub fn status_label(t: Locale, status: &str) -> String {
    Key::from_name(&format!("status_{status}"))
        .map(|k| t.t(k).to_owned())
        .unwrap_or_else(|| status.to_owned())
}

/// The sentence for a field error: a translated rule code, or the text as sent.
pub fn error_text(t: Locale, code: &str) -> String {
    Key::from_name(&format!("err_{code}"))
        .map(|k| t.t(k).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// The text of a translation key named at run time (`bo_queue_{code}`, `payment_status_{s}`…),
/// or the name itself when the translations have no such key.
pub fn key_text(t: Locale, name: &str) -> String {
    Key::from_name(name)
        .map(|k| t.t(k).to_owned())
        .unwrap_or_else(|| name.to_owned())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::display_date;

    #[test]
    fn iso_dates_read_day_month_year_and_other_text_stays() {
        for (given, shown) in [
            ("1990-03-15", "15/03/1990"),
            (" 2026-12-07 ", "07/12/2026"),
            ("", ""),
            ("15/03/1990", "15/03/1990"),
            ("1990-02-30", "1990-02-30"),
        ] {
            assert_eq!(display_date(given), shown, "{given:?}");
        }
    }
}
