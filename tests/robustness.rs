//! The engine on hostile input: it must never panic, and whatever it returns must be well
//! formed.
//!
//! A web page can hold anything, and the browser extension runs the engine on whatever it is
//! given, so these tests feed it thousands of generated texts (random mixes of words that
//! trigger every rule, quotation marks of every kind, punctuation, line breaks, control
//! characters, emoji, Arabic, CJK, combining marks and letters whose lower case has another
//! length) and a few pathological ones (thousands of quotation marks in a row, a sentence of a
//! megabyte, a megabyte of "said", a megabyte of random bytes decoded lossily). On every
//! output they check the invariants that the CLI and the WebAssembly facade rely on to slice
//! the text (`common/invariants.rs`, shared with `tests/invariants.rs` and the fuzz target).
//! A generated input that fails is shrunk to a minimal one before it is reported.
//!
//! The generator is a small deterministic PRNG, so a failure is reproducible from its seed.
//! Finally, a text repeated in separate paragraphs must give as many statements per copy as
//! the text alone.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use sourcelight::{analyze, analyze_blocks, Block};

#[path = "common/invariants.rs"]
mod invariants;
use invariants::violations;
#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

/// Any char: mostly ASCII and common scripts, sometimes anywhere in Unicode.
fn any_char(rng: &mut Rng) -> char {
    let code = match rng.below(4) {
        0 => 0x20 + rng.below(0x60) as u32,
        1 => rng.below(0x80) as u32,
        2 => 0x80 + rng.below(0x3000) as u32,
        _ => rng.below(0x11_0000) as u32,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// Words that set off the engine's rules: cues, names, titles, pronouns, countries, hedges,
/// abbreviations, apostrophes.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "According to",
    "added",
    "adding that",
    "that",
    "he",
    "He",
    "she",
    "She",
    "it",
    "It",
    "they",
    "who",
    "which",
    "The",
    "the",
    "a",
    "ministry",
    "The ministry",
    "Ministry of Energy",
    "spokesperson",
    "the spokesperson",
    "the statement",
    "the mission",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Gen.",
    "U.S.",
    "Jan.",
    "No.",
    "Washington",
    "Tehran",
    "the Albanian government",
    "Tirana",
    "Helen Marsh",
    "Marsh",
    "US Treasury Under Secretary",
    "Foreign Ministry Spokesperson",
    "accused",
    "of",
    "denied",
    "rejected",
    "claimed",
    "insisted",
    "warned",
    "slams",
    "slammed",
    "for",
    "allegedly",
    "reportedly",
    "it is believed",
    "In a statement,",
    "pointing out",
    "called",
    "the plan",
    "fantasy",
    "Iran’s",
    "don't",
    "teachers'",
    "Claim:",
    "Speaker",
    "who chairs",
    "told reporters",
    "in",
    "on Monday",
    "would",
    "not",
    "we",
    "We",
];

/// Quotation marks of every kind, and marks that look like them.
const QUOTES: &[&str] = &[
    "\"", "'", "“", "”", "‘", "’", "„", "‟", "‚", "‛", "«", "»", "‹", "›", "「", "」", "『", "』", "〝",
    "〞", "＂", "＇", "❝", "❞", "`", "´", "''", "``", "\"\"", "«\u{a0}", "\u{a0}»",
];

const PUNCTUATION: &[&str] = &[
    ",", ".", ":", ";", "!", "?", "—", "–", "-", "(", ")", "[", "]", "…", "...", "/", "&", "@", "#", "%",
    ".\"", ",\"", "\",", ":\"", "?!", "*", "•",
];

const SPACE: &[&str] = &[
    " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{a0}", "\u{2028}", "\u{2029}", "\u{85}",
    "\u{3000}", "\u{200b}", "\u{2009}",
];

const CONTROL: &[&str] = &[
    "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{b}", "\u{c}", "\u{1b}", "\u{7f}", "\u{feff}", "\u{200e}",
    "\u{200f}", "\u{202e}", "\u{fffd}", "\u{ffff}", "\u{e000}",
];

/// Emoji, other scripts, combining marks, and letters whose case mapping changes their length
/// in bytes ("İ", "K" Kelvin sign, "ẞ", "ﬁ").
const EXOTIC: &[&str] = &[
    "😀",
    "👍🏽",
    "👩‍👩‍👧",
    "🇺🇸",
    "🏳️‍🌈",
    "💬",
    "قال",
    "المتحدث",
    "وزارة الخارجية",
    "他说",
    "外交部",
    "発言",
    "Ира́н",
    "e\u{301}",
    "\u{301}",
    "\u{20dd}",
    "\u{301}\u{301}\u{301}",
    "Ελλάδα",
    "ΟΔΟΣ",
    "עברית",
    "हिन्दी",
    "ﷺ",
    "𝔘𝔖",
    "İSTANBUL",
    "İ",
    "K",
    "Ω",
    "ẞ",
    "ß",
    "ﬁ",
    "ǅ",
    "Ⅻ",
];

/// A random text as a list of pieces, so that a failing one can be shrunk piece by piece.
/// `"\u{1}BLOCK"` pieces split the text into blocks for [`analyze_blocks`].
fn random_pieces(rng: &mut Rng, max: usize, with_blocks: bool) -> Vec<String> {
    let n = rng.below(max + 1);
    let mut pieces = Vec::with_capacity(n);
    for _ in 0..n {
        let piece = match rng.below(100) {
            0..=39 => rng.pick(WORDS).to_string(),
            40..=59 => rng.pick(SPACE).to_string(),
            60..=71 => rng.pick(QUOTES).to_string(),
            72..=81 => rng.pick(PUNCTUATION).to_string(),
            82..=86 => rng.pick(EXOTIC).to_string(),
            87..=89 => rng.pick(CONTROL).to_string(),
            90..=93 => {
                let name = ["Nadia", "Oskar", "Lena", "Farid", "Kim"][rng.below(5)];
                let last = ["Haddad", "Lind", "Varga", "Osmani", "Sato"][rng.below(5)];
                format!("{name} {last}")
            }
            94..=96 => (0..1 + rng.below(6)).map(|_| any_char(rng)).collect(),
            _ if with_blocks => BLOCK.to_string(),
            _ => rng.pick(QUOTES).repeat(1 + rng.below(40)),
        };
        pieces.push(piece);
    }
    pieces
}

const BLOCK: &str = "\u{1}BLOCK";

/// The blocks a list of pieces stands for.
fn blocks_of(pieces: &[String]) -> Vec<String> {
    let mut blocks = vec![String::new()];
    for piece in pieces {
        if piece == BLOCK {
            blocks.push(String::new());
        } else if let Some(last) = blocks.last_mut() {
            last.push_str(piece);
        }
    }
    blocks
}

thread_local! {
    /// Whether a panic on this thread is expected by [`run`], which reports it itself.
    static CAUGHT: Cell<bool> = const { Cell::new(false) };
    /// Where the last caught panic happened.
    static PANIC_PLACE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records where caught panics happen instead of printing them; other panics (the tests'
/// own failures) print as usual.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAUGHT.with(Cell::get) {
                let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
                PANIC_PLACE.with(|p| *p.borrow_mut() = place);
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs the engine on `blocks` (one block: [`analyze`]); a panic or a violation is an error,
/// whose first line says what kind of failure it is.
fn run(blocks: &[&str]) -> Result<(), String> {
    install_panic_hook();
    CAUGHT.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        if let [text] = blocks {
            analyze(text)
        } else {
            analyze_blocks(&blocks.iter().map(|&text| Block::text(text)).collect::<Vec<_>>())
        }
    }));
    CAUGHT.with(|c| c.set(false));
    let analysis = result.map_err(|e| {
        let message =
            e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
        let place = PANIC_PLACE.with(|p| p.borrow().clone());
        format!("panicked at {place}\n{}", message.unwrap_or_default())
    })?;
    let problems = violations(blocks, &analysis);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn run_pieces(pieces: &[String]) -> Result<(), String> {
    let blocks = blocks_of(pieces);
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    run(&refs)
}

/// The kind of a failure: where it panicked, or which invariant it broke (its first line
/// without numbers).
fn kind(error: &str) -> String {
    let first = error.lines().next().unwrap_or_default();
    if first.starts_with("panicked at ") {
        first.to_string()
    } else {
        first
            .split(['(', '[', '"'])
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect()
    }
}

/// Removes pieces (halves, then quarters, down to single pieces) while the input still fails
/// the same way, and returns the smallest failing input found.
fn shrink(mut pieces: Vec<String>, error: &str) -> Vec<String> {
    let same = |p: &[String]| run_pieces(p).err().is_some_and(|e| kind(&e) == kind(error));
    let mut chunk = pieces.len().max(1);
    while chunk >= 1 {
        let mut i = 0;
        while i < pieces.len() {
            let mut fewer = pieces.clone();
            fewer.drain(i..(i + chunk).min(pieces.len()));
            if same(&fewer) {
                pieces = fewer;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 {
            break;
        }
        chunk /= 2;
    }
    pieces
}

/// Runs `cases` generated inputs; reports every kind of failure met, each with an input shrunk
/// to a minimal one.
fn fuzz(seed: u64, cases: usize, max_pieces: usize, with_blocks: bool) {
    let mut rng = Rng(seed);
    let mut failures: Vec<(String, String)> = Vec::new();
    for case in 0..cases {
        let pieces = random_pieces(&mut rng, max_pieces, with_blocks);
        if let Err(error) = run_pieces(&pieces) {
            if failures.iter().any(|(k, _)| *k == kind(&error)) {
                continue;
            }
            let minimal = shrink(pieces, &error);
            let minimal_error = run_pieces(&minimal).err().unwrap_or_default();
            let report = format!(
                "case {case} of seed {seed}: minimal input (blocks) {:?}\n{minimal_error}",
                blocks_of(&minimal)
            );
            failures.push((kind(&error), report));
        }
    }
    let reports: Vec<&str> = failures.iter().map(|(_, r)| r.as_str()).collect();
    assert!(failures.is_empty(), "{} kinds of failure:\n\n{}", failures.len(), reports.join("\n\n"));
}

fn check(blocks: &[&str]) {
    if let Err(error) = run(blocks) {
        let shown: Vec<String> = blocks.iter().map(|b| b.chars().take(200).collect()).collect();
        panic!("input (first 200 chars of each block) {shown:?}:\n{error}");
    }
}

#[test]
fn random_short_texts() {
    fuzz(1, 50_000, 40, false);
}

#[test]
fn random_long_texts() {
    fuzz(2, 5_000, 600, false);
}

#[test]
fn random_blocks() {
    fuzz(3, 20_000, 120, true);
}

#[test]
fn tiny_and_empty_inputs() {
    check(&[""]);
    check(&[]);
    check(&["", "", ""]);
    for &piece in WORDS.iter().chain(QUOTES).chain(PUNCTUATION).chain(SPACE).chain(CONTROL).chain(EXOTIC) {
        check(&[piece]);
        check(&[piece, piece]);
        check(&[&format!("\"{piece}\" said {piece}.")]);
        check(&[&format!("{piece} said {piece}")]);
    }
}

#[test]
fn thousands_of_quotation_marks_in_a_row() {
    for mark in QUOTES {
        check(&[&mark.repeat(5000)]);
        check(&[&format!("{}, said Nadia Haddad.", mark.repeat(3000))]);
        check(&[&format!("{mark}a ").repeat(3000)]);
    }
    let all: String = QUOTES.concat().repeat(300);
    check(&[&all]);
    let paragraphs = vec!["\"We said"; 3000].join("\n\n");
    check(&[&paragraphs]);
    let blocks = vec!["“Lena Varga said"; 3000];
    check(&blocks);
}

#[test]
fn sentence_of_a_megabyte() {
    let mut rng = Rng(4);
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(rng.pick(&[
            "the",
            "minister",
            "said",
            "that",
            "Nadia Haddad",
            "“",
            "”",
            ",",
            "who",
            "he",
            "told",
        ]));
        text.push(' ');
    }
    check(&[&text]);
}

#[test]
fn megabyte_of_said() {
    check(&[&"said ".repeat(1 << 18)]);
    check(&[&"\"said\" ".repeat(1 << 17)]);
    check(&[&"according to ".repeat(1 << 16)]);
    check(&[&"Mr. ".repeat(1 << 18)]);
}

#[test]
fn megabyte_of_random_bytes() {
    let mut rng = Rng(5);
    let bytes: Vec<u8> = (0..1 << 20).map(|_| rng.next() as u8).collect();
    let text = String::from_utf8_lossy(&bytes);
    check(&[&text]);
}

/// Articles whose statements stay inside them: balanced quotes, and every pronoun has its
/// antecedent in the same copy.
const ARTICLES: &[&str] = &[
    "\"The bridge will reopen in March,\" said Helena Brandt. She added that tolls would not rise.",
    "Health Minister Anders Molin said that the vaccination campaign would begin in October. \
     \"We have enough doses for everyone,\" Molin said. According to the Ministry of Health, 40 clinics would open.",
    "“We are ready to talk,” Farid Osmani added, “but not under threat.”\n\nThe Albanian government said it \
     would expel two diplomats, adding that the embassy would stay open.",
    "Washington said the sanctions would stay. Tehran rejected the demand, according to state media. \
     The deputy mayor allegedly received payments.",
];

#[test]
fn a_text_repeated_in_paragraphs_has_as_many_statements_per_copy() {
    for article in ARTICLES {
        let once = analyze(article).attributions.len();
        let repeated = [*article; 10].join("\n\n");
        let tenfold = analyze(&repeated).attributions.len();
        assert_eq!(tenfold, 10 * once, "{article:?}: {once} statements once, {tenfold} in ten copies");
    }
}
