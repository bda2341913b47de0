//! VNPay's merchant API over HTTP (`domain::payments::vnpay_api::Api`): the real gateway in
//! production, the simulator by default (they speak the same protocol).

use domain::payments::vnpay_api::{Answer, Api, Request};
use futures::future::BoxFuture;

/// Posts signed requests to the merchant API at `url`.
#[derive(Clone, Debug)]
pub struct HttpApi {
    url: String,
    client: reqwest::Client,
}

impl HttpApi {
    /// A client of the API at `url` for background work (30 s per call).
    pub fn new(url: String) -> HttpApi {
        HttpApi::with_timeout(url, std::time::Duration::from_secs(30))
    }

    /// A client of the API at `url` whose calls give up after `timeout`.
    pub fn with_timeout(url: String, timeout: std::time::Duration) -> HttpApi {
        HttpApi {
            url,
            client: reqwest::Client::builder()
                .timeout(timeout)
                .build()
                .unwrap_or_default(),
        }
    }
}

impl Api for HttpApi {
    fn call(&self, request: Request) -> BoxFuture<'_, Result<Answer, String>> {
        Box::pin(async move {
            self.client
                .post(&self.url)
                .json(&request)
                .send()
                .await
                .map_err(|e| format!("VNPay API unreachable: {e}"))?
                .json::<Answer>()
                .await
                .map_err(|e| format!("VNPay API answer unreadable: {e}"))
        })
    }
}
