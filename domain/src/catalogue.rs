//! Reading the public procedure catalogue: the home page's figures and most used procedures,
//! and one procedure with its published sections. Search and lists are in `catalogue_index`.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use crate::entities::{agency, commune, field, procedure, province};
use crate::error::{DomainError, DomainResult};

/// One required document (thành phần hồ sơ).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentItem {
    /// What the document is.
    pub name: String,
    /// How many copies.
    pub copies: u32,
    /// `original`, `copy` or `original_or_copy`.
    pub kind: String,
    /// Whether it must be given.
    pub required: bool,
    /// Name of the official template form, if any.
    pub template: Option<String>,
    /// The template form's file, relative to the import file's folder (`templates/x.docx`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_file: Option<String>,
    /// SHA-256 of that file, filled in by the import (the download's address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_sha256: Option<String>,
}

impl DocumentItem {
    /// The download path of the template form, when one was published with the catalogue.
    pub fn template_url(&self) -> Option<String> {
        let (sha, file) = (self.template_sha256.as_ref()?, self.template_file.as_ref()?);
        let name = file.rsplit('/').next().unwrap_or(file);
        Some(crate::catalogue_files::download_path(sha, name))
    }
}

/// Where a procedure's dossiers are received or processed: a level, and the agency when it is
/// one fixed agency. A commune-level reference without an agency means "the People's Committee
/// of the commune the applicant chooses" (each of the province's communes does it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyRef {
    /// `province` or `commune`.
    pub level: String,
    /// Agency code, or `None` for "the chosen commune's People's Committee".
    #[serde(default)]
    pub agency: Option<String>,
}

/// One fee or charge item (phí, lệ phí).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeItem {
    /// What is charged.
    pub item: String,
    /// Amount in Vietnamese đồng.
    pub amount_vnd: i64,
    /// The unit a per-unit fee is charged by (`copy`, `page` or `item` — an entry of a list in
    /// the form); `None` for a fixed amount. With a unit, `amount_vnd` is the price of one.
    #[serde(default)]
    pub per: Option<String>,
    /// Where the form asks the quantity: a number field's key, `group.field` (summed over the
    /// group's entries) or a group's key (its entries counted). Without it the form's
    /// `fee_quantity_field`, else the quantity question the portal adds to the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_field: Option<String>,
    /// Graduated unit prices: from the `from`-th unit on, each costs `unit_vnd` (e.g. "2.000
    /// đồng/trang; từ trang thứ ba 1.000 đồng/trang"). Ascending by `from`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<FeeTier>,
    /// The most the item costs whatever the quantity (e.g. "tối đa 200.000 đồng/bản").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_vnd: Option<i64>,
}

/// A step of a graduated per-unit fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeTier {
    /// The first unit (1-based) charged at this price.
    pub from: i64,
    /// Price of each unit from there on, in đồng.
    pub unit_vnd: i64,
}

/// An exemption from, or reduction of, a procedure's fee for a category of people the law
/// names (see `payments::fee_rules::CATEGORIES`); it needs its evidence in the dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeExemption {
    /// The category's code.
    pub category: String,
    /// Share of the fee waived: 100 exempts, 50 halves.
    pub percent: u8,
    /// The legal text granting it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// The published sections of a procedure, stored as JSON beside the searchable columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureDetails {
    /// Implementation steps, in order.
    pub steps: Vec<String>,
    /// Submission channels (`online`, `desk`, `post`).
    pub channels: Vec<String>,
    /// Required documents.
    pub documents: Vec<DocumentItem>,
    /// Fees; empty when free.
    pub fees: Vec<FeeItem>,
    /// Exemptions and reductions of the fees.
    #[serde(default)]
    pub fee_exemptions: Vec<FeeExemption>,
    /// Extra wording about the time limit.
    pub processing_note: Option<String>,
    /// What the citizen receives.
    pub result: String,
    /// Eligibility conditions.
    pub conditions: Option<String>,
    /// Laws, decrees and circulars it rests on.
    pub legal_basis: Vec<String>,
    /// Words citizens type for it.
    pub keywords: Vec<String>,
    /// Where dossiers are received (the one-stop desk whose code starts the dossier code).
    #[serde(default)]
    pub receiving: Option<AgencyRef>,
    /// Agencies that process the dossier, in order (more than one for inter-agency procedures).
    #[serde(default)]
    pub processing: Vec<AgencyRef>,
    /// The fee is paid before the desk receives a dossier filed online: it waits in "awaiting
    /// payment" until the gateway confirms the payment, then reaches the desk by itself.
    #[serde(default)]
    pub pay_before_processing: bool,
}

/// A procedure as listed (cards, search results).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    /// Catalogue code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Subject area code.
    pub field_code: String,
    /// Service level.
    pub level: String,
    /// `province` or `commune`.
    pub agency_level: String,
    /// Time limit in working days.
    pub processing_days: i32,
}

impl From<procedure::Model> for ProcedureSummary {
    fn from(m: procedure::Model) -> Self {
        Self {
            code: m.code,
            name: m.name,
            slug: m.slug,
            field_code: m.field_code,
            level: m.level,
            agency_level: m.agency_level,
            processing_days: m.processing_days,
        }
    }
}

/// Counts shown on the home page ("N procedures, M agencies").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueStats {
    /// Procedures in the catalogue.
    pub procedures: u64,
    /// Of which can be done fully online.
    pub full_online: u64,
    /// Agencies.
    pub agencies: u64,
    /// Provinces on the administrative map.
    pub provinces: u64,
    /// Communes and wards on the administrative map.
    pub communes: u64,
}

/// The most used procedures, by name, for the home page.
pub async fn popular_procedures(
    db: &impl ConnectionTrait,
    limit: u64,
) -> DomainResult<Vec<ProcedureSummary>> {
    let rows = procedure::Entity::find()
        .filter(procedure::Column::Popular.eq(true))
        .order_by_asc(procedure::Column::Name)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// One procedure with its published sections.
pub async fn procedure_by_code(
    db: &impl ConnectionTrait,
    code: &str,
) -> DomainResult<(procedure::Model, ProcedureDetails)> {
    let model = procedure::Entity::find_by_id(code.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("procedure {code}")))?;
    let details = serde_json::from_value(model.details.clone())
        .map_err(|e| DomainError::Internal(format!("procedure {code} details: {e}")))?;
    Ok((model, details))
}

/// All subject areas, by Vietnamese name.
pub async fn fields(db: &impl ConnectionTrait) -> DomainResult<Vec<field::Model>> {
    Ok(field::Entity::find()
        .order_by_asc(field::Column::NameVi)
        .all(db)
        .await?)
}

/// Counts for the home page.
pub async fn stats(db: &impl ConnectionTrait) -> DomainResult<CatalogueStats> {
    Ok(CatalogueStats {
        procedures: procedure::Entity::find().count(db).await?,
        full_online: procedure::Entity::find()
            .filter(procedure::Column::Level.eq("full_online"))
            .count(db)
            .await?,
        agencies: agency::Entity::find().count(db).await?,
        provinces: province::Entity::find().count(db).await?,
        communes: commune::Entity::find().count(db).await?,
    })
}

/// Everything the procedure page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ProcedurePage {
    /// The catalogue row.
    pub procedure: procedure::Model,
    /// Its published sections.
    pub details: ProcedureDetails,
    /// Its subject area.
    pub field: field::Model,
    /// Its implementing agency (province-level procedures).
    pub agency: Option<agency::Model>,
    /// Named agencies of the receiving and processing references, by code.
    pub named_agencies: Vec<agency::Model>,
}

/// One procedure by URL slug, with its field and agency.
pub async fn procedure_page(db: &impl ConnectionTrait, slug: &str) -> DomainResult<ProcedurePage> {
    let (procedure, field) = procedure::Entity::find()
        .filter(procedure::Column::Slug.eq(slug))
        .find_also_related(field::Entity)
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("procedure {slug}")))?;
    let field = field.ok_or_else(|| {
        DomainError::Internal(format!("procedure {} has no field", procedure.code))
    })?;
    let agency = match &procedure.agency_code {
        Some(code) => agency::Entity::find_by_id(code.clone()).one(db).await?,
        None => None,
    };
    let details: ProcedureDetails = serde_json::from_value(procedure.details.clone())
        .map_err(|e| DomainError::Internal(format!("procedure {} details: {e}", procedure.code)))?;
    let codes: Vec<String> = details
        .receiving
        .iter()
        .chain(details.processing.iter())
        .filter_map(|r| r.agency.clone())
        .collect();
    let named_agencies = if codes.is_empty() {
        Vec::new()
    } else {
        agency::Entity::find()
            .filter(agency::Column::Code.is_in(codes))
            .all(db)
            .await?
    };
    Ok(ProcedurePage {
        procedure,
        details,
        field,
        agency,
        named_agencies,
    })
}

/// All agencies, by name.
pub async fn agencies(db: &impl ConnectionTrait) -> DomainResult<Vec<agency::Model>> {
    Ok(agency::Entity::find()
        .order_by_asc(agency::Column::Name)
        .all(db)
        .await?)
}

/// Agencies' names by code, for pages and files that carry codes (statistics, the wallboard).
#[derive(Clone, Debug, Default)]
pub struct AgencyNames(std::collections::BTreeMap<String, String>);

impl AgencyNames {
    /// Every agency's name.
    pub async fn load(db: &impl ConnectionTrait) -> DomainResult<AgencyNames> {
        Ok(AgencyNames(
            agency::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .map(|a| (a.code, a.name))
                .collect(),
        ))
    }

    /// The names of `agencies`, already read.
    pub fn of_rows(agencies: &[agency::Model]) -> AgencyNames {
        AgencyNames(
            agencies
                .iter()
                .map(|a| (a.code.clone(), a.name.clone()))
                .collect(),
        )
    }

    /// The name of `code`, or the code itself for an agency no longer listed.
    pub fn of(&self, code: &str) -> String {
        self.0.get(code).cloned().unwrap_or_else(|| code.to_owned())
    }
}

/// The names of procedures `codes` (for lists that carry only codes, like the staff queue).
pub async fn procedure_names(
    db: &impl ConnectionTrait,
    codes: &[String],
) -> DomainResult<std::collections::HashMap<String, String>> {
    Ok(procedure::Entity::find()
        .filter(procedure::Column::Code.is_in(codes.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect())
}

/// A province's name with its unit type, as official headings write it: "tỉnh Tây Ninh",
/// "thành phố Hồ Chí Minh".
pub fn province_title(p: &province::Model) -> String {
    let kind = match p.division_type.as_str() {
        t if t.starts_with("thành phố") => "thành phố",
        _ => "tỉnh",
    };
    format!("{kind} {}", p.name)
}

/// An agency and its province's title ("tỉnh Tây Ninh": documents it issues are headed with
/// the province's People's Committee, "UBND TỈNH TÂY NINH"); `None` for an unknown code.
pub async fn agency_with_province(
    db: &impl ConnectionTrait,
    code: &str,
) -> DomainResult<Option<(agency::Model, Option<String>)>> {
    let Some(found) = agency::Entity::find_by_id(code.to_owned()).one(db).await? else {
        return Ok(None);
    };
    let province = province::Entity::find_by_id(found.province_code.clone())
        .one(db)
        .await?
        .map(|p| province_title(&p));
    Ok(Some((found, province)))
}
