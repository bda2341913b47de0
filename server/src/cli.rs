//! The command line: `portal serve | migrate | seed | import-catalogue | config | send-test-mail`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use sea_orm_migration::MigratorTrait;

use crate::config::Config;
use crate::state::AppState;

/// Online public service portal (Cổng Dịch vụ công): the web server and its maintenance commands.
///
/// Settings come from built-in defaults, then the TOML file given with --config, then
/// environment variables prefixed PORTAL_ (see the README's configuration table).
#[derive(Parser, Debug)]
#[command(name = "portal", version, about, long_about = None)]
pub struct Cli {
    /// TOML configuration file (optional).
    #[arg(long, short, global = true, env = "PORTAL_CONFIG")]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the portal over HTTP until SIGTERM or Ctrl-C.
    Serve {
        /// Apply pending migrations before serving.
        #[arg(long)]
        migrate: bool,
    },
    /// Apply pending database migrations.
    Migrate {
        /// Roll every migration back, then apply them all again (destroys data).
        #[arg(long)]
        fresh: bool,
    },
    /// Load reference and demo data (administrative map, agencies, procedures) idempotently.
    Seed {
        /// Folder of the seed files (defaults to the seed_dir setting).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Import or update the procedure catalogue from a JSON file; reports what changed and
    /// refuses a file with bad rows (with their line numbers) without applying any of it.
    ImportCatalogue {
        /// The JSON file (an array of procedures, as seed/procedures.json).
        file: PathBuf,
        /// Check and report only; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The benchmark commands (built with the `bench` feature only).
    #[cfg(feature = "bench")]
    #[command(flatten)]
    Bench(crate::bench::Command),
    /// Print the effective configuration (passwords masked) as TOML-like lines.
    Config,
    /// Back the SQLite database and the local file folder up into a new folder (online; for
    /// PostgreSQL and S3 see README, "Backup and restore").
    Backup {
        /// The folder to create (must be new or empty).
        dir: std::path::PathBuf,
    },
    /// Restore a backup into the configured (empty) SQLite database and file folder, checking
    /// every file against the backup's manifest first and the row counts after. Stop the
    /// portal first.
    Restore {
        /// The backup's folder.
        dir: std::path::PathBuf,
        /// Overwrite a database or file folder that holds data.
        #[arg(long)]
        force: bool,
    },
    /// Send a test e-mail through the configured transport.
    SendTestMail {
        /// Recipient address.
        #[arg(long)]
        to: String,
    },
}

/// Parses the command line, runs the command, and turns failures into a message and exit code 1.
pub fn run() -> ExitCode {
    crate::tls::install_crypto_provider();
    let cli = Cli::parse();
    // Serving also needs the secrets production reads from the environment; the other
    // commands (migrate, seed, config) do not.
    let loaded = if matches!(cli.command, Command::Serve { .. }) {
        Config::load_to_serve(cli.config.as_deref())
    } else {
        Config::load(cli.config.as_deref())
    };
    let config = match loaded {
        Ok(c) => c,
        Err(e) => {
            eprintln!("portal: {e}");
            return ExitCode::from(2);
        }
    };
    crate::telemetry::init(&config);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("portal: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(execute(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %format!("{e:#}"), "command failed");
            eprintln!("portal: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Config => {
            let redacted = config.redacted();
            let value = serde_json::to_value(&redacted)?;
            if let Some(map) = value.as_object() {
                for (k, v) in map {
                    println!("{k} = {v}");
                }
            }
            Ok(())
        }
        Command::Backup { dir } => {
            let manifest = crate::backup::backup(&config, &dir).await?;
            println!(
                "backed up into {}: {} files, {:?}",
                dir.display(),
                manifest.files.len(),
                manifest.counts
            );
            Ok(())
        }
        Command::Restore { dir, force } => {
            let manifest = crate::backup::restore(&config, &dir, force).await?;
            println!(
                "restored {} (taken {}): {} files, {:?}",
                dir.display(),
                manifest.taken_at,
                manifest.files.len(),
                manifest.counts
            );
            Ok(())
        }
        Command::Migrate { fresh } => {
            let db = crate::database::open(&config).await?;
            if fresh {
                migrations::Migrator::fresh(&db).await?;
            } else {
                migrations::Migrator::up(&db, None).await?;
            }
            let counted = domain::dossiers::tally::rebuild(&db).await?;
            let replayed = domain::statistics::rebuild::if_empty(&db).await?;
            tracing::info!(
                counted,
                ?replayed,
                "migrations applied, desk tally recounted"
            );
            Ok(())
        }
        Command::Seed { dir } => {
            let db = crate::database::open(&config).await?;
            let dir = dir.unwrap_or_else(|| config.seed_dir.clone());
            let report = domain::reference_data::load_seed_dir(&db, &dir, today_in_vietnam())
                .await
                .map_err(|e| anyhow::anyhow!("seed data in {}: {e}", dir.display()))?;
            print!("{report}");
            let demo = dir.join("demo").join("accounts.json");
            if demo.exists() {
                if config.environment == crate::config::Environment::Production {
                    println!("demo accounts skipped: environment is production");
                } else {
                    let created = domain::demo_accounts::load(&db, &demo)
                        .await
                        .map_err(|e| anyhow::anyhow!("{}: {e}", demo.display()))?;
                    println!(
                        "demo accounts: {created} created (password in {})",
                        demo.display()
                    );
                }
            }
            Ok(())
        }
        Command::ImportCatalogue { file, dry_run } => {
            let db = crate::database::open(&config).await?;
            let report =
                domain::catalogue_import::import_file(&db, &file, today_in_vietnam(), dry_run)
                    .await
                    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            print!("{report}");
            if dry_run {
                println!("dry run: nothing was changed");
            }
            Ok(())
        }
        #[cfg(feature = "bench")]
        Command::Bench(command) => crate::bench::run(command, &config).await,
        Command::SendTestMail { to } => {
            let mailer = crate::mail::Mailer::from_config(&config)?;
            mailer
                .send_text(
                    &to,
                    "Thư thử nghiệm từ Cổng Dịch vụ công",
                    "Cấu hình gửi thư của cổng hoạt động bình thường.",
                )
                .await?;
            println!("sent to {to} via {:?}", config.mail_transport);
            Ok(())
        }
        Command::Serve { migrate } => {
            let db = crate::database::open(&config).await?;
            if migrate {
                migrations::Migrator::up(&db, None).await?;
                domain::dossiers::tally::rebuild(&db).await?;
                domain::statistics::rebuild::if_empty(&db).await?;
            }
            serve(config, db).await
        }
    }
}

/// Today's date in Vietnam (UTC+7, no daylight saving), whatever the server's time zone.
fn today_in_vietnam() -> chrono::NaiveDate {
    domain::dossiers::codes::vietnam_date(chrono::Utc::now())
}

/// Serves until SIGTERM/Ctrl-C, then stops accepting connections and lets in-flight requests
/// finish (bounded by `shutdown_grace_secs`).
async fn serve(config: Config, db: sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    let addr = config.listen_addr;
    let grace = Duration::from_secs(config.shutdown_grace_secs);
    crate::security_headers::log_start_choices(&config);
    let state = AppState::with_db(config, db)?;
    crate::ops::metrics_handle();
    let worker = (
        state.db.clone(),
        state.mailer.clone(),
        Duration::from_secs(state.config.outbox_poll_secs),
        crate::outbox_worker::Housekeeping::from_config(&state.config),
    );
    let router =
        crate::router::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on listen_addr {addr}: {e}"))?;
    // Once listening: the first round's housekeeping may call the portal's own simulators
    // (the gateway's statement), which would not answer yet.
    crate::outbox_worker::spawn(worker.0, worker.1, worker.2, worker.3);
    let local = listener.local_addr()?;
    tracing::info!(address = %local, "portal listening");
    println!("Portal is running at http://{local}/ (Ctrl-C to stop)");
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, router).with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("shutdown signal received; finishing in-flight requests");
        let _ = stop_tx.send(());
    });
    let server = tokio::spawn(async move { server.await });
    // After the signal, give in-flight requests the grace period, then stop anyway.
    tokio::select! {
        result = server => { result??; }
        _ = async { let _ = stop_rx.await; tokio::time::sleep(grace).await; } => {
            tracing::warn!("grace period over; exiting with requests still open");
        }
    }
    tracing::info!("portal stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
