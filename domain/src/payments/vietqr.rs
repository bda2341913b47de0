//! VietQR bank transfers (NAPAS 247): the QR code a banking app scans to fill in a transfer to
//! the collecting account with the amount and the payment's reference, and the bank's signed
//! notice of a credit to that account, which confirms the payment.
//!
//! The QR payload follows EMVCo's merchant-presented QR as profiled by NAPAS for VietQR: ID 00
//! payload format `01`, 01 point of initiation `12` (dynamic: the amount is fixed), 38 the
//! beneficiary (GUID `A000000727`, the bank's BIN and the account, service `QRIBFTTA`: transfer
//! to an account), 53 currency `704`, 54 amount, 58 country `VN`, 62/08 the purpose (our
//! reference), and 63 the CRC-16/CCITT-FALSE of everything before its value. Each field is its
//! ID, its length in two digits, and its value.
//!
//! The bank's credit notice (`POST /thanh-toan/vietqr/thong-bao`, JSON
//! [`CreditNotice`]) is signed with HMAC-SHA256 of the exact body under the shared secret, hex,
//! in [`SIGNATURE_HEADER`]. Banks keep the transfer's content but may add words around it, so
//! the reference is looked for inside the description.

use ring::hmac;
use serde::{Deserialize, Serialize};

/// NAPAS's GUID for VietQR.
pub const NAPAS_GUID: &str = "A000000727";
/// Service code: a transfer to an account number.
pub const TO_ACCOUNT: &str = "QRIBFTTA";
/// Header carrying the credit notice's signature.
pub const SIGNATURE_HEADER: &str = "x-bank-signature";
/// Prefix of the portal's transfer references (letters and digits only: banks drop the rest).
pub const REFERENCE_PREFIX: &str = "DVC";

/// The account transfers are made to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Beneficiary {
    /// The bank's 6-digit BIN on NAPAS (`970436`: Vietcombank).
    pub bank_bin: String,
    /// The bank's short name, shown beside the code.
    pub bank_name: String,
    /// Account number.
    pub account: String,
    /// Account holder's name, as the banking app shows it.
    pub account_name: String,
}

fn field(id: &str, value: &str) -> String {
    format!("{id}{:02}{value}", value.len())
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as four uppercase hex digits.
pub fn crc16(data: &str) -> String {
    let mut crc: u16 = 0xFFFF;
    for byte in data.bytes() {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    format!("{crc:04X}")
}

/// The VietQR payload for a transfer of `amount_vnd` to `to` with `reference` as its content.
pub fn payload(to: &Beneficiary, amount_vnd: i64, reference: &str) -> String {
    let account = field("00", &to.bank_bin) + &field("01", &to.account);
    let merchant = field("00", NAPAS_GUID) + &field("01", &account) + &field("02", TO_ACCOUNT);
    let mut out = field("00", "01")
        + &field("01", "12")
        + &field("38", &merchant)
        + &field("53", "704")
        + &field("54", &amount_vnd.to_string())
        + &field("58", "VN")
        + &field("62", &field("08", reference))
        + "6304";
    let crc = crc16(&out);
    out.push_str(&crc);
    out
}

/// What a banking app reads from a VietQR code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scanned {
    /// The beneficiary bank's BIN.
    pub bank_bin: String,
    /// The beneficiary account.
    pub account: String,
    /// The amount, when the code fixes one.
    pub amount_vnd: Option<i64>,
    /// The transfer's content (ID 62, sub-ID 08).
    pub reference: String,
}

/// The fields of one ID-length-value level.
fn fields(mut text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    while !text.is_empty() {
        let id = text.get(..2)?;
        let len: usize = text.get(2..4)?.parse().ok()?;
        out.push((id.to_owned(), text.get(4..4 + len)?.to_owned()));
        text = text.get(4 + len..)?;
    }
    Some(out)
}

fn value(list: &[(String, String)], id: &str) -> Option<String> {
    list.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone())
}

/// Reads a VietQR payload as a banking app does: the CRC must match, and the beneficiary must
/// be a NAPAS account.
pub fn scan(payload: &str) -> Option<Scanned> {
    let payload = payload.trim();
    let cut = payload.len().checked_sub(4)?;
    let (body, crc) = (payload.get(..cut)?, payload.get(cut..)?);
    if crc16(body) != crc.to_ascii_uppercase() {
        return None;
    }
    let top = fields(body.strip_suffix("6304")?)?;
    let merchant = fields(&value(&top, "38")?)?;
    if value(&merchant, "00")? != NAPAS_GUID {
        return None;
    }
    let account = fields(&value(&merchant, "01")?)?;
    let extra = fields(&value(&top, "62").unwrap_or_default())?;
    Some(Scanned {
        bank_bin: value(&account, "00")?,
        account: value(&account, "01")?,
        amount_vnd: value(&top, "54").and_then(|a| a.parse().ok()),
        reference: value(&extra, "08").unwrap_or_default(),
    })
}

/// The payment reference for the transfer's content: the prefix and 10 letters or digits.
pub fn new_reference() -> String {
    let id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    format!("{REFERENCE_PREFIX}{}", id.get(..10).unwrap_or("0"))
}

/// The portal's reference inside a transfer's description, wherever the bank put it.
pub fn find_reference(description: &str) -> Option<String> {
    let text = description.to_uppercase();
    let bytes = text.as_bytes();
    let len = REFERENCE_PREFIX.len() + 10;
    (0..bytes.len().saturating_sub(len - 1)).find_map(|i| {
        let candidate = text.get(i..i + len)?;
        let word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let word_end = bytes
            .get(i + len)
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        (word_start
            && word_end
            && candidate.starts_with(REFERENCE_PREFIX)
            && candidate.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| candidate.to_owned())
    })
}

/// A credit to the collecting account, as the bank notifies it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNotice {
    /// The bank's id of the transaction (a replay repeats it).
    pub transaction_id: String,
    /// The credited account.
    pub account: String,
    /// Amount credited, in đồng.
    pub amount_vnd: i64,
    /// The transfer's content as the bank kept it.
    pub description: String,
    /// When it was credited (the bank's clock, RFC 3339).
    pub credited_at: chrono::DateTime<chrono::Utc>,
}

/// The notice signature of `body` under `secret`: HMAC-SHA256, lowercase hex.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    hex::encode(hmac::sign(&key, body).as_ref())
}

/// True when `signature` is `body`'s under `secret`.
pub fn verify(secret: &str, body: &[u8], signature: &str) -> bool {
    crate::secrets::constant_time_eq(&sign(secret, body), &signature.trim().to_ascii_lowercase())
}

/// The QR code of `payload` as an inline SVG (one path; dark modules on a white quiet zone),
/// labelled for screen readers by `label`.
pub fn svg(payload: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (row, line) in colors.chunks(n).enumerate() {
        let mut col = 0;
        while col < n {
            let start = col;
            while col < n && line[col] == qrcode::Color::Dark {
                col += 1;
            }
            if col > start {
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    row + 4,
                    col - start,
                    col - start
                ));
            } else {
                col += 1;
            }
        }
    }
    let size = n + 8;
    let label = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vietcombank() -> Beneficiary {
        Beneficiary {
            bank_bin: "970436".into(),
            bank_name: "Vietcombank".into(),
            account: "0071000123456".into(),
            account_name: "KHO BAC NHA NUOC TAY NINH".into(),
        }
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        // CRC-16/CCITT-FALSE of "123456789" is 0x29B1 (the catalogue's check value).
        assert_eq!(crc16("123456789"), "29B1");
    }

    #[test]
    fn payload_fields_are_id_length_value() {
        let p = payload(&vietcombank(), 150_000, "DVC0123456789");
        assert!(p.starts_with("000201010212"));
        for part in [
            "38570010A000000727",
            "01270006970436",
            "01130071000123456",
            "0208QRIBFTTA",
            "5303704",
            "5406150000",
            "5802VN",
        ] {
            assert!(p.contains(part), "{part} in {p}");
        }
        assert!(p.contains("62170813DVC0123456789"));
        let (body, crc) = p.split_at(p.len() - 4);
        assert!(body.ends_with("6304"));
        assert_eq!(crc16(body), crc);
    }

    #[test]
    fn a_banking_app_reads_back_what_was_encoded() {
        let p = payload(&vietcombank(), 1_500_000, "DVC0123456789");
        let scanned = scan(&p);
        assert_eq!(
            scanned,
            Some(Scanned {
                bank_bin: "970436".into(),
                account: "0071000123456".into(),
                amount_vnd: Some(1_500_000),
                reference: "DVC0123456789".into(),
            })
        );
        // One changed digit breaks the CRC.
        assert_eq!(scan(&p.replace("1500000", "1500001")), None);
        assert_eq!(scan("nonsense"), None);
        assert_eq!(scan("Chuyển tiền"), None);
    }

    #[test]
    fn references_are_found_in_what_banks_keep() {
        let r = "DVC0A1B2C3D4E";
        assert_eq!(find_reference(r).as_deref(), Some(r));
        assert_eq!(
            find_reference("MBVCB.123.NGUYEN VAN A chuyen tien. dvc0a1b2c3d4e. CT tu 0071")
                .as_deref(),
            Some(r)
        );
        assert_eq!(find_reference("XDVC0A1B2C3D4E"), None);
        assert_eq!(find_reference("DVC0A1B2C3D4EF"), None);
        assert_eq!(find_reference("thanh toan"), None);
        assert!(new_reference().starts_with("DVC") && new_reference().len() == 13);
    }

    #[test]
    fn the_svg_draws_the_code() {
        let s = svg("000201", "Mã VietQR").unwrap_or_default();
        assert!(
            s.starts_with("<svg")
                && s.contains("aria-label=\"Mã VietQR\"")
                && s.contains("<path d=\"M4 4h7")
        );
    }
}
