//! Data sent from the server to the pages; plain serde types compiled into both sides.

use serde::{Deserialize, Serialize};

pub mod back_office;
pub mod counters;
pub mod dossier;
pub mod lookup;
pub mod results;
pub mod statistics;

/// A procedure in a list or a suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureCard {
    /// Catalogue code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// `full_online`, `partial_online` or `information`.
    pub level: String,
    /// `province` or `commune`.
    pub agency_level: String,
    /// Time limit in working days.
    pub processing_days: i32,
}

/// Figures and lists for the home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomePageData {
    /// Procedures in the catalogue.
    pub procedures: u64,
    /// Of which fully online.
    pub full_online: u64,
    /// Agencies.
    pub agencies: u64,
    /// Communes and wards on the map.
    pub communes: u64,
    /// Provinces on the map.
    pub provinces: u64,
    /// The most used procedures.
    pub popular: Vec<ProcedureCard>,
}

/// One required document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    /// What it is.
    pub name: String,
    /// Copies.
    pub copies: u32,
    /// `original`, `copy` or `original_or_copy`.
    pub kind: String,
    /// Required or optional.
    pub required: bool,
    /// Template form name.
    pub template: Option<String>,
    /// Where the template form can be downloaded.
    pub template_url: Option<String>,
}

/// An agency that receives or processes a procedure's dossiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyRefView {
    /// `province` or `commune`.
    pub level: String,
    /// The agency's name, or `None` for "the chosen commune's People's Committee".
    pub name: Option<String>,
    /// Its page slug.
    pub slug: Option<String>,
}

/// One fee item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeView {
    /// What is charged.
    pub item: String,
    /// Amount in đồng (of one unit, for a per-unit fee).
    pub amount_vnd: i64,
    /// The unit (`copy`, `page`, `item`), `None` for a fixed amount.
    pub per: Option<String>,
    /// Graduated prices: `(from unit, price of each)`.
    pub tiers: Vec<(i64, i64)>,
    /// The most it costs.
    pub max_vnd: Option<i64>,
}

/// An exemption or reduction of the fees, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExemptionView {
    /// Who qualifies (Vietnamese, English).
    pub who: (String, String),
    /// Share waived.
    pub percent: u8,
    /// The evidence asked (Vietnamese, English).
    pub evidence: (String, String),
}

/// Everything the procedure page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureView {
    /// Summary fields.
    pub card: ProcedureCard,
    /// Subject area name (Vietnamese and English).
    pub field_name: (String, String),
    /// Subject area page slug.
    pub field_slug: String,
    /// Implementing agency name, or `None` for commune People's Committees.
    pub agency_name: Option<String>,
    /// Implementing agency page slug.
    pub agency_slug: Option<String>,
    /// Where dossiers are received.
    pub receiving: Option<AgencyRefView>,
    /// Who processes them, in order.
    pub processing: Vec<AgencyRefView>,
    /// Plain-language summary.
    pub description: String,
    /// Steps.
    pub steps: Vec<String>,
    /// Channels.
    pub channels: Vec<String>,
    /// Documents.
    pub documents: Vec<DocumentView>,
    /// Fees (empty when free).
    pub fees: Vec<FeeView>,
    /// Exemptions and reductions of the fees.
    pub fee_exemptions: Vec<ExemptionView>,
    /// Extra wording on the time limit.
    pub processing_note: Option<String>,
    /// The result.
    pub result: String,
    /// Conditions.
    pub conditions: Option<String>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
    /// Version number of the published content.
    pub version: i32,
}

/// Filters of the catalogue list, as in its URL (`/thu-tuc?q=&field=&agency=&level=&online=1&page=`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueFilter {
    /// Search words.
    pub q: String,
    /// Subject area code.
    pub field: Option<String>,
    /// Agency code or `commune`.
    pub agency: Option<String>,
    /// Service level.
    pub level: Option<String>,
    /// Only what can be submitted online.
    pub online_only: bool,
    /// 1-based page.
    pub page: u64,
}

impl CatalogueFilter {
    /// The URL query string for these filters (empty values left out), `page` replaced.
    pub fn to_query(&self, page: u64) -> String {
        let mut parts = Vec::new();
        if !self.q.trim().is_empty() {
            parts.push(format!("q={}", encode_query_value(self.q.trim())));
        }
        for (k, v) in [
            ("field", &self.field),
            ("agency", &self.agency),
            ("level", &self.level),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", encode_query_value(v)));
            }
        }
        if self.online_only {
            parts.push("online=1".to_owned());
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        parts.join("&")
    }
}

/// Percent-encodes a value for a URL query string (`application/x-www-form-urlencoded`:
/// space as `+`); `/` is left as it is, which query strings allow, so local paths stay readable.
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A procedure in a result list with the byte ranges of its name to highlight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCard {
    /// The procedure.
    pub card: ProcedureCard,
    /// Byte ranges of `card.name` that matched the search.
    pub highlights: Vec<(usize, usize)>,
}

/// A filter value with its result count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetView {
    /// Filter value.
    pub value: String,
    /// Vietnamese label.
    pub label_vi: String,
    /// English label (the Vietnamese one where there is none).
    pub label_en: String,
    /// Results.
    pub count: u64,
}

/// One page of the catalogue list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueView {
    /// This page's procedures.
    pub items: Vec<ListedCard>,
    /// Results in all pages.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
    /// By subject area.
    pub fields: Vec<FacetView>,
    /// By agency.
    pub agencies: Vec<FacetView>,
    /// By level.
    pub levels: Vec<FacetView>,
}

/// A subject area or agency page's heading information.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    /// Filter value (field or agency code).
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name (Vietnamese for agencies).
    pub name_en: String,
    /// Address (agencies).
    pub address: Option<String>,
    /// Phone (agencies).
    pub phone: Option<String>,
    /// Website (agencies).
    pub website: Option<String>,
}

/// Splits `text` into `(segment, highlighted)` pieces along byte `ranges` (sorted, not
/// overlapping); ranges that do not fit the text are ignored.
pub fn split_highlights(text: &str, ranges: &[(usize, usize)]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push((text[at..s].to_owned(), false));
        }
        out.push((text[s..e].to_owned(), true));
        at = e;
    }
    if at < text.len() {
        out.push((text[at..].to_owned(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_split_the_text_without_losing_any() {
        let text = "Cấp giấy phép xây dựng";
        let at = |w: &str| text.find(w).map(|s| (s, s + w.len())).unwrap_or_default();
        let parts = split_highlights(text, &[at("giấy"), at("phép"), (100, 120)]);
        let rebuilt: String = parts.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(rebuilt, text);
        let marked: Vec<&str> = parts.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
        assert_eq!(marked, vec!["giấy", "phép"]);
    }

    #[test]
    fn filters_become_a_clean_query_string() {
        let filter = CatalogueFilter {
            q: " giấy phép ".into(),
            field: Some("XAYDUNG".into()),
            online_only: true,
            ..Default::default()
        };
        assert_eq!(
            filter.to_query(2),
            "q=gi%E1%BA%A5y+ph%C3%A9p&field=XAYDUNG&online=1&page=2"
        );
        assert_eq!(CatalogueFilter::default().to_query(1), "");
    }
}

/// The profile form's current values and the address lists it needs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProfileView {
    /// E-mail (read-only here).
    pub email: Option<String>,
    /// Linked to the national identity.
    pub national_id_linked: bool,
    /// The citizen ID is verified (national identity or desk), not only declared.
    #[serde(default)]
    pub citizen_id_verified: bool,
    /// The mobile number was proven by an SMS code.
    #[serde(default)]
    pub phone_verified: bool,
    /// Full name.
    pub full_name: String,
    /// Citizen ID.
    pub citizen_id: String,
    /// Date of birth `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// Mobile number.
    pub phone: String,
    /// Province code.
    pub province_code: String,
    /// Commune code.
    pub commune_code: String,
    /// Street address.
    pub street: String,
    /// Every province: `(code, name)`.
    pub provinces: Vec<(String, String)>,
    /// Communes of the chosen province: `(code, name)`.
    pub communes: Vec<(String, String)>,
    /// Status changes by e-mail.
    pub notify_email: bool,
    /// Status changes by SMS.
    pub notify_sms: bool,
}

/// A staff member as the staff list shows them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StaffRow {
    /// Account id.
    pub id: String,
    /// Full name.
    pub full_name: String,
    /// E-mail.
    pub email: String,
    /// Role codes.
    pub roles: Vec<String>,
    /// Disabled.
    pub disabled: bool,
}

/// One audit entry as the log page shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditRow {
    /// Time, `dd/mm/yyyy HH:MM:SS` Vietnam time.
    pub at: String,
    /// Actor.
    pub actor: String,
    /// Action code.
    pub action: String,
    /// Target.
    pub target: String,
    /// Outcome code.
    pub outcome: String,
    /// Client address.
    pub ip: String,
}

/// A page of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditView {
    /// Entries, newest first.
    pub items: Vec<AuditRow>,
    /// Matching entries.
    pub total: u64,
}
