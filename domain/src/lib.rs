//! The portal's domain: entities, rules and services over sea-orm.
//!
//! Nothing here knows about HTTP or Leptos: the UI's server functions (`app`) and the JSON API
//! (`server`) are thin adapters over these services, so the rules are tested once, without a
//! browser or a socket.

pub mod access;
pub mod accounts;
pub mod admin_map;
pub mod antivirus;
pub mod api_tokens;
pub mod audit;
pub mod catalogue;
pub mod catalogue_files;
pub mod catalogue_import;
pub mod catalogue_index;
pub mod db;
pub mod demo_accounts;
pub mod dossiers;
pub mod entities;
pub mod error;
pub mod forms;
pub mod holidays;
pub mod identity;
pub mod organisations;
pub mod outbox;
pub mod password;
pub mod payments;
pub mod postal;
pub mod rate_limit;
pub mod ratings;
/// The receipt and slip PDFs (in the `documents` crate).
pub use documents::receipt_pdf;
pub mod reference_data;
pub mod results;
pub mod safe_redirect;
pub mod search;
pub mod secrets;
pub mod services;
pub mod sessions;
pub mod staff;
pub mod statistics;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod working_time;

pub use error::{DomainError, DomainResult};
