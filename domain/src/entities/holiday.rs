//! The holiday calendar: public holidays and make-up working days, kept by administrators
//! (never hard-coded: Tết follows the lunar calendar and substitute days change every year).

use sea_orm::entity::prelude::*;

/// One day that differs from the usual Monday–Friday week.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "holiday")]
pub struct Model {
    /// The day.
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    /// Where it applies: empty for the whole country, else a province code (every agency of
    /// the province) or an agency code.
    #[sea_orm(primary_key, auto_increment = false)]
    pub scope: String,
    /// `holiday`, `half_day` or `working_day`.
    pub kind: String,
    /// What it is (Tết Nguyên đán, làm bù…).
    pub name: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
