//! The SMTP transport against a real SMTP server started by the test: aiosmtpd (PyPI, installed
//! by `scripts/setup.sh test` into the test virtual environment) running
//! `tests/support/smtp_server.py`, which saves each message as Python's e-mail parser decodes it.
//! The local server speaks plain SMTP: `smtp://host:port` (no `tls=` parameter) is lettre's URL
//! for an unencrypted connection.

use std::error::Error;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use domain::testing::services::{find_python_with, free_port, require, ServerProcess};
use server::config::{Config, MailTransport};
use server::mail::{MailError, Mailer};

type TestResult = Result<(), Box<dyn Error>>;

/// A running SMTP server; stopped when dropped.
struct SmtpServer {
    url: String,
    inbox: PathBuf,
    _process: ServerProcess,
    _dir: tempfile::TempDir,
}

impl SmtpServer {
    /// Starts the server, or gives `None` (test skipped) when aiosmtpd is not installed.
    async fn start() -> Result<Option<SmtpServer>, Box<dyn Error>> {
        let Some(python) = require(
            find_python_with("aiosmtpd"),
            "python3 with aiosmtpd",
            "the PyPI package aiosmtpd (scripts/requirements-test.txt)",
        )?
        else {
            return Ok(None);
        };
        let dir = tempfile::tempdir()?;
        let inbox = dir.path().join("inbox");
        std::fs::create_dir(&inbox)?;
        let port = free_port()?;
        let script = domain::testing::manifest_dir().join("tests/support/smtp_server.py");
        let mut process = ServerProcess::spawn(
            "aiosmtpd",
            Command::new(python)
                .arg(script)
                .arg("127.0.0.1")
                .arg(port.to_string())
                .arg(&inbox),
            &dir.path().join("smtp.log"),
        )?;
        process
            .wait_until_ready(Duration::from_secs(30), || async move {
                tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .is_ok()
            })
            .await?;
        Ok(Some(SmtpServer {
            url: format!("smtp://127.0.0.1:{port}"),
            inbox,
            _process: process,
            _dir: dir,
        }))
    }

    /// The messages received so far, in order.
    fn received(&self) -> Result<Vec<serde_json::Value>, Box<dyn Error>> {
        let mut files: Vec<_> = std::fs::read_dir(&self.inbox)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| Ok(serde_json::from_str(&std::fs::read_to_string(f)?)?))
            .collect()
    }
}

fn smtp_mailer(url: &str) -> anyhow::Result<Mailer> {
    Mailer::from_config(&Config {
        mail_transport: MailTransport::Smtp,
        smtp_url: Some(url.to_owned()),
        ..Config::default()
    })
}

#[tokio::test]
async fn smtp_transport_delivers_vietnamese_mail() -> TestResult {
    let Some(server) = SmtpServer::start().await? else {
        return Ok(());
    };
    let mailer = smtp_mailer(&server.url)?;
    let subject = "Hồ sơ HS-2026-000123 đã được tiếp nhận";
    let body = "Kính gửi ông Nguyễn Văn An,\n\nHồ sơ \"Đăng ký khai sinh\" của ông đã được Ủy ban \
                nhân dân phường Bến Thành tiếp nhận ngày 23/11/2026.\nMã tra cứu: HS-2026-000123.\n";
    mailer
        .send_text("nguyen.van.an@example.vn", subject, body)
        .await?;

    let received = server.received()?;
    assert_eq!(received.len(), 1, "{received:?}");
    let mail = &received[0];
    assert_eq!(
        mail["rcpt_tos"],
        serde_json::json!(["nguyen.van.an@example.vn"])
    );
    assert_eq!(mail["mail_from"], "no-reply@dichvucong.localhost");
    assert_eq!(mail["to"], "nguyen.van.an@example.vn");
    assert_eq!(
        mail["from"],
        "Cổng Dịch vụ công <no-reply@dichvucong.localhost>"
    );
    assert_eq!(mail["subject"], subject);
    assert_eq!(mail["content_type"], "text/plain");
    assert_eq!(mail["charset"], "utf-8");
    assert_eq!(
        mail["body"].as_str().map(|b| b.replace("\r\n", "\n")),
        Some(body.to_owned())
    );
    // Non-ASCII headers travel encoded (RFC 2047), not as raw UTF-8.
    let raw = mail["raw"].as_str().unwrap_or_default();
    assert!(
        !raw.contains('\u{fffd}'),
        "8-bit bytes in the message: {raw}"
    );
    assert!(!raw.contains(subject), "{raw}");
    Ok(())
}

#[tokio::test]
async fn a_refused_recipient_is_a_send_error() -> TestResult {
    let Some(server) = SmtpServer::start().await? else {
        return Ok(());
    };
    let mailer = smtp_mailer(&server.url)?;
    let result = mailer
        .send_text("khong-ton-tai@refused.example.vn", "Thử", "Nội dung")
        .await;
    match result {
        Err(MailError::Send(message)) => assert!(message.contains("550"), "{message}"),
        other => panic!("expected a send error, got {other:?}"),
    }
    assert!(server.received()?.is_empty());
    // The server is still usable afterwards (each message opens its own connection).
    mailer
        .send_text("can.bo@example.vn", "Thử lại", "OK")
        .await?;
    assert_eq!(server.received()?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn an_unreachable_server_is_a_send_error() -> TestResult {
    // Nothing listens on a port that was just free: the connection is refused.
    let mailer = smtp_mailer(&format!("smtp://127.0.0.1:{}", free_port()?))?;
    let result = mailer
        .send_text("cong.dan@example.vn", "Thử", "Nội dung")
        .await;
    assert!(matches!(result, Err(MailError::Send(_))), "{result:?}");
    Ok(())
}
