//! sea-orm entities: one module per table.

pub mod account;
pub mod agency;
pub mod api_token;
pub mod audit_log;
pub mod catalogue_file;
pub mod catalogue_state;
pub mod commune;
pub mod desk_tally;
pub mod dossier;
pub mod dossier_agency;
pub mod dossier_event;
pub mod dossier_file;
pub mod field;
pub mod holiday;
pub mod national_id_flow;
pub mod one_time_token;
pub mod organisation;
pub mod organisation_member;
pub mod outbox_message;
pub mod procedure;
pub mod procedure_step;
pub mod procedure_version;
pub mod province;
pub mod rate_counter;
pub mod session;
pub mod stored_file;
