//! The spans statistics are asked for — a month, a quarter, a year, or from one day to another
//! — each with the span just before it (for the comparison), and the rollup rows that cover
//! them: whole months from the month rows, the rest from the day rows.

use chrono::{Datelike, Duration, NaiveDate};

/// A span of whole days, in Vietnam's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// One month.
    Month {
        /// Year.
        year: i32,
        /// 1–12.
        month: u32,
    },
    /// One quarter.
    Quarter {
        /// Year.
        year: i32,
        /// 1–4.
        quarter: u32,
    },
    /// One year.
    Year(i32),
    /// From `from` to `to`, both included.
    Custom {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

/// The longest custom span (ten years): enough for any report, small enough to sum quickly.
pub const MAX_DAYS: i64 = 3660;

impl Period {
    /// The month of `day`.
    pub fn month_of(day: NaiveDate) -> Period {
        Period::Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// Parses a code: `2026-11` (a month), `2026-Q4`, `2026`, or `2026-11-03..2026-11-20`.
    /// `None` for anything else, a custom span that ends before it starts, or one longer than
    /// [`MAX_DAYS`].
    pub fn parse(code: &str) -> Option<Period> {
        let code = code.trim();
        if let Some((a, b)) = code.split_once("..") {
            let from = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").ok()?;
            let to = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").ok()?;
            let years = valid_year(from.year()) && valid_year(to.year());
            return (years && from <= to && (to - from).num_days() < MAX_DAYS)
                .then_some(Period::Custom { from, to });
        }
        if let Some((y, q)) = code.split_once("-Q") {
            let (year, quarter) = (y.parse().ok()?, q.parse().ok()?);
            return ((1..=4).contains(&quarter) && valid_year(year))
                .then_some(Period::Quarter { year, quarter });
        }
        if let Some((y, m)) = code.split_once('-') {
            let (year, month) = (y.parse().ok()?, m.parse().ok()?);
            return ((1..=12).contains(&month) && valid_year(year))
                .then_some(Period::Month { year, month });
        }
        let year = code.parse().ok()?;
        valid_year(year).then_some(Period::Year(year))
    }

    /// The code [`Period::parse`] reads back.
    pub fn code(&self) -> String {
        match *self {
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Period::Year(year) => format!("{year:04}"),
            Period::Custom { from, to } => format!("{from}..{to}"),
        }
    }

    /// The first day.
    pub fn first(&self) -> NaiveDate {
        match *self {
            Period::Month { year, month } => ymd(year, month, 1),
            Period::Quarter { year, quarter } => ymd(year, quarter * 3 - 2, 1),
            Period::Year(year) => ymd(year, 1, 1),
            Period::Custom { from, .. } => from,
        }
    }

    /// The last day.
    pub fn last(&self) -> NaiveDate {
        match *self {
            Period::Month { year, month } => month_end(year, month),
            Period::Quarter { year, quarter } => month_end(year, quarter * 3),
            Period::Year(year) => ymd(year, 12, 31),
            Period::Custom { to, .. } => to,
        }
    }

    /// The span just before, of the same kind (the same number of days for a custom one).
    pub fn previous(&self) -> Period {
        match *self {
            Period::Month { year, month: 1 } => Period::Month {
                year: year - 1,
                month: 12,
            },
            Period::Month { year, month } => Period::Month {
                year,
                month: month - 1,
            },
            Period::Quarter { year, quarter: 1 } => Period::Quarter {
                year: year - 1,
                quarter: 4,
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year,
                quarter: quarter - 1,
            },
            Period::Year(year) => Period::Year(year - 1),
            Period::Custom { from, to } => {
                let days = (to - from).num_days() + 1;
                Period::Custom {
                    from: from - Duration::days(days),
                    to: from - Duration::days(1),
                }
            }
        }
    }
}

fn valid_year(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn month_end(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        ymd(year + 1, 1, 1)
    } else {
        ymd(year, month + 1, 1)
    };
    next.pred_opt().unwrap_or(next)
}

/// A range of rollup rows: the grain (`d` or `m`) and the first and last period, both
/// included.
pub type Range = (&'static str, String, String);

fn day_key(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn month_key(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// The rollup rows whose sum is the span `[first, last]`: the day rows of a partial first or
/// last month, the month rows of the whole months between.
pub fn cover(first: NaiveDate, last: NaiveDate) -> Vec<Range> {
    let mut out = Vec::new();
    if first > last {
        return out;
    }
    let first_whole = if first.day() == 1 {
        first
    } else {
        let end = month_end(first.year(), first.month());
        if end >= last {
            return vec![("d", day_key(first), day_key(last))];
        }
        out.push(("d", day_key(first), day_key(end)));
        end.succ_opt().unwrap_or(end)
    };
    let last_end = month_end(last.year(), last.month());
    let last_whole = if last == last_end {
        last
    } else {
        let start = ymd(last.year(), last.month(), 1);
        if start > first_whole {
            out.push(("d", day_key(start), day_key(last)));
        } else {
            out.push(("d", day_key(first_whole), day_key(last)));
            return out;
        }
        start.pred_opt().unwrap_or(start)
    };
    if first_whole <= last_whole {
        out.push(("m", month_key(first_whole), month_key(last_whole)));
    }
    out
}

/// The rollup rows whose sum is everything up to the end of `day` (a stock on that day).
pub fn up_to(day: NaiveDate) -> Vec<Range> {
    let start = ymd(day.year(), day.month(), 1);
    let mut out = vec![("d", day_key(start), day_key(day))];
    if let Some(before) = start.pred_opt() {
        out.push(("m", "0000-00".to_owned(), month_key(before)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn r(g: &'static str, a: &str, b: &str) -> Range {
        (g, a.to_owned(), b.to_owned())
    }

    #[test]
    fn codes_round_trip_and_bad_ones_are_refused() {
        for code in ["2026-11", "2026-Q4", "2026", "2026-11-03..2026-11-20"] {
            assert_eq!(Period::parse(code).map(|p| p.code()).as_deref(), Some(code));
        }
        for bad in [
            "2026-13",
            "2026-Q5",
            "19",
            "2026-11-20..2026-11-03",
            "-262144-01-01..-262144-01-01",
            "1900-01-01..1900-01-02",
            "x",
            "",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn spans_and_the_ones_before() {
        let q = Period::parse("2026-Q1").unwrap_or(Period::Year(0));
        assert_eq!((q.first(), q.last()), (d("2026-01-01"), d("2026-03-31")));
        assert_eq!(q.previous().code(), "2025-Q4");
        let feb = Period::parse("2028-02").unwrap_or(Period::Year(0));
        assert_eq!(feb.last(), d("2028-02-29"));
        assert_eq!(
            Period::parse("2026-01")
                .map(|p| p.previous().code())
                .as_deref(),
            Some("2025-12")
        );
        let c = Period::parse("2026-11-03..2026-11-12").unwrap_or(Period::Year(0));
        assert_eq!(c.previous().code(), "2026-10-24..2026-11-02");
    }

    #[test]
    fn a_span_is_covered_by_whole_months_and_the_days_around_them() {
        assert_eq!(
            cover(d("2026-01-01"), d("2026-12-31")),
            vec![r("m", "2026-01", "2026-12")]
        );
        assert_eq!(
            cover(d("2026-11-03"), d("2026-11-20")),
            vec![r("d", "2026-11-03", "2026-11-20")]
        );
        assert_eq!(
            cover(d("2026-10-15"), d("2027-01-10")),
            vec![
                r("d", "2026-10-15", "2026-10-31"),
                r("d", "2027-01-01", "2027-01-10"),
                r("m", "2026-11", "2026-12"),
            ]
        );
        assert_eq!(
            cover(d("2026-10-15"), d("2026-11-10")),
            vec![
                r("d", "2026-10-15", "2026-10-31"),
                r("d", "2026-11-01", "2026-11-10")
            ]
        );
        assert_eq!(
            cover(d("2026-11-01"), d("2026-11-10")),
            vec![r("d", "2026-11-01", "2026-11-10")]
        );
        assert_eq!(
            up_to(d("2026-11-10")),
            vec![
                r("d", "2026-11-01", "2026-11-10"),
                r("m", "0000-00", "2026-10")
            ]
        );
    }
}
