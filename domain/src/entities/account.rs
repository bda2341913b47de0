//! Account (tài khoản): a citizen, a member of a business, or a staff member.

use sea_orm::entity::prelude::*;

/// One person who signs in. Citizens and business members have `kind = "citizen"`; staff have
/// `kind = "staff"`, an agency and roles. Sign-in names are the e-mail address or the phone
/// number, both stored normalised (lower-case e-mail, `0xxxxxxxxx` phone).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    /// UUID as text.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// `citizen` or `staff`.
    pub kind: String,
    /// Lower-case e-mail address.
    #[sea_orm(unique)]
    pub email: Option<String>,
    /// Mobile number in the national `0xxxxxxxxx` form.
    #[sea_orm(unique)]
    pub phone: Option<String>,
    /// When the mobile number was proven by a one-time SMS code (or came from the national
    /// identity provider). An unverified number is never a lookup factor nor sent dossier
    /// details.
    pub phone_verified_at: Option<DateTimeUtc>,
    /// Argon2id PHC string; `None` for accounts that only sign in through the national identity.
    pub password_hash: Option<String>,
    /// When the e-mail address was confirmed by its link.
    pub email_verified_at: Option<DateTimeUtc>,
    /// Full name as on the citizen ID card.
    pub full_name: String,
    /// Citizen ID (CCCD), 12 digits. Typed into a profile it is only *declared*; it is
    /// *verified* once `citizen_id_verified_at` is set (issue #22).
    #[sea_orm(unique)]
    pub citizen_id: Option<String>,
    /// When the citizen ID was verified: it came from the national identity provider's signed
    /// claims, or a desk clerk checked it against the card. `None`: only declared.
    pub citizen_id_verified_at: Option<DateTimeUtc>,
    /// Who verified it: `national_id`, or the id of the clerk's staff account.
    pub citizen_id_verified_by: Option<String>,
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// Province of the address (2025 map).
    pub province_code: Option<String>,
    /// Commune of the address (2025 map).
    pub commune_code: Option<String>,
    /// Street address (house number, street, hamlet).
    pub street: Option<String>,
    /// Subject (`sub`) at the national identity provider, once linked.
    #[sea_orm(unique)]
    pub national_id_subject: Option<String>,
    /// Staff only: the agency the member belongs to.
    pub agency_code: Option<String>,
    /// Staff only: comma-separated role codes (see `access::Role`).
    pub roles: String,
    /// Disabled by an administrator.
    pub disabled: bool,
    /// When the account was created.
    pub created_at: DateTimeUtc,
    /// Last change.
    pub updated_at: DateTimeUtc,
    /// Status changes of the citizen's dossiers go to their e-mail.
    pub notify_email: bool,
    /// … and by SMS to their phone.
    pub notify_sms: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl ActiveModel {
    /// A new account row: no password, e-mail or identifiers yet, no roles.
    /// Callers set what they know; one constructor keeps every insert complete.
    pub fn new_account(id: &str, kind: &str, full_name: &str, now: DateTimeUtc) -> ActiveModel {
        use sea_orm::ActiveValue::Set;
        ActiveModel {
            id: Set(id.to_owned()),
            kind: Set(kind.to_owned()),
            email: Set(None),
            phone: Set(None),
            phone_verified_at: Set(None),
            password_hash: Set(None),
            email_verified_at: Set(None),
            full_name: Set(full_name.to_owned()),
            citizen_id: Set(None),
            citizen_id_verified_at: Set(None),
            citizen_id_verified_by: Set(None),
            date_of_birth: Set(None),
            province_code: Set(None),
            commune_code: Set(None),
            street: Set(None),
            national_id_subject: Set(None),
            agency_code: Set(None),
            roles: Set(String::new()),
            disabled: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            notify_email: Set(true),
            notify_sms: Set(false),
        }
    }
}

impl Model {
    /// The citizen ID, only when it is verified (provider's claims or a clerk's check).
    pub fn verified_citizen_id(&self) -> Option<&str> {
        self.citizen_id
            .as_deref()
            .filter(|_| self.citizen_id_verified_at.is_some())
    }

    /// The mobile number, only when it was proven by a code.
    pub fn verified_phone(&self) -> Option<&str> {
        self.phone
            .as_deref()
            .filter(|_| self.phone_verified_at.is_some())
    }
}
