//! The working-time clock of one agency: its working hours (or the national default) and the
//! holiday calendar administrators keep, and its same-day cut-off, read from the database, over
//! the pure rules of [`crate::working_time`].

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::codes::vietnam;
use crate::entities::{agency, holiday};
use crate::error::DomainResult;
use crate::working_time::{
    default_same_day_cutoff, parse_cutoff, Calendar, CalendarDay, HolidayKind, TimeLimit, WeekHours,
};

/// An agency's working-time calendar.
#[derive(Clone, Debug)]
pub struct Clock {
    calendar: Calendar,
    /// Same-day requests received from this time on are due the next working day.
    cutoff: NaiveTime,
}

/// The holiday calendar as stored, for an agency in `scopes` (its own code and its province's):
/// the national days and those of its province or of itself.
pub async fn calendar_days<C: ConnectionTrait>(
    db: &C,
    scopes: &[&str],
) -> DomainResult<Vec<CalendarDay>> {
    let mut wanted = vec![""];
    wanted.extend(scopes.iter().filter(|s| !s.is_empty()));
    Ok(holiday::Entity::find()
        .filter(holiday::Column::Scope.is_in(wanted))
        .order_by_asc(holiday::Column::Scope)
        .all(db)
        .await?
        .into_iter()
        .map(|h| CalendarDay {
            date: h.day,
            kind: match h.kind.as_str() {
                "working_day" => HolidayKind::WorkingDay,
                "half_day" => HolidayKind::HalfDay,
                _ => HolidayKind::Holiday,
            },
            name: h.name,
        })
        .collect())
}

impl Clock {
    /// The clock of `agency_code` (national default hours and 15:00 cut-off when it sets none
    /// or is unknown).
    pub async fn for_agency<C: ConnectionTrait>(db: &C, agency_code: &str) -> DomainResult<Clock> {
        let agency = agency::Entity::find_by_id(agency_code.to_owned())
            .one(db)
            .await?;
        let hours = agency
            .as_ref()
            .and_then(|a| a.working_hours.as_deref())
            .and_then(|h| WeekHours::parse(h).ok())
            .unwrap_or_default();
        let cutoff = agency
            .as_ref()
            .and_then(|a| a.same_day_cutoff.as_deref())
            .and_then(|c| parse_cutoff(c).ok())
            .unwrap_or_else(default_same_day_cutoff);
        let province = agency
            .as_ref()
            .map(|a| a.province_code.clone())
            .unwrap_or_default();
        let days = calendar_days(db, &[agency_code, &province]).await?;
        Ok(Clock::new(hours, days).with_cutoff(cutoff))
    }

    /// A clock over the given hours and calendar, with the default same-day cut-off.
    pub fn new(hours: impl Into<WeekHours>, days: Vec<CalendarDay>) -> Clock {
        Clock {
            calendar: Calendar::new(hours, days),
            cutoff: default_same_day_cutoff(),
        }
    }

    /// The same clock with another same-day cut-off.
    pub fn with_cutoff(self, cutoff: NaiveTime) -> Clock {
        Clock { cutoff, ..self }
    }

    /// The due date of a dossier accepted at `start` under the procedure's time limit: working
    /// days, working hours, or the end of the working day for same-day procedures (the next one
    /// when accepted after the cut-off), see [`Calendar::due_for`].
    pub fn due(&self, start: DateTime<Utc>, limit: TimeLimit) -> DateTime<Utc> {
        self.calendar.due_for(start, limit, self.cutoff)
    }

    /// `days` working days after `start` (the due date of a procedure's processing time).
    pub fn after_days(&self, start: DateTime<Utc>, days: i32) -> DateTime<Utc> {
        self.calendar
            .due_at(start, u32::try_from(days.max(0)).unwrap_or(0))
    }

    /// `hours` working hours after `start` (a step's allowance).
    pub fn after_hours(&self, start: DateTime<Utc>, hours: i32) -> DateTime<Utc> {
        self.calendar
            .due_at_hours(start, u32::try_from(hours.max(0)).unwrap_or(0))
    }

    /// The due date after a pause from `paused_at` to `resumed_at`: the working time that was
    /// left when the clock stopped counts again from the resumption.
    pub fn resume(
        &self,
        due: DateTime<Utc>,
        paused_at: DateTime<Utc>,
        resumed_at: DateTime<Utc>,
    ) -> DateTime<Utc> {
        self.calendar.resume_after_pause(due, paused_at, resumed_at)
    }

    /// Working minutes from `now` to `due` (negative when overdue).
    pub fn left(&self, now: DateTime<Utc>, due: DateTime<Utc>) -> i64 {
        self.calendar.time_left(now, due)
    }

    /// The end of the working day `date` (an apology letter's new date), or `None` when `date`
    /// is not a working day.
    pub fn end_of_day(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        let end = self.calendar.day_end(date)?;
        date.and_time(end)
            .and_local_timezone(vietnam())
            .single()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// `HH:MM dd/MM/yyyy` in Vietnam time, as notices and slips print dates.
pub fn local_text(at: DateTime<Utc>) -> String {
    at.with_timezone(&vietnam())
        .format("%H:%M %d/%m/%Y")
        .to_string()
}
