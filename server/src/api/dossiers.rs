//! `/api/v1/dossiers`: the same filing as the pages, for mobile apps and kiosks — start a draft,
//! save its parts (with the revision it was read at), upload documents as a raw body, submit,
//! read one's dossiers and their public timeline. Rules are `domain::dossiers`'.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use app::session::RequestContext;
use domain::dossiers::drafts::{self, Change};
use domain::dossiers::{attachments, checks, files, submission, timeline, Loaded, Status};

use super::error::{ApiError, ApiErrorBody, ApiFieldError, ApiJson};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_dossiers, create_dossier))
        .routes(routes!(get_dossier, update_dossier))
        .routes(routes!(upload_file))
        .routes(routes!(remove_file))
        .routes(routes!(submit_dossier))
        .routes(routes!(dossier_events))
}

fn today() -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive()
}

/// A file given for a document slot.
#[derive(Serialize, ToSchema)]
pub struct FileDto {
    /// Attachment id (to remove it).
    pub id: String,
    /// Slot key.
    pub slot: String,
    /// File name.
    pub name: String,
    /// Media type recognised from the content.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// A dossier: a draft or a filed one.
#[derive(Serialize, ToSchema)]
pub struct DossierDto {
    /// Id.
    pub id: String,
    /// `{agency}-{yyMMdd}-{NNNN}` once filed.
    pub code: Option<String>,
    /// Status code (`draft`, `submitted`, …).
    pub status: String,
    /// National status number 1–10 (none for a draft).
    pub national_status: Option<u8>,
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure version (frozen once filed).
    pub procedure_version: i32,
    /// Revision to send back with the next change.
    pub revision: i32,
    /// The applicant part.
    #[schema(value_type = Object)]
    pub applicant: serde_json::Value,
    /// The form's answers, as typed.
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
    /// How the result is returned.
    #[schema(value_type = Object)]
    pub delivery: serde_json::Value,
    /// Steps done.
    pub done: Vec<String>,
    /// What still needs fixing (field id and message), for a draft.
    pub problems: Vec<ApiFieldError>,
    /// Files given.
    pub files: Vec<FileDto>,
    /// Fee due in đồng (frozen once filed).
    pub fee_due_vnd: i64,
    /// The postal fee frozen when postal return was chosen (part of `fee_due_vnd` when paid
    /// with it, else paid to the postman).
    pub postal_fee_vnd: Option<i64>,
    /// The owner may change how the result comes home now (`PUT /dossiers/{id}/delivery`).
    pub delivery_changeable: bool,
    /// Receiving agency once filed.
    pub receiving_agency_code: Option<String>,
    /// Filed at (RFC 3339).
    pub submitted_at: Option<String>,
}

async fn dto(
    state: &AppState,
    ctx: &RequestContext,
    loaded: Loaded,
) -> Result<DossierDto, ApiError> {
    let problems = if loaded.status == Status::Draft {
        checks::problems(&state.db, &ctx.actor, &loaded, today())
            .await?
            .into_values()
            .flatten()
            .map(|f| ApiFieldError {
                message: app::i18n::Key::from_name(&format!("err_{}", f.code))
                    .map(|k| app::i18n::Locale::Vi.t(k).to_owned())
                    .unwrap_or(f.message),
                field: f.field,
            })
            .collect()
    } else {
        Vec::new()
    };
    let attached = files::files_of(&state.db, &loaded.dossier.id).await?;
    let today = Utc::now()
        .with_timezone(&domain::dossiers::codes::vietnam())
        .date_naive();
    let fee = domain::payments::quote::due_vnd(&state.db, &loaded, today).await?;
    let d = loaded.dossier.clone();
    let delivery_changeable = loaded.status != Status::Draft
        && domain::postal::choice::may_change(
            &ctx.actor,
            &d,
            &domain::postal::shipments::of_dossier(&state.db, &d.id).await?,
            &domain::payments::online::of_dossier(&state.db, &d.id).await?,
            Utc::now(),
        );
    Ok(DossierDto {
        done: loaded.done().iter().map(|s| s.code().to_owned()).collect(),
        national_status: loaded.status.national_code(),
        id: d.id,
        code: d.code,
        status: d.status,
        procedure_code: d.procedure_code,
        procedure_version: loaded.version.version,
        revision: d.revision,
        applicant: d.applicant,
        answers: d.answers,
        delivery: d.delivery,
        problems,
        files: attached
            .into_iter()
            .map(|a| FileDto {
                id: a.attachment.id,
                slot: a.attachment.slot,
                name: a.file.file_name,
                content_type: a.file.content_type,
                size: a.file.size,
                sha256: a.file.sha256,
            })
            .collect(),
        fee_due_vnd: fee,
        postal_fee_vnd: d.postal_fee_vnd,
        delivery_changeable,
        receiving_agency_code: d.receiving_agency_code,
        submitted_at: d.submitted_at.map(|t| t.to_rfc3339()),
    })
}

/// A row of the caller's dossiers.
#[derive(Serialize, ToSchema)]
pub struct DossierRowDto {
    /// Id.
    pub id: String,
    /// Code once filed.
    pub code: Option<String>,
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure name.
    pub procedure_name: String,
    /// Status code.
    pub status: String,
    /// Last change (RFC 3339).
    pub updated_at: String,
}

/// The caller's dossiers, newest first.
#[utoipa::path(get, path = "/dossiers", tag = "dossiers",
    responses(
        (status = 200, description = "Drafts and filed dossiers", body = [DossierRowDto]),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn list_dossiers(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
) -> Result<Json<Vec<DossierRowDto>>, ApiError> {
    Ok(Json(
        drafts::list_mine(&state.db, &ctx.actor)
            .await?
            .into_iter()
            .map(|r| DossierRowDto {
                id: r.id,
                code: r.code,
                procedure_code: r.procedure_code,
                procedure_name: r.procedure_name,
                status: r.status,
                updated_at: r.updated_at.to_rfc3339(),
            })
            .collect(),
    ))
}

/// A new draft.
#[derive(Deserialize, ToSchema)]
pub struct NewDossierDto {
    /// Procedure code (not an information-only procedure).
    pub procedure_code: String,
}

/// Starts a draft, prefilled from the caller's profile.
#[utoipa::path(post, path = "/dossiers", tag = "dossiers", request_body = NewDossierDto,
    responses(
        (status = 201, description = "The new draft", body = DossierDto),
        (status = 400, description = "The procedure cannot be filed online", body = ApiErrorBody),
        (status = 404, description = "No such procedure", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn create_dossier(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    ApiJson(body): ApiJson<NewDossierDto>,
) -> Result<(StatusCode, Json<DossierDto>), ApiError> {
    let loaded = drafts::start(&state.db, &ctx.actor, &ctx.origin, &body.procedure_code).await?;
    Ok((StatusCode::CREATED, Json(dto(&state, &ctx, loaded).await?)))
}

/// One of the caller's dossiers.
#[utoipa::path(get, path = "/dossiers/{id}", tag = "dossiers",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "The dossier", body = DossierDto),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn get_dossier(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<DossierDto>, ApiError> {
    let loaded = drafts::load(&state.db, &ctx.actor, &id).await?;
    Ok(Json(dto(&state, &ctx, loaded).await?))
}

/// Changes to a draft: any of its parts, saved in this order. `revision` is the one the client
/// read; a draft changed since answers 409 and keeps the other version.
#[derive(Deserialize, ToSchema)]
pub struct UpdateDossierDto {
    /// Revision the client read.
    pub revision: i32,
    /// The applicant part (see `DossierDto.applicant`).
    #[schema(value_type = Option<Object>)]
    pub applicant: Option<serde_json::Value>,
    /// The form's answers, keyed by field (groups as arrays, addresses as
    /// `{province, commune, street}`).
    #[schema(value_type = Option<Object>)]
    pub answers: Option<serde_json::Value>,
    /// Marks the documents step done once every required slot has its files.
    #[serde(default)]
    pub documents_done: bool,
    /// How the result is returned.
    #[schema(value_type = Option<Object>)]
    pub delivery: Option<serde_json::Value>,
}

/// Saves parts of a draft (kept as sent; `problems` says what still needs fixing).
#[utoipa::path(patch, path = "/dossiers/{id}", tag = "dossiers", request_body = UpdateDossierDto,
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "The saved draft", body = DossierDto),
        (status = 400, description = "A part is not of the expected shape", body = ApiErrorBody),
        (status = 409, description = "Changed elsewhere since `revision`, or already filed", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn update_dossier(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateDossierDto>,
) -> Result<Json<DossierDto>, ApiError> {
    let shape = |field: &str| ApiError::bad_parameter(field, "không đúng cấu trúc");
    let mut changes = Vec::new();
    if let Some(a) = body.applicant {
        changes.push(Change::Applicant(
            serde_json::from_value(a).map_err(|_| shape("applicant"))?,
        ));
    }
    if let Some(answers) = body.answers {
        if !answers.is_object() {
            return Err(shape("answers"));
        }
        changes.push(Change::Answers(answers));
    }
    if body.documents_done {
        changes.push(Change::Documents);
    }
    if let Some(d) = body.delivery {
        changes.push(Change::Delivery(
            serde_json::from_value(d).map_err(|_| shape("delivery"))?,
        ));
    }
    let mut revision = Some(body.revision);
    let mut loaded = drafts::load(&state.db, &ctx.actor, &id).await?;
    for change in changes {
        let saved = drafts::save(&state.db, &ctx.actor, &id, revision, change, today()).await?;
        revision = Some(saved.loaded.dossier.revision);
        loaded = saved.loaded;
    }
    Ok(Json(dto(&state, &ctx, loaded).await?))
}

/// Where an uploaded body goes.
#[derive(Deserialize, IntoParams)]
pub struct UploadParams {
    /// Slot key (see the procedure's form).
    pub slot: String,
    /// File name, with its extension.
    pub name: String,
}

/// Uploads one document as the raw request body (streamed; checked by content, size and virus
/// scan).
#[utoipa::path(post, path = "/dossiers/{id}/files", tag = "dossiers", params(("id" = String, Path, description = "Dossier id"), UploadParams),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Attached", body = FileDto),
        (status = 400, description = "Refused (type, size, virus); the draft is unchanged", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn upload_file(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    Query(params): Query<UploadParams>,
    body: Body,
) -> Result<(StatusCode, Json<FileDto>), ApiError> {
    let stream = body
        .into_data_stream()
        .map(|chunk| chunk.map_err(std::io::Error::other));
    let attached = attachments::upload(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        &params.slot,
        &params.name,
        Box::pin(stream),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(FileDto {
            id: attached.attachment.id,
            slot: attached.attachment.slot,
            name: attached.file.file_name,
            content_type: attached.file.content_type,
            size: attached.file.size,
            sha256: attached.file.sha256,
        }),
    ))
}

/// Takes a file out of a draft.
#[utoipa::path(delete, path = "/dossiers/{id}/files/{attachment}", tag = "dossiers",
    params(("id" = String, Path, description = "Dossier id"), ("attachment" = String, Path, description = "Attachment id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such attachment", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn remove_file(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path((id, attachment)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    files::detach(&state.db, &ctx.actor, &id, &attachment).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The applicant's declaration.
#[derive(Deserialize, ToSchema)]
pub struct SubmitDto {
    /// The information is true (required).
    pub declaration: bool,
}

/// The outcome of a submission.
#[derive(Serialize, ToSchema)]
pub struct SubmittedDto {
    /// Dossier id.
    pub id: String,
    /// Its code.
    pub code: String,
    /// True when an earlier call had filed it already (retries are safe).
    pub already: bool,
}

/// Files a draft. Idempotent: repeating the call returns the same code.
#[utoipa::path(post, path = "/dossiers/{id}/submit", tag = "dossiers", request_body = SubmitDto,
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Filed", body = SubmittedDto),
        (status = 400, description = "Steps still need fixing (every problem listed)", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn submit_dossier(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SubmitDto>,
) -> Result<Json<SubmittedDto>, ApiError> {
    let done = submission::submit(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        body.declaration,
    )
    .await?;
    Ok(Json(SubmittedDto {
        id: done.id,
        code: done.code,
        already: done.already,
    }))
}

/// One event of the public timeline.
#[derive(Serialize, ToSchema)]
pub struct EventDto {
    /// When (RFC 3339).
    pub at: String,
    /// What happened (`submitted`, …).
    pub kind: String,
    /// Status before.
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: Option<String>,
    /// Note for the applicant.
    pub note: Option<String>,
}

/// The public timeline of one of the caller's dossiers, oldest first.
#[utoipa::path(get, path = "/dossiers/{id}/events", tag = "dossiers",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Events", body = [EventDto]),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn dossier_events(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<EventDto>>, ApiError> {
    Ok(Json(
        timeline::public_events(&state.db, &ctx.actor, &id)
            .await?
            .into_iter()
            .map(|e| EventDto {
                at: e.at.to_rfc3339(),
                kind: e.kind,
                from_status: e.from_status,
                to_status: e.to_status,
                note: e.note,
            })
            .collect(),
    ))
}
