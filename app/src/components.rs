//! Reusable pieces of the interface.

pub mod autosave;
pub mod catalogue_browser;
pub mod conditional;
pub mod form;
#[cfg(feature = "ssr")]
pub mod hydration_scripts;
pub mod layout;
pub mod procedure_list;
pub mod row_keys;
pub mod search_box;
pub mod upload;
