//! Issue 27, point 4, over HTTP: `/ready` warns about a workflow step nobody can take (the site
//! still serves), and the workflow editor's server function names it per step.

mod common;

use common::browser::Browser;
use common::TestApp;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// UBND phường Tân Ninh, the demo ward.
const WARD: &str = "000.01.50.H53";

fn ward_leader_gap(ready: &Value) -> bool {
    ready["warnings"].as_array().is_some_and(|w| {
        w.iter().any(|g| {
            g["kind"] == "staffing_gap"
                && g["agency"] == WARD
                && g["role"] == "leader"
                && g["procedures"]
                    .as_array()
                    .is_some_and(|p| p.iter().any(|c| c == "1.001193"))
        })
    })
}

async fn workflow_warnings(app: &TestApp) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut admin = Browser::new(app);
    let signed = admin
        .sign_in("quantri@dichvucong.localhost", "Demo@2026")
        .await?;
    assert!(signed.status.is_success(), "{}", signed.body);
    let answer = admin
        .post("/api/ui/workflow", &[("procedure_code", "1.001193")])
        .await?;
    assert!(answer.status.is_success(), "{}", answer.body);
    let view: Value = serde_json::from_str(&answer.body)?;
    Ok(view["warnings"]
        .as_array()
        .ok_or("no warnings field")?
        .iter()
        .filter_map(|w| w.as_str().map(str::to_owned))
        .collect())
}

#[tokio::test]
async fn ready_and_the_workflow_editor_warn_about_a_step_nobody_can_take() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let (status, _, body) = app.get("/ready").await?;
    assert_eq!(status, 200);
    let ready: Value = serde_json::from_str(&body)?;
    assert_eq!(ready["status"], "ready");
    assert!(ready["warnings"].is_array(), "{ready}");
    assert!(!ward_leader_gap(&ready), "{ready}");
    assert_eq!(workflow_warnings(&app).await?, Vec::<String>::new());

    // The ward's only leader is disabled: its approval step has nobody.
    let leader = domain::entities::account::Entity::find()
        .filter(domain::entities::account::Column::Email.eq("lanhdao.tanninh@dichvucong.localhost"))
        .one(&app.db)
        .await?
        .ok_or("leader")?;
    let mut row: domain::entities::account::ActiveModel = leader.into();
    row.disabled = Set(true);
    row.update(&app.db).await?;

    let (status, _, body) = app.get("/ready").await?;
    assert_eq!(
        status, 200,
        "a warning, not a failure: the site still serves"
    );
    let ready: Value = serde_json::from_str(&body)?;
    assert_eq!(ready["status"], "ready");
    assert!(ward_leader_gap(&ready), "{ready}");
    let warnings = workflow_warnings(&app).await?;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("Tân Ninh") && warnings[0].contains('2'),
        "{warnings:?}"
    );
    Ok(())
}
