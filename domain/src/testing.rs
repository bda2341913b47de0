//! Test databases: a fresh, migrated database per test, on SQLite in memory by default or on
//! PostgreSQL when `PORTAL_TEST_DATABASE_URL` points at a server (each test then gets its own
//! database, so tests run in parallel without seeing each other's rows). [`services`] starts the
//! other real servers some tests need (clamd, S3, SMTP).

pub mod services;
mod templates;

use sea_orm::{DatabaseConnection, DbErr};

/// Environment variable naming the PostgreSQL server used by the PostgreSQL test run.
pub const TEST_DATABASE_ENV: &str = "PORTAL_TEST_DATABASE_URL";

/// Opens a new, empty, migrated database for one test (a copy of a template made once).
pub async fn fresh_database() -> Result<DatabaseConnection, DbErr> {
    templates::copy_of(templates::Kind::Migrated, test_server().as_deref()).await
}

/// Opens a new database for one test, migrated and loaded with `seed/` as of `today` (a copy
/// of a template made once per date): what `fresh_database` followed by
/// `reference_data::load_seed_dir(db, &seed_dir(), today)` gives, without paying for it.
pub async fn seeded_database(today: chrono::NaiveDate) -> Result<DatabaseConnection, DbErr> {
    templates::copy_of(templates::Kind::Seeded(today), test_server().as_deref()).await
}

/// The PostgreSQL server of the PostgreSQL test run, if this is one.
fn test_server() -> Option<String> {
    std::env::var(TEST_DATABASE_ENV)
        .ok()
        .filter(|url| url.starts_with("postgres"))
}

/// Copies a folder with its subfolders (tests change a copy of the seed data).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The folder of the crate under test, read when the test runs: cargo sets it for each test
/// binary. The compile-time value can name another checkout, because cargo does not rebuild a
/// crate whose only change is its folder (CI's clean clone shares the build cache).
pub fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// The repository's `seed/` folder (tests load the real demo data); every crate is a sibling of
/// it.
pub fn seed_dir() -> std::path::PathBuf {
    manifest_dir().join("../seed")
}

/// A national-size catalogue for benchmarks: the demo procedures repeated with realistic
/// variations of their names ("… đối với tổ chức", "Cấp lại …") and codes `BENCH.NNNNN`, until
/// there are `count` rows. Deterministic, so runs compare.
pub fn synthetic_catalogue(
    seed: &[crate::catalogue_import::ProcedureRow],
    count: usize,
) -> Vec<crate::catalogue_import::ProcedureRow> {
    const QUALIFIERS: [&str; 12] = [
        "đối với tổ chức",
        "đối với cá nhân",
        "trong khu công nghiệp",
        "có yếu tố nước ngoài",
        "tại cấp xã",
        "thuộc thẩm quyền cấp tỉnh",
        "trường hợp bị mất, hư hỏng",
        "đối với hộ gia đình",
        "cho người khuyết tật",
        "trên địa bàn biên giới",
        "đối với doanh nghiệp nhỏ và vừa",
        "khi thay đổi nội dung",
    ];
    const PREFIXES: [&str; 4] = ["", "Cấp lại ", "Điều chỉnh ", "Gia hạn "];
    let mut out: Vec<_> = seed.to_vec();
    let mut k = 0usize;
    while out.len() < count && !seed.is_empty() {
        let base = &seed[k % seed.len()];
        let round = k / seed.len();
        let mut row = base.clone();
        let prefix = PREFIXES[round % PREFIXES.len()];
        let name = if prefix.is_empty() {
            base.name.clone()
        } else {
            let mut chars = base.name.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            format!("{prefix}{}{}", first.unwrap_or_default(), chars.as_str())
        };
        row.name = format!("{name} {}", QUALIFIERS[(k * 7 + round) % QUALIFIERS.len()]);
        row.code = format!("BENCH.{k:05}");
        row.popular = false;
        out.push(row);
        k += 1;
    }
    out.truncate(count);
    out
}

/// A citizen account with a complete profile in Phường Tân Ninh, Tây Ninh (`n` makes its
/// e-mail, phone and citizen ID unique).
pub async fn citizen(
    db: &DatabaseConnection,
    n: u32,
) -> Result<crate::access::Actor, Box<dyn std::error::Error + Send + Sync>> {
    use crate::entities::account;
    use sea_orm::{ActiveValue::Set, EntityTrait};
    let id = uuid::Uuid::new_v4().to_string();
    let mut a = account::ActiveModel::new_account(
        &id,
        "citizen",
        "Nguyễn Thị Hồng Nhung",
        chrono::Utc::now(),
    );
    a.email = Set(Some(format!("nhung{n}@example.vn")));
    a.phone = Set(Some(format!("09{n:08}")));
    a.citizen_id = Set(Some(format!("0721{:08}", 90_000_000 + n)));
    a.date_of_birth = Set(chrono::NaiveDate::from_ymd_opt(1990, 4, 2));
    a.province_code = Set(Some("80".into()));
    a.commune_code = Set(Some("25459".into()));
    a.street = Set(Some("12 Lê Lợi".into()));
    account::Entity::insert(a)
        .exec_without_returning(db)
        .await?;
    Ok(crate::access::Actor::Citizen {
        account_id: id,
        memberships: Vec::new(),
    })
}

/// A staff account of `agency` with `roles` (an e-mail address made from its id).
pub async fn staff(
    db: &DatabaseConnection,
    name: &str,
    agency: &str,
    roles: &[crate::access::Role],
) -> Result<crate::access::Actor, Box<dyn std::error::Error + Send + Sync>> {
    use crate::entities::account;
    use sea_orm::{ActiveValue::Set, EntityTrait};
    let id = uuid::Uuid::new_v4().to_string();
    let mut a = account::ActiveModel::new_account(&id, "staff", name, chrono::Utc::now());
    a.email = Set(Some(format!("{}@dvc.example", id.get(..8).unwrap_or("x"))));
    a.agency_code = Set(Some(agency.to_owned()));
    a.roles = Set(crate::access::Role::join(roles));
    account::Entity::insert(a)
        .exec_without_returning(db)
        .await?;
    Ok(crate::access::Actor::Staff {
        account_id: id,
        agency_code: agency.to_owned(),
        roles: roles.to_vec(),
    })
}

/// A loopback origin for audit entries made by tests.
pub fn origin() -> crate::audit::Origin {
    crate::audit::Origin {
        ip: Some("127.0.0.1".into()),
        user_agent: None,
    }
}

/// E-mail texts for tests that do not read them: every notice is "x".
pub struct BlankNotices;

impl crate::accounts::Notices for BlankNotices {
    fn render(&self, _: &crate::accounts::Notice<'_>) -> (String, String) {
        ("x".into(), "x".into())
    }
}

/// Mailing for tests that do not read the e-mails (links to `https://dvc.example`).
pub fn mailing() -> crate::accounts::Mailing<'static> {
    crate::accounts::Mailing {
        base_url: "https://dvc.example",
        notices: &BlankNotices,
    }
}

/// The services of a test on `db` at `now`: an in-memory file store shared by the process, no
/// virus scanner, [`mailing`] and a loopback [`origin`]. A test that reads its files back
/// gives its own store: `Services { files: &store, ..services(&db, now) }`.
pub fn services(
    db: &DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::services::Services<'_> {
    static FILES: std::sync::LazyLock<object_store::memory::InMemory> =
        std::sync::LazyLock::new(object_store::memory::InMemory::new);
    static ORIGIN: std::sync::LazyLock<crate::audit::Origin> = std::sync::LazyLock::new(origin);
    crate::services::Services {
        db,
        files: &*FILES,
        scanner: &crate::antivirus::NoScanner,
        mailing: mailing(),
        origin: &ORIGIN,
        now,
    }
}

/// A complete TN.ATTP.001 dossier of a new [`citizen`] `n`, filed at `now`: its owner and id.
pub async fn filed(
    db: &DatabaseConnection,
    n: u32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(crate::access::Actor, String), Box<dyn std::error::Error + Send + Sync>> {
    let me = citizen(db, n).await?;
    let id = complete_draft(db, &me).await?;
    crate::dossiers::submission::submit(services(db, now), &me, &id, true).await?;
    Ok((me, id))
}

/// Takes each `(who, transition)` in turn on dossier `id` at `now`, with no input: the moves
/// of a journey that need none (accept, assign to oneself, forward, approve, return).
pub async fn act_all(
    db: &DatabaseConnection,
    id: &str,
    moves: &[(
        &crate::access::Actor,
        crate::dossiers::lifecycle::Transition,
    )],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use crate::dossiers::processing::{self, Command};
    for (who, transition) in moves {
        processing::act(services(db, now), who, id, *transition, &Command::default()).await?;
    }
    Ok(())
}

/// A draft of the food-safety certificate (province level, received by the public
/// administration centre) with every step done and a (stored) file in every slot.
pub async fn complete_draft(
    db: &DatabaseConnection,
    actor: &crate::access::Actor,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    complete_draft_of(db, actor, "TN.ATTP.001").await
}

/// A draft of `procedure_code` with every step done (answers from [`valid_answers`], a stored
/// file in every slot, electronic return of the result).
pub async fn complete_draft_of(
    db: &DatabaseConnection,
    actor: &crate::access::Actor,
    procedure_code: &str,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let loaded = crate::dossiers::drafts::start(db, actor, &origin(), procedure_code).await?;
    let applicant = loaded.applicant();
    fill_draft(db, actor, &loaded, applicant).await
}

/// Completes every step of the started draft `loaded` (owned by `actor`) with `applicant`,
/// valid answers, a stored file in every slot and electronic return; returns its id.
pub async fn fill_draft(
    db: &DatabaseConnection,
    actor: &crate::access::Actor,
    loaded: &crate::dossiers::Loaded,
    applicant: crate::dossiers::Applicant,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    use crate::dossiers::drafts::{self, Change};
    use crate::dossiers::{Delivery, DeliveryMethod, Step};
    let today = chrono::Utc::now().date_naive();
    let id = loaded.dossier.id.clone();
    drafts::save(db, actor, &id, None, Change::Applicant(applicant), today).await?;
    drafts::save(
        db,
        actor,
        &id,
        None,
        Change::Answers(valid_answers(&loaded.form)),
        today,
    )
    .await?;
    for slot in &loaded.form.documents {
        attach_file(db, &loaded.dossier.owner_id, &id, &slot.key).await?;
    }
    drafts::save(db, actor, &id, None, Change::Documents, today).await?;
    let delivery = Delivery {
        method: DeliveryMethod::Electronic,
        ..Delivery::default()
    };
    let saved = drafts::save(db, actor, &id, None, Change::Delivery(delivery), today).await?;
    if saved.loaded.resume_step() != Step::Review {
        return Err(format!("draft not complete: {:?}", saved.problems).into());
    }
    Ok(id)
}

/// Puts a (stored) scan of `owner_id`'s into slot `slot` of dossier `dossier_id`.
pub async fn attach_file(
    db: &DatabaseConnection,
    owner_id: &str,
    dossier_id: &str,
    slot: &str,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    use crate::entities::{dossier_file, stored_file};
    use sea_orm::{ActiveValue::Set, EntityTrait};
    let file_id = uuid::Uuid::new_v4().to_string();
    stored_file::Entity::insert(stored_file::ActiveModel {
        id: Set(file_id.clone()),
        owner_id: Set(owner_id.to_owned()),
        file_name: Set("scan.pdf".into()),
        content_type: Set("application/pdf".into()),
        size: Set(1000),
        sha256: Set("0".repeat(64)),
        storage_key: Set(format!("test/{file_id}")),
        scan: Set("clean".into()),
        created_at: Set(chrono::Utc::now().fixed_offset()),
    })
    .exec_without_returning(db)
    .await?;
    dossier_file::Entity::insert(dossier_file::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        dossier_id: Set(dossier_id.to_owned()),
        slot: Set(slot.to_owned()),
        stored_file_id: Set(file_id),
        created_at: Set(chrono::Utc::now().fixed_offset()),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Answers that pass a form: the first option of each choice, sample text, valid identifiers.
pub fn valid_answers(form: &crate::forms::FormSchema) -> serde_json::Value {
    use crate::forms::{FieldKind, FormField};
    fn level(fields: &[FormField]) -> serde_json::Map<String, serde_json::Value> {
        let mut out = serde_json::Map::new();
        for f in fields {
            let v = match f.kind {
                FieldKind::Choice => serde_json::json!(f
                    .options
                    .first()
                    .map(|o| o.value.clone())
                    .unwrap_or_default()),
                FieldKind::Date => serde_json::json!("2020-01-01"),
                FieldKind::Number => serde_json::json!(f.min.clone().unwrap_or_else(|| "1".into())),
                FieldKind::Checkbox => serde_json::json!("false"),
                FieldKind::CitizenId => serde_json::json!("072090009876"),
                FieldKind::Phone => serde_json::json!("0912345678"),
                FieldKind::Email => serde_json::json!("a@example.vn"),
                FieldKind::Address => {
                    serde_json::json!({"province": "80", "commune": "25459", "street": "1 Lê Lợi"})
                }
                FieldKind::Group => serde_json::json!([level(&f.fields)]),
                _ => serde_json::json!("Nội dung"),
            };
            out.insert(f.key.clone(), v);
        }
        out
    }
    serde_json::Value::Object(level(&form.fields))
}
