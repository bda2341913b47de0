//! The form posts of online filing (`/ho-so/…`): start a draft, save a step, attach, reuse or
//! remove a file, submit, change the way of return, delete a draft. Plain HTML form posts answered
//! with redirects (post/redirect/get), so every step works without JavaScript; an upload sent
//! by script (`Accept: application/json`) gets JSON instead, for its progress bar.
//!
//! Rules live in `domain::dossiers`; these handlers only translate forms and outcomes.

use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use axum::{Form, Json};
use domain::dossiers::drafts::{self, Change, CHANGED_ELSEWHERE};
use domain::dossiers::{
    files, submission, Applicant, Delivery, DeliveryMethod, OnBehalf, PostalPayment, Step,
};
use domain::DomainError;

use app::i18n::{Key, Locale};

use super::{locale, see_other, today};
use crate::form_errors::failure;
use crate::request_context::Ctx;
use crate::state::AppState;

/// The filing form posts. An upload may be as large as a whole dossier's allowance.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ho-so/bat-dau", post(start))
        .route("/mot-cua/tiep-nhan/bat-dau", post(start_at_desk))
        .route("/ho-so/{id}/luu/{step}", post(save))
        .route(
            "/ho-so/{id}/tai-len/{slot}",
            post(upload).layer(DefaultBodyLimit::max(
                (domain::forms::MAX_DOSSIER_MB as usize + 1) * 1024 * 1024,
            )),
        )
        .route("/ho-so/{id}/dung-lai/{slot}", post(reuse))
        .route("/ho-so/{id}/go-tep/{attachment}", post(detach))
        .route("/ho-so/{id}/nop", post(submit))
        .route("/ho-so/{id}/doi-cach-nhan", post(change_delivery))
        .route("/ho-so/{id}/xoa", post(delete))
}

type Pairs = Vec<(String, String)>;

fn value<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// `POST /ho-so/bat-dau`: starts a draft of `procedure`.
pub async fn start(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Form(pairs): Form<Pairs>,
) -> Response {
    let code = value(&pairs, "procedure").to_owned();
    match drafts::start(&state.db, &ctx.actor, &ctx.origin, &code).await {
        Ok(loaded) => see_other(format!(
            "/ho-so/{}/{}",
            loaded.dossier.id,
            Step::Applicant.slug()
        )),
        Err(DomainError::Validation(_)) => see_other(format!("/nop-truc-tuyen/{code}")),
        Err(e) => failure(e, &format!("/nop-truc-tuyen/{code}")),
    }
}

/// `POST /mot-cua/tiep-nhan/bat-dau`: an intake clerk starts a dossier brought to the desk or
/// sent in by post. A refusal goes back to the form with what was typed and the error.
pub async fn start_at_desk(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Form(pairs): Form<Pairs>,
) -> Response {
    let code = value(&pairs, "procedure").trim().to_owned();
    let by_post = value(&pairs, "channel") == "post";
    let reference = value(&pairs, "intake_reference").trim().to_owned();
    let channel = if by_post {
        drafts::Channel::Post(reference.clone())
    } else {
        drafts::Channel::Desk
    };
    let back = |error: &str| {
        format!(
            "/mot-cua/tiep-nhan?thu-tuc={}&kenh={}&so={}&loi={error}",
            app::dto::encode_query_value(&code),
            if by_post { "post" } else { "desk" },
            app::dto::encode_query_value(&reference),
        )
    };
    match domain::dossiers::counter::start_at_desk(
        &state.db,
        &ctx.actor,
        &ctx.origin,
        &code,
        channel,
    )
    .await
    {
        Ok(loaded) => see_other(format!(
            "/ho-so/{}/{}",
            loaded.dossier.id,
            Step::Applicant.slug()
        )),
        Err(DomainError::Validation(fields)) => {
            let first = fields
                .first()
                .map(|f| format!("{}:{}", f.field, f.code))
                .unwrap_or_default();
            see_other(back(&app::dto::encode_query_value(&first)))
        }
        Err(DomainError::Forbidden(_)) => see_other(back("forbidden")),
        Err(e) => failure(e, "/mot-cua/tiep-nhan"),
    }
}

fn applicant_from(pairs: &Pairs) -> Applicant {
    let v = |name: &str| value(pairs, &format!("applicant-{name}")).trim().to_owned();
    Applicant {
        on_behalf: match v("on_behalf").as_str() {
            "other" => OnBehalf::Other,
            "organisation" => OnBehalf::Organisation,
            _ => OnBehalf::Myself,
        },
        full_name: v("full_name"),
        citizen_id: v("citizen_id"),
        date_of_birth: v("date_of_birth"),
        phone: v("phone"),
        email: v("email"),
        province: v("address-province"),
        commune: v("address-commune"),
        street: v("address-street"),
        subject_name: v("subject_name"),
        subject_citizen_id: v("subject_citizen_id"),
        relation: v("relation"),
        organisation_id: v("organisation_id"),
        receiving_agency: v("receiving_agency"),
    }
}

fn delivery_from(pairs: &Pairs) -> Delivery {
    let v = |name: &str| value(pairs, &format!("delivery-{name}")).trim().to_owned();
    Delivery {
        method: match v("method").as_str() {
            "desk" => DeliveryMethod::Desk,
            "electronic" => DeliveryMethod::Electronic,
            "post" => DeliveryMethod::Post,
            _ => DeliveryMethod::Unset,
        },
        recipient: v("recipient"),
        phone: v("phone"),
        province: v("address-province"),
        commune: v("address-commune"),
        street: v("address-street"),
        postal_payment: PostalPayment::parse(&v("postal_payment")),
    }
}

/// `POST /ho-so/{id}/luu/{step}`: saves a step whatever was typed, then goes on (the step
/// passed and the applicant asked to continue), back with the problems listed, or — when the
/// draft changed in another tab since this page was made — to a page that keeps what was typed
/// and lets the applicant choose.
pub async fn save(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path((id, step)): Path<(String, String)>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let Some(step) = Step::parse(&step).filter(|s| *s != Step::Review) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let here = format!("/ho-so/{id}/{}", step.slug());
    let change = match step {
        Step::Applicant => Change::Applicant(applicant_from(&pairs)),
        Step::Form => match drafts::load(&state.db, &ctx.actor, &id).await {
            Ok(loaded) => Change::Answers(domain::forms::answers_from_pairs(&loaded.form, &pairs)),
            Err(e) => return failure(e, &here),
        },
        Step::Documents => Change::Documents,
        Step::Delivery | Step::Review => Change::Delivery(delivery_from(&pairs)),
    };
    let revision = value(&pairs, "revision").parse::<i32>().ok();
    let saving = drafts::save(&state.db, &ctx.actor, &id, revision, change, today()).await;
    if value(&pairs, "action") == "auto" {
        return autosaved(saving);
    }
    match saving {
        Ok(saved) => {
            let go_on = value(&pairs, "action") != "stay";
            if !saved.step_done() && go_on {
                see_other(format!("{here}?loi=1"))
            } else if go_on {
                let next = saved
                    .loaded
                    .resume_step()
                    .max(step.next().unwrap_or(Step::Review));
                let next = saved.loaded.allowed_step(next);
                see_other(format!("/ho-so/{id}/{}", next.slug()))
            } else {
                see_other(format!("{here}?da-luu=1"))
            }
        }
        Err(DomainError::Conflict(c)) if c == CHANGED_ELSEWHERE => {
            conflict_page(locale(&headers), &id, step, &pairs)
        }
        Err(DomainError::Conflict(_)) => see_other(format!("/ho-so/{id}")),
        Err(e) => failure(e, &here),
    }
}

/// The answer to the page script's background save: the new revision (the page sends it with
/// its next save), or 409 when another tab changed the draft meanwhile.
fn autosaved(saving: Result<drafts::Saved, DomainError>) -> Response {
    match saving {
        Ok(saved) => {
            Json(serde_json::json!({ "revision": saved.loaded.dossier.revision })).into_response()
        }
        Err(DomainError::Conflict(c)) if c == CHANGED_ELSEWHERE => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({ "error": CHANGED_ELSEWHERE })),
        )
            .into_response(),
        // The page's script signs in again itself: a bare 401, not a redirect.
        Err(DomainError::Unauthorized) => StatusCode::UNAUTHORIZED.into_response(),
        Err(e) => failure(e, ""),
    }
}

/// The page shown when a save meets a newer revision: what was typed is kept in the form (sent
/// again without a revision, it replaces the other version), or the applicant opens the saved
/// one.
fn conflict_page(t: Locale, id: &str, step: Step, pairs: &Pairs) -> Response {
    let hidden = crate::html::hidden_inputs(
        pairs
            .iter()
            .filter(|(k, _)| k != "revision")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head>\
         <body><main class=\"container narrow\"><h1>{title}</h1><p>{text}</p>\
         <form method=\"post\" action=\"/ho-so/{id}/luu/{step}\">{hidden}\
         <button type=\"submit\" class=\"button\">{keep}</button></form>\
         <p><a href=\"/ho-so/{id}/{slug}\">{see}</a></p></main></body></html>",
        lang = t.code(),
        title = t.t(Key::ConflictTitle),
        text = t.t(Key::ConflictText),
        keep = t.t(Key::ConflictKeepMine),
        see = t.t(Key::ConflictSeeSaved),
        step = step.code(),
        slug = step.slug(),
        // The id comes from the path: escaped like every other interpolated value.
        id = crate::html::escape(id),
    );
    (StatusCode::CONFLICT, Html(page)).into_response()
}

/// `POST /ho-so/{id}/dung-lai/{slot}`: attaches a file from "my documents".
pub async fn reuse(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path((id, slot)): Path<(String, String)>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let back = format!("/ho-so/{id}/{}", Step::Documents.slug());
    match files::attach_existing(&state.db, &ctx.actor, &id, &slot, value(&pairs, "file_id")).await
    {
        Ok(_) => see_other(format!("{back}?tai-len=ok")),
        Err(DomainError::Validation(errors)) => see_other(format!(
            "{back}?tai-len=loi&ma={}&o={slot}",
            errors
                .first()
                .map(|e| e.code.as_str())
                .unwrap_or("file_type")
        )),
        Err(e) => failure(e, &back),
    }
}

/// `POST /ho-so/{id}/go-tep/{attachment}`: takes a file out of the draft.
pub async fn detach(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path((id, attachment)): Path<(String, String)>,
) -> Response {
    let back = format!("/ho-so/{id}/{}", Step::Documents.slug());
    match files::detach(&state.db, &ctx.actor, &id, &attachment).await {
        Ok(()) | Err(DomainError::NotFound(_)) => see_other(back),
        Err(e) => failure(e, &back),
    }
}

/// `POST /ho-so/{id}/nop`: files the draft.
pub async fn submit(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let declared = value(&pairs, "declaration") == "true";
    let review = format!("/ho-so/{id}/{}", Step::Review.slug());
    match submission::submit(state.services(&ctx.origin), &ctx.actor, &id, declared).await {
        Ok(_) => see_other(format!("/ho-so/{id}?moi=1")),
        Err(DomainError::Validation(errors)) => {
            let declaration_only = errors.iter().all(|e| e.field == "declaration");
            see_other(if declaration_only {
                format!("{review}?loi=1&cam-doan=1")
            } else {
                format!("{review}?loi=1")
            })
        }
        Err(e) => failure(e, &review),
    }
}

/// `POST /ho-so/{id}/doi-cach-nhan`: the owner of a filed dossier changes how its result comes
/// home. Back to the dossier when saved; to the change page when not (what was typed is kept
/// on the dossier and shown there with its problems).
pub async fn change_delivery(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let page = format!("/ho-so/{id}/{}", Step::Delivery.slug());
    match domain::postal::choice::change(
        state.services(&ctx.origin),
        &ctx.actor,
        &id,
        delivery_from(&pairs),
    )
    .await
    {
        Ok(_) => see_other(format!("/ho-so/{id}?da=nhan-ket-qua")),
        Err(DomainError::Validation(_)) => see_other(format!("{page}?loi=1")),
        Err(e) => failure(e, &page),
    }
}

/// `POST /ho-so/{id}/xoa`: deletes a draft.
pub async fn delete(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Response {
    match drafts::delete_draft(&state.db, &ctx.actor, &ctx.origin, &id).await {
        Ok(()) => see_other("/ho-so-cua-toi".into()),
        Err(e) => failure(e, "/ho-so-cua-toi"),
    }
}

/// JSON answer of an upload made by script.
fn upload_json(t: Locale, result: Result<(), String>) -> Response {
    match result {
        Ok(()) => Json(serde_json::json!({ "ok": true })).into_response(),
        Err(code) => {
            let message = Key::from_name(&format!("err_{code}"))
                .map(|k| t.t(k).to_owned())
                .unwrap_or(code.clone());
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(serde_json::json!({ "ok": false, "code": code, "message": message })),
            )
                .into_response()
        }
    }
}

/// `POST /ho-so/{id}/tai-len/{slot}`: one file, streamed to storage (see
/// `domain::dossiers::attachments`), for a plain form (redirect) or a script (JSON).
pub async fn upload(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path((id, slot)): Path<(String, String)>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    // A filed dossier takes files only while a supplement is asked for, on its own page.
    use sea_orm::EntityTrait;
    let filed = domain::entities::dossier::Entity::find_by_id(id.clone())
        .one(&state.db)
        .await
        .ok()
        .flatten()
        .is_some_and(|d| d.status != domain::dossiers::Status::Draft.code());
    let back = if filed {
        format!("/ho-so/{id}")
    } else {
        format!("/ho-so/{id}/{}", Step::Documents.slug())
    };
    let result = match multipart.next_field().await {
        Ok(Some(field)) => {
            let name = field.file_name().unwrap_or("tep").to_owned();
            crate::uploads::receive(&state, &ctx, &id, &slot, &name, field).await
        }
        Ok(None) => Err(DomainError::Validation(vec![
            domain::error::FieldError::rule(format!("doc-{slot}"), "file_empty", "no file"),
        ])),
        Err(e) => {
            tracing::warn!(error = %e, "unreadable upload");
            Err(DomainError::Validation(vec![
                domain::error::FieldError::rule(
                    format!("doc-{slot}"),
                    "file_too_big",
                    "the upload was cut or too large",
                ),
            ]))
        }
    };
    if result.is_err() {
        // Read what the browser is still sending (within the route's body limit): a browser
        // whose upload is cut off shows a connection error instead of the refusal's page.
        while let Ok(Some(mut rest)) = multipart.next_field().await {
            while let Ok(Some(_)) = rest.chunk().await {}
        }
    }
    let outcome = match result {
        Ok(_) => Ok(()),
        Err(DomainError::Validation(errors)) => Err(errors
            .first()
            .map(|e| e.code.clone())
            .unwrap_or_else(|| "file_type".into())),
        Err(e) if wants_json => {
            tracing::error!(error = %e, "upload failed");
            Err("file_scan_failed".into())
        }
        Err(e) => return failure(e, &back),
    };
    if wants_json {
        return upload_json(locale(&headers), outcome);
    }
    match outcome {
        Ok(()) => see_other(format!("{back}?tai-len=ok")),
        Err(code) => see_other(format!("{back}?tai-len=loi&ma={code}&o={slot}")),
    }
}
