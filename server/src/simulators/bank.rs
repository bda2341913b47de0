//! A local bank (outside production) that pays VietQR codes, so bank transfers are tried end
//! to end without a real account. It plays the citizen's banking app and the collecting bank:
//!
//! - `GET /gia-lap/ngan-hang` is the app's "scan a code" page: the VietQR payload goes in the
//!   text box (a phone camera would read it from the code).
//! - `POST /gia-lap/ngan-hang/chuyen-khoan` reads the payload as a banking app does (a wrong
//!   CRC is refused), "transfers" the amount with the reference as its content, and sends the
//!   portal the collecting bank's credit notice, signed with HMAC-SHA256. Test controls send it
//!   twice (replay), with another amount, altered after signing, or not at all (a lost notice).
//! - `GET /gia-lap/ngan-hang/sao-ke?day=yyyyMMdd` is the collecting account's statement of that
//!   day (CSV: `TransactionId,Time,Account,Amount,Description`), every credit made here
//!   whatever happened to its notice, and every payout as a debit (a negative amount whose
//!   content names the refund order); the portal's daily reconciliation reads it.
//!
//! - `POST /gia-lap/ngan-hang/chi-ho` is the payout service (chi hộ) refund orders are posted
//!   to: the order's signature is checked (`97`), an unknown bank is refused (`11`), an account
//!   starting `000` does not exist (`10`), one starting `999` meets the service down (`96`, to
//!   try retries), a reference seen before is answered `01` with its first bank reference.
//!   An accepted order is settled a moment later by a signed result notice to the portal —
//!   `failed` ("account closed") for an account starting `111`, else `completed`; for an
//!   account starting `888` the result is paid but its notice is lost (only the statement
//!   tells). Payouts have their own secret, not the credit notices'.
//!
//! Never mounted in production (`crate::simulators`, a feature production builds leave out); it remembers at most
//! [`super::memory::MAX_KEPT`] credits, the oldest forgotten first.

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use domain::payments::payouts::{self, PayoutAnswer, PayoutRequest, PayoutResult};
use domain::payments::vietqr::{self, CreditNotice, SIGNATURE_HEADER};
use serde::Deserialize;
use std::sync::{Arc, Mutex};

use super::memory::Bounded;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/ngan-hang";
const TRANSFER: &str = "/chuyen-khoan";
const STATEMENT: &str = "/sao-ke";
const PAYOUT: &str = "/chi-ho";
/// Every route of the simulator (method, path below [`MOUNT`]; the scan page is the mount
/// itself).
pub const PATHS: &[(&str, &str)] = &[
    ("GET", ""),
    ("POST", TRANSFER),
    ("GET", STATEMENT),
    ("POST", PAYOUT),
];

/// What the simulator needs: the notice secret and where the portal's notice address is; it
/// keeps the credits it made (in memory: a development stand-in) for its statement.
#[derive(Clone)]
pub struct Simulator {
    secret: String,
    notice_url: String,
    client: reqwest::Client,
    /// Every movement of the collecting account: credits, and payouts as negative amounts.
    ledger: Arc<Mutex<Bounded<CreditNotice>>>,
    payout_result_url: String,
    payout_secret: String,
    /// The collecting account payouts are debited from.
    account: String,
    /// Payout orders accepted: (reference, bank reference).
    payouts: Arc<Mutex<Bounded<(String, String)>>>,
}

impl Simulator {
    /// A bank signing its notices with `secret` to `notice_url`.
    pub fn new(secret: String, notice_url: String) -> Simulator {
        Simulator {
            secret,
            notice_url,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(15))
                .build()
                .unwrap_or_default(),
            ledger: Arc::default(),
            payout_result_url: String::new(),
            payout_secret: String::new(),
            account: String::new(),
            payouts: Arc::default(),
        }
    }

    /// Takes payout orders signed with `secret`, debits them from `account` and sends their
    /// results to `url`.
    pub fn with_payouts(mut self, url: String, secret: String, account: String) -> Simulator {
        self.payout_result_url = url;
        self.payout_secret = secret;
        self.account = account;
        self
    }
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font-family:sans-serif;max-width:36rem;margin:1rem auto;padding:0 1rem}}\
         textarea{{width:100%}}button{{font-size:1.1rem;padding:.6rem 1rem;margin-top:.5rem}}</style></head>\
         <body><main><p>Ngân hàng giả lập (simulator)</p><h1>{title}</h1>{body}</main></body></html>"
    ))
}

async fn scan_page() -> Html<String> {
    page(
        "Quét mã VietQR",
        "<form method=\"post\" action=\"/gia-lap/ngan-hang/chuyen-khoan\">\
         <p><label for=\"ma\">Nội dung mã QR</label><br><textarea id=\"ma\" name=\"ma\" rows=\"4\" required></textarea></p>\
         <fieldset><legend>Điều khiển thử nghiệm (test controls)</legend>\
         <label><input type=\"radio\" name=\"mode\" value=\"once\" checked> Báo có một lần</label><br>\
         <label><input type=\"radio\" name=\"mode\" value=\"twice\"> Báo có hai lần (replay)</label><br>\
         <label><input type=\"radio\" name=\"mode\" value=\"less\"> Chuyển thiếu 1.000 đồng</label><br>\
         <label><input type=\"radio\" name=\"mode\" value=\"tamper\"> Sửa số tiền sau khi ký</label><br>\
         <label><input type=\"radio\" name=\"mode\" value=\"silent\"> Không gửi báo có (mất thông báo)</label></fieldset>\
         <button type=\"submit\">Chuyển khoản</button></form>",
    )
}

/// The app's transfer form.
#[derive(Debug, Deserialize)]
pub struct TransferForm {
    ma: String,
    #[serde(default)]
    mode: String,
}

async fn send(sim: &Simulator, body: Vec<u8>, signature: &str) -> Result<String, String> {
    let response = sim
        .client
        .post(&sim.notice_url)
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, signature)
        .body(body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let answer: serde_json::Value = response.json().await.map_err(|e| e.to_string())?;
    Ok(answer["code"].as_str().unwrap_or_default().to_owned())
}

async fn transfer(State(sim): State<Simulator>, Form(form): Form<TransferForm>) -> Response {
    let Some(scanned) = vietqr::scan(&form.ma) else {
        return (
            StatusCode::BAD_REQUEST,
            page(
                "Mã QR không hợp lệ",
                "<p role=\"alert\">Mã QR không đọc được hoặc sai mã kiểm tra (CRC).</p>",
            ),
        )
            .into_response();
    };
    let amount = scanned.amount_vnd.unwrap_or(0) - if form.mode == "less" { 1_000 } else { 0 };
    let id = uuid::Uuid::new_v4().simple().to_string();
    let notice = CreditNotice {
        transaction_id: format!("FT{}", id.get(..12).unwrap_or("0").to_uppercase()),
        account: scanned.account.clone(),
        amount_vnd: amount,
        description: format!(
            "MBVCB.{}.{} chuyen tien",
            id.get(..6).unwrap_or("0"),
            scanned.reference
        ),
        credited_at: Utc::now(),
    };
    let Ok(body) = serde_json::to_vec(&notice) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(mut ledger) = sim.ledger.lock() {
        ledger.push(notice.clone());
    }
    let signature = vietqr::sign(&sim.secret, &body);
    let outcome = match form.mode.as_str() {
        "silent" => Ok("—".to_owned()),
        "tamper" => {
            let altered = String::from_utf8_lossy(&body)
                .replace(&format!("\"amount_vnd\":{amount}"), "\"amount_vnd\":1000");
            send(&sim, altered.into_bytes(), &signature).await
        }
        "twice" => match send(&sim, body.clone(), &signature).await {
            Ok(_) => send(&sim, body, &signature).await,
            e => e,
        },
        _ => send(&sim, body, &signature).await,
    };
    let answer = match outcome {
        Ok(_) if form.mode == "silent" => {
            "Không gửi báo có cho cổng (thử mất thông báo); đối soát sao kê hằng ngày sẽ xác nhận giao dịch."
                .to_owned()
        }
        Ok(code) => format!(
            "Ngân hàng thụ hưởng đã báo có; cổng trả lời mã <strong id=\"answer\">{}</strong>.",
            crate::html::escape(&code)
        ),
        Err(e) => format!("Không gửi được báo có: {}", crate::html::escape(&e)),
    };
    page(
        "Giao dịch thành công",
        &format!(
            "<dl><dt>Tài khoản nhận</dt><dd>{}</dd><dt>Số tiền</dt><dd id=\"amount\">{amount} VND</dd>\
             <dt>Nội dung</dt><dd>{}</dd></dl><p>{answer}</p>",
            crate::html::escape(&scanned.account),
            crate::html::escape(&notice.description),
        ),
    )
    .into_response()
}

/// The payout service's answer, signed like every message of the bank.
fn payout_answer(sim: &Simulator, status: StatusCode, answer: &PayoutAnswer) -> Response {
    let body = serde_json::to_vec(answer).unwrap_or_default();
    let signature = vietqr::sign(&sim.payout_secret, &body);
    (
        status,
        [
            (payouts::SIGNATURE_HEADER, signature),
            ("content-type", "application/json".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// `POST /chi-ho`: a refund order (see the module's notes for the answers).
async fn payout(
    State(sim): State<Simulator>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let answer = |code: &str, bank_ref: Option<String>, message: &str| PayoutAnswer {
        code: code.to_owned(),
        bank_ref,
        message: message.to_owned(),
    };
    let signature = headers
        .get(payouts::SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !vietqr::verify(&sim.payout_secret, &body, signature) {
        let refused = answer("97", None, "Chữ ký không hợp lệ");
        return payout_answer(&sim, StatusCode::UNAUTHORIZED, &refused);
    }
    let Ok(order) = serde_json::from_slice::<PayoutRequest>(&body) else {
        let refused = answer("99", None, "Lệnh không đọc được");
        return payout_answer(&sim, StatusCode::BAD_REQUEST, &refused);
    };
    if payouts::bank_name(&order.bank_bin).is_none() {
        let refused = answer("11", None, "Ngân hàng nhận chưa được hỗ trợ");
        return payout_answer(&sim, StatusCode::OK, &refused);
    }
    if order.account_number.starts_with("000") {
        let refused = answer("10", None, "Tài khoản nhận không tồn tại");
        return payout_answer(&sim, StatusCode::OK, &refused);
    }
    if order.account_number.starts_with("999") {
        let down = answer("96", None, "Hệ thống tạm thời gián đoạn");
        return payout_answer(&sim, StatusCode::SERVICE_UNAVAILABLE, &down);
    }
    let seen = sim.payouts.lock().ok().and_then(|p| {
        p.iter()
            .find(|(reference, _)| *reference == order.reference)
            .map(|(_, bank_ref)| bank_ref.clone())
    });
    if let Some(bank_ref) = seen {
        return payout_answer(
            &sim,
            StatusCode::OK,
            &answer("01", Some(bank_ref), "Lệnh đã nhận trước đó"),
        );
    }
    let bank_ref = format!(
        "CH{}",
        uuid::Uuid::new_v4().simple().to_string()[..12].to_uppercase()
    );
    if let Ok(mut p) = sim.payouts.lock() {
        p.push((order.reference.clone(), bank_ref.clone()));
    }
    // Settled a moment later, as a real transfer between banks is.
    let settle = sim.clone();
    let settled_ref = bank_ref.clone();
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let closed = order.account_number.starts_with("111");
        if !closed {
            if let Ok(mut ledger) = settle.ledger.lock() {
                ledger.push(CreditNotice {
                    transaction_id: settled_ref.clone(),
                    account: settle.account.clone(),
                    amount_vnd: -order.amount_vnd,
                    description: order.description.clone(),
                    credited_at: Utc::now(),
                });
            }
        }
        if order.account_number.starts_with("888") {
            return;
        }
        let result = PayoutResult {
            reference: order.reference,
            bank_ref: settled_ref,
            status: if closed { "failed" } else { "completed" }.to_owned(),
            message: if closed {
                "Tài khoản nhận đã đóng"
            } else {
                ""
            }
            .to_owned(),
            at: Utc::now(),
        };
        let body = serde_json::to_vec(&result).unwrap_or_default();
        let signature = vietqr::sign(&settle.payout_secret, &body);
        let sent = settle
            .client
            .post(&settle.payout_result_url)
            .header("content-type", "application/json")
            .header(payouts::SIGNATURE_HEADER, signature)
            .body(body)
            .send()
            .await;
        if let Err(e) = sent {
            tracing::warn!(error = %e, "bank simulator: payout result not delivered");
        }
    });
    payout_answer(
        &sim,
        StatusCode::OK,
        &answer("00", Some(bank_ref), "Đã nhận lệnh chi"),
    )
}

/// The statement's query.
#[derive(Debug, Deserialize)]
pub struct StatementQuery {
    /// `yyyyMMdd`, Vietnam time.
    day: String,
}

/// Quotes a CSV field.
fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

async fn statement(
    State(sim): State<Simulator>,
    axum::extract::Query(q): axum::extract::Query<StatementQuery>,
) -> Response {
    let Ok(day) = chrono::NaiveDate::parse_from_str(&q.day, "%Y%m%d") else {
        return (StatusCode::BAD_REQUEST, "day: yyyyMMdd").into_response();
    };
    let tz = domain::dossiers::codes::vietnam();
    let mut csv = String::from("TransactionId,Time,Account,Amount,Description\n");
    let credits: Vec<CreditNotice> = sim
        .ledger
        .lock()
        .map(|l| l.iter().cloned().collect())
        .unwrap_or_default();
    for c in credits {
        let at = c.credited_at.with_timezone(&tz);
        if at.date_naive() == day {
            csv.push_str(&format!(
                "{},{},{},{},{}\n",
                c.transaction_id,
                at.format("%Y-%m-%d %H:%M:%S"),
                c.account,
                c.amount_vnd,
                csv_field(&c.description)
            ));
        }
    }
    ([("content-type", "text/csv; charset=utf-8")], csv).into_response()
}

/// The simulator's routes, nested under [`MOUNT`].
pub fn routes<S: Clone + Send + Sync + 'static>(sim: Simulator) -> Router<S> {
    Router::new()
        .route("/", get(scan_page))
        .route(TRANSFER, post(transfer))
        .route(STATEMENT, get(statement))
        .route(PAYOUT, post(payout))
        .with_state(sim)
}
