//! Pages anyone opens without signing in, outside the catalogue: following a dossier by its
//! receipt's code, checking a signed result, and "page not found".

pub mod kiosk;
pub mod lookup;
pub mod not_found;
pub mod quality_index;
pub mod rate;
pub mod statistics;
pub mod verify;
