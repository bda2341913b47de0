//! Delivers queued messages (see `domain::outbox`) with the configured mailer: a loop in each
//! instance claims due messages, sends them and records the outcome; failures are retried with
//! back-off and stay visible in the table.

use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;

use crate::mail::Mailer;

/// Runs one delivery round; returns how many messages were sent.
pub async fn deliver_due(db: &DatabaseConnection, mailer: &Mailer) -> domain::DomainResult<usize> {
    let due = domain::outbox::claim_due(db, 20, 120).await?;
    let mut sent = 0;
    for message in due {
        let result = match message.channel.as_str() {
            "email" => mailer
                .send_text(&message.recipient, &message.subject, &message.body)
                .await
                .map_err(|e| e.to_string()),
            other => Err(format!("no transport for channel {other}")),
        };
        match result {
            Ok(()) => {
                domain::outbox::mark_sent(db, message.id).await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = message.id, attempts = message.attempts + 1, %error, "message delivery failed");
                domain::outbox::mark_failed(db, &message, &error).await?;
            }
        }
    }
    Ok(sent)
}

/// Starts the delivery loop in the background.
pub fn spawn(db: DatabaseConnection, mailer: Arc<Mailer>, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every.max(Duration::from_millis(200)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = deliver_due(&db, &mailer).await {
                tracing::error!(error = %e, "outbox round failed");
            }
        }
    });
}
