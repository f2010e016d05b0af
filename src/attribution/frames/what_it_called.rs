//! Frame `what_it_called`: `for what it called Tehran's "malicious" activity` — a relative
//! "what" before the subject: only the quoted words are the speaker's; the rest of the clause
//! is the writer's.

use crate::attribution::clause::{content_start, opens_clause, MAX_OBJECT_TOKENS};
use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence) = (site.doc, &site.sentence);
    let Some(subject) = site.subject() else { return Verdict::Pass };
    let start = content_start(doc, site.cue.end, site.form, sentence);
    if site.form.needs_clause && !opens_clause(doc, start) {
        return Verdict::Refused;
    }
    let speaker = &subject.speaker;
    if subject.carried || speaker.start <= sentence.start || &doc.lower[speaker.start - 1] != "what" {
        return Verdict::Pass;
    }
    let quote = (start..sentence.end.min(start + MAX_OBJECT_TOKENS))
        .find_map(|k| doc.quote_opened_at(k).filter(|_| doc.opens_quote(k)));
    Verdict::tried(quote.map(|q| site.found(Rule::WhatItCalled, q.parts.clone(), speaker.clone(), false)))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn only_the_quoted_words_are_the_speakers() {
        let all = found("Oslo froze the assets over what it called the firms' \"reckless\" trade.");
        let a = all.iter().find(|a| a.frame == Rule::WhatItCalled.name()).expect("found by what_it_called");
        assert_eq!((a.speaker.as_str(), a.content.as_str()), ("it", "reckless"));
    }
}
