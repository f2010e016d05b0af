//! Blocks of page text: what a page gives the engine, and the role each plays there.
//!
//! A web page is not one text: its headline, byline, captions and paragraphs are separate
//! elements, and a reader knows which is which. The content script says so with a [`Role`] per
//! block, and the engine uses it: headline frames run only on headlines, bylines, datelines and
//! labels never yield a speaker or a statement, and captions only their quotes. Plain text
//! (the command line, the corpora) has [`Role::Text`], for which the engine infers what it
//! can (a short line without a stop reads as a headline).
//!
//! Blocks are joined with a paragraph break into one text, so that a quote may run from one
//! block into the next and a pronoun may point back to an earlier block; [`BlockMap`] maps
//! the joined text's bytes back to blocks.

use serde::{Deserialize, Serialize};

use crate::span::ByteSpan;
use crate::Span;

/// What a block of text is on its page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Unknown: plain text, whose headlines the engine finds by their shape.
    #[default]
    Text,
    Headline,
    /// The summary under a headline.
    Standfirst,
    /// The writer's name, and often a date and time.
    Byline,
    /// A place and date before the story ("LONDON —"), or a date line of its own.
    Dateline,
    /// Under a picture or video.
    Caption,
    Paragraph,
    ListItem,
    BlockQuote,
    /// A short label of the page's furniture ("Image", "Gallery", "Media caption").
    Label,
}

impl Role {
    /// Every role (generated tests pick a block's role by its place in this list).
    pub const ALL: [Role; 10] = [
        Role::Text,
        Role::Paragraph,
        Role::Headline,
        Role::Standfirst,
        Role::Byline,
        Role::Dateline,
        Role::Caption,
        Role::ListItem,
        Role::BlockQuote,
        Role::Label,
    ];

    /// Whether the block can hold statements of the article. Bylines, datelines and labels
    /// never do.
    pub fn holds_statements(self) -> bool {
        !matches!(self, Role::Byline | Role::Dateline | Role::Label)
    }

    /// Whether the block is the article's running text, whose subjects a reader carries from
    /// sentence to sentence (a headline's or a caption's are not).
    pub fn is_running_text(self) -> bool {
        matches!(self, Role::Text | Role::Paragraph | Role::ListItem | Role::BlockQuote | Role::Standfirst)
    }
}

/// A block of text with its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block<'t> {
    pub text: &'t str,
    pub role: Role,
}

impl<'t> Block<'t> {
    /// A block of plain text, role unknown.
    pub fn text(text: &'t str) -> Block<'t> {
        Block { text, role: Role::Text }
    }
}

/// What goes between blocks: a paragraph break, so that no sentence or quote crosses blocks
/// unless it runs on the way a quote runs over paragraphs.
const BLOCK_SEPARATOR: &str = "\n\n";

/// The blocks joined into one text (one block is used in place) and where each starts.
pub fn join<'t>(blocks: &[Block<'t>]) -> (std::borrow::Cow<'t, str>, BlockMap) {
    let lengths = blocks.iter().map(|b| b.text.len()).collect();
    let roles = blocks.iter().map(|b| b.role).collect();
    if let [one] = blocks {
        return (std::borrow::Cow::Borrowed(one.text), BlockMap { starts: vec![0], lengths, roles });
    }
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + BLOCK_SEPARATOR.len()).sum());
    let mut starts = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            text.push_str(BLOCK_SEPARATOR);
        }
        starts.push(text.len());
        text.push_str(block.text);
    }
    (std::borrow::Cow::Owned(text), BlockMap { starts, lengths, roles })
}

/// Where each block starts in the joined text.
pub struct BlockMap {
    starts: Vec<usize>,
    lengths: Vec<usize>,
    roles: Vec<Role>,
}

impl BlockMap {
    /// The role of the block that holds byte `offset` of the joined text.
    pub fn role_at(&self, offset: usize) -> Role {
        self.roles.get(self.block_of(offset)).copied().unwrap_or_default()
    }

    /// The block that holds byte `offset` of the joined text.
    pub fn block_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// The span of joined bytes `a..b`, clipped to the block where it starts.
    pub fn span(&self, bytes: ByteSpan) -> Span {
        let ByteSpan { start: a, end: b } = bytes;
        let block = self.block_of(a);
        let start = a - self.starts[block];
        Span { block, start, end: (b - self.starts[block]).min(self.lengths[block]).max(start) }
    }

    /// The spans of joined bytes `a..b`, one per block it touches, trimmed of white space.
    pub fn spans(&self, text: &str, bytes: ByteSpan) -> Vec<Span> {
        let ByteSpan { start: a, end: b } = bytes;
        let mut out = Vec::new();
        let mut block = self.block_of(a);
        let mut from = a;
        while from < b && block < self.starts.len() {
            let block_end = self.starts[block] + self.lengths[block];
            let to = b.min(block_end);
            let piece = &text[from..to];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            if lead + trail < piece.len() {
                out.push(Span {
                    block,
                    start: from + lead - self.starts[block],
                    end: to - trail - self.starts[block],
                });
            }
            block += 1;
            from = self.starts.get(block).copied().unwrap_or(b);
        }
        out
    }
}
