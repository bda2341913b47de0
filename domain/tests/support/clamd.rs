//! Starts a real clamd for a test (shared by the domain's and the server's tests): a
//! one-signature database (ClamAV's signature mirror is not reachable here) holding the EICAR
//! test file's MD5 hash, made with `sigtool --md5`; TCP on a free port and a Unix socket in a
//! temporary folder; stopped when dropped.
#![allow(dead_code, reason = "each test crate uses part of it")]

use std::error::Error;
use std::process::Command;
use std::time::Duration;

use domain::antivirus::Clamd;
use domain::testing::services::{find_program, free_port, require, ServerProcess};

/// The EICAR anti-virus test file (eicar.org): harmless, detected by every scanner.
pub const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// clamd's `StreamMaxLength` in these tests, so that "too large" is reached quickly.
pub const STREAM_MAX_MB: usize = 8;

/// A running clamd listening on a TCP port and a Unix socket; stopped when dropped.
pub struct RunningClamd {
    /// `tcp://127.0.0.1:port`.
    pub tcp: String,
    /// The Unix socket's path.
    pub unix: String,
    _process: ServerProcess,
    _dir: tempfile::TempDir,
}

/// Starts clamd, or gives `None` (test skipped) when ClamAV is not installed.
pub async fn start_clamd() -> Result<Option<RunningClamd>, Box<dyn Error>> {
    let Some(clamd) = require(
        find_program("clamd"),
        "clamd",
        "the Debian package clamav-daemon",
    )?
    else {
        return Ok(None);
    };
    let Some(sigtool) = require(
        find_program("sigtool"),
        "sigtool",
        "the Debian package clamav",
    )?
    else {
        return Ok(None);
    };
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("db");
    std::fs::create_dir(&db)?;
    std::fs::write(dir.path().join("eicar.txt"), EICAR)?;
    let signature = Command::new(sigtool)
        .args(["--md5", "eicar.txt"])
        .current_dir(dir.path())
        .output()?;
    if !signature.status.success() || signature.stdout.is_empty() {
        return Err(format!(
            "sigtool --md5 failed: {}",
            String::from_utf8_lossy(&signature.stderr)
        )
        .into());
    }
    std::fs::write(db.join("eicar.hdb"), &signature.stdout)?;

    let port = free_port()?;
    let socket = dir.path().join("clamd.sock");
    let conf = dir.path().join("clamd.conf");
    std::fs::write(
        &conf,
        format!(
            "DatabaseDirectory {db}\nTCPSocket {port}\nTCPAddr 127.0.0.1\nLocalSocket {socket}\n\
             PidFile {pid}\nTemporaryDirectory {tmp}\nForeground yes\n\
             StreamMaxLength {STREAM_MAX_MB}M\n",
            db = db.display(),
            socket = socket.display(),
            pid = dir.path().join("clamd.pid").display(),
            tmp = dir.path().display(),
        ),
    )?;
    let mut process = ServerProcess::spawn(
        "clamd",
        Command::new(clamd).arg("-c").arg(&conf),
        &dir.path().join("clamd.log"),
    )?;
    let tcp = format!("tcp://127.0.0.1:{port}");
    let client = Clamd::new(&tcp, Duration::from_secs(5))?;
    process
        .wait_until_ready(Duration::from_secs(60), || {
            let client = client.clone();
            async move { client.ping().await.is_ok() }
        })
        .await?;
    Ok(Some(RunningClamd {
        tcp,
        unix: socket.display().to_string(),
        _process: process,
        _dir: dir,
    }))
}
