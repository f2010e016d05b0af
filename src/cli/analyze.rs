//! `sourcelight analyze`: each input file (or standard input) analyzed and printed.
//!
//! Several files are each analyzed, in order: as JSON, one document a line with its `file`;
//! as text, each under a heading with its name; as JSON Lines, each file's lines in turn. A
//! file that cannot be read or is not UTF-8 is reported with its name, the others are still
//! analyzed, and the exit code says that something failed.

use std::io::{self, Read, Write};

use serde::Deserialize;
use serde_json::Value;
use sourcelight::{analyze, analyze_blocks as analyze_blocks_of, Block, Role};

use crate::print;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Jsonl,
    /// A JSON array of blocks `{"id", "text", "role"}` in, JSON with block ids out.
    Blocks,
}

/// Runs `analyze`; returns whether every input was read.
pub fn run(args: &[String]) -> Result<bool, String> {
    let mut format = Format::Json;
    let mut paths = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--text" => format = Format::Text,
            "--jsonl" => format = Format::Jsonl,
            "--json" => format = Format::Json,
            "--blocks" => format = Format::Blocks,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{}", crate::USAGE)),
            file => paths.push(file.to_string()),
        }
    }
    if paths.is_empty() {
        paths.push("-".to_string());
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let several = paths.len() > 1;
    let mut all_good = true;
    for path in &paths {
        let good = match read_input(path) {
            Ok((name, bytes)) => match format {
                Format::Jsonl => analyze_jsonl(&name, &bytes, &mut out)?,
                Format::Blocks => analyze_blocks(&name, &bytes, &mut out)?,
                Format::Json | Format::Text => analyze_text(&name, &bytes, format, several, &mut out)?,
            },
            Err(message) => {
                eprintln!("sourcelight: {message}");
                false
            }
        };
        all_good &= good;
    }
    out.flush().map_err(write_error)?;
    Ok(all_good)
}

fn write_error(e: impl std::fmt::Display) -> String {
    format!("cannot write the output: {e}")
}

/// Reads a file, or standard input for "-", with its name for messages.
fn read_input(path: &str) -> Result<(String, Vec<u8>), String> {
    if path == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    Ok((path.to_string(), bytes))
}

/// Analyzes one text file; returns whether it was UTF-8.
fn analyze_text(
    name: &str,
    bytes: &[u8],
    format: Format,
    several: bool,
    out: &mut impl Write,
) -> Result<bool, String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("sourcelight: {name}: invalid UTF-8 at byte {}", e.valid_up_to());
            return Ok(false);
        }
    };
    let analysis = analyze(text);
    match format {
        Format::Text => {
            if several {
                writeln!(out, "== {name}").map_err(write_error)?;
            }
            write!(out, "{}", print::readable(text, &analysis)).map_err(write_error)?;
        }
        _ if several => {
            write!(out, "{{\"file\":{},\"analysis\":", Value::from(name)).map_err(write_error)?;
            print::json(out, text, analysis, false).map_err(write_error)?;
            writeln!(out, "}}").map_err(write_error)?;
        }
        _ => {
            print::json(out, text, analysis, true).map_err(write_error)?;
            writeln!(out).map_err(write_error)?;
        }
    }
    Ok(true)
}

/// A block of page text as the JSON block input gives it.
#[derive(serde::Deserialize)]
struct InputBlock {
    id: Value,
    text: String,
    #[serde(default)]
    role: Role,
}

/// Analyzes a JSON array of blocks; returns whether it was good.
fn analyze_blocks(name: &str, bytes: &[u8], out: &mut impl Write) -> Result<bool, String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("sourcelight: {name}: invalid UTF-8 at byte {}", e.valid_up_to());
            return Ok(false);
        }
    };
    let input: Vec<InputBlock> = match serde_json::from_str(text) {
        Ok(blocks) => blocks,
        Err(e) => {
            let problem = json_problem(text, &e);
            eprintln!("sourcelight: {name}: line {}: {problem} (expected an array of {{\"id\", \"text\", \"role\"}})", e.line());
            return Ok(false);
        }
    };
    let blocks: Vec<Block> = input.iter().map(|b| Block { text: &b.text, role: b.role }).collect();
    let ids: Vec<Value> = input.iter().map(|b| b.id.clone()).collect();
    print::blocks_json(out, &blocks, &ids, analyze_blocks_of(&blocks)).map_err(write_error)?;
    writeln!(out).map_err(write_error)?;
    Ok(true)
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
        match read_line(line) {
            Ok((id, text)) => print::prediction(out, &id, &text, analyze(&text)).map_err(write_error)?,
            Err(problem) => {
                all_good = false;
                eprintln!("sourcelight: {name}:{}: (byte {line_start}) {problem}; line skipped", n + 1);
            }
        }
    }
    Ok(all_good)
}

/// One line of JSON Lines to analyze: its id and text. Only those two fields are read (into
/// their own values), so that a line's other fields (gold annotations) are not built in memory.
#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    text: Option<Value>,
}

/// The id and text of one line of JSON Lines.
fn read_line(line: &[u8]) -> Result<(Value, String), String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let doc: Line = if line.trim_start().starts_with('{') {
        serde_json::from_str(line).map_err(|e| json_problem(line, &e))?
    } else {
        // JSON that is no object has no fields.
        serde_json::from_str::<serde::de::IgnoredAny>(line).map_err(|e| json_problem(line, &e))?;
        Line { id: None, text: None }
    };
    let id = doc.id.ok_or("no \"id\" field")?;
    match doc.text {
        Some(Value::String(text)) => Ok((id, text)),
        Some(other) => Err(format!("\"text\" must be a string, not {}", json_type(&other))),
        None => Err("no \"text\" field".to_string()),
    }
}

/// What is wrong with a line that is not JSON, in words, with the column. A `\\u` escape of
/// half a surrogate pair gets a message of its own: the parser's ("unexpected end of hex
/// escape") points at the wrong thing.
pub fn json_problem(line: &str, e: &serde_json::Error) -> String {
    if let Some(column) = lone_surrogate(line) {
        return format!("not valid JSON at column {column}: a \\u escape is half of a UTF-16 surrogate pair, which is no character");
    }
    let what = e.to_string();
    let what = what.split(" at line ").next().unwrap_or(&what);
    format!("not valid JSON at column {}: {what}", e.column())
}

/// The column (1-based, in bytes) of the first `\\uD800`–`\\uDFFF` escape that is not half of
/// a pair.
fn lone_surrogate(line: &str) -> Option<usize> {
    let escape_at = |i: usize| {
        let hex = line.get(i..i + 6).filter(|s| s.starts_with("\\u"))?;
        u16::from_str_radix(&hex[2..], 16).ok()
    };
    let mut i = 0;
    while let Some(found) = line[i..].find("\\u") {
        let at = i + found;
        match escape_at(at) {
            Some(0xD800..=0xDBFF)
                if escape_at(at + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) =>
            {
                i = at + 12
            }
            Some(0xD800..=0xDFFF) => return Some(at + 1),
            _ => i = at + 2,
        }
    }
    None
}

/// The JSON type of a value, for messages.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
