//! "Who opened my dossier": every time staff open a dossier's page it is written to the audit
//! log (at most once per person per quarter of an hour, so reloading a page is one visit), next
//! to every change they make. The applicant reads those entries as agency, role and time —
//! never the staff member's name, which is theirs to keep.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::access::{Actor, Role};
use crate::audit::{Entry, Origin};
use crate::entities::{account, audit_log, dossier};
use crate::error::DomainResult;

/// Audit action of a staff member opening a dossier's page.
pub const VIEW: &str = "dossier.view";
/// Audit action of a staff member opening the result.
pub const RESULT_VIEW: &str = "dossier.result_view";

/// Records that `actor` (staff) opened dossier `row` with `action`, unless they already did
/// within the last 15 minutes.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    origin: &Origin,
    row: &dossier::Model,
    action: &str,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let Actor::Staff {
        account_id,
        agency_code,
        roles,
    } = actor
    else {
        return Ok(());
    };
    let recent = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::TargetId.eq(&row.id))
        .filter(audit_log::Column::ActorId.eq(account_id))
        .filter(audit_log::Column::At.gt(now - Duration::minutes(15)))
        .count(db)
        .await?;
    if recent > 0 {
        return Ok(());
    }
    Entry::by(db, actor, action)
        .await?
        .on("dossier", row.id.clone())
        .agency(Some(agency_code.clone()))
        .detail(serde_json::json!({ "code": row.code, "roles": Role::join(roles) }))
        .record(db, origin)
        .await
}

/// One visit or change, as the applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    /// When.
    pub at: DateTime<Utc>,
    /// The staff member's agency code.
    pub agency_code: String,
    /// Their roles then.
    pub roles: Vec<Role>,
    /// `view`, `result` or `change`.
    pub kind: &'static str,
}

/// Staff visits and changes of dossier `id`, newest first, for its owner (or anyone who may
/// read the dossier).
pub async fn for_applicant<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: &str,
) -> DomainResult<Vec<Access>> {
    let loaded = super::drafts::load_readable(db, actor, id).await?;
    let entries = audit_log::Entity::find()
        .filter(audit_log::Column::TargetType.eq("dossier"))
        .filter(audit_log::Column::TargetId.eq(id))
        .filter(audit_log::Column::Action.starts_with("dossier."))
        .filter(audit_log::Column::Outcome.eq("success"))
        .filter(audit_log::Column::ActorId.ne(loaded.dossier.owner_id.clone()))
        .order_by_desc(audit_log::Column::Id)
        .all(db)
        .await?;
    let mut staff: std::collections::HashMap<String, Option<account::Model>> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    for e in entries {
        let Some(actor_id) = e.actor_id.clone() else {
            continue;
        };
        if !staff.contains_key(&actor_id) {
            let found = account::Entity::find_by_id(actor_id.clone())
                .one(db)
                .await?;
            staff.insert(actor_id.clone(), found);
        }
        let Some(Some(who)) = staff.get(&actor_id) else {
            continue;
        };
        if who.kind != "staff" {
            continue;
        }
        let roles = e
            .detail
            .as_ref()
            .and_then(|d| d.get("roles"))
            .and_then(|r| r.as_str())
            .map_or_else(|| Role::parse_list(&who.roles), Role::parse_list);
        out.push(Access {
            at: e.at,
            agency_code: e
                .agency_code
                .clone()
                .or_else(|| who.agency_code.clone())
                .unwrap_or_default(),
            roles,
            kind: match e.action.as_str() {
                VIEW => "view",
                RESULT_VIEW => "result",
                _ => "change",
            },
        });
    }
    Ok(out)
}
