//! The receipt of a filed dossier (phiếu xác nhận nộp hồ sơ trực tuyến): what the PDF says, in
//! the reader's language, made from the same view as the dossier's page so that both always
//! agree.
//!
//! It acknowledges an online submission; the formal "giấy tiếp nhận và hẹn trả kết quả" with a
//! result date follows once a clerk accepts the dossier, so the processing time is given in
//! working days from that acceptance rather than as a date.

use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::{drafts, Status};
use domain::receipt_pdf::ReceiptDocument;

use super::build::dossier_view_in;
use crate::error::AppError;
use crate::format::vietnam_time;
use crate::i18n::{Key, Locale};

/// The code and what the receipt of dossier `id` says, for `actor` (who must be allowed to read it). A draft
/// has no receipt (`NotFound`). `site_url` is the portal's public address: the QR code opens
/// the public lookup with the code filled in (`/tra-cuu?code=`), which anyone holding the paper
/// can use with the applicant's four digits, signed in or not.
pub async fn receipt_document(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    site_url: &str,
) -> Result<(String, ReceiptDocument), AppError> {
    let view = dossier_view_in(t, db, actor, id, "", false).await?;
    let Some(code) = view.code.clone() else {
        return Err(AppError::NotFound);
    };
    let loaded = drafts::load_readable(db, actor, id).await?;
    let province_name = match &loaded.dossier.receiving_agency_code {
        Some(code) => domain::catalogue::agency_with_province(db, code)
            .await?
            .and_then(|(_, province)| province),
        None => None,
    };

    let mut fields = vec![
        (
            t.t(Key::DossierProcedure).to_owned(),
            format!("{} ({})", view.procedure_name, view.procedure_code),
        ),
        (
            t.t(Key::FieldFullName).to_owned(),
            view.applicant.full_name.clone(),
        ),
        (
            t.t(Key::FieldCitizenId).to_owned(),
            view.applicant.citizen_id.clone(),
        ),
        (
            t.t(Key::FieldPhone).to_owned(),
            view.applicant.phone.clone(),
        ),
    ];
    if !view.applicant.subject_name.is_empty() {
        fields.push((
            t.t(Key::ReceiptOnBehalfOf).to_owned(),
            view.applicant.subject_name.clone(),
        ));
    }
    fields.push((
        t.t(Key::FieldReceivingAgency).to_owned(),
        view.receiving_agency.clone().unwrap_or_default(),
    ));
    fields.push((
        t.t(Key::SubmittedAt).to_owned(),
        view.submitted_at.clone().unwrap_or_default(),
    ));
    // The same quote as check-answers and the payment panel: each line, then the total.
    fields.extend(view.quote.lines.iter().cloned());
    fields.push((t.t(Key::QuoteTotal).to_owned(), view.quote.total.clone()));
    if let Some(on_delivery) = &view.quote.on_delivery {
        fields.push((t.t(Key::QuoteTitle).to_owned(), on_delivery.clone()));
    }
    if let Some(days) = loaded
        .version
        .content
        .get("processing_days")
        .and_then(|d| d.as_i64())
        .filter(|d| *d > 0)
    {
        fields.push((
            t.t(Key::ReceiptProcessingTime).to_owned(),
            format!("{days} {}", t.t(Key::ReceiptWorkingDaysFromAcceptance)),
        ));
    }
    if let Some(delivery) = view.review.iter().find(|s| s.slug == "nhan-ket-qua") {
        for (label, value) in &delivery.rows {
            fields.push((label.clone(), value.clone()));
        }
    }

    let documents = view
        .slots
        .iter()
        .filter(|s| !s.files.is_empty())
        .map(|s| {
            let names: Vec<&str> = s.files.iter().map(|f| f.name.as_str()).collect();
            format!("{}: {}", s.label, names.join(", "))
        })
        .collect();
    // What happens from here for this dossier (the procedure's own steps describe filing,
    // which is done).
    let mut next_steps = Vec::new();
    if loaded.status == Status::AwaitingPayment {
        next_steps.push(t.tf(Key::ReceiptNextPay, &[("amount", &view.quote.total)]));
    }
    next_steps.push(t.t(Key::ReceiptNextCheck).to_owned());
    next_steps.push(t.tf(
        Key::ReceiptNextTrack,
        &[("site", &site_url.trim_end_matches('/'))],
    ));
    next_steps.push(
        match view.delivery.method.as_str() {
            "electronic" => t.t(Key::ReceiptNextElectronic),
            "post" => t.t(Key::ReceiptNextPost),
            _ => t.t(Key::ReceiptNextDesk),
        }
        .to_owned(),
    );

    let document = ReceiptDocument {
        authority: match province_name {
            Some(name) => format!("{} {}", t.t(Key::ReceiptAuthority), name).to_uppercase(),
            None => t.t(Key::PortalName).to_uppercase(),
        },
        office: view
            .receiving_agency
            .clone()
            .unwrap_or_default()
            .to_uppercase(),
        motto: [
            t.t(Key::ReceiptMottoCountry).to_owned(),
            t.t(Key::ReceiptMottoWords).to_owned(),
        ],
        // A dossier registered at the desk or received by post was not filed online.
        title: if domain::dossiers::counter::registered_by_desk(&loaded.dossier.channel) {
            t.t(Key::ReceiptTitleDesk).to_owned()
        } else {
            t.t(Key::ReceiptTitle).to_owned()
        },
        code_line: format!("{}: {code}", t.t(Key::DossierCode)),
        fields,
        documents_heading: t.t(Key::ReceiptDocuments).to_owned(),
        documents,
        steps_heading: t.t(Key::ReceiptNextSteps).to_owned(),
        steps: next_steps,
        qr_payload: format!("{}/tra-cuu?code={code}", site_url.trim_end_matches('/')),
        qr_caption: t.t(Key::ReceiptQrCaption).to_owned(),
        footer: format!(
            "{} {}",
            t.t(Key::ReceiptGenerated),
            vietnam_time(chrono::Utc::now())
        ),
    };
    Ok((code, document))
}

/// A slip made from one event of dossier `id`: the receipt & appointment slip (acceptance, with
/// the due date), the refusal slip (with the reason) or the apology letter (with the new date).
/// Same heading, applicant and documents as the receipt; `None` for other events.
pub async fn slip_document(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    event_id: i64,
    site_url: &str,
) -> Result<(String, ReceiptDocument), AppError> {
    let (code, mut document) = receipt_document(t, db, actor, id, site_url).await?;
    let event = domain::dossiers::staff_view::event(db, id, event_id).await?;
    let data = event.data.clone().unwrap_or_default();
    let date = |key: &str| {
        data.get(key)
            .and_then(|d| d.as_str())
            .and_then(|d| d.parse::<chrono::DateTime<chrono::Utc>>().ok())
            .map(domain::dossiers::deadlines::local_text)
            .unwrap_or_default()
    };
    let at = domain::dossiers::deadlines::local_text(event.at.with_timezone(&chrono::Utc));
    let note = event.public_note.clone().unwrap_or_default();
    // The online-filing lines that do not belong on a slip issued by the desk.
    document
        .fields
        .retain(|(label, _)| label != t.t(Key::ReceiptProcessingTime));
    match event.kind.as_str() {
        "accept" => {
            document.title = t.t(Key::SlipAcceptTitle).to_owned();
            document
                .fields
                .push((t.t(Key::SlipAcceptedAt).to_owned(), at));
            document
                .fields
                .push((t.t(Key::SlipDueAt).to_owned(), date("due_at")));
            document.steps = vec![t.t(Key::SlipAcceptNext).to_owned()];
        }
        "refuse" => {
            document.title = t.t(Key::SlipRefuseTitle).to_owned();
            document
                .fields
                .push((t.t(Key::SlipRefusedAt).to_owned(), at));
            document
                .fields
                .push((t.t(Key::SlipReason).to_owned(), note));
            document.steps = vec![t.t(Key::SlipRefuseNext).to_owned()];
        }
        "apologise" => {
            document.title = t.t(Key::SlipApologyTitle).to_owned();
            document
                .fields
                .push((t.t(Key::SlipOldDue).to_owned(), date("old_due_at")));
            document
                .fields
                .push((t.t(Key::SlipNewDue).to_owned(), date("due_at")));
            document
                .fields
                .push((t.t(Key::SlipReason).to_owned(), note));
            document.steps = vec![t.t(Key::SlipApologyText).to_owned()];
        }
        _ => return Err(AppError::NotFound),
    }
    Ok((format!("{code}-{}", event.kind), document))
}

/// The payment receipt (biên lai thu lệ phí điện tử) of payment `txn_ref` of dossier `id`, for
/// `actor` (the owner or staff who may read the dossier). Only a confirmed payment has one.
pub async fn payment_receipt_document(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    id: &str,
    txn_ref: &str,
    site_url: &str,
) -> Result<(String, ReceiptDocument), AppError> {
    let view = dossier_view_in(t, db, actor, id, "", false).await?;
    let Some(code) = view.code.clone() else {
        return Err(AppError::NotFound);
    };
    let paid = domain::payments::online::of_dossier(db, id)
        .await?
        .into_iter()
        .find(|p| {
            p.txn_ref == txn_ref
                && matches!(
                    p.status.as_str(),
                    "paid" | "duplicate" | "refunding" | "refunded"
                )
        })
        .ok_or(AppError::NotFound)?;
    let fields = vec![
        (t.t(Key::DossierCode).to_owned(), code.clone()),
        (
            t.t(Key::DossierProcedure).to_owned(),
            format!("{} ({})", view.procedure_name, view.procedure_code),
        ),
        (
            t.t(Key::PaymentReceiptPayer).to_owned(),
            view.applicant.full_name.clone(),
        ),
        (
            t.t(Key::PaymentReceiptAmount).to_owned(),
            crate::format::fee_text(t, paid.amount_vnd),
        ),
        (
            t.t(Key::PaymentReceiptPaidAt).to_owned(),
            paid.paid_at
                .map(|at| vietnam_time(at.with_timezone(&chrono::Utc)))
                .unwrap_or_default(),
        ),
        (
            t.t(Key::PaymentReceiptGateway).to_owned(),
            Key::from_name(&format!("payment_gateway_{}", paid.gateway))
                .map(|k| t.t(k).to_owned())
                .unwrap_or_else(|| paid.gateway.to_uppercase()),
        ),
        (
            t.t(Key::PaymentReceiptReference).to_owned(),
            paid.txn_ref.clone(),
        ),
        (
            t.t(Key::PaymentReceiptBankRef).to_owned(),
            format!(
                "{} {}",
                paid.bank_code.clone().unwrap_or_default(),
                paid.gateway_txn_no.clone().unwrap_or_default()
            )
            .trim()
            .to_owned(),
        ),
        (
            t.t(Key::FieldReceivingAgency).to_owned(),
            view.receiving_agency.clone().unwrap_or_default(),
        ),
    ];
    let document = ReceiptDocument {
        authority: t.t(Key::PortalName).to_uppercase(),
        office: view
            .receiving_agency
            .clone()
            .unwrap_or_default()
            .to_uppercase(),
        motto: [
            t.t(Key::ReceiptMottoCountry).to_owned(),
            t.t(Key::ReceiptMottoWords).to_owned(),
        ],
        title: t.t(Key::PaymentReceiptTitle).to_owned(),
        code_line: format!("{}: {}", t.t(Key::PaymentReceiptReference), paid.txn_ref),
        fields,
        documents_heading: String::new(),
        documents: Vec::new(),
        steps_heading: String::new(),
        steps: Vec::new(),
        qr_payload: format!("{}/tra-cuu?code={code}", site_url.trim_end_matches('/')),
        qr_caption: t.t(Key::ReceiptQrCaption).to_owned(),
        footer: format!(
            "{} {}",
            t.t(Key::ReceiptGenerated),
            vietnam_time(chrono::Utc::now())
        ),
    };
    Ok((format!("bien-lai-{}", paid.txn_ref), document))
}
