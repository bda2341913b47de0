//! Who may do what: roles, actors and the one [`authorize`] function every service calls before
//! it reads or writes. The UI hides what a user may not do, but only this check decides.
//!
//! Rules (DOMAIN.md, Identity): staff act only within their own agency; citizens only on their
//! own account and on the organisations they belong to; system administrators everywhere.
//! API clients act within the scopes and the agency their token was issued for.

use crate::{DomainError, DomainResult};

/// A staff role (vai trò).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Cán bộ tiếp nhận: receives dossiers at the one-stop desk.
    IntakeClerk,
    /// Chuyên viên xử lý: processes dossiers.
    Specialist,
    /// Lãnh đạo: approves and signs results; oversees the agency's staff.
    Leader,
    /// Quản trị đơn vị: manages the agency's staff accounts.
    AgencyAdmin,
    /// Quản trị hệ thống: manages everything, including API tokens.
    SystemAdmin,
}

impl Role {
    /// Every role, in the order forms list them.
    pub const ALL: [Role; 5] = [
        Role::IntakeClerk,
        Role::Specialist,
        Role::Leader,
        Role::AgencyAdmin,
        Role::SystemAdmin,
    ];

    /// Stable code stored in the database and used in the API.
    pub fn code(self) -> &'static str {
        match self {
            Role::IntakeClerk => "intake_clerk",
            Role::Specialist => "specialist",
            Role::Leader => "leader",
            Role::AgencyAdmin => "agency_admin",
            Role::SystemAdmin => "system_admin",
        }
    }

    /// Parses a role code.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// Parses the comma-separated list stored on an account, ignoring unknown codes.
    pub fn parse_list(list: &str) -> Vec<Role> {
        let mut roles: Vec<Role> = list.split(',').filter_map(Role::from_code).collect();
        roles.sort();
        roles.dedup();
        roles
    }

    /// Formats roles for storage.
    pub fn join(roles: &[Role]) -> String {
        let mut sorted = roles.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A permission an API token can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Read staff directories.
    StaffRead,
    /// Read the audit log.
    AuditRead,
    /// Read dossiers (used from the submission issue on).
    DossiersRead,
    /// Act on dossiers (used from the back-office issue on).
    DossiersWrite,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 4] = [
        Scope::StaffRead,
        Scope::AuditRead,
        Scope::DossiersRead,
        Scope::DossiersWrite,
    ];

    /// Stable code (`staff:read`, …).
    pub fn code(self) -> &'static str {
        match self {
            Scope::StaffRead => "staff:read",
            Scope::AuditRead => "audit:read",
            Scope::DossiersRead => "dossiers:read",
            Scope::DossiersWrite => "dossiers:write",
        }
    }

    /// Parses a scope code.
    pub fn from_code(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// A membership of a citizen account in an organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    /// The organisation.
    pub organisation_id: String,
    /// True for the legal representative, who manages members.
    pub representative: bool,
}

/// Who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    /// Not signed in.
    Anonymous,
    /// A citizen, possibly acting for organisations.
    Citizen {
        /// Account id.
        account_id: String,
        /// Organisations the citizen belongs to.
        memberships: Vec<Membership>,
    },
    /// A staff member of one agency.
    Staff {
        /// Account id.
        account_id: String,
        /// The staff member's agency.
        agency_code: String,
        /// Roles held.
        roles: Vec<Role>,
    },
    /// Another system calling the API with a bearer token.
    ApiClient {
        /// Token id.
        token_id: String,
        /// Agency the token is limited to (`None`: every agency).
        agency_code: Option<String>,
        /// Scopes granted.
        scopes: Vec<Scope>,
    },
}

impl Actor {
    /// Account id of a signed-in person.
    pub fn account_id(&self) -> Option<&str> {
        match self {
            Actor::Citizen { account_id, .. } | Actor::Staff { account_id, .. } => Some(account_id),
            _ => None,
        }
    }

    /// The id written to the audit log.
    pub fn audit_id(&self) -> Option<String> {
        match self {
            Actor::Citizen { account_id, .. } | Actor::Staff { account_id, .. } => {
                Some(account_id.clone())
            }
            Actor::ApiClient { token_id, .. } => Some(format!("api:{token_id}")),
            Actor::Anonymous => None,
        }
    }

    /// True for a staff member holding `role`.
    pub fn has_role(&self, role: Role) -> bool {
        matches!(self, Actor::Staff { roles, .. } if roles.contains(&role))
    }

    fn staff_of(&self, agency: &str, role: Role) -> bool {
        matches!(self, Actor::Staff { agency_code, roles, .. }
            if agency_code == agency && roles.contains(&role))
    }

    fn api_scope(&self, scope: Scope, agency: Option<&str>) -> bool {
        match self {
            Actor::ApiClient {
                agency_code,
                scopes,
                ..
            } => {
                scopes.contains(&scope)
                    && match (agency_code, agency) {
                        (None, _) => true,
                        (Some(own), Some(asked)) => own == asked,
                        (Some(_), None) => false,
                    }
            }
            _ => false,
        }
    }
}

/// Reading or changing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See it.
    Read,
    /// Create, change or delete it.
    Manage,
}

/// What is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resource<'a> {
    /// One person's own account and profile.
    Account(&'a str),
    /// The staff accounts of an agency.
    StaffOfAgency(&'a str),
    /// One staff account of `agency`; `system_admin` when it holds the system administrator
    /// role, which only another system administrator may change or disable (an agency
    /// administrator could otherwise lock the system administrators out).
    StaffMember {
        /// The account's agency.
        agency: &'a str,
        /// True when the account is a system administrator.
        system_admin: bool,
    },
    /// The audit log of an agency (`None`: the whole log).
    AuditLog(Option<&'a str>),
    /// API tokens.
    ApiTokens,
    /// An organisation and its members.
    Organisation(&'a str),
    /// The verification of organisations' registrations: a desk clerk checks the business
    /// registration certificate and its representative's identity papers at the counter.
    OrganisationVerification,
}

/// True when `actor` may perform `action` on `resource`.
pub fn allowed(actor: &Actor, action: Action, resource: &Resource<'_>) -> bool {
    if actor.has_role(Role::SystemAdmin) {
        return true;
    }
    match resource {
        Resource::Account(id) => actor.account_id() == Some(*id),
        Resource::StaffOfAgency(agency) => match action {
            Action::Read => {
                actor.staff_of(agency, Role::AgencyAdmin)
                    || actor.staff_of(agency, Role::Leader)
                    || actor.api_scope(Scope::StaffRead, Some(agency))
            }
            Action::Manage => actor.staff_of(agency, Role::AgencyAdmin),
        },
        Resource::StaffMember {
            agency,
            system_admin,
        } => {
            allowed(actor, action, &Resource::StaffOfAgency(agency))
                && (action == Action::Read || !system_admin)
        }
        Resource::AuditLog(Some(agency)) => {
            action == Action::Read
                && (actor.staff_of(agency, Role::AgencyAdmin)
                    || actor.api_scope(Scope::AuditRead, Some(agency)))
        }
        Resource::AuditLog(None) => {
            action == Action::Read && actor.api_scope(Scope::AuditRead, None)
        }
        Resource::ApiTokens => false,
        Resource::OrganisationVerification => matches!(actor, Actor::Staff { roles, .. }
            if roles.contains(&Role::IntakeClerk)),
        Resource::Organisation(id) => match actor {
            Actor::Citizen { memberships, .. } => memberships
                .iter()
                .any(|m| m.organisation_id == *id && (action == Action::Read || m.representative)),
            _ => false,
        },
    }
}

/// Fails with `Unauthorized` for anonymous callers and `Forbidden` for others when `actor` may
/// not perform `action` on `resource`.
pub fn authorize(actor: &Actor, action: Action, resource: &Resource<'_>) -> DomainResult<()> {
    if allowed(actor, action, resource) {
        Ok(())
    } else if *actor == Actor::Anonymous {
        Err(DomainError::Unauthorized)
    } else {
        Err(DomainError::Forbidden(format!("{action:?} {resource:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(agency: &str, roles: &[Role]) -> Actor {
        Actor::Staff {
            account_id: "s".into(),
            agency_code: agency.into(),
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn roles_round_trip_through_storage() {
        let roles = [Role::Leader, Role::IntakeClerk, Role::Leader];
        let stored = Role::join(&roles);
        assert_eq!(stored, "intake_clerk,leader");
        assert_eq!(
            Role::parse_list(&stored),
            vec![Role::IntakeClerk, Role::Leader]
        );
        assert_eq!(Role::parse_list(""), vec![]);
    }

    #[test]
    fn agency_admins_manage_only_their_agency() {
        let admin = staff("A", &[Role::AgencyAdmin]);
        assert!(allowed(
            &admin,
            Action::Manage,
            &Resource::StaffOfAgency("A")
        ));
        assert!(!allowed(
            &admin,
            Action::Manage,
            &Resource::StaffOfAgency("B")
        ));
        assert!(!allowed(&admin, Action::Read, &Resource::AuditLog(None)));
        assert!(!allowed(&admin, Action::Manage, &Resource::ApiTokens));
    }

    #[test]
    fn agency_admins_do_not_manage_system_admins() {
        let admin = staff("A", &[Role::AgencyAdmin]);
        let member = |system_admin| Resource::StaffMember {
            agency: "A",
            system_admin,
        };
        assert!(allowed(&admin, Action::Manage, &member(false)));
        assert!(!allowed(&admin, Action::Manage, &member(true)));
        assert!(allowed(&admin, Action::Read, &member(true)));
        let root = staff("B", &[Role::SystemAdmin]);
        assert!(allowed(&root, Action::Manage, &member(true)));
    }

    #[test]
    fn anonymous_is_told_to_sign_in() {
        assert!(matches!(
            authorize(&Actor::Anonymous, Action::Read, &Resource::ApiTokens),
            Err(DomainError::Unauthorized)
        ));
        assert!(matches!(
            authorize(
                &staff("A", &[Role::Specialist]),
                Action::Read,
                &Resource::ApiTokens
            ),
            Err(DomainError::Forbidden(_))
        ));
    }

    #[test]
    fn api_clients_are_held_to_scope_and_agency() {
        let client = Actor::ApiClient {
            token_id: "t".into(),
            agency_code: Some("A".into()),
            scopes: vec![Scope::StaffRead],
        };
        assert!(allowed(
            &client,
            Action::Read,
            &Resource::StaffOfAgency("A")
        ));
        assert!(!allowed(
            &client,
            Action::Read,
            &Resource::StaffOfAgency("B")
        ));
        assert!(!allowed(
            &client,
            Action::Manage,
            &Resource::StaffOfAgency("A")
        ));
        assert!(!allowed(
            &client,
            Action::Read,
            &Resource::AuditLog(Some("A"))
        ));
    }
}
