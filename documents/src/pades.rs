//! PDF digital signatures (PAdES baseline B, `ETSI.CAdES.detached`): signing a result under an
//! agency's certificate and checking a copy someone brings back.
//!
//! Signing rewrites the document once with a signature field whose `/Contents` is a fixed-size
//! placeholder, then fills `/ByteRange` (everything but the placeholder) and writes a detached
//! CMS `SignedData` over those bytes into the placeholder. Any PDF reader that checks
//! signatures (Adobe Reader, Foxit, `pdfsig`) accepts the result; the test suite checks it with
//! `pdfsig` and `openssl cms`, made independently of this code.
//!
//! Verifying recomputes the digest of the signed ranges, checks the CMS signature with the
//! certificate it carries, and that certificate against the trusted roots. A signature that
//! does not cover the whole file (something appended after signing) is a failure: a citizen's
//! copy must be the document as issued.

use chrono::{DateTime, Utc};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use const_oid::db::{rfc5911, rfc5912};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode, SliceReader};
use lopdf::{dictionary, Document, Object, ObjectId, StringFormat};
use ring::rand::SystemRandom;
use ring::signature::{self, EcdsaKeyPair, UnparsedPublicKey};
use sha2::{Digest, Sha256};
use x509_cert::attr::Attribute;
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

/// Bytes reserved for the CMS signature (a P-256 signature with two certificates needs ~1.5 KB).
const SIGNATURE_ROOM: usize = 8192;
/// Placeholder widths written before the real byte range is known.
const RANGE_PLACEHOLDER: i64 = 1_111_111_111;

/// A signing certificate, its private key and the chain up to (and including) the root.
#[derive(Clone)]
pub struct Credential {
    /// The signer's certificate (DER).
    pub certificate: Vec<u8>,
    /// Its private key (PKCS#8 DER, ECDSA P-256).
    pub key_pkcs8: Vec<u8>,
    /// Issuer certificates, nearest first (DER).
    pub chain: Vec<Vec<u8>>,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential").finish_non_exhaustive()
    }
}

/// What the signature dictionary says besides the signature itself.
#[derive(Clone, Debug)]
pub struct SignatureInfo {
    /// Signer's name (`/Name`).
    pub name: String,
    /// Why (`/Reason`).
    pub reason: String,
    /// Where (`/Location`).
    pub location: String,
    /// When (`/M`).
    pub at: DateTime<Utc>,
}

/// Why a PDF could not be signed or edited.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// Not a PDF this code can read (or an encrypted one).
    #[error("unreadable PDF: {0}")]
    Unreadable(String),
    /// A key or certificate problem (a configuration defect).
    #[error("credential: {0}")]
    Credential(String),
}

/// How a verification ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The signature is intact, covers the whole file and chains to a trusted root.
    Valid {
        /// The signer certificate's subject, as text.
        signer: String,
        /// SHA-256 of the whole file, lower-case hex.
        sha256: String,
    },
    /// The file has no signature this code recognises.
    Unsigned,
    /// The file changed after it was signed (digest mismatch or bytes outside the range).
    Altered,
    /// The signature is mathematically wrong or its certificate is not trusted.
    Untrusted(String),
}

fn unreadable(e: impl std::fmt::Display) -> SignError {
    SignError::Unreadable(e.to_string())
}

fn pdf_string(text: &str) -> Object {
    // UTF-16BE with a byte-order mark: PDF text strings that hold Vietnamese.
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Appends the pages of `extra` (the verification page) to `doc`.
fn append_pages(doc: &mut Document, mut extra: Document) -> Result<(), SignError> {
    extra.renumber_objects_with(doc.max_id + 1);
    let pages_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(unreadable)?;
    let new_pages: Vec<ObjectId> = extra.get_pages().into_values().collect();
    for (id, object) in std::mem::take(&mut extra.objects) {
        doc.objects.insert(id, object);
    }
    doc.max_id = doc
        .objects
        .keys()
        .map(|(n, _)| *n)
        .max()
        .unwrap_or(doc.max_id);
    for page in &new_pages {
        if let Ok(dict) = doc.get_object_mut(*page).and_then(Object::as_dict_mut) {
            dict.set("Parent", Object::Reference(pages_id));
        }
    }
    let pages = doc
        .get_object_mut(pages_id)
        .and_then(Object::as_dict_mut)
        .map_err(unreadable)?;
    let count = pages.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    let mut kids = pages
        .get(b"Kids")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    kids.extend(new_pages.iter().map(|p| Object::Reference(*p)));
    pages.set("Kids", Object::Array(kids));
    pages.set(
        "Count",
        Object::Integer(count + i64::try_from(new_pages.len()).unwrap_or(0)),
    );
    Ok(())
}

/// Checks that `pdf` is a PDF this module can sign (read at upload, so a bad file is refused
/// then and not at the leader's approval). Returns its page count.
pub fn check_readable(pdf: &[u8]) -> Result<usize, SignError> {
    let doc = Document::load_mem(pdf).map_err(unreadable)?;
    if doc.is_encrypted() {
        return Err(SignError::Unreadable("encrypted".into()));
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(SignError::Unreadable("no pages".into()));
    }
    Ok(pages)
}

/// Appends `stamp` (a PDF of the verification page) to `pdf` and signs the whole under
/// `credential`.
pub fn sign(
    pdf: &[u8],
    stamp: &[u8],
    credential: &Credential,
    info: &SignatureInfo,
) -> Result<Vec<u8>, SignError> {
    let mut doc = Document::load_mem(pdf).map_err(unreadable)?;
    if doc.is_encrypted() {
        return Err(SignError::Unreadable("encrypted".into()));
    }
    append_pages(&mut doc, Document::load_mem(stamp).map_err(unreadable)?)?;
    let last_page = doc
        .get_pages()
        .into_values()
        .last()
        .ok_or_else(|| SignError::Unreadable("no pages".into()))?;

    let signature_id = doc.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![
            Object::Integer(0),
            Object::Integer(RANGE_PLACEHOLDER),
            Object::Integer(RANGE_PLACEHOLDER),
            Object::Integer(RANGE_PLACEHOLDER),
        ],
        "Contents" => Object::String(vec![0u8; SIGNATURE_ROOM], StringFormat::Hexadecimal),
        "M" => Object::string_literal(info.at.format("D:%Y%m%d%H%M%S+00'00'").to_string()),
        "Name" => pdf_string(&info.name),
        "Reason" => pdf_string(&info.reason),
        "Location" => pdf_string(&info.location),
    });
    let field_id = doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        "V" => Object::Reference(signature_id),
        "T" => Object::string_literal(format!("Signature{}", signature_id.0)),
        "F" => 132,
        "P" => Object::Reference(last_page),
    });
    // The widget goes on the last page (the verification page made here, so /Annots is ours).
    let page = doc
        .get_object_mut(last_page)
        .and_then(Object::as_dict_mut)
        .map_err(unreadable)?;
    let mut annots = page
        .get(b"Annots")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    annots.push(Object::Reference(field_id));
    page.set("Annots", Object::Array(annots));
    // An existing form keeps its fields; the signature is added to them.
    let existing_form = doc.catalog().and_then(|c| c.get(b"AcroForm")).ok().cloned();
    let mut form = match existing_form {
        Some(Object::Reference(id)) => doc
            .get_object(id)
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default(),
        Some(Object::Dictionary(d)) => d,
        _ => lopdf::Dictionary::new(),
    };
    let mut fields = match form.get(b"Fields") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(Object::Reference(id)) => doc
            .get_object(*id)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    fields.push(Object::Reference(field_id));
    form.set("Fields", Object::Array(fields));
    form.set("SigFlags", 3);
    doc.catalog_mut()
        .map_err(unreadable)?
        .set("AcroForm", Object::Dictionary(form));

    let mut out = Vec::with_capacity(pdf.len() + stamp.len() + 2 * SIGNATURE_ROOM + 4096);
    doc.save_to(&mut out).map_err(unreadable)?;

    // Locate the placeholders in the written bytes.
    let hex_zeros = vec![b'0'; 2 * SIGNATURE_ROOM];
    let contents_at = find(&out, &hex_zeros)
        .and_then(|i| i.checked_sub(1))
        .filter(|i| out[*i] == b'<')
        .ok_or_else(|| SignError::Unreadable("signature placeholder not written".into()))?;
    let contents_end = contents_at + 2 * SIGNATURE_ROOM + 2;
    let placeholder = format!("{RANGE_PLACEHOLDER} {RANGE_PLACEHOLDER} {RANGE_PLACEHOLDER}");
    let range_at = find(&out, placeholder.as_bytes())
        .ok_or_else(|| SignError::Unreadable("byte range placeholder not written".into()))?;
    let tail = out.len() - contents_end;
    let range = format!("{contents_at} {contents_end} {tail}");
    let padded = format!("{range:<width$}", width = placeholder.len());
    out[range_at..range_at + placeholder.len()].copy_from_slice(padded.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&out[..contents_at]);
    hasher.update(&out[contents_end..]);
    let digest = hasher.finalize();
    let cms = signed_data(&digest, credential)?;
    if cms.len() > SIGNATURE_ROOM {
        return Err(SignError::Credential(format!(
            "signature of {} bytes does not fit",
            cms.len()
        )));
    }
    let hex = hex::encode_upper(&cms);
    out[contents_at + 1..contents_at + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn credential_error(e: impl std::fmt::Display) -> SignError {
    SignError::Credential(e.to_string())
}

fn algorithm(oid: const_oid::ObjectIdentifier) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid,
        parameters: None,
    }
}

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }` with one
/// `ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING }` (SHA-256, the default algorithm): binds
/// the signature to this certificate (RFC 5035), which PAdES requires.
fn signing_certificate_v2(certificate: &[u8]) -> Result<Any, SignError> {
    let hash = Sha256::digest(certificate);
    let mut der = vec![0x30, 0x26, 0x30, 0x24, 0x30, 0x22, 0x04, 0x20];
    der.extend_from_slice(&hash);
    Any::from_der(&der).map_err(credential_error)
}

fn attribute(oid: const_oid::ObjectIdentifier, value: Any) -> Result<Attribute, SignError> {
    let mut values = SetOfVec::new();
    values.insert(value).map_err(credential_error)?;
    Ok(Attribute { oid, values })
}

/// A detached CMS `SignedData` over `digest` (SHA-256 of the signed byte ranges).
fn signed_data(digest: &[u8], credential: &Credential) -> Result<Vec<u8>, SignError> {
    let certificate = Certificate::from_der(&credential.certificate).map_err(credential_error)?;
    let mut attributes = SetOfVec::new();
    attributes
        .insert(attribute(
            rfc5911::ID_CONTENT_TYPE,
            Any::encode_from(&rfc5911::ID_DATA).map_err(credential_error)?,
        )?)
        .map_err(credential_error)?;
    attributes
        .insert(attribute(
            rfc5911::ID_MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(digest).map_err(credential_error)?)
                .map_err(credential_error)?,
        )?)
        .map_err(credential_error)?;
    attributes
        .insert(attribute(
            rfc5911::ID_AA_SIGNING_CERTIFICATE_V_2,
            signing_certificate_v2(&credential.certificate)?,
        )?)
        .map_err(credential_error)?;
    // What is signed is the DER of the attributes as a SET OF (RFC 5652 §5.4).
    let to_sign = attributes.to_der().map_err(credential_error)?;
    let key = EcdsaKeyPair::from_pkcs8(
        &signature::ECDSA_P256_SHA256_ASN1_SIGNING,
        &credential.key_pkcs8,
        &SystemRandom::new(),
    )
    .map_err(credential_error)?;
    let signature = key
        .sign(&SystemRandom::new(), &to_sign)
        .map_err(credential_error)?;

    let mut certificates = SetOfVec::new();
    certificates
        .insert(CertificateChoices::Certificate(certificate.clone()))
        .map_err(credential_error)?;
    for issuer in &credential.chain {
        certificates
            .insert(CertificateChoices::Certificate(
                Certificate::from_der(issuer).map_err(credential_error)?,
            ))
            .map_err(credential_error)?;
    }
    let mut digest_algorithms = SetOfVec::new();
    digest_algorithms
        .insert(algorithm(rfc5912::ID_SHA_256))
        .map_err(credential_error)?;
    let mut signer_infos = SetOfVec::new();
    signer_infos
        .insert(SignerInfo {
            version: CmsVersion::V1,
            sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
                issuer: certificate.tbs_certificate.issuer.clone(),
                serial_number: certificate.tbs_certificate.serial_number.clone(),
            }),
            digest_alg: algorithm(rfc5912::ID_SHA_256),
            signed_attrs: Some(attributes),
            signature_algorithm: algorithm(rfc5912::ECDSA_WITH_SHA_256),
            signature: OctetString::new(signature.as_ref()).map_err(credential_error)?,
            unsigned_attrs: None,
        })
        .map_err(credential_error)?;
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: rfc5911::ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(certificates)),
        crls: None,
        signer_infos: SignerInfos(signer_infos),
    };
    ContentInfo {
        content_type: rfc5911::ID_SIGNED_DATA,
        content: Any::encode_from(&signed).map_err(credential_error)?,
    }
    .to_der()
    .map_err(credential_error)
}

/// The last signature's byte range and CMS bytes, read from the raw file.
fn signature_parts(pdf: &[u8]) -> Option<([usize; 4], Vec<u8>)> {
    let at = rfind(pdf, b"/ByteRange")?;
    let open = at + pdf[at..].iter().position(|b| *b == b'[')?;
    let close = open + pdf[open..].iter().position(|b| *b == b']')?;
    let numbers: Vec<usize> = std::str::from_utf8(&pdf[open + 1..close])
        .ok()?
        .split_ascii_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let range: [usize; 4] = numbers.try_into().ok()?;
    let contents_end = range[1].checked_add(0)?;
    let hex_start = range[1].checked_add(1)?;
    let hex_end = range[2].checked_sub(1)?;
    if range[0] != 0
        || hex_start > hex_end
        || hex_end >= pdf.len()
        || pdf.get(contents_end) != Some(&b'<')
        || pdf.get(hex_end) != Some(&b'>')
    {
        return None;
    }
    let hex = &pdf[hex_start..hex_end];
    let bytes = hex::decode(hex).ok()?;
    Some((range, bytes))
}

fn untrusted(e: impl std::fmt::Display) -> Verdict {
    Verdict::Untrusted(e.to_string())
}

/// Checks the signature of `pdf` against the trusted `roots` (DER certificates).
pub fn verify(pdf: &[u8], roots: &[Vec<u8>]) -> Verdict {
    let Some((range, cms)) = signature_parts(pdf) else {
        return Verdict::Unsigned;
    };
    let covered_end = range[2].saturating_add(range[3]);
    if covered_end != pdf.len() {
        return Verdict::Altered;
    }
    // The placeholder is zero-padded past the DER: read exactly one structure.
    let content = match SliceReader::new(&cms)
        .map_err(untrusted)
        .and_then(|mut r| ContentInfo::decode(&mut r).map_err(untrusted))
    {
        Ok(c) => c,
        Err(v) => return v,
    };
    if content.content_type != rfc5911::ID_SIGNED_DATA {
        return Verdict::Untrusted("not a SignedData".into());
    }
    let signed = match content.content.decode_as::<SignedData>() {
        Ok(s) => s,
        Err(e) => return untrusted(e),
    };
    let Some(info) = signed.signer_infos.0.iter().next() else {
        return Verdict::Untrusted("no signer".into());
    };
    let SignerIdentifier::IssuerAndSerialNumber(sid) = &info.sid else {
        return Verdict::Untrusted("signer identified by key id".into());
    };
    let certificates: Vec<Certificate> = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let Some(signer) = certificates.iter().find(|c| {
        c.tbs_certificate.issuer == sid.issuer
            && c.tbs_certificate.serial_number == sid.serial_number
    }) else {
        return Verdict::Untrusted("signer certificate missing".into());
    };
    let Some(attributes) = &info.signed_attrs else {
        return Verdict::Untrusted("no signed attributes".into());
    };
    let Some(message_digest) = attributes
        .iter()
        .find(|a| a.oid == rfc5911::ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok())
    else {
        return Verdict::Untrusted("no message digest".into());
    };
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..range[1]]);
    hasher.update(&pdf[range[2]..covered_end]);
    if hasher.finalize()[..] != *message_digest.as_bytes() {
        return Verdict::Altered;
    }
    let Ok(signed_bytes) = attributes.to_der() else {
        return Verdict::Untrusted("attributes".into());
    };
    if let Err(why) = check_signature(signer, &signed_bytes, info.signature.as_bytes()) {
        return Verdict::Untrusted(why);
    }
    if let Err(why) = chains_to_root(signer, &certificates, roots) {
        return Verdict::Untrusted(why);
    }
    Verdict::Valid {
        signer: signer.tbs_certificate.subject.to_string(),
        sha256: hex::encode(Sha256::digest(pdf)),
    }
}

/// Checks an ECDSA P-256 / SHA-256 signature by `certificate`'s key.
fn check_signature(certificate: &Certificate, message: &[u8], sig: &[u8]) -> Result<(), String> {
    let spki = &certificate.tbs_certificate.subject_public_key_info;
    if spki.algorithm.oid != rfc5912::ID_EC_PUBLIC_KEY {
        return Err("unsupported key type".into());
    }
    let key = spki
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| "bad public key".to_owned())?;
    UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_ASN1, key)
        .verify(message, sig)
        .map_err(|_| "signature does not match".to_owned())
}

/// Walks from `certificate` up through `pool` to one of `roots`, checking each signature.
fn chains_to_root(
    certificate: &Certificate,
    pool: &[Certificate],
    roots: &[Vec<u8>],
) -> Result<(), String> {
    let roots: Vec<Certificate> = roots
        .iter()
        .filter_map(|r| Certificate::from_der(r).ok())
        .collect();
    let mut current = certificate.clone();
    for _ in 0..4 {
        let issuer_name = &current.tbs_certificate.issuer;
        let tbs = current
            .tbs_certificate
            .to_der()
            .map_err(|e| e.to_string())?;
        let sig = current
            .signature
            .as_bytes()
            .ok_or_else(|| "bad certificate signature".to_owned())?;
        if let Some(root) = roots
            .iter()
            .find(|r| &r.tbs_certificate.subject == issuer_name)
        {
            return check_signature(root, &tbs, sig)
                .map_err(|_| "certificate not issued by the trusted root".to_owned());
        }
        let Some(issuer) = pool
            .iter()
            .find(|c| &c.tbs_certificate.subject == issuer_name && c != &&current)
        else {
            return Err("certificate not issued by a trusted authority".into());
        };
        check_signature(issuer, &tbs, sig)
            .map_err(|_| "certificate chain signature does not match".to_owned())?;
        current = issuer.clone();
    }
    Err("certificate chain too long".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_a_byte_range_is_unsigned() {
        assert_eq!(verify(b"%PDF-1.7\n%%EOF", &[]), Verdict::Unsigned);
        assert_eq!(
            verify(b"%PDF-1.7 /ByteRange [0 5 x 1] %%EOF", &[]),
            Verdict::Unsigned
        );
        assert_eq!(
            verify(b"%PDF-1.7 /ByteRange [0 99999 100000 1] %%EOF", &[]),
            Verdict::Unsigned
        );
    }
}
