//! The invariants of an analysis that the command line, the WebAssembly facade and the
//! extension rely on, as one function: shared by `tests/invariants.rs` and the cargo-fuzz
//! target in `fuzz/` (through `#[path]`).

use sourcelight::{Analysis, Span};

/// Everything wrong with the analysis of `blocks`; empty when it is well formed:
/// - every span (content, speaker, cue, hedge) is inside its block and on char boundaries;
/// - attributions are sorted by where their content starts, and each content's parts are
///   sorted and do not overlap;
/// - a speaker's and a cue's text is the text at their span, and so is a hedge's;
/// - a speaker stands outside its own content;
/// - parties are numbered in order of first statement and count their statements.
pub fn violations(blocks: &[&str], analysis: &Analysis) -> Vec<String> {
    let mut problems = Vec::new();
    let span_problem = |what: &str, span: &Span| -> Option<String> {
        let Some(block) = blocks.get(span.block) else {
            return Some(format!("{what} {span:?}: no block {}", span.block));
        };
        if span.start > span.end || span.end > block.len() {
            return Some(format!("{what} {span:?}: outside its block of {} bytes", block.len()));
        }
        if !block.is_char_boundary(span.start) || !block.is_char_boundary(span.end) {
            return Some(format!("{what} {span:?}: not on char boundaries"));
        }
        None
    };
    let slice = |span: &Span| blocks.get(span.block).and_then(|b| b.get(span.start..span.end));
    let overlap = |a: &Span, b: &Span| a.block == b.block && a.start < b.end && b.start < a.end;
    for (i, a) in analysis.attributions.iter().enumerate() {
        let spans = a
            .content
            .iter()
            .map(|s| ("content", s))
            .chain(a.speaker.iter().map(|s| ("speaker", s)))
            .chain(a.cue.iter().map(|s| ("cue", s)));
        problems.extend(spans.filter_map(|(what, s)| span_problem(&format!("attribution {i}: {what}"), s)));
        if a.content.is_empty() {
            problems.push(format!("attribution {i}: no content"));
        }
        if a.content.windows(2).any(|w| (w[0].block, w[0].end) > (w[1].block, w[1].start)) {
            problems
                .push(format!("attribution {i}: content parts not sorted or overlapping: {:?}", a.content));
        }
        if a.speaker.is_some() != a.speaker_text.is_some()
            || a.speaker.is_some() && a.speaker.as_ref().and_then(slice) != a.speaker_text.as_deref()
        {
            problems.push(format!(
                "attribution {i}: speaker span {:?} does not give speaker_text {:?}",
                a.speaker, a.speaker_text
            ));
        }
        if a.cue.is_some() != a.cue_text.is_some()
            || a.cue.is_some() && a.cue.as_ref().and_then(slice) != a.cue_text.as_deref()
        {
            problems.push(format!(
                "attribution {i}: cue span {:?} does not give cue_text {:?}",
                a.cue, a.cue_text
            ));
        }
        if let Some(speaker) = &a.speaker {
            if a.content.iter().any(|part| overlap(part, speaker)) {
                problems.push(format!(
                    "attribution {i}: speaker {:?} {speaker:?} inside its content {:?}",
                    a.speaker_text, a.content
                ));
            }
        }
        if let Some(p) = a.party {
            if p >= analysis.parties.len() {
                problems.push(format!("attribution {i}: party {p} of {}", analysis.parties.len()));
            }
        }
    }
    let starts: Vec<(usize, usize)> =
        analysis.attributions.iter().filter_map(|a| a.content.first()).map(|s| (s.block, s.start)).collect();
    if starts.windows(2).any(|w| w[0] > w[1]) {
        problems.push(format!("attributions not sorted by content start: {starts:?}"));
    }
    for (i, h) in analysis.hedges.iter().enumerate() {
        problems.extend(span_problem(&format!("hedge {i}"), &h.span));
        if slice(&h.span) != Some(h.text.as_str()) {
            problems.push(format!("hedge {i}: span {:?} does not give its text {:?}", h.span, h.text));
        }
    }
    let mut first_statement = Vec::new();
    for a in &analysis.attributions {
        if let Some(p) = a.party {
            if !first_statement.contains(&p) {
                first_statement.push(p);
            }
        }
    }
    for (i, party) in analysis.parties.iter().enumerate() {
        let statements = analysis.attributions.iter().filter(|a| a.party == Some(i)).count();
        if party.id != i {
            problems.push(format!("party {i} has id {}", party.id));
        }
        if party.statements != statements {
            problems.push(format!(
                "party {i} ({:?}) says it has {} statements, has {statements}",
                party.name, party.statements
            ));
        }
    }
    if first_statement.iter().enumerate().any(|(n, &p)| n != p) {
        problems.push(format!("parties not numbered in order of first statement: {first_statement:?}"));
    }
    problems
}
