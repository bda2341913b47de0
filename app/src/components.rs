//! Reusable pieces of the interface: what more than one page shows. Components may call server
//! functions; pages use components, never the other way round.

pub mod autosave;
pub mod bar_chart;
pub mod catalogue_browser;
pub mod conditional;
pub mod data_table;
pub mod form;
#[cfg(feature = "ssr")]
pub mod hydration_scripts;
pub mod layout;
pub mod live_catalogue;
pub mod live_form;
pub mod loaded;
pub mod notice;
pub mod procedure_list;
pub mod row_keys;
pub mod search_box;
pub mod upload;
