//! One-time codes by SMS (issue #22): a mobile number is *verified* only once a code sent to it
//! came back. A mobile-only registration cannot sign in before that, and a phone-only account
//! resets its password with a code sent to its verified number.
//!
//! A code has 6 digits, lives [`CODE_MINUTES`] minutes, allows [`CODE_ATTEMPTS`] tries, and
//! works only in the browser that asked for it (its `csrf` token, hashed): a code read off
//! someone else's phone screen is useless elsewhere. Only its salted hash is stored. Sending is
//! limited per number and per address so the portal cannot be used to flood a phone.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::{get, Mailing};
use crate::audit::{self, Entry, Origin};
use crate::entities::{account, verification_code};
use crate::identity::contact;
use crate::rate_limit::{self, Limit};
use crate::{password, secrets, sessions, DomainError, DomainResult};

/// How long a code works.
pub const CODE_MINUTES: i64 = 5;
/// Wrong codes allowed before the code is given up.
pub const CODE_ATTEMPTS: i32 = 5;

/// Proving a mobile number (registration, or a number changed on the profile).
const VERIFY_PHONE: &str = "verify_phone";
/// Choosing a new password with a code sent to the verified number.
const RESET_PASSWORD_SMS: &str = "reset_password_sms";

/// Codes sent to one number: 3 per 15 minutes.
const SMS_CODE_NUMBER: Limit = Limit {
    name: "sms_code_number",
    max: 3,
    window_secs: 900,
};

fn six_digits() -> String {
    // Rejection sampling: every code equally likely.
    loop {
        let n = OsRng.next_u32();
        if n < 4_294_000_000 {
            return format!("{:06}", n % 1_000_000);
        }
    }
}

fn code_hash(id: &str, code: &str) -> String {
    secrets::fingerprint(&format!("{id}:{}", code.trim()))
}

fn invalid_code() -> DomainError {
    crate::error::invalid(
        "sms_code",
        "code_invalid",
        "the code is wrong, used or expired; ask for a new one",
    )
}

fn normalised_phone(typed: &str) -> DomainResult<String> {
    contact::mobile("phone", typed).map_err(|e| DomainError::Validation(vec![e]))
}

/// Issues a code for `purpose` to `phone` of `account`, bound to `browser`: earlier unused
/// codes of the same purpose stop working, the SMS is queued in the outbox.
async fn issue<C: ConnectionTrait>(
    db: &C,
    account: &account::Model,
    purpose: &str,
    phone: &str,
    browser: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    let now = Utc::now();
    verification_code::Entity::update_many()
        .col_expr(
            verification_code::Column::UsedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(verification_code::Column::AccountId.eq(account.id.clone()))
        .filter(verification_code::Column::Purpose.eq(purpose))
        .filter(verification_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let id = uuid::Uuid::new_v4().to_string();
    let code = six_digits();
    verification_code::Entity::insert(verification_code::ActiveModel {
        id: Set(id.clone()),
        account_id: Set(account.id.clone()),
        purpose: Set(purpose.to_owned()),
        target: Set(phone.to_owned()),
        code_hash: Set(code_hash(&id, &code)),
        browser_hash: Set(secrets::fingerprint(browser)),
        attempts: Set(0),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(CODE_MINUTES)),
        used_at: Set(None),
    })
    .exec(db)
    .await?;
    let minutes = CODE_MINUTES.to_string();
    let text = mailing.notices.text(
        if purpose == RESET_PASSWORD_SMS {
            "sms_reset_code"
        } else {
            "sms_verify_code"
        },
        &[("code", &code), ("minutes", &minutes)],
    );
    crate::outbox::queue(db, "sms", phone, &text, &text, None).await?;
    Entry::party("anonymous", "sms_code_sent")
        .on("account", account.id.clone())
        .detail(serde_json::json!({ "purpose": purpose }))
        .record(db, origin)
        .await
}

/// Checks `code` for `purpose` on `account_id` from `browser`, counting a wrong try (kept even
/// though the caller then fails, so tries cannot be reset by failing). Marks it used when right.
async fn consume(
    db: &DatabaseConnection,
    account_id: &str,
    purpose: &str,
    target: &str,
    code: &str,
    browser: &str,
) -> DomainResult<()> {
    let now = Utc::now();
    let Some(row) = verification_code::Entity::find()
        .filter(verification_code::Column::AccountId.eq(account_id))
        .filter(verification_code::Column::Purpose.eq(purpose))
        .filter(verification_code::Column::UsedAt.is_null())
        .order_by_desc(verification_code::Column::CreatedAt)
        .one(db)
        .await?
    else {
        return Err(invalid_code());
    };
    if row.expires_at <= now {
        return Err(invalid_code());
    }
    // The try is counted before the code is compared, in one guarded update: parallel guesses
    // count like sequential ones and never get more than `CODE_ATTEMPTS` in all.
    let counted = verification_code::Entity::update_many()
        .col_expr(
            verification_code::Column::Attempts,
            sea_orm::sea_query::ExprTrait::add(
                sea_orm::sea_query::Expr::col(verification_code::Column::Attempts),
                1,
            ),
        )
        .filter(verification_code::Column::Id.eq(row.id.clone()))
        .filter(verification_code::Column::UsedAt.is_null())
        .filter(verification_code::Column::Attempts.lt(CODE_ATTEMPTS))
        .exec(db)
        .await?;
    if counted.rows_affected != 1 {
        return Err(invalid_code());
    }
    let right = row.target == target
        && secrets::constant_time_eq(&row.browser_hash, &secrets::fingerprint(browser))
        && secrets::constant_time_eq(&row.code_hash, &code_hash(&row.id, code));
    if !right {
        // The last try spent: the code is given up.
        verification_code::Entity::update_many()
            .col_expr(
                verification_code::Column::UsedAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(verification_code::Column::Id.eq(row.id.clone()))
            .filter(verification_code::Column::UsedAt.is_null())
            .filter(verification_code::Column::Attempts.gte(CODE_ATTEMPTS))
            .exec(db)
            .await?;
        return Err(invalid_code());
    }
    // Only if still unused: two submissions of one code cannot both succeed.
    let result = verification_code::Entity::update_many()
        .col_expr(
            verification_code::Column::UsedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(verification_code::Column::Id.eq(row.id))
        .filter(verification_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(invalid_code());
    }
    Ok(())
}

/// Counts a code request against the number's and the address's allowance.
async fn count_request(db: &DatabaseConnection, phone: &str, origin: &Origin) -> DomainResult<()> {
    rate_limit::hit(db, Limit::SMS_CODE_IP, origin.ip.as_deref().unwrap_or("-")).await?;
    rate_limit::hit(db, SMS_CODE_NUMBER, phone).await
}

/// Sends a code to `phone_typed` when an account holds that number unverified (a mobile-only
/// registration, or a number changed on the profile). Answers the same whether or not one
/// does, so the form does not tell which numbers have accounts.
pub async fn request_phone_code(
    db: &DatabaseConnection,
    phone_typed: &str,
    browser: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    let phone = normalised_phone(phone_typed)?;
    count_request(db, &phone, origin).await?;
    let found = account::Entity::find()
        .filter(account::Column::Phone.eq(phone.clone()))
        .filter(account::Column::PhoneVerifiedAt.is_null())
        .filter(account::Column::Disabled.eq(false))
        .one(db)
        .await?;
    if let Some(account) = found {
        let txn = crate::db::begin_write(db).await?;
        issue(
            &txn,
            &account,
            VERIFY_PHONE,
            &phone,
            browser,
            origin,
            mailing,
        )
        .await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Confirms `phone_typed` with the code sent to it, in the browser that asked; returns the
/// account id. Wrong, expired, used or foreign codes all answer `code_invalid` on `sms_code`.
pub async fn confirm_phone(
    db: &DatabaseConnection,
    phone_typed: &str,
    code: &str,
    browser: &str,
    origin: &Origin,
) -> DomainResult<String> {
    let phone = normalised_phone(phone_typed)?;
    let Some(account) = account::Entity::find()
        .filter(account::Column::Phone.eq(phone.clone()))
        .one(db)
        .await?
    else {
        return Err(invalid_code());
    };
    consume(db, &account.id, VERIFY_PHONE, &phone, code, browser).await?;
    let txn = crate::db::begin_write(db).await?;
    let now = Utc::now();
    account::Entity::update(account::ActiveModel {
        id: Set(account.id.clone()),
        phone_verified_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        origin,
        Entry::own_account(&account, "verify_phone", None),
    )
    .await?;
    txn.commit().await?;
    Ok(account.id)
}

/// Sends a password-reset code when `account` has no usable e-mail address but a verified
/// mobile number (called by `request_password_reset`, which answers the same either way).
pub(crate) async fn send_reset_code(
    db: &DatabaseConnection,
    account: &account::Model,
    browser: &str,
    origin: &Origin,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    let Some(phone) = account.verified_phone().map(str::to_owned) else {
        return Ok(());
    };
    rate_limit::hit(db, SMS_CODE_NUMBER, &phone).await?;
    let txn = crate::db::begin_write(db).await?;
    issue(
        &txn,
        account,
        RESET_PASSWORD_SMS,
        &phone,
        browser,
        origin,
        mailing,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Sets a new password with the code sent by SMS to the account's verified number, in the
/// browser that asked. Ends every session and lifts a lock-out, as the e-mailed link does.
pub async fn reset_password_with_code(
    db: &DatabaseConnection,
    phone_typed: &str,
    code: &str,
    browser: &str,
    new_password: &str,
    confirmation: &str,
    origin: &Origin,
) -> DomainResult<String> {
    let phone = normalised_phone(phone_typed)?;
    let Some(account) = account::Entity::find()
        .filter(account::Column::Phone.eq(phone.clone()))
        .filter(account::Column::PhoneVerifiedAt.is_not_null())
        .one(db)
        .await?
    else {
        return Err(invalid_code());
    };
    password::check_strength("password", new_password, &phone)
        .map_err(|e| DomainError::Validation(vec![e]))?;
    if new_password != confirmation {
        return Err(crate::error::invalid(
            "password_confirmation",
            "password_mismatch",
            "the two passwords differ",
        ));
    }
    consume(db, &account.id, RESET_PASSWORD_SMS, &phone, code, browser).await?;
    let hash = password::hash_off_thread(new_password).await?;
    let txn = crate::db::begin_write(db).await?;
    let account = get(&txn, &account.id).await?;
    account::Entity::update(account::ActiveModel {
        id: Set(account.id.clone()),
        password_hash: Set(Some(hash)),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    sessions::end_all(&txn, &account.id).await?;
    super::sign_in::forget_failures(&txn, &account.id).await?;
    audit::record(
        &txn,
        origin,
        Entry::own_account(
            &account,
            "password_reset",
            Some(serde_json::json!({ "method": "sms" })),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(account.id)
}

#[cfg(test)]
mod tests {
    use super::six_digits;

    #[test]
    fn codes_have_six_digits() {
        for _ in 0..100 {
            let code = six_digits();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
