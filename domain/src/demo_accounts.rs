//! Demo accounts for development and tests (`seed/demo/accounts.json`): staff of three agencies
//! with every role, a system administrator and a verified citizen, all with one documented
//! password. Every demo agency with staff has a leader, so each demo dossier can be approved
//! (issue 27: a commune dossier never reached a result). The citizens' CCCD counts as checked by the demo desk clerk and their mobile number
//! as proven, so demos of national-identity linking and SMS notices work. Loading is
//! idempotent: accounts whose e-mail address exists are left alone.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Deserialize;

use crate::access::Role;
use crate::entities::account;
use crate::{password, DomainError, DomainResult};

#[derive(Deserialize)]
struct File {
    password: String,
    staff: Vec<Staff>,
    citizens: Vec<Citizen>,
}

#[derive(Deserialize)]
struct Staff {
    email: String,
    full_name: String,
    agency_code: String,
    roles: Vec<String>,
}

#[derive(Deserialize)]
struct Citizen {
    email: String,
    phone: String,
    full_name: String,
    citizen_id: String,
    date_of_birth: NaiveDate,
}

/// The demo intake clerk recorded as having checked the demo citizens' cards.
const DEMO_CLERK: &str = "tiepnhan.hcc@dichvucong.localhost";

/// One demo staff member, as the access-matrix tests need them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoStaff {
    /// Sign-in e-mail.
    pub email: String,
    /// Agency.
    pub agency_code: String,
    /// Roles.
    pub roles: Vec<Role>,
}

/// The demo staff and the shared password, read from the file.
pub fn read_staff(path: &Path) -> DomainResult<(Vec<DemoStaff>, String)> {
    let file = read(path)?;
    let staff = file
        .staff
        .iter()
        .map(|s| DemoStaff {
            email: s.email.clone(),
            agency_code: s.agency_code.clone(),
            roles: s.roles.iter().filter_map(|r| Role::from_code(r)).collect(),
        })
        .collect();
    Ok((staff, file.password))
}

fn read(path: &Path) -> DomainResult<File> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| DomainError::Internal(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| DomainError::Internal(format!("{}: {e}", path.display())))
}

/// Loads the demo accounts; returns how many were created.
pub async fn load(db: &DatabaseConnection, path: &Path) -> DomainResult<usize> {
    let file = read(path)?;
    let hash = password::hash(&file.password)?;
    let now = Utc::now();
    let mut created = 0;
    let blank = |id: String, email: &str, name: &str| {
        let mut row = account::ActiveModel::new_account(&id, "citizen", name, now);
        row.email = Set(Some(email.to_lowercase()));
        row.password_hash = Set(Some(hash.clone()));
        row.email_verified_at = Set(Some(now));
        row
    };
    for s in &file.staff {
        if exists(db, &s.email).await? {
            continue;
        }
        let roles: Vec<Role> = s.roles.iter().filter_map(|r| Role::from_code(r)).collect();
        let mut row = blank(uuid::Uuid::new_v4().to_string(), &s.email, &s.full_name);
        row.kind = Set("staff".into());
        row.agency_code = Set(Some(s.agency_code.clone()));
        row.roles = Set(Role::join(&roles));
        account::Entity::insert(row).exec(db).await?;
        created += 1;
    }
    let clerk = account::Entity::find()
        .filter(account::Column::Email.eq(DEMO_CLERK))
        .one(db)
        .await?
        .map(|a| a.id);
    for c in &file.citizens {
        if exists(db, &c.email).await? {
            continue;
        }
        let mut row = blank(uuid::Uuid::new_v4().to_string(), &c.email, &c.full_name);
        row.phone = Set(Some(c.phone.clone()));
        row.phone_verified_at = Set(Some(now));
        row.citizen_id = Set(Some(c.citizen_id.clone()));
        // As if the province's desk had checked the card: a verified number, so the demo
        // national identity with the same number links to this account (issue #22).
        row.citizen_id_verified_at = Set(Some(now));
        row.citizen_id_verified_by = Set(clerk.clone());
        row.date_of_birth = Set(Some(c.date_of_birth));
        account::Entity::insert(row).exec(db).await?;
        created += 1;
    }
    Ok(created)
}

async fn exists(db: &DatabaseConnection, email: &str) -> DomainResult<bool> {
    Ok(account::Entity::find()
        .filter(account::Column::Email.eq(email.to_lowercase()))
        .one(db)
        .await?
        .is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 27: in every demo agency with staff a leader can approve, and the commune has the
    /// whole chain (intake, specialist, leader), so its dossiers reach a result.
    #[test]
    fn every_demo_agency_with_staff_has_a_leader() -> DomainResult<()> {
        let path = crate::testing::seed_dir().join("demo/accounts.json");
        let (staff, password) = read_staff(&path)?;
        assert_eq!(password, "Demo@2026");
        let mut agencies: Vec<&str> = staff.iter().map(|s| s.agency_code.as_str()).collect();
        agencies.sort_unstable();
        agencies.dedup();
        for agency in agencies {
            let roles: Vec<Role> = staff
                .iter()
                .filter(|s| s.agency_code == agency)
                .flat_map(|s| s.roles.clone())
                .collect();
            assert!(roles.contains(&Role::Leader), "{agency} has no leader");
        }
        let commune: Vec<Role> = staff
            .iter()
            .filter(|s| s.agency_code == "000.01.50.H53")
            .flat_map(|s| s.roles.clone())
            .collect();
        for role in [Role::IntakeClerk, Role::Specialist, Role::Leader] {
            assert!(commune.contains(&role), "Tân Ninh lacks {role:?}");
        }
        assert!(staff.iter().any(
            |s| s.email == "lanhdao.tanninh@dichvucong.localhost" && s.roles == [Role::Leader]
        ));
        Ok(())
    }
}
