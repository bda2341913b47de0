//! The benchmark commands of `make bench` (`portal bench-search`, `bench-password`,
//! `bench-filing`, `generate-catalogue`, `generate-dossiers`): built only with the `bench`
//! feature, so the production binary carries none of them.

pub mod filing;
pub mod queue_data;
pub mod statistics_data;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use domain::catalogue_index::{CatalogueQuery, Snapshot};
use serde::Serialize;

use crate::config::Config;

/// The benchmark subcommands (hidden from `--help`: they are for `make bench`).
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Write a national-size synthetic catalogue (for `make bench`) built from a seed file.
    #[command(hide = true)]
    GenerateCatalogue {
        /// Number of procedures.
        #[arg(long, default_value_t = 6800)]
        count: usize,
        /// Seed procedures to vary (default: seed_dir/procedures.json).
        #[arg(long)]
        from: Option<PathBuf>,
        /// Output JSON file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Time catalogue searches in-process against the configured database (for `make bench`).
    #[command(hide = true)]
    BenchSearch {
        /// Rounds over the query set.
        #[arg(long, default_value_t = 200)]
        rounds: usize,
    },
    /// Time Argon2id password checks in-process (for `make bench`).
    #[command(hide = true)]
    BenchPassword {
        /// Checks to time.
        #[arg(long, default_value_t = 200)]
        rounds: usize,
    },
    /// Complete online filings against a running portal over HTTP (benchmark; JSON out).
    #[command(hide = true)]
    BenchFiling {
        /// The running portal.
        #[arg(long)]
        url: String,
        /// Filings to make.
        #[arg(long, default_value_t = 200)]
        count: usize,
        /// Filings in flight at once.
        #[arg(long, default_value_t = 16)]
        concurrency: usize,
        /// Size of each uploaded document in bytes.
        #[arg(long, default_value_t = 1_048_576)]
        size: usize,
    },
    /// Fill the configured PostgreSQL database with generated filed dossiers (benchmark of the
    /// staff queues; JSON out). Replaces an earlier generated set; leaves other dossiers alone.
    #[command(hide = true)]
    GenerateDossiers {
        /// Dossiers to generate.
        #[arg(long, default_value_t = 1_000_000)]
        count: i64,
        /// Days of filing dates, back from today.
        #[arg(long, default_value_t = 730)]
        days: i64,
    },
    /// Make the statistics rollups of the generated dossiers (benchmark of `/thong-ke` and the
    /// index; JSON out). Replaces every rollup.
    #[command(hide = true)]
    GenerateRollups,
}

/// Runs one benchmark command against the configured database or portal; JSON on stdout.
pub async fn run(command: Command, config: &Config) -> anyhow::Result<()> {
    match command {
        Command::GenerateCatalogue { count, from, out } => {
            let from = from.unwrap_or_else(|| config.seed_dir.join("procedures.json"));
            let text = std::fs::read_to_string(&from)?;
            let seed = domain::catalogue_import::parse(&text, &from.display().to_string())?;
            let rows: Vec<_> = seed.into_iter().map(|r| r.row).collect();
            let all = domain::testing::synthetic_catalogue(&rows, count);
            std::fs::write(&out, serde_json::to_vec(&all)?)?;
            println!("{} procedures written to {}", all.len(), out.display());
            Ok(())
        }
        Command::BenchSearch { rounds } => {
            let db = crate::database::open(config).await?;
            let index = domain::catalogue_index::CatalogueIndex::new(Duration::from_secs(3600));
            let snapshot = index.snapshot(&db).await?;
            let timings = search_latencies(&snapshot, rounds);
            println!("{}", serde_json::to_string(&timings)?);
            Ok(())
        }
        Command::BenchFiling {
            url,
            count,
            concurrency,
            size,
        } => {
            let db = crate::database::open(config).await?;
            let timings = filing::run(&db, &url, count, concurrency, size).await?;
            println!("{}", serde_json::to_string(&timings)?);
            Ok(())
        }
        Command::GenerateDossiers { count, days } => {
            let db = crate::database::open(config).await?;
            let generated = queue_data::generate(&db, count, days).await?;
            println!("{}", serde_json::to_string(&generated)?);
            Ok(())
        }
        Command::GenerateRollups => {
            let db = crate::database::open(config).await?;
            let made = statistics_data::generate(&db).await?;
            println!("{}", serde_json::to_string(&made)?);
            Ok(())
        }
        Command::BenchPassword { rounds } => {
            let timings = password_latencies(rounds)?;
            println!("{}", serde_json::to_string(&timings)?);
            Ok(())
        }
    }
}

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
