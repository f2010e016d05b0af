//! `sourcelight frames`: what each rule of the finder is worth.
//!
//! For each gold corpus (by default the seed article and PolNeAR dev from the shared folder),
//! the engine runs once with every rule on and once with each rule off; the project's scorer
//! (`eval/score.py` in the shared folder, run with `python3`) scores every run. The table gives,
//! for each rule, how many attributions it finds and what turning it off costs on each metric:
//! a positive figure is what the rule earns, a negative one what it loses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sourcelight::{analyze_with, Block, Options, RuleSet, RULES};

use crate::analyze::json_problem;
use crate::print;

/// The scorer's metrics the table shows, with their headings.
const METRICS: &[(&str, &str)] = &[
    ("content_F1", "content F1"),
    ("direct+mixed.content_F1", "quoted F1"),
    ("speaker_acc", "speaker"),
    ("e2e_F1", "e2e F1"),
    ("party.name_acc", "party name"),
    ("party.pair_F1", "party pair"),
];

/// A gold corpus: its documents' ids and texts.
struct Gold {
    path: PathBuf,
    docs: Vec<(Value, String)>,
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let shared = crate::shared_dir();
    let mut scorer = shared.join("eval/score.py");
    let mut paths = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scorer" => scorer = args.next().ok_or("--scorer needs a path")?.into(),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{}", crate::USAGE)),
            path => paths.push(PathBuf::from(path)),
        }
    }
    if paths.is_empty() {
        paths = vec![shared.join("corpus/seed/gold.jsonl"), shared.join("corpus/polnear/dev.jsonl")];
    }
    if !scorer.is_file() {
        return Err(format!(
            "{}: the scorer is missing (set SOURCELIGHT_SHARED or pass --scorer)",
            scorer.display()
        ));
    }
    for path in paths {
        let gold = read_gold(&path)?;
        report(&gold, &scorer)?;
    }
    Ok(true)
}

fn read_gold(path: &Path) -> Result<Gold, String> {
    let name = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line)
            .map_err(|e| format!("{name}:{}: {}", n + 1, json_problem(line, &e)))?;
        let text = doc
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{name}:{}: no \"text\" string", n + 1))?;
        docs.push((doc.get("id").cloned().unwrap_or(Value::Null), text.to_string()));
    }
    Ok(Gold { path: path.to_path_buf(), docs })
}

/// Prints the table for one corpus.
fn report(gold: &Gold, scorer: &Path) -> Result<(), String> {
    let all = score(gold, RuleSet::all(), scorer)?;
    let found = frame_counts(gold);
    println!("== {} ({} documents)", gold.path.display(), gold.docs.len());
    let figures: Vec<String> =
        METRICS.iter().map(|(key, label)| format!("{label} {}", figure(&all, key))).collect();
    println!("every rule on: {}", figures.join(" · "));
    println!("what turning a rule off costs (positive: the rule helps):");
    print!("  {:<22} {:<7} {:>6}", "rule", "kind", "found");
    for (_, label) in METRICS {
        print!(" {label:>11}");
    }
    println!();
    for (rule, count) in RULES.iter().zip(&found) {
        let without = score(gold, RuleSet::all().without(rule.rule), scorer)?;
        let kind = if rule.is_frame() { "frame" } else { "policy" };
        let count = if rule.is_frame() { count.to_string() } else { "—".to_string() };
        print!("  {:<22} {kind:<7} {count:>6}", rule.name);
        for (key, _) in METRICS {
            let worth =
                match (all.get(*key).and_then(Value::as_f64), without.get(*key).and_then(Value::as_f64)) {
                    (Some(on), Some(off)) => format!("{:+.3}", on - off),
                    _ => "—".to_string(),
                };
            print!(" {worth:>11}");
        }
        println!();
    }
    println!();
    Ok(())
}

fn figure(metrics: &Value, key: &str) -> String {
    metrics.get(key).and_then(Value::as_f64).map_or("—".to_string(), |v| format!("{v:.3}"))
}

/// How many attributions each rule's frame finds with every rule on.
fn frame_counts(gold: &Gold) -> Vec<usize> {
    let mut counts = vec![0; RULES.len()];
    for (_, text) in &gold.docs {
        for a in analyze_with(&[Block::text(text)], &Options::default()).attributions {
            if let Some(i) = RULES.iter().position(|r| r.name == a.frame) {
                counts[i] += 1;
            }
        }
    }
    counts
}

/// The scorer's metrics for the engine's predictions with `rules` on.
fn score(gold: &Gold, rules: RuleSet, scorer: &Path) -> Result<Value, String> {
    let predictions = std::env::temp_dir().join(format!("sourcelight-frames-{}.jsonl", std::process::id()));
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&predictions).map_err(|e| format!("{}: {e}", predictions.display()))?,
    );
    for (id, text) in &gold.docs {
        let analysis = analyze_with(&[Block::text(text)], &Options { rules });
        print::prediction(&mut file, id, text, analysis)
            .map_err(|e| format!("{}: {e}", predictions.display()))?;
    }
    file.flush().map_err(|e| format!("{}: {e}", predictions.display()))?;
    drop(file);
    let output = Command::new("python3")
        .arg(scorer)
        .args(["--json", "--gold"])
        .arg(&gold.path)
        .arg("--pred")
        .arg(&predictions)
        .output()
        .map_err(|e| format!("cannot run python3 {}: {e}", scorer.display()));
    let _ = std::fs::remove_file(&predictions);
    let output = output?;
    if !output.status.success() {
        return Err(format!("the scorer failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("the scorer printed no JSON: {e}"))
}
