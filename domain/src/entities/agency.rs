//! Agency (cơ quan / đơn vị): a unit that receives or processes dossiers.

use sea_orm::entity::prelude::*;

/// A receiving or processing unit: a provincial department, a commune People's Committee, …
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "agency")]
pub struct Model {
    /// National agency code in the `NNN.NN.NN.XNN` form; also the prefix of dossier codes.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Full Vietnamese name.
    pub name: String,
    /// Short name for tight layouts.
    pub short_name: Option<String>,
    /// `province` or `commune`.
    pub level: String,
    /// Province the agency serves.
    pub province_code: String,
    /// Commune the agency serves (commune-level agencies only).
    pub commune_code: Option<String>,
    /// Parent agency code, if any.
    pub parent_code: Option<String>,
    /// Public address of the one-stop desk.
    pub address: Option<String>,
    /// Public phone number.
    pub phone: Option<String>,
    /// Public e-mail address.
    pub email: Option<String>,
    /// Public website.
    pub website: Option<String>,
    /// URL slug without diacritics.
    #[sea_orm(unique)]
    pub slug: String,
    /// Working periods, `07:00-11:30,13:30-17:00`; `None` means the national default.
    pub working_hours: Option<String>,
    /// Same-day procedures received from this time (`HH:MM`) on are due at the end of the next
    /// working day instead of today's; `None` means 15:00, the catalogue's usual hour.
    pub same_day_cutoff: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::province::Entity",
        from = "Column::ProvinceCode",
        to = "super::province::Column::Code"
    )]
    Province,
}

impl ActiveModelBehavior for ActiveModel {}
