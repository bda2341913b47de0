//! A procedure's processing workflow, as data (ISO-style steps): who acts, in which agency, and
//! in how many working hours.

use sea_orm::entity::prelude::*;

/// One step.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "procedure_step")]
pub struct Model {
    /// Procedure.
    #[sea_orm(primary_key, auto_increment = false)]
    pub procedure_code: String,
    /// 0-based order.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    /// Step name (Thẩm định hồ sơ…).
    pub name: String,
    /// Role code that acts at this step.
    pub role: String,
    /// Agency that acts; `None`: the procedure's processing agency.
    pub agency_code: Option<String>,
    /// Time allowance in working hours.
    pub allowance_hours: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
