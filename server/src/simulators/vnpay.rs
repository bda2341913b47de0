//! A local VNPay gateway (the default outside production): the payment page of protocol
//! 2.1.0 and its callbacks, so that paying is tried end to end without a bank.
//!
//! - `GET /gia-lap/vnpay/paymentv2/vpcpay.html?…` checks the request's signature and expiry as
//!   VNPay does (an invalid one gets VNPay's error page) and shows the order with three
//!   buttons: pay, cancel (code 24), fail (code 51, insufficient funds).
//! - `POST /gia-lap/vnpay/paymentv2/xu-ly` answers like the gateway: a signed IPN to the
//!   merchant's address (server to server), then the browser to `vnp_ReturnUrl` with the same
//!   signed parameters.
//! - Test controls on the page change the IPN: not sent (a callback that never came), sent
//!   twice (replay), a failure sent after the success (reordered), the amount changed after
//!   signing (tampered).
//!
//! Never mounted in production (`crate::simulators`, a feature production builds leave out); it remembers at most
//! [`super::memory::MAX_KEPT`] transactions, the oldest forgotten first.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use domain::payments::vnpay;
use domain::payments::vnpay_api::{Answer, Request};

use super::memory::Bounded;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/vnpay";
const STATEMENT: &str = "/merchant_webapi/statement";
const MERCHANT_API: &str = "/merchant_webapi/api/transaction";
const PAY_PAGE: &str = "/paymentv2/vpcpay.html";
const PROCESS: &str = "/paymentv2/xu-ly";
/// Every route of the simulator (method, path below [`MOUNT`]).
pub const PATHS: &[(&str, &str)] = &[
    ("GET", STATEMENT),
    ("POST", MERCHANT_API),
    ("GET", PAY_PAGE),
    ("POST", PROCESS),
];

/// Transactions processed: (reference, the signed answer), oldest first.
type Done = Bounded<(String, BTreeMap<String, String>)>;

fn find<'a>(done: &'a Done, txn_ref: &str) -> Option<&'a BTreeMap<String, String>> {
    done.iter()
        .rev()
        .find(|(r, _)| r == txn_ref)
        .map(|(_, t)| t)
}

/// What the simulator needs: the merchant's secret and where its IPN address is.
#[derive(Clone)]
pub struct Simulator {
    /// The merchant secret both sides share.
    pub secret: String,
    /// The merchant's IPN address (registered with VNPay in real life).
    pub ipn_url: String,
    client: reqwest::Client,
    /// Transactions processed, by reference (what `querydr` and `refund` look up).
    done: Arc<Mutex<Done>>,
}

impl Simulator {
    /// A simulator for the merchant with `secret` whose IPN address is `ipn_url`.
    pub fn new(secret: String, ipn_url: String) -> Simulator {
        Simulator {
            secret,
            ipn_url,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(15))
                .build()
                .unwrap_or_default(),
            done: Arc::default(),
        }
    }
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font-family:sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem}}\
         button{{font-size:1.1rem;padding:.6rem 1rem;margin:.3rem .3rem .3rem 0}}dt{{font-weight:bold}}</style></head>\
         <body><main><p>VNPAY — cổng thanh toán giả lập (simulator)</p><h1>{title}</h1>{body}</main></body></html>"
    )
}

fn error_page(code: &str, message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html(page(
            "Giao dịch không thành công",
            &format!(
                "<p role=\"alert\">Mã lỗi {code}: {}</p>",
                crate::html::escape(message)
            ),
        )),
    )
        .into_response()
}

async fn payment_page(
    State(sim): State<Simulator>,
    Query(params): Query<BTreeMap<String, String>>,
) -> Response {
    if !vnpay::verify(&sim.secret, &params) {
        return error_page("70", "Sai chữ ký (invalid signature)");
    }
    let get = |k: &str| params.get(k).map(String::as_str).unwrap_or("");
    if get("vnp_Version") != vnpay::VERSION || get("vnp_Command") != "pay" {
        return error_page("03", "Dữ liệu gửi sang không đúng định dạng");
    }
    let now = chrono::Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .format("%Y%m%d%H%M%S")
        .to_string();
    if !get("vnp_ExpireDate").is_empty() && get("vnp_ExpireDate") < now.as_str() {
        return error_page("11", "Đã hết hạn chờ thanh toán");
    }
    let amount = get("vnp_Amount").parse::<i64>().unwrap_or(0) / 100;
    let hidden = crate::html::hidden_inputs(params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let body = format!(
        "<dl><dt>Đơn hàng</dt><dd>{}</dd><dt>Mã tham chiếu</dt><dd>{}</dd><dt>Số tiền</dt><dd id=\"amount\">{} VND</dd></dl>\
         <form method=\"post\" action=\"/gia-lap/vnpay/paymentv2/xu-ly\">{hidden}\
         <fieldset><legend>Điều khiển thử nghiệm (test controls)</legend>\
         <label><input type=\"radio\" name=\"ipn\" value=\"once\" checked> IPN gửi một lần</label><br>\
         <label><input type=\"radio\" name=\"ipn\" value=\"none\"> Không gửi IPN</label><br>\
         <label><input type=\"radio\" name=\"ipn\" value=\"twice\"> Gửi IPN hai lần</label><br>\
         <label><input type=\"radio\" name=\"ipn\" value=\"reorder\"> Gửi thêm IPN thất bại sau IPN thành công</label><br>\
         <label><input type=\"radio\" name=\"ipn\" value=\"tamper\"> Sửa số tiền trong IPN sau khi ký</label></fieldset>\
         <button type=\"submit\" name=\"result\" value=\"00\">Thanh toán</button>\
         <button type=\"submit\" name=\"result\" value=\"24\">Hủy giao dịch</button>\
         <button type=\"submit\" name=\"result\" value=\"51\">Thanh toán thất bại (không đủ số dư)</button></form>",
        crate::html::escape(get("vnp_OrderInfo")),
        crate::html::escape(get("vnp_TxnRef")),
        amount
    );
    Html(page("Thanh toán qua VNPAY", &body)).into_response()
}

/// The gateway's answer for `request` with `result` (`00`, `24`, `51`), signed.
fn answer(
    sim: &Simulator,
    request: &BTreeMap<String, String>,
    result: &str,
) -> BTreeMap<String, String> {
    let mut p = BTreeMap::new();
    for k in ["vnp_Amount", "vnp_TxnRef", "vnp_OrderInfo", "vnp_TmnCode"] {
        if let Some(v) = request.get(k) {
            p.insert(k.to_owned(), v.clone());
        }
    }
    let now = chrono::Utc::now().with_timezone(&domain::dossiers::codes::vietnam());
    p.insert("vnp_ResponseCode".into(), result.to_owned());
    p.insert(
        "vnp_TransactionStatus".into(),
        if result == "00" { "00" } else { "02" }.into(),
    );
    p.insert(
        "vnp_TransactionNo".into(),
        now.format("%H%M%S%3f").to_string(),
    );
    p.insert("vnp_BankCode".into(), "NCB".into());
    p.insert("vnp_CardType".into(), "ATM".into());
    p.insert("vnp_PayDate".into(), now.format("%Y%m%d%H%M%S").to_string());
    let hash = vnpay::hmac_sha512(&sim.secret, &vnpay::hash_data(&p));
    p.insert("vnp_SecureHash".into(), hash);
    p
}

async fn send_ipn(sim: &Simulator, params: &BTreeMap<String, String>) {
    let sent = sim.client.get(&sim.ipn_url).query(params).send().await;
    match sent {
        Ok(r) => {
            let body = r.text().await.unwrap_or_default();
            tracing::info!(answer = %body, "simulated VNPay IPN answered");
        }
        Err(e) => tracing::warn!(error = %e, "simulated VNPay IPN not delivered"),
    }
}

async fn process(
    State(sim): State<Simulator>,
    Form(form): Form<BTreeMap<String, String>>,
) -> Response {
    let mut request = form.clone();
    let result = request.remove("result").unwrap_or_else(|| "24".into());
    let control = request.remove("ipn").unwrap_or_else(|| "once".into());
    if !vnpay::verify(&sim.secret, &request) {
        return error_page("70", "Sai chữ ký (invalid signature)");
    }
    let signed = answer(&sim, &request, &result);
    if let (Some(txn_ref), Ok(mut done)) = (request.get("vnp_TxnRef"), sim.done.lock()) {
        let known = done.iter_mut().find(|(r, _)| r == txn_ref);
        if let Some((_, t)) = known {
            *t = signed.clone();
        } else {
            done.push((txn_ref.clone(), signed.clone()));
        }
    }
    match control.as_str() {
        "none" => {}
        "twice" => {
            send_ipn(&sim, &signed).await;
            send_ipn(&sim, &signed).await;
        }
        "reorder" => {
            send_ipn(&sim, &signed).await;
            send_ipn(&sim, &answer(&sim, &request, "51")).await;
        }
        "tamper" => {
            let mut tampered = signed.clone();
            tampered.insert("vnp_Amount".into(), "100".into());
            send_ipn(&sim, &tampered).await;
        }
        _ => send_ipn(&sim, &signed).await,
    }
    let Some(return_url) = request.get("vnp_ReturnUrl") else {
        return error_page("03", "Thiếu địa chỉ trả về");
    };
    let query: String = signed
        .iter()
        .map(|(k, v)| format!("{}={}", vnpay::urlencode(k), vnpay::urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let sep = if return_url.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{return_url}{sep}{query}")).into_response()
}

/// The merchant API: `querydr` (how a transaction ended) and `refund`, signed both ways.
async fn merchant_api(State(sim): State<Simulator>, Json(req): Json<Request>) -> Json<Answer> {
    let mut a = Answer {
        vnp_ResponseId: req.vnp_RequestId.clone(),
        vnp_Command: req.vnp_Command.clone(),
        vnp_TmnCode: req.vnp_TmnCode.clone(),
        vnp_TxnRef: req.vnp_TxnRef.clone(),
        vnp_OrderInfo: req.vnp_OrderInfo.clone(),
        ..Answer::default()
    };
    let found = sim
        .done
        .lock()
        .ok()
        .and_then(|d| find(&d, &req.vnp_TxnRef).cloned());
    let (code, message) = if !req.verify(&sim.secret) {
        ("97", "Checksum failed")
    } else if let Some(t) = found {
        let get = |k: &str| t.get(k).cloned().unwrap_or_default();
        a.vnp_Amount = get("vnp_Amount");
        a.vnp_BankCode = get("vnp_BankCode");
        a.vnp_PayDate = get("vnp_PayDate");
        a.vnp_TransactionNo = get("vnp_TransactionNo");
        a.vnp_TransactionStatus = get("vnp_TransactionStatus");
        a.vnp_TransactionType = "01".into();
        if req.vnp_Command == "refund" {
            a.vnp_TransactionType = req.vnp_TransactionType.clone();
            if a.vnp_TransactionStatus != "00" {
                ("95", "Transaction is not successful, refund refused")
            } else if req.vnp_Amount != a.vnp_Amount && req.vnp_TransactionType == "02" {
                ("99", "Refund amount differs from the payment")
            } else {
                a.vnp_TransactionStatus = "05".into();
                if let Ok(mut done) = sim.done.lock() {
                    if let Some((_, t)) = done.iter_mut().find(|(r, _)| *r == req.vnp_TxnRef) {
                        t.insert("vnp_TransactionStatus".into(), "05".into());
                    }
                }
                ("00", "Refund success")
            }
        } else {
            ("00", "QueryDR Success")
        }
    } else {
        ("91", "Transaction not found")
    };
    a.vnp_ResponseCode = code.into();
    a.vnp_Message = message.into();
    Json(a.sign(&sim.secret))
}

/// The day's statement (`?day=yyyyMMdd`) as the merchant portal exports it: one CSV line per
/// transaction processed that day, with its final status (refunds included).
async fn statement(
    State(sim): State<Simulator>,
    Query(q): Query<BTreeMap<String, String>>,
) -> Response {
    let day = q.get("day").cloned().unwrap_or_default();
    let mut out = String::from("TxnRef,TransactionNo,Amount,Status,PayDate\n");
    if let Ok(done) = sim.done.lock() {
        for (txn_ref, t) in done.iter() {
            let get = |k: &str| t.get(k).cloned().unwrap_or_default();
            if !get("vnp_PayDate").starts_with(&day) || day.len() != 8 {
                continue;
            }
            let amount = get("vnp_Amount").parse::<i64>().unwrap_or(0) / 100;
            // A refunded payment was settled, then paid back: it stays on the day's statement.
            let status = match get("vnp_TransactionStatus").as_str() {
                "05" => "00".to_owned(),
                s => s.to_owned(),
            };
            out.push_str(&format!(
                "{txn_ref},{},{amount},{status},{}\n",
                get("vnp_TransactionNo"),
                get("vnp_PayDate")
            ));
        }
    }
    (
        [(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        out,
    )
        .into_response()
}

/// The simulator's routes, nested under [`MOUNT`].
pub fn routes<S: Clone + Send + Sync + 'static>(sim: Simulator) -> Router<S> {
    Router::new()
        .route(STATEMENT, get(statement))
        .route(MERCHANT_API, post(merchant_api))
        .route(PAY_PAGE, get(payment_page))
        .route(PROCESS, post(process))
        .with_state(sim)
}
