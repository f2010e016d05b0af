//! `cargo +nightly fuzz run analyze_blocks`: the engine on blocks with roles, checked against
//! the output invariants of `tests/common/invariants.rs` (the same function as the stable
//! test `tests/invariants.rs`).
//!
//! The input's bytes are cut into blocks at each byte 0x01; the byte after a cut chooses the
//! block's role, and the rest is the block's text, decoded as UTF-8 with invalid bytes
//! replaced. A panic or a broken invariant is a crash that libFuzzer saves in
//! `fuzz/artifacts/analyze_blocks/`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelight::{analyze_blocks, Block, Role};

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let mut blocks: Vec<(Role, String)> = Vec::new();
    for (i, piece) in data.split(|&b| b == 1).enumerate() {
        let (role, text) = match (i, piece.split_first()) {
            (0, _) | (_, None) => (Role::Text, piece),
            (_, Some((&r, rest))) => (Role::ALL[r as usize % Role::ALL.len()], rest),
        };
        blocks.push((role, String::from_utf8_lossy(text).into_owned()));
    }
    let engine: Vec<Block> = blocks.iter().map(|(role, text)| Block { text, role: *role }).collect();
    let texts: Vec<&str> = blocks.iter().map(|(_, text)| text.as_str()).collect();
    let analysis = analyze_blocks(&engine);
    let problems = invariants::violations(&texts, &analysis);
    assert!(problems.is_empty(), "{blocks:?}:\n{}", problems.join("\n"));
});
