//! Statistics rollups: one figure of one agency, procedure and day or month (see
//! `statistics::rollup`).

use sea_orm::entity::prelude::*;

/// How much of `metric` an agency had for a procedure (`*`: all) in a day or a month.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stat_rollup")]
pub struct Model {
    /// Receiving agency.
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_code: String,
    /// Procedure, or `*` for the agency's total.
    #[sea_orm(primary_key, auto_increment = false)]
    pub procedure_code: String,
    /// `d` (a day) or `m` (a month).
    #[sea_orm(primary_key, auto_increment = false)]
    pub grain: String,
    /// `YYYY-MM-DD` or `YYYY-MM`, in Vietnam's time.
    #[sea_orm(primary_key, auto_increment = false)]
    pub period: String,
    /// What is counted (`statistics::rollup::Metric::code`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub metric: String,
    /// The count (or the sum, for working minutes).
    pub n: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
