//! The `sourcelight` command line, run as a user runs it: the built binary on files.
//!
//! Covers the three outputs of `analyze` (JSON, `--text` for people, `--jsonl` predictions in
//! the scorer's format with offsets in Unicode code points) and the failures a user meets:
//! invalid UTF-8, a file that cannot be read, a bad line in JSON Lines, a bad command line.
//! Every failure must end in a non-zero exit and a message that names the place, and no run
//! may panic.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(bytes: &[u8]) -> TempFile {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let name =
            format!("sourcelight-cli-{}-{}.txt", std::process::id(), COUNT.fetch_add(1, Ordering::Relaxed));
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, bytes).expect("the temporary directory is writable");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// What a run printed and how it ended.
struct Run {
    success: bool,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args`; fails the test if it panicked.
fn sourcelight(args: &[&str]) -> Run {
    let output =
        Command::new(env!("CARGO_BIN_EXE_sourcelight")).args(args).output().expect("the binary runs");
    let run = Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "sourcelight {args:?} panicked:\n{}", run.stderr);
    run
}

/// Code points `pair[0]..pair[1]` of `text`, as the scorer reads them.
fn chars(text: &str, pair: &Value) -> String {
    let at = |i: usize| {
        pair.get(i).and_then(Value::as_u64).unwrap_or_else(|| panic!("not a pair of offsets: {pair}"))
            as usize
    };
    text.chars().skip(at(0)).take(at(1).saturating_sub(at(0))).collect()
}

/// Multi-byte characters of every width (2, 3 and 4 bytes; the emoji is also two UTF-16
/// units) before the quote, so that byte, UTF-16 and code point offsets all differ.
const ARTICLE: &str = "Zürich — 外交部 🇨🇭 Ελλάδα 😀\n\n\"We will not back down,\" said Nadia Haddad. Haddad added that talks would resume.";

#[test]
fn analyze_prints_json_with_attributions() {
    let file = TempFile::new(ARTICLE.as_bytes());
    let run = sourcelight(&["analyze", file.path()]);
    assert!(run.success, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let attributions = json["attributions"].as_array().expect("an array of attributions");
    let quote =
        attributions.iter().find(|a| a["speaker_text"] == "Nadia Haddad").expect("Nadia Haddad's quote");
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["cue_text"], "said");
    assert!(chars(ARTICLE, &quote["content"][0]).contains("We will not back down"), "{quote}");
    assert_eq!(chars(ARTICLE, &quote["speaker"]), "Nadia Haddad", "{quote}");
    assert_eq!(json["parties"][0]["name"], "Nadia Haddad");
}

#[test]
fn text_output_names_the_parties_and_their_statements() {
    let file = TempFile::new(ARTICLE.as_bytes());
    let run = sourcelight(&["analyze", "--text", file.path()]);
    assert!(run.success, "{}", run.stderr);
    assert!(run.stdout.contains("Nadia Haddad"), "{}", run.stdout);
    assert!(run.stdout.contains("We will not back down"), "{}", run.stdout);
    assert!(run.stdout.contains("talks would resume"), "{}", run.stdout);
    assert!(
        serde_json::from_str::<Value>(&run.stdout).is_err(),
        "--text should not print JSON:\n{}",
        run.stdout
    );
}

#[test]
fn text_output_counts_apart_the_parties_only_aimed_at() {
    let file = TempFile::new("Tirana accused Tehran of the attack on its servers.".as_bytes());
    let run = sourcelight(&["analyze", "--text", file.path()]);
    assert!(run.success, "{}", run.stderr);
    assert!(run.stdout.starts_with("1 statements from 1 parties (1 more only aimed at)\n"), "{}", run.stdout);
}

#[test]
fn standard_input_is_read_when_no_file_is_given() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .args(["analyze", "--text"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin is piped"), ARTICLE.as_bytes())
        .expect("stdin takes the text");
    let output = child.wait_with_output().expect("the binary ends");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("Nadia Haddad"), "{stdout}");
}

#[test]
fn jsonl_writes_scorer_predictions_in_code_points() {
    let line = serde_json::json!({"id": "doc-7", "text": ARTICLE, "source": "wire"}).to_string();
    let file = TempFile::new(format!("{line}\n").as_bytes());
    let run = sourcelight(&["analyze", "--jsonl", file.path()]);
    assert!(run.success, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let prediction: Value = serde_json::from_str(lines[0]).expect("each line is JSON");
    assert_eq!(prediction["id"], "doc-7");
    let quotes = prediction["quotes"].as_array().expect("an array of quotes");
    let quote = quotes
        .iter()
        .find(|q| chars(ARTICLE, &q["content"]).contains("We will not back down"))
        .unwrap_or_else(|| {
            let found: Vec<String> = quotes.iter().map(|q| chars(ARTICLE, &q["content"])).collect();
            panic!("no quote whose content is the quote, in code points; found {found:?}")
        });
    assert_eq!(chars(ARTICLE, &quote["speaker"]), "Nadia Haddad", "{quote}");
    assert_eq!(chars(ARTICLE, &quote["cue"]), "said", "{quote}");
    assert_eq!(quote["kind"], "direct");
    let party = quote["party"].as_str().expect("the quote has a party");
    let parties = prediction["parties"].as_array().expect("an array of parties");
    let named = parties.iter().find(|p| p["id"] == party).expect("the quote's party is listed");
    assert_eq!(named["name"], "Nadia Haddad");
    let aliases: Vec<&str> =
        named["aliases"].as_array().expect("aliases").iter().filter_map(Value::as_str).collect();
    assert!(aliases.contains(&"Haddad"), "{named}");
}

#[test]
fn jsonl_writes_one_line_per_text_in_order() {
    let texts = ["\"Yes,\" said Lena Varga.", "No one spoke.", "Oskar Lind said the port would close."];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string() + "\n")
        .collect();
    let file = TempFile::new(input.as_bytes());
    let run = sourcelight(&["analyze", "--jsonl", file.path()]);
    assert!(run.success, "{}", run.stderr);
    let ids: Vec<Value> =
        run.stdout.lines().map(|l| serde_json::from_str::<Value>(l).expect("JSON")["id"].clone()).collect();
    assert_eq!(ids, [0, 1, 2]);
}

#[test]
fn invalid_utf8_names_the_file_and_the_byte() {
    let file = TempFile::new(b"Lena Varga said the port \xff would close.");
    for format in [None, Some("--text")] {
        let args: Vec<&str> = ["analyze"].into_iter().chain(format).chain([file.path()]).collect();
        let run = sourcelight(&args);
        assert!(!run.success, "invalid UTF-8 should fail");
        assert!(run.stderr.contains(file.path()), "the message should name the file: {}", run.stderr);
        assert!(run.stderr.contains("byte 25"), "the message should name byte 25: {}", run.stderr);
    }
}

#[test]
fn unreadable_file_is_named() {
    let missing = std::env::temp_dir().join(format!("sourcelight-cli-{}-missing.txt", std::process::id()));
    let missing = missing.to_str().expect("temporary paths are UTF-8");
    let directory = std::env::temp_dir();
    let directory = directory.to_str().expect("temporary paths are UTF-8");
    for path in [missing, directory] {
        for format in [None, Some("--text"), Some("--jsonl")] {
            let args: Vec<&str> = ["analyze"].into_iter().chain(format).chain([path]).collect();
            let run = sourcelight(&args);
            assert!(!run.success, "{args:?} should fail");
            assert!(run.stderr.contains(path), "the message should name {path}: {}", run.stderr);
        }
    }
}

#[test]
fn bad_jsonl_lines_are_reported_and_the_rest_written() {
    let input = [
        r#"{"id": "a", "text": "Lena Varga said the port would close."}"#,
        r#"{"id": "b", "text": "unterminated"#,
        r#"{"id": "c", "text": "\"Yes,\" said Oskar Lind."}"#,
        r#"{"id": "d"}"#,
        r#"{"id": "e", "text": "Farid Osmani said talks would resume."}"#,
    ]
    .join("\n");
    let file = TempFile::new(input.as_bytes());
    let run = sourcelight(&["analyze", "--jsonl", file.path()]);
    assert!(!run.success, "a bad line should make the exit non-zero");
    let ids: Vec<Value> =
        run.stdout.lines().map(|l| serde_json::from_str::<Value>(l).expect("JSON")["id"].clone()).collect();
    assert_eq!(ids, ["a", "c", "e"]);
    for line in [2, 4] {
        assert!(
            run.stderr.contains(&format!("{}:{line}:", file.path())),
            "line {line} should be reported: {}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains(&format!("{}:3:", file.path())), "{}", run.stderr);
}

#[test]
fn invalid_utf8_in_a_jsonl_line_is_reported_and_the_rest_written() {
    let mut input = br#"{"id": "a", "text": "Lena Varga said the port would close."}"#.to_vec();
    input.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(br#"{"id": "c", "text": "Oskar Lind said it would not."}"#);
    let file = TempFile::new(&input);
    let run = sourcelight(&["analyze", "--jsonl", file.path()]);
    assert!(!run.success);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(run.stderr.contains(&format!("{}:2:", file.path())), "{}", run.stderr);
}

#[test]
fn bad_command_lines_fail_with_usage() {
    for args in [&[][..], &["frobnicate"][..], &["analyze", "--frobnicate"][..]] {
        let run = sourcelight(args);
        assert!(!run.success, "{args:?} should fail");
        assert!(run.stderr.contains("usage"), "{args:?} should print the usage: {}", run.stderr);
    }
}

#[test]
fn hostile_text_does_not_panic_in_any_format() {
    let text = "\"\n\n“ ‘ « ‹ „\u{0}\u{1b}😀\u{301}\n\n:Tirana\n\n\"We said,\" he said. ”»›";
    let file = TempFile::new(text.as_bytes());
    let line = serde_json::json!({"id": 1, "text": text}).to_string();
    let jsonl = TempFile::new(line.as_bytes());
    for args in [
        vec!["analyze", file.path()],
        vec!["analyze", "--text", file.path()],
        vec!["analyze", "--jsonl", jsonl.path()],
    ] {
        let run = sourcelight(&args);
        assert!(run.success, "{args:?}: {}", run.stderr);
    }
}

#[test]
fn every_output_names_the_frame_that_found_each_statement() {
    let file = TempFile::new(ARTICLE.as_bytes());
    let json: Value = serde_json::from_str(&sourcelight(&["analyze", file.path()]).stdout).expect("JSON");
    let quote = json["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .find(|a| a["speaker_text"] == "Nadia Haddad")
        .cloned();
    assert_eq!(quote.expect("Nadia Haddad's quote")["frame"], "cue_then_speaker");
    let text = sourcelight(&["analyze", "--text", file.path()]).stdout;
    assert!(text.contains("· cue_then_speaker"), "{text}");
    let line = serde_json::json!({"id": 1, "text": ARTICLE}).to_string();
    let jsonl = TempFile::new(line.as_bytes());
    let prediction: Value =
        serde_json::from_str(&sourcelight(&["analyze", "--jsonl", jsonl.path()]).stdout).expect("JSON");
    let frames: Vec<&str> =
        prediction["quotes"].as_array().expect("quotes").iter().filter_map(|q| q["frame"].as_str()).collect();
    assert_eq!(frames, ["cue_then_speaker", "subject_cue_content"]);
}

#[test]
fn several_files_are_each_analyzed_and_a_bad_one_is_named() {
    let first = TempFile::new(b"\"We will win,\" Helena Marsh said.");
    let second = TempFile::new(b"Tomas Reyes said the road would flood.");
    let bad = TempFile::new(b"caf\xe9");
    let run = sourcelight(&["analyze", first.path(), second.path()]);
    assert!(run.success, "{}", run.stderr);
    let docs: Vec<Value> =
        run.stdout.lines().map(|l| serde_json::from_str(l).expect("one JSON document a line")).collect();
    assert_eq!(docs.len(), 2, "{}", run.stdout);
    assert_eq!(docs[0]["file"], first.path());
    assert_eq!(docs[1]["analysis"]["parties"][0]["name"], "Tomas Reyes");
    let text = sourcelight(&["analyze", "--text", first.path(), bad.path(), second.path()]);
    assert!(!text.success, "the invalid file should make the exit non-zero");
    assert!(text.stdout.contains("Helena Marsh") && text.stdout.contains("Tomas Reyes"), "{}", text.stdout);
    assert!(text.stderr.contains(bad.path()), "{}", text.stderr);
}

#[test]
fn json_errors_say_what_is_wrong() {
    let input =
        [r#"{"id": "a", "text": "\ud800 said"}"#, r#"{"id": "b", "text": 7}"#, r#"{"id": "c", "text": "ok"#]
            .join("\n");
    let file = TempFile::new(input.as_bytes());
    let run = sourcelight(&["analyze", "--jsonl", file.path()]);
    assert!(
        run.stderr.contains(":1: (byte 0) not valid JSON at column") && run.stderr.contains("surrogate pair"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(":2:") && run.stderr.contains("\"text\" must be a string, not a number"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(":3:") && run.stderr.contains("EOF while parsing a string"),
        "{}",
        run.stderr
    );
}

#[test]
fn frames_prints_what_each_rule_is_worth() {
    let scorer = std::env::var_os("SOURCELIGHT_SHARED")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from)
        .join("eval/score.py");
    if !scorer.is_file() {
        println!("SKIPPED: frames needs the shared scorer at {}", scorer.display());
        return;
    }
    let text = "\"We will win,\" Helena Marsh said. According to the council, the bridge will open in May.";
    let gold = serde_json::json!({"id": "g", "text": text, "quotes": [
        {"content": [1, 13], "content_parts": [[1, 13]], "speaker": [15, 27], "cue": [28, 32], "kind": "direct"},
        {"content": [60, 87], "content_parts": [[60, 87]], "speaker": [47, 58], "cue": [34, 46], "kind": "indirect"}]});
    let file = TempFile::new(gold.to_string().as_bytes());
    let run = sourcelight(&["frames", "--scorer", scorer.to_str().expect("UTF-8 path"), file.path()]);
    assert!(run.success, "{}", run.stderr);
    for rule in sourcelight::RULES {
        assert!(
            run.stdout.contains(&format!("  {:<22}", rule.name)),
            "{} is missing:\n{}",
            rule.name,
            run.stdout
        );
    }
    let according: Vec<&str> = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("according_to"))
        .expect("a row")
        .split_whitespace()
        .collect();
    // Both statements found: content F1 1.0; without according_to, recall 0.5: F1 0.667.
    assert_eq!(according[1..4], ["frame", "1", "+0.333"], "{}", run.stdout);
}

#[test]
fn blocks_in_json_give_spans_with_their_block_ids_and_roles_count() {
    let blocks = serde_json::json!([
        {"id": "h", "text": "Ferry fares to rise: operator", "role": "headline"},
        {"id": "by", "text": "By Jane Doe 5:57 PM ET", "role": "byline"},
        {"id": 7, "text": "Zürich 😀. “We have no choice,” the operator said."}
    ]);
    let file = TempFile::new(blocks.to_string().as_bytes());
    let run = sourcelight(&["analyze", "--blocks", file.path()]);
    assert!(run.success, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let attributions = json["attributions"].as_array().expect("attributions");
    let quote =
        attributions.iter().find(|a| a["speaker_text"] == "the operator").expect("the operator's quote");
    assert_eq!(quote["content"][0]["block"], 7);
    let text = blocks[2]["text"].as_str().expect("text");
    let (start, end) = (
        quote["content"][0]["start"].as_u64().unwrap() as usize,
        quote["content"][0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "“We have no choice,”");
    assert!(
        attributions.iter().any(|a| a["frame"] == "headline"),
        "the headline role lets the headline frame run"
    );
    assert!(
        attributions.iter().all(|a| a["speaker_text"].as_str().is_none_or(|s| !s.contains("Jane"))),
        "a byline names no speaker"
    );
    let bad = TempFile::new(br#"[{"id": 1}]"#);
    let run = sourcelight(&["analyze", "--blocks", bad.path()]);
    assert!(!run.success && run.stderr.contains("missing field `text`"), "{}", run.stderr);
}
