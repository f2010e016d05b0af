//! The analysis as the command line prints it: JSON with code-point offsets, scorer
//! predictions, and text for people.
//!
//! Every shape starts from [`Analysis::in_units_as`], the one conversion of spans, and
//! serializes the engine's own types, so a field added to an attribution reaches every output
//! without a line here. What is added here is only what a shape needs beyond the engine's
//! fields: the content's text for people reading the JSON, and the scorer's names for the
//! prediction.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;
use serde_json::{json, Value};
use sourcelight::{Analysis, Attribution, Block, Hedge, Party, Unit};

/// A span as the command line prints it for a plain text: `[start, end]` in code points.
type Pair = [u32; 2];

/// One attribution in the JSON output: the engine's fields and the content's text.
#[derive(Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    attribution: &'a Attribution<Pair>,
    text: ContentText<'a>,
}

/// A content's text, parts joined by " … ", written out as it is serialized rather than
/// gathered beforehand: contents may overlap, and their texts together may be longer than the
/// text they come from.
struct ContentText<'a> {
    text: &'a str,
    parts: Vec<(usize, usize)>,
}

impl std::fmt::Display for ContentText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        for (i, &(start, end)) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(" … ")?;
            }
            f.write_str(&self.text[start..end])?;
        }
        Ok(())
    }
}

impl Serialize for ContentText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[derive(Serialize)]
struct Printed<'a> {
    attributions: Vec<WithText<'a>>,
    parties: &'a [Party],
    hedges: &'a [Hedge<Pair>],
}

/// The content of `a` as written in `text`, parts joined by " … ".
fn content_text(text: &str, a: &Attribution) -> String {
    a.content.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>().join(" … ")
}

/// The analysis of `text` in code points, with each attribution's content text.
fn in_code_points(text: &str, analysis: Analysis) -> (Vec<ContentText<'_>>, Analysis<Pair>) {
    let texts = analysis
        .attributions
        .iter()
        .map(|a| ContentText { text, parts: a.content.iter().map(|s| (s.start, s.end)).collect() })
        .collect();
    (texts, analysis.in_units_as(&[text], Unit::CodePoint, |s| [s.start, s.end]))
}

/// Writes the analysis as JSON, pretty or on one line, streamed rather than built in memory.
pub fn json(out: &mut impl Write, text: &str, analysis: Analysis, pretty: bool) -> serde_json::Result<()> {
    let (texts, analysis) = in_code_points(text, analysis);
    let printed = Printed {
        attributions: analysis
            .attributions
            .iter()
            .zip(texts)
            .map(|(attribution, text)| WithText { attribution, text })
            .collect(),
        parties: &analysis.parties,
        hedges: &analysis.hedges,
    };
    if pretty {
        serde_json::to_writer_pretty(out, &printed)
    } else {
        serde_json::to_writer(out, &printed)
    }
}

/// A span of a block as the JSON block output gives it: code points of the block with the id.
#[derive(Serialize)]
struct BlockSpan<'a> {
    block: &'a Value,
    start: u32,
    end: u32,
}

/// Writes the analysis of blocks as JSON, every span with its block's id and code points.
pub fn blocks_json(
    out: &mut impl Write,
    blocks: &[Block],
    ids: &[Value],
    analysis: Analysis,
) -> serde_json::Result<()> {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text).collect();
    let analysis = analysis.in_units_as(&texts, Unit::CodePoint, |s| BlockSpan {
        block: &ids[s.block],
        start: s.start,
        end: s.end,
    });
    serde_json::to_writer_pretty(out, &analysis)
}

/// Writes the scorer's prediction for a document as one line of JSON: quotes with `content` as
/// one `[start, end]` and `content_parts`, parties numbered `p0`, `p1`… Streamed quote by
/// quote, so that a long document's prediction is never held whole in memory; the keys come in
/// the order a `serde_json::Value` would print them (sorted), as before.
pub fn prediction(
    out: &mut impl Write,
    id: &Value,
    text: &str,
    analysis: Analysis,
) -> serde_json::Result<()> {
    let analysis = analysis.in_units_as(&[text], Unit::CodePoint, |s| [s.start, s.end]);
    let parties: Vec<Value> = analysis
        .parties
        .iter()
        .map(|p| json!({"id": format!("p{}", p.id), "name": p.name, "kind": p.kind, "aliases": p.mentions}))
        .collect();
    let io = serde_json::Error::io;
    write!(out, "{{\"id\":").map_err(io)?;
    serde_json::to_writer(&mut *out, id)?;
    write!(out, ",\"parties\":").map_err(io)?;
    serde_json::to_writer(&mut *out, &parties)?;
    write!(out, ",\"quotes\":[").map_err(io)?;
    for (i, a) in analysis.attributions.iter().enumerate() {
        let mut quote = serde_json::to_value(a)?;
        let first = a.content.first().map_or(0, |s| s[0]);
        let last = a.content.last().map_or(0, |s| s[1]);
        quote["content_parts"] = quote["content"].take();
        quote["content"] = json!([first, last]);
        quote["party"] = json!(a.party.map(|p| format!("p{p}")));
        if i > 0 {
            write!(out, ",").map_err(io)?;
        }
        serde_json::to_writer(&mut *out, &quote)?;
    }
    writeln!(out, "]}}").map_err(io)
}

/// The analysis for people: each party with its role and side, then its statements.
pub fn readable(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    // Each party's statements, gathered in one pass rather than one pass per party.
    let mut of_party: Vec<Vec<&Attribution>> = vec![Vec::new(); analysis.parties.len()];
    for a in &analysis.attributions {
        if let Some(statements) = a.party.and_then(|p| of_party.get_mut(p)) {
            statements.push(a);
        }
    }
    // A party only aimed at says nothing: it is counted apart.
    let speaking = of_party.iter().filter(|s| !s.is_empty()).count();
    let _ = write!(out, "{} statements from {speaking} parties", analysis.attributions.len());
    let aimed_at = analysis.parties.len() - speaking;
    if aimed_at > 0 {
        let _ = write!(out, " ({aimed_at} more only aimed at)");
    }
    out.push_str("\n\n");
    for (party, statements) in analysis.parties.iter().zip(&of_party) {
        let mut about = vec![format!("{:?}", party.kind).to_lowercase()];
        about.extend(party.role.clone());
        about.extend(party.affiliation.clone());
        about.extend(party.side.clone().filter(|s| *s != party.name).map(|s| format!("side: {s}")));
        let _ = writeln!(out, "[{}] {} ({})", party.id + 1, party.name, about.join(", "));
        if party.mentions.len() > 1 {
            let _ = writeln!(out, "    also: {}", party.mentions.join(" / "));
        }
        for a in statements {
            write_statement(&mut out, text, &analysis.parties, a);
        }
        out.push('\n');
    }
    let unattributed: Vec<&Attribution> =
        analysis.attributions.iter().filter(|a| a.party.is_none()).collect();
    if !unattributed.is_empty() {
        let _ = writeln!(out, "[-] speaker not resolved");
        for a in unattributed {
            write_statement(&mut out, text, &analysis.parties, a);
        }
        out.push('\n');
    }
    if !analysis.hedges.is_empty() {
        let words: Vec<&str> = analysis.hedges.iter().map(|h| h.text.as_str()).collect();
        let _ = writeln!(out, "hedges (claims attributed to no one): {}", words.join(", "));
    }
    out
}

fn write_statement(out: &mut String, text: &str, parties: &[Party], a: &Attribution) {
    let cue = match (&a.cue_text, a.cue_class) {
        (Some(cue), Some(class)) => format!("{cue} ({})", format!("{class:?}").to_lowercase()),
        (Some(cue), None) => cue.clone(),
        (None, _) => "(speaker carried over)".to_string(),
    };
    let speaker = a.speaker_text.as_deref().unwrap_or("?");
    let sourcing = format!("{:?}", a.sourcing).to_lowercase();
    let target = a.target.map(|t| format!(" · at: {}", parties[t].name)).unwrap_or_default();
    let _ = writeln!(out, "  - {speaker} · {cue} · {:?} · {sourcing} · {}{target}", a.kind, a.frame);
    let _ = writeln!(out, "      {}", content_text(text, a).replace('\n', " "));
}
