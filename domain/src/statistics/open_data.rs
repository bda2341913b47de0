//! The statistics as open data: the same figures as the page, with every count from 1 to 4
//! suppressed (and every rate or average whose basis is under 5), so that nothing published
//! can point at a person — a commune with two withdrawals in a month is not a secret to keep
//! from the public, but which two neighbours withdrew might be. A data dictionary names each
//! column, and the licence note says how the data may be reused.

use serde::Serialize;

use super::figures::{percent, Figures};
use super::report::Report;

/// Counts below this (and above 0) are not published.
pub const SUPPRESS_BELOW: i64 = 5;

/// The licence the open data is published under.
pub const LICENCE: &str = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): reuse \
    freely, naming the portal as the source. / Được tự do sử dụng lại, ghi rõ nguồn là Cổng \
    Dịch vụ công.";

/// One column of the open data: its name, unit and meaning in Vietnamese and English.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Column {
    /// Column name in the CSV and key in the JSON.
    pub name: &'static str,
    /// `count`, `percent` or `minutes`.
    pub unit: &'static str,
    /// Meaning, in Vietnamese.
    pub vi: &'static str,
    /// Meaning, in English.
    pub en: &'static str,
}

const fn col(name: &'static str, unit: &'static str, vi: &'static str, en: &'static str) -> Column {
    Column { name, unit, vi, en }
}

/// Every published figure, in column order.
pub const DICTIONARY: [Column; 23] = [
    col(
        "carried_over",
        "count",
        "Hồ sơ kỳ trước chuyển qua (đang giải quyết cuối ngày trước kỳ)",
        "Open at the end of the day before the period",
    ),
    col(
        "received",
        "count",
        "Hồ sơ tiếp nhận trong kỳ",
        "Received in the period",
    ),
    col(
        "received_online",
        "count",
        "Tiếp nhận trực tuyến",
        "Received online",
    ),
    col(
        "received_counter",
        "count",
        "Tiếp nhận trực tiếp tại bộ phận một cửa",
        "Registered at the counter",
    ),
    col(
        "received_post",
        "count",
        "Tiếp nhận qua bưu chính",
        "Sent in by post",
    ),
    col(
        "resolved",
        "count",
        "Đã giải quyết (kết quả được phê duyệt)",
        "Resolved (result approved)",
    ),
    col(
        "resolved_on_time",
        "count",
        "Giải quyết đúng hạn",
        "Resolved by the due time",
    ),
    col(
        "resolved_late",
        "count",
        "Giải quyết quá hạn (kể cả hồ sơ có văn bản xin lỗi)",
        "Resolved late (including after an apology letter)",
    ),
    col("refused", "count", "Từ chối tiếp nhận", "Refused at intake"),
    col("stopped", "count", "Dừng xử lý", "Processing stopped"),
    col(
        "withdrawn",
        "count",
        "Rút hồ sơ",
        "Withdrawn by the applicant",
    ),
    col(
        "pending_in_time",
        "count",
        "Đang giải quyết trong hạn (cuối kỳ)",
        "Open within time at the end",
    ),
    col(
        "pending_overdue",
        "count",
        "Đang giải quyết quá hạn (cuối kỳ, đã qua ngày hẹn)",
        "Open after the appointment day, at the end",
    ),
    col(
        "supplement_requests",
        "count",
        "Lượt yêu cầu bổ sung hồ sơ",
        "Requests for more documents",
    ),
    col(
        "on_time_rate",
        "percent",
        "Tỷ lệ giải quyết đúng hạn (làm tròn xuống)",
        "Share resolved on time (rounded down)",
    ),
    col(
        "online_rate",
        "percent",
        "Tỷ lệ tiếp nhận trực tuyến",
        "Share received online",
    ),
    col(
        "paid_online_rate",
        "percent",
        "Tỷ lệ phí, lệ phí thanh toán trực tuyến (trên hồ sơ có phí đã giải quyết)",
        "Share of resolved dossiers with a fee paid online",
    ),
    col(
        "digitised_rate",
        "percent",
        "Tỷ lệ hồ sơ tiếp nhận có thành phần hồ sơ điện tử (số hóa)",
        "Share received with the documents as files (digitised)",
    ),
    col(
        "e_result_rate",
        "percent",
        "Tỷ lệ trả kết quả điện tử có ký số",
        "Share resolved with a signed electronic result",
    ),
    col(
        "average_work_minutes",
        "minutes",
        "Thời gian giải quyết trung bình, phút làm việc từ tiếp nhận đến phê duyệt",
        "Average working minutes from acceptance to approval",
    ),
    col(
        "ratings",
        "count",
        "Lượt đánh giá (hồ sơ và tại quầy)",
        "Ratings given (dossiers and counters)",
    ),
    col(
        "satisfied",
        "count",
        "Lượt hài lòng và rất hài lòng",
        "Satisfied and very satisfied ratings",
    ),
    col(
        "satisfied_rate",
        "percent",
        "Tỷ lệ hài lòng",
        "Share satisfied",
    ),
];

/// A count as published: `None` when it is 1–4.
pub fn count(n: i64) -> Option<i64> {
    (n == 0 || n >= SUPPRESS_BELOW).then_some(n)
}

/// A rate of `part` in `whole` as published: `None` when `whole` is under 5.
fn rate(part: i64, whole: i64) -> Option<i64> {
    if whole < SUPPRESS_BELOW {
        return None;
    }
    percent(part, whole)
}

/// The published values of `f`, in [`DICTIONARY`] order.
pub fn values(f: &Figures) -> [Option<i64>; 23] {
    let satisfied = f.very_satisfied + f.satisfied;
    [
        count(f.carried_over),
        count(f.received()),
        count(f.received_online),
        count(f.received_counter),
        count(f.received_post),
        count(f.resolved()),
        count(f.resolved_on_time),
        count(f.resolved_late),
        count(f.refused),
        count(f.stopped),
        count(f.withdrawn),
        count(f.pending_in_time),
        count(f.pending_overdue),
        count(f.supplement_requests),
        rate(f.resolved_on_time, f.resolved()),
        rate(f.received_online, f.received()),
        rate(f.paid_online, f.with_fee),
        rate(f.digitised, f.received()),
        rate(f.e_results, f.resolved()),
        (f.resolved() >= SUPPRESS_BELOW).then(|| f.work_minutes / f.resolved()),
        count(f.ratings()),
        count(satisfied),
        rate(satisfied, f.ratings()),
    ]
}

/// The published values of `f` as a JSON object keyed by column name (`null`: suppressed or
/// no basis).
pub fn json(f: &Figures) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = DICTIONARY
        .iter()
        .zip(values(f))
        .map(|(c, v)| (c.name.to_owned(), serde_json::json!(v)))
        .collect();
    serde_json::Value::Object(map)
}

/// The report as CSV: one line for the whole scope (`agency_code` `*`) and one per agency,
/// with the period, then every column of [`DICTIONARY`]; a suppressed value is empty.
/// `name_of` gives an agency's name.
pub fn csv(report: &Report, name_of: impl Fn(&str) -> String) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec!["period", "agency_code", "agency_name"];
    head.extend(DICTIONARY.iter().map(|c| c.name));
    w.write_record(&head)?;
    let period = report.period.code();
    let mut line = |code: &str, name: String, f: &Figures| -> Result<(), csv::Error> {
        let mut record = vec![period.clone(), code.to_owned(), name];
        record.extend(
            values(f)
                .iter()
                .map(|v| v.map(|n| n.to_string()).unwrap_or_default()),
        );
        w.write_record(&record)
    };
    line("*", String::new(), &report.current)?;
    for (code, f) in &report.by_agency {
        line(code, name_of(code), f)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_and_rates_on_small_bases_are_suppressed() {
        assert_eq!(
            (count(0), count(1), count(4), count(5)),
            (Some(0), None, None, Some(5))
        );
        let f = Figures {
            received_online: 3,
            received_counter: 9,
            resolved_on_time: 4,
            resolved_late: 0,
            satisfied: 2,
            ..Figures::default()
        };
        let v = json(&f);
        assert_eq!(v["received_online"], serde_json::json!(null));
        assert_eq!(v["received"], serde_json::json!(12));
        assert_eq!(v["online_rate"], serde_json::json!(25));
        assert_eq!(
            v["on_time_rate"],
            serde_json::json!(null),
            "4 resolved is too few"
        );
        assert_eq!(v["satisfied_rate"], serde_json::json!(null));
        assert_eq!(v["resolved_late"], serde_json::json!(0));
        assert_eq!(DICTIONARY.len(), values(&f).len());
    }
}
