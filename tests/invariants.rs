//! The output invariants (see `common/invariants.rs`) on a few thousand generated news-like
//! texts: names with titles and affiliations, cues of every frame, quotes with every kind of
//! mark, colons, dashes, line and paragraph breaks, and blocks of every role, some of them
//! cut in the middle of a sentence as a page's elements may be.
//!
//! The generator is a small seeded PRNG of our own, so a failure is reproducible; a failing
//! input is shrunk piece by piece before it is reported. The cargo-fuzz target in `fuzz/`
//! checks the same invariants on inputs that coverage guides; every input either of them
//! found is kept below as a test of its own.

#[path = "common/invariants.rs"]
mod invariants;
#[path = "common/rng.rs"]
mod rng;

use invariants::violations;
use rng::Rng;
use sourcelight::{analyze_blocks, Block, Role};

const SPEAKERS: &[&str] = &[
    "Helena Marsh",
    "Marsh",
    "Foreign Minister Ingrid Halvorsen",
    "Halvorsen",
    "Iranian Foreign Ministry Spokesperson Leila Farahani",
    "the spokesperson",
    "The spokesperson",
    "he",
    "He",
    "she",
    "they",
    "The ministry",
    "Oslo",
    "the Norwegian government",
    "Mr. Lee",
    "Dr. Julie A. Diaz",
    "Ruth Okafor, chair of the Residents' Association,",
    "critics",
    "22 percent",
    "Reuters",
    "a senior official",
    "Trump and Clinton",
    "US Treasury Under Secretary Brian Nelson",
    "the Trump campaign",
    "Theresa May",
    "Henrik Dahl of the Karolinska Institute",
];

const CUES: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "told Reuters",
    "added",
    "warned",
    "accused Tehran of",
    "denied",
    "insisted",
    "claimed",
    "did not say",
    "declined to say",
    "slams",
    "urged",
    "asked",
    "wrote",
    "announced",
    "rejected the claims and described them as",
    "said on Monday",
    "has also repeatedly said",
];

const CONTENTS: &[&str] = &[
    "the talks would resume",
    "that the plan was sound",
    "it is believed the ferry will run",
    "the deputy mayor allegedly received payments",
    "the figures were wrong",
    "We will not back down",
    "we will not be moved",
    "Tehran would respond",
    "the firms moved 40 cargoes last year",
    "Norway would \"bear the consequences\"",
    "the claims were 'baseless'",
    "a pay rise of five per cent",
    "Why",
    "it is over",
    "reportedly",
    "Iran’s ports",
];

/// Opening and closing marks of every kind.
const QUOTES: &[(&str, &str)] = &[
    ("\"", "\""),
    ("“", "”"),
    ("«", "»"),
    ("„", "“"),
    ("‘", "’"),
    ("'", "'"),
    ("''", "''"),
    ("``", "''"),
    ("‹", "›"),
    ("”", "“"),
    ("\"", ""),
    ("", "”"),
];

const PUNCTUATION: &[&str] =
    &[",", ".", ":", ";", " —", " –", " ―", "?", "!", " (", ")", "•", "…", " -", ",,"];

const BREAKS: &[&str] = &[" ", " ", " ", "\n", "\n\n", "\r\n", "\u{2029}", "\t"];

/// A piece that starts a new block with a role (an index into [`Role::ALL`]).
const BLOCK: char = '\u{1}';

/// One sentence of a news article, from a template.
fn sentence(rng: &mut Rng) -> String {
    let s = rng.pick(SPEAKERS);
    let c = rng.pick(CUES);
    let t = rng.pick(CONTENTS);
    let (o, e) = QUOTES[rng.below(QUOTES.len())];
    let p = rng.pick(PUNCTUATION);
    match rng.below(14) {
        0 => format!("{o}{t},{e} {s} {c}."),
        1 => format!("{s} {c} {t}."),
        2 => format!("{s} {c}: {o}{t}.{e}"),
        3 => format!("{o}{t},{e} {c} {s}, {o}{t}.{e}"),
        4 => format!("According to {s}, {t}."),
        5 => format!("{t}, according to {s}{p}"),
        6 => format!("{}: {t}", s.to_uppercase()),
        7 => format!("{o}{t}{e} ― {s}"),
        8 => format!("{s}: {o}{t}{e}"),
        9 => format!("{t}: {s}"),
        10 => format!("{o}{t}?{e} {s} {c}."),
        11 => format!("{s}, {c} {t}, {c} {o}{t}{e}{p}"),
        12 => format!("LONDON — {s} {c} {t}."),
        _ => format!("{s} {c} {o}{t}"),
    }
}

/// A generated text as pieces, so that a failing one can be shrunk piece by piece.
fn pieces(rng: &mut Rng, max: usize) -> Vec<String> {
    let n = 1 + rng.below(max);
    let mut out = Vec::with_capacity(2 * n);
    for _ in 0..n {
        let piece = match rng.below(20) {
            0..=6 => sentence(rng),
            // A sentence cut between two blocks, as a page may cut it ("… Helena" | "Marsh said").
            7..=9 => {
                let sentence = sentence(rng);
                let spaces: Vec<usize> = sentence.match_indices(' ').map(|(i, _)| i).collect();
                match spaces.is_empty() {
                    true => sentence,
                    false => {
                        let at = spaces[rng.below(spaces.len())];
                        let role = rng.below(Role::ALL.len());
                        format!("{}{BLOCK}{role}{}", &sentence[..at], &sentence[at + 1..])
                    }
                }
            }
            10 => rng.pick(SPEAKERS).to_string(),
            11 => rng.pick(CUES).to_string(),
            12 => rng.pick(CONTENTS).to_string(),
            13 => {
                let (o, e) = QUOTES[rng.below(QUOTES.len())];
                if rng.below(2) == 0 {
                    o.to_string()
                } else {
                    e.to_string()
                }
            }
            14 | 15 => rng.pick(PUNCTUATION).to_string(),
            16 | 17 => format!("{BLOCK}{}", rng.below(Role::ALL.len())),
            _ => rng.pick(BREAKS).to_string(),
        };
        out.push(piece);
        out.push(rng.pick(BREAKS).to_string());
    }
    out
}

/// The blocks that pieces stand for: [`BLOCK`] and a digit start a block with that role.
fn blocks_of(pieces: &[String]) -> Vec<(Role, String)> {
    let mut blocks = vec![(Role::Text, String::new())];
    for piece in pieces {
        let mut parts = piece.split(BLOCK);
        blocks.last_mut().expect("a block").1.push_str(parts.next().unwrap_or_default());
        for part in parts {
            let role = part.chars().next().and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
            blocks.push((Role::ALL[role % Role::ALL.len()], part.get(1..).unwrap_or_default().to_string()));
        }
    }
    blocks
}

/// What is wrong with the analysis of some blocks, as one message; none when all is well.
fn check(blocks: &[(Role, String)]) -> Option<String> {
    let engine: Vec<Block> = blocks.iter().map(|(role, text)| Block { text, role: *role }).collect();
    let texts: Vec<&str> = blocks.iter().map(|(_, text)| text.as_str()).collect();
    let problems = violations(&texts, &analyze_blocks(&engine));
    (!problems.is_empty()).then(|| problems.join("\n"))
}

/// The first line of a failure without its numbers: what kind of failure it is.
fn kind(error: &str) -> String {
    let first = error.lines().next().unwrap_or_default();
    first
        .split(['(', '[', '"', '{'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect()
}

/// Removes pieces while the input still fails the same way.
fn shrink(mut pieces: Vec<String>, error: &str) -> Vec<String> {
    let same = |p: &[String]| check(&blocks_of(p)).is_some_and(|e| kind(&e) == kind(error));
    let mut chunk = pieces.len().max(1);
    loop {
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
            return pieces;
        }
        chunk /= 2;
    }
}

fn generated(seed: u64, cases: usize, max_pieces: usize) {
    let mut rng = Rng(seed);
    let mut failures: Vec<(String, String)> = Vec::new();
    for case in 0..cases {
        let pieces = pieces(&mut rng, max_pieces);
        let Some(error) = check(&blocks_of(&pieces)) else { continue };
        if failures.iter().any(|(k, _)| *k == kind(&error)) {
            continue;
        }
        let minimal = shrink(pieces, &error);
        let blocks = blocks_of(&minimal);
        let report = format!(
            "case {case} of seed {seed}: minimal input {blocks:?}\n{}",
            check(&blocks).unwrap_or_default()
        );
        failures.push((kind(&error), report));
    }
    let reports: Vec<&str> = failures.iter().map(|(_, r)| r.as_str()).collect();
    assert!(failures.is_empty(), "{} kinds of failure:\n\n{}", failures.len(), reports.join("\n\n"));
}

#[test]
fn a_speaker_stands_outside_its_content() {
    // Found by this generator: a headline's speaker that held a quote, carried to that quote.
    holds(&[(Role::Text, "reportedly: The spokespersonMarsh: \"Why\"")]);
    holds(&[
        (Role::Text, "critics has also repeatedly"),
        (Role::Headline, "said: „reportedly.“ the Trump campaign"),
    ]);
    // A transcript's speaker carried to a quote that holds it.
    holds(&[(Role::Text, "„THE MINISTRY: Norway would \"bear the consequences\"")]);
}

/// More cases than the tests run, for a long hunt: `SOURCELIGHT_CASES=200000 cargo test
/// --release --test invariants`.
fn cases(default: usize) -> usize {
    std::env::var("SOURCELIGHT_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

#[test]
fn short_generated_articles() {
    generated(11, cases(3_000), 8);
}

#[test]
fn long_generated_articles() {
    generated(12, cases(1_000), 40);
}

/// Reproducers: inputs that once broke an invariant, each kept as a test.
#[track_caller]
fn holds(blocks: &[(Role, &str)]) {
    let blocks: Vec<(Role, String)> = blocks.iter().map(|&(r, t)| (r, t.to_string())).collect();
    if let Some(error) = check(&blocks) {
        panic!("{blocks:?}:\n{error}");
    }
}

#[test]
fn a_speaker_does_not_run_into_the_next_block() {
    holds(&[(Role::Paragraph, "\"We will win,\" Helena"), (Role::Paragraph, "Marsh said on Monday.")]);
    holds(&[(Role::Text, "\"We will win,\" Helena"), (Role::Text, "Marsh said on Monday.")]);
}

#[test]
fn a_hedge_or_cue_does_not_run_into_the_next_block() {
    holds(&[(Role::Paragraph, "The mayor, it is"), (Role::Paragraph, "believed, resigned.")]);
    holds(&[(Role::Paragraph, "The plan will fail, according"), (Role::Paragraph, "to Marsh.")]);
    // Found by this generator before the fix.
    holds(&[
        (Role::Text, "«the figures were wrong?» Mr."),
        (Role::Byline, "Lee rejected the claims and described them as."),
    ]);
    holds(&[(Role::Text, "“Tehran would respond,” the"), (Role::Caption, "spokesperson announced.")]);
    holds(&[
        (Role::Text, "\"it is believed the ferry will run,\" declined to say Oslo, \"it"),
        (Role::Paragraph, "is believed the ferry will run.\""),
    ]);
}
