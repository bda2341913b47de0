//! Unit tests of working time: worked examples of due dates, pauses and the cut-off, the
//! holiday file, and properties of the arithmetic.

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
    let days = parse_calendar_csv(good).unwrap_or_default();
    assert_eq!(days.len(), 2);
    assert_eq!(days[0].day.name, "Tết Nguyên đán, mùng 1");
    assert_eq!(days[1].day.kind, HolidayKind::WorkingDay);
    assert!(
        days.iter().all(|d| d.scope.is_empty()),
        "the whole country's"
    );
    let bad_date = "date,kind,name\n2026-02-30,holiday,X\n";
    assert_eq!(parse_calendar_csv(bad_date).map_err(|e| e.line), Err(2));
    let bad_kind = "date,kind,name\n2026-02-16,nghi,X\n";
    assert!(parse_calendar_csv(bad_kind)
        .is_err_and(|e| e.line == 2 && e.message.contains("working_day")));
    assert!(parse_calendar_csv("day,name\n").is_err_and(|e| e.line == 1));
    // With a scope column: a province's or an agency's day, or the whole country's (empty).
    let scoped = "date,kind,scope,name\n2026-04-30,holiday,,Giải phóng miền Nam, thống nhất\n\
                  2026-03-26,half_day,80,Lễ hội tỉnh\n";
    let days = parse_calendar_csv(scoped).unwrap_or_default();
    assert_eq!(
        days.iter()
            .map(|d| (d.scope.as_str(), d.day.name.as_str(), d.day.kind))
            .collect::<Vec<_>>(),
        [
            ("", "Giải phóng miền Nam, thống nhất", HolidayKind::Holiday),
            ("80", "Lễ hội tỉnh", HolidayKind::HalfDay)
        ]
    );
}

fn any_start() -> impl Strategy<Value = DateTime<Utc>> {
    // Any minute of 2026.
    (0i64..365 * 24 * 60).prop_map(|m| vn(2026, 1, 1, 0, 0) + Duration::minutes(m))
}

fn inside_working_time(cal: &Calendar, t: DateTime<Utc>) -> bool {
    let local = t.with_timezone(&zone()).naive_local();
    cal.periods(local.date())
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

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn a_desk_open_on_saturday_mornings_counts_them() {
    let week = WeekHours::parse("07:00-11:30,13:30-17:00;sat=07:30-11:30").unwrap_or_default();
    let open = Calendar::new(week, Vec::new());
    let closed = Calendar::new(WorkingHours::default(), Vec::new());
    // One working day from Friday 4 December 2026 15:00: two hours on Friday, then Monday
    // until 15:00 — or four on Saturday morning and Monday until 09:00.
    assert_eq!(
        closed.due_at(vn(2026, 12, 4, 15, 0), 1),
        vn(2026, 12, 7, 15, 0)
    );
    assert_eq!(
        open.due_at(vn(2026, 12, 4, 15, 0), 1),
        vn(2026, 12, 7, 9, 0)
    );
    assert!(open.is_working_day(date(2026, 12, 5)));
    assert!(!open.is_working_day(date(2026, 12, 6)));
    assert!(!closed.is_working_day(date(2026, 12, 5)));
    // A same-day request after Friday's cut-off is due when the Saturday desk closes.
    assert_eq!(
        open.due_same_day(vn(2026, 12, 4, 16, 0), hm(15, 0)),
        vn(2026, 12, 5, 11, 30)
    );
    assert_eq!(
        closed.due_same_day(vn(2026, 12, 4, 16, 0), hm(15, 0)),
        vn(2026, 12, 7, 17, 0)
    );
    // One working day is still a usual day's eight hours.
    assert_eq!(open.usual_hours().minutes_per_day(), 480);
}

#[test]
fn a_half_day_off_keeps_the_morning() {
    // Thursday 24 December 2026, afternoon off.
    let cal = Calendar::new(
        WorkingHours::default(),
        vec![day(2026, 12, 24, HolidayKind::HalfDay)],
    );
    assert_eq!(cal.day_end(date(2026, 12, 24)), Some(hm(11, 30)));
    // From Thursday 07:00: the morning's 4 h 30, then Friday until 10:30.
    assert_eq!(
        cal.due_at(vn(2026, 12, 24, 7, 0), 1),
        vn(2026, 12, 25, 10, 30)
    );
    // A same-day request after the half day's closing is due the next working day.
    assert_eq!(
        cal.due_same_day(vn(2026, 12, 24, 13, 0), hm(15, 0)),
        vn(2026, 12, 25, 17, 0)
    );
    assert_eq!(
        cal.due_same_day(vn(2026, 12, 24, 9, 0), hm(15, 0)),
        vn(2026, 12, 24, 11, 30)
    );
}

#[test]
fn a_make_up_day_is_a_usual_working_day_even_where_saturday_is_half_open() {
    let week = WeekHours::parse("07:00-11:30,13:30-17:00;t7=07:30-11:30").unwrap_or_default();
    let cal = Calendar::new(week, vec![day(2026, 12, 26, HolidayKind::WorkingDay)]);
    assert_eq!(cal.periods(date(2026, 12, 26)).len(), 2);
    assert_eq!(cal.day_end(date(2026, 12, 26)), Some(hm(17, 0)));
    // A usual Saturday keeps its morning.
    assert_eq!(cal.day_end(date(2026, 12, 19)), Some(hm(11, 30)));
}

#[test]
fn week_hours_are_read_and_written_back() {
    let week = WeekHours::parse(" 07:30-11:30,13:00-17:00 ; T7 = 07:30-11:30; fri=off")
        .unwrap_or_default();
    assert_eq!(
        week.to_string(),
        "07:30-11:30,13:00-17:00;fri=off;sat=07:30-11:30"
    );
    assert_eq!(WeekHours::parse(&week.to_string()), Ok(week));
    assert_eq!(WeekHours::default().to_string(), "07:00-11:30,13:30-17:00");
    assert_eq!(
        WeekHours::parse("xyz=07:00-11:00"),
        Err(WorkingHoursError::BadDay("xyz".into()))
    );
    assert_eq!(WeekHours::parse(""), Err(WorkingHoursError::Empty));
    assert_eq!(
        WeekHours::parse("mon=off;tue=off;wed=off;thu=off;fri=off"),
        Err(WorkingHoursError::Empty)
    );
    assert!(matches!(
        WeekHours::parse("sat=7h-11h"),
        Err(WorkingHoursError::BadTime(_))
    ));
}
