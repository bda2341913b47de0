//! Postal return of results through the API: `GET /dossiers/{id}/shipments` for whoever may
//! read the dossier (its owner's app, the agencies handling it), `PUT
//! /dossiers/{id}/delivery` for its owner to choose postal return (or another way) after
//! filing, and
//! `POST /staff/dossiers/{id}/shipments`, the desk's hand-over to the carrier. The carrier's
//! status updates come to `/buu-chinh/webhook`, a public route that checks the signature
//! before touching anything. Rules: `domain::postal`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::entities::{shipment, shipment_event};
use domain::postal::shipments;

use super::error::{ApiError, ApiErrorBody, ApiJson};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_shipments))
        .routes(routes!(hand_over))
        .routes(routes!(change_delivery))
}

/// One carrier update.
#[derive(Serialize, ToSchema)]
pub struct ShipmentEventDto {
    /// `picked_up`, `in_transit`, `delivered`, `failed` or `returned`.
    pub status: String,
    /// When it happened, by the carrier's clock.
    pub at: DateTime<Utc>,
    /// Post office.
    pub location: Option<String>,
    /// The carrier's note (why an attempt failed).
    pub note: Option<String>,
}

/// A shipment of the dossier's result.
#[derive(Serialize, ToSchema)]
pub struct ShipmentDto {
    /// The carrier's tracking number (UPU S10).
    pub tracking_number: String,
    /// Carrier (`vnpost`).
    pub carrier: String,
    /// `created`, `picked_up`, `in_transit`, `delivered`, `failed` or `returned`.
    pub status: String,
    /// Amount the postman collects, in đồng.
    pub cod_vnd: i64,
    /// Handed over at.
    pub created_at: DateTime<Utc>,
    /// Delivered at.
    pub delivered_at: Option<DateTime<Utc>>,
    /// The carrier's updates, oldest first.
    pub events: Vec<ShipmentEventDto>,
}

fn dto(s: shipment::Model, events: Vec<shipment_event::Model>) -> ShipmentDto {
    ShipmentDto {
        tracking_number: s.tracking_number,
        carrier: s.carrier,
        status: s.status,
        cod_vnd: s.cod_vnd,
        created_at: s.created_at.with_timezone(&Utc),
        delivered_at: s.delivered_at.map(|t| t.with_timezone(&Utc)),
        events: events
            .into_iter()
            .map(|e| ShipmentEventDto {
                status: e.status,
                at: e.at.with_timezone(&Utc),
                location: e.location,
                note: e.note,
            })
            .collect(),
    }
}

/// The shipments of a dossier's result, newest first.
#[utoipa::path(get, path = "/dossiers/{id}/shipments", tag = "postal",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Shipments, newest first", body = [ShipmentDto]),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier the caller may read", body = ApiErrorBody),
    ),
    security(("session" = []), ("bearer" = [])))]
async fn list_shipments(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<ShipmentDto>>, ApiError> {
    domain::dossiers::drafts::load_readable(&state.db, &ctx.actor, &id).await?;
    Ok(Json(
        shipments::with_events(&state.db, &id)
            .await?
            .into_iter()
            .map(|(s, e)| dto(s, e))
            .collect(),
    ))
}

/// The desk hands the processed result to the carrier, which answers its tracking number.
/// Refused with `shipment_not_ready` (no result yet, no postal return asked, or a parcel on
/// its way), `carrier_refused` (the carrier's code and words) or `carrier_unavailable`.
#[utoipa::path(post, path = "/staff/dossiers/{id}/shipments", tag = "postal",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 201, description = "Handed over", body = ShipmentDto),
        (status = 400, description = "Not now (the field `shipment` says why)", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 403, description = "Not the receiving desk", body = ApiErrorBody),
        (status = 404, description = "No such dossier the caller may read", body = ApiErrorBody),
        (status = 409, description = "Handed over by someone else meanwhile", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn hand_over(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<ShipmentDto>), ApiError> {
    let config = state
        .config
        .carrier()
        .map_err(|e| ApiError::from(domain::DomainError::Internal(e.to_string())))?;
    let carrier = crate::carrier_client::HttpCarrier::from_config(&config);
    let made = shipments::hand_over(state.services(&ctx.origin), &carrier, &ctx.actor, &id).await?;
    Ok((StatusCode::CREATED, Json(dto(made, Vec::new()))))
}

/// How the result of a filed dossier should come home.
#[derive(Deserialize, ToSchema)]
pub struct DeliveryChangeDto {
    /// `desk`, `electronic` (where the procedure gives one) or `post`.
    pub method: String,
    /// Recipient (post).
    #[serde(default)]
    pub recipient: String,
    /// Recipient's mobile phone (post).
    #[serde(default)]
    pub phone: String,
    /// Province code of the 2025 map (post).
    #[serde(default)]
    pub province: String,
    /// Commune code of that province (post).
    #[serde(default)]
    pub commune: String,
    /// House number and street (post).
    #[serde(default)]
    pub street: String,
    /// `on_delivery` (to the postman) or `with_fee` (online, with the dossier's fee).
    #[serde(default)]
    pub postal_payment: String,
}

/// The fees after a change of delivery.
#[derive(Serialize, ToSchema)]
pub struct DeliveryChangedDto {
    /// The dossier's fee due, in đồng.
    pub fee_due_vnd: i64,
    /// The postal fee frozen for the choice (none when not by post).
    pub postal_fee_vnd: Option<i64>,
    /// What is left to pay online.
    pub balance_vnd: i64,
}

/// The owner chooses how the result of a filed dossier comes home, until it leaves the desk.
/// The postal fee comes from the tariff; paid with the fee, it raises the balance to pay.
/// Problems name the field (`delivery-phone`, `delivery-address-commune`, …); a change that is
/// not possible now answers `delivery_locked`, `postal_fee_paid` or `postal_with_fee_closed`.
#[utoipa::path(put, path = "/dossiers/{id}/delivery", tag = "postal", request_body = DeliveryChangeDto,
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Saved", body = DeliveryChangedDto),
        (status = 400, description = "Problems, field by field", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = []), ("bearer" = [])))]
async fn change_delivery(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DeliveryChangeDto>,
) -> Result<Json<DeliveryChangedDto>, ApiError> {
    use domain::dossiers::{Delivery, DeliveryMethod, PostalPayment};
    let delivery = Delivery {
        method: match body.method.as_str() {
            "desk" => DeliveryMethod::Desk,
            "electronic" => DeliveryMethod::Electronic,
            "post" => DeliveryMethod::Post,
            _ => DeliveryMethod::Unset,
        },
        recipient: body.recipient.trim().to_owned(),
        phone: body.phone.trim().to_owned(),
        province: body.province.trim().to_owned(),
        commune: body.commune.trim().to_owned(),
        street: body.street.trim().to_owned(),
        postal_payment: PostalPayment::parse(body.postal_payment.trim()),
    };
    let changed =
        domain::postal::choice::change(state.services(&ctx.origin), &ctx.actor, &id, delivery)
            .await?;
    Ok(Json(DeliveryChangedDto {
        fee_due_vnd: changed.fee_due_vnd,
        postal_fee_vnd: changed.postal_fee_vnd,
        balance_vnd: changed.balance_vnd,
    }))
}
