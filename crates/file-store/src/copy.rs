//! Streaming a file through SHA-256 in fixed-size chunks.

use std::io::{self, Read, Write};

use benchlog_domain::certificate::ContentHash;
use sha2::{Digest, Sha256};

/// How much of a file is held in memory at once.
const CHUNK_BYTES: usize = 1 << 20;

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
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; CHUNK_BYTES];
    let mut size_bytes = 0;
    loop {
        let read = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        hasher.update(&buffer[..read]);
        output.write_all(&buffer[..read])?;
        size_bytes += read as u64;
    }
    output.flush()?;
    Ok(Copied {
        hash: ContentHash::from_bytes(&hasher.finalize().into()),
        size_bytes,
    })
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
}
