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
            "sms" => mailer.sms.send(&message.recipient, &message.body).await,
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

/// Deletes what has expired: sessions, rate counters of past windows, abandoned
/// national-identity flows. Safe to run on every instance at once (plain deletes).
pub async fn clean_up(
    db: &DatabaseConnection,
    settings: &Housekeeping,
) -> domain::DomainResult<()> {
    let policy = settings.sessions;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let sessions = domain::sessions::purge_expired(db, policy).await?;
    let counters = domain::rate_limit::purge_old(db).await?;
    let cutoff = chrono::Utc::now() - chrono::Duration::hours(1);
    let flows = domain::entities::national_id_flow::Entity::delete_many()
        .filter(domain::entities::national_id_flow::Column::CreatedAt.lt(cutoff))
        .exec(db)
        .await?
        .rows_affected;
    let mailing = domain::accounts::Mailing {
        base_url: settings.base_url.trim_end_matches('/'),
        notices: &app::notices::PortalNotices,
    };
    let drafts =
        domain::dossiers::expiry::run(db, settings.drafts, mailing, chrono::Utc::now()).await?;
    let escalated =
        domain::dossiers::escalation::escalate_overruns(db, mailing, chrono::Utc::now()).await?;
    // Payments whose IPN never came: ask the gateway (every round, i.e. every ten minutes).
    let payments = match &settings.vnpay {
        Some((config, api_url)) => {
            let api = crate::vnpay_client::HttpApi::new(api_url.clone());
            let now = chrono::Utc::now();
            domain::payments::online::resolve_pending(db, &api, config, now).await?
                + domain::payments::refunds::retry(db, &api, config, now).await?
        }
        None => 0,
    };
    if settings.vnpay.is_some() {
        if let Err(e) = reconcile_yesterday(db, &settings.statement_url).await {
            tracing::warn!(error = %e, "payment reconciliation not done; tried again next round");
        }
    }
    // Parcels whose webhooks stopped: ask the carrier.
    if let Some(config) = &settings.carrier {
        let carrier = crate::carrier_client::HttpCarrier::from_config(config);
        if let Err(e) =
            domain::postal::shipments::catch_up(db, &carrier, mailing, chrono::Utc::now()).await
        {
            tracing::warn!(error = %e, "parcels without news not caught up; tried again next round");
        }
        if let Err(e) = reconcile_cash_day(db, &carrier, yesterday()).await {
            tracing::warn!(error = %e, "cash-on-delivery reconciliation not done; tried again next round");
        }
    }
    // Refund orders a payment gateway's callback opened: their applicants are told.
    if let Err(e) =
        domain::payments::refund_orders::tell_opened(db, mailing, chrono::Utc::now()).await
    {
        tracing::warn!(error = %e, "refund notices not sent; tried again next round");
    }
    // Refund orders with an account: sent, and sent again after the bank's back-off.
    if let Some(bank) = &settings.payouts {
        if let Err(e) =
            domain::payments::refund_orders::send_due(db, bank, mailing, chrono::Utc::now()).await
        {
            tracing::warn!(error = %e, "refund orders not sent; tried again next round");
        }
    }
    if let Some((account, url)) = &settings.transfers {
        if let Err(e) = reconcile_transfers_day(db, account, url, yesterday()).await {
            tracing::warn!(error = %e, "bank transfer reconciliation not done; tried again next round");
        }
        if let Err(e) = reconcile_payouts_day(db, url, yesterday(), mailing).await {
            tracing::warn!(error = %e, "refund payout reconciliation not done; tried again next round");
        }
    }
    tracing::debug!(
        escalated,
        payments,
        sessions,
        counters,
        flows,
        drafts_noticed = drafts.noticed,
        drafts_deleted = drafts.deleted,
        "expired rows deleted"
    );
    Ok(())
}

/// Yesterday, Vietnam time: the day a daily reconciliation covers.
fn yesterday() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive()
        - chrono::Duration::days(1)
}

/// Reconciles yesterday (Vietnam time) once: fetches the gateway's statement and compares it
/// with the portal's payments. Several instances may try; the unique day keeps one report.
pub async fn reconcile_yesterday(
    db: &DatabaseConnection,
    statement_url: &str,
) -> anyhow::Result<bool> {
    reconcile_day(db, statement_url, yesterday()).await
}

/// True when `gateway`'s statement of `day` was reconciled.
async fn reconciled(
    db: &DatabaseConnection,
    gateway: &str,
    day: chrono::NaiveDate,
) -> anyhow::Result<bool> {
    use domain::entities::reconciliation_run;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    Ok(reconciliation_run::Entity::find()
        .filter(reconciliation_run::Column::Gateway.eq(gateway))
        .filter(reconciliation_run::Column::Day.eq(day))
        .one(db)
        .await?
        .is_some())
}

/// The statement CSV of `day` at `url` (`?day=yyyyMMdd`).
async fn statement(url: &str, day: chrono::NaiveDate) -> anyhow::Result<String> {
    Ok(reqwest::Client::new()
        .get(url)
        .query(&[("day", day.format("%Y%m%d").to_string())])
        .timeout(std::time::Duration::from_secs(60))
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?)
}

/// Reconciles `day` unless that was done: fetches the statement and compares. True when it
/// ran now.
pub async fn reconcile_day(
    db: &DatabaseConnection,
    statement_url: &str,
    day: chrono::NaiveDate,
) -> anyhow::Result<bool> {
    if reconciled(db, "vnpay", day).await? {
        return Ok(false);
    }
    let text = statement(statement_url, day).await?;
    let lines = domain::payments::reconciliation::parse_statement(&text)?;
    domain::payments::reconciliation::reconcile(db, day, &lines, chrono::Utc::now()).await?;
    Ok(true)
}

/// Reconciles the carrier's cash-on-delivery remittance of `day` with the parcels delivered
/// that day, unless that was done. True when it ran now.
pub async fn reconcile_cash_day(
    db: &DatabaseConnection,
    carrier: &crate::carrier_client::HttpCarrier,
    day: chrono::NaiveDate,
) -> anyhow::Result<bool> {
    use domain::postal::remittance;
    if reconciled(db, remittance::SOURCE, day).await? {
        return Ok(false);
    }
    let text = carrier.remittance(day).await?;
    let lines = remittance::parse(&text)?;
    remittance::reconcile(db, day, &lines, chrono::Utc::now()).await?;
    Ok(true)
}

/// Reconciles the collecting account's statement of `day` with the VietQR transfer orders
/// unless that was done: a transfer whose credit notice never came is confirmed by it. True
/// when it ran now.
pub async fn reconcile_transfers_day(
    db: &DatabaseConnection,
    account: &domain::payments::vietqr::Beneficiary,
    statement_url: &str,
    day: chrono::NaiveDate,
) -> anyhow::Result<bool> {
    use domain::payments::bank_transfer;
    if reconciled(db, bank_transfer::GATEWAY, day).await? {
        return Ok(false);
    }
    let text = statement(statement_url, day).await?;
    let credits = bank_transfer::parse_statement(&text)?;
    bank_transfer::reconcile_statement(db, account, day, &credits, chrono::Utc::now()).await?;
    Ok(true)
}

/// Reconciles the refund orders with the debits of the collecting account's statement of
/// `day` unless that was done: each payout the bank reported is confirmed, one whose result
/// notice was lost is completed by it, and disagreements are flagged. True when it ran now.
pub async fn reconcile_payouts_day(
    db: &DatabaseConnection,
    statement_url: &str,
    day: chrono::NaiveDate,
    mailing: domain::accounts::Mailing<'_>,
) -> anyhow::Result<bool> {
    use domain::payments::refund_orders::statement as payouts;
    if reconciled(db, payouts::SOURCE, day).await? {
        return Ok(false);
    }
    let text = statement(statement_url, day).await?;
    let debits = payouts::debits(&text)?;
    payouts::reconcile(db, day, &debits, mailing, chrono::Utc::now()).await?;
    Ok(true)
}

/// What the periodic clean-up needs to know.
#[derive(Clone, Debug)]
pub struct Housekeeping {
    /// Session timeouts.
    pub sessions: domain::sessions::Policy,
    /// Draft lifetime.
    pub drafts: domain::dossiers::expiry::DraftPolicy,
    /// Public address (links in notices).
    pub base_url: String,
    /// The VNPay merchant account and API address (pending payments are asked about).
    pub vnpay: Option<(domain::payments::online::VnpayConfig, String)>,
    /// Where the day's VNPay statement is fetched for the reconciliation.
    pub statement_url: String,
    /// The account VietQR transfers are paid to, and where its daily statement is fetched
    /// (`None`: not reconciled — production without a statement address).
    pub transfers: Option<(domain::payments::vietqr::Beneficiary, String)>,
    /// The postal carrier (parcels without news are asked about).
    pub carrier: Option<crate::config::CarrierConfig>,
    /// The bank's payout service (refund orders are sent and sent again).
    pub payouts: Option<crate::payouts_client::HttpPayouts>,
}

impl Housekeeping {
    /// From the configuration.
    pub fn from_config(config: &crate::config::Config) -> Self {
        Self {
            sessions: config.session_policy(),
            drafts: config.draft_policy(),
            base_url: config.public_url.clone(),
            vnpay: config.vnpay().ok().map(|c| (c, config.vnpay_api())),
            statement_url: config.vnpay_statement(),
            transfers: config
                .vietqr_statement()
                .map(|url| (config.vietqr_beneficiary(), url)),
            carrier: config.carrier().ok(),
            payouts: config.payouts(),
        }
    }
}

/// Starts the delivery loop in the background; every ten minutes it also cleans up.
pub fn spawn(db: DatabaseConnection, mailer: Arc<Mailer>, every: Duration, settings: Housekeeping) {
    tokio::spawn(async move {
        let every = every.max(Duration::from_millis(200));
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let cleanup_every = (600 / every.as_secs().max(1)).max(1);
        let mut rounds: u64 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = deliver_due(&db, &mailer).await {
                tracing::error!(error = %e, "outbox round failed");
            }
            if rounds.is_multiple_of(cleanup_every) {
                if let Err(e) = clean_up(&db, &settings).await {
                    tracing::error!(error = %e, "cleanup failed");
                }
            }
            rounds = rounds.wrapping_add(1);
        }
    });
}
