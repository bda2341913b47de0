//! A dossier's electronic result (`results`).

use sea_orm::entity::prelude::*;

/// The uploaded result, its signed copy and its delivery.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_result")]
pub struct Model {
    /// Random id, printed in the result's QR code (the verification page's address).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The dossier (one result each).
    #[sea_orm(unique)]
    pub dossier_id: String,
    /// Storage key of the PDF as uploaded.
    pub file_key: String,
    /// Its file name.
    pub file_name: String,
    /// Its size in bytes.
    pub size: i64,
    /// Staff member who uploaded it.
    pub uploaded_by: String,
    /// When.
    pub uploaded_at: DateTimeWithTimeZone,
    /// Storage key of the signed copy.
    pub signed_key: Option<String>,
    /// SHA-256 of the signed copy, lower-case hex.
    pub signed_sha256: Option<String>,
    /// Its size.
    pub signed_size: Option<i64>,
    /// When it was signed.
    pub signed_at: Option<DateTimeWithTimeZone>,
    /// Who signed (name and title).
    pub signer_label: Option<String>,
    /// Agency whose certificate signed it.
    pub signer_agency: Option<String>,
    /// When the applicant received it.
    pub delivered_at: Option<DateTimeWithTimeZone>,
    /// `desk`, `online` or `post`.
    pub delivery_method: Option<String>,
    /// Staff member who handed it over (desk) or the applicant (online).
    pub delivered_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
