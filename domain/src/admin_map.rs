//! The current administrative map (34 provinces, their communes and wards since 1 July 2025).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{commune, province};
use crate::error::{DomainError, DomainResult};

/// Provinces in force today, by code.
pub async fn current_provinces(db: &impl ConnectionTrait) -> DomainResult<Vec<province::Model>> {
    Ok(province::Entity::find()
        .filter(province::Column::ValidTo.is_null())
        .order_by_asc(province::Column::Code)
        .all(db)
        .await?)
}

/// Communes and wards in force today of one province, by name; `NotFound` for an unknown
/// province (rather than an empty list, which would hide a typo in the code).
pub async fn current_communes(
    db: &impl ConnectionTrait,
    province_code: &str,
) -> DomainResult<Vec<commune::Model>> {
    if province::Entity::find_by_id(province_code.to_owned())
        .one(db)
        .await?
        .is_none()
    {
        return Err(DomainError::NotFound(format!(
            "tỉnh, thành phố mã {province_code}"
        )));
    }
    Ok(commune::Entity::find()
        .filter(commune::Column::ProvinceCode.eq(province_code))
        .filter(commune::Column::ValidTo.is_null())
        .order_by_asc(commune::Column::Name)
        .all(db)
        .await?)
}
