//! Electronic results against a real database (SQLite, or PostgreSQL when
//! `PORTAL_TEST_DATABASE_URL` is set): upload, the leader's signature at approval, the
//! applicant's first download as delivery, and verification of genuine, tampered, extended and
//! unsigned copies. The signature is also checked by `pdfsig` (poppler) and `openssl cms`,
//! which share no code with ours.

use std::process::Command as Process;

use bytes::Bytes;
use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::access::{Actor, Role};
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::{self, Command};
use domain::dossiers::Status;
use domain::entities::{audit_log, dossier, dossier_event};
use domain::receipt_pdf::{self, ReceiptDocument};
use domain::results::{self, credentials, pades, FileVerdict};
use domain::services::Services;
use domain::testing::services;
use domain::testing::services::{find_program, require};
use domain::testing::{self, fresh_database, origin, seeded_database, staff};
use domain::DomainError;
use object_store::memory::InMemory;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const DESK: &str = "000.00.02.H53";
const DEPT: &str = "000.00.12.H53";

fn monday_nine() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

/// A one-page PDF standing for the licence the department issues.
fn licence() -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
    Ok(receipt_pdf::render(&ReceiptDocument {
        authority: "UBND TỈNH TÂY NINH".into(),
        office: "SỞ Y TẾ".into(),
        motto: [
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            "Độc lập - Tự do - Hạnh phúc".into(),
        ],
        title: "GIẤY CHỨNG NHẬN CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM".into(),
        code_line: "Số 123/2026/ATTP".into(),
        qr_payload: "https://dvc.example".into(),
        ..ReceiptDocument::default()
    })?)
}

fn code_of(e: &DomainError) -> Option<String> {
    match e {
        DomainError::Validation(f) => f.first().map(|f| f.code.clone()),
        _ => None,
    }
}

struct Journey {
    db: DatabaseConnection,
    owner: Actor,
    clerk: Actor,
    specialist: Actor,
    leader: Actor,
    id: String,
    now: DateTime<Utc>,
}

/// A dossier filed, accepted, reviewed and forwarded to the leader.
async fn at_the_leader() -> Result<Journey, Box<dyn std::error::Error + Send + Sync>> {
    let db = seeded_database(Utc::now().date_naive()).await?;
    let clerk = staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?;
    let leader = staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?;
    let now = monday_nine();
    let (owner, id) = testing::filed(&db, 3, now).await?;
    testing::act_all(
        &db,
        &id,
        &[
            (&clerk, Transition::Accept),
            (&specialist, Transition::Assign),
        ],
        now,
    )
    .await?;
    Ok(Journey {
        db,
        owner,
        clerk,
        specialist,
        leader,
        id,
        now,
    })
}

/// `who` attaches `pdf` as the dossier's result.
async fn upload(
    j: &Journey,
    store: &InMemory,
    who: &Actor,
    pdf: Bytes,
) -> Result<domain::entities::dossier_result::Model, DomainError> {
    results::upload(
        Services {
            files: store,
            ..services(&j.db, j.now)
        },
        who,
        &j.id,
        "kq.pdf",
        pdf,
    )
    .await
}

#[tokio::test]
async fn the_leader_signs_the_result_and_the_applicant_receives_it_by_opening_it() -> TestResult {
    let j = at_the_leader().await?;
    let store = InMemory::new();
    let pdf = Bytes::from(licence()?);
    let o = origin();

    // Only the agency's specialists and leaders attach results, and only PDFs.
    let refused = upload(&j, &store, &j.clerk, pdf.clone()).await;
    assert!(
        matches!(
            refused,
            Err(DomainError::Forbidden(_) | DomainError::NotFound(_))
        ),
        "{refused:?}"
    );
    let png = Bytes::from_static(b"\x89PNG\r\n\x1a\n....");
    let refused = upload(&j, &store, &j.specialist, png).await;
    assert_eq!(
        refused.as_ref().err().and_then(code_of).as_deref(),
        Some("result_not_pdf")
    );
    let fake = Bytes::from_static(b"%PDF-1.7 not really");
    let refused = upload(&j, &store, &j.specialist, fake).await;
    assert_eq!(
        refused.as_ref().err().and_then(code_of).as_deref(),
        Some("result_not_pdf")
    );

    let uploaded = upload(&j, &store, &j.specialist, pdf.clone()).await?;
    assert!(uploaded.signed_key.is_none());
    processing::act(
        services(&j.db, j.now),
        &j.specialist,
        &j.id,
        Transition::Forward,
        &Command::default(),
    )
    .await?;

    // The applicant sees nothing of the draft result yet.
    let events = domain::dossiers::timeline::public_events(&j.db, &j.owner, &j.id).await?;
    assert!(events.iter().all(|e| e.kind != "result_uploaded"));
    assert!(matches!(
        results::open(&j.db, &store, &j.owner, &o, &j.id, j.now).await,
        Err(DomainError::NotFound(_))
    ));

    // Approval that bypasses the signing is refused while a result waits to be signed.
    let bypass = processing::act(
        services(&j.db, j.now),
        &j.leader,
        &j.id,
        Transition::Approve,
        &Command::default(),
    )
    .await;
    assert_eq!(
        bypass.as_ref().err().and_then(code_of).as_deref(),
        Some("result_unsigned")
    );
    // A specialist cannot approve, and nothing is signed for them.
    let not_leader = results::approve(
        Services {
            files: &store,
            origin: &o,
            ..services(&j.db, j.now)
        },
        &j.specialist,
        &j.id,
        &Command::default(),
    )
    .await;
    assert!(
        matches!(not_leader, Err(DomainError::Forbidden(_))),
        "{not_leader:?}"
    );
    assert!(results::of_dossier(&j.db, &j.id)
        .await?
        .and_then(|r| r.signed_key)
        .is_none());

    let signed_at = j.now + Duration::hours(1);
    let moved = results::approve(
        Services {
            files: &store,
            origin: &o,
            ..services(&j.db, signed_at)
        },
        &j.leader,
        &j.id,
        &Command::default(),
    )
    .await?;
    assert_eq!(moved.status, Status::Processed);
    let result = results::of_dossier(&j.db, &j.id).await?.ok_or("result")?;
    let sha = result.signed_sha256.clone().ok_or("sha")?;
    assert_eq!(result.signer_agency.as_deref(), Some(DEPT));
    assert!(result.delivered_at.is_none());

    // Staff may read it without it counting as delivered.
    let staff_copy = results::open(&j.db, &store, &j.leader, &o, &j.id, signed_at).await?;
    assert_eq!(
        dossier::Entity::find_by_id(j.id.clone())
            .one(&j.db)
            .await?
            .ok_or("row")?
            .status,
        "processed"
    );

    // The applicant's first download is the delivery of an electronic result: status 10, once.
    let opened_at = signed_at + Duration::hours(3);
    let copy = results::open(&j.db, &store, &j.owner, &o, &j.id, opened_at).await?;
    assert_eq!(copy.bytes, staff_copy.bytes);
    results::open(
        &j.db,
        &store,
        &j.owner,
        &o,
        &j.id,
        opened_at + Duration::hours(1),
    )
    .await?;
    let row = dossier::Entity::find_by_id(j.id.clone())
        .one(&j.db)
        .await?
        .ok_or("row")?;
    assert_eq!(row.status, Status::Returned.code());
    let returns = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(&j.id))
        .filter(dossier_event::Column::Kind.eq("return"))
        .all(&j.db)
        .await?;
    assert_eq!(returns.len(), 1);
    assert_eq!(
        returns[0]
            .data
            .as_ref()
            .and_then(|d| d.get("method"))
            .and_then(|m| m.as_str()),
        Some("online")
    );
    let delivered = results::of_dossier(&j.db, &j.id).await?.ok_or("result")?;
    assert_eq!(delivered.delivery_method.as_deref(), Some("online"));
    assert_eq!(
        delivered.delivered_at.map(|t| t.with_timezone(&Utc)),
        Some(opened_at)
    );
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("dossier.return"))
            .filter(audit_log::Column::TargetId.eq(&j.id))
            .all(&j.db)
            .await?
            .len(),
        1
    );

    // Verification: the genuine copy, then altered, extended and unsigned ones.
    let bytes = copy.bytes.to_vec();
    let roots = credentials::trusted_roots(&j.db).await?;
    assert!(
        matches!(pades::verify(&bytes, &roots), pades::Verdict::Valid { ref sha256, .. } if *sha256 == sha)
    );
    let seen = results::verify(&j.db, &result.id, Some(&bytes)).await?;
    assert_eq!(seen.file, Some(FileVerdict::Genuine));
    assert_eq!(seen.code, row.code.clone().unwrap_or_default());
    assert!(seen.demo);
    let mut tampered = bytes.clone();
    let at = tampered.len() / 3;
    tampered[at] ^= 0x01;
    assert_eq!(
        results::verify(&j.db, &result.id, Some(&tampered))
            .await?
            .file,
        Some(FileVerdict::NotGenuine)
    );
    let mut extended = bytes.clone();
    extended.extend_from_slice(b"\n1 0 obj\n(changed)\nendobj\n%%EOF\n");
    assert_eq!(pades::verify(&extended, &roots), pades::Verdict::Altered);
    assert_eq!(
        results::verify(&j.db, &result.id, Some(&extended))
            .await?
            .file,
        Some(FileVerdict::NotGenuine)
    );
    assert_eq!(
        results::verify(&j.db, &result.id, Some(&pdf)).await?.file,
        Some(FileVerdict::NotGenuine)
    );
    assert_eq!(pades::verify(&pdf, &roots), pades::Verdict::Unsigned);
    // A signature under another root is not trusted.
    let other_db = fresh_database().await?;
    let other_roots = credentials::trusted_roots(&other_db).await?;
    assert!(matches!(
        pades::verify(&bytes, &other_roots),
        pades::Verdict::Untrusted(_)
    ));
    // Junk ids are not found, never an error of ours.
    for junk in [
        "",
        "abc",
        "00000000-0000-0000-0000-000000000000",
        "../../etc",
    ] {
        assert!(
            matches!(
                results::verify(&j.db, junk, None).await,
                Err(DomainError::NotFound(_))
            ),
            "{junk}"
        );
    }
    // The signed result cannot be replaced.
    let again = results::upload(
        Services {
            files: &store,
            origin: &o,
            ..services(&j.db, opened_at)
        },
        &j.specialist,
        &j.id,
        "x.pdf",
        pdf.clone(),
    )
    .await;
    assert!(again.is_err());

    independent_checks(&bytes, &roots[0])?;
    // The appended verification page prints the address its QR code opens.
    if let Some(pdftotext) = require(
        find_program("pdftotext"),
        "pdftotext",
        "apt-get install poppler-utils",
    )? {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("signed.pdf");
        std::fs::write(&file, &bytes)?;
        let out = Process::new(pdftotext).arg(&file).arg("-").output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let address = format!("https://dvc.example/xac-thuc/{}", result.id);
        assert!(text.contains(&address), "{address} in: {text}");
        assert!(
            text.contains("Số 123/2026/ATTP"),
            "the licence itself is kept: {text}"
        );
    }
    Ok(())
}

/// `pdfsig` and `openssl cms` accept the signature.
fn independent_checks(pdf: &[u8], root: &[u8]) -> TestResult {
    let dir = tempfile::tempdir()?;
    let signed = dir.path().join("signed.pdf");
    std::fs::write(&signed, pdf)?;
    if let Some(pdfsig) = require(
        find_program("pdfsig"),
        "pdfsig",
        "apt-get install poppler-utils",
    )? {
        let out = Process::new(pdfsig).arg(&signed).output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Signature is Valid"), "pdfsig: {text}");
        assert!(text.contains("ETSI.CAdES.detached"), "pdfsig: {text}");
    }
    if let Some(openssl) = require(
        find_program("openssl"),
        "openssl",
        "apt-get install openssl",
    )? {
        // The signed bytes are everything but /Contents; the CMS is inside it, hex-encoded.
        let at = pdf
            .windows(10)
            .rposition(|w| w == b"/ByteRange")
            .ok_or("ByteRange")?;
        let open = at + pdf[at..].iter().position(|b| *b == b'[').ok_or("[")?;
        let close = open + pdf[open..].iter().position(|b| *b == b']').ok_or("]")?;
        let r: Vec<usize> = std::str::from_utf8(&pdf[open + 1..close])?
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()?;
        let mut content = pdf[r[0]..r[0] + r[1]].to_vec();
        content.extend_from_slice(&pdf[r[2]..r[2] + r[3]]);
        let mut der = hex::decode(&pdf[r[1] + 1..r[2] - 1])?;
        // The placeholder is zero-padded: keep one DER SEQUENCE (30 82 hi lo …).
        assert_eq!(&der[..2], &[0x30, 0x82]);
        der.truncate(4 + (usize::from(der[2]) << 8 | usize::from(der[3])));
        std::fs::write(dir.path().join("content.bin"), content)?;
        std::fs::write(dir.path().join("sig.der"), der)?;
        std::fs::write(dir.path().join("root.der"), root)?;
        let pem = Process::new(&openssl)
            .args([
                "x509", "-inform", "DER", "-in", "root.der", "-out", "root.pem",
            ])
            .current_dir(dir.path())
            .status()?;
        assert!(pem.success());
        let out = Process::new(&openssl)
            .args([
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                "sig.der",
                "-content",
                "content.bin",
                "-CAfile",
                "root.pem",
                "-purpose",
                "any",
                "-out",
                "/dev/null",
            ])
            .current_dir(dir.path())
            .output()?;
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.contains("Verification successful"),
            "openssl: {err}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_notification_that_keeps_failing_is_shown_to_the_admins_who_resend_it() -> TestResult {
    use domain::entities::outbox_message;
    use domain::outbox;
    let j = at_the_leader().await?;
    let admin = staff(&j.db, "Quản trị", DESK, &[Role::AgencyAdmin]).await?;
    let other_admin = staff(
        &j.db,
        "Quản trị khác",
        "000.01.50.H53",
        &[Role::AgencyAdmin],
    )
    .await?;
    // The acceptance queued the applicant's e-mail about this dossier.
    let message = outbox_message::Entity::find()
        .filter(outbox_message::Column::DossierId.eq(&j.id))
        .one(&j.db)
        .await?
        .ok_or("no notice queued")?;
    assert!(outbox::failed(&j.db, &admin).await?.is_empty());
    // Every attempt fails (the mail server refuses); each is retried after a back-off.
    let mut attempts = 0;
    while attempts < outbox::MAX_ATTEMPTS {
        let row = outbox_message::Entity::find_by_id(message.id)
            .one(&j.db)
            .await?
            .ok_or("row")?;
        assert!(
            row.failed_at.is_none(),
            "still retried automatically after {attempts}"
        );
        outbox::mark_failed(&j.db, &row, "550 mailbox unavailable").await?;
        attempts += 1;
        let row = outbox_message::Entity::find_by_id(message.id)
            .one(&j.db)
            .await?
            .ok_or("row")?;
        assert!(
            row.next_attempt_at > Utc::now(),
            "a back-off before the next attempt"
        );
    }
    // Given up: no longer claimed, listed for the agency's administrators only.
    let far = Utc::now() + Duration::days(1);
    assert!(outbox::claim_due(&j.db, 100, 60)
        .await?
        .iter()
        .all(|m| m.id != message.id));
    let failed = outbox::failed(&j.db, &admin).await?;
    assert_eq!(
        failed.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![message.id]
    );
    assert_eq!(
        failed[0].last_error.as_deref(),
        Some("550 mailbox unavailable")
    );
    assert!(outbox::failed(&j.db, &other_admin).await?.is_empty());
    assert!(matches!(
        outbox::failed(&j.db, &j.clerk).await,
        Err(DomainError::Forbidden(_))
    ));
    assert!(matches!(
        outbox::resend(&j.db, &other_admin, &origin(), message.id).await,
        Err(DomainError::NotFound(_))
    ));
    // The administrator re-sends it: it is due again at once, with a fresh round of retries.
    outbox::resend(&j.db, &admin, &origin(), message.id).await?;
    assert!(outbox::failed(&j.db, &admin).await?.is_empty());
    let due = outbox::claim_due(&j.db, 100, 60).await?;
    assert!(due.iter().any(|m| m.id == message.id && m.attempts == 0));
    outbox::mark_sent(&j.db, message.id).await?;
    let sent = outbox_message::Entity::find_by_id(message.id)
        .one(&j.db)
        .await?
        .ok_or("row")?;
    assert!(sent.sent_at.is_some_and(|s| s < far));
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("outbox.resend"))
            .all(&j.db)
            .await?
            .len(),
        1
    );
    Ok(())
}
