//! One indicator of the Decision 766 service-quality index, as loaded from
//! `seed/index766.csv` (see `statistics::index766`).

use sea_orm::entity::prelude::*;

/// An indicator of one set (the set in force from `effective_from`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "index_indicator")]
pub struct Model {
    /// `1.1`, `2.1`…
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// The first day the set applies.
    #[sea_orm(primary_key, auto_increment = false)]
    pub effective_from: Date,
    /// Group code (`1`…`5`).
    pub group_code: String,
    /// The group's maximum points.
    pub group_max: i32,
    /// The group's name, in Vietnamese.
    pub group_vi: String,
    /// In English.
    pub group_en: String,
    /// The indicator's name, in Vietnamese.
    pub name_vi: String,
    /// In English.
    pub name_en: String,
    /// What is measured (`statistics::index766::Measure::code`).
    pub measure: String,
    /// Its maximum points.
    pub max_points: i32,
    /// The rate (percent) that earns the maximum.
    pub threshold_percent: i32,
    /// Where the indicator comes from (the decision and its article).
    pub source: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
