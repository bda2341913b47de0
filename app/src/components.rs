//! Reusable pieces of the interface.

pub mod layout;
pub mod procedure_list;
pub mod search_box;
