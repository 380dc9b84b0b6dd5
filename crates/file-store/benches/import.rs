//! Attaching a 200 MB certificate: hashing and copying it into the store, in MB/s, next to
//! what a plain copy with fsync (no hashing) of the same file reaches on the same disk in
//! the same runs, with the process's peak memory before and after to show that it
//! streams.
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

    // One warm-up run, not counted: the first write into a new store folder is slower.
    let mut rates = Vec::new();
    let mut plain_rates = Vec::new();
    for run in 0..=RUNS {
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
        let plain = plain_copy_seconds(&source, &dir.path().join("plain copy"));
        if run > 0 {
            rates.push(SIZE_BYTES as f64 / 1e6 / seconds);
            plain_rates.push(SIZE_BYTES as f64 / 1e6 / plain);
        }
    }
    let after = peak_memory_kb();
    report("attach 200 MB (SHA-256 + copy + fsync + rename)", rates);
    report(
        "plain copy 200 MB (copy + fsync), the disk's pace",
        plain_rates,
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

/// Copies without hashing, as fast as std can, and flushes: what the disk allows.
fn plain_copy_seconds(source: &std::path::Path, target: &std::path::Path) -> f64 {
    let start = Instant::now();
    std::fs::copy(source, target).unwrap();
    std::fs::File::open(target).unwrap().sync_all().unwrap();
    let seconds = start.elapsed().as_secs_f64();
    std::fs::remove_file(target).unwrap();
    seconds
}

fn report(what: &str, mut rates: Vec<f64>) {
    rates.sort_by(f64::total_cmp);
    println!(
        "{what}: median {:.0} MB/s (min {:.0}, max {:.0}) over {RUNS} runs",
        rates[RUNS / 2],
        rates[0],
        rates[RUNS - 1]
    );
}

/// The process's peak resident memory (`VmHWM`) in kB, where the OS reports it.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
