//! The frames: one way of writing an attribution each, with its examples and tests. The
//! registry ([`super::registry::RULES`]) lists them in the order they are tried.

pub mod according_to;
pub mod colon_speaker;
pub mod colon_then_list;
pub mod colon_then_quote;
pub mod content_then_speaker;
pub mod cue_then_speaker;
pub mod headline;
pub mod neighbour_subject;
pub mod passage_speaker;
pub mod passive_agent;
pub mod quote_then_speaker;
pub mod quote_then_verb;
pub mod quoted_clause;
pub mod signed_quote;
pub mod speaker_label;
pub mod subject_cue_content;
pub mod transcript;
pub mod what_it_called;
