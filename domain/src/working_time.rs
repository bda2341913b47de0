//! Working time (DOMAIN.md, "Due dates in working time"): deadlines are counted in working
//! hours of working days, in Vietnam time (UTC+7, no daylight saving). A working day is the
//! agency's periods (07:00–11:30 and 13:30–17:00 by default, 8 hours); Saturdays, Sundays and
//! public holidays do not count, make-up working days do. Time before opening, over lunch or
//! after closing counts from the next working period, so a dossier accepted after 17:00 counts
//! from the next working morning. Pure rules: the calendar comes from the database
//! (`crate::dossiers::deadlines`).
//!
//! Arithmetic is done in seconds so that measuring what was added gives it back exactly.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Utc, Weekday};

/// Vietnam time.
fn zone() -> FixedOffset {
    crate::dossiers::codes::vietnam()
}

/// How far a search for working time may go (ten years): a calendar with no working day at
/// all is a configuration error, and the search must end.
const MAX_DAYS: i64 = 3660;

/// The working periods of a day, ordered and not overlapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingHours {
    periods: Vec<(NaiveTime, NaiveTime)>,
}

/// Why working hours could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkingHoursError {
    /// A time is not `HH:MM`.
    #[error("{0} is not a time of day (HH:MM)")]
    BadTime(String),
    /// A period is not `HH:MM-HH:MM` with the start before the end.
    #[error("{0} is not a period (HH:MM-HH:MM, start before end)")]
    BadPeriod(String),
    /// Periods overlap or are not in order.
    #[error("periods must be in order and must not overlap")]
    Overlap,
    /// No period at all.
    #[error("give at least one working period")]
    Empty,
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            periods: vec![(hm(7, 0), hm(11, 30)), (hm(13, 30), hm(17, 0))],
        }
    }
}

impl WorkingHours {
    /// Reads `07:00-11:30,13:30-17:00`.
    pub fn parse(text: &str) -> Result<WorkingHours, WorkingHoursError> {
        let mut periods = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (a, b) = part
                .split_once('-')
                .ok_or_else(|| WorkingHoursError::BadPeriod(part.to_owned()))?;
            let time = |s: &str| {
                NaiveTime::parse_from_str(s.trim(), "%H:%M")
                    .map_err(|_| WorkingHoursError::BadTime(s.trim().to_owned()))
            };
            let (start, end) = (time(a)?, time(b)?);
            if start >= end {
                return Err(WorkingHoursError::BadPeriod(part.to_owned()));
            }
            periods.push((start, end));
        }
        if periods.is_empty() {
            return Err(WorkingHoursError::Empty);
        }
        if periods.windows(2).any(|w| w[0].1 > w[1].0) {
            return Err(WorkingHoursError::Overlap);
        }
        Ok(WorkingHours { periods })
    }

    /// Working minutes in one working day (480 by default).
    pub fn minutes_per_day(&self) -> i64 {
        self.periods
            .iter()
            .map(|(s, e)| (*e - *s).num_minutes())
            .sum()
    }

    /// When the working day ends (the end of the last period).
    pub fn day_end(&self) -> Option<NaiveTime> {
        self.periods.last().map(|(_, e)| *e)
    }
}

impl fmt::Display for WorkingHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .periods
            .iter()
            .map(|(s, e)| format!("{}-{}", s.format("%H:%M"), e.format("%H:%M")))
            .collect();
        write!(f, "{}", parts.join(","))
    }
}

/// How a calendar day differs from the usual week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayKind {
    /// A public holiday (or a day off given in exchange): no work.
    Holiday,
    /// A make-up working day (ngày làm bù), usually a Saturday.
    WorkingDay,
}

/// One day of the holiday calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarDay {
    /// The day.
    pub date: NaiveDate,
    /// Holiday or make-up working day.
    pub kind: HolidayKind,
    /// What it is.
    pub name: String,
}

/// Working hours plus the holiday calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The day's working periods.
    pub hours: WorkingHours,
    days: BTreeMap<NaiveDate, HolidayKind>,
}

impl Calendar {
    /// A calendar over `hours` with these exceptions to the Monday–Friday week.
    pub fn new(hours: WorkingHours, days: impl IntoIterator<Item = CalendarDay>) -> Calendar {
        Calendar {
            hours,
            days: days.into_iter().map(|d| (d.date, d.kind)).collect(),
        }
    }

    /// True when people work on `date`.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(HolidayKind::Holiday) => false,
            Some(HolidayKind::WorkingDay) => true,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The working seconds of `date` within `[from, to)` times of day.
    fn seconds_on(&self, date: NaiveDate, from: NaiveTime, to: NaiveTime) -> i64 {
        if !self.is_working_day(date) {
            return 0;
        }
        self.hours
            .periods
            .iter()
            .map(|(s, e)| {
                let (a, b) = ((*s).max(from), (*e).min(to));
                if a < b {
                    (b - a).num_seconds()
                } else {
                    0
                }
            })
            .sum()
    }

    /// `seconds` of working time after `start` (`seconds > 0`); `None` past [`MAX_DAYS`].
    fn add_seconds(&self, start: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
        let local = start.with_timezone(&zone()).naive_local();
        let mut left = seconds;
        let mut date = local.date();
        let mut from = local.time();
        for _ in 0..MAX_DAYS {
            if self.is_working_day(date) {
                for (s, e) in &self.hours.periods {
                    let begin = (*s).max(from);
                    if begin >= *e {
                        continue;
                    }
                    let here = (*e - begin).num_seconds();
                    if left <= here {
                        let at = date.and_time(begin) + Duration::seconds(left);
                        return at
                            .and_local_timezone(zone())
                            .single()
                            .map(|t| t.with_timezone(&Utc));
                    }
                    left -= here;
                }
            }
            date = date.succ_opt()?;
            from = NaiveTime::MIN;
        }
        None
    }

    /// `seconds` of working time before `end` (`seconds > 0`); `None` past [`MAX_DAYS`].
    fn sub_seconds(&self, end: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
        let local = end.with_timezone(&zone()).naive_local();
        let mut left = seconds;
        let mut date = local.date();
        let mut to = Some(local.time());
        for _ in 0..MAX_DAYS {
            if self.is_working_day(date) {
                for (s, e) in self.hours.periods.iter().rev() {
                    let finish = to.map_or(*e, |t| (*e).min(t));
                    if finish <= *s {
                        continue;
                    }
                    let here = (finish - *s).num_seconds();
                    if left <= here {
                        let at = date.and_time(finish) - Duration::seconds(left);
                        return at
                            .and_local_timezone(zone())
                            .single()
                            .map(|t| t.with_timezone(&Utc));
                    }
                    left -= here;
                }
            }
            date = date.pred_opt()?;
            to = None;
        }
        None
    }

    /// The instant when `minutes` working minutes have passed since `start`. Landing exactly on
    /// the end of a period gives that end (one day from Monday 07:00 is Monday 17:00). A
    /// calendar with no working day in ten years gives `start` plus the minutes as plain time.
    pub fn add_working_minutes(&self, start: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
        match minutes.cmp(&0) {
            std::cmp::Ordering::Equal => start,
            std::cmp::Ordering::Greater => self
                .add_seconds(start, minutes * 60)
                .unwrap_or(start + Duration::minutes(minutes)),
            std::cmp::Ordering::Less => self
                .sub_seconds(start, -minutes * 60)
                .unwrap_or(start + Duration::minutes(minutes)),
        }
    }

    /// Due `working_days` working days after `accepted_at`.
    pub fn due_at(&self, accepted_at: DateTime<Utc>, working_days: u32) -> DateTime<Utc> {
        self.add_working_minutes(
            accepted_at,
            i64::from(working_days) * self.hours.minutes_per_day(),
        )
    }

    /// Due `working_hours` working hours after `start`.
    pub fn due_at_hours(&self, start: DateTime<Utc>, working_hours: u32) -> DateTime<Utc> {
        self.add_working_minutes(start, i64::from(working_hours) * 60)
    }

    /// The first working day after `date`; `None` past [`MAX_DAYS`].
    fn next_working_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut day = date;
        for _ in 0..MAX_DAYS {
            day = day.succ_opt()?;
            if self.is_working_day(day) {
                return Some(day);
            }
        }
        None
    }

    /// The due date of a same-day procedure (giải quyết trong ngày) received at `received`:
    /// the end of that working day when received before `cutoff`, else the end of the next
    /// working day. This is the catalogue's rule "trường hợp tiếp nhận sau 15 giờ thì trả kết
    /// quả trong ngày làm việc tiếp theo" (Nghị định 23/2015/NĐ-CP, art. 21 for certified
    /// copies; the civil-status procedures say the same), with the hour an agency setting.
    /// A request received on a day off counts as received after the cut-off (due at the end of
    /// the next working day); a cut-off later than closing time is closing time, so a dossier
    /// is never due before it was received.
    pub fn due_same_day(&self, received: DateTime<Utc>, cutoff: NaiveTime) -> DateTime<Utc> {
        let Some(day_end) = self.hours.day_end() else {
            return received;
        };
        let local = received.with_timezone(&zone()).naive_local();
        let today = local.date();
        let day = if self.is_working_day(today) && local.time() < cutoff.min(day_end) {
            Some(today)
        } else {
            self.next_working_day(today)
        };
        day.and_then(|d| d.and_time(day_end).and_local_timezone(zone()).single())
            .map_or(received, |t| t.with_timezone(&Utc))
    }

    /// The due date of a dossier received at `received` under `limit`: working days or working
    /// hours counted from the receipt (DOMAIN.md, "Due dates in working time"), or the
    /// same-day rule of [`Calendar::due_same_day`] with the agency's `cutoff`.
    pub fn due_for(
        &self,
        received: DateTime<Utc>,
        limit: TimeLimit,
        cutoff: NaiveTime,
    ) -> DateTime<Utc> {
        match limit {
            TimeLimit::SameDay => self.due_same_day(received, cutoff),
            TimeLimit::Hours(h) => self.due_at_hours(received, h),
            TimeLimit::Days(d) => self.due_at(received, d),
        }
    }

    fn seconds_between(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
        if b < a {
            return -self.seconds_between(b, a);
        }
        let (a, b) = (
            a.with_timezone(&zone()).naive_local(),
            b.with_timezone(&zone()).naive_local(),
        );
        let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
        let mut total = 0;
        let mut date = a.date();
        while date <= b.date() {
            let from = if date == a.date() {
                a.time()
            } else {
                NaiveTime::MIN
            };
            let to = if date == b.date() {
                b.time()
            } else {
                end_of_day
            };
            total += self.seconds_on(date, from, to);
            match date.succ_opt() {
                Some(d) => date = d,
                None => break,
            }
        }
        total
    }

    /// Working minutes in `[a, b)`; negative when `b` is before `a`.
    pub fn working_minutes_between(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
        let s = self.seconds_between(a, b);
        s.signum() * (s.abs() / 60)
    }

    /// The due date after the clock stood still from `paused_at` to `resumed_at` (waiting for the
    /// applicant): the working time left at the pause counts again from the resumption. A dossier
    /// already overdue at the pause stays overdue by as much.
    pub fn resume_after_pause(
        &self,
        due: DateTime<Utc>,
        paused_at: DateTime<Utc>,
        resumed_at: DateTime<Utc>,
    ) -> DateTime<Utc> {
        let left = self.seconds_between(paused_at, due);
        let moved = match left.cmp(&0) {
            std::cmp::Ordering::Greater => self.add_seconds(resumed_at, left),
            std::cmp::Ordering::Less => self.sub_seconds(resumed_at, -left),
            std::cmp::Ordering::Equal => Some(resumed_at),
        };
        moved.unwrap_or(due)
    }

    /// Working minutes from `now` to `due`; negative when overdue.
    pub fn time_left(&self, now: DateTime<Utc>, due: DateTime<Utc>) -> i64 {
        self.working_minutes_between(now, due)
    }
}

/// A procedure's time limit (thời hạn giải quyết), as the catalogue gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeLimit {
    /// Within the day of receipt, or the next working day when received after the agency's
    /// cut-off (the catalogue's `processing_days: 0` without `processing_hours`).
    SameDay,
    /// This many working hours (`processing_hours`, e.g. 4 for the residence confirmation).
    Hours(u32),
    /// This many working days (`processing_days`).
    Days(u32),
}

impl TimeLimit {
    /// Reads the catalogue's time-limit fields: `processing_hours` when given (the rule is in
    /// hours), else `processing_days`; zero days means "within the day" (seed/README.md, "Time
    /// limits": `processing_days: 0` is the same-day rule with the 15:00 cut-off).
    pub fn from_catalogue(days: i64, hours: Option<i64>) -> TimeLimit {
        let positive = |n: i64| u32::try_from(n).ok().filter(|n| *n > 0);
        match (hours.and_then(positive), positive(days)) {
            (Some(h), _) => TimeLimit::Hours(h),
            (None, Some(d)) => TimeLimit::Days(d),
            (None, None) => TimeLimit::SameDay,
        }
    }
}

/// The same-day cut-off when the agency sets none: 15:00, the hour the catalogue's same-day
/// procedures name ("tiếp nhận sau 15 giờ").
pub fn default_same_day_cutoff() -> NaiveTime {
    hm(15, 0)
}

/// Reads a same-day cut-off, `HH:MM`.
pub fn parse_cutoff(text: &str) -> Result<NaiveTime, WorkingHoursError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| WorkingHoursError::BadTime(text.trim().to_owned()))
}

/// Working minutes as (days, hours, minutes) of 8-hour working days, for display.
pub fn split_minutes(minutes: i64) -> (i64, i64, i64) {
    let m = minutes.abs();
    (m / 480, (m % 480) / 60, m % 60)
}

/// A bad row of the holiday file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct HolidayCsvError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads `date,kind,name` rows (`2026-02-16,holiday,Tết Nguyên đán`); `#` lines are comments
/// and the name may contain commas.
pub fn parse_holidays_csv(text: &str) -> Result<Vec<CalendarDay>, HolidayCsvError> {
    let mut out = Vec::new();
    let mut header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let n = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            if line != "date,kind,name" {
                return Err(HolidayCsvError {
                    line: n,
                    message: "the header must be date,kind,name".into(),
                });
            }
            header = true;
            continue;
        }
        let mut parts = line.splitn(3, ',');
        let (date, kind, name) = (
            parts.next().unwrap_or_default().trim(),
            parts.next().unwrap_or_default().trim(),
            parts.next().unwrap_or_default().trim(),
        );
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| HolidayCsvError {
            line: n,
            message: format!("{date} is not a date (YYYY-MM-DD)"),
        })?;
        let kind = match kind {
            "holiday" => HolidayKind::Holiday,
            "working_day" => HolidayKind::WorkingDay,
            other => {
                return Err(HolidayCsvError {
                    line: n,
                    message: format!("kind must be holiday or working_day, not {other}"),
                })
            }
        };
        if name.is_empty() {
            return Err(HolidayCsvError {
                line: n,
                message: "the name is missing".into(),
            });
        }
        out.push(CalendarDay {
            date,
            kind,
            name: name.to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;
    use rstest::rstest;

    /// A Vietnam local time as UTC.
    fn vn(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        zone()
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn day(y: i32, m: u32, d: u32, kind: HolidayKind) -> CalendarDay {
        CalendarDay {
            date: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
            kind,
            name: "test".into(),
        }
    }

    /// The 2026 calendar of the seed: Tết 14–22 Feb, Hùng Kings (Sunday 26 Apr, so Monday 27
    /// off), 30 Apr and 1 May.
    fn calendar_2026() -> Calendar {
        let mut days: Vec<CalendarDay> = (14..=22)
            .map(|d| day(2026, 2, d, HolidayKind::Holiday))
            .collect();
        days.push(day(2026, 4, 27, HolidayKind::Holiday));
        days.push(day(2026, 4, 30, HolidayKind::Holiday));
        days.push(day(2026, 5, 1, HolidayKind::Holiday));
        days.push(day(2026, 1, 1, HolidayKind::Holiday));
        // A make-up Saturday.
        days.push(day(2026, 10, 10, HolidayKind::WorkingDay));
        Calendar::new(WorkingHours::default(), days)
    }

    #[rstest]
    // Over lunch: 11:00 + 1 h → 30 min before lunch, 30 min after.
    #[case(vn(2026, 11, 23, 11, 0), 60, vn(2026, 11, 23, 14, 0))]
    // Accepted after 17:00 counts from the next morning: Monday 17:30 + 1 day → Tuesday 17:00.
    #[case(vn(2026, 11, 23, 17, 30), 480, vn(2026, 11, 24, 17, 0))]
    // Landing on the end of the day gives that end, not the next morning.
    #[case(vn(2026, 11, 23, 7, 0), 480, vn(2026, 11, 23, 17, 0))]
    // Friday afternoon over the weekend: 16:00 + 2 h → Monday 08:00.
    #[case(vn(2026, 11, 27, 16, 0), 120, vn(2026, 11, 30, 8, 0))]
    // Before opening: 06:00 + 30 min → 07:30.
    #[case(vn(2026, 11, 23, 6, 0), 30, vn(2026, 11, 23, 7, 30))]
    // Tết 2026: Friday 13/2 16:00 + 1 day → Monday 23/2 16:00.
    #[case(vn(2026, 2, 13, 16, 0), 480, vn(2026, 2, 23, 16, 0))]
    // Hùng Kings' substitute Monday and 30/4–1/5: Friday 24/4 09:00 + 3 days → Wednesday 29/4
    // 17:00… then the next working day is Monday 4/5.
    #[case(vn(2026, 4, 24, 9, 0), 3 * 480, vn(2026, 5, 4, 9, 0))]
    // A make-up Saturday counts: Friday 9/10 17:00 + 1 h → Saturday 10/10 08:00.
    #[case(vn(2026, 10, 9, 17, 0), 60, vn(2026, 10, 10, 8, 0))]
    fn worked_examples(
        #[case] start: DateTime<Utc>,
        #[case] minutes: i64,
        #[case] expected: DateTime<Utc>,
    ) {
        let cal = calendar_2026();
        assert_eq!(cal.add_working_minutes(start, minutes), expected);
        assert_eq!(cal.working_minutes_between(start, expected), minutes);
    }

    #[rstest]
    // Monday 09:50, before the 15:00 cut-off: due at the end of that day.
    #[case(vn(2026, 12, 7, 9, 50), vn(2026, 12, 7, 17, 0))]
    // Received over lunch is still before the cut-off.
    #[case(vn(2026, 12, 7, 12, 0), vn(2026, 12, 7, 17, 0))]
    // Before opening counts as that day.
    #[case(vn(2026, 12, 7, 6, 30), vn(2026, 12, 7, 17, 0))]
    // At the cut-off and after: the end of the next working day.
    #[case(vn(2026, 12, 7, 15, 0), vn(2026, 12, 8, 17, 0))]
    #[case(vn(2026, 12, 7, 16, 30), vn(2026, 12, 8, 17, 0))]
    #[case(vn(2026, 12, 7, 18, 0), vn(2026, 12, 8, 17, 0))]
    // Friday after the cut-off: Monday.
    #[case(vn(2026, 11, 27, 15, 30), vn(2026, 11, 30, 17, 0))]
    // Friday before the cut-off: that Friday.
    #[case(vn(2026, 11, 27, 14, 59), vn(2026, 11, 27, 17, 0))]
    // Received on a Saturday (online): the end of Monday.
    #[case(vn(2026, 11, 28, 10, 0), vn(2026, 11, 30, 17, 0))]
    // Wednesday 29/4 after the cut-off: 30/4 and 1/5 are holidays, the weekend follows, so
    // Monday 4/5.
    #[case(vn(2026, 4, 29, 16, 0), vn(2026, 5, 4, 17, 0))]
    // Received on a holiday before 15:00 is not "that day": the next working day.
    #[case(vn(2026, 4, 30, 9, 0), vn(2026, 5, 4, 17, 0))]
    // A make-up Saturday is a working day.
    #[case(vn(2026, 10, 10, 9, 0), vn(2026, 10, 10, 17, 0))]
    fn same_day_procedures_are_due_at_the_end_of_the_day(
        #[case] received: DateTime<Utc>,
        #[case] expected: DateTime<Utc>,
    ) {
        let cal = calendar_2026();
        let cutoff = default_same_day_cutoff();
        assert_eq!(cal.due_same_day(received, cutoff), expected);
        assert_eq!(cal.due_for(received, TimeLimit::SameDay, cutoff), expected);
    }

    #[test]
    fn the_cut_off_is_the_agencys_and_never_after_closing() -> Result<(), WorkingHoursError> {
        let cal = calendar_2026();
        // An agency that takes same-day requests until 16:00.
        let at_four = parse_cutoff("16:00")?;
        assert_eq!(
            cal.due_same_day(vn(2026, 12, 7, 15, 30), at_four),
            vn(2026, 12, 7, 17, 0)
        );
        // A cut-off after closing: received 17:30 is still due the next day, never before it
        // was received.
        let late = parse_cutoff("19:00")?;
        assert_eq!(
            cal.due_same_day(vn(2026, 12, 7, 17, 30), late),
            vn(2026, 12, 8, 17, 0)
        );
        // Shorter working hours end the day earlier.
        let short = Calendar::new(WorkingHours::parse("08:00-12:00,13:00-16:30")?, []);
        assert_eq!(
            short.due_same_day(vn(2026, 12, 7, 9, 0), at_four),
            vn(2026, 12, 7, 16, 30)
        );
        assert!(parse_cutoff("3pm").is_err());
        Ok(())
    }

    #[rstest]
    // 4 working hours from Monday 09:00: 2 h 30 before lunch, 1 h 30 after.
    #[case(vn(2026, 12, 7, 9, 0), 4, vn(2026, 12, 7, 15, 0))]
    // From 16:00: one hour today, three tomorrow morning.
    #[case(vn(2026, 12, 7, 16, 0), 4, vn(2026, 12, 8, 10, 0))]
    // After closing: counted from the next working morning.
    #[case(vn(2026, 12, 7, 17, 30), 4, vn(2026, 12, 8, 11, 0))]
    // Friday afternoon: Monday.
    #[case(vn(2026, 11, 27, 16, 0), 4, vn(2026, 11, 30, 10, 0))]
    // Over 30/4–1/5 and the weekend.
    #[case(vn(2026, 4, 29, 16, 0), 12, vn(2026, 5, 5, 10, 0))]
    fn hour_limits_count_working_hours_from_receipt(
        #[case] received: DateTime<Utc>,
        #[case] hours: u32,
        #[case] expected: DateTime<Utc>,
    ) {
        let cal = calendar_2026();
        let due = cal.due_for(received, TimeLimit::Hours(hours), default_same_day_cutoff());
        assert_eq!(due, expected);
        assert!(due > received);
    }

    #[rstest]
    #[case(0, None, TimeLimit::SameDay)]
    #[case(0, Some(0), TimeLimit::SameDay)]
    #[case(-1, None, TimeLimit::SameDay)]
    #[case(0, Some(4), TimeLimit::Hours(4))]
    #[case(10, Some(24), TimeLimit::Hours(24))]
    #[case(5, None, TimeLimit::Days(5))]
    fn the_catalogue_says_which_kind_of_limit(
        #[case] days: i64,
        #[case] hours: Option<i64>,
        #[case] expected: TimeLimit,
    ) {
        assert_eq!(TimeLimit::from_catalogue(days, hours), expected);
    }

    #[test]
    fn twenty_working_days_from_a_tuesday_morning() {
        let cal = calendar_2026();
        assert_eq!(
            cal.due_at(vn(2026, 11, 24, 9, 0), 20),
            vn(2026, 12, 22, 9, 0)
        );
        assert_eq!(
            cal.due_at_hours(vn(2026, 11, 24, 9, 0), 8),
            vn(2026, 11, 25, 9, 0)
        );
    }

    #[test]
    fn a_pause_over_tet_does_not_count() {
        let cal = calendar_2026();
        // Due Thursday 12/2 17:00; paused Wednesday 11/2 17:00 with one working day left;
        // the applicant answers during Tết (Wednesday 18/2): the day left starts on Monday 23/2.
        let due = vn(2026, 2, 12, 17, 0);
        let moved = cal.resume_after_pause(due, vn(2026, 2, 11, 17, 0), vn(2026, 2, 18, 10, 0));
        assert_eq!(moved, vn(2026, 2, 23, 17, 0));
        assert_eq!(cal.time_left(vn(2026, 2, 23, 9, 0), moved), 360);
    }

    #[test]
    fn overdue_time_is_negative_and_stays_overdue_after_a_pause() {
        let cal = calendar_2026();
        let due = vn(2026, 11, 23, 15, 0);
        assert_eq!(cal.time_left(vn(2026, 11, 23, 16, 0), due), -60);
        let moved = cal.resume_after_pause(due, vn(2026, 11, 23, 16, 0), vn(2026, 11, 25, 9, 0));
        assert_eq!(cal.time_left(vn(2026, 11, 25, 9, 0), moved), -60);
        assert_eq!(split_minutes(-(480 + 2 * 60 + 5)), (1, 2, 5));
    }

    #[test]
    fn working_hours_are_read_and_written_back() {
        let hours = WorkingHours::parse("07:30-11:30, 13:00-17:00").unwrap_or_default();
        assert_eq!(hours.to_string(), "07:30-11:30,13:00-17:00");
        assert_eq!(hours.minutes_per_day(), 480);
        assert_eq!(
            WorkingHours::default().to_string(),
            "07:00-11:30,13:30-17:00"
        );
        assert_eq!(
            WorkingHours::parse("13:00-17:00,07:00-11:00"),
            Err(WorkingHoursError::Overlap)
        );
        assert!(matches!(
            WorkingHours::parse("7h-11h"),
            Err(WorkingHoursError::BadTime(_))
        ));
        assert!(matches!(
            WorkingHours::parse("11:00-07:00"),
            Err(WorkingHoursError::BadPeriod(_))
        ));
        assert_eq!(WorkingHours::parse(""), Err(WorkingHoursError::Empty));
    }

    #[test]
    fn a_calendar_without_working_days_still_answers() {
        let days = (0..4000).filter_map(|i| {
            NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.checked_add_signed(Duration::days(i)))
                .map(|date| CalendarDay {
                    date,
                    kind: HolidayKind::Holiday,
                    name: "off".into(),
                })
        });
        let cal = Calendar::new(WorkingHours::default(), days);
        let start = vn(2026, 3, 2, 9, 0);
        assert_eq!(
            cal.add_working_minutes(start, 60),
            start + Duration::minutes(60)
        );
    }

    #[test]
    fn the_holiday_file_is_read_with_line_numbers() {
        let good = "# comment\ndate,kind,name\n2026-02-16,holiday,Tết Nguyên đán, mùng 1\n\
                    2026-10-10,working_day,Làm bù\n";
        let days = parse_holidays_csv(good).unwrap_or_default();
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].name, "Tết Nguyên đán, mùng 1");
        assert_eq!(days[1].kind, HolidayKind::WorkingDay);
        let bad_date = "date,kind,name\n2026-02-30,holiday,X\n";
        assert_eq!(parse_holidays_csv(bad_date).map_err(|e| e.line), Err(2));
        let bad_kind = "date,kind,name\n2026-02-16,nghi,X\n";
        assert!(parse_holidays_csv(bad_kind)
            .is_err_and(|e| e.line == 2 && e.message.contains("working_day")));
        assert!(parse_holidays_csv("day,name\n").is_err_and(|e| e.line == 1));
    }

    fn any_start() -> impl Strategy<Value = DateTime<Utc>> {
        // Any minute of 2026.
        (0i64..365 * 24 * 60).prop_map(|m| vn(2026, 1, 1, 0, 0) + Duration::minutes(m))
    }

    fn inside_working_time(cal: &Calendar, t: DateTime<Utc>) -> bool {
        let local = t.with_timezone(&zone()).naive_local();
        cal.is_working_day(local.date())
            && cal
                .hours
                .periods
                .iter()
                .any(|(s, e)| *s < local.time() && local.time() <= *e)
    }

    proptest! {
        #[test]
        fn adding_then_measuring_gives_the_minutes_back(start in any_start(), m in 0i64..20_000) {
            let cal = calendar_2026();
            let end = cal.add_working_minutes(start, m);
            prop_assert_eq!(cal.working_minutes_between(start, end), m);
            if m > 0 {
                prop_assert!(inside_working_time(&cal, end), "{} ends outside working time", end);
            } else {
                prop_assert_eq!(end, start);
            }
        }

        #[test]
        fn more_minutes_never_end_earlier(start in any_start(), m in 0i64..10_000, more in 0i64..2_000) {
            let cal = calendar_2026();
            prop_assert!(cal.add_working_minutes(start, m) <= cal.add_working_minutes(start, m + more));
        }

        #[test]
        fn measuring_adds_up_and_is_antisymmetric(
            a in any_start(),
            b in any_start(),
            c in any_start(),
        ) {
            let cal = calendar_2026();
            let s = |x, y| cal.seconds_between(x, y);
            prop_assert_eq!(s(a, b) + s(b, c), s(a, c));
            prop_assert_eq!(s(a, b), -s(b, a));
        }

        #[test]
        fn a_pause_keeps_the_time_that_was_left(
            paused in any_start(),
            left in 1i64..5_000,
            wait in 0i64..20_000,
        ) {
            let cal = calendar_2026();
            let due = cal.add_working_minutes(paused, left);
            let resumed = paused + Duration::minutes(wait);
            let moved = cal.resume_after_pause(due, paused, resumed);
            prop_assert_eq!(cal.working_minutes_between(resumed, moved), left);
            prop_assert!(moved >= due);
        }
    }
}
