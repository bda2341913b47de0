//! The clamd client against a real ClamAV daemon started by the test, with a one-signature
//! database (ClamAV's signature mirror is not reachable here): the EICAR test file's MD5 hash,
//! made with `sigtool --md5`.
//!
//! Needs `clamd` and `sigtool` (Debian packages clamav-daemon and clamav); see
//! `domain::testing::services` for what happens when they are missing.

#[path = "support/clamd.rs"]
mod clamd;

use std::error::Error;
use std::time::{Duration, Instant};

use bytes::Bytes;
use clamd::{start_clamd, EICAR, STREAM_MAX_MB};
use domain::antivirus::{ByteStream, Clamd, NoScanner, ScanError, Verdict, VirusScanner};
use domain::testing::services::free_port;
use futures::stream;

type TestResult = Result<(), Box<dyn Error>>;

/// `total` bytes of a PDF-like file, produced lazily in chunks of `chunk` bytes (the whole file
/// never exists in memory, as with an upload streamed to the scanner).
fn pdf_like_stream(total: usize, chunk: usize) -> ByteStream {
    Box::pin(stream::unfold(0usize, move |sent| async move {
        if sent >= total {
            return None;
        }
        let len = chunk.min(total - sent);
        let bytes: Vec<u8> = if sent == 0 {
            let mut head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
            head.resize(len, b' ');
            head
        } else {
            (0..len)
                .map(|i| b"0123456789 obj endobj stream\n"[(sent + i) % 29])
                .collect()
        };
        Some((Ok(Bytes::from(bytes)), sent + len))
    }))
}

#[tokio::test]
async fn clamd_finds_eicar_and_passes_clean_files() -> TestResult {
    let Some(server) = start_clamd().await? else {
        return Ok(());
    };
    let scanner: Box<dyn VirusScanner> =
        Box::new(Clamd::new(&server.tcp, Duration::from_secs(30))?);

    let started = Instant::now();
    match scanner.scan_bytes(Bytes::from_static(EICAR)).await? {
        Verdict::Infected { signature } => assert!(
            signature.to_lowercase().contains("eicar") && signature.contains("UNOFFICIAL"),
            "{signature}"
        ),
        other => panic!("EICAR not detected: {other:?}"),
    }

    // The same file split across frames is reassembled by clamd before hashing.
    let pieces: ByteStream = Box::pin(stream::iter(
        EICAR
            .chunks(20)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect::<Vec<_>>(),
    ));
    assert!(matches!(
        scanner.scan(pieces).await?,
        Verdict::Infected { .. }
    ));

    let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    assert_eq!(
        scanner.scan_bytes(Bytes::from_static(pdf)).await?,
        Verdict::Clean
    );

    // 5 MB in 100 kB chunks: many INSTREAM frames, under StreamMaxLength.
    let large = pdf_like_stream(5 * 1024 * 1024, 100_000);
    assert_eq!(scanner.scan(large).await?, Verdict::Clean);
    eprintln!("clamd scans took {:?}", started.elapsed());
    Ok(())
}

#[tokio::test]
async fn clamd_limits_and_failures_are_errors() -> TestResult {
    let Some(server) = start_clamd().await? else {
        return Ok(());
    };

    // Over clamd's StreamMaxLength: clamd says so and closes the connection mid-upload.
    let scanner = Clamd::new(&server.tcp, Duration::from_secs(30))?;
    let too_large = pdf_like_stream((STREAM_MAX_MB + 1) * 1024 * 1024, 256 * 1024);
    let err = scanner.scan(too_large).await.err();
    assert!(matches!(err, Some(ScanError::TooLarge)), "{err:?}");
    assert!(
        err.map(|e| e.to_string())
            .unwrap_or_default()
            .contains("StreamMaxLength"),
        "the message names the clamd setting"
    );

    // The Unix socket speaks the same protocol.
    let local = Clamd::new(&server.unix, Duration::from_secs(30))?;
    local.ping().await?;
    assert!(matches!(
        local.scan_bytes(Bytes::from_static(EICAR)).await?,
        Verdict::Infected { .. }
    ));

    // A failing upload is the source's fault, not clamd's.
    let broken: ByteStream = Box::pin(stream::iter([
        Ok(Bytes::from_static(b"%PDF-1.7\n")),
        Err(std::io::Error::other("client went away")),
    ]));
    assert!(matches!(
        scanner.scan(broken).await,
        Err(ScanError::Source(_))
    ));

    // Nothing listening: a connection error, not a verdict.
    let closed = Clamd::new(
        &format!("tcp://127.0.0.1:{}", free_port()?),
        Duration::from_secs(5),
    )?;
    let err = closed.scan_bytes(Bytes::from_static(b"x")).await.err();
    assert!(matches!(err, Some(ScanError::Connection(_))), "{err:?}");

    // A server that accepts but never answers: the timeout ends the scan.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let silent_addr = silent.local_addr()?;
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((conn, _)) = silent.accept().await {
            held.push(conn);
        }
    });
    let slow = Clamd::new(&format!("tcp://{silent_addr}"), Duration::from_millis(500))?;
    let err = slow.scan_bytes(Bytes::from_static(b"x")).await.err();
    assert!(matches!(err, Some(ScanError::Timeout(_))), "{err:?}");
    holder.abort();

    // No scanner configured: the file is reported as not scanned, never as clean.
    assert_eq!(
        NoScanner.scan_bytes(Bytes::from_static(EICAR)).await?,
        Verdict::NotScanned
    );
    Ok(())
}
