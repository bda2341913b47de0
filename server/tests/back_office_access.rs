//! The back office's access matrix: one dossier walks the whole journey across three agencies
//! (received by the public administration centre, processed by the Department of Justice,
//! transferred to a commune People's Committee and back, approved, returned), and at every
//! stage every demo staff member, the owner, another citizen and an anonymous caller are checked
//! through the JSON API and through the server functions: who may read it, which actions each
//! is offered, and that every other action is refused with the right status and changes
//! nothing. The expected answers come from the tables written below from DOMAIN.md and the
//! issue, independently of `domain::dossiers::lifecycle`.

mod common;

use domain::services::Services;
use domain::testing::services;
use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::Utc;
use common::browser::Browser;
use common::TestApp;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Public administration centre: the desk that receives TN.CONGCHUNG.001.
const DESK: &str = "000.00.02.H53";
/// Department of Justice: processes it.
const JUSTICE: &str = "000.00.04.H53";
/// Phường Tân Ninh People's Committee: takes a part by transfer.
const COMMUNE: &str = "000.01.50.H53";

const ACTIONS: [&str; 14] = [
    "accept",
    "request_supplement",
    "refuse",
    "supply",
    "assign",
    "forward",
    "send_back",
    "transfer",
    "transfer_back",
    "approve",
    "stop",
    "withdraw",
    "apologise",
    "return",
];

/// Where the dossier is at one stage of the journey.
#[derive(Clone, Debug)]
struct Stage {
    name: &'static str,
    status: &'static str,
    holding: &'static str,
    /// Agencies that have had a part so far (they may read it).
    involved: Vec<&'static str>,
    /// Current step: 0 specialist review, 1 leader approval.
    step: usize,
    transferred: bool,
}

/// Statuses each action leaves from (DOMAIN.md's lifecycle).
fn exists_from(action: &str, status: &str) -> bool {
    let from: &[&str] = match action {
        "accept" | "refuse" => &["submitted"],
        "request_supplement" => &["submitted", "processing"],
        "supply" => &["supplement_requested"],
        "assign" => &["accepted", "processing"],
        "forward" | "send_back" | "transfer" | "transfer_back" | "approve" => &["processing"],
        "stop" => &[
            "accepted",
            "processing",
            "supplement_requested",
            "awaiting_payment",
        ],
        "withdraw" => &[
            "submitted",
            "accepted",
            "processing",
            "supplement_requested",
            "awaiting_payment",
        ],
        "apologise" => &["accepted", "processing", "supplement_requested"],
        "return" => &["processed"],
        _ => &[],
    };
    from.contains(&status)
}

/// Roles (held in the agency holding the dossier) that may take an action.
fn role_may(action: &str, status: &str, roles: &[&str]) -> bool {
    let any = |wanted: &[&str]| roles.iter().any(|r| wanted.contains(r));
    match action {
        "accept" | "refuse" | "return" => any(&["intake_clerk"]),
        "request_supplement" if status == "submitted" => any(&["intake_clerk"]),
        "request_supplement" => any(&["specialist", "leader"]),
        "supply" => any(&["intake_clerk"]),
        // The desk hands the dossier to a specialist (issue 27).
        "assign" => any(&["intake_clerk", "specialist", "leader"]),
        "forward" | "send_back" | "transfer" | "transfer_back" => any(&["specialist", "leader"]),
        "approve" | "stop" => any(&["leader"]),
        "apologise" => any(&["specialist", "leader"]),
        _ => false, // withdraw: the owner only
    }
}

/// True when an action fits the dossier's place in the two-step workflow.
fn fits(action: &str, stage: &Stage) -> bool {
    match action {
        "forward" => !stage.transferred && stage.step == 0,
        "send_back" => !stage.transferred && stage.step > 0,
        "transfer" => !stage.transferred,
        "transfer_back" => stage.transferred,
        "approve" => !stage.transferred && stage.step == 1,
        _ => true,
    }
}

fn reads_dossiers(roles: &[&str]) -> bool {
    roles
        .iter()
        .any(|r| ["intake_clerk", "specialist", "leader"].contains(r))
}

/// The actions a staff member of `agency` with `roles` is offered at `stage`.
fn offered(stage: &Stage, agency: &str, roles: &[&str]) -> BTreeSet<String> {
    if agency != stage.holding {
        return BTreeSet::new();
    }
    ACTIONS
        .iter()
        .filter(|a| {
            exists_from(a, stage.status) && role_may(a, stage.status, roles) && fits(a, stage)
        })
        .map(|a| (*a).to_owned())
        .collect()
}

/// The status a refused action gets: 404 when the caller may not read the dossier, 409 when the
/// action does not exist from the status, 403 without the role, 400 when it does not fit the
/// workflow's place.
fn refusal(stage: &Stage, agency: &str, roles: &[&str], action: &str) -> StatusCode {
    let visible = reads_dossiers(roles) && stage.involved.contains(&agency);
    if !visible {
        StatusCode::NOT_FOUND
    } else if !exists_from(action, stage.status) {
        StatusCode::CONFLICT
    } else if agency != stage.holding || !role_may(action, stage.status, roles) {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::BAD_REQUEST
    }
}

async fn call(
    b: &mut Browser<'_>,
    method: Method,
    uri: &str,
    body: Option<Value>,
) -> Result<(StatusCode, Value), Box<dyn std::error::Error>> {
    let csrf = b.cookies.get("csrf").cloned().unwrap_or_default();
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::COOKIE, b.cookie_header())
        .header("x-csrf-token", csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.map_or_else(Body::empty, |v| Body::from(v.to_string())))?;
    let answer = b.send(request).await?;
    let value = serde_json::from_str(&answer.body).unwrap_or(Value::Null);
    Ok((answer.status, value))
}

/// The move that leads to the next stage: action, who takes it, the request body.
type Move = (&'static str, &'static str, Value);

struct Member {
    email: String,
    agency: String,
    roles: Vec<String>,
}

/// A citizen with a complete profile (`nhung{n}@example.vn`) who can sign in with `password`.
async fn citizen_with_password(
    app: &TestApp,
    n: u32,
    password: &str,
) -> Result<domain::access::Actor, Box<dyn std::error::Error>> {
    let actor = domain::testing::citizen(&app.db, n)
        .await
        .map_err(|e| e.to_string())?;
    domain::entities::account::Entity::update(domain::entities::account::ActiveModel {
        id: Set(actor.account_id().ok_or("account")?.to_owned()),
        password_hash: Set(Some(domain::password::hash(password)?)),
        email_verified_at: Set(Some(Utc::now())),
        ..Default::default()
    })
    .exec(&app.db)
    .await?;
    Ok(actor)
}

#[tokio::test]
async fn access_matrix_of_staff_actions_across_agencies_and_transfers() -> TestResult {
    let app = TestApp::with_accounts().await?;
    let file: Value = serde_json::from_str(&std::fs::read_to_string(
        domain::testing::seed_dir().join("demo/accounts.json"),
    )?)?;
    let password = file["password"].as_str().ok_or("password")?.to_owned();
    let members: Vec<Member> = file["staff"]
        .as_array()
        .ok_or("staff")?
        .iter()
        .map(|s| Member {
            email: s["email"].as_str().unwrap_or_default().to_owned(),
            agency: s["agency_code"].as_str().unwrap_or_default().to_owned(),
            roles: s["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect(),
        })
        .collect();
    assert_eq!(members.len(), 12, "with the desk's leader (issue 27)");
    let mut browsers = Vec::new();
    for m in &members {
        let mut b = Browser::new(&app);
        b.sign_in(&m.email, &password).await?;
        assert!(b.cookies.contains_key("sid"), "{} signed in", m.email);
        browsers.push(b);
    }
    // The owner and another citizen: complete profiles, with a password, signed in.
    let owner_actor = citizen_with_password(&app, 8, &password).await?;
    let mut owner = Browser::new(&app);
    owner.sign_in("nhung8@example.vn", &password).await?;
    assert!(owner.cookies.contains_key("sid"), "the owner signed in");
    let id = domain::testing::complete_draft_of(&app.db, &owner_actor, "TN.CONGCHUNG.001")
        .await
        .map_err(|e| e.to_string())?;
    let mailing = domain::accounts::Mailing {
        base_url: "http://127.0.0.1",
        notices: &app::notices::PortalNotices,
    };
    let filed = domain::dossiers::submission::submit(
        Services {
            mailing,
            ..services(&app.db, Utc::now())
        },
        &owner_actor,
        &id,
        true,
    )
    .await?;
    citizen_with_password(&app, 7, &password).await?;
    let mut stranger = Browser::new(&app);
    stranger.sign_in("nhung7@example.vn", &password).await?;
    assert!(
        stranger.cookies.contains_key("sid"),
        "the other citizen signed in"
    );
    let mut anonymous = Browser::new(&app);

    let who = |email: &str| members.iter().position(|m| m.email == email);
    // The journey: (stage reached, the move that leads to the next stage, by whom, with what).
    let journey: Vec<(Stage, Option<Move>)> = vec![
        (
            Stage {
                name: "filed",
                status: "submitted",
                holding: DESK,
                involved: vec![DESK],
                step: 0,
                transferred: false,
            },
            Some(("accept", "tiepnhan.hcc@dichvucong.localhost", json!({}))),
        ),
        (
            Stage {
                name: "accepted",
                status: "accepted",
                holding: JUSTICE,
                involved: vec![DESK, JUSTICE],
                step: 0,
                transferred: false,
            },
            Some((
                "assign",
                "chuyenvien.tuphap@dichvucong.localhost",
                json!({}),
            )),
        ),
        (
            Stage {
                name: "assigned",
                status: "processing",
                holding: JUSTICE,
                involved: vec![DESK, JUSTICE],
                step: 0,
                transferred: false,
            },
            Some((
                "transfer",
                "chuyenvien.tuphap@dichvucong.localhost",
                json!({"target_agency": COMMUNE, "internal_note": "Xác minh nơi cư trú"}),
            )),
        ),
        (
            Stage {
                name: "transferred to the commune",
                status: "processing",
                holding: COMMUNE,
                involved: vec![DESK, JUSTICE, COMMUNE],
                step: 0,
                transferred: true,
            },
            Some((
                "transfer_back",
                "chuyenvien.tanninh@dichvucong.localhost",
                json!({"internal_note": "Đã xác minh"}),
            )),
        ),
        (
            Stage {
                name: "back at the department",
                status: "processing",
                holding: JUSTICE,
                involved: vec![DESK, JUSTICE, COMMUNE],
                step: 0,
                transferred: false,
            },
            Some((
                "forward",
                "chuyenvien.tuphap@dichvucong.localhost",
                json!({}),
            )),
        ),
        (
            Stage {
                name: "at the leader's approval",
                status: "processing",
                holding: JUSTICE,
                involved: vec![DESK, JUSTICE, COMMUNE],
                step: 1,
                transferred: false,
            },
            Some(("approve", "lanhdao.tuphap@dichvucong.localhost", json!({}))),
        ),
        (
            Stage {
                name: "processed",
                status: "processed",
                holding: DESK,
                involved: vec![DESK, JUSTICE, COMMUNE],
                step: 1,
                transferred: false,
            },
            Some(("return", "tiepnhan.hcc@dichvucong.localhost", json!({}))),
        ),
        (
            Stage {
                name: "returned",
                status: "returned",
                holding: DESK,
                involved: vec![DESK, JUSTICE, COMMUNE],
                step: 1,
                transferred: false,
            },
            None,
        ),
    ];

    let uri = format!("/api/v1/staff/dossiers/{id}");
    let mut checked = 0;
    for (stage, next) in &journey {
        let before = domain::dossiers::drafts::load_for_tests(&app.db, &id)
            .await?
            .dossier
            .revision;
        for (m, b) in members.iter().zip(browsers.iter_mut()) {
            let roles: Vec<&str> = m.roles.iter().map(String::as_str).collect();
            let visible = reads_dossiers(&roles) && stage.involved.contains(&m.agency.as_str());
            let context = format!("{} at stage {:?} ({:?})", m.email, stage.name, roles);

            // Reading, through the API and the server function.
            let (status, body) = call(b, Method::GET, &uri, None).await?;
            let want = if visible {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(status, want, "API read by {context}: {body}");
            let sf = b
                .post("/api/ui/staff_dossier", &[("id", id.as_str())])
                .await?;
            assert_eq!(
                sf.status.is_success(),
                visible,
                "server fn read by {context}: {} {}",
                sf.status,
                sf.body
            );
            let expected = offered(stage, &m.agency, &roles);
            if visible {
                assert_eq!(body["status"], stage.status, "{context}");
                assert_eq!(body["holding_agency"], stage.holding, "{context}");
                let actions: BTreeSet<String> = body["actions"]
                    .as_array()
                    .ok_or("actions")?
                    .iter()
                    .filter_map(|a| a.as_str().map(str::to_owned))
                    .collect();
                assert_eq!(actions, expected, "API actions offered to {context}");
                let view: Value = serde_json::from_str(&sf.body)?;
                let ui_actions: BTreeSet<String> = view["actions"]
                    .as_array()
                    .ok_or("server fn actions")?
                    .iter()
                    .filter_map(|a| a.as_str().map(str::to_owned))
                    .collect();
                assert_eq!(ui_actions, expected, "page actions offered to {context}");
                // Internal notes are for staff of every agency with a part.
                if stage.involved.contains(&COMMUNE) {
                    assert!(
                        body.to_string().contains("Xác minh nơi cư trú"),
                        "{context}"
                    );
                }
            }
            // Search in the queue finds it exactly for the agencies with a part.
            let code = filed.code.as_str();
            let (status, page) = call(
                b,
                Method::GET,
                &format!("/api/v1/staff/queue?q={code}"),
                None,
            )
            .await?;
            if reads_dossiers(&roles) {
                assert_eq!(status, StatusCode::OK, "queue search by {context}");
                assert_eq!(
                    page["total"],
                    u64::from(visible),
                    "queue search by {context}"
                );
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "queue search by {context}");
            }
            // Every action not offered is refused, with the status that says why.
            for action in ACTIONS.iter().filter(|a| !expected.contains(**a)) {
                let (status, body) = call(
                    b,
                    Method::POST,
                    &format!("/api/v1/staff/dossiers/{id}/actions/{action}"),
                    Some(json!({})),
                )
                .await?;
                assert_eq!(
                    status,
                    refusal(stage, &m.agency, &roles, action),
                    "{action} by {context}: {body}"
                );
                checked += 1;
            }
            checked += 3;
        }
        // The owner reads it as a citizen, not through the back office; strangers not at all.
        assert_eq!(
            call(&mut owner, Method::GET, &uri, None).await?.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            call(
                &mut owner,
                Method::GET,
                &format!("/api/v1/dossiers/{id}"),
                None
            )
            .await?
            .0,
            StatusCode::OK
        );
        assert_eq!(
            call(&mut stranger, Method::GET, &uri, None).await?.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            call(
                &mut stranger,
                Method::GET,
                &format!("/api/v1/dossiers/{id}"),
                None
            )
            .await?
            .0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            call(&mut anonymous, Method::GET, &uri, None).await?.0,
            StatusCode::UNAUTHORIZED
        );
        for action in ACTIONS {
            let path = format!("/api/v1/staff/dossiers/{id}/actions/{action}");
            let (status, _) = call(&mut anonymous, Method::POST, &path, Some(json!({}))).await?;
            assert!(
                matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN),
                "{action} by an anonymous caller: {status}"
            );
            let (status, body) = call(&mut stranger, Method::POST, &path, Some(json!({}))).await?;
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "{action} by another citizen: {body}"
            );
            // The owner may withdraw (not tried here: it would end the journey); nothing else.
            if action == "withdraw" && exists_from(action, stage.status) {
                continue;
            }
            let (status, body) = call(&mut owner, Method::POST, &path, Some(json!({}))).await?;
            let want = if exists_from(action, stage.status) {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::CONFLICT
            };
            assert_eq!(
                status, want,
                "{action} by the owner at {}: {body}",
                stage.name
            );
            checked += 3;
        }
        // Nothing refused changed the dossier.
        let after = domain::dossiers::drafts::load_for_tests(&app.db, &id)
            .await?
            .dossier
            .revision;
        assert_eq!(
            before, after,
            "refused actions changed nothing at {}",
            stage.name
        );

        // The move to the next stage, by the one whose turn it is.
        if let Some((action, email, body)) = next {
            let i = who(email).ok_or("journey actor")?;
            let (status, moved) = call(
                &mut browsers[i],
                Method::POST,
                &format!("/api/v1/staff/dossiers/{id}/actions/{action}"),
                Some(body.clone()),
            )
            .await?;
            assert_eq!(status, StatusCode::OK, "{action} by {email}: {moved}");
        }
    }
    assert!(checked >= 8 * 11 * 10, "checked {checked} cases");
    Ok(())
}
