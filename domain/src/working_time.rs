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
    /// A weekday that is not `mon`…`sun` (or `t2`…`t7`, `cn`).
    #[error("{0} is not a day of the week (mon…sun, t2…t7, cn)")]
    BadDay(String),
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

/// Opening hours by day of the week: Monday to Friday the usual periods, and any other day an
/// agency opens — a one-stop desk on Saturday mornings. Written
/// `07:00-11:30,13:30-17:00;sat=07:30-11:30` (Vietnamese day names `t2`…`t7`, `cn` too; `off`
/// closes a weekday).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekHours {
    /// Monday first.
    days: [Option<WorkingHours>; 7],
}

impl Default for WeekHours {
    fn default() -> Self {
        WeekHours::from(WorkingHours::default())
    }
}

impl From<WorkingHours> for WeekHours {
    /// Those hours Monday to Friday, closed at the weekend.
    fn from(hours: WorkingHours) -> Self {
        let weekday = Some(hours);
        WeekHours {
            days: [
                weekday.clone(),
                weekday.clone(),
                weekday.clone(),
                weekday.clone(),
                weekday,
                None,
                None,
            ],
        }
    }
}

/// The day names a week's hours are written with, Monday first.
const DAY_NAMES: [(&str, &str); 7] = [
    ("mon", "t2"),
    ("tue", "t3"),
    ("wed", "t4"),
    ("thu", "t5"),
    ("fri", "t6"),
    ("sat", "t7"),
    ("sun", "cn"),
];

impl WeekHours {
    /// Reads `07:00-11:30,13:30-17:00;sat=07:30-11:30`: the periods without a day name are
    /// Monday to Friday's, each `day=periods` (or `day=off`) sets one day.
    pub fn parse(text: &str) -> Result<WeekHours, WorkingHoursError> {
        let mut week = WeekHours::default();
        if text.split(';').all(|p| p.trim().is_empty()) {
            return Err(WorkingHoursError::Empty);
        }
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                None => week = WeekHours::from(WorkingHours::parse(part)?),
                Some((day, periods)) => {
                    let day = day.trim().to_lowercase();
                    let index = DAY_NAMES
                        .iter()
                        .position(|(en, vi)| *en == day || *vi == day)
                        .ok_or_else(|| WorkingHoursError::BadDay(day.clone()))?;
                    let periods = periods.trim();
                    week.days[index] = if matches!(periods, "off" | "nghi") {
                        None
                    } else {
                        Some(WorkingHours::parse(periods)?)
                    };
                }
            }
        }
        if week.days.iter().all(Option::is_none) {
            return Err(WorkingHoursError::Empty);
        }
        Ok(week)
    }

    /// The hours of `weekday`, `None` when closed.
    pub fn on(&self, weekday: Weekday) -> Option<&WorkingHours> {
        self.days[weekday.num_days_from_monday() as usize].as_ref()
    }

    /// A usual working day's hours (Monday's, else the first open day's): what a make-up
    /// working day follows and what "one working day" of a time limit measures.
    pub fn usual(&self) -> WorkingHours {
        self.days
            .iter()
            .flatten()
            .next()
            .cloned()
            .unwrap_or_default()
    }
}

impl fmt::Display for WeekHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let usual = self.usual();
        write!(f, "{usual}")?;
        let base = WeekHours::from(usual);
        for (i, (name, _)) in DAY_NAMES.iter().enumerate() {
            if self.days[i] != base.days[i] {
                match &self.days[i] {
                    Some(h) => write!(f, ";{name}={h}")?,
                    None => write!(f, ";{name}=off")?,
                }
            }
        }
        Ok(())
    }
}

/// How a calendar day differs from the usual week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayKind {
    /// A public holiday (or a day off given in exchange): no work.
    Holiday,
    /// A make-up working day (ngày làm bù), usually a Saturday: a usual working day's hours.
    WorkingDay,
    /// Half a day off (nghỉ nửa ngày): only the day's periods that start before noon.
    HalfDay,
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

/// Opening hours by weekday plus the holiday calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    week: WeekHours,
    /// A usual working day's hours (see [`WeekHours::usual`]).
    usual: WorkingHours,
    days: BTreeMap<NaiveDate, HolidayKind>,
}

impl Calendar {
    /// A calendar over `hours` (one day's periods for Monday to Friday, or a whole week's)
    /// with these exceptions to the week.
    pub fn new(
        hours: impl Into<WeekHours>,
        days: impl IntoIterator<Item = CalendarDay>,
    ) -> Calendar {
        let week = hours.into();
        Calendar {
            usual: week.usual(),
            week,
            days: days.into_iter().map(|d| (d.date, d.kind)).collect(),
        }
    }

    /// A usual working day's hours: what "one working day" of a time limit measures.
    pub fn usual_hours(&self) -> &WorkingHours {
        &self.usual
    }

    /// The working periods of `date`: its weekday's, none on a holiday, a usual day's on a
    /// make-up day, the morning's on a half day.
    pub fn periods(&self, date: NaiveDate) -> &[(NaiveTime, NaiveTime)] {
        let weekday = || {
            self.week
                .on(date.weekday())
                .map_or(&[][..], |h| &h.periods[..])
        };
        match self.days.get(&date) {
            Some(HolidayKind::Holiday) => &[],
            Some(HolidayKind::WorkingDay) => &self.usual.periods,
            Some(HolidayKind::HalfDay) => {
                let all = if self.week.on(date.weekday()).is_some() {
                    weekday()
                } else {
                    &self.usual.periods[..]
                };
                let morning = all.iter().take_while(|(s, _)| *s < hm(12, 0)).count();
                &all[..morning]
            }
            None => weekday(),
        }
    }

    /// True when people work on `date`.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.periods(date).is_empty()
    }

    /// When the working day `date` ends, `None` when it is not one.
    pub fn day_end(&self, date: NaiveDate) -> Option<NaiveTime> {
        self.periods(date).last().map(|(_, e)| *e)
    }

    /// The working seconds of `date` within `[from, to)` times of day.
    fn seconds_on(&self, date: NaiveDate, from: NaiveTime, to: NaiveTime) -> i64 {
        self.periods(date)
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
            {
                for (s, e) in self.periods(date) {
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
            {
                for (s, e) in self.periods(date).iter().rev() {
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
            i64::from(working_days) * self.usual.minutes_per_day(),
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
        let local = received.with_timezone(&zone()).naive_local();
        let today = local.date();
        let before_cutoff = self
            .day_end(today)
            .is_some_and(|end| local.time() < cutoff.min(end));
        let day = if before_cutoff {
            Some(today)
        } else {
            self.next_working_day(today)
        };
        day.and_then(|d| {
            let end = self.day_end(d)?;
            d.and_time(end).and_local_timezone(zone()).single()
        })
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

/// One row of a calendar file: a day, and where it applies (empty: the whole country; else a
/// province or agency code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopedDay {
    /// Empty, a province code or an agency code.
    pub scope: String,
    /// The day.
    pub day: CalendarDay,
}

/// Reads `date,kind,name` rows (`2026-02-16,holiday,Tết Nguyên đán`) — the whole country's
/// days — or `date,kind,scope,name` rows, where `scope` is empty or names a province or an
/// agency (`2026-04-30,holiday,80,…`); `#` lines are comments and the name may contain commas.
pub fn parse_calendar_csv(text: &str) -> Result<Vec<ScopedDay>, HolidayCsvError> {
    let mut out = Vec::new();
    let mut scoped = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let n = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(with_scope) = scoped else {
            scoped = match line {
                "date,kind,name" => Some(false),
                "date,kind,scope,name" => Some(true),
                _ => {
                    return Err(HolidayCsvError {
                        line: n,
                        message: "the header must be date,kind,name or date,kind,scope,name".into(),
                    })
                }
            };
            continue;
        };
        let mut parts = line.splitn(if with_scope { 4 } else { 3 }, ',');
        let mut next = || parts.next().unwrap_or_default().trim();
        let (date, kind) = (next(), next());
        let scope = if with_scope { next() } else { "" };
        let name = next();
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| HolidayCsvError {
            line: n,
            message: format!("{date} is not a date (YYYY-MM-DD)"),
        })?;
        let kind = match kind {
            "holiday" => HolidayKind::Holiday,
            "working_day" => HolidayKind::WorkingDay,
            "half_day" => HolidayKind::HalfDay,
            other => {
                return Err(HolidayCsvError {
                    line: n,
                    message: format!("kind must be holiday, half_day or working_day, not {other}"),
                })
            }
        };
        if name.is_empty() {
            return Err(HolidayCsvError {
                line: n,
                message: "the name is missing".into(),
            });
        }
        out.push(ScopedDay {
            scope: scope.to_owned(),
            day: CalendarDay {
                date,
                kind,
                name: name.to_owned(),
            },
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
