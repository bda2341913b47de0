//! Every rule kind against worked examples from the fee circulars.

use serde_json::json;

use super::*;
use crate::catalogue::FeeTier;

fn item(amount: i64, per: Option<&str>) -> FeeItem {
    FeeItem {
        item: "Lệ phí".to_owned(),
        amount_vnd: amount,
        per: per.map(str::to_owned),
        quantity_field: None,
        tiers: Vec::new(),
        max_vnd: None,
    }
}

/// Chứng thực bản sao từ bản chính (Thông tư 226/2016/TT-BTC): 2.000 đồng/trang, from the
/// third page 1.000 đồng/trang, at most 200.000 đồng.
fn certified_copy() -> FeeItem {
    FeeItem {
        tiers: vec![FeeTier {
            from: 3,
            unit_vnd: 1_000,
        }],
        max_vnd: Some(200_000),
        ..item(2_000, Some("page"))
    }
}

#[test]
fn every_rule_kind_gives_the_amount_the_rule_states() {
    let three_tiers = FeeItem {
        tiers: vec![
            FeeTier {
                from: 11,
                unit_vnd: 5_000,
            },
            FeeTier {
                from: 101,
                unit_vnd: 1_000,
            },
        ],
        ..item(10_000, Some("item"))
    };
    let cases: Vec<(&str, FeeItem, i64, i64)> = vec![
        ("fixed, quantity ignored", item(50_000, None), 7, 50_000),
        ("fixed zero", item(0, None), 1, 0),
        ("per copy, one", item(8_000, Some("copy")), 1, 8_000),
        ("per copy, three", item(8_000, Some("copy")), 3, 24_000),
        ("per page, first tier only", certified_copy(), 2, 4_000),
        (
            "per page, into the second tier",
            certified_copy(),
            10,
            12_000,
        ),
        (
            "per page, ceiling reached",
            certified_copy(),
            1_000,
            200_000,
        ),
        (
            "per page, exactly at the ceiling",
            certified_copy(),
            198,
            200_000,
        ),
        (
            "per page, just under the ceiling",
            certified_copy(),
            197,
            199_000,
        ),
        (
            "per item, three tiers, first",
            three_tiers.clone(),
            10,
            100_000,
        ),
        (
            "per item, three tiers, second",
            three_tiers.clone(),
            11,
            105_000,
        ),
        (
            "per item, three tiers, third",
            three_tiers.clone(),
            150,
            600_000,
        ),
        ("per unit, nothing asked", item(8_000, Some("copy")), 0, 0),
    ];
    for (name, rule, quantity, expected) in cases {
        assert_eq!(amount(&rule, quantity), expected, "{name}");
    }
}

#[test]
fn exemptions_waive_their_share_rounded_in_the_applicants_favour() {
    let cases = [
        (24_000, 100, 24_000),
        (24_000, 50, 12_000),
        (8_001, 50, 4_000),
        (0, 100, 0),
        (10_000, 0, 0),
        (10_000, 250, 10_000),
    ];
    for (fee, percent, waived) in cases {
        assert_eq!(reduction(fee, percent), waived, "{percent}% of {fee}");
    }
}

#[test]
fn the_quantity_comes_from_the_desk_then_the_item_then_the_form_then_the_portals_question() {
    let form = FormSchema::default();
    let with_form_field = FormSchema {
        fee_quantity_field: Some("ban_sao.so_ban".to_owned()),
        ..FormSchema::default()
    };
    let own = FeeItem {
        quantity_field: Some("so_trang".to_owned()),
        ..item(2_000, Some("page"))
    };
    let listed = FeeItem {
        quantity_field: Some("thua_dat".to_owned()),
        ..item(100_000, Some("item"))
    };
    let answers = json!({
        "so_trang": "12",
        "ban_sao": [{"so_ban": "2"}, {"so_ban": 3}, {"so_ban": "x"}],
        "thua_dat": [{}, {}, {}, {}],
        QUANTITY_KEY: "4",
    });
    let corrected = json!({ QUANTITY_KEY: "4", CORRECTED_KEY: 6 });
    let (fixed, copy) = (item(5, None), item(5, Some("copy")));
    let (empty, typo) = (json!({}), json!({ QUANTITY_KEY: "99999" }));
    let cases: Vec<(&str, &FeeItem, &FormSchema, &Value, i64)> = vec![
        ("fixed fee", &fixed, &form, &answers, 1),
        ("portal's question", &copy, &form, &answers, 4),
        (
            "form's field, summed over a group",
            &copy,
            &with_form_field,
            &answers,
            5,
        ),
        (
            "item's own field wins over the form's",
            &own,
            &with_form_field,
            &answers,
            12,
        ),
        ("a group's entries counted", &listed, &form, &answers, 4),
        ("desk's correction wins", &copy, &form, &corrected, 6),
        ("nothing answered is one", &copy, &form, &empty, 1),
        ("typo guard", &copy, &form, &typo, MAX_QUANTITY),
    ];
    for (name, rule, form, answers, expected) in cases {
        assert_eq!(quantity(rule, form, answers), expected, "{name}");
    }
}

fn details(fees: Vec<FeeItem>, exemptions: Vec<FeeExemption>) -> ProcedureDetails {
    ProcedureDetails {
        fees,
        fee_exemptions: exemptions,
        ..ProcedureDetails::default()
    }
}

fn exemption(category: &str, percent: u8) -> FeeExemption {
    FeeExemption {
        category: category.to_owned(),
        percent,
        basis: None,
    }
}

#[test]
fn the_form_asks_what_the_rules_need_and_the_evidence_once_claimed() {
    let d = details(
        vec![item(8_000, Some("copy"))],
        vec![exemption("ho_ngheo", 100), exemption("nguoi_cao_tuoi", 50)],
    );
    let form = with_fee_questions(FormSchema::default(), &d, &json!({}));
    let keys: Vec<&str> = form.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, [QUANTITY_KEY, EXEMPTION_KEY]);
    let options: Vec<&str> = form.fields[1]
        .options
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(options, [NO_EXEMPTION, "ho_ngheo", "nguoi_cao_tuoi"]);
    assert!(form.fields[1].options[2].label.vi.ends_with("giảm 50%"));
    assert!(form.documents.is_empty(), "no evidence before a claim");

    let claimed = with_fee_questions(
        FormSchema::default(),
        &d,
        &json!({ EXEMPTION_KEY: "ho_ngheo" }),
    );
    let slot = claimed
        .documents
        .last()
        .map(|s| (s.key.as_str(), s.required));
    assert_eq!(slot, Some((EVIDENCE_SLOT, true)));
    let none = with_fee_questions(
        FormSchema::default(),
        &d,
        &json!({ EXEMPTION_KEY: NO_EXEMPTION }),
    );
    assert!(none.documents.is_empty());
    // A category the procedure does not grant is no claim.
    let other = with_fee_questions(
        FormSchema::default(),
        &d,
        &json!({ EXEMPTION_KEY: "nguoi_khuyet_tat" }),
    );
    assert!(other.documents.is_empty());
    assert!(claimed_of(&d, "nguoi_khuyet_tat").is_none());
    assert_eq!(
        claimed_of(&d, "nguoi_cao_tuoi").map(|e| e.percent),
        Some(50)
    );

    // A fixed fee asks no quantity; a form that asks it itself gets no second question.
    let fixed = with_fee_questions(
        FormSchema::default(),
        &details(vec![item(8_000, None)], Vec::new()),
        &json!({}),
    );
    assert!(fixed.fields.is_empty());
    let own = FormSchema {
        fee_quantity_field: Some("so_ban".to_owned()),
        ..FormSchema::default()
    };
    let own = with_fee_questions(
        own,
        &details(vec![item(8_000, Some("copy"))], Vec::new()),
        &json!({}),
    );
    assert!(own.fields.is_empty());
}

fn claimed_of<'a>(d: &'a ProcedureDetails, code: &str) -> Option<&'a FeeExemption> {
    claimed(d, &json!({ EXEMPTION_KEY: code }))
}

#[test]
fn the_import_names_each_broken_rule() {
    let bad_tiers = FeeItem {
        tiers: vec![
            FeeTier {
                from: 5,
                unit_vnd: 1,
            },
            FeeTier {
                from: 3,
                unit_vnd: 1,
            },
        ],
        ..item(2_000, Some("page"))
    };
    let cases: Vec<(Vec<FeeItem>, Vec<FeeExemption>, &str)> = vec![
        (vec![item(-1, None)], Vec::new(), "is negative"),
        (vec![item(1, Some("sheet"))], Vec::new(), "unknown unit"),
        (
            vec![FeeItem {
                max_vnd: Some(5),
                ..item(1, None)
            }],
            Vec::new(),
            "need a unit",
        ),
        (vec![bad_tiers], Vec::new(), "ascend"),
        (Vec::new(), vec![exemption("ho_ngheo", 100)], "without fees"),
        (
            vec![item(1, None)],
            vec![exemption("vip", 100)],
            "unknown category",
        ),
        (
            vec![item(1, None)],
            vec![exemption("ho_ngheo", 0)],
            "1 to 100",
        ),
        (
            vec![item(1, None)],
            vec![exemption("ho_ngheo", 100), exemption("ho_ngheo", 50)],
            "twice",
        ),
    ];
    for (fees, exemptions, expected) in cases {
        let problems = check(&fees, &exemptions);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
    }
    assert!(check(&[certified_copy()], &[exemption("tre_em_duoi_6", 100)]).is_empty());
}
