//! `/api/v1/staff`: the one-stop back office for other systems and staff tools — the queues of
//! the caller's agency, and the actions on a dossier (accept, request a supplement, refuse,
//! assign, forward, send back, transfer and back, approve, stop, apology, return). The rules are
//! `domain::dossiers::processing`'s, the same as the pages'.

use axum::extract::{Path, Query, State};
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::Command;
use domain::dossiers::queues::{self, QueueQuery};
use domain::dossiers::staff_view;

use super::error::{ApiError, ApiErrorBody, ApiJson};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(staff_queue))
        .routes(routes!(staff_dossier))
        .routes(routes!(staff_action))
}

/// Which queue to list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// `new`, `mine`, `unassigned`, `to_approve`, `due_soon`, `overdue`, `waiting`,
    /// `to_return`, `all`; empty for the caller's home queue.
    #[serde(default)]
    pub queue: String,
    /// Search by dossier code, citizen ID or name (every dossier the agency had a part in).
    #[serde(default)]
    pub q: String,
    /// Only this procedure code.
    #[serde(default)]
    pub procedure: String,
    /// 1-based page (25 rows each).
    #[serde(default)]
    pub page: u64,
}

/// One dossier in a queue.
#[derive(Serialize, ToSchema)]
pub struct QueueRowDto {
    /// Id.
    pub id: String,
    /// Code.
    pub code: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Applicant's name.
    pub applicant: String,
    /// Status code (`submitted`, `accepted`, …).
    pub status: String,
    /// National status number (1–10).
    pub status_number: Option<u8>,
    /// Filed at.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Result due at.
    pub due_at: Option<DateTime<Utc>>,
    /// Working minutes left (negative: overdue); absent when the clock does not run.
    pub minutes_left: Option<i64>,
    /// The clock is stopped (waiting for the applicant).
    pub paused: bool,
    /// The current step ran over its allowance.
    pub escalated: bool,
    /// Assigned staff member's id.
    pub assignee_id: Option<String>,
}

/// A page of a queue.
#[derive(Serialize, ToSchema)]
pub struct QueuePageDto {
    /// The queue listed.
    pub queue: String,
    /// Rows.
    pub items: Vec<QueueRowDto>,
    /// Rows in the queue.
    pub total: u64,
    /// Page.
    pub page: u64,
    /// Rows per page.
    pub per_page: u64,
    /// Rows per queue (`{"new": 3, …}`).
    pub counts: std::collections::BTreeMap<String, u64>,
}

/// A queue of the caller's agency (staff only).
#[utoipa::path(get, path = "/staff/queue", tag = "back office", params(QueueParams),
    responses(
        (status = 200, description = "One page of the queue", body = QueuePageDto),
        (status = 400, description = "Unknown queue", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 403, description = "Not staff", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn staff_queue(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Query(params): Query<QueueParams>,
) -> Result<Json<QueuePageDto>, ApiError> {
    let page = queues::list(
        &state.db,
        &ctx.actor,
        &QueueQuery {
            queue: params.queue,
            procedure: params.procedure,
            q: params.q,
            page: params.page,
        },
        Utc::now(),
    )
    .await?;
    Ok(Json(QueuePageDto {
        queue: page.queue.code().to_owned(),
        items: page
            .rows
            .into_iter()
            .map(|r| QueueRowDto {
                id: r.id,
                code: r.code,
                procedure_code: r.procedure_code,
                applicant: r.applicant,
                status: r.status.code().to_owned(),
                status_number: r.status.national_code(),
                submitted_at: r.submitted_at,
                due_at: r.due_at,
                minutes_left: r.minutes_left,
                paused: r.paused,
                escalated: r.escalated,
                assignee_id: r.assignee_id,
            })
            .collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        counts: page
            .counts
            .into_iter()
            .map(|(q, n)| (q.code().to_owned(), n))
            .collect(),
    }))
}

/// One event of a dossier's history as staff see it (internal notes included).
#[derive(Serialize, ToSchema)]
pub struct StaffEventDto {
    /// When.
    pub at: DateTime<Utc>,
    /// What happened: the action code (`accept`, `transfer`, …), `submitted` or `escalated`.
    pub kind: String,
    /// Status before.
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: Option<String>,
    /// Who acted (name or `system`).
    pub actor: String,
    /// Note the applicant reads.
    pub public_note: Option<String>,
    /// Note for staff only.
    pub internal_note: Option<String>,
}

/// A dossier as the back office sees it, with the actions the caller may take now.
#[derive(Serialize, ToSchema)]
pub struct StaffDossierDto {
    /// Id.
    pub id: String,
    /// Code.
    pub code: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Status code.
    pub status: String,
    /// National status number (1–10).
    pub status_number: Option<u8>,
    /// How it was received: `online`, `desk` or `post`.
    pub channel: String,
    /// Agency whose desk received it.
    pub receiving_agency: Option<String>,
    /// Agency holding it now.
    pub holding_agency: String,
    /// The agency a transferred dossier goes back to.
    pub transfer_origin: Option<String>,
    /// Current workflow step (0-based).
    pub step_index: Option<i32>,
    /// Role acting at the current step.
    pub step_role: Option<String>,
    /// Assigned staff member's id.
    pub assignee_id: Option<String>,
    /// Result due at.
    pub due_at: Option<DateTime<Utc>>,
    /// Working minutes left (negative: overdue) while open.
    pub minutes_left: Option<i64>,
    /// The clock is stopped (waiting for the applicant).
    pub paused: bool,
    /// Revision to send back with an action.
    pub revision: i32,
    /// Actions the caller may take now (`POST …/actions/{action}`).
    pub actions: Vec<String>,
    /// History, oldest first.
    pub events: Vec<StaffEventDto>,
}

/// One dossier of the caller's agency (or one it had a part in), with its history and the
/// actions the caller may take now.
#[utoipa::path(get, path = "/staff/dossiers/{id}", tag = "back office",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "The dossier", body = StaffDossierDto),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier for this caller", body = ApiErrorBody),
    ),
    security(("session" = []), ("bearer" = [])))]
async fn staff_dossier(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<StaffDossierDto>, ApiError> {
    let s = staff_view::load(&state.db, &ctx.actor, &id, Utc::now()).await?;
    let row = s.row;
    Ok(Json(StaffDossierDto {
        id: row.id,
        code: row.code.unwrap_or_default(),
        procedure_code: row.procedure_code,
        status: s.status.code().to_owned(),
        status_number: s.status.national_code(),
        channel: row.channel,
        receiving_agency: row.receiving_agency_code,
        holding_agency: s.holding,
        transfer_origin: row.transfer_origin,
        step_index: row.step_index,
        step_role: row.step_role,
        assignee_id: row.assignee_id,
        due_at: row.due_at.map(|d| d.with_timezone(&Utc)),
        minutes_left: s.minutes_left,
        paused: row.paused_at.is_some(),
        revision: row.revision,
        actions: s.available.iter().map(|a| a.code().to_owned()).collect(),
        events: s
            .events
            .into_iter()
            .map(|e| StaffEventDto {
                at: e.at.with_timezone(&Utc),
                kind: e.kind,
                from_status: e.from_status,
                to_status: e.to_status,
                actor: e.actor_label,
                public_note: e.public_note,
                internal_note: e.internal_note,
            })
            .collect(),
    }))
}

/// What an action needs.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ActionDto {
    /// Note the applicant reads (required for `request_supplement`, `refuse`, `stop`,
    /// `apologise`).
    pub public_note: String,
    /// Note for staff only.
    pub internal_note: String,
    /// `assign`: staff account id (empty: the caller).
    pub assignee_id: String,
    /// `transfer`: agency code.
    pub target_agency: String,
    /// `apologise`: the new due date (`yyyy-mm-dd`, a working day).
    #[schema(value_type = Option<String>, format = Date)]
    pub new_due_date: Option<NaiveDate>,
    /// `request_supplement`: what is missing.
    pub missing: Vec<String>,
    /// The revision read; a stale one gets 409.
    pub revision: Option<i32>,
}

/// The dossier after an action.
#[derive(Serialize, ToSchema)]
pub struct MovedDto {
    /// Id.
    pub id: String,
    /// Code.
    pub code: String,
    /// New status.
    pub status: String,
    /// National status number.
    pub status_number: Option<u8>,
    /// Agency holding it now.
    pub holding_agency: Option<String>,
    /// Result due at.
    pub due_at: Option<DateTime<Utc>>,
    /// New revision.
    pub revision: i32,
}

/// Takes an action on a dossier. `action` is one of `accept`, `request_supplement`, `refuse`,
/// `supply`, `assign`, `forward`, `send_back`, `transfer`, `transfer_back`, `approve`, `stop`,
/// `withdraw`, `apologise`, `return`. Who may take which, from which status, is the lifecycle's
/// table; staff act only on dossiers their agency holds.
#[utoipa::path(post, path = "/staff/dossiers/{id}/actions/{action}", tag = "back office",
    request_body = ActionDto,
    params(("id" = String, Path, description = "Dossier id"), ("action" = String, Path, description = "Action")),
    responses(
        (status = 200, description = "Done", body = MovedDto),
        (status = 400, description = "Missing or bad input (`fields` names it), or the due date passed without an apology letter", body = ApiErrorBody),
        (status = 403, description = "The caller may not take this action", body = ApiErrorBody),
        (status = 404, description = "No such dossier for this caller, or unknown action", body = ApiErrorBody),
        (status = 409, description = "The dossier moved on or the revision is stale", body = ApiErrorBody),
    ),
    security(("session" = []), ("bearer" = [])))]
async fn staff_action(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path((id, action)): Path<(String, String)>,
    ApiJson(body): ApiJson<ActionDto>,
) -> Result<Json<MovedDto>, ApiError> {
    let transition = Transition::from_code(&action)
        .ok_or_else(|| ApiError::from(domain::DomainError::NotFound(format!("action {action}"))))?;
    let command = Command {
        public_note: body.public_note,
        internal_note: body.internal_note,
        assignee_id: body.assignee_id,
        target_agency: body.target_agency,
        new_due_date: body.new_due_date,
        missing: body.missing,
        revision: body.revision,
        ..Command::default()
    };
    let moved = domain::results::take(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        transition,
        &command,
    )
    .await?;
    Ok(Json(MovedDto {
        id: moved.id,
        code: moved.code,
        status: moved.status.code().to_owned(),
        status_number: moved.status.national_code(),
        holding_agency: moved.holding_agency,
        due_at: moved.due_at,
        revision: moved.revision,
    }))
}
