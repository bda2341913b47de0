//! A local postal carrier (the default outside production) speaking the protocol of
//! `domain::postal::carrier`, so postal return is tried end to end without a post office.
//!
//! - `POST /gia-lap/buu-chinh/api/shipments` registers an order like the carrier's API: a wrong
//!   bearer token gets `401 {code: "UNAUTHORIZED"}`, an order it cannot serve `422` with the
//!   carrier's code (`INVALID_PHONE`, `INVALID_ADDRESS`), a repeated `Idempotency-Key` the same
//!   shipment; otherwise `201` with an S10 tracking number.
//! - `GET /gia-lap/buu-chinh` is the postman's page: every shipment with its status and a
//!   button per next status (picked up, in transit, delivered, a failed attempt, returned to
//!   the sender), which sends the portal a signed webhook. Test controls send it twice
//!   (replay), send an older event after it (reordered), alter it after signing (tampered), or
//!   lose it (no webhook: the portal learns of it by asking).
//! - `GET /gia-lap/buu-chinh/api/shipments/{tn}/events` answers every event of a shipment so
//!   far, with the bearer token, like the carrier's tracking call.
//! - `GET /gia-lap/buu-chinh/api/cod-remittance?day=yyyyMMdd` is the day's cash-on-delivery
//!   remittance statement (CSV `TrackingNumber,DeliveredAt,Amount`): every parcel delivered
//!   that day with cash to collect, with the bearer token. The postman's "delivered, collected
//!   short" control records 1.000 đồng less, as a real discrepancy would.
//!
//! Never mounted in production (`crate::simulators`, a feature production builds leave out); it remembers at most
//! [`super::memory::MAX_KEPT`] shipments, the oldest forgotten first (with their keys).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{Duration, Utc};
use domain::postal::carrier::{self, Created, Order, ShipmentStatus, Update};
use serde::Deserialize;

use super::memory::Bounded;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/buu-chinh";
const SHIPMENTS: &str = "/api/shipments";
const EVENTS: &str = "/api/shipments/{tn}/events";
const EVENT: &str = "/{tn}/su-kien";
const REMITTANCE: &str = "/api/cod-remittance";
/// Every route of the simulator (method, path below [`MOUNT`]; the postman's page is the
/// mount itself).
pub const PATHS: &[(&str, &str)] = &[
    ("GET", ""),
    ("POST", SHIPMENTS),
    ("GET", EVENTS),
    ("POST", EVENT),
    ("GET", REMITTANCE),
];

/// One shipment the simulator registered.
#[derive(Clone, Debug)]
struct Parcel {
    tracking_number: String,
    order: Order,
    status: &'static str,
    events: u32,
    /// Every event so far, whatever happened to its webhook.
    history: Vec<Update>,
    /// Delivered at, and the cash the postman collected.
    collected: Option<(chrono::DateTime<Utc>, i64)>,
}

/// What the simulator needs: the account token it accepts, the webhook secret, and where the
/// portal's webhook is.
#[derive(Clone)]
pub struct Simulator {
    token: String,
    secret: String,
    webhook_url: String,
    client: reqwest::Client,
    parcels: Arc<Mutex<Bounded<Parcel>>>,
    by_key: Arc<Mutex<HashMap<String, String>>>,
    /// Shipments registered since start (part of the tracking numbers).
    serial: Arc<AtomicU32>,
}

impl Simulator {
    /// A simulator accepting `token`, signing webhooks with `secret` to `webhook_url`.
    pub fn new(token: String, secret: String, webhook_url: String) -> Simulator {
        Simulator {
            token,
            secret,
            webhook_url,
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(15))
                .build()
                .unwrap_or_default(),
            parcels: Arc::default(),
            by_key: Arc::default(),
            serial: Arc::default(),
        }
    }
}

fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(serde_json::json!({ "code": code, "message": message })),
    )
        .into_response()
}

/// The call carries the account's bearer token.
fn authorized(sim: &Simulator, headers: &HeaderMap) -> bool {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        == Some(sim.token.as_str())
}

fn mobile(phone: &str) -> bool {
    let p = phone.trim();
    p.len() == 10 && p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit())
}

async fn create(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    Json(order): Json<Order>,
) -> Response {
    if !authorized(&sim, &headers) {
        return refuse(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", "Sai mã truy cập");
    }
    if !mobile(&order.recipient.phone) {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "INVALID_PHONE",
            "Số điện thoại người nhận không hợp lệ",
        );
    }
    if order.recipient.address.trim().is_empty() || order.recipient.province_code.is_empty() {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "INVALID_ADDRESS",
            "Thiếu địa chỉ người nhận",
        );
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or(&order.order_ref)
        .to_owned();
    let (Ok(mut parcels), Ok(mut keys)) = (sim.parcels.lock(), sim.by_key.lock()) else {
        return refuse(StatusCode::INTERNAL_SERVER_ERROR, "ERROR", "busy");
    };
    if let Some(tn) = keys.get(&key) {
        return (
            StatusCode::CREATED,
            Json(Created {
                tracking_number: tn.clone(),
                fee_vnd: 18_000,
            }),
        )
            .into_response();
    }
    // Serials from the clock keep numbers distinct across restarts of a developer's portal.
    let serial = u32::try_from(Utc::now().timestamp() % 90_000_000).unwrap_or(0)
        + sim.serial.fetch_add(1, Ordering::Relaxed) % 9_000_000;
    let tracking_number = carrier::tracking_number("EB", serial);
    keys.insert(key, tracking_number.clone());
    let dropped = parcels.push(Parcel {
        tracking_number: tracking_number.clone(),
        order,
        status: ShipmentStatus::Created.code(),
        events: 0,
        history: Vec::new(),
        collected: None,
    });
    if let Some(old) = dropped {
        keys.retain(|_, tn| *tn != old.tracking_number);
    }
    (
        StatusCode::CREATED,
        Json(Created {
            tracking_number,
            fee_vnd: 18_000,
        }),
    )
        .into_response()
}

async fn page(State(sim): State<Simulator>) -> Html<String> {
    let parcels: Vec<Parcel> = sim
        .parcels
        .lock()
        .map(|p| p.iter().cloned().collect())
        .unwrap_or_default();
    let rows: String = parcels
        .iter()
        .rev()
        .map(|p| {
            let buttons: String = [
                ("picked_up", "Đã nhận hàng"),
                ("in_transit", "Đang vận chuyển"),
                ("delivered", "Đã phát thành công"),
                ("failed", "Phát không thành công"),
                ("returned", "Chuyển hoàn"),
            ]
            .iter()
            .map(|(v, label)| {
                format!("<button type=\"submit\" name=\"status\" value=\"{v}\">{label}</button>")
            })
            .collect();
            format!(
                "<section class=\"parcel\" id=\"p-{tn}\"><h2>{tn}</h2>\
                 <p>Người nhận: {name}, {phone}<br>{address}<br>Thu hộ (COD): {cod} đ<br>\
                 Trạng thái: <strong class=\"status\">{status}</strong></p>\
                 <form method=\"post\" action=\"/gia-lap/buu-chinh/{tn}/su-kien\">\
                 <fieldset><legend>Điều khiển thử nghiệm (test controls)</legend>\
                 <label><input type=\"radio\" name=\"mode\" value=\"once\" checked> Gửi một lần</label><br>\
                 <label><input type=\"radio\" name=\"mode\" value=\"twice\"> Gửi hai lần (replay)</label><br>\
                 <label><input type=\"radio\" name=\"mode\" value=\"reorder\"> Gửi thêm một sự kiện cũ hơn sau đó</label><br>\
                 <label><input type=\"radio\" name=\"mode\" value=\"tamper\"> Sửa nội dung sau khi ký</label><br>\
                 <label><input type=\"radio\" name=\"mode\" value=\"silent\"> Không gửi (mất webhook)</label><br>\
                 <label><input type=\"radio\" name=\"mode\" value=\"short\"> Phát thành công nhưng thu thiếu 1.000 đ (lệch đối soát COD)</label></fieldset>\
                 {buttons}</form></section>",
                tn = crate::html::escape(&p.tracking_number),
                name = crate::html::escape(&p.order.recipient.name),
                phone = crate::html::escape(&p.order.recipient.phone),
                address = crate::html::escape(&p.order.recipient.address),
                cod = p.order.cod_vnd,
                status = p.status,
            )
        })
        .collect();
    Html(format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Bưu chính giả lập</title><style>body{{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}}\
         button{{font-size:1rem;padding:.5rem .8rem;margin:.2rem .2rem .2rem 0}}</style></head>\
         <body><main><p>VNPost — đơn vị vận chuyển giả lập (simulator)</p><h1>Bưu gửi</h1>{}</main></body></html>",
        if rows.is_empty() {
            "<p>Chưa có bưu gửi nào.</p>".to_owned()
        } else {
            rows
        }
    ))
}

/// The postman's form.
#[derive(Debug, Deserialize)]
pub struct EventForm {
    status: String,
    #[serde(default)]
    mode: String,
}

async fn send(sim: &Simulator, body: Vec<u8>, signature: &str) -> Result<StatusCode, String> {
    let response = sim
        .client
        .post(&sim.webhook_url)
        .header("content-type", "application/json")
        .header(carrier::SIGNATURE_HEADER, signature)
        .body(body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    Ok(response.status())
}

async fn event(
    State(sim): State<Simulator>,
    Path(tn): Path<String>,
    Form(form): Form<EventForm>,
) -> Response {
    let Some(status) = ShipmentStatus::parse(&form.status) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let number = {
        let Ok(mut parcels) = sim.parcels.lock() else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let Some(p) = parcels.iter_mut().find(|p| p.tracking_number == tn) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        p.events += 1;
        p.status = status.code();
        if status == ShipmentStatus::Delivered && p.order.cod_vnd > 0 {
            let short = if form.mode == "short" { 1_000 } else { 0 };
            p.collected = Some((Utc::now(), p.order.cod_vnd - short));
        }
        p.events
    };
    let now = Utc::now();
    let update = Update {
        event_id: format!("{tn}-{number}"),
        tracking_number: tn.clone(),
        status: status.code().to_owned(),
        at: now,
        location: Some("Bưu cục Tây Ninh".into()),
        note: (status == ShipmentStatus::Failed).then(|| "Người nhận vắng nhà".to_owned()),
    };
    if let Ok(mut parcels) = sim.parcels.lock() {
        if let Some(p) = parcels.iter_mut().find(|p| p.tracking_number == tn) {
            p.history.push(update.clone());
        }
    }
    let Ok(body) = serde_json::to_vec(&update) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let signature = carrier::sign(&sim.secret, &body);
    let outcome = match form.mode.as_str() {
        "silent" => Ok(StatusCode::OK),
        "tamper" => {
            let altered = String::from_utf8_lossy(&body).replace(status.code(), "delivered");
            send(&sim, altered.into_bytes(), &signature).await
        }
        "twice" => match send(&sim, body.clone(), &signature).await {
            Ok(_) => send(&sim, body, &signature).await,
            e => e,
        },
        "reorder" => match send(&sim, body, &signature).await {
            Ok(_) => {
                let older = Update {
                    event_id: format!("{tn}-{number}-late"),
                    status: ShipmentStatus::PickedUp.code().to_owned(),
                    at: now - Duration::hours(1),
                    note: None,
                    ..update
                };
                match serde_json::to_vec(&older) {
                    Ok(b) => {
                        let s = carrier::sign(&sim.secret, &b);
                        send(&sim, b, &s).await
                    }
                    Err(e) => Err(e.to_string()),
                }
            }
            e => e,
        },
        _ => send(&sim, body, &signature).await,
    };
    if let Err(e) = outcome {
        tracing::warn!(error = %e, "carrier simulator could not reach the webhook");
    }
    Redirect::to(&format!("/gia-lap/buu-chinh#p-{tn}")).into_response()
}

/// The tracking call: every event of shipment `tn` so far.
async fn events(
    State(sim): State<Simulator>,
    Path(tn): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !authorized(&sim, &headers) {
        return refuse(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", "Sai mã truy cập");
    }
    let found = sim.parcels.lock().ok().and_then(|parcels| {
        parcels
            .iter()
            .find(|p| p.tracking_number == tn)
            .map(|p| p.history.clone())
    });
    match found {
        Some(history) => Json(history).into_response(),
        None => refuse(StatusCode::NOT_FOUND, "NOT_FOUND", "Không có bưu gửi này"),
    }
}

/// The remittance statement's query.
#[derive(Debug, Deserialize)]
pub struct RemittanceQuery {
    /// `yyyyMMdd`, Vietnam time.
    day: String,
}

/// The day's cash-on-delivery remittance statement (CSV).
async fn remittance(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<RemittanceQuery>,
) -> Response {
    if !authorized(&sim, &headers) {
        return refuse(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", "Sai mã truy cập");
    }
    let tz = domain::dossiers::codes::vietnam();
    let mut csv = String::from("TrackingNumber,DeliveredAt,Amount\n");
    if let Ok(parcels) = sim.parcels.lock() {
        for p in parcels.iter() {
            let Some((at, amount)) = p.collected else {
                continue;
            };
            let local = at.with_timezone(&tz);
            if local.format("%Y%m%d").to_string() == q.day {
                csv.push_str(&format!(
                    "{},{},{amount}\n",
                    p.tracking_number,
                    local.format("%Y-%m-%d %H:%M")
                ));
            }
        }
    }
    ([("content-type", "text/csv; charset=utf-8")], csv).into_response()
}

/// The simulator's routes, nested under [`MOUNT`].
pub fn routes<S: Clone + Send + Sync + 'static>(sim: Simulator) -> Router<S> {
    Router::new()
        .route("/", get(page))
        .route(SHIPMENTS, post(create))
        .route(EVENTS, get(events))
        .route(EVENT, post(event))
        .route(REMITTANCE, get(remittance))
        .with_state(sim)
}
