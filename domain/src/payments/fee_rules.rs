//! Fee rules as a procedure states them, kept as data in the catalogue: a fixed amount, a
//! price per copy, page or list entry (the applicant declares the quantity in the form and
//! the desk may correct it), graduated unit prices with a ceiling, and exemptions or
//! reductions for categories the law names, each needing its evidence in the dossier.
//!
//! Everything here is pure: [`quote`](super::quote) applies it to a dossier's answers, the
//! catalogue import checks rules with [`check`], and [`with_fee_questions`] adds to a form
//! the questions the rules need (how many, which exemption) and the evidence slot, so that
//! the form step, its validation, the API and the staff pages all ask and show the same.

use serde_json::Value;

use crate::catalogue::{FeeExemption, FeeItem, ProcedureDetails};
use crate::forms::{ChoiceOption, DocumentSlot, FieldKind, FormField, FormSchema, Label};

#[cfg(test)]
mod tests;

/// Answer key of the quantity question the portal adds when a per-unit fee has no quantity
/// field of its own.
pub const QUANTITY_KEY: &str = "so_luong_tinh_phi";
/// Answer key of the exemption question.
pub const EXEMPTION_KEY: &str = "dien_mien_giam_phi";
/// The exemption answer "none applies".
pub const NO_EXEMPTION: &str = "khong";
/// Document slot of the exemption's evidence.
pub const EVIDENCE_SLOT: &str = "minh_chung_mien_giam";
/// Answer key where the desk's corrected quantity is kept (not a valid form key, so no
/// schema can ask it; the applicant's own answer stays as filed).
pub const CORRECTED_KEY: &str = "_so_luong_phi_sua";
/// Keys the portal's own questions use: a procedure's form may not use them.
pub const RESERVED_KEYS: [&str; 3] = [QUANTITY_KEY, EXEMPTION_KEY, EVIDENCE_SLOT];
/// Largest quantity of units (a typo guard).
pub const MAX_QUANTITY: i64 = 1_000;

/// Units a fee may be charged by.
pub const UNITS: [&str; 3] = ["copy", "page", "item"];

/// A category of people whose fees the law waives or reduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// Code used in the catalogue and the answers.
    pub code: &'static str,
    /// Who it covers.
    pub label: (&'static str, &'static str),
    /// The document that proves it.
    pub evidence: (&'static str, &'static str),
}

/// The categories named in the fee circulars (e.g. Thông tư 85/2019/TT-BTC, 75/2022/TT-BTC).
pub const CATEGORIES: [Category; 6] = [
    Category {
        code: "ho_ngheo",
        label: (
            "Người thuộc hộ nghèo, hộ cận nghèo",
            "Member of a poor or near-poor household",
        ),
        evidence: (
            "Giấy chứng nhận hộ nghèo, hộ cận nghèo",
            "Poor or near-poor household certificate",
        ),
    },
    Category {
        code: "nguoi_co_cong",
        label: (
            "Người có công với cách mạng, thân nhân người có công",
            "Person with meritorious service to the revolution, or their relative",
        ),
        evidence: (
            "Giấy tờ chứng nhận người có công với cách mạng",
            "Certificate of meritorious service",
        ),
    },
    Category {
        code: "tre_em_duoi_6",
        label: ("Trẻ em dưới 6 tuổi", "Child under 6"),
        evidence: ("Giấy khai sinh của trẻ em", "The child's birth certificate"),
    },
    Category {
        code: "nguoi_khuyet_tat",
        label: ("Người khuyết tật", "Person with a disability"),
        evidence: ("Giấy xác nhận khuyết tật", "Disability certificate"),
    },
    Category {
        code: "nguoi_cao_tuoi",
        label: ("Người cao tuổi", "Elderly person (60 or over)"),
        evidence: (
            "Giấy tờ chứng minh ngày sinh (căn cước, hộ chiếu)",
            "Proof of date of birth (ID card, passport)",
        ),
    },
    Category {
        code: "dan_toc_thieu_so_dbkk",
        label: (
            "Đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế - xã hội đặc biệt khó khăn",
            "Ethnic minority member living in an especially disadvantaged commune",
        ),
        evidence: (
            "Giấy tờ chứng minh dân tộc và nơi thường trú",
            "Proof of ethnicity and permanent residence",
        ),
    },
];

/// The category with `code`.
pub fn category(code: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.code == code)
}

/// What `item` costs for `quantity` units: the fixed amount when it has no unit; otherwise
/// each unit at the price of its tier (the item's own price below the first tier), then the
/// ceiling.
pub fn amount(item: &FeeItem, quantity: i64) -> i64 {
    if item.per.is_none() {
        return item.amount_vnd;
    }
    let quantity = quantity.max(0);
    let mut total = 0i64;
    let mut price = item.amount_vnd;
    let mut start = 1i64;
    for tier in &item.tiers {
        let end = tier.from.min(quantity + 1).max(start);
        total += (end - start) * price;
        start = end;
        price = tier.unit_vnd;
    }
    total += (quantity + 1 - start).max(0) * price;
    match item.max_vnd {
        Some(max) => total.min(max),
        None => total,
    }
}

/// The number at `path` in `answers`: a number field's value, `group.field` summed over the
/// group's entries, or the number of entries of a group.
pub fn number_at(answers: &Value, path: &str) -> i64 {
    let number = |v: Option<&Value>| -> i64 {
        match v {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
            Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
            _ => 0,
        }
    };
    match path.split_once('.') {
        Some((group, field)) => answers
            .get(group)
            .and_then(Value::as_array)
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| number(e.get(field)).max(0))
                    .sum::<i64>()
            })
            .unwrap_or(0),
        None => match answers.get(path) {
            Some(Value::Array(entries)) => entries.len() as i64,
            other => number(other),
        },
    }
}

/// The quantity `item` is charged for: the desk's correction, else the item's quantity field,
/// the form's, or the portal's question, at least 1 and at most [`MAX_QUANTITY`]; 1 for a
/// fixed amount.
pub fn quantity(item: &FeeItem, form: &FormSchema, answers: &Value) -> i64 {
    if item.per.is_none() {
        return 1;
    }
    if let Some(corrected) = corrected(answers) {
        return corrected;
    }
    let path = item
        .quantity_field
        .as_deref()
        .or(form.fee_quantity_field.as_deref())
        .unwrap_or(QUANTITY_KEY);
    number_at(answers, path).clamp(1, MAX_QUANTITY)
}

/// The desk's corrected quantity, if any.
pub fn corrected(answers: &Value) -> Option<i64> {
    answers
        .get(CORRECTED_KEY)
        .and_then(Value::as_i64)
        .map(|n| n.clamp(1, MAX_QUANTITY))
}

/// The exemption the applicant claims, if the procedure grants it.
pub fn claimed<'a>(details: &'a ProcedureDetails, answers: &Value) -> Option<&'a FeeExemption> {
    let code = answers.get(EXEMPTION_KEY).and_then(Value::as_str)?;
    details.fee_exemptions.iter().find(|e| e.category == code)
}

/// The part of `fee_vnd` an exemption of `percent` waives (rounded down to the đồng, so the
/// applicant never pays more than the rule says).
pub fn reduction(fee_vnd: i64, percent: u8) -> i64 {
    fee_vnd * i64::from(percent.min(100)) / 100
}

/// True when some per-unit fee of `details` takes its quantity from the portal's question.
fn asks_quantity(details: &ProcedureDetails, form: &FormSchema) -> Option<&'static str> {
    details
        .fees
        .iter()
        .find(|f| {
            f.per.is_some() && f.quantity_field.is_none() && form.fee_quantity_field.is_none()
        })
        .and_then(|f| UNITS.iter().copied().find(|u| Some(*u) == f.per.as_deref()))
}

fn label(vi: &str, en: &str) -> Label {
    Label {
        vi: vi.to_owned(),
        en: en.to_owned(),
    }
}

/// `form` with the questions `details`' fee rules need — how many units, which exemption —
/// and, when an exemption is claimed in `answers`, the slot for its evidence.
pub fn with_fee_questions(
    mut form: FormSchema,
    details: &ProcedureDetails,
    answers: &Value,
) -> FormSchema {
    if let Some(unit) = asks_quantity(details, &form) {
        let (vi, en) = match unit {
            "copy" => ("Số bản đề nghị cấp", "Number of copies requested"),
            "page" => ("Số trang", "Number of pages"),
            _ => ("Số lượng", "Quantity"),
        };
        form.fields.push(FormField {
            key: QUANTITY_KEY.to_owned(),
            kind: FieldKind::Number,
            label: label(vi, en),
            hint: Some(label(
                "Lệ phí được tính theo số lượng này; cán bộ tiếp nhận có thể điều chỉnh nếu khác với giấy tờ nộp.",
                "The fee is computed from this number; the desk may correct it if your papers differ.",
            )),
            required: true,
            max_length: None,
            min: Some("1".to_owned()),
            max: Some(MAX_QUANTITY.to_string()),
            options: Vec::new(),
            visible_if: None,
            fields: Vec::new(),
            min_items: None,
            max_items: None,
        });
    }
    if details.fee_exemptions.is_empty() || details.fees.is_empty() {
        return form;
    }
    let mut options = vec![ChoiceOption {
        value: NO_EXEMPTION.to_owned(),
        label: label("Không thuộc diện miễn, giảm", "None of these"),
    }];
    for exemption in &details.fee_exemptions {
        let Some(c) = category(&exemption.category) else {
            continue;
        };
        let (vi, en) = if exemption.percent >= 100 {
            (
                format!("{} — miễn phí", c.label.0),
                format!("{} — no fee", c.label.1),
            )
        } else {
            (
                format!("{} — giảm {}%", c.label.0, exemption.percent),
                format!("{} — {}% off", c.label.1, exemption.percent),
            )
        };
        options.push(ChoiceOption {
            value: c.code.to_owned(),
            label: Label { vi, en },
        });
    }
    form.fields.push(FormField {
        key: EXEMPTION_KEY.to_owned(),
        kind: FieldKind::Choice,
        label: label(
            "Đối tượng miễn, giảm phí, lệ phí",
            "Fee exemption or reduction",
        ),
        hint: Some(label(
            "Nếu chọn một diện miễn, giảm, bạn sẽ nộp giấy tờ chứng minh ở bước Giấy tờ.",
            "If you choose one, you will upload its evidence at the Documents step.",
        )),
        required: true,
        max_length: None,
        min: None,
        max: None,
        options,
        visible_if: None,
        fields: Vec::new(),
        min_items: None,
        max_items: None,
    });
    if let Some(c) = claimed(details, answers).and_then(|e| category(&e.category)) {
        form.documents.push(DocumentSlot {
            key: EVIDENCE_SLOT.to_owned(),
            label: Label {
                vi: format!("Giấy tờ chứng minh thuộc diện miễn, giảm: {}", c.evidence.0),
                en: format!("Evidence for the fee exemption: {}", c.evidence.1),
            },
            hint: None,
            required: true,
            max_files: 2,
            types: vec!["pdf".to_owned(), "jpg".to_owned(), "png".to_owned()],
            max_mb: 10,
            filled_online: false,
        });
    }
    form
}

/// Problems of a procedure's fee rules, as the catalogue import reports them.
pub fn check(fees: &[FeeItem], exemptions: &[FeeExemption]) -> Vec<String> {
    let mut problems = Vec::new();
    for fee in fees {
        let name = &fee.item;
        if fee.amount_vnd < 0 {
            problems.push(format!("fee {name:?} is negative"));
        }
        if let Some(per) = &fee.per {
            if !UNITS.contains(&per.as_str()) {
                problems.push(format!(
                    "fee {name:?}: unknown unit {per:?} (copy, page or item)"
                ));
            }
        } else if !fee.tiers.is_empty() || fee.quantity_field.is_some() || fee.max_vnd.is_some() {
            problems.push(format!(
                "fee {name:?}: tiers, a quantity field or a ceiling need a unit (per)"
            ));
        }
        let mut last = 1;
        for tier in &fee.tiers {
            if tier.from <= last || tier.unit_vnd < 0 {
                problems.push(format!(
                    "fee {name:?}: tiers must start after unit 1, ascend and not be negative"
                ));
                break;
            }
            last = tier.from;
        }
        if fee.max_vnd.is_some_and(|m| m < 0) {
            problems.push(format!("fee {name:?}: the ceiling is negative"));
        }
    }
    if !exemptions.is_empty() && fees.is_empty() {
        problems.push("fee exemptions are given for a procedure without fees".to_owned());
    }
    for (i, e) in exemptions.iter().enumerate() {
        if category(&e.category).is_none() {
            problems.push(format!("fee exemption: unknown category {:?}", e.category));
        }
        if !(1..=100).contains(&e.percent) {
            problems.push(format!(
                "fee exemption {:?}: percent must be 1 to 100",
                e.category
            ));
        }
        if exemptions[..i].iter().any(|o| o.category == e.category) {
            problems.push(format!("fee exemption {:?} is given twice", e.category));
        }
    }
    problems
}
