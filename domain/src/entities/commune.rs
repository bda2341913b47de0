//! Commune, ward or special zone (xã / phường / đặc khu): the second tier since 1 July 2025.

use sea_orm::entity::prelude::*;

/// A second-tier administrative unit, child of a province.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "commune")]
pub struct Model {
    /// Official statistical code, e.g. `"25459"`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Vietnamese name without the unit type.
    pub name: String,
    /// Unit type in Vietnamese (`xã`, `phường`, `đặc khu`).
    pub division_type: String,
    /// Code of the province it belongs to.
    pub province_code: String,
    /// First day this unit exists in this form.
    pub valid_from: Date,
    /// Last day this unit exists in this form (`None` while current).
    pub valid_to: Option<Date>,
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
