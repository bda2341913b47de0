//! Outgoing e-mail through `lettre`: `.eml` files in an outbox folder by default (nothing leaves
//! a laptop or a test run), SMTP in production.

use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{Config, MailTransport};

/// Sends e-mail with the configured transport, and text messages through the SMS gateway.
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
    /// The SMS provider (the simulator unless configured).
    pub sms: crate::sms::SmsGateway,
}

enum Transport {
    Outbox(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// A failed send; the cause is kept for the log.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The message could not be built (bad address, …).
    #[error("cannot build e-mail: {0}")]
    Build(String),
    /// The transport refused or failed.
    #[error("cannot send e-mail: {0}")]
    Send(String),
}

impl Mailer {
    /// Builds the mailer described by the configuration.
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        crate::tls::install_crypto_provider();
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("mail_from ({}): {e}", config.mail_from))?;
        let transport = match config.mail_transport {
            MailTransport::Outbox => {
                std::fs::create_dir_all(&config.outbox_dir).map_err(|e| {
                    anyhow::anyhow!("outbox_dir {}: {e}", config.outbox_dir.display())
                })?;
                Transport::Outbox(AsyncFileTransport::new(&config.outbox_dir))
            }
            MailTransport::Smtp => {
                let url = config
                    .smtp_url
                    .as_deref()
                    .ok_or_else(|| anyhow::anyhow!("smtp_url is required for smtp"))?;
                let smtp: AsyncSmtpTransport<Tokio1Executor> =
                    AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                        .map_err(|e| anyhow::anyhow!("smtp_url: {e}"))?
                        .build();
                Transport::Smtp(smtp)
            }
        };
        Ok(Mailer {
            from,
            transport,
            sms: crate::sms::SmsGateway::from_config(config),
        })
    }

    /// Sends a plain-text message to one recipient.
    pub async fn send_text(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| MailError::Build(format!("{to}: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_owned())
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Outbox(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
            Transport::Smtp(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
        }
    }
}
