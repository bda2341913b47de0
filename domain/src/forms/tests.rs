//! Unit tests of form schemas: checking a schema, validating answers, reading posted forms.

use super::*;
use serde_json::json;

fn schema() -> FormSchema {
    let s: Result<FormSchema, _> = serde_json::from_value(json!({
        "fields": [
            {"key": "ho_ten", "type": "text", "label": {"vi": "Họ, chữ đệm, tên", "en": "Full name"}, "required": true, "max_length": 10},
            {"key": "ngay_sinh", "type": "date", "label": {"vi": "Ngày sinh", "en": "Date of birth"}, "required": true, "max": "today"},
            {"key": "gioi_tinh", "type": "choice", "label": {"vi": "Giới tính", "en": "Sex"}, "required": true,
             "options": [{"value": "nam", "label": {"vi": "Nam", "en": "Male"}}, {"value": "nu", "label": {"vi": "Nữ", "en": "Female"}}]},
            {"key": "co_cha", "type": "checkbox", "label": {"vi": "Có thông tin người cha", "en": "Father known"}},
            {"key": "cccd_cha", "type": "citizen_id", "label": {"vi": "Số CCCD của cha", "en": "Father's ID"}, "required": true,
             "visible_if": {"field": "co_cha", "any_of": ["true"]}},
            {"key": "dia_chi", "type": "address", "label": {"vi": "Nơi cư trú", "en": "Residence"}, "required": true},
            {"key": "thanh_vien", "type": "group", "label": {"vi": "Thành viên", "en": "Members"}, "min_items": 1, "max_items": 3,
             "fields": [{"key": "ten", "type": "text", "label": {"vi": "Tên", "en": "Name"}, "required": true},
                        {"key": "tuoi", "type": "number", "label": {"vi": "Tuổi", "en": "Age"}, "min": "0", "max": "120"}]}
        ],
        "documents": [{"key": "to_khai", "label": {"vi": "Tờ khai", "en": "Form"}, "required": true}]
    }));
    s.unwrap_or_default()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}

fn rules(answers: Value) -> Vec<(String, String)> {
    validate(&schema(), &answers, today(), &|p, c| {
        p == "80" && c == "25459"
    })
    .into_iter()
    .map(|e| (e.field, e.code))
    .collect()
}

#[test]
fn the_sample_schema_is_valid() {
    assert_eq!(check_schema(&schema()), Vec::<String>::new());
    assert_eq!(schema().documents[0].types, ["pdf", "jpg", "png"]);
}

#[test]
fn an_empty_form_names_every_required_field() {
    let got = rules(json!({}));
    let fields: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "form-ho_ten",
            "form-ngay_sinh",
            "form-gioi_tinh",
            "form-dia_chi-province",
            "form-dia_chi-street",
            "form-thanh_vien"
        ]
    );
    assert_eq!(got[2].1, "form_must_choose");
}

#[test]
fn hidden_fields_are_not_required_and_shown_ones_are_checked() {
    let base = json!({"ho_ten": "An", "ngay_sinh": "2026-01-02", "gioi_tinh": "nu",
        "dia_chi": {"province": "80", "commune": "25459", "street": "12 Lê Lợi"},
        "thanh_vien": [{"ten": "Bình", "tuoi": "30"}]});
    assert_eq!(rules(base.clone()), vec![]);
    let mut with_father = base.clone();
    with_father["co_cha"] = json!("true");
    assert_eq!(
        rules(with_father.clone()),
        vec![("form-cccd_cha".to_owned(), "form_required".to_owned())]
    );
    with_father["cccd_cha"] = json!("072 1910 0123");
    assert_eq!(rules(with_father.clone())[0].1, "citizen_id_format");
    with_father["cccd_cha"] = json!("072090009876");
    assert_eq!(rules(with_father), vec![]);
}

#[test]
fn rules_of_each_kind() {
    let answers = json!({"ho_ten": "Nguyễn Văn Anh Tuấn", "ngay_sinh": "2027-01-01", "gioi_tinh": "khac",
        "dia_chi": {"province": "80", "commune": "00001", "street": "x"},
        "thanh_vien": [{"ten": "", "tuoi": "abc"}, {"ten": "C", "tuoi": "121"}]});
    let got = rules(answers);
    assert_eq!(
        got,
        vec![
            ("form-ho_ten".to_owned(), "form_too_long".to_owned()),
            ("form-ngay_sinh".to_owned(), "form_date_late".to_owned()),
            ("form-gioi_tinh".to_owned(), "form_must_choose".to_owned()),
            (
                "form-dia_chi-commune".to_owned(),
                "form_address_commune".to_owned()
            ),
            (
                "form-thanh_vien-0-ten".to_owned(),
                "form_required".to_owned()
            ),
            (
                "form-thanh_vien-0-tuoi".to_owned(),
                "form_number".to_owned()
            ),
            (
                "form-thanh_vien-1-tuoi".to_owned(),
                "form_number_range".to_owned()
            ),
        ]
    );
}

#[test]
fn posted_pairs_become_answers_and_blank_rows_are_dropped() {
    let pairs: Vec<(String, String)> = [
        ("form-ho_ten", " An "),
        ("form-co_cha", "on"),
        ("form-dia_chi-province", "80"),
        ("form-thanh_vien-0-ten", "Bình"),
        ("form-thanh_vien-0-tuoi", ""),
        ("form-thanh_vien-1-ten", ""),
        ("form-thanh_vien-1-tuoi", ""),
        ("other", "x"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let answers = answers_from_pairs(&schema(), &pairs);
    assert_eq!(answers["ho_ten"], "An");
    assert_eq!(answers["co_cha"], "true");
    assert_eq!(answers["dia_chi"]["province"], "80");
    assert_eq!(answers["thanh_vien"].as_array().map(Vec::len), Some(1));
    assert!(answers.get("other").is_none());
}

#[test]
fn labels_are_found_by_element_id() {
    let s = schema();
    assert_eq!(
        label_of(&s, "form-ho_ten").map(|l| l.vi.as_str()),
        Some("Họ, chữ đệm, tên")
    );
    assert_eq!(
        label_of(&s, "form-dia_chi-street").map(|l| l.en.as_str()),
        Some("Residence")
    );
    assert_eq!(
        label_of(&s, "form-thanh_vien-1-tuoi").map(|l| l.vi.as_str()),
        Some("Tuổi")
    );
    assert_eq!(
        label_of(&s, "form-thanh_vien").map(|l| l.vi.as_str()),
        Some("Thành viên")
    );
}

#[test]
fn malformed_schemas_are_refused_precisely() {
    let mut bad = schema();
    bad.fields[2].options.truncate(1);
    bad.fields[4].visible_if = Some(VisibleIf {
        field: "ho_ten".to_owned(),
        any_of: vec!["x".to_owned()],
    });
    bad.documents[0].types = vec!["exe".to_owned()];
    let nested = bad.fields[6].clone();
    bad.fields[6].fields.push(nested);
    let problems = check_schema(&bad);
    let joined = problems.join("\n");
    assert!(
        joined.contains("fields[2]: a choice needs at least 2 options"),
        "{joined}"
    );
    assert!(
        joined.contains(
            "fields[4].visible_if.field \"ho_ten\" must be an earlier choice or checkbox"
        ),
        "{joined}"
    );
    assert!(joined.contains("documents[0].types: \"exe\""), "{joined}");
    assert!(
        joined.contains("fields[6].fields[2]: groups cannot be nested"),
        "{joined}"
    );
    let unknown: Result<FormSchema, _> = serde_json::from_value(
        json!({"fields": [{"key": "a", "type": "txt", "label": {"vi": "a", "en": "a"}}], "documents": []}),
    );
    assert!(unknown.is_err());
}
