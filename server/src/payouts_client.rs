//! The collecting bank's payout service over HTTP (`domain::payments::payouts::Payouts`): the
//! real bank in production, the bank simulator by default (they speak the same protocol). The
//! order is posted as JSON signed with HMAC-SHA256; the answer is signed the same way and
//! refused when it is not.

use domain::payments::payouts::{PayoutAnswer, PayoutRequest, Payouts, SIGNATURE_HEADER};
use domain::payments::vietqr;
use futures::future::BoxFuture;

/// Posts signed payout orders to the service at `url`.
#[derive(Clone, Debug)]
pub struct HttpPayouts {
    url: String,
    secret: String,
    client: reqwest::Client,
}

impl HttpPayouts {
    /// A client of the payout service at `url`, signing with `secret` (20 s per call).
    pub fn new(url: String, secret: String) -> HttpPayouts {
        HttpPayouts {
            url,
            secret,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .unwrap_or_default(),
        }
    }
}

impl Payouts for HttpPayouts {
    fn send(&self, request: &PayoutRequest) -> BoxFuture<'_, Result<PayoutAnswer, String>> {
        let body = serde_json::to_vec(request).unwrap_or_default();
        Box::pin(async move {
            let signature = vietqr::sign(&self.secret, &body);
            let response = self
                .client
                .post(&self.url)
                .header(SIGNATURE_HEADER, signature)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .map_err(|e| format!("payout service unreachable: {e}"))?;
            let status = response.status();
            let signed = response
                .headers()
                .get(SIGNATURE_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let bytes = response
                .bytes()
                .await
                .map_err(|e| format!("payout answer unreadable: {e}"))?;
            if !vietqr::verify(&self.secret, &bytes, &signed) {
                return Err(format!("payout answer ({status}) with a bad signature"));
            }
            serde_json::from_slice::<PayoutAnswer>(&bytes)
                .map_err(|e| format!("payout answer unreadable: {e}"))
        })
    }
}
