//! `sourcelight`: the engine on the command line.
//!
//! - `sourcelight analyze [FILE…]` prints the analysis of UTF-8 texts (or standard input) as
//!   JSON, offsets in Unicode code points; `--text` prints it for people instead.
//! - `sourcelight analyze --jsonl [FILE…]` reads JSON Lines of `{"id", "text", …}` and writes one
//!   prediction a line in the format of the project's scorer.
//! - `sourcelight frames [GOLD.jsonl…]` turns each rule of the finder off in turn and prints
//!   what that does to the scorer's figures on gold corpora.
//! - `sourcelight bench [FILE]` measures throughput on JSON Lines texts (the PolNeAR dev set by
//!   default) and how time and memory grow with the length of the input.
//!
//! Errors name the place (file, line, byte) and end in a non-zero exit; a bad line of JSON
//! Lines is reported and skipped, and the rest is still analyzed.

mod alloc;
mod analyze;
mod bench;
mod families;
mod frames;
mod print;

use std::process::ExitCode;

#[global_allocator]
static ALLOC: alloc::CountingAlloc = alloc::CountingAlloc;

const USAGE: &str = "usage:
  sourcelight analyze [--text | --jsonl | --blocks] [FILE…]
                                                   analyze each FILE (or standard input)
  sourcelight frames [GOLD.jsonl…]                 what each rule of the finder is worth
  sourcelight bench [FILE.jsonl]                   measure speed and growth
options:
  --text    print the analysis for people: each party, its statements and their cues
  --jsonl   read JSON Lines of {\"id\", \"text\"} and write one scorer prediction a line
  --blocks  read a JSON array of page blocks {\"id\", \"text\", \"role\"} (role: headline,
            standfirst, byline, dateline, caption, paragraph, list_item, block_quote, label)
            and write the analysis with each span's block id, offsets in code points";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => analyze::run(&args[1..]),
        Some("frames") => frames::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
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

/// The folder of the shared corpora and scorer: `SOURCELIGHT_SHARED`, else `../shared`.
fn shared_dir() -> std::path::PathBuf {
    std::env::var_os("SOURCELIGHT_SHARED").map_or_else(|| "../shared".into(), Into::into)
}
