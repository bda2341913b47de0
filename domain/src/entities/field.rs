//! Subject area (lĩnh vực) grouping procedures: civil status, land, construction, …

use sea_orm::entity::prelude::*;

/// A subject area of the procedure catalogue.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "field")]
pub struct Model {
    /// Short ASCII code, e.g. `"HOTICH"`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Vietnamese name (`Hộ tịch`).
    pub name_vi: String,
    /// English name (`Civil status`).
    pub name_en: String,
    /// URL slug without diacritics (`ho-tich`).
    #[sea_orm(unique)]
    pub slug: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
