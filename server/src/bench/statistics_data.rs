//! Statistics rollups for the generated dossiers of `make bench` (`portal generate-rollups`):
//! the bulk insert of `queue_data` goes around the changes that keep `stat_rollup`, so the
//! rollups are made here from the generated rows by the database in one statement — the
//! figures each dossier would have added (received by channel and digitised, resolved on time
//! or late with its working time, refused, withdrawn, the overdue stock of the open ones, and a
//! rating for four returned dossiers in ten), per day and month, per procedure and in total —
//! so the statistics pages are measured against the row counts a province would have.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};
use serde::Serialize;

/// What was made.
#[derive(Serialize)]
pub struct Rollups {
    /// Rollup rows.
    pub rows: i64,
    /// Seconds taken (insert and ANALYZE).
    pub seconds: f64,
}

const INSERT: &str = r#"
WITH base AS (
  SELECT receiving_agency_code AS a, procedure_code AS p, status, channel, id,
         (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS filed,
         (finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS finished,
         finished_at, due_at, paused_at
  FROM dossier WHERE owner_id = 'bench-owner'
),
facts AS (
  SELECT a, p, filed AS d,
         CASE channel WHEN 'desk' THEN 'received_counter' WHEN 'post' THEN 'received_post'
              ELSE 'received_online' END AS m, 1::bigint AS n FROM base
  UNION ALL SELECT a, p, filed, 'received_digitised', 1 FROM base
  UNION ALL SELECT a, p, finished,
         CASE WHEN finished_at <= due_at THEN 'resolved_on_time' ELSE 'resolved_late' END, 1
         FROM base WHERE status IN ('processed', 'returned')
  UNION ALL SELECT a, p, finished, 'work_minutes', 3360
         FROM base WHERE status IN ('processed', 'returned')
  UNION ALL SELECT a, p, finished, 'resolved_with_fee', 1
         FROM base WHERE status IN ('processed', 'returned') AND channel = 'online'
  UNION ALL SELECT a, p, finished, 'resolved_paid_online', 1
         FROM base WHERE status IN ('processed', 'returned') AND channel = 'online'
  UNION ALL SELECT a, p, finished, 'resolved_e_result', 1
         FROM base WHERE status IN ('processed', 'returned') AND channel = 'online'
  UNION ALL SELECT a, p, finished, status, 1 FROM base WHERE status IN ('refused', 'withdrawn')
  UNION ALL SELECT a, p, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 1, 'overdue_delta', 1
         FROM base WHERE status IN ('accepted', 'processing') AND paused_at IS NULL
  UNION ALL SELECT a, p, finished,
         CASE (hashtext(id) & 2147483647) % 10 WHEN 0 THEN 'rated_not_satisfied'
              WHEN 1 THEN 'rated_satisfied' ELSE 'rated_very_satisfied' END, 1
         FROM base WHERE status = 'returned' AND (hashtext(id) & 2147483647) % 10 < 4
),
expanded AS (
  SELECT a, p, 'd' AS g, to_char(d, 'YYYY-MM-DD') AS per, m, n FROM facts
  UNION ALL SELECT a, p, 'm', to_char(d, 'YYYY-MM'), m, n FROM facts
  UNION ALL SELECT a, '*', 'd', to_char(d, 'YYYY-MM-DD'), m, n FROM facts
  UNION ALL SELECT a, '*', 'm', to_char(d, 'YYYY-MM'), m, n FROM facts
)
INSERT INTO stat_rollup (agency_code, procedure_code, grain, period, metric, n)
SELECT a, p, g, per, m, sum(n) FROM expanded GROUP BY a, p, g, per, m
"#;

/// Replaces the rollups with those of the generated dossiers.
pub async fn generate(db: &DatabaseConnection) -> anyhow::Result<Rollups> {
    if db.get_database_backend() != DbBackend::Postgres {
        anyhow::bail!("generate-rollups needs PostgreSQL");
    }
    let start = std::time::Instant::now();
    db.execute_unprepared("TRUNCATE stat_rollup").await?;
    db.execute_unprepared(INSERT).await?;
    db.execute_unprepared("VACUUM ANALYZE stat_rollup").await?;
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            DbBackend::Postgres,
            "SELECT count(*) FROM stat_rollup",
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no count"))?;
    Ok(Rollups {
        rows: row.try_get_by_index::<i64>(0)?,
        seconds: start.elapsed().as_secs_f64(),
    })
}
