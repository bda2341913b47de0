//! sea-orm entities: one module per table.

pub mod agency;
pub mod catalogue_state;
pub mod commune;
pub mod field;
pub mod procedure;
pub mod procedure_version;
pub mod province;
