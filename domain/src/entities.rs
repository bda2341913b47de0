//! sea-orm entities: one module per table.

pub mod agency;
pub mod commune;
pub mod field;
pub mod procedure;
pub mod province;
