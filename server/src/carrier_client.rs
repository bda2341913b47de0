//! The postal carrier's delivery API over HTTP (`domain::postal::carrier::Carrier`): the real
//! carrier in production, the simulator by default (they speak the same protocol).

use domain::postal::carrier::{Carrier, CarrierError, Created, Order, Update};
use futures::future::BoxFuture;
use serde::Deserialize;

/// Calls the carrier's API at `url` with the account's bearer token.
#[derive(Clone, Debug)]
pub struct HttpCarrier {
    url: String,
    token: String,
    client: reqwest::Client,
}

impl HttpCarrier {
    /// A client of the API whose base is `url`.
    pub fn new(url: String, token: String) -> HttpCarrier {
        HttpCarrier {
            url: url.trim_end_matches('/').to_owned(),
            token,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .unwrap_or_default(),
        }
    }

    /// The day's cash-on-delivery remittance statement (CSV), `day` in Vietnam time.
    pub async fn remittance(&self, day: chrono::NaiveDate) -> anyhow::Result<String> {
        Ok(self
            .client
            .get(format!("{}/cod-remittance", self.url))
            .query(&[("day", day.format("%Y%m%d").to_string())])
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?
            .text()
            .await?)
    }

    /// The client the configuration describes.
    pub fn from_config(config: &crate::config::CarrierConfig) -> HttpCarrier {
        HttpCarrier::new(config.url.clone(), config.token.clone())
    }
}

/// The carrier's error body.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Refusal {
    code: String,
    message: String,
}

impl Carrier for HttpCarrier {
    fn create(&self, order: Order) -> BoxFuture<'_, Result<Created, CarrierError>> {
        Box::pin(async move {
            let response = self
                .client
                .post(format!("{}/shipments", self.url))
                .bearer_auth(&self.token)
                .header("idempotency-key", &order.order_ref)
                .json(&order)
                .send()
                .await
                .map_err(|e| CarrierError::Unavailable(format!("unreachable: {e}")))?;
            let status = response.status();
            if status.is_success() {
                return response
                    .json::<Created>()
                    .await
                    .map_err(|e| CarrierError::Unavailable(format!("answer unreadable: {e}")));
            }
            if status.is_client_error() {
                let refusal = response.json::<Refusal>().await.unwrap_or_default();
                return Err(CarrierError::Refused {
                    code: if refusal.code.is_empty() {
                        status.as_u16().to_string()
                    } else {
                        refusal.code
                    },
                    message: refusal.message,
                });
            }
            Err(CarrierError::Unavailable(format!("HTTP {status}")))
        })
    }

    fn track<'a>(
        &'a self,
        tracking_number: &'a str,
    ) -> BoxFuture<'a, Result<Vec<Update>, CarrierError>> {
        Box::pin(async move {
            let response = self
                .client
                .get(format!("{}/shipments/{tracking_number}/events", self.url))
                .bearer_auth(&self.token)
                .send()
                .await
                .map_err(|e| CarrierError::Unavailable(format!("unreachable: {e}")))?;
            let status = response.status();
            if !status.is_success() {
                return Err(CarrierError::Unavailable(format!("HTTP {status}")));
            }
            response
                .json::<Vec<Update>>()
                .await
                .map_err(|e| CarrierError::Unavailable(format!("answer unreadable: {e}")))
        })
    }
}
