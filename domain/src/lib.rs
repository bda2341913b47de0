//! The portal's domain: entities, rules and services over sea-orm.
//!
//! Nothing here knows about HTTP or Leptos: the UI's server functions (`app`) and the JSON API
//! (`server`) are thin adapters over these services, so the rules are tested once, without a
//! browser or a socket.

pub mod admin_map;
pub mod catalogue;
pub mod catalogue_import;
pub mod catalogue_index;
pub mod db;
pub mod entities;
pub mod error;
pub mod reference_data;
pub mod search;
pub mod testing;
pub mod text;

pub use error::{DomainError, DomainResult};
