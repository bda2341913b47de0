//! Test databases: a fresh, migrated database per test, on SQLite in memory by default or on
//! PostgreSQL when `PORTAL_TEST_DATABASE_URL` points at a server (each test then gets its own
//! database, so tests run in parallel without seeing each other's rows).

use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

/// Environment variable naming the PostgreSQL server used by the PostgreSQL test run.
pub const TEST_DATABASE_ENV: &str = "PORTAL_TEST_DATABASE_URL";

/// Opens a new, empty, migrated database for one test.
pub async fn fresh_database() -> Result<DatabaseConnection, DbErr> {
    let db = match std::env::var(TEST_DATABASE_ENV) {
        Ok(url) if url.starts_with("postgres") => {
            let admin = crate::db::connect(&url, 2).await?;
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&url);
            crate::db::connect(&format!("{base}/{name}"), 4).await?
        }
        _ => crate::db::connect("sqlite::memory:", 1).await?,
    };
    migrations::Migrator::up(&db, None).await?;
    Ok(db)
}

/// The repository's `seed/` folder (tests load the real demo data).
pub fn seed_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seed")
}

/// A national-size catalogue for benchmarks: the demo procedures repeated with realistic
/// variations of their names ("… đối với tổ chức", "Cấp lại …") and codes `BENCH.NNNNN`, until
/// there are `count` rows. Deterministic, so runs compare.
pub fn synthetic_catalogue(
    seed: &[crate::catalogue_import::ProcedureRow],
    count: usize,
) -> Vec<crate::catalogue_import::ProcedureRow> {
    const QUALIFIERS: [&str; 12] = [
        "đối với tổ chức",
        "đối với cá nhân",
        "trong khu công nghiệp",
        "có yếu tố nước ngoài",
        "tại cấp xã",
        "thuộc thẩm quyền cấp tỉnh",
        "trường hợp bị mất, hư hỏng",
        "đối với hộ gia đình",
        "cho người khuyết tật",
        "trên địa bàn biên giới",
        "đối với doanh nghiệp nhỏ và vừa",
        "khi thay đổi nội dung",
    ];
    const PREFIXES: [&str; 4] = ["", "Cấp lại ", "Điều chỉnh ", "Gia hạn "];
    let mut out: Vec<_> = seed.to_vec();
    let mut k = 0usize;
    while out.len() < count && !seed.is_empty() {
        let base = &seed[k % seed.len()];
        let round = k / seed.len();
        let mut row = base.clone();
        let prefix = PREFIXES[round % PREFIXES.len()];
        let name = if prefix.is_empty() {
            base.name.clone()
        } else {
            let mut chars = base.name.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            format!("{prefix}{}{}", first.unwrap_or_default(), chars.as_str())
        };
        row.name = format!("{name} {}", QUALIFIERS[(k * 7 + round) % QUALIFIERS.len()]);
        row.code = format!("BENCH.{k:05}");
        row.popular = false;
        out.push(row);
        k += 1;
    }
    out.truncate(count);
    out
}
