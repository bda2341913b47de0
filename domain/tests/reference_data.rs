//! Loading the seed files into a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set) and reading them back through the catalogue services.

use domain::entities::{agency, commune, procedure, province};
use domain::testing::{fresh_database, seed_dir, seeded_database, TEST_DATABASE_ENV};
use std::time::Duration;

use domain::catalogue_index::{CatalogueIndex, CatalogueQuery};
use domain::{catalogue, reference_data, DomainError};
use sea_orm::{DbBackend, EntityTrait, PaginatorTrait};
use sea_orm_migration::MigratorTrait;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

#[tokio::test]
async fn runs_on_the_backend_the_environment_names() -> TestResult {
    let db = fresh_database().await?;
    let expected = match std::env::var(TEST_DATABASE_ENV) {
        Ok(url) if url.starts_with("postgres") => DbBackend::Postgres,
        _ => DbBackend::Sqlite,
    };
    assert_eq!(db.get_database_backend(), expected);
    println!("database backend: {:?}", db.get_database_backend());
    Ok(())
}

#[tokio::test]
async fn migrations_go_down_and_up_again() -> TestResult {
    let db = fresh_database().await?;
    migrations::Migrator::down(&db, None).await?;
    assert!(
        province::Entity::find().count(&db).await.is_err(),
        "tables dropped"
    );
    migrations::Migrator::up(&db, None).await?;
    assert_eq!(province::Entity::find().count(&db).await?, 0);
    Ok(())
}

#[tokio::test]
async fn seed_loads_the_whole_map_and_is_idempotent() -> TestResult {
    let db = fresh_database().await?;
    let first = reference_data::load_seed_dir(&db, &seed_dir(), today()).await?;
    assert_eq!(first.provinces.inserted, 34);
    assert_eq!(first.communes.inserted, 3321);
    assert!(first.procedures.inserted.len() >= 200, "{first}");
    assert!(first.agencies.inserted >= 50, "{first}");
    assert_eq!(province::Entity::find().count(&db).await?, 34);
    assert_eq!(commune::Entity::find().count(&db).await?, 3321);

    let second = reference_data::load_seed_dir(&db, &seed_dir(), today()).await?;
    assert_eq!(second.provinces.unchanged, 34);
    assert_eq!(second.communes.unchanged, 3321);
    assert!(second.procedures.inserted.is_empty() && second.procedures.new_versions.is_empty());
    assert_eq!(
        second.procedures.revision, first.procedures.revision,
        "nothing changed"
    );
    assert_eq!(second.agencies.inserted + second.agencies.updated, 0);
    Ok(())
}

#[tokio::test]
async fn a_bad_row_is_reported_with_its_line_and_nothing_is_written() -> TestResult {
    let db = fresh_database().await?;
    let dir = tempfile::tempdir()?;
    domain::testing::copy_dir(&seed_dir(), dir.path())?;
    let agencies = dir.path().join("agencies.csv");
    let text = std::fs::read_to_string(&agencies)?;
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Break the agency code of the third data row (file line 4).
    let (_, rest) = lines[3].split_once(',').ok_or("no comma")?;
    lines[3] = format!("BAD-CODE,{rest}");
    std::fs::write(&agencies, lines.join("\n") + "\n")?;

    let err = reference_data::load_seed_dir(&db, dir.path(), today())
        .await
        .err()
        .ok_or("a bad file must be refused")?;
    match err {
        DomainError::Validation(fields) => {
            assert!(
                fields
                    .iter()
                    .any(|f| f.field.ends_with("agencies.csv:4") && f.message.contains("BAD-CODE")),
                "{fields:?}"
            );
        }
        other => return Err(format!("expected a validation error, got {other}").into()),
    }
    assert_eq!(province::Entity::find().count(&db).await?, 0);
    assert_eq!(agency::Entity::find().count(&db).await?, 0);
    assert_eq!(procedure::Entity::find().count(&db).await?, 0);
    Ok(())
}

#[tokio::test]
async fn search_ignores_diacritics_and_finds_common_procedures() -> TestResult {
    let db = seeded_database(today()).await?;
    let snapshot = CatalogueIndex::new(Duration::from_secs(1))
        .snapshot(&db)
        .await?;
    for (query, expected) in [
        ("khai sinh", "khai sinh"),
        ("dang ky ket hon", "kết hôn"),
        ("giay phep xay dung", "giấy phép xây dựng"),
        ("LÝ LỊCH TƯ PHÁP", "lý lịch tư pháp"),
        ("ho kinh doanh", "hộ kinh doanh"),
    ] {
        let found = snapshot.find(&CatalogueQuery {
            q: query.into(),
            page: 1,
            per_page: 5,
            ..Default::default()
        });
        assert!(
            found
                .items
                .iter()
                .any(|p| p.summary.name.to_lowercase().contains(expected)),
            "{query}: {:?}",
            found
                .items
                .iter()
                .map(|p| &p.summary.name)
                .collect::<Vec<_>>()
        );
    }
    Ok(())
}

#[tokio::test]
async fn home_figures_and_procedure_pages_come_from_the_catalogue() -> TestResult {
    let db = seeded_database(today()).await?;
    let stats = catalogue::stats(&db).await?;
    assert_eq!(stats.provinces, 34);
    assert_eq!(stats.communes, 3321);
    let popular = catalogue::popular_procedures(&db, 50).await?;
    assert!(popular.len() >= 10, "{}", popular.len());
    let page = catalogue::procedure_page(&db, &popular[0].slug).await?;
    assert_eq!(page.procedure.code, popular[0].code);
    assert!(!page.details.steps.is_empty());
    assert!(!page.details.legal_basis.is_empty());
    assert!(matches!(
        catalogue::procedure_page(&db, "khong-co-thu-tuc-nay").await,
        Err(DomainError::NotFound(_))
    ));
    Ok(())
}

/// A temporary folder with the seed's procedures.json and template forms.
fn catalogue_copy() -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::tempdir()?;
    std::fs::copy(
        seed_dir().join("procedures.json"),
        dir.path().join("procedures.json"),
    )?;
    // The files the rows refer to: template forms and online forms.
    for folder in ["templates", "forms"] {
        std::fs::create_dir(dir.path().join(folder))?;
        for entry in std::fs::read_dir(seed_dir().join(folder))? {
            let entry = entry?;
            std::fs::copy(
                entry.path(),
                dir.path().join(folder).join(entry.file_name()),
            )?;
        }
    }
    Ok(dir)
}

#[tokio::test]
async fn template_forms_are_published_and_a_changed_form_makes_new_versions() -> TestResult {
    use domain::{catalogue_files, catalogue_import};

    let db = seeded_database(today()).await?;
    let (_, birth) = catalogue::procedure_by_code(&db, "1.001193").await?;
    let form = birth
        .documents
        .iter()
        .find(|d| d.template_file.is_some())
        .ok_or("the birth registration form is published")?;
    let url = form.template_url().ok_or("a download address")?;
    assert!(url.starts_with("/mau-don/") && url.ends_with("/to-khai-dang-ky-khai-sinh.docx"));
    let sha = form.template_sha256.clone().ok_or("hash")?;
    let stored = catalogue_files::get(&db, &sha).await?;
    assert!(stored.data.starts_with(b"PK"));
    assert!(stored.content_type.contains("wordprocessingml"));
    assert_eq!(stored.size as usize, stored.data.len());

    // The receiving and processing agencies are filled in for every procedure.
    let page = catalogue::procedure_page(
        &db,
        &catalogue::procedure_by_code(&db, "TN.DATDAI.001")
            .await?
            .0
            .slug,
    )
    .await?;
    let levels: Vec<&str> = page
        .details
        .processing
        .iter()
        .map(|r| r.level.as_str())
        .collect();
    assert_eq!(
        levels,
        ["commune", "province"],
        "land registration crosses both levels"
    );
    assert_eq!(page.named_agencies.len(), 1);

    // A new edition of the form is a change of every procedure that offers it.
    let dir = catalogue_copy()?;
    let form_path = dir.path().join("templates/to-khai-dang-ky-khai-sinh.docx");
    let mut bytes = std::fs::read(&form_path)?;
    bytes.extend_from_slice(b"\n");
    std::fs::write(&form_path, &bytes)?;
    let file = dir.path().join("procedures.json");
    let report = catalogue_import::import_file(&db, &file, today(), false).await?;
    assert!(
        report.new_versions.contains(&"1.001193".to_owned()),
        "{report}"
    );
    assert!(
        report.new_versions.len() >= 2 && report.new_versions.len() < 10,
        "{report}"
    );
    let (_, birth) = catalogue::procedure_by_code(&db, "1.001193").await?;
    let new_sha = birth
        .documents
        .iter()
        .find_map(|d| d.template_sha256.clone())
        .ok_or("hash")?;
    assert_ne!(new_sha, sha);
    assert!(catalogue_files::get(&db, &new_sha).await.is_ok());
    assert!(
        catalogue_files::get(&db, &sha).await.is_ok(),
        "old versions keep their form"
    );

    // A missing form refuses the whole file, naming the row's line; nothing changes.
    std::fs::remove_file(&form_path)?;
    let revision = catalogue_import::current_revision(&db).await?;
    let Err(DomainError::Validation(errors)) =
        catalogue_import::import_file(&db, &file, today(), false).await
    else {
        panic!("a missing template form must be refused");
    };
    assert!(
        errors.iter().all(|e| e.field.contains("procedures.json:")),
        "{errors:?}"
    );
    assert!(errors
        .iter()
        .any(|e| e.message.contains("to-khai-dang-ky-khai-sinh.docx")));
    assert_eq!(catalogue_import::current_revision(&db).await?, revision);
    Ok(())
}

#[tokio::test]
async fn a_changed_procedure_gets_a_new_version_and_the_old_one_an_end_date() -> TestResult {
    use domain::catalogue_import;
    use domain::entities::procedure_version;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

    let db = seeded_database(today()).await?;
    let dir = catalogue_copy()?;
    let file = dir.path().join("procedures.json");
    let text = std::fs::read_to_string(&file)?;
    let mut rows: Vec<serde_json::Value> = serde_json::from_str(&text)?;
    let birth = rows
        .iter_mut()
        .find(|r| r["code"] == "1.001193")
        .ok_or("birth registration in the seed")?;
    birth["processing_days"] = serde_json::json!(2);
    std::fs::write(&file, serde_json::to_string_pretty(&rows)?)?;

    let later = today() + chrono::Duration::days(10);
    let dry = catalogue_import::import_file(&db, &file, later, true).await?;
    assert_eq!(dry.new_versions, vec!["1.001193".to_owned()]);
    let before = catalogue_import::current_revision(&db).await?;
    assert!(
        dry.revision > before,
        "the dry run reports the revision it would reach"
    );

    let report = catalogue_import::import_file(&db, &file, later, false).await?;
    assert_eq!(report.new_versions, vec!["1.001193".to_owned()]);
    assert!(report.inserted.is_empty());
    assert_eq!(report.unchanged, rows.len() - 1);
    assert_eq!(report.revision, before + 1);

    let versions = procedure_version::Entity::find()
        .filter(procedure_version::Column::ProcedureCode.eq("1.001193"))
        .order_by_asc(procedure_version::Column::Version)
        .all(&db)
        .await?;
    assert_eq!(versions.len(), 2);
    assert_eq!(
        versions[0].effective_to,
        Some(later - chrono::Duration::days(1))
    );
    assert_eq!(versions[1].effective_from, later);
    assert_eq!(versions[1].effective_to, None);
    let (current, _) = catalogue::procedure_by_code(&db, "1.001193").await?;
    assert_eq!((current.current_version, current.processing_days), (2, 2));

    // The same file again changes nothing.
    let again = catalogue_import::import_file(&db, &file, later, false).await?;
    assert!(again.new_versions.is_empty() && again.inserted.is_empty());
    assert_eq!(again.revision, report.revision);
    Ok(())
}

#[tokio::test]
async fn the_index_of_another_instance_sees_an_import_after_its_check_interval() -> TestResult {
    let db = seeded_database(today()).await?;
    let other_instance = CatalogueIndex::new(Duration::from_millis(0));
    let before = other_instance.snapshot(&db).await?;
    domain::catalogue_import::bump_revision(&db).await?;
    let after = other_instance.snapshot(&db).await?;
    assert_eq!(after.revision, before.revision + 1);
    Ok(())
}

#[tokio::test]
async fn a_needed_year_without_holidays_is_named() -> TestResult {
    use domain::holidays::years_missing;
    let db = seeded_database(today()).await?;
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    // The seed enters 2025, 2026 and 2027: in November 2026 both years needed are there.
    assert_eq!(
        years_missing(&db, date(2026, 11, 23)).await?,
        Vec::<i32>::new()
    );
    // Until September only this year is needed; from October the next one is too.
    assert_eq!(
        years_missing(&db, date(2027, 9, 30)).await?,
        Vec::<i32>::new()
    );
    assert_eq!(years_missing(&db, date(2027, 10, 1)).await?, vec![2028]);
    assert_eq!(years_missing(&db, date(2029, 3, 2)).await?, vec![2029]);
    // A make-up working day alone is not a calendar.
    use sea_orm::ActiveValue::Set;
    domain::entities::holiday::Entity::insert(domain::entities::holiday::ActiveModel {
        day: Set(date(2029, 4, 28)),
        scope: Set(String::new()),
        kind: Set("working_day".into()),
        name: Set("Làm bù".into()),
    })
    .exec_without_returning(&db)
    .await?;
    assert_eq!(years_missing(&db, date(2029, 3, 2)).await?, vec![2029]);
    // Nor is one province's holiday.
    domain::entities::holiday::Entity::insert(domain::entities::holiday::ActiveModel {
        day: Set(date(2029, 4, 30)),
        scope: Set("80".into()),
        kind: Set("holiday".into()),
        name: Set("Ngày lễ của tỉnh".into()),
    })
    .exec_without_returning(&db)
    .await?;
    assert_eq!(years_missing(&db, date(2029, 3, 2)).await?, vec![2029]);
    Ok(())
}

#[tokio::test]
async fn a_holiday_of_one_province_or_agency_closes_only_its_offices() -> TestResult {
    use domain::access::Role;
    use domain::dossiers::deadlines::Clock;
    let db =
        seeded_database(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()).await?;
    let admin = domain::testing::staff(&db, "Quản trị", "000.00.01.H53", &[Role::SystemAdmin])
        .await
        .map_err(|e| e.to_string())?;
    let origin = domain::testing::origin();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap_or_default();
    let (commune, centre) = ("000.01.50.H53", "000.00.02.H53");
    for code in [commune, centre] {
        assert!(Clock::for_agency(&db, code)
            .await?
            .end_of_day(day)
            .is_some());
    }
    // A commune's own day off: only that commune's clock skips it.
    domain::holidays::save(
        &db,
        &admin,
        &origin,
        day,
        "holiday",
        "Lễ hội địa phương",
        commune,
    )
    .await?;
    assert!(Clock::for_agency(&db, commune)
        .await?
        .end_of_day(day)
        .is_none());
    assert!(Clock::for_agency(&db, centre)
        .await?
        .end_of_day(day)
        .is_some());
    // A province's day off closes every agency of the province.
    let next = day.succ_opt().unwrap_or_default();
    domain::holidays::save(&db, &admin, &origin, next, "holiday", "Ngày của tỉnh", "80").await?;
    for code in [commune, centre] {
        assert!(Clock::for_agency(&db, code)
            .await?
            .end_of_day(next)
            .is_none());
    }
    // A scope that is no province or agency is refused, naming the field.
    let refused = domain::holidays::save(&db, &admin, &origin, day, "holiday", "X", "99999").await;
    let fields: Vec<String> = match refused {
        Err(domain::DomainError::Validation(f)) => f.into_iter().map(|f| f.code).collect(),
        other => return Err(format!("{other:?}").into()),
    };
    assert_eq!(fields, ["holiday_scope"]);
    // Removing the commune's day opens it again.
    domain::holidays::remove(&db, &admin, &origin, day, commune).await?;
    assert!(Clock::for_agency(&db, commune)
        .await?
        .end_of_day(day)
        .is_some());
    Ok(())
}

#[tokio::test]
async fn a_years_calendar_is_imported_from_a_file_replacing_that_years_national_days() -> TestResult
{
    use domain::access::Role;
    use domain::dossiers::deadlines::Clock;
    let db =
        seeded_database(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()).await?;
    let admin = domain::testing::staff(&db, "Quản trị", "000.00.01.H53", &[Role::SystemAdmin])
        .await
        .map_err(|e| e.to_string())?;
    let origin = domain::testing::origin();
    let date = |m, d| chrono::NaiveDate::from_ymd_opt(2027, m, d).unwrap_or_default();
    // A commune's own day is kept whatever the national file says.
    domain::holidays::save(
        &db,
        &admin,
        &origin,
        date(3, 3),
        "holiday",
        "Lễ hội",
        "000.01.50.H53",
    )
    .await?;
    // Tết Đinh Mùi: 6 February 2027 is Lunar New Year's Day.
    let file = "date,kind,name\n\
                2027-01-01,holiday,Tết Dương lịch\n\
                2027-02-04,half_day,Chiều 28 Tết\n\
                2027-02-05,holiday,Tết Nguyên đán Đinh Mùi\n\
                2027-02-08,holiday,Tết Nguyên đán Đinh Mùi\n\
                2027-02-20,working_day,Làm bù\n";
    assert_eq!(
        domain::holidays::import_year(&db, &admin, &origin, file).await?,
        (2027, 5)
    );
    let kept: Vec<(chrono::NaiveDate, String)> = domain::holidays::list(&db)
        .await?
        .into_iter()
        .filter(|h| h.day >= date(1, 1) && h.day <= date(12, 31))
        .map(|h| (h.day, h.scope))
        .collect();
    assert_eq!(
        kept.len(),
        6,
        "the file's five and the commune's own: {kept:?}"
    );
    assert!(kept.contains(&(date(3, 3), "000.01.50.H53".to_owned())));
    let clock = Clock::for_agency(&db, "000.00.02.H53").await?;
    assert!(clock.end_of_day(date(2, 5)).is_none());
    assert!(
        clock.end_of_day(date(2, 20)).is_some(),
        "the make-up Saturday"
    );
    // A province's file (with a scope column) replaces that province's days of the year and
    // leaves the national ones and the commune's alone; the commune's clock follows it.
    let province_file = "date,kind,scope,name\n\
                         2027-04-29,holiday,80,Nghỉ bù lễ hội của tỉnh\n\
                         2027-06-01,half_day,80,Chiều Ngày hội văn hóa\n";
    assert_eq!(
        domain::holidays::import_year(&db, &admin, &origin, province_file).await?,
        (2027, 2)
    );
    let again = "date,kind,scope,name\n2027-06-01,half_day,80,Chiều Ngày hội văn hóa\n";
    domain::holidays::import_year(&db, &admin, &origin, again).await?;
    let scopes: Vec<(chrono::NaiveDate, String)> = domain::holidays::list(&db)
        .await?
        .into_iter()
        .filter(|h| h.day >= date(1, 1) && h.day <= date(12, 31))
        .map(|h| (h.day, h.scope))
        .collect();
    assert_eq!(
        scopes.len(),
        7,
        "five national, the commune's, the province's last: {scopes:?}"
    );
    assert!(scopes.contains(&(date(6, 1), "80".to_owned())));
    assert!(
        !scopes.contains(&(date(4, 29), "80".to_owned())),
        "replaced"
    );
    let commune = Clock::for_agency(&db, "000.01.50.H53").await?;
    let closes = |d| {
        commune.end_of_day(d).map(|t| {
            t.with_timezone(&domain::dossiers::codes::vietnam())
                .format("%H:%M")
                .to_string()
        })
    };
    assert_eq!(
        closes(date(6, 1)).as_deref(),
        Some("11:30"),
        "the province's half day"
    );
    assert_eq!(closes(date(6, 2)).as_deref(), Some("17:00"));
    // Refusals name the file's problem; nothing changes.
    let codes = |r: domain::DomainResult<(i32, usize)>| match r {
        Err(DomainError::Validation(f)) => f.into_iter().map(|f| f.code).collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    let two_years = "date,kind,name\n2027-01-01,holiday,A\n2028-01-01,holiday,B\n";
    assert_eq!(
        codes(domain::holidays::import_year(&db, &admin, &origin, two_years).await),
        ["holiday_file_years"]
    );
    assert_eq!(
        codes(domain::holidays::import_year(&db, &admin, &origin, "date,kind,name\n").await),
        ["holiday_file_empty"]
    );
    assert_eq!(
        codes(domain::holidays::import_year(&db, &admin, &origin, "ngay,loai\n1,2\n").await),
        ["holiday_file"]
    );
    let unknown = "date,kind,scope,name\n2027-05-02,holiday,99,Không có tỉnh này\n";
    assert_eq!(
        codes(domain::holidays::import_year(&db, &admin, &origin, unknown).await),
        ["holiday_file_scope"]
    );
    // Only system administrators import.
    let clerk = domain::testing::staff(&db, "Tiếp nhận", "000.00.02.H53", &[Role::IntakeClerk])
        .await
        .map_err(|e| e.to_string())?;
    assert!(matches!(
        domain::holidays::import_year(&db, &clerk, &origin, file).await,
        Err(DomainError::Forbidden(_))
    ));
    Ok(())
}
