//! The policies: rules that settle how the frames' findings fit together. Each is named in the
//! registry, where a comment says when it applies, and can be turned off like a frame.

pub mod carried_subject;
pub mod coordination_cut;
pub mod negated_act;
pub mod nested;
pub mod relative_clause_cut;
pub mod resumed_quote;
pub mod verb_use;
