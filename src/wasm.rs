//! The WebAssembly facade: the engine for JavaScript.
//!
//! This is the only place that knows about JavaScript. It takes text blocks from the page,
//! runs the engine, and converts every byte offset to UTF-16 code units (the unit of JS
//! strings and DOM Ranges) relative to its block, replacing block indices with the caller's
//! block ids. A Rust panic is logged by `console_error_panic_hook` and reaches the caller as a
//! thrown `RuntimeError`, never as a silently wrong answer.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{Analysis, Span};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A block of page text, as the content script sends it.
#[derive(Deserialize)]
struct Block {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct JsSpan<'a> {
    block: &'a serde_json::Value,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct JsAttribution<'a> {
    kind: crate::Kind,
    content: Vec<JsSpan<'a>>,
    speaker: Option<JsSpan<'a>>,
    speaker_text: &'a Option<String>,
    cue: Option<JsSpan<'a>>,
    cue_text: &'a Option<String>,
    cue_class: Option<crate::CueClass>,
    party: Option<usize>,
}

#[derive(Serialize)]
struct JsHedge<'a> {
    span: JsSpan<'a>,
    text: &'a str,
}

#[derive(Serialize)]
struct JsAnalysis<'a> {
    attributions: Vec<JsAttribution<'a>>,
    parties: &'a [crate::Party],
    hedges: Vec<JsHedge<'a>>,
}

/// Byte offset -> UTF-16 offset, for each block.
struct Utf16Offsets(Vec<Vec<u32>>);

impl Utf16Offsets {
    fn new(blocks: &[&str]) -> Utf16Offsets {
        Utf16Offsets(blocks.iter().map(|text| crate::unit_offsets(text, |c| c.len_utf16() as u32)).collect())
    }

    fn span<'a>(&self, span: &Span, ids: &'a [serde_json::Value]) -> JsSpan<'a> {
        let index = &self.0[span.block];
        JsSpan { block: &ids[span.block], start: index[span.start], end: index[span.end] }
    }
}

fn to_js(blocks: &[&str], ids: &[serde_json::Value], analysis: &Analysis) -> Result<JsValue, JsError> {
    let offsets = Utf16Offsets::new(blocks);
    let span = |s: &Span| offsets.span(s, ids);
    let view = JsAnalysis {
        attributions: analysis
            .attributions
            .iter()
            .map(|a| JsAttribution {
                kind: a.kind,
                content: a.content.iter().map(span).collect(),
                speaker: a.speaker.as_ref().map(span),
                speaker_text: &a.speaker_text,
                cue: a.cue.as_ref().map(span),
                cue_text: &a.cue_text,
                cue_class: a.cue_class,
                party: a.party,
            })
            .collect(),
        parties: &analysis.parties,
        hedges: analysis.hedges.iter().map(|h| JsHedge { span: span(&h.span), text: &h.text }).collect(),
    };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    view.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot convert the analysis: {e}")))
}

/// Analyzes one text; every span has block 0.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let ids = [serde_json::Value::from(0)];
    to_js(&[text], &ids, &crate::analyze(text))
}

/// Analyzes `[{id, text}]` blocks as one document; every span carries its block's id.
#[wasm_bindgen(js_name = analyzeBlocks)]
pub fn analyze_blocks(blocks: JsValue) -> Result<JsValue, JsError> {
    let blocks: Vec<Block> = serde_wasm_bindgen::from_value(blocks)
        .map_err(|e| JsError::new(&format!("analyzeBlocks expects an array of {{id, text}}: {e}")))?;
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let ids: Vec<serde_json::Value> = blocks.iter().map(|b| b.id.clone()).collect();
    to_js(&texts, &ids, &crate::analyze_blocks(&texts))
}
