//! Catalogue data for the public pages: home figures, the searchable list with facets, one
//! procedure, and the subject area and agency pages.

use leptos::prelude::*;

use crate::dto::{CatalogueFilter, CatalogueView, GroupView, HomePageData, ProcedureView};
use crate::error::AppError;

/// How many suggestions the search box shows while typing.
pub const SUGGESTIONS: u64 = 6;
/// Results per page of the catalogue list.
pub const PER_PAGE: u64 = 20;

#[cfg(feature = "ssr")]
fn card(s: domain::catalogue::ProcedureSummary) -> crate::dto::ProcedureCard {
    crate::dto::ProcedureCard {
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

/// One page of the catalogue for the filters, with facet counts and highlighted names.
#[server(prefix = "/api/ui", endpoint = "catalogue")]
pub async fn search_catalogue(
    filter: CatalogueFilter,
    per_page: u64,
) -> Result<CatalogueView, AppError> {
    use crate::dto::{FacetView, ListedCard};
    use domain::catalogue_index::{CatalogueQuery, FacetCount};
    let db = super::db()?;
    let snapshot = super::catalogue()?.snapshot(&db).await?;
    let query = CatalogueQuery {
        q: filter.q,
        field: filter.field,
        agency: filter.agency,
        level: filter.level,
        online_only: filter.online_only,
        page: filter.page.max(1),
        per_page: per_page.clamp(1, domain::catalogue_index::MAX_PER_PAGE),
    };
    snapshot.validate(&query)?;
    let found = snapshot.find(&query);
    let english: std::collections::HashMap<String, String> = snapshot
        .fields()
        .into_iter()
        .map(|f| (f.code.clone(), f.name_en.clone()))
        .collect();
    let facet = |f: FacetCount, en: Option<&String>| FacetView {
        label_en: en.cloned().unwrap_or_else(|| f.label.clone()),
        value: f.value,
        label_vi: f.label,
        count: f.count,
    };
    Ok(CatalogueView {
        items: found
            .items
            .into_iter()
            .map(|i| ListedCard {
                card: card(i.summary),
                highlights: i.highlights,
            })
            .collect(),
        total: found.total,
        page: found.page,
        per_page: found.per_page,
        fields: found
            .facets
            .fields
            .into_iter()
            .map(|f| {
                let en = english.get(&f.value).cloned();
                facet(f, en.as_ref())
            })
            .collect(),
        agencies: found
            .facets
            .agencies
            .into_iter()
            .map(|f| facet(f, None))
            .collect(),
        levels: found
            .facets
            .levels
            .into_iter()
            .map(|f| facet(f, None))
            .collect(),
    })
}

/// Heading information of a subject area (`kind` = `field`) or agency (`agency`) page.
#[server(prefix = "/api/ui", endpoint = "group")]
pub async fn get_group(kind: String, slug: String) -> Result<GroupView, AppError> {
    let db = super::db()?;
    let snapshot = super::catalogue()?.snapshot(&db).await?;
    match kind.as_str() {
        "field" => snapshot
            .field_by_slug(&slug)
            .map(|f| GroupView {
                code: f.code.clone(),
                name_vi: f.name_vi.clone(),
                name_en: f.name_en.clone(),
                address: None,
                phone: None,
                website: None,
            })
            .ok_or(AppError::NotFound),
        "agency" => snapshot
            .agency_by_slug(&slug)
            .map(|a| GroupView {
                code: a.code.clone(),
                name_vi: a.name.clone(),
                name_en: a.name.clone(),
                address: a.address.clone(),
                phone: a.phone.clone(),
                website: a.website.clone(),
            })
            .ok_or(AppError::NotFound),
        _ => Err(AppError::NotFound),
    }
}

/// One procedure with every published section, by its URL slug.
#[server(prefix = "/api/ui", endpoint = "procedure")]
pub async fn get_procedure(slug: String) -> Result<ProcedureView, AppError> {
    use crate::dto::{AgencyRefView, DocumentView, FeeView};
    let db = super::db()?;
    let page = domain::catalogue::procedure_page(&db, &slug).await?;
    let d = page.details;
    let named = &page.named_agencies;
    let view_of = |r: &domain::catalogue::AgencyRef| {
        let agency = r
            .agency
            .as_ref()
            .and_then(|code| named.iter().find(|a| &a.code == code));
        AgencyRefView {
            level: r.level.clone(),
            name: agency.map(|a| a.name.clone()),
            slug: agency.map(|a| a.slug.clone()),
        }
    };
    let receiving = d.receiving.as_ref().map(view_of);
    let processing = d.processing.iter().map(view_of).collect();
    Ok(ProcedureView {
        card: card(page.procedure.clone().into()),
        field_name: (page.field.name_vi, page.field.name_en),
        field_slug: page.field.slug,
        agency_slug: page.agency.as_ref().map(|a| a.slug.clone()),
        agency_name: page.agency.map(|a| a.name),
        receiving,
        processing,
        description: page.procedure.description,
        steps: d.steps,
        channels: d.channels,
        documents: d
            .documents
            .into_iter()
            .map(|doc| DocumentView {
                template_url: doc.template_url(),
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
                per: f.per,
                tiers: f.tiers.iter().map(|t| (t.from, t.unit_vnd)).collect(),
                max_vnd: f.max_vnd,
            })
            .collect(),
        fee_exemptions: d
            .fee_exemptions
            .iter()
            .filter_map(|e| {
                let c = domain::payments::fee_rules::category(&e.category)?;
                Some(crate::dto::ExemptionView {
                    who: (c.label.0.to_owned(), c.label.1.to_owned()),
                    percent: e.percent,
                    evidence: (c.evidence.0.to_owned(), c.evidence.1.to_owned()),
                })
            })
            .collect(),
        processing_note: d.processing_note,
        result: d.result,
        conditions: d.conditions,
        legal_basis: d.legal_basis,
        version: page.procedure.current_version,
    })
}
