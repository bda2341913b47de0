//! Database schema migrations. The same files run on SQLite (the embedded default) and on
//! PostgreSQL (production), so only portable column types are used.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_reference_data;
mod m20261124_000001_accounts;
mod m20261124_000002_catalogue_files;
mod m20261124_000003_dossiers;
mod m20261124_000004_back_office;
mod m20261202_000001_queue_index;
mod m20261203_000001_desk_tally;
mod m20261204_000001_dossier_search_trigram;
mod m20261205_000001_results;
mod m20261206_000001_payments;
mod m20261207_000001_postal;
mod m20261208_000001_delivery_request;
mod m20261209_000001_identity_verification;
mod m20261209_000002_organisation_verification;
mod m20261209_000003_sign_in_limits;
mod m20261209_000004_same_day_cutoff;
mod m20261210_000001_refund_orders;
mod m20261210_000002_holiday_scope;
mod m20261211_000001_refund_confirmed;
mod m20261212_000001_ratings;
mod m20261213_000001_service_counters;
mod m20261214_000001_statistics;
mod m20261215_000001_index_indicators;

/// All migrations, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_reference_data::Migration),
            Box::new(m20261124_000001_accounts::Migration),
            Box::new(m20261124_000002_catalogue_files::Migration),
            Box::new(m20261124_000003_dossiers::Migration),
            Box::new(m20261124_000004_back_office::Migration),
            Box::new(m20261202_000001_queue_index::Migration),
            Box::new(m20261203_000001_desk_tally::Migration),
            Box::new(m20261204_000001_dossier_search_trigram::Migration),
            Box::new(m20261205_000001_results::Migration),
            Box::new(m20261206_000001_payments::Migration),
            Box::new(m20261207_000001_postal::Migration),
            Box::new(m20261208_000001_delivery_request::Migration),
            Box::new(m20261209_000001_identity_verification::Migration),
            Box::new(m20261209_000002_organisation_verification::Migration),
            Box::new(m20261209_000003_sign_in_limits::Migration),
            Box::new(m20261209_000004_same_day_cutoff::Migration),
            Box::new(m20261210_000001_refund_orders::Migration),
            Box::new(m20261210_000002_holiday_scope::Migration),
            Box::new(m20261211_000001_refund_confirmed::Migration),
            Box::new(m20261212_000001_ratings::Migration),
            Box::new(m20261213_000001_service_counters::Migration),
            Box::new(m20261214_000001_statistics::Migration),
            Box::new(m20261215_000001_index_indicators::Migration),
        ]
    }
}
