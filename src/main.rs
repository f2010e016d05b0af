//! `sourcelight`: the engine on the command line.
//!
//! - `sourcelight analyze [FILE]` prints the analysis of a UTF-8 text (or standard input) as
//!   JSON, offsets in Unicode code points; `--text` prints it for people instead.
//! - `sourcelight analyze --jsonl [FILE]` reads JSON Lines of `{"id", "text", …}` and writes one
//!   prediction a line in the format of the project's scorer.
//! - `sourcelight bench [FILE]` measures throughput on JSON Lines texts (the PolNeAR dev set by
//!   default) and how time and memory grow with the length of the input.
//!
//! Errors name the place (file, line, byte) and end in a non-zero exit; a bad line of JSON
//! Lines is reported and skipped, and the rest is still analyzed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::{json, Value};
use sourcelight::{analyze, unit_offsets, Analysis, Attribution, Span};

/// Counts live and peak heap bytes, so that the benchmark can report memory per input byte.
struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const USAGE: &str = "usage:
  sourcelight analyze [--text | --jsonl] [FILE]   analyze FILE (or standard input)
  sourcelight bench [FILE.jsonl]                  measure speed and growth
options:
  --text    print the analysis for people: each party, its statements and their cues
  --jsonl   read JSON Lines of {\"id\", \"text\"} and write one scorer prediction a line";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => run_analyze(&args[1..]),
        Some("bench") => run_bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => Err(format!("expected a command\n{USAGE}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("sourcelight: {message}");
            ExitCode::from(2)
        }
    }
}

enum Format {
    Json,
    Text,
    Jsonl,
}

/// Runs `analyze`; returns whether every input was read.
fn run_analyze(args: &[String]) -> Result<bool, String> {
    let mut format = Format::Json;
    let mut path = None;
    for arg in args {
        match arg.as_str() {
            "--text" => format = Format::Text,
            "--jsonl" => format = Format::Jsonl,
            "--json" => format = Format::Json,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            file => path = Some(file.to_string()),
        }
    }
    let (name, bytes) = read_input(path.as_deref())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Jsonl => return analyze_jsonl(&name, &bytes, &mut out),
        Format::Json => {
            let text = utf8(&name, &bytes)?;
            let analysis = analyze(text);
            let value = analysis_json(text, &analysis);
            writeln!(out, "{}", serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?)
        }
        Format::Text => {
            let text = utf8(&name, &bytes)?;
            write!(out, "{}", readable(text, &analyze(text)))
        }
    };
    written.and_then(|_| out.flush()).map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(true)
}

fn read_input(path: Option<&str>) -> Result<(String, Vec<u8>), String> {
    let mut bytes = Vec::new();
    match path {
        Some("-") | None => {
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("<stdin>: cannot read: {e}"))?;
            Ok(("<stdin>".to_string(), bytes))
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
            Ok((path.to_string(), bytes))
        }
    }
}

fn utf8<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("{name}: invalid UTF-8 at byte {}", e.valid_up_to()))
}

/// Analyzes each line of JSON Lines; returns whether every line was good.
fn analyze_jsonl(name: &str, bytes: &[u8], out: &mut impl Write) -> Result<bool, String> {
    let mut all_good = true;
    let mut offset = 0;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_start = offset;
        offset += line.len() + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match prediction(line) {
            Ok(value) => writeln!(out, "{value}").map_err(|e| format!("cannot write the output: {e}"))?,
            Err(problem) => {
                all_good = false;
                eprintln!("sourcelight: {name}:{}: (byte {line_start}) {problem}; line skipped", n + 1);
            }
        }
    }
    out.flush().map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(all_good)
}

/// The scorer's prediction for one line of JSON Lines.
fn prediction(line: &[u8]) -> Result<Value, String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let doc: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let id = doc.get("id").cloned().ok_or("no \"id\" field")?;
    let text = doc.get("text").and_then(Value::as_str).ok_or("no \"text\" string")?;
    let analysis = analyze(text);
    let chars = CharIndex::new(text);
    let quotes: Vec<Value> = analysis
        .attributions
        .iter()
        .map(|a| {
            let first = a.content.first().map_or(0, |s| s.start);
            let last = a.content.last().map_or(0, |s| s.end);
            json!({
                "content": [chars.at(first), chars.at(last)],
                "content_parts": a.content.iter().map(|s| chars.pair(s)).collect::<Vec<_>>(),
                "speaker": a.speaker.as_ref().map(|s| chars.pair(s)),
                "cue": a.cue.as_ref().map(|s| chars.pair(s)),
                "kind": a.kind,
                "cue_class": a.cue_class,
                "party": a.party.map(|p| format!("p{p}")),
            })
        })
        .collect();
    let parties: Vec<Value> = analysis
        .parties
        .iter()
        .map(|p| json!({"id": format!("p{}", p.id), "name": p.name, "kind": p.kind, "aliases": p.mentions}))
        .collect();
    Ok(json!({"id": id, "quotes": quotes, "parties": parties}))
}

/// Byte offsets to code point offsets, for one text.
struct CharIndex(Vec<u32>);

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        CharIndex(unit_offsets(text, |_| 1))
    }

    fn at(&self, byte: usize) -> u32 {
        self.0[byte.min(self.0.len() - 1)]
    }

    fn pair(&self, span: &Span) -> [u32; 2] {
        [self.at(span.start), self.at(span.end)]
    }
}

/// The analysis as JSON, offsets in code points.
fn analysis_json(text: &str, analysis: &Analysis) -> Value {
    let chars = CharIndex::new(text);
    let attributions: Vec<Value> = analysis
        .attributions
        .iter()
        .map(|a| {
            json!({
                "kind": a.kind,
                "content": a.content.iter().map(|s| chars.pair(s)).collect::<Vec<_>>(),
                "text": content_text(text, a),
                "speaker": a.speaker.as_ref().map(|s| chars.pair(s)),
                "speaker_text": a.speaker_text,
                "cue": a.cue.as_ref().map(|s| chars.pair(s)),
                "cue_text": a.cue_text,
                "cue_class": a.cue_class,
                "party": a.party,
            })
        })
        .collect();
    let hedges: Vec<Value> =
        analysis.hedges.iter().map(|h| json!({"span": chars.pair(&h.span), "text": h.text})).collect();
    json!({"attributions": attributions, "parties": analysis.parties, "hedges": hedges})
}

fn content_text(text: &str, a: &Attribution) -> String {
    a.content.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>().join(" … ")
}

/// The analysis for people: each party with its role and side, then its statements.
fn readable(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} statements from {} parties\n", analysis.attributions.len(), analysis.parties.len());
    for party in &analysis.parties {
        let mut about = vec![format!("{:?}", party.kind).to_lowercase()];
        about.extend(party.role.clone());
        about.extend(party.affiliation.clone());
        about.extend(party.side.clone().filter(|s| *s != party.name).map(|s| format!("side: {s}")));
        let _ = writeln!(out, "[{}] {} ({})", party.id + 1, party.name, about.join(", "));
        if party.mentions.len() > 1 {
            let _ = writeln!(out, "    also: {}", party.mentions.join(" / "));
        }
        for a in analysis.attributions.iter().filter(|a| a.party == Some(party.id)) {
            write_statement(&mut out, text, a);
        }
        out.push('\n');
    }
    let unattributed: Vec<&Attribution> = analysis.attributions.iter().filter(|a| a.party.is_none()).collect();
    if !unattributed.is_empty() {
        let _ = writeln!(out, "[-] speaker not resolved");
        for a in unattributed {
            write_statement(&mut out, text, a);
        }
        out.push('\n');
    }
    if !analysis.hedges.is_empty() {
        let words: Vec<&str> = analysis.hedges.iter().map(|h| h.text.as_str()).collect();
        let _ = writeln!(out, "hedges (claims attributed to no one): {}", words.join(", "));
    }
    out
}

fn write_statement(out: &mut String, text: &str, a: &Attribution) {
    let cue = match (&a.cue_text, a.cue_class) {
        (Some(cue), Some(class)) => format!("{cue} ({})", format!("{class:?}").to_lowercase()),
        (Some(cue), None) => cue.clone(),
        (None, _) => "(speaker carried over)".to_string(),
    };
    let speaker = a.speaker_text.as_deref().unwrap_or("?");
    let _ = writeln!(out, "  - {speaker} · {cue} · {:?}", a.kind);
    let _ = writeln!(out, "      {}", content_text(text, a).replace('\n', " "));
}

/// Measures speed on the texts of a JSON Lines file, then growth on 1x, 10x and 100x its
/// longest text.
fn run_bench(args: &[String]) -> Result<bool, String> {
    let path = args.first().map(String::as_str).unwrap_or("../shared/corpus/polnear/dev.jsonl");
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let mut texts = Vec::new();
    for (n, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: cannot read: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: bad JSON: {e}", n + 1))?;
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
    println!("{} texts, {:.2} MB, {} words, {} attributions a pass", texts.len(), bytes as f64 / 1e6, words, found / rounds);
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
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let start = Instant::now();
        let analysis = analyze(&text);
        let elapsed = start.elapsed().as_secs_f64();
        let peak = PEAK.load(Ordering::Relaxed) - base;
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
    Ok(true)
}
