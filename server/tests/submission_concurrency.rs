//! 500 drafts submitted at once, half through each of two `portal serve` processes sharing one
//! database (PostgreSQL when `PORTAL_TEST_DATABASE_URL` names one, else one SQLite file): 500
//! dossiers, 500 distinct consecutive codes, one "submitted" event each, nothing half-filed.
//! Each draft is also submitted a second time at once, as a double click would.

use std::collections::HashSet;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use domain::entities::{dossier, dossier_event};
use domain::testing::{citizen, complete_draft, origin, seed_dir};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use sea_orm_migration::MigratorTrait;

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const DRAFTS: u32 = 500;

/// A server process, killed when dropped (also when the test fails).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// A fresh database both processes can open, by URL.
async fn shared_database(
    dir: &std::path::Path,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    match std::env::var(domain::testing::TEST_DATABASE_ENV) {
        Ok(url) if url.starts_with("postgres") => {
            let admin = domain::db::connect(&url, 2).await?;
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&url);
            Ok(format!("{base}/{name}"))
        }
        _ => Ok(format!("sqlite://{}/shared.db?mode=rwc", dir.display())),
    }
}

fn serve(url: &str, dir: &std::path::Path, port: u16) -> std::io::Result<Server> {
    let child = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("serve")
        .env("PORTAL_DATABASE_URL", url)
        .env("PORTAL_LISTEN_ADDR", format!("127.0.0.1:{port}"))
        .env("PORTAL_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
        .env("PORTAL_FILES_DIR", dir.join("files"))
        .env("PORTAL_OUTBOX_DIR", dir.join(format!("outbox-{port}")))
        .env("PORTAL_SITE_ROOT", dir.join("site"))
        .env("PORTAL_SEED_DIR", seed_dir())
        .env("PORTAL_DATABASE_MAX_CONNECTIONS", "20")
        .env("PORTAL_LOG_LEVEL", "warn")
        .stdout(Stdio::null())
        .spawn()?;
    Ok(Server(child))
}

async fn wait_until_up(client: &reqwest::Client, port: u16) -> TestResult {
    for _ in 0..150 {
        if let Ok(r) = client
            .get(format!("http://127.0.0.1:{port}/health"))
            .send()
            .await
        {
            if r.status().is_success() {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(format!("server on port {port} did not start").into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_hundred_submissions_across_two_processes_get_distinct_codes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let url = shared_database(dir.path()).await?;
    let db = domain::db::connect(&url, 8).await?;
    migrations::Migrator::up(&db, None).await?;
    domain::reference_data::load_seed_dir(&db, &seed_dir(), chrono::Utc::now().date_naive())
        .await?;

    // 500 citizens, each with a complete draft and a signed-in session.
    let mut work = Vec::new();
    for n in 0..DRAFTS {
        let actor = citizen(&db, 1000 + n).await?;
        let id = complete_draft(&db, &actor).await?;
        let account = actor.account_id().ok_or("an account")?.to_owned();
        let session = domain::sessions::start(
            &db,
            &account,
            domain::sessions::Policy::default(),
            &origin(),
            None,
        )
        .await?;
        work.push((id, session.token, session.csrf_token));
    }

    let ports = [free_port()?, free_port()?];
    let _servers = [
        serve(&url, dir.path(), ports[0])?,
        serve(&url, dir.path(), ports[1])?,
    ];
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(64)
        .build()?;
    for port in ports {
        wait_until_up(&client, port).await?;
    }

    let mut tasks = Vec::new();
    for (i, (id, token, csrf)) in work.iter().enumerate() {
        for click in 0..2 {
            let port = ports[(i + click) % 2];
            let (client, id, token, csrf) =
                (client.clone(), id.clone(), token.clone(), csrf.clone());
            tasks.push(tokio::spawn(async move {
                let answer = client
                    .post(format!("http://127.0.0.1:{port}/ho-so/{id}/nop"))
                    .header("cookie", format!("sid={token}; csrf={csrf}"))
                    .header("origin", format!("http://127.0.0.1:{port}"))
                    .form(&[("declaration", "true"), ("csrf_token", csrf.as_str())])
                    .send()
                    .await?;
                let to = answer
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                Ok::<_, reqwest::Error>((answer.status().as_u16(), to, id))
            }));
        }
    }
    for task in tasks {
        let (status, to, id) = task.await??;
        assert_eq!(
            (status, to.as_str()),
            (303, format!("/ho-so/{id}?moi=1").as_str())
        );
    }

    let filed = dossier::Entity::find().all(&db).await?;
    assert_eq!(filed.len(), DRAFTS as usize);
    assert!(
        filed.iter().all(|d| d.status == "submitted"),
        "no draft left, nothing half-filed"
    );
    let codes: HashSet<String> = filed.iter().filter_map(|d| d.code.clone()).collect();
    assert_eq!(codes.len(), DRAFTS as usize, "500 distinct codes");
    let mut numbers: Vec<u32> = codes
        .iter()
        .filter_map(|c| c.rsplit('-').next()?.parse().ok())
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=DRAFTS).collect::<Vec<_>>(),
        "consecutive, none repeated"
    );
    let events = dossier_event::Entity::find()
        .filter(dossier_event::Column::Kind.eq("submitted"))
        .count(&db)
        .await?;
    assert_eq!(events, u64::from(DRAFTS), "one submitted event per dossier");
    println!(
        "backend {:?}: {DRAFTS} dossiers, {} codes",
        db.get_database_backend(),
        codes.len()
    );
    Ok(())
}
