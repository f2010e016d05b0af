//! Accuracy gates on the shared corpora, measured with the project's scorer.
//!
//! Each test runs the release CLI with `--jsonl` over a gold corpus from `../shared/corpus/`,
//! scores the predictions with `../shared/eval/score.py --json`, and checks the figures the
//! engine must reach. The corpora are not part of the project (they are third-party text kept
//! for measurement only), so where `../shared` is missing the tests say so and pass without
//! measuring; `SOURCELIGHT_SHARED` points them at another copy.

use std::path::PathBuf;
use std::process::{Command, Stdio};

fn shared_dir() -> PathBuf {
    std::env::var_os("SOURCELIGHT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The scorer's metrics for the predictions on `corpus/<set>.jsonl`, or `None` (with a line
/// saying so) when the corpus or the scorer is not there.
fn scores(set: &str) -> Option<serde_json::Value> {
    let shared = shared_dir();
    let gold = shared.join("corpus").join(format!("{set}.jsonl"));
    let scorer = shared.join("eval/score.py");
    if !gold.is_file() || !scorer.is_file() {
        eprintln!("SKIPPED: accuracy gates on {set}: {} or {} is missing", gold.display(), scorer.display());
        println!("SKIPPED: accuracy gates on {set}: the shared corpus is missing");
        return None;
    }
    let predictions = std::env::temp_dir().join(format!(
        "sourcelight-{}-{}.jsonl",
        set.replace('/', "-"),
        std::process::id()
    ));
    let status = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .args(["analyze", "--jsonl"])
        .stdin(std::fs::File::open(&gold).expect("the gold corpus opens"))
        .stdout(std::fs::File::create(&predictions).expect("a temporary file can be created"))
        .status()
        .expect("the CLI runs");
    assert!(status.success(), "the CLI failed on {}", gold.display());
    let output = Command::new("python3")
        .arg(&scorer)
        .args(["--json", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&predictions)
        .stderr(Stdio::inherit())
        .output()
        .expect("python3 runs the scorer");
    let _ = std::fs::remove_file(&predictions);
    assert!(output.status.success(), "the scorer failed on {set}");
    Some(serde_json::from_slice(&output.stdout).expect("the scorer prints JSON"))
}

/// Checks every `(metric, at least)` pair and reports all shortfalls at once.
fn assert_at_least(set: &str, metrics: &serde_json::Value, gates: &[(&str, f64)]) {
    let shortfalls: Vec<String> = gates
        .iter()
        .filter_map(|&(name, least)| {
            let value = metrics[name].as_f64().unwrap_or_else(|| panic!("the scorer has no metric {name}"));
            (value < least).then(|| format!("{name} = {value:.4} < {least}"))
        })
        .collect();
    assert!(shortfalls.is_empty(), "{set}: {}", shortfalls.join("; "));
}

#[test]
fn seed_article_statements_speakers_and_parties() {
    let Some(m) = scores("seed/gold") else { return };
    assert_at_least("seed", &m, &[("e2e_F1", 0.94), ("party.name_acc", 1.0), ("party.pair_F1", 1.0)]);
}

#[test]
fn polnear_dev_quotes_attributions_and_parties() {
    let Some(m) = scores("polnear/dev") else { return };
    assert_at_least(
        "polnear/dev",
        &m,
        &[
            ("direct+mixed.content_F1", 0.91),
            ("direct+mixed.speaker_acc", 0.93),
            ("content_F1", 0.69),
            ("e2e_F1", 0.65),
            ("party.name_acc", 0.83),
            ("party.pair_F1", 0.90),
        ],
    );
}
