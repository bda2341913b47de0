//! Rating at the counter: each counter (quầy) of an agency has a tablet showing three very
//! large buttons — very satisfied, satisfied, not satisfied — that anyone served there presses
//! (`/danh-gia/quay/{counter}`). No personal data is asked or kept. The agency's administrator
//! sets counters up; each gets a secret, handed to its tablet once through a set-up link, so
//! that nobody rates a counter from elsewhere; a lost tablet's counter is turned off. A
//! counter takes at most [`KIOSK`] ratings a minute, so one person cannot flood it.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::{LEVELS, NOT_SATISFIED};
use crate::access::{Actor, Role};
use crate::audit::Entry;
use crate::entities::{rating, service_counter};
use crate::error::{invalid, DomainError, DomainResult};
use crate::rate_limit::{self, Limit};
use crate::secrets;
use crate::services::Services;

/// Ratings one counter takes per minute: a person is served in minutes, so a dozen presses a
/// minute is someone playing with the tablet.
pub const KIOSK: Limit = Limit {
    name: "kiosk_rating",
    max: 6,
    window_secs: 60,
};

/// Longest counter name.
const NAME_MAX: usize = 100;

/// A tablet's secret, typed once on it: 12 characters of a random token (72 bits) are plenty
/// for a secret that only lets one rate a counter, a few times a minute.
fn new_code() -> String {
    secrets::new_token().chars().take(12).collect()
}

/// The agency `actor` administers counters of: their own, as its administrator.
fn administered(actor: &Actor) -> DomainResult<String> {
    match actor {
        Actor::Staff {
            agency_code, roles, ..
        } if roles.contains(&Role::AgencyAdmin) => Ok(agency_code.clone()),
        Actor::Anonymous => Err(DomainError::Unauthorized),
        _ => Err(DomainError::Forbidden("counters".into())),
    }
}

/// The counters of the administrator's agency, by name.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
) -> DomainResult<Vec<service_counter::Model>> {
    let agency = administered(actor)?;
    Ok(service_counter::Entity::find()
        .filter(service_counter::Column::AgencyCode.eq(agency))
        .order_by_asc(service_counter::Column::Name)
        .all(db)
        .await?)
}

/// Sets up a counter of the administrator's agency named `name`; returns it and the secret of
/// its tablet (shown once, in the set-up link). Audited.
pub async fn create(
    services: Services<'_>,
    actor: &Actor,
    name: &str,
) -> DomainResult<(service_counter::Model, String)> {
    let agency = administered(actor)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err(invalid(
            "name",
            "counter_name",
            "name the counter (at most 100 characters)",
        ));
    }
    let token = new_code();
    let counter = service_counter::Model {
        id: uuid::Uuid::new_v4().to_string(),
        agency_code: agency.clone(),
        name: name.to_owned(),
        token_hash: secrets::fingerprint(&token),
        active: true,
        created_at: services.now.fixed_offset(),
    };
    let txn = crate::db::begin_write(services.db).await?;
    service_counter::Entity::insert(service_counter::ActiveModel::from(counter.clone()))
        .exec_without_returning(&txn)
        .await?;
    Entry::by(&txn, actor, "counter.create")
        .await?
        .on("counter", counter.id.clone())
        .agency(Some(agency))
        .detail(serde_json::json!({ "name": counter.name }))
        .record(&txn, services.origin)
        .await?;
    txn.commit().await?;
    Ok((counter, token))
}

/// Turns counter `id` of the administrator's agency off (a lost tablet) or on again, with a
/// new secret so that the lost tablet stays out: returned (shown once) when turned on.
/// Audited.
pub async fn set_active(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    active: bool,
) -> DomainResult<Option<String>> {
    let agency = administered(actor)?;
    let txn = crate::db::begin_write(services.db).await?;
    let found = service_counter::Entity::find_by_id(id.to_owned())
        .one(&txn)
        .await?
        .filter(|c| c.agency_code == agency)
        .ok_or_else(|| DomainError::NotFound(format!("counter {id}")))?;
    let mut m: service_counter::ActiveModel = found.into();
    m.active = Set(active);
    let code = active.then(new_code);
    if let Some(code) = &code {
        m.token_hash = Set(secrets::fingerprint(code));
    }
    sea_orm::ActiveModelTrait::update(m, &txn).await?;
    Entry::by(
        &txn,
        actor,
        if active { "counter.on" } else { "counter.off" },
    )
    .await?
    .on("counter", id.to_owned())
    .agency(Some(agency))
    .record(&txn, services.origin)
    .await?;
    txn.commit().await?;
    Ok(code)
}

/// Counter `id` when `secret` is its tablet's and it is on; `None` otherwise (the page then
/// says the tablet must be set up).
pub async fn kiosk<C: ConnectionTrait>(
    db: &C,
    id: &str,
    secret: &str,
) -> DomainResult<Option<service_counter::Model>> {
    let found = service_counter::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?;
    Ok(found.filter(|c| {
        c.active && secrets::constant_time_eq(&c.token_hash, &secrets::fingerprint(secret))
    }))
}

/// Counter `id` as its tablet's page shows it: the counter, its agency's name, and whether
/// `secret` is its tablet's (and it is on). `None` for an unknown counter.
pub async fn for_tablet<C: ConnectionTrait>(
    db: &C,
    id: &str,
    secret: &str,
) -> DomainResult<Option<(service_counter::Model, String, bool)>> {
    let Some(counter) = service_counter::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let agency = crate::entities::agency::Entity::find_by_id(counter.agency_code.clone())
        .one(db)
        .await?
        .map(|a| a.name)
        .unwrap_or_default();
    let ready = kiosk(db, id, secret).await?.is_some();
    Ok(Some((counter, agency, ready)))
}

/// Someone served at counter `id` presses `level` on its tablet (holding `secret`). Refusals:
/// `kiosk_not_set_up` (wrong secret, or the counter is off), `rating_level`, `RateLimited`
/// after [`KIOSK`] presses in a minute. Audited without any personal data.
pub async fn rate(
    services: Services<'_>,
    id: &str,
    secret: &str,
    level: &str,
) -> DomainResult<rating::Model> {
    if !LEVELS.contains(&level) {
        return Err(invalid(
            "level",
            "rating_level",
            "choose how satisfied you are",
        ));
    }
    let db = services.db;
    let Some(counter) = kiosk(db, id, secret).await? else {
        return Err(invalid(
            "level",
            "kiosk_not_set_up",
            "this tablet is not set up for the counter",
        ));
    };
    rate_limit::hit(db, KIOSK, id).await?;
    let now: DateTime<Utc> = services.now;
    let saved = rating::Model {
        id: uuid::Uuid::new_v4().to_string(),
        dossier_id: None,
        counter_id: Some(counter.id.clone()),
        agency_code: counter.agency_code.clone(),
        level: level.to_owned(),
        reasons: serde_json::json!([]),
        comment: None,
        via: "kiosk".into(),
        created_at: now.fixed_offset(),
        updated_at: now.fixed_offset(),
        answer: None,
        answered_at: None,
        answered_by: None,
    };
    let txn = crate::db::begin_write(db).await?;
    rating::Entity::insert(rating::ActiveModel::from(saved.clone()))
        .exec_without_returning(&txn)
        .await?;
    crate::statistics::rollup::rated(
        &txn,
        &counter.agency_code,
        None,
        crate::dossiers::codes::vietnam_date(now),
        None,
        level,
    )
    .await?;
    Entry::party("kiosk", "rating.give")
        .on("counter", counter.id.clone())
        .agency(Some(counter.agency_code.clone()))
        .detail(serde_json::json!({ "level": level, "counter": counter.name, "not_satisfied": level == NOT_SATISFIED }))
        .record(&txn, services.origin)
        .await?;
    txn.commit().await?;
    Ok(saved)
}
