//! The certificates results are signed under.
//!
//! Out of the box (`make run`, tests) the portal is its own *demo* certificate authority: on
//! first use it generates a root and, per agency, a certificate naming the agency, with ECDSA
//! P-256 keys, and keeps them in the database so that every instance signs under the same
//! ones. Signatures made so are real PAdES signatures, but not legally valid ones: the
//! verification page says so. A deployment replaces the rows with the agencies' certificates
//! from a licensed provider (and the root with the national root) without any code change.

use chrono::Utc;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SerialNumber, PKCS_ECDSA_P256_SHA256,
};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use super::pades::Credential;
use crate::entities::signing_credential;
use crate::error::{DomainError, DomainResult};

/// The row of the certificate authority.
pub const ROOT: &str = "root";

fn internal(e: impl std::fmt::Display) -> DomainError {
    DomainError::Internal(format!("signing credential: {e}"))
}

fn serial() -> SerialNumber {
    let mut bytes = uuid::Uuid::new_v4().into_bytes().to_vec();
    bytes[0] &= 0x7F;
    SerialNumber::from(bytes)
}

/// The demo root's parameters (rebuilt identically to sign agency certificates: the issuer
/// name must match the root's subject byte for byte).
fn root_params() -> DomainResult<CertificateParams> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(internal)?;
    let mut name = DistinguishedName::new();
    name.push(DnType::CountryName, "VN");
    name.push(DnType::OrganizationName, "Cổng Dịch vụ công (thử nghiệm)");
    name.push(
        DnType::CommonName,
        "Demo CA - Cong Dich vu cong (khong co gia tri phap ly)",
    );
    params.distinguished_name = name;
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.not_before = rcgen::date_time_ymd(2025, 1, 1);
    params.not_after = rcgen::date_time_ymd(2045, 12, 31);
    Ok(params)
}

async fn stored<C: ConnectionTrait>(
    db: &C,
    subject: &str,
) -> DomainResult<Option<signing_credential::Model>> {
    Ok(signing_credential::Entity::find_by_id(subject.to_owned())
        .one(db)
        .await?)
}

/// Inserts unless another instance got there first; returns the row that won.
async fn keep<C: ConnectionTrait>(
    db: &C,
    subject: &str,
    certificate: Vec<u8>,
    key: Vec<u8>,
) -> DomainResult<signing_credential::Model> {
    signing_credential::Entity::insert(signing_credential::ActiveModel {
        subject: Set(subject.to_owned()),
        certificate: Set(certificate),
        private_key: Set(key),
        demo: Set(true),
        created_at: Set(Utc::now().fixed_offset()),
    })
    .on_conflict_do_nothing_on([signing_credential::Column::Subject])
    .exec_without_returning(db)
    .await?;
    stored(db, subject)
        .await?
        .ok_or_else(|| internal(format!("{subject} vanished")))
}

/// The certificate authority's row, made on first use.
pub async fn root<C: ConnectionTrait>(db: &C) -> DomainResult<signing_credential::Model> {
    if let Some(row) = stored(db, ROOT).await? {
        return Ok(row);
    }
    let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(internal)?;
    let mut params = root_params()?;
    params.serial_number = Some(serial());
    let cert = params.self_signed(&key).map_err(internal)?;
    keep(db, ROOT, cert.der().to_vec(), key.serialize_der()).await
}

/// The certificates every verification trusts.
pub async fn trusted_roots<C: ConnectionTrait>(db: &C) -> DomainResult<Vec<Vec<u8>>> {
    Ok(vec![root(db).await?.certificate])
}

/// The credential agency `code` (named `name`) signs under, made on first use.
pub async fn for_agency<C: ConnectionTrait>(
    db: &C,
    code: &str,
    name: &str,
) -> DomainResult<Credential> {
    let root = root(db).await?;
    let row = match stored(db, code).await? {
        Some(row) => row,
        None => {
            let root_key = KeyPair::try_from(root.private_key.as_slice()).map_err(internal)?;
            let issuer = Issuer::new(root_params()?, root_key);
            let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(internal)?;
            let mut params = CertificateParams::new(Vec::<String>::new()).map_err(internal)?;
            let mut dn = DistinguishedName::new();
            dn.push(DnType::CountryName, "VN");
            dn.push(DnType::OrganizationName, name);
            dn.push(DnType::CommonName, name);
            // serialNumber (2.5.4.5): the agency's code in the national code list.
            dn.push(DnType::CustomDnType(vec![2, 5, 4, 5]), code);
            params.distinguished_name = dn;
            params.is_ca = IsCa::ExplicitNoCa;
            params.key_usages = vec![
                KeyUsagePurpose::DigitalSignature,
                KeyUsagePurpose::ContentCommitment,
            ];
            params.use_authority_key_identifier_extension = true;
            params.not_before = rcgen::date_time_ymd(2025, 1, 1);
            params.not_after = rcgen::date_time_ymd(2040, 12, 31);
            params.serial_number = Some(serial());
            let cert = params.signed_by(&key, &issuer).map_err(internal)?;
            keep(db, code, cert.der().to_vec(), key.serialize_der()).await?
        }
    };
    Ok(Credential {
        certificate: row.certificate,
        key_pkcs8: row.private_key,
        chain: vec![root.certificate],
    })
}
