//! Real servers that integration tests start themselves (clamd, an S3 server, an SMTP server):
//! finding their programs, skipping or failing when one is missing, free ports, and a guard that
//! stops the server even when the test panics.
//!
//! A missing program skips the test with a note, so `cargo test` works on a bare laptop; with
//! `PORTAL_REQUIRE_ALL_SERVICES=1` (set by `scripts/test.sh`) it fails the test instead, naming
//! the package to install, so CI cannot pass by skipping.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Environment variable that turns a missing test server into a failure.
pub const REQUIRE_ALL_SERVICES_ENV: &str = "PORTAL_REQUIRE_ALL_SERVICES";

/// A test server's program is missing and [`REQUIRE_ALL_SERVICES_ENV`] is set.
#[derive(Debug, thiserror::Error)]
#[error("{what} is missing: install {install} (scripts/setup.sh test does)")]
pub struct MissingService {
    /// What was looked for.
    pub what: String,
    /// What to install.
    pub install: String,
}

/// `Ok(Some(found))` when present; when missing, `Ok(None)` after printing a skip note, or an
/// error if every service is required.
pub fn require<T>(
    found: Option<T>,
    what: &str,
    install: &str,
) -> Result<Option<T>, MissingService> {
    if found.is_some() {
        return Ok(found);
    }
    if std::env::var(REQUIRE_ALL_SERVICES_ENV).is_ok_and(|v| v == "1") {
        return Err(MissingService {
            what: what.to_owned(),
            install: install.to_owned(),
        });
    }
    eprintln!(
        "skipped: {what} is missing (install {install}; set {REQUIRE_ALL_SERVICES_ENV}=1 to fail instead)"
    );
    Ok(None)
}

/// The Python virtual environment `scripts/setup.sh test` fills from
/// `scripts/requirements-test.txt`; its `bin` is searched after `PATH`.
fn test_venv_bin() -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    Some(Path::new(&home).join(".cache/dichvucong/venv/bin"))
}

/// Folders searched for a program: `PATH`, then the system `sbin` folders (clamd lives in
/// `/usr/sbin`, often not on a user's `PATH`), then the test virtual environment.
fn search_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    dirs.extend(["/usr/local/sbin", "/usr/sbin", "/sbin"].map(PathBuf::from));
    dirs.extend(test_venv_bin());
    dirs
}

/// The first executable file called `name` in the folders above.
pub fn find_program(name: &str) -> Option<PathBuf> {
    search_dirs()
        .into_iter()
        .map(|dir| dir.join(name))
        .find(|path| is_executable(path))
}

/// The first `python3` (as [`find_program`] searches) that can import `module`.
pub fn find_python_with(module: &str) -> Option<PathBuf> {
    search_dirs()
        .into_iter()
        .map(|dir| dir.join("python3"))
        .filter(|path| is_executable(path))
        .find(|python| {
            Command::new(python)
                .args(["-c", &format!("import {module}")])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Ports this test process has handed out: tests run in parallel threads, and the system may
/// offer a just-released port again, so two tests could start their servers on one port (the
/// second server fails to bind, its test talks to the first one's and loses it when that test
/// ends).
static GIVEN_PORTS: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());

/// A port on 127.0.0.1 that was free a moment ago (the server is told to listen on it), never
/// the same twice in one test process.
pub fn free_port() -> std::io::Result<u16> {
    for _ in 0..100 {
        let port = std::net::TcpListener::bind(("127.0.0.1", 0))?
            .local_addr()?
            .port();
        let mut given = GIVEN_PORTS
            .lock()
            .map_err(|_| std::io::Error::other("port list poisoned"))?;
        if !given.contains(&port) {
            given.push(port);
            return Ok(port);
        }
    }
    Err(std::io::Error::other("no new free port"))
}

/// A server process that is killed when this guard is dropped, including when the test panics.
/// Its output goes to a log file that is shown when it fails to start.
pub struct ServerProcess {
    name: String,
    child: Child,
    log: PathBuf,
}

impl ServerProcess {
    /// Starts `command` with its stdout and stderr written to `log`.
    pub fn spawn(name: &str, command: &mut Command, log: &Path) -> std::io::Result<ServerProcess> {
        let out = std::fs::File::create(log)?;
        let err = out.try_clone()?;
        let child = command
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()?;
        Ok(ServerProcess {
            name: name.to_owned(),
            child,
            log: log.to_owned(),
        })
    }

    /// What the server printed so far.
    pub fn output(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Polls `ready` every 100 ms until it is true; fails if the server exits or `timeout`
    /// passes first, with the server's output in the message.
    pub async fn wait_until_ready<F, Fut>(
        &mut self,
        timeout: Duration,
        mut ready: F,
    ) -> Result<(), String>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "{} exited ({status}) before it was ready:\n{}",
                    self.name,
                    self.output()
                ));
            }
            if ready().await {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(format!(
                    "{} was not ready within {timeout:?}:\n{}",
                    self.name,
                    self.output()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_present_service_is_returned() {
        assert_eq!(require(Some(1), "x", "y").ok().flatten(), Some(1));
    }

    #[test]
    fn a_missing_program_is_not_found() {
        assert_eq!(find_program("no-such-program-for-portal-tests"), None);
    }
}
