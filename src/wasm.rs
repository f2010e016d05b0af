//! The WebAssembly facade: the engine for JavaScript.
//!
//! This is the only place that knows about JavaScript. It takes text blocks from the page,
//! runs the engine, and converts the analysis with the engine's one conversion of spans
//! ([`crate::Analysis::in_units`], here to UTF-16 code units, the unit of JS strings and DOM
//! Ranges), replacing block indices with the caller's block ids. A Rust panic is logged by
//! `console_error_panic_hook` and reaches the caller as a thrown `RuntimeError`, never as a
//! silently wrong answer.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{Block, Role, Unit};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A block of page text, as the content script sends it; `role` is optional.
#[derive(Deserialize)]
struct JsBlock {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    id: JsValue,
    text: String,
    #[serde(default)]
    role: Role,
}

/// A span as JavaScript sees it: UTF-16 offsets into the block with the caller's id.
#[derive(Serialize)]
struct JsSpan<'a> {
    #[serde(serialize_with = "preserve_ref")]
    block: &'a JsValue,
    start: u32,
    end: u32,
}

/// Serializes a borrowed JS value as itself (serde_wasm_bindgen passes it through).
fn preserve_ref<S: serde::Serializer>(value: &&JsValue, serializer: S) -> Result<S::Ok, S::Error> {
    serde_wasm_bindgen::preserve::serialize(*value, serializer)
}

fn to_js(blocks: &[Block], ids: &[JsValue]) -> Result<JsValue, JsError> {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text).collect();
    let analysis = crate::analyze_blocks(blocks).in_units_as(&texts, Unit::Utf16, |s| JsSpan {
        block: &ids[s.block],
        start: s.start,
        end: s.end,
    });
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot convert the analysis: {e}")))
}

/// Analyzes one text; every span has block 0.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    to_js(&[Block::text(text)], &[JsValue::from(0)])
}

/// Analyzes `[{id, text, role}]` blocks as one document; every span carries its block's id.
/// `role` is one of the engine's [`Role`]s in snake case ("headline", "list_item"…), or absent.
#[wasm_bindgen(js_name = analyzeBlocks)]
pub fn analyze_blocks(blocks: JsValue) -> Result<JsValue, JsError> {
    let blocks: Vec<JsBlock> = serde_wasm_bindgen::from_value(blocks)
        .map_err(|e| JsError::new(&format!("analyzeBlocks expects an array of {{id, text, role}}: {e}")))?;
    let ids: Vec<JsValue> = blocks.iter().map(|b| b.id.clone()).collect();
    let blocks: Vec<Block> = blocks.iter().map(|b| Block { text: &b.text, role: b.role }).collect();
    to_js(&blocks, &ids)
}
