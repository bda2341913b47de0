//! A dossier: a draft while the applicant fills it, then a filed dossier with its code.

use sea_orm::entity::prelude::*;

/// One dossier.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier")]
pub struct Model {
    /// UUID.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// `{agency}-{yyMMdd}-{NNNN}`, given at submission.
    pub code: Option<String>,
    /// The account that files it.
    pub owner_id: String,
    /// The business it is filed for, if any.
    pub organisation_id: Option<String>,
    /// Procedure.
    pub procedure_code: String,
    /// Procedure version: the current one while a draft, frozen at submission.
    pub procedure_version: i32,
    /// Agency that receives it (its code starts the dossier code).
    pub receiving_agency_code: Option<String>,
    /// Lifecycle status (`draft`, `submitted`, …).
    pub status: String,
    /// Who applies, and for whom.
    pub applicant: Json,
    /// Answers to the procedure's form, as typed.
    pub answers: Json,
    /// How the result is returned.
    pub delivery: Json,
    /// Steps the applicant has completed, comma-separated.
    pub progress: String,
    /// When the applicant made the declaration.
    pub declared_at: Option<DateTimeWithTimeZone>,
    /// Fee due, frozen at submission.
    pub fee_due_vnd: Option<i64>,
    /// Postal fee of returning the result by post, frozen when postal return is chosen
    /// (included in `fee_due_vnd` when paid with the fee, else collected on delivery).
    pub postal_fee_vnd: Option<i64>,
    /// Increases with every saved change; a save naming an older revision is refused.
    pub revision: i32,
    /// Created.
    pub created_at: DateTimeWithTimeZone,
    /// Last changed.
    pub updated_at: DateTimeWithTimeZone,
    /// Filed.
    pub submitted_at: Option<DateTimeWithTimeZone>,
    /// When the owner was told an old draft will be deleted.
    pub draft_notice_at: Option<DateTimeWithTimeZone>,
    /// The agency whose staff hold the dossier now (its queue); `None` while a draft.
    pub holding_agency_code: Option<String>,
    /// Index of the current workflow step (see `dossiers::workflow`).
    pub step_index: Option<i32>,
    /// The role that acts at the current step (queues filter on it).
    pub step_role: Option<String>,
    /// The staff member it is assigned to.
    pub assignee_id: Option<String>,
    /// When the desk accepted it: the working-time clock starts here.
    pub accepted_at: Option<DateTimeWithTimeZone>,
    /// When the result is due (working time, moved on by pauses and apology letters).
    pub due_at: Option<DateTimeWithTimeZone>,
    /// Since when the clock is stopped (waiting for the applicant).
    pub paused_at: Option<DateTimeWithTimeZone>,
    /// The status to return to when the applicant answers a supplement request.
    pub resume_status: Option<String>,
    /// When the current step's allowance runs out.
    pub step_due_at: Option<DateTimeWithTimeZone>,
    /// When the overrun of the current step was escalated to the agency's leader.
    pub escalated_at: Option<DateTimeWithTimeZone>,
    /// The agency a transferred dossier goes back to.
    pub transfer_origin: Option<String>,
    /// Apology letters issued.
    pub apologies: i32,
    /// Applicant's and subject's names, folded (no diacritics, lower case), for staff search.
    pub applicant_search: String,
    /// Applicant's citizen ID, for staff search.
    pub applicant_citizen_id: String,
    /// When it reached a final status (processed, refused, stopped, withdrawn).
    pub finished_at: Option<DateTimeWithTimeZone>,
    /// How it was received: `online`, `desk` or `post`.
    pub channel: String,
    /// The postal item's reference of a dossier sent in by post (registered by the desk).
    pub intake_reference: Option<String>,
    /// A change of `delivery` the applicant asked for after filing that did not pass its
    /// checks yet, kept as typed (cleared once a change is saved).
    pub delivery_request: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
