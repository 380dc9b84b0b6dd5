//! Attaching a 200 MB certificate: hashing and copying it into the store, in MB/s, with
//! the process's peak memory before and after to show that it streams.
//!
//! Run with `cargo bench -p benchlog-file-store` (or `cargo xtask bench`).

use std::io::Write;
use std::time::Instant;

use benchlog_file_store::FileStore;

const SIZE_BYTES: u64 = 200 * 1_000_000;
const RUNS: usize = 5;

fn main() {
    // On the disk the build uses, as the data folder would be: not a RAM-backed /tmp.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let source = dir.path().join("certificate.pdf");
    write_source(&source);
    let store = FileStore::open(&dir.path().join("store")).unwrap();
    let before = peak_memory_kb();

    let mut rates = Vec::new();
    for run in 0..RUNS {
        // Each run stores new content, so none is skipped as a duplicate.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&source)
            .unwrap()
            .write_all(&(run as u64).to_le_bytes())
            .unwrap();
        let start = Instant::now();
        let stored = store.import(&source, SIZE_BYTES).unwrap();
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(stored.size_bytes, SIZE_BYTES);
        rates.push(SIZE_BYTES as f64 / 1e6 / seconds);
    }
    rates.sort_by(f64::total_cmp);
    let after = peak_memory_kb();
    println!(
        "attach 200 MB (SHA-256 + copy + fsync): median {:.0} MB/s (min {:.0}, max {:.0}) over {RUNS} runs",
        rates[RUNS / 2],
        rates[0],
        rates[RUNS - 1]
    );
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "peak memory: {:.1} MB before, {:.1} MB after (+{:.1} MB)",
            before as f64 / 1e3,
            after as f64 / 1e3,
            (after - before) as f64 / 1e3
        );
    }
}

fn write_source(path: &std::path::Path) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut block = vec![0u8; 1 << 20];
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut written = 0;
    while written < SIZE_BYTES {
        for byte in block.iter_mut() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *byte = state as u8;
        }
        let take = block.len().min((SIZE_BYTES - written) as usize);
        file.write_all(&block[..take]).unwrap();
        written += take as u64;
    }
    file.into_inner().unwrap().sync_all().unwrap();
}

/// The process's peak resident memory (`VmHWM`) in kB, where the OS reports it.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
