//! Embeds a hash of the engine's sources, so that `pipeline.batch.manifest.engine()` names the
//! compiled core by what defines it (the same on every checkout of one commit), not by the
//! bytes a compiler happened to write.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs") | Some("toml")
        ) {
            found.push(path);
        }
    }
}

/// FNV-1a, 64 bits: an identity, not a defence.
fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn main() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    sources(&crates, &mut found);
    found.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for path in &found {
        let relative = path.strip_prefix(&crates).unwrap_or(path);
        hash = fnv(hash, relative.to_string_lossy().as_bytes());
        hash = fnv(hash, &fs::read(path).unwrap_or_default());
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!("cargo:rustc-env=PIPELINE_CORE_SOURCE_HASH={hash:016x}");
}
