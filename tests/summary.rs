//! How well the engine tells how each statement's source is given and whom it answers,
//! measured on articles written for this project and annotated by hand (`tests/summary/`).
//!
//! Each gold statement is matched to the attribution whose content holds its words; for the
//! statements found, sourcing accuracy is the share whose class is the gold one, and target
//! accuracy the share whose target is right (none where the gold has none, else a party whose
//! name holds one of the gold party's names). `cargo test -- --nocapture` prints the figures
//! (`./build.sh eval` does), and the test gates both at 0.9.

use std::path::Path;

use serde_json::Value;
use sourcelight::{analyze, Analysis, Attribution};

/// The figures over the whole set.
#[derive(Default)]
struct Tally {
    statements: usize,
    found: usize,
    sourcing_right: usize,
    target_right: usize,
    with_target: usize,
    with_target_right: usize,
}

fn content_text(text: &str, a: &Attribution) -> String {
    a.content.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>().join(" ")
}

/// Whether a party name names the gold party `gold` of this article.
fn names_party(name: &str, gold: &str, parties: &[Value]) -> bool {
    let party = parties.iter().find(|p| p["name"] == gold);
    let names = party.into_iter().flat_map(|p| {
        std::iter::once(p["name"].as_str().unwrap_or(""))
            .chain(p["names"].as_array().into_iter().flatten().filter_map(Value::as_str))
    });
    let name = name.to_lowercase();
    names
        .filter(|n| !n.is_empty())
        .any(|n| name.contains(&n.to_lowercase()) || n.to_lowercase().contains(&name))
}

fn score_article(dir: &Path, gold: &Value, tally: &mut Tally, misses: &mut Vec<String>) {
    let file = gold["file"].as_str().expect("a file");
    let text = std::fs::read_to_string(dir.join(file)).expect("the article reads");
    let analysis: Analysis = analyze(&text);
    let parties = gold["parties"].as_array().cloned().unwrap_or_default();
    for statement in gold["statements"].as_array().expect("statements") {
        tally.statements += 1;
        let words = statement["content"].as_str().expect("content");
        let found = analysis.attributions.iter().find(|a| content_text(&text, a).contains(words));
        let Some(a) = found else {
            misses.push(format!("{file}: not found: {words:?}"));
            continue;
        };
        tally.found += 1;
        let sourcing = serde_json::to_value(a.sourcing).expect("sourcing serializes");
        if sourcing == statement["sourcing"] {
            tally.sourcing_right += 1;
        } else {
            misses.push(format!("{file}: sourcing {sourcing} for {}: {words:?}", statement["sourcing"]));
        }
        let target = a.target.map(|t| analysis.parties[t].name.as_str());
        let right = match (statement["target"].as_str(), target) {
            (None, None) => true,
            (Some(gold), Some(name)) => names_party(name, gold, &parties),
            _ => false,
        };
        if statement["target"].is_string() {
            tally.with_target += 1;
            tally.with_target_right += usize::from(right);
        }
        if right {
            tally.target_right += 1;
        } else {
            misses.push(format!("{file}: target {target:?} for {}: {words:?}", statement["target"]));
        }
    }
}

#[test]
fn sourcing_and_targets_on_our_own_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/summary");
    let gold = std::fs::read_to_string(dir.join("gold.jsonl")).expect("tests/summary/gold.jsonl reads");
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).expect("gold lines are JSON");
        score_article(&dir, &article, &mut tally, &mut misses);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let sourcing = ratio(tally.sourcing_right, tally.found);
    let target = ratio(tally.target_right, tally.found);
    println!(
        "summary set: {} statements, {} found ({:.3}); sourcing accuracy {sourcing:.3}; target accuracy {target:.3} \
         ({} of {} statements with a target right)",
        tally.statements,
        tally.found,
        ratio(tally.found, tally.statements),
        tally.with_target_right,
        tally.with_target
    );
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(
        sourcing >= 0.9 && target >= 0.9,
        "sourcing {sourcing:.3} and target {target:.3} must both reach 0.9"
    );
}
