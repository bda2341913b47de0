//! The routes of online payment: the applicant starts a payment from the dossier page (a plain
//! form post), VNPay calls the IPN address server to server (authoritative), and the browser
//! comes back to the return address (which only leads back to the dossier page).
//!
//! Rules live in `domain::payments`; these handlers only translate requests and outcomes.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use chrono::Utc;
use domain::payments::online;
use domain::payments::vnpay::IpnCode;
use domain::DomainError;

use crate::request_context::Ctx;
use crate::state::AppState;

/// Paying fees (VNPay, VietQR), the gateway's and the bank's callbacks, and the desk's refunds,
/// extra fees and reconciliation files.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ho-so/{id}/thanh-toan", post(start))
        .route("/ho-so/{id}/thanh-toan-lai", post(pay_again))
        .route("/ho-so/{id}/thanh-toan/vietqr", post(transfer))
        .route("/thanh-toan/vnpay/ipn", get(ipn))
        .route("/thanh-toan/vnpay/ket-qua", get(back))
        .route("/thanh-toan/vietqr/thong-bao", post(transfer_notice))
        .route("/quan-tri/doi-soat/{file}", get(reconciliation_csv))
        .route("/mot-cua/ho-so/{id}/hoan-phi", post(refund))
        .route("/mot-cua/ho-so/{id}/phi-bo-sung", post(extra_fee))
        .route("/mot-cua/ho-so/{id}/so-luong-phi", post(fee_quantity))
}

/// `POST /ho-so/{id}/thanh-toan`: opens the gateway's payment page for the dossier's fee.
pub async fn start(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/ho-so/{id}");
    let config = match state.config.vnpay() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "VNPay is not configured");
            return Redirect::to(&format!("{back}?thanh-toan=loi&ma=payment_unavailable"))
                .into_response();
        }
    };
    match online::start(state.services(&ctx.origin), &config, &ctx.actor, &id).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => refused(&back, e, "payment start failed"),
    }
}

/// `POST /ho-so/{id}/thanh-toan-lai`: "pay again" while an online payment waits (the citizen
/// backed out of the gateway): the gateway is asked first; paid after all → back to the
/// dossier saying so; otherwise the waiting attempt is abandoned and a new one opened.
pub async fn pay_again(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/ho-so/{id}");
    let Some(gateway) = state.payment_gateway() else {
        tracing::error!("VNPay is not configured");
        return Redirect::to(&format!("{back}?thanh-toan=loi&ma=payment_unavailable"))
            .into_response();
    };
    match online::pay_again(state.services(&ctx.origin), &gateway, &ctx.actor, &id).await {
        Ok(online::PayAgain::Open(url)) => Redirect::to(&url).into_response(),
        Ok(online::PayAgain::AlreadyPaid) => {
            Redirect::to(&format!("{back}?thanh-toan=da-nop")).into_response()
        }
        Err(e) => refused(&back, e, "payment restart failed"),
    }
}

/// Where a refused payment sends the applicant: back to the dossier with the rule's code, to
/// sign-in, or a bare status for what they may not see.
fn refused(back: &str, e: DomainError, what: &str) -> Response {
    match e {
        DomainError::Validation(errors) => {
            let code = errors.first().map_or("payment_closed", |e| e.code.as_str());
            Redirect::to(&format!("{back}?thanh-toan=loi&ma={code}")).into_response()
        }
        e => {
            tracing::debug!(what, "payment refused");
            crate::form_errors::failure(e, back)
        }
    }
}

/// `POST /ho-so/{id}/thanh-toan/vietqr`: a VietQR transfer order for the dossier's balance,
/// shown on the dossier's page.
pub async fn transfer(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/ho-so/{id}");
    match domain::payments::bank_transfer::order(state.services(&ctx.origin), &ctx.actor, &id).await
    {
        Ok(_) => {
            Redirect::to(&format!("{back}?thanh-toan=chuyen-khoan#thanh-toan")).into_response()
        }
        Err(e) => refused(&back, e, "transfer order failed"),
    }
}

/// `POST /thanh-toan/vietqr/thong-bao`: the bank's signed notice of a credit to the collecting
/// account, answered `{"code": …}`: 200 once handled (`00` confirmed, `02` already, `01` no
/// payment has its reference, `04` another amount, `05` another account: all kept for the
/// desk), 401 with `97` for a bad signature (only a prefix kept; 429 and nothing kept once the
/// address sent too many, see [`crate::callbacks`]), 400 with `99` for an unreadable body, 413
/// for one over [`crate::callbacks::BODY_LIMIT`], 500 when the bank should try again.
pub async fn transfer_notice(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: axum::http::HeaderMap,
    body: axum::body::Body,
) -> Response {
    use domain::payments::bank_transfer::{self, NoticeAnswer};
    use domain::payments::vietqr::{self, SIGNATURE_HEADER};
    const CALLBACK: &str = "vietqr_notice";
    let answer_with =
        |status, code: &str| (status, Json(serde_json::json!({ "code": code }))).into_response();
    let Some(body) = crate::callbacks::read_body(body).await else {
        crate::callbacks::count(CALLBACK, "too_large");
        return answer_with(axum::http::StatusCode::PAYLOAD_TOO_LARGE, "99");
    };
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let answer = match state.config.vietqr() {
        Ok((account, secret)) => {
            let signed = vietqr::verify(&secret, &body, signature);
            let ip = crate::callbacks::client_ip(&ctx);
            if let Err(refusal) = crate::callbacks::admit(&state.db, CALLBACK, signed, &ip).await {
                return answer_with(refusal.status(), "97");
            }
            bank_transfer::credit_notice(&state.db, &secret, &account, &body, signature, Utc::now())
                .await
        }
        Err(e) => Err(DomainError::Internal(e.to_string())),
    };
    let (status, code) = match answer {
        Ok(a @ NoticeAnswer::BadSignature) => (axum::http::StatusCode::UNAUTHORIZED, a.code()),
        Ok(a @ NoticeAnswer::Malformed) => (axum::http::StatusCode::BAD_REQUEST, a.code()),
        Ok(a) => (axum::http::StatusCode::OK, a.code()),
        Err(e) => {
            tracing::error!(error = %e, "bank credit notice failed");
            (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "99")
        }
    };
    answer_with(status, code)
}

/// `GET /thanh-toan/vnpay/ipn`: VNPay's server-to-server notice, answered with its codes. One
/// with a bad signature is answered `97` and kept only as a prefix; once its address sent too
/// many it gets 429 and nothing is kept (see [`crate::callbacks`]).
pub async fn ipn(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Query(params): Query<BTreeMap<String, String>>,
) -> Response {
    const CALLBACK: &str = "vnpay_ipn";
    let answer = match state.config.vnpay() {
        Ok(config) => {
            let signed = domain::payments::vnpay::verify(&config.secret, &params);
            let ip = crate::callbacks::client_ip(&ctx);
            if let Err(refusal) = crate::callbacks::admit(&state.db, CALLBACK, signed, &ip).await {
                return (refusal.status(), Json(IpnCode::BadSignature.body())).into_response();
            }
            online::vnpay_ipn(&state.db, &config.secret, &params, Utc::now())
                .await
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "IPN failed");
                    IpnCode::OtherError
                })
        }
        Err(e) => {
            tracing::error!(error = %e, "VNPay is not configured");
            IpnCode::OtherError
        }
    };
    Json(answer.body()).into_response()
}

/// `GET /thanh-toan/vnpay/ket-qua`: the browser back from the gateway, sent to the dossier's
/// page (which shows what the IPN recorded) or, for an unsigned return, to the dossier list.
pub async fn back(
    State(state): State<AppState>,
    Query(params): Query<BTreeMap<String, String>>,
) -> Response {
    let found = match state.config.vnpay() {
        Ok(config) => online::vnpay_return(&state.db, &config.secret, &params, Utc::now())
            .await
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "payment return failed");
                None
            }),
        Err(_) => None,
    };
    match found {
        Some(id) => Redirect::to(&format!("/ho-so/{id}?thanh-toan=ve")).into_response(),
        None => Redirect::to("/ho-so-cua-toi?thanh-toan=sai").into_response(),
    }
}

/// `POST /mot-cua/ho-so/{id}/hoan-phi`: the desk asks for the refund of the dossier's fee.
pub async fn refund(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/mot-cua/ho-so/{id}");
    let Ok(config) = state.config.vnpay() else {
        return Redirect::to(&format!("{back}?hoan-phi=loi&ma=payment_unavailable"))
            .into_response();
    };
    let api = crate::vnpay_client::HttpApi::new(state.config.vnpay_api());
    match domain::payments::refunds::request(
        state.services(&ctx.origin),
        &api,
        &config,
        &ctx.actor,
        &id,
    )
    .await
    {
        Ok(p) if p.status == "refunded" => {
            Redirect::to(&format!("{back}?da=refund")).into_response()
        }
        Ok(_) => Redirect::to(&format!("{back}?da=refund_pending")).into_response(),
        Err(DomainError::Validation(errors)) => {
            let code = errors
                .first()
                .map_or("refund_not_allowed", |e| e.code.as_str());
            Redirect::to(&format!("{back}?hoan-phi=loi&ma={code}")).into_response()
        }
        Err(DomainError::Conflict(_)) => {
            Redirect::to(&format!("{back}?hoan-phi=loi&ma=dossier_moved_on")).into_response()
        }
        Err(e) => crate::form_errors::failure(e, &back),
    }
}

/// The form of an extra fee.
#[derive(Debug, serde::Deserialize)]
pub struct ExtraFeeForm {
    /// Amount in đồng, as typed (dots and spaces allowed: `50.000`).
    #[serde(default)]
    amount: String,
    /// What it is for.
    #[serde(default)]
    reason: String,
}

/// `POST /mot-cua/ho-so/{id}/phi-bo-sung`: staff add a fee the applicant pays online.
pub async fn extra_fee(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<ExtraFeeForm>,
) -> Response {
    let back = format!("/mot-cua/ho-so/{id}");
    let digits: String = form
        .amount
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' '))
        .collect();
    let amount = digits.parse::<i64>().unwrap_or(0);
    let result = domain::payments::fees::add_extra(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        amount,
        &form.reason,
    )
    .await;
    fee_answer(result, &back, "fee_added")
}

/// Where a fee form goes next: back to the staff page, with `done` or the refusal's codes.
fn fee_answer(result: Result<i64, DomainError>, back: &str, done: &str) -> Response {
    match result {
        Ok(_) => Redirect::to(&format!("{back}?da={done}")).into_response(),
        Err(DomainError::Validation(errors)) => {
            let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
            Redirect::to(&format!("{back}?phi=loi&ma={}", codes.join(","))).into_response()
        }
        Err(e) => crate::form_errors::failure(e, back),
    }
}

/// The desk's correction of a per-unit fee's quantity.
#[derive(Debug, serde::Deserialize)]
pub struct FeeQuantityForm {
    quantity: String,
    reason: String,
}

/// `POST /mot-cua/ho-so/{id}/so-luong-phi`: the desk corrects the quantity a per-unit fee is
/// charged for; the domain recomputes the fee by the procedure's rule.
pub async fn fee_quantity(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<FeeQuantityForm>,
) -> Response {
    let back = format!("/mot-cua/ho-so/{id}");
    let quantity = form.quantity.trim().parse::<i64>().unwrap_or(0);
    let result = domain::payments::fees::correct_quantity(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        quantity,
        &form.reason,
    )
    .await;
    fee_answer(result, &back, "fee_quantity")
}

/// `GET /quan-tri/doi-soat/{id}.csv`: a reconciliation report as CSV (system administrators).
pub async fn reconciliation_csv(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(file): Path<String>,
) -> Response {
    let Some(id) = file
        .strip_suffix(".csv")
        .and_then(|i| i.parse::<i64>().ok())
    else {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    };
    match domain::payments::reconciliation::run(&state.db, &ctx.actor, id).await {
        Ok(run) => (
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_owned(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"doi-soat-vnpay-{}.csv\"",
                        run.day.format("%Y%m%d")
                    ),
                ),
            ],
            domain::payments::reconciliation::to_csv(&run),
        )
            .into_response(),
        Err(e) => crate::form_errors::failure(e, "/quan-tri/doi-soat"),
    }
}
