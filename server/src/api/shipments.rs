//! Postal return of results through the API: `GET /dossiers/{id}/shipments` for whoever may
//! read the dossier (its owner's app, the agencies handling it), and
//! `POST /staff/dossiers/{id}/shipments`, the desk's hand-over to the carrier. The carrier's
//! status updates come to `/buu-chinh/webhook`, a public route that checks the signature
//! before touching anything. Rules: `domain::postal`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use app::session::RequestContext;
use domain::entities::{shipment, shipment_event};
use domain::postal::shipments;

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_shipments))
        .routes(routes!(hand_over))
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
    ctx: Option<Extension<RequestContext>>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ShipmentDto>>, ApiError> {
    let Some(Extension(ctx)) = ctx else {
        return Err(domain::DomainError::Unauthorized.into());
    };
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
    ctx: Option<Extension<RequestContext>>,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<ShipmentDto>), ApiError> {
    let Some(Extension(ctx)) = ctx else {
        return Err(domain::DomainError::Unauthorized.into());
    };
    let config = state
        .config
        .carrier()
        .map_err(|e| ApiError::from(domain::DomainError::Internal(e.to_string())))?;
    let carrier = crate::carrier_client::HttpCarrier::from_config(&config);
    let made = shipments::hand_over(
        &state.db,
        &carrier,
        &ctx.actor,
        &ctx.origin,
        &id,
        Utc::now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(dto(made, Vec::new()))))
}
