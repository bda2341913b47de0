//! A national-scale dossier table for `make bench` (`portal generate-dossiers`): a million
//! filed dossiers spread over every agency, with the status mix of a portal in steady state
//! (about nine in ten returned, the rest open, refused or withdrawn), two years (or as many days
//! as asked) of filing dates,
//! due dates around today (some overdue) and each dossier's agency part recorded, so the staff
//! queues and the staff search are measured against realistic row counts.
//!
//! Rows are made by the database itself (`generate_series`), since a million inserts through
//! the application would take longer than the measurement; PostgreSQL only.

use anyhow::{bail, Context};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde::Serialize;

/// What was generated.
#[derive(Serialize)]
pub struct Generated {
    /// Dossiers inserted.
    pub dossiers: i64,
    /// Of them held by the agency the benchmark signs in to.
    pub in_bench_agency: i64,
    /// Of those, open (their queues are what the page counts and lists).
    pub open_in_bench_agency: i64,
    /// Seconds taken (insert and ANALYZE).
    pub seconds: f64,
}

/// The desk whose clerk the benchmark signs in as: the public administration centre, which
/// receives one dossier in five (the province's busiest desk).
pub const BENCH_AGENCY: &str = "000.00.02.H53";

const INSERT: &str = r#"
WITH agencies AS (SELECT array_agg(code ORDER BY code) AS a FROM agency),
     procedures AS (SELECT array_agg(code ORDER BY code) AS p FROM procedure),
     rows AS (
       SELECT g,
              CASE WHEN g % 5 = 0 THEN $1 ELSE a[1 + (g % array_length(a, 1))] END AS agency,
              p[1 + (g % array_length(p, 1))] AS procedure_code,
              CASE
                WHEN g % 100 < 2 THEN 'submitted'
                WHEN g % 100 < 3 THEN 'accepted'
                WHEN g % 100 < 6 THEN 'processing'
                WHEN g % 100 < 7 THEN 'supplement_requested'
                WHEN g % 100 < 8 THEN 'processed'
                WHEN g % 100 < 9 THEN 'refused'
                WHEN g % 100 < 10 THEN 'withdrawn'
                ELSE 'returned'
              END AS status,
              now() - ((g % $3::bigint) * interval '1 day') - ((g % 480) * interval '1 minute') AS filed
       FROM generate_series(1, $2::bigint) AS g, agencies, procedures
     )
INSERT INTO dossier (
  id, code, owner_id, procedure_code, procedure_version, receiving_agency_code, status,
  applicant, answers, delivery, progress, declared_at, fee_due_vnd, revision, created_at,
  updated_at, submitted_at, holding_agency_code, step_index, step_role, accepted_at, due_at,
  paused_at, resume_status, apologies, applicant_search, applicant_citizen_id, finished_at,
  channel)
SELECT
  md5('bench-dossier-' || g)::uuid::text,
  agency || '-' || to_char(filed, 'YYMMDD') || '-B' || lpad(g::text, 7, '0'),
  'bench-owner',
  procedure_code,
  1,
  agency,
  status,
  jsonb_build_object('full_name', 'Nguyễn Văn Bench ' || g, 'citizen_id', '0721' || lpad(g::text, 8, '0')),
  '{}'::jsonb,
  '{"method":"electronic"}'::jsonb,
  'applicant,form,documents,delivery',
  filed,
  0,
  2,
  filed,
  filed,
  filed,
  agency,
  CASE WHEN status IN ('accepted', 'processing') THEN 0 ELSE NULL END,
  CASE WHEN status = 'processing' AND g % 2 = 0 THEN 'leader'
       WHEN status IN ('accepted', 'processing') THEN 'specialist' ELSE NULL END,
  CASE WHEN status = 'submitted' THEN NULL ELSE filed + interval '2 hours' END,
  CASE WHEN status IN ('accepted', 'processing', 'supplement_requested')
       THEN now() + (((g % 21) - 5) * interval '1 day')
       WHEN status = 'submitted' THEN NULL
       ELSE filed + interval '10 days' END,
  CASE WHEN status = 'supplement_requested' THEN now() - interval '1 day' ELSE NULL END,
  CASE WHEN status = 'supplement_requested' THEN 'submitted' ELSE NULL END,
  0,
  'nguyen van bench ' || g,
  '0721' || lpad(g::text, 8, '0'),
  CASE WHEN status IN ('processed', 'returned', 'refused', 'withdrawn')
       THEN filed + interval '9 days' ELSE NULL END,
  CASE WHEN g % 3 = 0 THEN 'desk' ELSE 'online' END
FROM rows
"#;

const PARTS: &str = r#"
INSERT INTO dossier_agency (dossier_id, agency_code, since)
SELECT id, receiving_agency_code, submitted_at FROM dossier WHERE owner_id = 'bench-owner'
"#;

async fn scalar(db: &DatabaseConnection, sql: &str) -> anyhow::Result<i64> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            [BENCH_AGENCY.into()],
        ))
        .await?
        .context("no row")?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

/// Inserts `count` dossiers filed over the last `days` days (replacing an earlier generated
/// set) and analyses the tables.
pub async fn generate(db: &DatabaseConnection, count: i64, days: i64) -> anyhow::Result<Generated> {
    if db.get_database_backend() != DbBackend::Postgres {
        bail!("generate-dossiers needs PostgreSQL (it uses generate_series)");
    }
    let start = std::time::Instant::now();
    for sql in [
        "DELETE FROM dossier_agency WHERE dossier_id IN (SELECT id FROM dossier WHERE owner_id = 'bench-owner')",
        "DELETE FROM dossier WHERE owner_id = 'bench-owner'",
    ] {
        db.execute_unprepared(sql).await?;
    }
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        INSERT,
        [BENCH_AGENCY.into(), count.into(), days.max(1).into()],
    ))
    .await?;
    db.execute_unprepared(PARTS).await?;
    // The bulk insert went around the transitions that keep the desk tally.
    domain::dossiers::tally::rebuild(db).await?;
    db.execute_unprepared("VACUUM ANALYZE dossier").await?;
    db.execute_unprepared("VACUUM ANALYZE dossier_agency")
        .await?;
    let dossiers = scalar(
        db,
        "SELECT count(*) FROM dossier WHERE owner_id = 'bench-owner' AND $1 = $1",
    )
    .await?;
    let in_bench_agency = scalar(
        db,
        "SELECT count(*) FROM dossier WHERE holding_agency_code = $1",
    )
    .await?;
    let open_in_bench_agency = scalar(
        db,
        "SELECT count(*) FROM dossier WHERE holding_agency_code = $1 \
         AND status IN ('submitted', 'accepted', 'processing', 'supplement_requested', 'awaiting_payment')",
    )
    .await?;
    Ok(Generated {
        dossiers,
        in_bench_agency,
        open_in_bench_agency,
        seconds: start.elapsed().as_secs_f64(),
    })
}
