//! One module per page.

pub mod account_pages;
pub mod admin_pages;
pub mod back_office_pages;
pub mod business_page;
pub mod counter_intake_page;
pub mod dossier_pages;
pub mod group_page;
pub mod home_page;
pub mod lookup_page;
pub mod not_found_page;
pub mod phone_verify_page;
pub mod procedure_page;
pub mod search_page;
pub mod verify_page;
pub mod workflow_page;
