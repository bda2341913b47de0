//! One round trip through an `ObjectStore`, run against every storage backend: a large file
//! written as a streamed multipart upload, read back whole and by ranges, listed, deleted.

use std::error::Error;

use futures::TryStreamExt;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use sha2::{Digest, Sha256};

/// Size of each write into the multipart upload (the file is never whole in memory).
const WRITE_BYTES: usize = 1024 * 1024;

/// Parts of 5 MiB, the smallest S3 accepts for every part but the last.
const PART_BYTES: usize = 5 * 1024 * 1024;

/// Writes of the large file: 12 MiB, so three parts, the last one short.
const WRITES: usize = 12;

/// The byte at `offset` of the large test file: deterministic, so any range can be checked
/// without keeping the file.
fn byte_at(offset: usize) -> u8 {
    // Not a repeating short pattern: a range read from the wrong place would not match.
    (offset.wrapping_mul(2_654_435_761) >> 13) as u8
}

fn expected(range: std::ops::Range<usize>) -> Vec<u8> {
    range.map(byte_at).collect()
}

/// Uploads, reads, lists and deletes under `prefix`; everything it creates is deleted.
pub async fn round_trip(store: &dyn ObjectStore, prefix: &str) -> Result<(), Box<dyn Error>> {
    let path = StorePath::from(format!("{prefix}/ho-so/HS-0001/ban-ve-thiet-ke.pdf"));
    let small = StorePath::from(format!("{prefix}/ho-so/HS-0001/don-de-nghi.pdf"));
    let total = WRITES * WRITE_BYTES;

    let mut upload =
        WriteMultipart::new_with_chunk_size(store.put_multipart(&path).await?, PART_BYTES);
    let mut sent = Sha256::new();
    for i in 0..WRITES {
        let chunk = expected(i * WRITE_BYTES..(i + 1) * WRITE_BYTES);
        sent.update(&chunk);
        // Back-pressure: at most two parts in flight.
        upload.wait_for_capacity(2).await?;
        upload.write(&chunk);
    }
    upload.finish().await?;
    let sent = sent.finalize();
    store
        .put(&small, PutPayload::from_static(b"%PDF-1.7 don de nghi"))
        .await?;

    // Whole, as a stream of chunks.
    let mut received = Sha256::new();
    let mut length = 0usize;
    let mut body = store.get(&path).await?.into_stream();
    while let Some(chunk) = body.try_next().await? {
        length += chunk.len();
        received.update(&chunk);
    }
    assert_eq!(length, total);
    assert_eq!(received.finalize(), sent, "SHA-256 of the file read back");

    // By ranges, including ones that cross a part boundary and the last byte.
    let head = store.get_range(&path, 0..100).await?;
    assert_eq!(&head[..], &expected(0..100)[..]);
    let ranges = [
        PART_BYTES as u64 - 10..PART_BYTES as u64 + 10,
        7_000_000..7_065_536,
        total as u64 - 1..total as u64,
    ];
    let parts = store.get_ranges(&path, &ranges).await?;
    for (range, bytes) in ranges.iter().zip(&parts) {
        assert_eq!(
            &bytes[..],
            &expected(range.start as usize..range.end as usize)[..],
            "range {range:?}"
        );
    }
    assert_eq!(store.head(&path).await?.size, total as u64);

    let listed: Vec<_> = store
        .list(Some(&StorePath::from(format!("{prefix}/ho-so"))))
        .try_collect()
        .await?;
    let mut names: Vec<_> = listed
        .iter()
        .map(|m| (m.location.to_string(), m.size))
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![(path.to_string(), total as u64), (small.to_string(), 20),]
    );

    store.delete(&path).await?;
    store.delete(&small).await?;
    let missing = store.get(&path).await;
    assert!(
        matches!(missing, Err(object_store::Error::NotFound { .. })),
        "{missing:?}"
    );
    let left: Vec<_> = store
        .list(Some(&StorePath::from(prefix)))
        .try_collect()
        .await?;
    assert!(left.is_empty(), "{left:?}");
    Ok(())
}
