//! Catalogue data for the public pages: home figures, search, suggestions, one procedure.

use leptos::prelude::*;

use crate::dto::{HomePageData, ProcedureCard, ProcedureView};
use crate::error::AppError;

/// How many suggestions the search box shows while typing.
pub const SUGGESTIONS: u64 = 6;

#[cfg(feature = "ssr")]
fn card(s: domain::catalogue::ProcedureSummary) -> ProcedureCard {
    ProcedureCard {
        code: s.code,
        name: s.name,
        slug: s.slug,
        level: s.level,
        agency_level: s.agency_level,
        processing_days: s.processing_days,
    }
}

/// Figures and the most used procedures for the home page.
#[server(prefix = "/api/ui", endpoint = "home")]
pub async fn home_data() -> Result<HomePageData, AppError> {
    use domain::catalogue;
    let db = super::db()?;
    let stats = catalogue::stats(&db).await?;
    let popular = catalogue::popular_procedures(&db, 24).await?;
    Ok(HomePageData {
        procedures: stats.procedures,
        full_online: stats.full_online,
        agencies: stats.agencies,
        communes: stats.communes,
        provinces: stats.provinces,
        popular: popular.into_iter().map(card).collect(),
    })
}

/// Procedures matching a query typed with or without diacritics.
#[server(prefix = "/api/ui", endpoint = "search")]
pub async fn search_procedures(q: String, limit: u64) -> Result<Vec<ProcedureCard>, AppError> {
    let db = super::db()?;
    let limit = limit.clamp(1, 100);
    let found = domain::catalogue::search_procedures(&db, &q, limit).await?;
    Ok(found.into_iter().map(card).collect())
}

/// One procedure with every published section, by its URL slug.
#[server(prefix = "/api/ui", endpoint = "procedure")]
pub async fn get_procedure(slug: String) -> Result<ProcedureView, AppError> {
    use crate::dto::{DocumentView, FeeView};
    let db = super::db()?;
    let page = domain::catalogue::procedure_page(&db, &slug).await?;
    let d = page.details;
    Ok(ProcedureView {
        card: card(page.procedure.clone().into()),
        field_name: (page.field.name_vi, page.field.name_en),
        agency_name: page.agency.map(|a| a.name),
        description: page.procedure.description,
        steps: d.steps,
        channels: d.channels,
        documents: d
            .documents
            .into_iter()
            .map(|doc| DocumentView {
                name: doc.name,
                copies: doc.copies,
                kind: doc.kind,
                required: doc.required,
                template: doc.template,
            })
            .collect(),
        fees: d
            .fees
            .into_iter()
            .map(|f| FeeView {
                item: f.item,
                amount_vnd: f.amount_vnd,
                per_copy: f.per.as_deref() == Some("copy"),
            })
            .collect(),
        processing_note: d.processing_note,
        result: d.result,
        conditions: d.conditions,
        legal_basis: d.legal_basis,
    })
}
