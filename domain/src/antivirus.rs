//! Virus scanning of uploaded files (tệp đính kèm hồ sơ) before they are accepted.
//!
//! [`VirusScanner`] takes the file as a stream of byte chunks, so a large upload is never held
//! whole in memory. [`Clamd`] speaks ClamAV's daemon protocol (`INSTREAM`, see clamd(8)) over
//! TCP or a Unix socket; [`NoScanner`] answers [`Verdict::NotScanned`] when no scanner is
//! configured, so callers record that a file was not checked instead of pretending it was.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// A file's content as a stream of chunks (e.g. an upload body, or
/// `tokio_util::io::ReaderStream` over a file).
pub type ByteStream = Pin<Box<dyn Stream<Item = Result<Bytes, std::io::Error>> + Send>>;

/// The future a scan returns (boxed so that [`VirusScanner`] stays object-safe).
pub type ScanFuture<'a> = Pin<Box<dyn Future<Output = Result<Verdict, ScanError>> + Send + 'a>>;

/// What a scan found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// No known malware.
    Clean,
    /// Malware found (tệp nhiễm mã độc); the file must be refused.
    Infected {
        /// The scanner's name for what it found, e.g. `Win.Test.EICAR_HDB-1`.
        signature: String,
    },
    /// No scanner is configured: the file was not checked.
    NotScanned,
}

/// Why a scan gave no verdict. Callers treat every variant as "not known to be clean".
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The scanner address cannot be used.
    #[error("invalid scanner address {address:?}: {message}")]
    Address {
        /// The address as configured.
        address: String,
        /// What is wrong with it.
        message: String,
    },
    /// The scanner could not be reached or the connection broke.
    #[error("cannot talk to the virus scanner: {0}")]
    Connection(#[source] std::io::Error),
    /// Reading the file to scan failed (the cause is the caller's stream, not the scanner).
    #[error("cannot read the file to scan: {0}")]
    Source(#[source] std::io::Error),
    /// The file is larger than the scanner accepts (clamd's `StreamMaxLength`).
    #[error("the file is larger than the virus scanner accepts (clamd StreamMaxLength)")]
    TooLarge,
    /// The scan did not finish in time.
    #[error("the virus scan did not finish within {0:?}")]
    Timeout(Duration),
    /// The scanner reported an error of its own.
    #[error("the virus scanner failed: {0}")]
    Scanner(String),
    /// The scanner answered something this client does not understand.
    #[error("unexpected answer from the virus scanner: {0:?}")]
    Protocol(String),
}

/// Something that checks files for malware. Object-safe: the portal holds an
/// `Arc<dyn VirusScanner>` chosen by configuration.
pub trait VirusScanner: Send + Sync {
    /// Scans `content` chunk by chunk and gives the verdict.
    fn scan(&self, content: ByteStream) -> ScanFuture<'_>;

    /// Scans content already in memory (small files, tests).
    fn scan_bytes(&self, content: Bytes) -> ScanFuture<'_> {
        self.scan(Box::pin(futures::stream::once(async move { Ok(content) })))
    }
}

/// The scanner used when none is configured: every file is [`Verdict::NotScanned`]. The stream is
/// still read to its end, so a failing upload is reported the same way with or without a scanner.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoScanner;

impl VirusScanner for NoScanner {
    fn scan(&self, mut content: ByteStream) -> ScanFuture<'_> {
        Box::pin(async move {
            while let Some(chunk) = content.next().await {
                chunk.map_err(ScanError::Source)?;
            }
            Ok(Verdict::NotScanned)
        })
    }
}

/// Where clamd listens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClamdAddress {
    /// `tcp://host:port` (clamd's `TCPSocket` and `TCPAddr`).
    Tcp(String),
    /// A Unix socket path, written as such or as `unix:///path` (clamd's `LocalSocket`).
    Unix(PathBuf),
}

impl std::str::FromStr for ClamdAddress {
    type Err = ScanError;

    fn from_str(address: &str) -> Result<Self, ScanError> {
        let invalid = |message: &str| ScanError::Address {
            address: address.to_owned(),
            message: message.to_owned(),
        };
        if let Some(host_port) = address.strip_prefix("tcp://") {
            let host_port = host_port.trim_end_matches('/');
            match host_port.rsplit_once(':') {
                Some((host, port)) if !host.is_empty() && port.parse::<u16>().is_ok() => {
                    Ok(ClamdAddress::Tcp(host_port.to_owned()))
                }
                _ => Err(invalid("expected tcp://host:port")),
            }
        } else if let Some(path) = address.strip_prefix("unix://") {
            if path.starts_with('/') {
                Ok(ClamdAddress::Unix(path.into()))
            } else {
                Err(invalid("expected unix:///absolute/path"))
            }
        } else if address.starts_with('/') {
            Ok(ClamdAddress::Unix(address.into()))
        } else {
            Err(invalid(
                "expected tcp://host:port or an absolute Unix socket path",
            ))
        }
    }
}

/// A connection to clamd, whatever its transport.
trait Connection: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Connection for T {}

/// Largest chunk sent in one `INSTREAM` frame; bigger input chunks are split.
const FRAME_BYTES: usize = 64 * 1024;

/// Longest reply read from clamd (a reply is one short line).
const MAX_REPLY_BYTES: u64 = 4096;

/// Time clamd gets to explain itself after it closed the connection mid-upload.
const REPLY_GRACE: Duration = Duration::from_secs(2);

/// ClamAV's daemon, reached over TCP or a Unix socket. Each scan opens its own connection, so
/// one `Clamd` serves concurrent uploads.
#[derive(Clone, Debug)]
pub struct Clamd {
    address: ClamdAddress,
    timeout: Duration,
}

impl Clamd {
    /// A client for clamd at `address` (`tcp://host:port`, `/path/to/clamd.ctl` or
    /// `unix:///path/to/clamd.ctl`). `timeout` bounds a whole scan: connecting, sending the
    /// file and waiting for the verdict.
    pub fn new(address: &str, timeout: Duration) -> Result<Clamd, ScanError> {
        Ok(Clamd {
            address: address.parse()?,
            timeout,
        })
    }

    /// Where this client connects.
    pub fn address(&self) -> &ClamdAddress {
        &self.address
    }

    /// Checks that clamd answers (`PING` → `PONG`), e.g. for a readiness probe.
    pub async fn ping(&self) -> Result<(), ScanError> {
        self.within_timeout(async {
            let mut conn = self.connect().await?;
            conn.write_all(b"zPING\0")
                .await
                .map_err(ScanError::Connection)?;
            let reply = read_reply(&mut conn).await?;
            if reply == "PONG" {
                Ok(())
            } else {
                Err(ScanError::Protocol(reply))
            }
        })
        .await
    }

    async fn within_timeout<T>(
        &self,
        work: impl Future<Output = Result<T, ScanError>>,
    ) -> Result<T, ScanError> {
        tokio::time::timeout(self.timeout, work)
            .await
            .map_err(|_| ScanError::Timeout(self.timeout))?
    }

    async fn connect(&self) -> Result<Box<dyn Connection>, ScanError> {
        Ok(match &self.address {
            ClamdAddress::Tcp(host_port) => Box::new(
                tokio::net::TcpStream::connect(host_port.as_str())
                    .await
                    .map_err(ScanError::Connection)?,
            ),
            #[cfg(unix)]
            ClamdAddress::Unix(path) => Box::new(
                tokio::net::UnixStream::connect(path)
                    .await
                    .map_err(ScanError::Connection)?,
            ),
            #[cfg(not(unix))]
            ClamdAddress::Unix(path) => {
                return Err(ScanError::Address {
                    address: path.display().to_string(),
                    message: "Unix sockets are not available on this system".into(),
                })
            }
        })
    }

    /// One `INSTREAM` exchange. clamd answers early, and closes the connection, when the stream
    /// exceeds its `StreamMaxLength`; the reply is therefore read while the file is being sent.
    async fn instream(&self, content: ByteStream) -> Result<Verdict, ScanError> {
        let conn = self.connect().await?;
        let (mut reader, mut writer) = tokio::io::split(conn);
        let send = send_instream(&mut writer, content);
        let receive = read_reply(&mut reader);
        tokio::pin!(send, receive);
        let reply = tokio::select! {
            // clamd answered before the whole file was sent: only an error does that.
            reply = &mut receive => reply?,
            sent = &mut send => match sent {
                Ok(()) => receive.await?,
                // The caller's stream failed: clamd's answer does not matter.
                Err(e @ ScanError::Source(_)) => return Err(e),
                // clamd may have closed the connection after saying why.
                Err(e) => match tokio::time::timeout(REPLY_GRACE, receive).await {
                    Ok(Ok(reply)) if !reply.is_empty() => reply,
                    _ => return Err(e),
                },
            },
        };
        if reply.is_empty() {
            return Err(ScanError::Connection(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "clamd closed the connection without an answer",
            )));
        }
        parse_instream_reply(&reply)
    }
}

impl VirusScanner for Clamd {
    fn scan(&self, content: ByteStream) -> ScanFuture<'_> {
        Box::pin(async move {
            let verdict = self.within_timeout(self.instream(content)).await;
            match &verdict {
                Ok(Verdict::Infected { signature }) => {
                    tracing::warn!(%signature, "virus scan: malware found")
                }
                Ok(_) => tracing::debug!("virus scan: clean"),
                Err(error) => tracing::warn!(%error, "virus scan failed"),
            }
            verdict
        })
    }
}

/// Sends `zINSTREAM\0`, then each chunk as a 4-byte big-endian length and the bytes, then a
/// zero length (clamd(8), "INSTREAM").
async fn send_instream(
    writer: &mut (impl AsyncWrite + Unpin),
    mut content: ByteStream,
) -> Result<(), ScanError> {
    writer
        .write_all(b"zINSTREAM\0")
        .await
        .map_err(ScanError::Connection)?;
    while let Some(chunk) = content.next().await {
        let chunk = chunk.map_err(ScanError::Source)?;
        for frame in chunk.chunks(FRAME_BYTES) {
            let len = u32::try_from(frame.len()).map_err(|_| ScanError::TooLarge)?;
            writer
                .write_all(&len.to_be_bytes())
                .await
                .map_err(ScanError::Connection)?;
            writer
                .write_all(frame)
                .await
                .map_err(ScanError::Connection)?;
        }
    }
    writer
        .write_all(&0u32.to_be_bytes())
        .await
        .map_err(ScanError::Connection)?;
    writer.flush().await.map_err(ScanError::Connection)
}

/// Reads clamd's reply up to the NUL that ends it (replies to `z` commands are NUL-terminated)
/// or the end of the connection.
async fn read_reply(reader: &mut (impl AsyncRead + Unpin)) -> Result<String, ScanError> {
    let mut reply = Vec::new();
    let mut limited = reader.take(MAX_REPLY_BYTES);
    let mut byte = [0u8; 1];
    loop {
        match limited
            .read(&mut byte)
            .await
            .map_err(ScanError::Connection)?
        {
            0 => break,
            _ if byte[0] == 0 => break,
            _ => reply.push(byte[0]),
        }
    }
    Ok(String::from_utf8_lossy(&reply).trim().to_owned())
}

/// Turns `stream: OK`, `stream: <signature> FOUND` or `<message> ERROR` into a verdict.
fn parse_instream_reply(reply: &str) -> Result<Verdict, ScanError> {
    let body = reply
        .strip_prefix("stream:")
        .map(str::trim)
        .unwrap_or(reply);
    if body == "OK" {
        Ok(Verdict::Clean)
    } else if let Some(signature) = body.strip_suffix(" FOUND") {
        Ok(Verdict::Infected {
            signature: signature.trim().to_owned(),
        })
    } else if body.contains("size limit exceeded") {
        Err(ScanError::TooLarge)
    } else if let Some(message) = body.strip_suffix("ERROR") {
        Err(ScanError::Scanner(message.trim().to_owned()))
    } else {
        Err(ScanError::Protocol(reply.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_parsed() {
        assert!(matches!(
            parse_instream_reply("stream: OK"),
            Ok(Verdict::Clean)
        ));
        assert_eq!(
            parse_instream_reply("stream: Win.Test.EICAR_HDB-1 FOUND").ok(),
            Some(Verdict::Infected {
                signature: "Win.Test.EICAR_HDB-1".into()
            })
        );
        assert!(matches!(
            parse_instream_reply("INSTREAM size limit exceeded. ERROR"),
            Err(ScanError::TooLarge)
        ));
        assert!(matches!(
            parse_instream_reply("stream: Can't allocate memory ERROR"),
            Err(ScanError::Scanner(m)) if m == "Can't allocate memory"
        ));
        assert!(matches!(
            parse_instream_reply("UNKNOWN COMMAND"),
            Err(ScanError::Protocol(_))
        ));
    }

    #[test]
    fn addresses_are_parsed() {
        let parse = |s: &str| s.parse::<ClamdAddress>().ok();
        assert_eq!(
            parse("tcp://127.0.0.1:3310"),
            Some(ClamdAddress::Tcp("127.0.0.1:3310".into()))
        );
        assert_eq!(
            parse("/run/clamav/clamd.ctl"),
            Some(ClamdAddress::Unix("/run/clamav/clamd.ctl".into()))
        );
        assert_eq!(
            parse("unix:///run/clamav/clamd.ctl"),
            Some(ClamdAddress::Unix("/run/clamav/clamd.ctl".into()))
        );
        assert_eq!(parse("tcp://localhost"), None);
        assert_eq!(parse("clamd:3310"), None);
    }

    #[tokio::test]
    async fn no_scanner_reads_the_stream_and_says_not_scanned() {
        let verdict = NoScanner.scan_bytes(Bytes::from_static(b"%PDF-1.7")).await;
        assert!(matches!(verdict, Ok(Verdict::NotScanned)));
        let failing: ByteStream = Box::pin(futures::stream::iter([Err(std::io::Error::other(
            "upload aborted",
        ))]));
        assert!(matches!(
            NoScanner.scan(failing).await,
            Err(ScanError::Source(_))
        ));
    }
}
