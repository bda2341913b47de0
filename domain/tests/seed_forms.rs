//! The online forms of `seed/forms/`: loaded with the seed into a real database, stored in the
//! procedure versions, valid schemas, and realistic answers pass while empty ones do not. A
//! malformed form file refuses the whole import, naming the file and the JSON path.

use std::collections::HashMap;

use domain::entities::{procedure, procedure_version};
use domain::forms::{self, FormSchema};
use domain::testing::{fresh_database, seed_dir, seeded_database};
use domain::{catalogue_import, DomainError};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// The form stored in each procedure's current version, by procedure code.
async fn current_forms(
    db: &sea_orm::DatabaseConnection,
) -> Result<HashMap<String, FormSchema>, Box<dyn std::error::Error>> {
    let current: HashMap<String, i32> = procedure::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code, p.current_version))
        .collect();
    let mut out = HashMap::new();
    for v in procedure_version::Entity::find().all(db).await? {
        if current.get(&v.procedure_code) != Some(&v.version) {
            continue;
        }
        if let Some(form) = v.content.get("form") {
            let schema: FormSchema = serde_json::from_value(form.clone())?;
            out.insert(v.procedure_code.clone(), schema);
        }
    }
    Ok(out)
}

fn error_ids(schema: &FormSchema, answers: &Value) -> Vec<String> {
    forms::validate(schema, answers, today(), &|_, _| true)
        .into_iter()
        .map(|e| e.field)
        .collect()
}

fn tay_ninh(street: &str) -> Value {
    json!({"province": "80", "commune": "25459", "street": street})
}

#[tokio::test]
async fn the_seed_forms_are_stored_with_their_procedures_and_valid() -> TestResult {
    let db = seeded_database(today()).await?;
    let forms = current_forms(&db).await?;
    assert!(
        forms.len() >= 15,
        "only {} procedures have a form",
        forms.len()
    );
    for (code, schema) in &forms {
        assert_eq!(forms::check_schema(schema), Vec::<String>::new(), "{code}");
        assert!(!schema.fields.is_empty(), "{code} has no fields");
    }
    for code in [
        "1.001193",
        "1.000894",
        "1.000656",
        "TN.LLTP.001",
        "TN.XAYDUNG.001",
    ] {
        assert!(forms.contains_key(code), "{code} has no form");
    }
    let groups = forms
        .values()
        .filter(|s| s.fields.iter().any(|f| f.kind == forms::FieldKind::Group))
        .count();
    assert!(groups >= 3, "{groups} forms with a repeatable group");
    Ok(())
}

#[tokio::test]
async fn a_complete_birth_registration_passes_and_an_empty_one_names_the_required_fields(
) -> TestResult {
    let db = seeded_database(today()).await?;
    let forms = current_forms(&db).await?;
    let schema = forms.get("1.001193").ok_or("no birth registration form")?;

    let complete = json!({
        "quan_he_voi_nguoi_duoc_khai_sinh": "me",
        "truong_hop_khai_sinh": "thong_thuong",
        "ho_ten_nguoi_duoc_khai_sinh": "Nguyễn Minh An",
        "ngay_sinh": "2026-11-02",
        "gioi_tinh": "nam",
        "dan_toc": "Kinh",
        "quoc_tich": "viet_nam",
        "noi_sinh_la": "co_so_y_te",
        "ten_co_so_y_te": "Bệnh viện Đa khoa tỉnh Tây Ninh",
        "noi_sinh": tay_ninh("Số 626 đường 30/4"),
        "que_quan": "Xã Hưng Điền, tỉnh Tây Ninh",
        "thong_tin_me": "viet_nam",
        "ho_ten_me": "Trần Thị Bích Ngọc",
        "ngay_sinh_me": "1995-03-14",
        "dan_toc_me": "Kinh",
        "so_dinh_danh_me": "072195001234",
        "noi_cu_tru_me": tay_ninh("12 Lê Lợi"),
        "thong_tin_cha": "nuoc_ngoai",
        "ho_ten_cha": "Kim Min Jun",
        "ngay_sinh_cha": "1990-07-21",
        "quoc_tich_cha": "Hàn Quốc",
        "ho_chieu_cha": "M12345678",
        "noi_cu_tru_cha_nuoc_ngoai": "12 Lê Lợi, phường Tân Ninh, tỉnh Tây Ninh",
        "so_ban_sao_trich_luc": "2"
    });
    assert_eq!(error_ids(schema, &complete), Vec::<String>::new());

    // A Vietnamese father must give his ID number and residence; a foreign one his passport.
    let mut vietnamese_father = complete.clone();
    vietnamese_father["thong_tin_cha"] = json!("viet_nam");
    let errors = error_ids(schema, &vietnamese_father);
    for id in [
        "form-dan_toc_cha",
        "form-so_dinh_danh_cha",
        "form-noi_cu_tru_cha-province",
    ] {
        assert!(errors.iter().any(|e| e == id), "{id} missing in {errors:?}");
    }
    let mut unknown_father = complete.clone();
    unknown_father["thong_tin_cha"] = json!("chua_xac_dinh");
    assert_eq!(error_ids(schema, &unknown_father), Vec::<String>::new());

    let errors = error_ids(schema, &json!({}));
    for id in [
        "form-quan_he_voi_nguoi_duoc_khai_sinh",
        "form-truong_hop_khai_sinh",
        "form-ho_ten_nguoi_duoc_khai_sinh",
        "form-ngay_sinh",
        "form-gioi_tinh",
        "form-dan_toc",
        "form-quoc_tich",
        "form-noi_sinh_la",
        "form-noi_sinh-province",
        "form-que_quan",
        "form-thong_tin_me",
        "form-thong_tin_cha",
    ] {
        assert!(errors.iter().any(|e| e == id), "{id} missing in {errors:?}");
    }
    assert!(
        !errors.iter().any(|e| e.starts_with("form-ho_ten_me")),
        "the mother's details are hidden until the mother is described: {errors:?}"
    );

    let born_tomorrow = json!({"ngay_sinh": "2026-11-24"});
    let late = forms::validate(schema, &born_tomorrow, today(), &|_, _| true);
    assert!(
        late.iter()
            .any(|e| e.field == "form-ngay_sinh" && e.code == "form_date_late"),
        "{late:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_criminal_record_request_with_its_residence_history_passes() -> TestResult {
    let db = seeded_database(today()).await?;
    let forms = current_forms(&db).await?;
    let schema = forms.get("TN.LLTP.001").ok_or("no criminal record form")?;

    let complete = json!({
        "loai_phieu": "phieu_1",
        "xac_nhan_cam_dam_nhiem": "false",
        "so_luong_phieu": "2",
        "muc_dich": "Bổ sung hồ sơ xin việc",
        "doi_tuong_phi": "1",
        "ten_goi_khac": "",
        "gioi_tinh": "nu",
        "noi_sinh": "Xã Hưng Điền, tỉnh Long An",
        "quoc_tich": "viet_nam",
        "noi_tam_tru": {"province": "", "commune": "", "street": ""},
        "ho_ten_cha": "Nguyễn Văn Hùng",
        "ho_ten_me": "Lê Thị Mai",
        "ho_ten_vo_chong": "",
        "qua_trinh_cu_tru": [
            {"tu_ngay": "2016-04-02", "den_ngay": "2020-06-30",
             "noi_cu_tru": "Xã Hưng Điền, tỉnh Long An",
             "nghe_nghiep_noi_lam_viec": "Học sinh, Trường THPT Hưng Điền"},
            {"tu_ngay": "2020-07-01", "den_ngay": "",
             "noi_cu_tru": "Phường Tân Ninh, tỉnh Tây Ninh",
             "nghe_nghiep_noi_lam_viec": "Sinh viên"}
        ],
        "da_co_an_tich": "false"
    });
    assert_eq!(error_ids(schema, &complete), Vec::<String>::new());
    assert_eq!(schema.fee_item_field.as_deref(), Some("doi_tuong_phi"));

    let errors = error_ids(schema, &json!({}));
    for id in [
        "form-loai_phieu",
        "form-so_luong_phieu",
        "form-muc_dich",
        "form-doi_tuong_phi",
        "form-gioi_tinh",
        "form-noi_sinh",
        "form-quoc_tich",
        "form-qua_trinh_cu_tru",
    ] {
        assert!(errors.iter().any(|e| e == id), "{id} missing in {errors:?}");
    }

    // An entry of the repeatable group is checked field by field.
    let mut gap = complete.clone();
    gap["qua_trinh_cu_tru"][1]["noi_cu_tru"] = json!("");
    gap["qua_trinh_cu_tru"][1]["tu_ngay"] = json!("2030-01-01");
    assert_eq!(
        error_ids(schema, &gap),
        vec![
            "form-qua_trinh_cu_tru-1-tu_ngay".to_owned(),
            "form-qua_trinh_cu_tru-1-noi_cu_tru".to_owned()
        ]
    );
    Ok(())
}

#[tokio::test]
async fn a_malformed_form_file_refuses_the_import_naming_the_file_and_path() -> TestResult {
    let db = fresh_database().await?;
    let dir = tempfile::tempdir()?;
    let seed = seed_dir();
    std::fs::copy(
        seed.join("procedures.json"),
        dir.path().join("procedures.json"),
    )?;
    domain::testing::copy_dir(&seed.join("templates"), &dir.path().join("templates"))?;
    domain::testing::copy_dir(&seed.join("forms"), &dir.path().join("forms"))?;

    let file = dir.path().join("forms").join("1.001193.json");
    let mut form: Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
    let options = form["fields"][0]["options"]
        .as_array_mut()
        .ok_or("the first field is not a choice")?;
    options.truncate(1);
    std::fs::write(&file, serde_json::to_string_pretty(&form)?)?;

    let err =
        catalogue_import::import_file(&db, &dir.path().join("procedures.json"), today(), false)
            .await
            .err()
            .ok_or("a malformed form must refuse the import")?;
    match err {
        DomainError::Validation(fields) => {
            assert!(
                fields.iter().any(|f| {
                    f.field.replace('\\', "/").ends_with("forms/1.001193.json")
                        && f.message == "fields[0]: a choice needs at least 2 options"
                }),
                "{fields:?}"
            );
        }
        other => return Err(format!("expected a validation error, got {other}").into()),
    }
    assert_eq!(procedure::Entity::find().count(&db).await?, 0);
    Ok(())
}
