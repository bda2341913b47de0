//! What the dossier pages show, ready to render: labels already in the page's language, values
//! as typed, and the error of each field. The browser never sees a form schema, only this.

use serde::{Deserialize, Serialize};

/// A value and its shown text (select options, radio buttons).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown text.
    pub label: String,
}

/// One step in the step list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepLink {
    /// Step code (`applicant`, …).
    pub code: String,
    /// URL segment.
    pub slug: String,
    /// Passed its checks.
    pub done: bool,
    /// The step shown.
    pub current: bool,
    /// Can be opened (every earlier step done).
    pub reachable: bool,
}

/// A problem to fix, for the summary above the form and next to the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemView {
    /// Element id of the field.
    pub id: String,
    /// The field's label.
    pub label: String,
    /// What to do.
    pub message: String,
    /// Step the field is on (for the review page's links).
    pub step_slug: String,
}

/// One field of a procedure's form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// Element id and posted name.
    pub id: String,
    /// `text`, `textarea`, `number`, `date`, `choice`, `checkbox`, `address`, `citizen_id`,
    /// `phone`, `email`, `group`.
    pub kind: String,
    /// Label.
    pub label: String,
    /// Hint.
    pub hint: Option<String>,
    /// Required.
    pub required: bool,
    /// Current value (text kinds; `"true"` for a ticked box).
    pub value: String,
    /// Longest text.
    pub max_length: Option<u32>,
    /// Lower bound (numbers, dates).
    pub min: Option<String>,
    /// Upper bound.
    pub max: Option<String>,
    /// Options of a choice.
    pub options: Vec<Choice>,
    /// The field's error.
    pub error: Option<String>,
    /// Shown only when the field with this id has one of these values.
    pub visible_if: Option<(String, Vec<String>)>,
    /// Shown now (the condition holds).
    pub visible: bool,
    /// When the condition holds, in words ("Only if “Purpose” is “Other”"), for the page
    /// without JavaScript, which shows every conditional field.
    pub visible_when: Option<String>,
    /// Address parts: province, commune, street, with their errors.
    pub address: Option<AddressView>,
    /// Group entries (each a list of fields), then one empty entry to add another.
    pub items: Vec<Vec<FieldView>>,
    /// Most entries of a group.
    pub max_items: u32,
}

/// A province–commune–street address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    /// Element id prefix (`…-province`, `…-commune`, `…-street`).
    pub id: String,
    /// Province code.
    pub province: String,
    /// Commune code.
    pub commune: String,
    /// Street.
    pub street: String,
    /// Communes of the province.
    pub communes: Vec<Choice>,
    /// Province error.
    pub province_error: Option<String>,
    /// Commune error.
    pub commune_error: Option<String>,
    /// Street error.
    pub street_error: Option<String>,
}

/// The applicant step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantView {
    /// `myself`, `other` or `organisation`.
    pub on_behalf: String,
    /// Name.
    pub full_name: String,
    /// Citizen ID.
    pub citizen_id: String,
    /// `yyyy-mm-dd`.
    pub date_of_birth: String,
    /// Mobile.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Residence.
    pub address: AddressView,
    /// Other person's name.
    pub subject_name: String,
    /// Other person's citizen ID.
    pub subject_citizen_id: String,
    /// Relationship.
    pub relation: String,
    /// Business chosen.
    pub organisation_id: String,
    /// The applicant's businesses.
    pub organisations: Vec<Choice>,
    /// Where the dossier goes when fixed by the procedure.
    pub receiving_fixed: Option<String>,
    /// Commune People's Committee chosen.
    pub receiving_agency: String,
    /// Commune People's Committees to choose from (commune-level procedures).
    pub receiving_choices: Vec<Choice>,
}

/// An uploaded file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    /// Attachment id (to remove it from the dossier) or stored file id ("my documents").
    pub id: String,
    /// Stored file id.
    pub file_id: String,
    /// Name.
    pub name: String,
    /// Size in bytes.
    pub size: i64,
    /// Media type.
    pub content_type: String,
    /// Address to open it.
    pub url: String,
}

/// One document slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    /// Slot key.
    pub key: String,
    /// What to upload.
    pub label: String,
    /// Help.
    pub hint: Option<String>,
    /// Required.
    pub required: bool,
    /// Most files.
    pub max_files: u32,
    /// Types, upper-case (`PDF, JPG`).
    pub types: String,
    /// `accept` attribute.
    pub accept: String,
    /// Largest file in MB.
    pub max_mb: u32,
    /// Files given.
    pub files: Vec<FileView>,
    /// The slot's error.
    pub error: Option<String>,
}

/// The delivery step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryView {
    /// `desk`, `electronic`, `post` or empty.
    pub method: String,
    /// Recipient.
    pub recipient: String,
    /// Recipient's phone.
    pub phone: String,
    /// Address.
    pub address: AddressView,
    /// Electronic results are offered (full online procedures).
    pub electronic: bool,
    /// How the postal fee is paid: `on_delivery` or `with_fee`.
    pub postal_payment: String,
    /// The tariff in words (within the province, elsewhere); empty without a tariff.
    pub postal_fees: String,
}

/// One section of "check your answers".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSection {
    /// Step code.
    pub step: String,
    /// Step URL segment (the change link).
    pub slug: String,
    /// Rows: label and answer.
    pub rows: Vec<(String, String)>,
}

/// One line of the public timeline: time, text, and the slip or letter to download (address
/// and label).
pub type TimelineEntry = (String, String, Option<(String, String)>);

/// Where the payment of a dossier's fee stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    /// `unpaid`, `pending`, `paid` or `failed` (the last attempt was cancelled or refused).
    pub state: String,
    /// When it was paid, local time.
    pub paid_at: Option<String>,
    /// The gateway's transaction number.
    pub reference: Option<String>,
    /// The paid payment's receipt (PDF).
    pub receipt_url: Option<String>,
    /// A payment may be started now.
    pub can_pay: bool,
    /// An online payment waits for the bank: "pay again" (asks the gateway, then abandons it).
    pub can_pay_again: bool,
    /// What is still to pay (the fee due, extra fees included, less what was paid).
    pub balance_vnd: i64,
    /// The VietQR transfer order waiting for the bank's notice, if any.
    pub transfer: Option<TransferView>,
}

/// A VietQR transfer order as the applicant sees it: the code and the same details typed out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferView {
    /// The code as inline SVG.
    pub svg: String,
    /// The code's payload (what a banking app reads).
    pub payload: String,
    /// Bank's short name.
    pub bank: String,
    /// Account number.
    pub account: String,
    /// Account holder.
    pub account_name: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// The transfer's content.
    pub reference: String,
    /// Offered until (Vietnam time).
    pub until: String,
}

/// The signed result as its applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenResultView {
    /// Download address.
    pub url: String,
    /// "You received it at …", once delivered online.
    pub received: Option<String>,
    /// Its public verification page.
    pub verify_url: String,
}

/// A draft or filed dossier, for the journey's pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierView {
    /// Id.
    pub id: String,
    /// Revision the page was made from (sent back with every save).
    pub revision: i32,
    /// Code once filed.
    pub code: Option<String>,
    /// Status code.
    pub status: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure name.
    pub procedure_name: String,
    /// Procedure page slug.
    pub procedure_slug: String,
    /// Step shown.
    pub step: String,
    /// All steps.
    pub steps: Vec<StepLink>,
    /// Problems of the shown step (or of every step, on the review page).
    pub problems: Vec<ProblemView>,
    /// Applicant step.
    pub applicant: ApplicantView,
    /// Form step.
    pub form: Vec<FieldView>,
    /// Documents step.
    pub slots: Vec<SlotView>,
    /// Files uploaded before, to reuse.
    pub my_files: Vec<FileView>,
    /// Largest total of a dossier's files, MB.
    pub max_dossier_mb: u32,
    /// Bytes used by this dossier's files.
    pub used_bytes: i64,
    /// Delivery step.
    pub delivery: DeliveryView,
    /// Review.
    pub review: Vec<ReviewSection>,
    /// Provinces of the map.
    pub provinces: Vec<Choice>,
    /// Fee due online (the quote's total for a draft; frozen at submission after).
    pub fee_vnd: i64,
    /// The fee quote as shown on every page that names an amount.
    pub quote: FeeQuoteView,
    /// Money owed back to the applicant, one entry per refund order, oldest first.
    pub refunds: Vec<RefundView>,
    /// Banks a refund can be paid to: (BIN, name).
    pub refund_banks: Vec<(String, String)>,
    /// The satisfaction rating, once the dossier has ended (returned or refused) and the
    /// viewer is its applicant; `None` otherwise.
    pub rating: Option<RatingView>,
    /// Filed at (Vietnam time, `dd/MM/yyyy HH:mm`).
    pub submitted_at: Option<String>,
    /// Public timeline, oldest first: (time, text, the event's slip or letter to download as
    /// address and label).
    pub timeline: Vec<TimelineEntry>,
    /// Name of the receiving agency once filed.
    pub receiving_agency: Option<String>,
    /// What the agency asks for while a supplement is requested.
    pub supplement: Option<SupplementView>,
    /// The result's due date once accepted (`HH:mm dd/MM/yyyy`).
    pub due_at: Option<String>,
    /// Where the dossier is now: the current step and its agency (open dossiers).
    pub now_at: Option<String>,
    /// Working time left or late, in words (while the clock runs or is paused).
    pub time_left: Option<String>,
    /// The clock is stopped, waiting for the applicant.
    pub paused: bool,
    /// The signed electronic result, once there is one.
    pub result: Option<CitizenResultView>,
    /// The fee's online payment (filed dossiers with a fee, the owner's page only).
    pub payment: Option<PaymentView>,
    /// Staff visits and changes (the owner's page only), newest first.
    pub access: Vec<crate::dto::results::AccessView>,
    /// How the result of a filed dossier comes home, as label and answer rows.
    pub delivery_rows: Vec<(String, String)>,
    /// Its owner may change that now (filed, not returned, no parcel on its way, no payment
    /// waiting for the bank).
    pub delivery_changeable: bool,
}

/// An open supplement request, as the applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplementView {
    /// When it was asked (`dd/MM/yyyy HH:mm`).
    pub asked_at: String,
    /// The agency's instructions.
    pub note: String,
    /// The documents asked for.
    pub missing: Vec<String>,
}

/// A row of "my dossiers".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierRow {
    /// Id.
    pub id: String,
    /// Code once filed.
    pub code: Option<String>,
    /// Procedure name.
    pub procedure_name: String,
    /// Status code.
    pub status: String,
    /// Last change (`dd/MM/yyyy HH:mm`, Vietnam time).
    pub updated_at: String,
    /// Where a draft resumes (URL segment).
    pub resume_slug: Option<String>,
}

/// The start page of an online filing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartView {
    /// Procedure code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Page slug.
    pub slug: String,
    /// Documents to prepare.
    pub documents: Vec<String>,
    /// Signed in.
    pub signed_in: bool,
    /// The caller's drafts of this procedure: (id, last change, resume slug).
    pub drafts: Vec<(String, String, String)>,
}

/// The one fee quote (`domain::payments::quote`), worded: each line, the total due online and
/// what the postman collects, if anything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeQuoteView {
    /// `(what, amount)`: "Phí cấp bản sao (8.000 đồng × 2 bản)", "16.000 đồng".
    pub lines: Vec<(String, String)>,
    /// The total due online.
    pub total: String,
    /// What the postman collects on delivery, when the postal fee is paid then.
    pub on_delivery: Option<String>,
}

/// A dossier's satisfaction rating as its applicant sees it (`domain::ratings`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingView {
    /// The level given (`very_satisfied`, `satisfied`, `not_satisfied`), empty before.
    pub level: String,
    /// Reasons ticked.
    pub reasons: Vec<String>,
    /// The applicant's words.
    pub comment: String,
    /// The form is offered: not rated yet, or still within the days a rating may change.
    pub changeable: bool,
    /// The agency's answer to a "not satisfied", once given.
    pub answer: Option<String>,
}

/// What the page opened from a rating link shows (`/danh-gia/{token}`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingInvitationView {
    /// The dossier's code.
    pub code: String,
    /// The procedure's name.
    pub procedure_name: String,
    /// The dossier's state in words.
    pub state: String,
    /// A rating given meanwhile on the dossier page (the link still changes it).
    pub rating: RatingView,
}

/// A refund order as the applicant follows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundView {
    /// Amount, in words ("1.500 đồng").
    pub amount: String,
    /// `awaiting_account`, `queued`, `sent`, `completed`.
    pub status: String,
    /// The state in words.
    pub state: String,
    /// The bank's refusal, when the account must be checked.
    pub problem: Option<String>,
    /// The account it is paid to ("BIDV …8901"), once given.
    pub account: Option<String>,
    /// Paid at (Vietnam time), once done.
    pub completed_at: Option<String>,
    /// The day the collecting bank's statement showed the money leave (Vietnam time).
    pub confirmed_at: Option<String>,
}
