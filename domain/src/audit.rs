//! The audit log: an append-only record of who did what, when, from where, and how it ended.
//! Services write an entry in the same transaction as the change they make; administrators read
//! it through [`list`], limited to what [`crate::access`] lets them see.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::access::{authorize, Action, Actor, Resource};
use crate::entities::{account, audit_log};
use crate::DomainResult;

/// Where a request came from, recorded with each entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Client IP address.
    pub ip: Option<String>,
    /// Browser or client name.
    pub user_agent: Option<String>,
}

/// How an action ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done.
    Success,
    /// Tried and failed (wrong password, expired link…).
    Failure,
    /// Refused by access control.
    Denied,
}

impl Outcome {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }
}

/// One entry to record: built with [`Entry::by`] or [`Entry::party`] and the methods after
/// them, then written with [`Entry::record`] (or written out field by field for the odd shape).
#[derive(Clone, Debug)]
#[must_use = "nothing is written until `record`"]
pub struct Entry<'a> {
    /// Acting account or token id.
    pub actor_id: Option<String>,
    /// Readable actor name.
    pub actor_label: String,
    /// Action code (`sign_in`, `role_change`, …).
    pub action: &'a str,
    /// Kind of thing acted on.
    pub target_type: Option<&'a str>,
    /// Its id.
    pub target_id: Option<String>,
    /// Agency the action concerns.
    pub agency_code: Option<String>,
    /// Outcome.
    pub outcome: Outcome,
    /// Extra facts (never secrets).
    pub detail: Option<serde_json::Value>,
}

impl<'a> Entry<'a> {
    /// A successful `action` by `actor`: its audit id and the label [`actor_label`] looks up.
    /// No target, agency or detail until the methods below give them.
    pub async fn by<C: ConnectionTrait>(
        db: &C,
        actor: &Actor,
        action: &'a str,
    ) -> DomainResult<Entry<'a>> {
        Ok(Entry {
            actor_id: actor.audit_id(),
            actor_label: actor_label(db, actor).await?,
            ..Entry::party(String::new(), action)
        })
    }

    /// A successful `action` by someone without an account id: `anonymous` (a request before
    /// sign-in), `system` (the portal itself), a gateway.
    pub fn party(label: impl Into<String>, action: &'a str) -> Entry<'a> {
        Entry {
            actor_id: None,
            actor_label: label.into(),
            action,
            target_type: None,
            target_id: None,
            agency_code: None,
            outcome: Outcome::Success,
            detail: None,
        }
    }

    /// What was acted on: its kind (`account`, `dossier`…) and id.
    pub fn on(mut self, target_type: &'a str, target_id: impl Into<String>) -> Self {
        self.target_type = Some(target_type);
        self.target_id = Some(target_id.into());
        self
    }

    /// The agency whose administrators see the entry.
    pub fn agency(mut self, agency_code: Option<String>) -> Self {
        self.agency_code = agency_code;
        self
    }

    /// How it ended, when not a success.
    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    /// Extra facts (never secrets).
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = Some(detail);
        self
    }

    /// Appends the entry (see [`record`]).
    pub async fn record<C: ConnectionTrait>(self, db: &C, origin: &Origin) -> DomainResult<()> {
        record(db, origin, self).await
    }

    /// A successful `action` an account took on itself (signing in, confirming its phone,
    /// resetting its password): actor and target are the same account.
    pub fn own_account(
        account: &crate::entities::account::Model,
        action: &'a str,
        detail: Option<serde_json::Value>,
    ) -> Entry<'a> {
        Entry {
            actor_id: Some(account.id.clone()),
            actor_label: account.full_name.clone(),
            action,
            target_type: Some("account"),
            target_id: Some(account.id.clone()),
            agency_code: account.agency_code.clone(),
            outcome: Outcome::Success,
            detail,
        }
    }
}

/// Appends an entry.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    origin: &Origin,
    entry: Entry<'_>,
) -> DomainResult<()> {
    audit_log::Entity::insert(audit_log::ActiveModel {
        id: NotSet,
        at: Set(Utc::now()),
        actor_id: Set(entry.actor_id),
        actor_label: Set(entry.actor_label),
        action: Set(entry.action.to_owned()),
        target_type: Set(entry.target_type.map(str::to_owned)),
        target_id: Set(entry.target_id),
        agency_code: Set(entry.agency_code),
        ip: Set(origin.ip.clone()),
        outcome: Set(entry.outcome.code().to_owned()),
        detail: Set(entry.detail),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// How `actor` is named in the audit log and on the timeline: `anonymous`, `api:{token id}`,
/// or the account's full name (its id when the account is gone). One query for a person.
pub async fn actor_label<C: ConnectionTrait>(db: &C, actor: &Actor) -> DomainResult<String> {
    Ok(match actor {
        Actor::Anonymous => "anonymous".into(),
        Actor::ApiClient { token_id, .. } => format!("api:{token_id}"),
        Actor::Citizen { account_id, .. } | Actor::Staff { account_id, .. } => {
            account::Entity::find_by_id(account_id.clone())
                .one(db)
                .await?
                .map(|a| a.full_name)
                .unwrap_or_else(|| account_id.clone())
        }
    })
}

/// Filters for browsing the log.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only this agency's entries (required for agency administrators).
    pub agency_code: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only this actor.
    pub actor_id: Option<String>,
    /// Only this outcome.
    pub outcome: Option<String>,
    /// From this time.
    pub from: Option<DateTime<Utc>>,
    /// Before this time.
    pub to: Option<DateTime<Utc>>,
    /// Page, from 1.
    pub page: u64,
    /// Entries per page (at most 200).
    pub per_page: u64,
}

/// One page of entries, newest first, and the total.
#[derive(Clone, Debug)]
pub struct Page {
    /// Entries.
    pub items: Vec<audit_log::Model>,
    /// Entries matching the filter.
    pub total: u64,
}

/// Lists entries the actor may read: a system administrator everything, an agency
/// administrator (or an API client with `audit:read` for the agency) that agency's entries.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &Filter,
) -> DomainResult<Page> {
    authorize(
        actor,
        Action::Read,
        &Resource::AuditLog(filter.agency_code.as_deref()),
    )?;
    let mut query = audit_log::Entity::find();
    if let Some(agency) = &filter.agency_code {
        query = query.filter(audit_log::Column::AgencyCode.eq(agency.clone()));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_log::Column::Action.eq(action.clone()));
    }
    if let Some(actor_id) = &filter.actor_id {
        query = query.filter(audit_log::Column::ActorId.eq(actor_id.clone()));
    }
    if let Some(outcome) = &filter.outcome {
        query = query.filter(audit_log::Column::Outcome.eq(outcome.clone()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::Column::At.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_log::Column::At.lt(to));
    }
    let total = query.clone().count(db).await?;
    let per_page = filter.per_page.clamp(1, 200);
    let items = query
        .order_by_desc(audit_log::Column::Id)
        .offset((filter.page.max(1) - 1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok(Page { items, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The builder fills the same fields a hand-written entry does, and only those asked for.
    #[test]
    fn the_builder_sets_what_it_is_given() {
        let bare = Entry::party("system", "holiday.save");
        assert_eq!(
            (bare.actor_id, bare.actor_label.as_str(), bare.action),
            (None, "system", "holiday.save")
        );
        assert_eq!((bare.target_type, bare.target_id), (None, None));
        assert_eq!((bare.agency_code, bare.outcome), (None, Outcome::Success));
        assert_eq!(bare.detail, None);

        let full = Entry::party("anonymous", "sign_in_lock")
            .on("account", "a1")
            .agency(Some("STP".into()))
            .outcome(Outcome::Denied)
            .detail(serde_json::json!({ "failures": 5 }));
        assert_eq!(full.target_type, Some("account"));
        assert_eq!(full.target_id.as_deref(), Some("a1"));
        assert_eq!(full.agency_code.as_deref(), Some("STP"));
        assert_eq!(full.outcome, Outcome::Denied);
        assert_eq!(full.detail, Some(serde_json::json!({ "failures": 5 })));
    }
}
