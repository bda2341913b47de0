//! The searchable, filterable catalogue every instance keeps in memory.
//!
//! A [`Snapshot`] holds all procedures with their search index; lists, facets and search are
//! answered from it without touching the database. Each instance checks the catalogue's
//! revision (one primary-key read) at most once per `check_every`, and rebuilds its snapshot
//! when another instance's import has changed it, so instances agree within that interval; an
//! import on this instance calls [`CatalogueIndex::invalidate`] and is visible at once.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, EntityTrait};
use serde::{Deserialize, Serialize};

use crate::catalogue::ProcedureSummary;
use crate::catalogue_import::current_revision;
use crate::entities::{agency, field, procedure};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::search::{SearchDocument, SearchIndex};
use crate::text::fold;

/// The filter value meaning "every commune People's Committee".
pub const COMMUNE_AGENCIES: &str = "commune";
/// Largest page size.
pub const MAX_PER_PAGE: u64 = 100;
/// Default page size.
pub const DEFAULT_PER_PAGE: u64 = 20;
const LEVELS: [&str; 3] = ["full_online", "partial_online", "information"];

/// What the catalogue list asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// Search words (with or without diacritics); empty lists everything.
    pub q: String,
    /// Subject area code.
    pub field: Option<String>,
    /// Agency code, or `commune` for every commune People's Committee.
    pub agency: Option<String>,
    /// Service level.
    pub level: Option<String>,
    /// Only procedures that can be submitted online.
    pub online_only: bool,
    /// 1-based page.
    pub page: u64,
    /// Items per page (1 to 100).
    pub per_page: u64,
}

/// One procedure in a result list, with the parts of its name to highlight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedProcedure {
    /// The procedure.
    pub summary: ProcedureSummary,
    /// Byte ranges of `summary.name` matching the query.
    pub highlights: Vec<(usize, usize)>,
}

/// One value of a facet with how many results it would give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// Filter value.
    pub value: String,
    /// Vietnamese label.
    pub label: String,
    /// Results with this value (given the other filters).
    pub count: u64,
}

/// Facet counts for the filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// By subject area.
    pub fields: Vec<FacetCount>,
    /// By agency (`commune` first).
    pub agencies: Vec<FacetCount>,
    /// By service level.
    pub levels: Vec<FacetCount>,
}

/// A page of results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueResults {
    /// This page's items.
    pub items: Vec<ListedProcedure>,
    /// Results in all pages.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
    /// Counts per filter value.
    pub facets: Facets,
}

struct Entry {
    summary: ProcedureSummary,
    agency_code: Option<String>,
    popular: bool,
    sort_key: String,
}

/// All procedures of one catalogue revision, indexed.
pub struct Snapshot {
    /// The revision it was built from.
    pub revision: i64,
    entries: Vec<Entry>,
    /// Document order without a query: most used first, then by name.
    default_order: Vec<usize>,
    index: SearchIndex,
    fields: BTreeMap<String, field::Model>,
    agencies: HashMap<String, agency::Model>,
}

impl Snapshot {
    /// Builds a snapshot from the database.
    pub async fn load(db: &impl ConnectionTrait) -> DomainResult<Snapshot> {
        let revision = current_revision(db).await?;
        let rows = procedure::Entity::find().all(db).await?;
        let fields = field::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.code.clone(), f))
            .collect();
        let agencies = agency::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.code.clone(), a))
            .collect();
        let mut docs = Vec::with_capacity(rows.len());
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            let keywords = row
                .details
                .get("keywords")
                .and_then(|k| serde_json::from_value::<Vec<String>>(k.clone()).ok())
                .unwrap_or_default();
            docs.push(SearchDocument {
                name: row.name.clone(),
                keywords,
                description: row.description.clone(),
                code: row.code.clone(),
            });
            entries.push(Entry {
                sort_key: fold(&row.name),
                agency_code: row.agency_code.clone(),
                popular: row.popular,
                summary: row.into(),
            });
        }
        let mut default_order: Vec<usize> = (0..entries.len()).collect();
        default_order.sort_by(|a, b| {
            let (ea, eb): (&Entry, &Entry) = (&entries[*a], &entries[*b]);
            eb.popular
                .cmp(&ea.popular)
                .then_with(|| ea.sort_key.cmp(&eb.sort_key))
        });
        Ok(Snapshot {
            revision,
            default_order,
            index: SearchIndex::build(&docs),
            entries,
            fields,
            agencies,
        })
    }

    /// Number of procedures.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalogue is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Checks filter values and paging; errors name the parameter.
    pub fn validate(&self, query: &CatalogueQuery) -> DomainResult<()> {
        let mut errors = Vec::new();
        if let Some(f) = &query.field {
            if !self.fields.contains_key(f) {
                errors.push(FieldError::new(
                    "field",
                    format!("không có lĩnh vực mã {f}"),
                ));
            }
        }
        if let Some(a) = &query.agency {
            if a != COMMUNE_AGENCIES && !self.agencies.contains_key(a) {
                errors.push(FieldError::new(
                    "agency",
                    format!("không có cơ quan mã {a}"),
                ));
            }
        }
        if let Some(l) = &query.level {
            if !LEVELS.contains(&l.as_str()) {
                errors.push(FieldError::new(
                    "level",
                    format!("phải là một trong {}", LEVELS.join(", ")),
                ));
            }
        }
        if query.page == 0 {
            errors.push(FieldError::new("page", "phải từ 1 trở lên"));
        }
        if query.per_page == 0 || query.per_page > MAX_PER_PAGE {
            errors.push(FieldError::new(
                "per_page",
                format!("phải từ 1 đến {MAX_PER_PAGE}"),
            ));
        }
        if query.q.chars().count() > 200 {
            errors.push(FieldError::new("q", "tối đa 200 ký tự"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Validation(errors))
        }
    }

    fn agency_matches(&self, entry: &Entry, agency: &str) -> bool {
        if agency == COMMUNE_AGENCIES
            || self
                .agencies
                .get(agency)
                .is_some_and(|a| a.level == "commune")
        {
            entry.summary.agency_level == "commune"
        } else {
            entry.agency_code.as_deref() == Some(agency)
        }
    }

    /// Answers a list or search query with facet counts. Call [`Snapshot::validate`] first.
    pub fn find(&self, query: &CatalogueQuery) -> CatalogueResults {
        // Candidate documents in rank order: search hits, or everything (popular first, A–Z).
        let ranked: Vec<usize> = if query.q.trim().is_empty() {
            self.default_order.clone()
        } else {
            self.index
                .search(&query.q)
                .into_iter()
                .map(|h| h.doc)
                .collect()
        };
        let field_ok = |e: &Entry| {
            query
                .field
                .as_ref()
                .is_none_or(|f| e.summary.field_code == *f)
        };
        let agency_ok = |e: &Entry| {
            query
                .agency
                .as_ref()
                .is_none_or(|a| self.agency_matches(e, a))
        };
        let level_ok = |e: &Entry| {
            query.level.as_ref().is_none_or(|l| e.summary.level == *l)
                && (!query.online_only || e.summary.level != "information")
        };
        let mut facets = Facets::default();
        let mut by_field: BTreeMap<&str, u64> = BTreeMap::new();
        let mut by_agency: HashMap<&str, u64> = HashMap::new();
        let mut by_level: BTreeMap<&str, u64> = BTreeMap::new();
        let mut matching = Vec::new();
        for &doc in &ranked {
            let e = &self.entries[doc];
            let (f, a, l) = (field_ok(e), agency_ok(e), level_ok(e));
            if a && l {
                *by_field.entry(&e.summary.field_code).or_default() += 1;
            }
            if f && l {
                let key = if e.summary.agency_level == "commune" {
                    COMMUNE_AGENCIES
                } else {
                    e.agency_code.as_deref().unwrap_or("")
                };
                *by_agency.entry(key).or_default() += 1;
            }
            if f && a {
                *by_level.entry(&e.summary.level).or_default() += 1;
            }
            if f && a && l {
                matching.push(doc);
            }
        }
        facets.fields = by_field
            .into_iter()
            .map(|(code, count)| FacetCount {
                value: code.to_owned(),
                label: self
                    .fields
                    .get(code)
                    .map(|f| f.name_vi.clone())
                    .unwrap_or_default(),
                count,
            })
            .collect();
        facets.fields.sort_by_key(|f| fold(&f.label));
        let mut agencies: Vec<FacetCount> = by_agency
            .into_iter()
            .filter(|(code, _)| !code.is_empty())
            .map(|(code, count)| FacetCount {
                value: code.to_owned(),
                label: if code == COMMUNE_AGENCIES {
                    "UBND cấp xã (xã, phường, đặc khu)".to_owned()
                } else {
                    self.agencies
                        .get(code)
                        .map(|a| a.name.clone())
                        .unwrap_or_default()
                },
                count,
            })
            .collect();
        agencies.sort_by(|a, b| {
            (b.value == COMMUNE_AGENCIES)
                .cmp(&(a.value == COMMUNE_AGENCIES))
                .then_with(|| fold(&a.label).cmp(&fold(&b.label)))
        });
        facets.agencies = agencies;
        facets.levels = LEVELS
            .iter()
            .map(|l| FacetCount {
                value: (*l).to_owned(),
                label: match *l {
                    "full_online" => "Trực tuyến toàn trình",
                    "partial_online" => "Trực tuyến một phần",
                    _ => "Cung cấp thông tin",
                }
                .to_owned(),
                count: by_level.get(l).copied().unwrap_or(0),
            })
            .collect();
        let total = matching.len() as u64;
        let skip = usize::try_from((query.page.max(1) - 1) * query.per_page).unwrap_or(usize::MAX);
        let take = usize::try_from(query.per_page).unwrap_or(0);
        let items = matching
            .into_iter()
            .skip(skip)
            .take(take)
            .map(|doc| ListedProcedure {
                summary: self.entries[doc].summary.clone(),
                highlights: if query.q.trim().is_empty() {
                    Vec::new()
                } else {
                    self.index.highlights(doc, &query.q)
                },
            })
            .collect();
        CatalogueResults {
            items,
            total,
            page: query.page,
            per_page: query.per_page,
            facets,
        }
    }

    /// The subject area with this slug.
    pub fn field_by_slug(&self, slug: &str) -> Option<&field::Model> {
        self.fields.values().find(|f| f.slug == slug)
    }

    /// The agency with this slug.
    pub fn agency_by_slug(&self, slug: &str) -> Option<&agency::Model> {
        self.agencies.values().find(|a| a.slug == slug)
    }

    /// Subject areas by Vietnamese name.
    pub fn fields(&self) -> Vec<&field::Model> {
        let mut all: Vec<&field::Model> = self.fields.values().collect();
        all.sort_by_key(|f| fold(&f.name_vi));
        all
    }
}

/// Shared handle to the current snapshot (cheap to clone; one per server instance).
#[derive(Clone)]
pub struct CatalogueIndex {
    current: Arc<RwLock<Option<Arc<Snapshot>>>>,
    checked_at: Arc<Mutex<Option<Instant>>>,
    check_every: Duration,
    rebuilding: Arc<tokio::sync::Mutex<()>>,
}

impl CatalogueIndex {
    /// An empty handle; the first query loads the snapshot.
    pub fn new(check_every: Duration) -> Self {
        Self {
            current: Arc::new(RwLock::new(None)),
            checked_at: Arc::new(Mutex::new(None)),
            check_every,
            rebuilding: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// Forces a revision check on the next query (after an import on this instance).
    pub fn invalidate(&self) {
        if let Ok(mut at) = self.checked_at.lock() {
            *at = None;
        }
    }

    /// The snapshot if it was checked against the database recently enough.
    fn fresh_enough(&self) -> Option<Arc<Snapshot>> {
        let checked_recently = self
            .checked_at
            .lock()
            .ok()
            .and_then(|at| *at)
            .is_some_and(|t| t.elapsed() < self.check_every);
        if checked_recently {
            self.current.read().ok().and_then(|c| c.clone())
        } else {
            None
        }
    }

    fn mark_checked(&self) {
        if let Ok(mut at) = self.checked_at.lock() {
            *at = Some(Instant::now());
        }
    }

    /// The current snapshot, rebuilt first if the catalogue changed since it was built.
    ///
    /// One request at a time checks and rebuilds (single flight): without that, a burst of
    /// requests on a fresh instance would each load the whole catalogue at once.
    pub async fn snapshot(&self, db: &impl ConnectionTrait) -> DomainResult<Arc<Snapshot>> {
        if let Some(snapshot) = self.fresh_enough() {
            return Ok(snapshot);
        }
        let _only_one = self.rebuilding.lock().await;
        if let Some(snapshot) = self.fresh_enough() {
            return Ok(snapshot);
        }
        let revision = current_revision(db).await?;
        let existing = self.current.read().ok().and_then(|c| c.clone());
        if let Some(snapshot) = existing.filter(|s| s.revision == revision) {
            self.mark_checked();
            return Ok(snapshot);
        }
        let fresh = Arc::new(Snapshot::load(db).await?);
        tracing::info!(
            revision = fresh.revision,
            procedures = fresh.len(),
            "catalogue index built"
        );
        if let Ok(mut current) = self.current.write() {
            *current = Some(fresh.clone());
        }
        self.mark_checked();
        Ok(fresh)
    }
}
