//! Streaming a file through SHA-256 in fixed-size chunks. Hashing runs on its own thread
//! while the chunks are written, so a copy costs the slower of the two, not their sum.

use std::io::{self, Read, Write};
use std::sync::mpsc;
use std::thread;

use benchlog_domain::certificate::ContentHash;
use sha2::{Digest, Sha256};

/// How much of a file one chunk holds: small enough to stay in the CPU's caches, which
/// measured steadier and faster than 1 MiB or 4 MiB (see BENCHMARKS.md).
const CHUNK_BYTES: usize = 256 << 10;
/// How many chunks are in memory at once: one being read or written, the rest queued for
/// (or inside) the hasher.
const CHUNKS: usize = 4;

/// What a copy saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The content's hash.
    pub hash: ContentHash,
    /// How many bytes were copied.
    pub size_bytes: u64,
}

/// Copies `input` to `output`, hashing it on the way.
pub(crate) fn hashing(mut input: impl Read, output: &mut impl Write) -> io::Result<Copied> {
    let (to_hasher, chunks) = mpsc::sync_channel::<Vec<u8>>(CHUNKS);
    let (hashed, spare) = mpsc::channel::<Vec<u8>>();
    for _ in 0..CHUNKS {
        hashed
            .send(vec![0; CHUNK_BYTES])
            .expect("the receiver is here");
    }
    thread::scope(|scope| {
        let hasher = scope.spawn(move || {
            let mut hasher = Sha256::new();
            for chunk in chunks {
                hasher.update(&chunk);
                // The copy may have ended early on an error; then nobody takes it back.
                let _ = hashed.send(chunk);
            }
            hasher.finalize()
        });
        let mut size_bytes = 0;
        let copied = (|| loop {
            let mut chunk = spare.recv().expect("the hasher returns every chunk");
            chunk.resize(CHUNK_BYTES, 0);
            let read = read_some(&mut input, &mut chunk)?;
            if read == 0 {
                return output.flush();
            }
            chunk.truncate(read);
            output.write_all(&chunk)?;
            size_bytes += read as u64;
            to_hasher
                .send(chunk)
                .expect("the hasher runs until the copy ends");
        })();
        drop(to_hasher);
        let digest = hasher.join().expect("hashing does not panic");
        copied?;
        Ok(Copied {
            hash: ContentHash::from_bytes(&digest.into()),
            size_bytes,
        })
    })
}

/// Reads what `input` has, retrying reads a signal interrupted; 0 at the end.
fn read_some(input: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    loop {
        match input.read(buffer) {
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_what_it_copies() {
        let mut out = Vec::new();
        let copied = hashing(&b"abc"[..], &mut out).unwrap();
        assert_eq!(out, b"abc");
        assert_eq!(copied.size_bytes, 3);
        assert_eq!(
            copied.hash.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "the FIPS 180-2 test vector"
        );
    }

    #[test]
    fn chunks_reach_the_hasher_in_order() {
        // More chunks than are in flight at once, and a short last one.
        let content: Vec<u8> = (0..CHUNK_BYTES * (CHUNKS + 3) + 17)
            .map(|i| (i % 251) as u8)
            .collect();
        let mut out = Vec::new();
        let copied = hashing(&content[..], &mut out).unwrap();
        assert_eq!(out, content);
        let expected = ContentHash::from_bytes(&Sha256::digest(&content).into());
        assert_eq!(copied.hash, expected);
    }

    #[test]
    fn a_failing_write_is_reported_and_ends_the_hasher() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let content = vec![1u8; CHUNK_BYTES * 3];
        let error = hashing(&content[..], &mut Full).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
    }
}
