//! What the one-stop back office pages show: a queue page and a dossier with what the staff
//! member may do to it.

use serde::{Deserialize, Serialize};

use super::dossier::Choice;
use super::dossier::DossierView;

/// One row of a queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRowView {
    /// Dossier id.
    pub id: String,
    /// Code.
    pub code: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure name (clerks recognise names, not codes).
    pub procedure_name: String,
    /// Applicant.
    pub applicant: String,
    /// Status code.
    pub status: String,
    /// Filed at (`dd/MM/yyyy HH:mm`).
    pub submitted_at: String,
    /// Due (`HH:mm dd/MM/yyyy`), or empty.
    pub due_at: String,
    /// Working time left as text (`2 ngày 3 giờ`), or empty.
    pub time_left: String,
    /// `ok`, `soon`, `overdue` or `paused`: how urgent it is.
    pub urgency: String,
    /// The current step ran over its allowance.
    pub escalated: bool,
}

/// A queue page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueView {
    /// Queue code shown.
    pub queue: String,
    /// Tabs: code and count.
    pub tabs: Vec<(String, u64)>,
    /// Rows.
    pub rows: Vec<QueueRowView>,
    /// Total rows.
    pub total: u64,
    /// Page.
    pub page: u64,
    /// Pages.
    pub pages: u64,
    /// Search text.
    pub q: String,
    /// Staff member's agency name.
    pub agency: String,
    /// Specialists and leaders of the agency (bulk assignment), for leaders.
    pub assignable: Vec<Choice>,
    /// For a leader: the "not satisfied" ratings of the agency to answer, oldest first, as
    /// (dossier id, code, the applicant's words).
    pub unsatisfied: Vec<(String, String, String)>,
    /// For a leader: this month's ratings of the agency (dossiers and counters), as (very
    /// satisfied, satisfied, not satisfied, the share satisfied in percent).
    pub satisfaction: Option<(u64, u64, u64, Option<u64>)>,
}

/// An event as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEventView {
    /// Event id.
    pub id: i64,
    /// When (`HH:mm dd/MM/yyyy`).
    pub at: String,
    /// Who.
    pub actor: String,
    /// Kind (transition code, `submitted`, `escalated`).
    pub kind: String,
    /// Status after, if it changed.
    pub to_status: Option<String>,
    /// Note for the applicant.
    pub public_note: Option<String>,
    /// Note for staff.
    pub internal_note: Option<String>,
    /// Details in words (missing documents, new date, agency).
    pub details: Vec<String>,
    /// A slip or letter made from this event (receipt & appointment, refusal, apology).
    pub slip_url: Option<String>,
}

/// A workflow step as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    /// Name (or the role's name for default steps).
    pub name: String,
    /// Role code.
    pub role: String,
    /// Agency name.
    pub agency: String,
    /// Allowance in working hours.
    pub hours: i32,
    /// The dossier is at this step.
    pub current: bool,
}

/// The back-office page of one dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffDossierView {
    /// The dossier as its owner sees it (applicant, answers, documents).
    pub dossier: DossierView,
    /// Status code.
    pub status: String,
    /// Revision (sent back with every action).
    pub revision: i32,
    /// Agency holding it.
    pub holding_agency: String,
    /// The agency it was transferred from, if it is with another agency for its part.
    pub transfer_origin: Option<String>,
    /// Assigned to.
    pub assignee: Option<String>,
    /// Accepted at.
    pub accepted_at: Option<String>,
    /// Due at.
    pub due_at: Option<String>,
    /// Working time left, as text.
    pub time_left: Option<String>,
    /// `ok`, `soon`, `overdue`, `paused` or empty.
    pub urgency: String,
    /// Workflow steps.
    pub steps: Vec<StepView>,
    /// Every event, newest last.
    pub events: Vec<StaffEventView>,
    /// Actions the viewer may take now (transition codes).
    pub actions: Vec<String>,
    /// Staff who can be assigned (leaders see their agency's; a specialist only themself).
    pub assignable: Vec<Choice>,
    /// Agencies a transfer can go to.
    pub agencies: Vec<Choice>,
    /// Document slots (for a supplement request checklist): key and name.
    pub slots: Vec<Choice>,
    /// Apology letters issued.
    pub apologies: i32,
    /// The electronic result, once attached.
    pub result: Option<ResultView>,
    /// The viewer may attach (or replace) the result now.
    pub can_attach_result: bool,
    /// Payments of the fee, newest first.
    pub payments: Vec<StaffPaymentView>,
    /// The viewer may ask for a refund now.
    pub can_refund: bool,
    /// The fee due (extra fees included) and what was paid, in words (empty: no fee).
    pub fee_summary: String,
    /// The viewer may add an extra fee now.
    pub can_add_fee: bool,
    /// Refund orders of the dossier (money paid back to the applicant's account).
    pub refund_orders: Vec<StaffRefundView>,
    /// The applicant's satisfaction rating, once given.
    pub rating: Option<crate::dto::dossier::RatingView>,
    /// The viewer (a leader of the rated agency) may answer it now: "not satisfied", no
    /// answer yet.
    pub rating_answerable: bool,
    /// The quantity a per-unit fee is charged for and its unit word, when the viewer may
    /// correct it now.
    pub fee_quantity: Option<(i64, String)>,
    /// Postal return of the result, when the applicant asked for it.
    pub postal: Option<StaffPostalView>,
    /// The viewer's account id.
    pub viewer_id: String,
}

/// A refund order as the desk follows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRefundView {
    /// Order id.
    pub id: String,
    /// Amount in words.
    pub amount: String,
    /// The state in words (the applicant's wording).
    pub state: String,
    /// The bank's last refusal or error.
    pub error: Option<String>,
    /// Sends so far.
    pub attempts: i32,
    /// Needs the desk (sent many times, or a day at the bank without a result).
    pub stuck: bool,
    /// The desk may send it again now.
    pub can_send_again: bool,
}

/// One payment of a dossier's fee, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPaymentView {
    /// When it was started, local time.
    pub at: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// Status code (`paid`, `refunding`, …).
    pub status: String,
    /// The portal's reference and the gateway's transaction number.
    pub reference: String,
    /// Why the last refund call failed (it is retried).
    pub refund_error: Option<String>,
}

/// Postal return of a dossier's result, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPostalView {
    /// Recipient's name and phone.
    pub recipient: String,
    /// Address on the label.
    pub address: String,
    /// Postal fee and how it is paid, in words.
    pub fee: String,
    /// What the postman will collect (unpaid fee and postal fee), before the hand-over; empty
    /// when nothing.
    pub collect: String,
    /// Shipments, newest first.
    pub shipments: Vec<ShipmentView>,
    /// The viewer may hand the result to the carrier now.
    pub can_ship: bool,
}

/// One shipment with the carrier's updates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    /// Tracking number.
    pub tracking_number: String,
    /// Status code (`created`, `in_transit`, …).
    pub status: String,
    /// Amount collected on delivery, in words (empty: nothing).
    pub cod: String,
    /// Handed over at, local time.
    pub created_at: String,
    /// The carrier's updates, oldest first: time, status code, place and note.
    pub events: Vec<(String, String, String)>,
}

/// The electronic result of a dossier, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultView {
    /// Uploaded file's name.
    pub file_name: String,
    /// Signed at the leader's approval.
    pub signed: bool,
    /// "Signed by … at …" (empty until signed).
    pub signed_text: String,
    /// Where to open it.
    pub url: String,
    /// Its public verification page.
    pub verify_url: String,
}

/// One step of a procedure's workflow, as the editor shows and sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkflowStepInput {
    /// Name shown to staff (empty: named after its role).
    pub name: String,
    /// `specialist` or `leader`.
    pub role: String,
    /// Agency code; empty for the procedure's processing agency.
    pub agency: String,
    /// Allowance in working hours, as typed.
    pub hours: String,
    /// Ticked to remove the step.
    pub remove: String,
}

/// A procedure's workflow in the administrators' editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowView {
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure name.
    pub procedure_name: String,
    /// Processing time in working days (the steps' hours should fit in it).
    pub processing_days: i32,
    /// True when the default steps apply (none configured).
    pub default: bool,
    /// The processing agency used by steps that name none.
    pub processing_agency: String,
    /// The steps.
    pub steps: Vec<WorkflowStepInput>,
    /// Agencies a step may name.
    pub agencies: Vec<Choice>,
    /// One warning per step and agency where nobody active holds the step's role (issue 27:
    /// dossiers would wait there forever), in the reader's language.
    pub warnings: Vec<String>,
}

/// The counter intake page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskIntakeView {
    /// The viewer is an intake clerk (may register dossiers).
    pub clerk: bool,
    /// The desk's agency name.
    pub desk: String,
    /// Unfinished desk drafts: id, procedure code, procedure name.
    pub drafts: Vec<(String, String, String)>,
}
