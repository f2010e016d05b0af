//! `sourcelight bench`: the engine's speed on real texts, and how time, steps and memory grow
//! with the length of the input, on the longest real text and on every family of hostile text
//! ([`crate::families`]).

use std::io::{self, BufRead};
use std::time::Instant;

use serde_json::Value;
use sourcelight::{analyze, analyze_blocks, steps, Block};

use crate::alloc;
use crate::families::FAMILIES;
use crate::print;

/// Measures speed on the texts of a JSON Lines file, then growth on 1x, 10x and 100x its
/// longest text.
pub fn run(args: &[String]) -> Result<bool, String> {
    let default = crate::shared_dir().join("corpus/polnear/dev.jsonl");
    let path = args.first().map_or_else(|| default.to_string_lossy().into_owned(), String::clone);
    let path = path.as_str();
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let mut texts = Vec::new();
    for (n, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: cannot read: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: bad JSON: {e}", n + 1))?;
        if let Some(text) = doc.get("text").and_then(Value::as_str) {
            texts.push(text.to_string());
        }
    }
    if texts.is_empty() {
        return Err(format!("{path}: no texts"));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    analyze(&texts[0]);
    let rounds = 5;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for text in &texts {
            found += analyze(text).attributions.len();
        }
    }
    let seconds = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{} texts, {:.2} MB, {} words, {} attributions a pass",
        texts.len(),
        bytes as f64 / 1e6,
        words,
        found / rounds
    );
    println!(
        "throughput: {:.1} MB/s, {:.4} ms per 1,000 words (single thread, mean of {rounds} passes)",
        bytes as f64 / 1e6 / seconds,
        seconds * 1e3 / (words as f64 / 1e3)
    );
    let longest = texts.iter().max_by_key(|t| t.len()).expect("texts is not empty");
    println!("growth on the longest text ({} bytes), repeated:", longest.len());
    println!("  {:>6} {:>12} {:>12} {:>14} {:>16}", "times", "bytes", "ms", "ns per byte", "peak heap/input");
    for times in [1usize, 10, 100] {
        let text = vec![longest.as_str(); times].join("\n\n");
        let base = alloc::start_measuring();
        let start = Instant::now();
        let analysis = analyze(&text);
        let elapsed = start.elapsed().as_secs_f64();
        let peak = alloc::peak_since(base);
        drop(analysis);
        println!(
            "  {:>5}x {:>12} {:>12.2} {:>14.1} {:>15.1}x",
            times,
            text.len(),
            elapsed * 1e3,
            elapsed * 1e9 / text.len() as f64,
            peak as f64 / text.len() as f64
        );
    }
    families();
    Ok(true)
}

/// The peak heap of the command line's whole path for `blocks`, from the input read into memory
/// to the JSON written (to nowhere): what `analyze` or `analyze --blocks` holds at its peak.
fn cli_peak(blocks: &[Block]) -> usize {
    let base = alloc::start_measuring();
    let input: Vec<String> = blocks.iter().map(|b| b.text.to_string()).collect();
    let read: Vec<Block> = input.iter().zip(blocks).map(|(text, b)| Block { text, role: b.role }).collect();
    let analysis = analyze_blocks(&read);
    let written = match read.as_slice() {
        [one] => print::json(&mut io::sink(), one.text, analysis, true),
        _ => {
            let ids: Vec<Value> = (0..read.len()).map(Value::from).collect();
            print::blocks_json(&mut io::sink(), &read, &ids, analysis)
        }
    };
    written.expect("writing to nowhere does not fail");
    alloc::peak_since(base)
}

/// The size of each hostile family at 1×: about 20 KB, as the longest real text.
const FAMILY_UNITS: usize = 1_000;

/// Time, steps and peak heap of every family at 1×, 10× and 100×.
fn families() {
    println!("hostile families at 1×, 10× and 100× (see src/cli/families.rs):");
    println!(
        "  {:<26} {:>6} {:>10} {:>10} {:>12} {:>12} {:>10} {:>10}",
        "family", "times", "bytes", "ms", "ns per byte", "steps/byte", "heap/input", "CLI/input"
    );
    for family in FAMILIES {
        for times in [1usize, 10, 100] {
            let blocks = family.blocks(FAMILY_UNITS * times);
            let blocks: Vec<Block> = blocks.iter().map(|(role, text)| Block { text, role: *role }).collect();
            let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
            let base = alloc::start_measuring();
            let before = steps::count();
            let start = Instant::now();
            let analysis = analyze_blocks(&blocks);
            let elapsed = start.elapsed().as_secs_f64();
            let counted = steps::count() - before;
            let peak = alloc::peak_since(base);
            drop(analysis);
            let cli = cli_peak(&blocks);
            println!(
                "  {:<26} {:>5}x {:>10} {:>10.2} {:>12.1} {:>12.1} {:>9.1}x {:>9.1}x",
                family.name,
                times,
                bytes,
                elapsed * 1e3,
                elapsed * 1e9 / bytes as f64,
                counted as f64 / bytes as f64,
                peak as f64 / bytes as f64,
                cli as f64 / bytes as f64
            );
        }
    }
}
