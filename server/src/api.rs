//! The JSON API under `/api/v1` for kiosks, mobile apps and other agencies' systems, and its
//! OpenAPI 3.1 description (generated from the handlers with utoipa) at `/api/openapi.json`.

pub mod accounts;
pub mod back_office;
pub mod docs_page;
pub mod dossiers;
pub mod error;
pub mod lookup;
pub mod payments;
pub mod procedures;
pub mod ratings;
pub mod reference;
pub mod refunds;
pub mod shipments;
pub mod statistics;

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

/// The document's fixed parts; paths are added by the routers below.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cổng Dịch vụ công — API",
        version = "1",
        description = "Public API of the online public service portal: reference data, the \
                       procedure catalogue, accounts and online filing of dossiers. Errors share one JSON body: \
                       `{\"code\", \"message\", \"fields\"}`."
    ),
    tags(
        (name = "catalogue", description = "Procedure catalogue: search, filters, details, agencies"),
        (name = "reference", description = "Administrative map and subject areas"),
        (name = "lookup", description = "Anyone holding a dossier's receipt follows it by its code \
            and the last 4 digits of the applicant's phone number or citizen ID, without signing \
            in. A wrong factor is answered like an unknown code; failed lookups are limited per \
            address and per code."),
        (name = "payments", description = "Paying a dossier's fee online: the payments of one's \
            dossier, and starting one (the answer is the gateway's signed page to open). The \
            amount is always the portal's; the gateway's IPN, not this API, confirms a payment."),
        (name = "postal", description = "Postal return of results: the shipments of a \
            dossier's result with the carrier's updates, and the desk's hand-over to the carrier \
            (which answers the tracking number). The carrier's signed status updates come to the \
            portal's webhook, not to this API; the delivery returns the dossier."),
        (name = "dossiers", description = "Filing online: drafts saved part by part with the \
            revision read (409 when changed elsewhere), documents uploaded as raw bodies and \
            checked by content, idempotent submission, the public timeline. Signed-in citizens \
            only (session cookie and `X-CSRF-Token`)."),
        (name = "back office", description = "The one-stop back office: queues of the caller's \
            agency and the actions on a dossier, with the same rules as the staff pages (agency, \
            role, status, working-time deadlines). Staff sessions, or bearer tokens with \
            `dossiers:write` for one agency (receive and process; approval stays with a leader)."),
        (name = "statistics", description = "Open data: how the agencies perform — received, \
            resolved on time or late, pending, overdue, online and electronic rates, \
            satisfaction — per agency (with the agencies under it), field, procedure and period, \
            as JSON or CSV, with the data dictionary and licence. No sign-in; counts from 1 to 4 \
            are suppressed."),
        (name = "accounts", description = "The caller, agency staff, the audit log and API tokens. \
            Browsers authenticate with the session cookie and must send the `X-CSRF-Token` header \
            (the `csrf` cookie's value) on changes; other systems send `Authorization: Bearer <token>` \
            with a token issued by an administrator."),
    ),
    components(schemas(error::ApiErrorBody, error::ApiFieldError)),
    modifiers(&SecuritySchemes)
)]
struct ApiDoc;

/// Declares the two ways to authenticate: bearer tokens and the session cookie.
struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, Http, HttpAuthScheme, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("sid"))),
        );
    }
}

/// The `/api/v1` routes and the OpenAPI document describing them.
pub fn routes() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    let v1 = OpenApiRouter::new()
        .merge(accounts::routes())
        .merge(back_office::routes())
        .merge(dossiers::routes())
        .merge(lookup::routes())
        .merge(payments::routes())
        .merge(refunds::routes())
        .merge(shipments::routes())
        .merge(procedures::routes())
        .merge(ratings::routes())
        .merge(reference::routes())
        .merge(statistics::routes());
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", v1)
        .split_for_parts()
}
