//! The public catalogue of procedures: the home page, the searchable list, one procedure's page,
//! and the procedures of one subject area or agency.

pub mod group;
pub mod home;
pub mod procedure;
pub mod search;
