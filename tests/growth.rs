//! The engine's work grows linearly with its input, on every text: a deterministic test.
//!
//! Each family of [`families::FAMILIES`] (hostile texts that were once quadratic or worse, an
//! ordinary article, and mixes of them) is analyzed at size n and at 8n. The engine counts its
//! steps (reads of tokens, words, quotes and sentences, bytes of contents swept for letters:
//! see `sourcelight::steps`), and this test counts the heap it holds at its peak, on the test's own
//! thread. Both must grow at most [`MAX_RATIO`] times for 8 times the text: a linear engine
//! gives about 8, a quadratic one 64. Peak heap must also stay below [`MAX_HEAP_ARTICLE`]
//! times the input at 8n for an article, [`MAX_HEAP`] for any text.

#[path = "../src/cli/families.rs"]
mod families;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use families::FAMILIES;
use sourcelight::{analyze_blocks, steps, Block};

/// The most the work may grow for 8 times the text.
const MAX_RATIO: f64 = 10.0;

/// The most heap the engine may hold at its peak, in multiples of its input, for an ordinary
/// article.
const MAX_HEAP_ARTICLE: f64 = 15.0;

/// The same for any text. Hostile texts hold far more tokens, quotes and statements per byte
/// than an article (every byte a quotation mark; a statement every 14 bytes, each an
/// `Attribution` of some 200 bytes with its strings): see "Speed" in the README.
const MAX_HEAP: f64 = 64.0;

/// Counts the live and peak heap bytes of each thread.
struct ThreadHeap;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn record(delta: isize) {
    // try_with: a thread being torn down has no counters any more.
    let _ = LIVE.try_with(|live| {
        live.set(live.get() + delta);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
    });
}

unsafe impl GlobalAlloc for ThreadHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            record(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        record(-(layout.size() as isize));
    }
}

#[global_allocator]
static HEAP: ThreadHeap = ThreadHeap;

/// What one analysis took: steps, peak heap bytes above what was live before, input bytes.
struct Cost {
    steps: u64,
    heap: usize,
    bytes: usize,
}

fn cost(blocks: &[(sourcelight::Role, String)]) -> Cost {
    let blocks: Vec<Block> = blocks.iter().map(|(role, text)| Block { text, role: *role }).collect();
    let bytes = blocks.iter().map(|b| b.text.len()).sum();
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let before = steps::count();
    let analysis = analyze_blocks(&blocks);
    let steps = steps::count() - before;
    drop(analysis);
    let heap = (PEAK.with(Cell::get) - base).max(0) as usize;
    Cost { steps, heap, bytes }
}

/// Checks one family at n and 8n; returns what is wrong, if anything.
fn check(name: &str, make: impl Fn(usize) -> Vec<(sourcelight::Role, String)>, n: usize) -> Option<String> {
    let small = cost(&make(n));
    let large = cost(&make(8 * n));
    let grows = |a: f64, b: f64| b / a.max(1.0);
    let size = grows(small.bytes as f64, large.bytes as f64);
    let work = grows(small.steps as f64, large.steps as f64);
    let heap = grows(small.heap as f64, large.heap as f64);
    let per_byte = large.heap as f64 / large.bytes.max(1) as f64;
    eprintln!(
        "{name:26} {:>8} → {:>9} bytes (×{size:.1}): steps {:>9} → {:>10} (×{work:.1}), \
         heap ×{heap:.1}, {per_byte:.1}× the input",
        small.bytes, large.bytes, small.steps, large.steps
    );
    let mut problems = Vec::new();
    if work > MAX_RATIO * size / 8.0 {
        problems.push(format!("steps grow ×{work:.1} for ×{size:.1} the text"));
    }
    if heap > MAX_RATIO * size / 8.0 {
        problems.push(format!("heap grows ×{heap:.1} for ×{size:.1} the text"));
    }
    let most = if name.starts_with("article") { MAX_HEAP_ARTICLE } else { MAX_HEAP };
    if per_byte > most {
        problems.push(format!("peak heap is {per_byte:.1}× the input"));
    }
    (!problems.is_empty()).then(|| format!("{name}: {}", problems.join("; ")))
}

#[test]
fn every_family_grows_linearly() {
    // The lexicon is read on first use and kept for good: read it before measuring, so that the
    // first family's heap at n is its analysis and not the lexicon.
    analyze_blocks(&[Block::text("The lexicon loads once, Lee said.")]);
    let problems: Vec<String> = FAMILIES.iter().filter_map(|f| check(f.name, |n| f.blocks(n), 400)).collect();
    assert!(problems.is_empty(), "{} families grow too fast:\n{}", problems.len(), problems.join("\n"));
}
