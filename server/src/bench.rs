//! In-process search timing for `make bench` (`portal bench-search`).

pub mod filing;
pub mod queue_data;

use std::time::Instant;

use domain::catalogue_index::{CatalogueQuery, Snapshot};
use serde::Serialize;

/// Queries as citizens type them: no diacritics, typos, prefixes, filters.
const QUERIES: [(&str, Option<&str>); 16] = [
    ("khai sinh", None),
    ("dang ky ket hon", None),
    ("giay phep xay dung nha o", None),
    ("ly lich tu phap", None),
    ("dang ky thuong tru", None),
    ("ho kinh doanh", None),
    ("chung thuc ban sao", None),
    ("doi giay phep lai xe", None),
    ("khai snh", None),
    ("giay phep xay dnug", None),
    ("thanh lap cong ty co phan", None),
    ("tro cap that nghiep", None),
    ("dat dai", Some("DATDAI")),
    ("cap lai", None),
    ("g", None),
    ("", None),
];

/// Latency figures in microseconds.
#[derive(Serialize)]
pub struct SearchTimings {
    /// Procedures in the index.
    pub procedures: usize,
    /// Searches timed.
    pub searches: usize,
    /// Median, µs.
    pub p50_us: f64,
    /// 99th percentile, µs.
    pub p99_us: f64,
    /// Slowest, µs.
    pub max_us: f64,
}

/// Runs every query `rounds` times (first page of 20 with facets and highlights, as the pages
/// and the API ask) and reports the latency distribution.
pub fn search_latencies(snapshot: &Snapshot, rounds: usize) -> SearchTimings {
    let mut samples = Vec::with_capacity(rounds * QUERIES.len());
    for _ in 0..rounds {
        for (q, field) in QUERIES {
            let query = CatalogueQuery {
                q: q.to_owned(),
                field: field.map(str::to_owned),
                page: 1,
                per_page: 20,
                ..Default::default()
            };
            let start = Instant::now();
            let found = snapshot.find(&query);
            samples.push(start.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(found);
        }
    }
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
        samples.get(i).copied().unwrap_or(0.0)
    };
    SearchTimings {
        procedures: snapshot.len(),
        searches: samples.len(),
        p50_us: (at(0.50) * 10.0).round() / 10.0,
        p99_us: (at(0.99) * 10.0).round() / 10.0,
        max_us: (samples.last().copied().unwrap_or(0.0) * 10.0).round() / 10.0,
    }
}

/// Argon2id timing of one password check, in milliseconds.
#[derive(Serialize)]
pub struct PasswordTimings {
    /// Checks timed.
    pub checks: usize,
    /// Median, ms.
    pub p50_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
}

/// Times `rounds` password checks against one stored hash, on one core: the cost every sign-in
/// pays, whatever else the request does.
pub fn password_latencies(rounds: usize) -> anyhow::Result<PasswordTimings> {
    let stored = domain::password::hash("Demo@2026")?;
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let ok = domain::password::verify("Demo@2026", &stored);
        samples.push(start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(ok);
    }
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
        samples.get(i).copied().unwrap_or(0.0)
    };
    Ok(PasswordTimings {
        checks: samples.len(),
        p50_ms: (at(0.50) * 100.0).round() / 100.0,
        p99_ms: (at(0.99) * 100.0).round() / 100.0,
    })
}
