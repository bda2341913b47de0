//! Province or centrally-run city (tỉnh / thành phố trực thuộc trung ương) of the 2025 map.

use sea_orm::entity::prelude::*;

/// A first-tier administrative unit. Units carry effective dates so that dossiers filed under an
/// older map keep their addresses when the map changes again.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "province")]
pub struct Model {
    /// Official statistical code, e.g. `"72"`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Vietnamese name without the unit type, e.g. `"Tây Ninh"`.
    pub name: String,
    /// Unit type in Vietnamese (`tỉnh`, `thành phố trung ương`).
    pub division_type: String,
    /// Telephone area code.
    pub phone_code: Option<String>,
    /// First day this unit exists in this form.
    pub valid_from: Date,
    /// Last day this unit exists in this form (`None` while current).
    pub valid_to: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
