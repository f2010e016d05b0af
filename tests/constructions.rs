//! The constructions of attribution that the engine must recognize, one test each.
//!
//! Every test is a sentence or a short article written for this file (people and
//! organizations are invented; countries, capitals and demonyms are real because the engine
//! resolves them from its lexicon) and the statement a careful annotator would mark in it:
//! the content, the speaker as written, the cue, the kind and, where the construction is
//! about them, the cue class and the party the speaker resolves to.
//!
//! Content is compared after [`norm`]: quotation marks, a leading "that" and the
//! punctuation at either end do not count, so that `"Yes," she said` and `she said that yes`
//! are judged on their words. Each failing test lists every expectation it missed, followed by
//! everything the engine found, so that a failure can be read without running anything.

use std::cell::Cell;

use sourcelight::{
    analyze_with, Analysis, Attribution, Block, CueClass, Kind, Options, Party, PartyKind, Role, RuleSet,
    Sourcing, Span, RULES,
};

/// Every character the tests use as a quotation mark (straight apostrophes included, as they
/// double as single quotes).
const QUOTE_MARKS: &[char] = &['"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '«', '»', '‹', '›'];

/// A content as its words: no quotation marks, no leading "that", no punctuation or white
/// space at either end, runs of white space as one space.
fn norm(content: &str) -> String {
    let words: String = content.chars().filter(|c| !QUOTE_MARKS.contains(c)).collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = words.trim_matches(|c: char| c.is_whitespace() || ",.;:!?—–-".contains(c));
    let bare = trimmed.strip_prefix("that ").unwrap_or(trimmed);
    bare.to_string()
}

/// One analyzed text (or list of blocks) and the checks run on it.
struct Case<'t> {
    blocks: Vec<&'t str>,
    analysis: Analysis,
}

impl<'t> Case<'t> {
    fn text(text: &'t str) -> Case<'t> {
        Case::blocks(&[text])
    }

    fn blocks(blocks: &[&'t str]) -> Case<'t> {
        Case::roles(&blocks.iter().map(|&text| Block::text(text)).collect::<Vec<_>>())
    }

    fn roles(blocks: &[Block<'t>]) -> Case<'t> {
        let options = Options { rules: RULES_ON.with(Cell::get) };
        Case { blocks: blocks.iter().map(|b| b.text).collect(), analysis: analyze_with(blocks, &options) }
    }

    fn slice(&self, span: &Span) -> &'t str {
        self.blocks
            .get(span.block)
            .and_then(|b| b.get(span.start..span.end))
            .unwrap_or("<span outside its block>")
    }

    /// The content parts of `a`, normalized.
    fn parts(&self, a: &Attribution) -> Vec<String> {
        a.content.iter().map(|s| norm(self.slice(s))).collect()
    }

    /// Everything the engine found, one line per attribution, party and hedge.
    fn dump(&self) -> String {
        let mut out = String::new();
        for a in &self.analysis.attributions {
            let content: Vec<String> =
                a.content.iter().map(|s| format!("{}@{}..{}", self.slice(s), s.block, s.start)).collect();
            out += &format!(
                "  attribution {:?} speaker={:?} cue={:?} class={:?} party={:?} content={:?}\n",
                a.kind, a.speaker_text, a.cue_text, a.cue_class, a.party, content
            );
        }
        for p in &self.analysis.parties {
            out += &format!(
                "  party {} {:?} {:?} role={:?} affiliation={:?} side={:?} mentions={:?} statements={}\n",
                p.id, p.name, p.kind, p.role, p.affiliation, p.side, p.mentions, p.statements
            );
        }
        for h in &self.analysis.hedges {
            out += &format!("  hedge {:?}\n", h.text);
        }
        if out.is_empty() {
            out += "  (nothing)\n";
        }
        out
    }

    fn fail(&self, problems: &[String]) -> ! {
        panic!("\ntext: {:?}\n{}\nthe engine found:\n{}", self.blocks, problems.join("\n"), self.dump())
    }

    /// The attribution whose content overlaps most with `words`, which must be written in
    /// the text exactly once.
    fn covering(&self, words: &str) -> &Attribution {
        let place = self
            .blocks
            .iter()
            .enumerate()
            .find_map(|(b, text)| text.find(words).map(|at| (b, at, at + words.len())));
        let Some((block, start, end)) = place else { panic!("test error: {words:?} is not in the text") };
        let overlap = |a: &Attribution| -> usize {
            a.content
                .iter()
                .filter(|s| s.block == block)
                .map(|s| s.end.min(end).saturating_sub(s.start.max(start)))
                .sum()
        };
        match self.analysis.attributions.iter().max_by_key(|a| overlap(a)) {
            Some(a) if overlap(a) > 0 => a,
            _ => self.fail(&[format!("no attribution has the content {words:?}")]),
        }
    }

    /// The only attribution in the text.
    fn only(&self) -> &Attribution {
        match self.analysis.attributions.as_slice() {
            [a] => a,
            found => self.fail(&[format!("expected exactly one attribution, found {}", found.len())]),
        }
    }

    /// Checks the attribution that covers `parts[0]`: its content parts (written as in the
    /// text), speaker, cue (`None`: no cue, the speaker is carried over) and kind.
    fn expect(&self, parts: &[&str], speaker: &str, cue: Option<&str>, kind: Kind) -> &Attribution {
        let a = self.covering(parts[0]);
        let mut problems = Vec::new();
        let want: Vec<String> = parts.iter().map(|p| norm(p)).collect();
        if self.parts(a) != want {
            problems.push(format!("content: expected {want:?}, got {:?}", self.parts(a)));
        }
        if a.speaker_text.as_deref() != Some(speaker) {
            problems.push(format!("speaker: expected {speaker:?}, got {:?}", a.speaker_text));
        }
        if a.speaker.map(|s| self.slice(&s)) != a.speaker_text.as_deref() {
            problems.push(format!(
                "speaker span {:?} does not give speaker_text {:?}",
                a.speaker, a.speaker_text
            ));
        }
        if a.cue_text.as_deref() != cue {
            problems.push(format!("cue: expected {cue:?}, got {:?}", a.cue_text));
        }
        if a.kind != kind {
            problems.push(format!("kind: expected {kind:?}, got {:?}", a.kind));
        }
        if !problems.is_empty() {
            self.fail(&problems);
        }
        a
    }

    /// Checks that the content of `a` (normalized) ends with `words`, for cues whose
    /// content starts at their object (`accused Y of …`, `slams Y for …`).
    fn expect_content_ends_with(&self, a: &Attribution, words: &str) {
        let content = self.parts(a).join(" ");
        if !content.ends_with(&norm(words)) {
            self.fail(&[format!("content: expected it to end with {words:?}, got {content:?}")]);
        }
    }

    fn expect_speaker(&self, a: &Attribution, speaker: &str) {
        if a.speaker_text.as_deref() != Some(speaker) {
            self.fail(&[format!("speaker: expected {speaker:?}, got {:?}", a.speaker_text)]);
        }
    }

    fn expect_cue(&self, a: &Attribution, cue: &str, class: CueClass) {
        if a.cue_text.as_deref() != Some(cue) || a.cue_class != Some(class) {
            self.fail(&[format!(
                "cue: expected {cue:?} ({class:?}), got {:?} ({:?})",
                a.cue_text, a.cue_class
            )]);
        }
    }

    fn expect_class(&self, a: &Attribution, class: CueClass) {
        if a.cue_class != Some(class) {
            self.fail(&[format!("cue class of {:?}: expected {class:?}, got {:?}", a.cue_text, a.cue_class)]);
        }
    }

    fn expect_kind(&self, a: &Attribution, kind: Kind) {
        if a.kind != kind {
            self.fail(&[format!("kind: expected {kind:?}, got {:?}", a.kind)]);
        }
    }

    /// The party of `a`, which must be named `name` and be of kind `kind`.
    fn expect_party(&self, a: &Attribution, name: &str, kind: PartyKind) -> &Party {
        let Some(p) = a.party.and_then(|p| self.analysis.parties.get(p)) else {
            self.fail(&[format!(
                "party of the statement by {:?}: expected {name:?}, got none",
                a.speaker_text
            )])
        };
        if p.name != name || p.kind != kind {
            self.fail(&[format!(
                "party of the statement by {:?}: expected {name:?} ({kind:?}), got {:?} ({:?})",
                a.speaker_text, p.name, p.kind
            )]);
        }
        p
    }

    /// Checks what the text says of a party: its role, affiliation and side.
    fn expect_standing(&self, p: &Party, role: Option<&str>, affiliation: Option<&str>, side: Option<&str>) {
        let got = (p.role.as_deref(), p.affiliation.as_deref(), p.side.as_deref());
        if got != (role, affiliation, side) {
            self.fail(&[format!(
                "{:?}: expected role, affiliation, side {:?}, got {got:?}",
                p.name,
                (role, affiliation, side)
            )]);
        }
    }

    fn expect_hedge(&self, words: &str) {
        if !self.analysis.hedges.iter().any(|h| h.text == words && self.slice(&h.span) == words) {
            self.fail(&[format!("expected the hedge {words:?}")]);
        }
    }

    fn expect_sourcing(&self, a: &Attribution, sourcing: Sourcing) {
        if a.sourcing != sourcing {
            self.fail(&[format!("sourcing: expected {sourcing:?}, got {:?}", a.sourcing)]);
        }
    }

    /// Checks the party the statement aims at, by a word of its name.
    fn expect_target(&self, a: &Attribution, name: Option<&str>) {
        let target = a.target.map(|t| self.analysis.parties[t].name.as_str());
        if target.map(|t| name.is_some_and(|n| t.contains(n))).unwrap_or(name.is_none()) {
            return;
        }
        self.fail(&[format!("target: expected {name:?}, got {target:?}")]);
    }

    /// Checks that no attribution has this speaker (or a speaker containing it).
    fn expect_no_speaker(&self, speaker: &str) {
        if self
            .analysis
            .attributions
            .iter()
            .any(|a| a.speaker_text.as_deref().is_some_and(|s| s.contains(speaker)))
        {
            self.fail(&[format!("no attribution should have the speaker {speaker:?}")]);
        }
    }

    /// Checks that no attribution has this cue.
    fn expect_no_cue(&self, cue: &str) {
        if self.analysis.attributions.iter().any(|a| a.cue_text.as_deref() == Some(cue)) {
            self.fail(&[format!("no attribution should have the cue {cue:?}")]);
        }
    }

    fn expect_no_attribution(&self) {
        if !self.analysis.attributions.is_empty() {
            self.fail(&["expected no attribution".to_string()]);
        }
    }
}

// Direct quotes.

/// Declares the construction tests: each is a `#[test]`, and [`CONSTRUCTIONS`] lists them all,
/// so that the rule ablation below can run every one with a rule turned off.
macro_rules! constructions {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {
        $($(#[$meta])* #[test] fn $name() $body)*

        /// Every construction test, by name.
        const CONSTRUCTIONS: &[(&str, fn())] = &[$((stringify!($name), $name)),*];
    };
}

constructions! {
    fn quote_then_said_then_speaker() {
        let c = Case::text("\"The bridge will reopen in March,\" said Helena Brandt.");
        let a = c.expect(&["The bridge will reopen in March"], "Helena Brandt", Some("said"), Kind::Direct);
        c.expect_class(a, CueClass::Neutral);
        c.expect_party(a, "Helena Brandt", PartyKind::Person);
    }

    fn quote_then_speaker_then_said() {
        let c = Case::text("\"We have no plans to raise the fee,\" Tomas Ferreira said on Thursday.");
        let a = c.expect(&["We have no plans to raise the fee"], "Tomas Ferreira", Some("said"), Kind::Direct);
        c.expect_party(a, "Tomas Ferreira", PartyKind::Person);
    }

    fn speaker_said_colon_quote() {
        let c = Case::text("Mayor Ines Valcourt said: \"The river is safe to swim in again.\"");
        let a =
            c.expect(&["The river is safe to swim in again"], "Mayor Ines Valcourt", Some("said"), Kind::Direct);
        let p = c.expect_party(a, "Ines Valcourt", PartyKind::Person);
        c.expect_standing(p, Some("Mayor"), None, None);
    }

    fn quote_split_around_its_cue_is_one_statement() {
        let c = Case::text("\"We are ready to talk,\" Farid Osmani added, \"but not under threat.\"");
        c.only();
        c.expect(&["We are ready to talk", "but not under threat"], "Farid Osmani", Some("added"), Kind::Direct);
    }

    fn quote_split_around_an_inverted_cue_is_one_statement() {
        let c = Case::text(
            "\"The figures are accurate,\" said Lena Varga, \"and the auditors have seen every one of them.\"",
        );
        c.only();
        c.expect(
            &["The figures are accurate", "and the auditors have seen every one of them"],
            "Lena Varga",
            Some("said"),
            Kind::Direct,
        );
    }

    fn quote_running_over_three_paragraphs_is_one_statement() {
        let c = Case::text(
            "\"The first shipment left on Monday.\n\n\"The second leaves on Friday.\n\n\
             \"The third depends on the weather,\" said Omar Farouk.",
        );
        c.only();
        c.expect(
            &[
                "The first shipment left on Monday.",
                "The second leaves on Friday.",
                "The third depends on the weather",
            ],
            "Omar Farouk",
            Some("said"),
            Kind::Direct,
        );
    }

    fn quote_running_over_paragraphs_is_one_statement() {
        let c = Case::text(
            "\"The exercise was planned months ago and threatens no one.\n\n\
             \"Our neighbours were informed in writing, and observers are welcome,\" Defence Minister Rolf Engstrom said.",
        );
        c.only();
        let a = c.expect(
            &[
                "The exercise was planned months ago and threatens no one.",
                "Our neighbours were informed in writing, and observers are welcome",
            ],
            "Defence Minister Rolf Engstrom",
            Some("said"),
            Kind::Direct,
        );
        c.expect_party(a, "Rolf Engstrom", PartyKind::Person);
    }

    fn quote_running_on_after_its_attribution_keeps_the_speaker() {
        let c = Case::text(
            "\"The budget protects every hospital,\" Finance Minister Clara Oyelaran said. \"Not one ward will close.\n\n\
             \"Not one nurse will lose her job.\"",
        );
        let first = c.expect(
            &["The budget protects every hospital"],
            "Finance Minister Clara Oyelaran",
            Some("said"),
            Kind::Direct,
        );
        let rest = c.covering("Not one ward will close.");
        let parts = c.parts(rest);
        if !parts.contains(&norm("Not one ward will close."))
            || !parts.contains(&norm("Not one nurse will lose her job."))
        {
            c.fail(&[format!("the quote running over two paragraphs should be one statement, got {parts:?}")]);
        }
        c.expect_party(first, "Clara Oyelaran", PartyKind::Person);
        c.expect_party(rest, "Clara Oyelaran", PartyKind::Person);
    }

    fn quote_with_speaker_in_the_sentence_before() {
        let c = Case::text(
            "Hanna Lindqvist left the talks shortly after noon. \"This offer is an insult to every driver.\"",
        );
        let a = c.expect(&["This offer is an insult to every driver."], "Hanna Lindqvist", None, Kind::Direct);
        c.expect_party(a, "Hanna Lindqvist", PartyKind::Person);
    }

    fn quote_with_speaker_in_the_sentence_after() {
        let c = Case::text(
            "\"Nobody in this office saw the letter before Friday.\" Governor Paul Ashdown made the remark at a briefing on Monday.",
        );
        let a = c.expect(
            &["Nobody in this office saw the letter before Friday."],
            "Governor Paul Ashdown",
            None,
            Kind::Direct,
        );
        c.expect_party(a, "Paul Ashdown", PartyKind::Person);
    }

    fn said_then_description_and_name() {
        let c = Case::text(
            "\"The harbour will stay closed until the storm passes,\" said port director Elsa Moreau.",
        );
        let a = c.expect(
            &["The harbour will stay closed until the storm passes"],
            "port director Elsa Moreau",
            Some("said"),
            Kind::Direct,
        );
        c.expect_party(a, "Elsa Moreau", PartyKind::Person);
    }

    fn description_and_name_before_said() {
        let c = Case::text("Council member Victor Salas said the numbers were misleading.");
        let a = c.expect(
            &["the numbers were misleading"],
            "Council member Victor Salas",
            Some("said"),
            Kind::Indirect,
        );
        c.expect_party(a, "Victor Salas", PartyKind::Person);
    }

    // Mixed: reported speech that quotes some words.

    fn called_the_plan_quoted_words() {
        let c =
            Case::text("Opposition leader Dario Benedetti called the plan \"a fantasy dressed up as a budget\".");
        let a = c.expect(
            &["the plan \"a fantasy dressed up as a budget\""],
            "Opposition leader Dario Benedetti",
            Some("called"),
            Kind::Mixed,
        );
        c.expect_party(a, "Dario Benedetti", PartyKind::Person);
    }

    fn said_with_quoted_words_inside() {
        let c = Case::text(
            "Ambassador Leila Haddad said the sanctions were \"a declaration of economic war\" and would be challenged in court.",
        );
        c.expect(
            &["the sanctions were \"a declaration of economic war\" and would be challenged in court"],
            "Ambassador Leila Haddad",
            Some("said"),
            Kind::Mixed,
        );
    }

    // Indirect: reported speech.

    fn said_that() {
        let c =
            Case::text("Health Minister Anders Molin said that the vaccination campaign would begin in October.");
        let a = c.expect(
            &["the vaccination campaign would begin in October"],
            "Health Minister Anders Molin",
            Some("said"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Neutral);
        c.expect_party(a, "Anders Molin", PartyKind::Person);
    }

    fn said_without_that() {
        let c = Case::text("Prosecutor Jana Kral said the evidence had been handled correctly.");
        c.expect(
            &["the evidence had been handled correctly"],
            "Prosecutor Jana Kral",
            Some("said"),
            Kind::Indirect,
        );
    }

    fn according_to_speaker_first() {
        let c = Case::text(
            "According to the Ministry of Agriculture, wheat exports fell by a third in the first quarter.",
        );
        let a = c.expect(
            &["wheat exports fell by a third in the first quarter"],
            "the Ministry of Agriculture",
            Some("According to"),
            Kind::Indirect,
        );
        c.expect_party(a, "Ministry of Agriculture", PartyKind::Organization);
    }

    fn according_to_speaker_last() {
        let c = Case::text(
            "Three fishing boats were seized near the strait overnight, according to the coast guard.",
        );
        c.expect(
            &["Three fishing boats were seized near the strait overnight"],
            "the coast guard",
            Some("according to"),
            Kind::Indirect,
        );
    }

    fn told_someone_that() {
        let c = Case::text("Senator Maria Okafor told reporters that she would vote against the bill.");
        let a =
            c.expect(&["she would vote against the bill"], "Senator Maria Okafor", Some("told"), Kind::Indirect);
        c.expect_class(a, CueClass::Neutral);
    }

    fn told_someone_with_a_phrase_before_that() {
        let c = Case::text(
            "Senator Maria Okafor told reporters in the capital on Friday that she would vote against the bill.",
        );
        c.expect(&["she would vote against the bill"], "Senator Maria Okafor", Some("told"), Kind::Indirect);
    }

    fn told_someone_without_that() {
        let c = Case::text("The airline told passengers the flight had been cancelled because of fog.");
        c.expect(&["the flight had been cancelled because of fog"], "The airline", Some("told"), Kind::Indirect);
    }

    fn accused_someone_of() {
        let c = Case::text(
            "Interior Minister Besnik Lleshi accused the opposition of paying protesters to block the highway.",
        );
        let a = c.covering("paying protesters to block the highway");
        c.expect_content_ends_with(a, "paying protesters to block the highway");
        c.expect_speaker(a, "Interior Minister Besnik Lleshi");
        c.expect_cue(a, "accused", CueClass::Accusing);
        c.expect_kind(a, Kind::Indirect);
    }

    fn denied_that() {
        let c = Case::text("Veltra Telecom Group denied that it had shared customer data with advertisers.");
        let a = c.expect(
            &["it had shared customer data with advertisers"],
            "Veltra Telecom Group",
            Some("denied"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Denying);
        c.expect_party(a, "Veltra Telecom Group", PartyKind::Organization);
    }

    fn rejected_claims() {
        let c = Case::text("Foreign Minister Oskar Lind rejected claims that Sweden had delayed the talks.");
        let a = c.covering("Sweden had delayed the talks");
        c.expect_content_ends_with(a, "Sweden had delayed the talks");
        c.expect_speaker(a, "Foreign Minister Oskar Lind");
        c.expect_cue(a, "rejected", CueClass::Denying);
    }

    fn claimed() {
        let c = Case::text("The rebel commander claimed his forces controlled the airport.");
        let a = c.expect(
            &["his forces controlled the airport"],
            "The rebel commander",
            Some("claimed"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Assertive);
    }

    fn warned_that() {
        let c = Case::text("The central bank warned that inflation could stay above five percent next year.");
        let a = c.expect(
            &["inflation could stay above five percent next year"],
            "The central bank",
            Some("warned"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Warning);
    }

    fn insisted() {
        let c = Case::text("Coach Rafael Duarte insisted the team had not been paid to lose.");
        let a = c.expect(
            &["the team had not been paid to lose"],
            "Coach Rafael Duarte",
            Some("insisted"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Assertive);
    }

    fn in_a_statement_said() {
        let c = Case::text("In a statement, the Ministry of Finance said the new tax would apply from January.");
        let a = c.expect(
            &["the new tax would apply from January"],
            "the Ministry of Finance",
            Some("said"),
            Kind::Indirect,
        );
        c.expect_party(a, "Ministry of Finance", PartyKind::Organization);
    }

    fn speaker_with_relative_clause() {
        let c = Case::text(
            "Lukas Brenner, who chairs the parliamentary energy committee, said the pipeline deal was unlikely to survive a vote.",
        );
        let a = c.expect(
            &["the pipeline deal was unlikely to survive a vote"],
            "Lukas Brenner",
            Some("said"),
            Kind::Indirect,
        );
        c.expect_party(a, "Lukas Brenner", PartyKind::Person);
    }

    fn participle_adding_that_takes_the_clause_subject() {
        let c = Case::text(
            "Mayor Ines Valcourt said the tram line would open in May, adding that tickets would be free for the first week.",
        );
        let first =
            c.expect(&["the tram line would open in May"], "Mayor Ines Valcourt", Some("said"), Kind::Indirect);
        let second = c.expect(
            &["tickets would be free for the first week"],
            "Mayor Ines Valcourt",
            Some("adding"),
            Kind::Indirect,
        );
        c.expect_party(first, "Ines Valcourt", PartyKind::Person);
        c.expect_party(second, "Ines Valcourt", PartyKind::Person);
    }

    fn participle_pointing_out_that() {
        let c = Case::text("Economist Yara Selim defended the forecast, pointing out that exports had risen for six straight months.");
        let a = c.expect(
            &["exports had risen for six straight months"],
            "Economist Yara Selim",
            Some("pointing out"),
            Kind::Indirect,
        );
        c.expect_party(a, "Yara Selim", PartyKind::Person);
    }

    fn headline_claim_colon_speaker() {
        let c = Case::text(
            "Ceasefire will hold through the winter: Norwegian envoy\n\
             The talks resume in Geneva next week after a two-month pause.",
        );
        let a = c.covering("Ceasefire will hold through the winter");
        if c.parts(a) != [norm("Ceasefire will hold through the winter")] {
            c.fail(&[format!("content: expected the claim before the colon, got {:?}", c.parts(a))]);
        }
        c.expect_speaker(a, "Norwegian envoy");
        c.expect_kind(a, Kind::Indirect);
    }

    fn headline_speaker_colon_claim() {
        let c = Case::text(
            "Mayor Ortiz: The bridge will open before the winter\n\
             Correction: An earlier version of this article misstated the bridge's length.",
        );
        let a = c.covering("The bridge will open before the winter");
        c.expect_speaker(a, "Mayor Ortiz");
        if c.analysis.attributions.len() != 1 {
            c.fail(&["a correction note is nobody's statement: expected one attribution".to_string()]);
        }
    }

    fn headline_speaker_slams_someone_for() {
        let c = Case::text(
            "Opposition leader Dario Benedetti slams government for fuel tax rise\n\
             The tax goes up by four cents a litre on Monday.",
        );
        let a = c.covering("fuel tax rise");
        c.expect_content_ends_with(a, "fuel tax rise");
        c.expect_speaker(a, "Opposition leader Dario Benedetti");
        c.expect_cue(a, "slams", CueClass::Critical);
    }

    // Quotation marks.

    fn curly_double_quotes() {
        let c = Case::text("“The harbour will stay closed until the storm passes,” said Elsa Moreau.");
        c.expect(
            &["The harbour will stay closed until the storm passes"],
            "Elsa Moreau",
            Some("said"),
            Kind::Direct,
        );
    }

    fn straight_single_quotes() {
        let c = Case::text("'We were never told about the landfill,' said Omar Farouk.");
        c.expect(&["We were never told about the landfill"], "Omar Farouk", Some("said"), Kind::Direct);
    }

    fn curly_single_quotes() {
        let c = Case::text("‘We were never told about the landfill,’ said Omar Farouk.");
        c.expect(&["We were never told about the landfill"], "Omar Farouk", Some("said"), Kind::Direct);
    }

    fn guillemets() {
        let c = Case::text("«The vote was free and fair,» said Petra Novak.");
        c.expect(&["The vote was free and fair"], "Petra Novak", Some("said"), Kind::Direct);
    }

    fn low_high_double_quotes() {
        let c = Case::text("„The border stays open to trucks,“ said Chancellor Greta Hollmann.");
        let a = c.expect(
            &["The border stays open to trucks"],
            "Chancellor Greta Hollmann",
            Some("said"),
            Kind::Direct,
        );
        c.expect_party(a, "Greta Hollmann", PartyKind::Person);
    }

    fn single_guillemets() {
        let c = Case::text("‹We will rebuild the school by autumn,› said Tarek Aziz.");
        c.expect(&["We will rebuild the school by autumn"], "Tarek Aziz", Some("said"), Kind::Direct);
    }

    fn curly_apostrophes_are_not_quotes() {
        let c = Case::text(
            "Iran’s deputy foreign minister Reza Kamali said the country’s nuclear programme wasn’t up for negotiation.",
        );
        c.only();
        c.expect(
            &["the country’s nuclear programme wasn’t up for negotiation"],
            "Iran’s deputy foreign minister Reza Kamali",
            Some("said"),
            Kind::Indirect,
        );
    }

    fn straight_apostrophes_inside_a_quote() {
        let c = Case::text("\"We don't negotiate with the ministry's lawyers,\" said Lina Park.");
        c.only();
        c.expect(&["We don't negotiate with the ministry's lawyers"], "Lina Park", Some("said"), Kind::Direct);
    }

    fn plural_possessive_apostrophe_is_not_a_quote() {
        let c = Case::text("The teachers' union said the strike would go ahead on Monday.");
        c.only();
        c.expect(&["the strike would go ahead on Monday"], "The teachers' union", Some("said"), Kind::Indirect);
    }

    fn stray_mark_at_a_paragraph_start_does_not_derail_the_article() {
        let c = Case::text(
            "\"The mayor's office released the figures on Monday.\n\n\
             Victor Salas said the numbers were misleading.\n\n\
             \"We will ask for an independent audit,\" Salas said.",
        );
        c.expect(&["the numbers were misleading"], "Victor Salas", Some("said"), Kind::Indirect);
        let a = c.expect(&["We will ask for an independent audit"], "Salas", Some("said"), Kind::Direct);
        c.expect_party(a, "Victor Salas", PartyKind::Person);
    }

    fn stray_mark_inside_a_sentence_does_not_derail_the_article() {
        let c = Case::text(
            "The report, titled \"Water for All, was published in May.\n\n\
             Engineer Sofia Marquez said the pumps would be replaced.\n\n\
             \"The old ones leak,\" Marquez said.",
        );
        c.expect(&["the pumps would be replaced"], "Engineer Sofia Marquez", Some("said"), Kind::Indirect);
        c.expect(&["The old ones leak"], "Marquez", Some("said"), Kind::Direct);
    }

    fn abbreviations_do_not_end_the_sentence() {
        let c = Case::text("Gen. Marco Ruiz said on Jan. 12 that the U.S. troops would stay until March.");
        c.only();
        let a = c.expect(
            &["the U.S. troops would stay until March"],
            "Gen. Marco Ruiz",
            Some("said"),
            Kind::Indirect,
        );
        c.expect_party(a, "Marco Ruiz", PartyKind::Person);
    }

    fn abbreviations_inside_a_quote_and_a_speaker() {
        let c = Case::text("\"We expect an answer from the U.S. side by Feb. 1,\" said Mr. Qureshi.");
        c.only();
        c.expect(
            &["We expect an answer from the U.S. side by Feb. 1"],
            "Mr. Qureshi",
            Some("said"),
            Kind::Direct,
        );
    }

    fn titles_with_periods_start_new_speakers() {
        let c = Case::text(
            "Dr. Amara Nwosu said the outbreak was under control. Prof. Ilse Berg said it was too early to tell.",
        );
        c.expect(&["the outbreak was under control"], "Dr. Amara Nwosu", Some("said"), Kind::Indirect);
        c.expect(&["it was too early to tell"], "Prof. Ilse Berg", Some("said"), Kind::Indirect);
    }

    // Cue classes and hedges.

    fn stated_is_neutral() {
        let c = Case::text("The election commission stated that turnout had reached 64 percent.");
        let a = c.expect(
            &["turnout had reached 64 percent"],
            "The election commission",
            Some("stated"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Neutral);
    }

    fn argued_is_assertive() {
        let c = Case::text("Defence lawyer Nils Ekberg argued that the search warrant had expired.");
        let a = c.expect(
            &["the search warrant had expired"],
            "Defence lawyer Nils Ekberg",
            Some("argued"),
            Kind::Indirect,
        );
        c.expect_class(a, CueClass::Assertive);
    }

    fn blamed_is_accusing() {
        let c = Case::text("Governor Paul Ashdown blamed the drought for the poor harvest.");
        let a = c.covering("the poor harvest");
        c.expect_content_ends_with(a, "the drought for the poor harvest");
        c.expect_speaker(a, "Governor Paul Ashdown");
        c.expect_cue(a, "blamed", CueClass::Accusing);
    }

    fn slammed_is_critical() {
        let c = Case::text("The Federation of Rail Workers slammed the decision as a betrayal of rural schools.");
        let a = c.covering("a betrayal of rural schools");
        c.expect_content_ends_with(a, "the decision as a betrayal of rural schools");
        c.expect_speaker(a, "The Federation of Rail Workers");
        c.expect_cue(a, "slammed", CueClass::Critical);
    }

    fn allegedly_is_a_hedge_not_an_attribution() {
        let c = Case::text("The deputy mayor allegedly received payments from the contractor.");
        c.expect_hedge("allegedly");
        c.expect_no_attribution();
    }

    fn reportedly_is_a_hedge_not_an_attribution() {
        let c = Case::text("The convoy was reportedly stopped at the border crossing.");
        c.expect_hedge("reportedly");
        c.expect_no_attribution();
    }

    fn it_is_believed_is_a_hedge_not_an_attribution() {
        let c = Case::text("It is believed that the cargo ship was carrying weapons.");
        c.expect_hedge("It is believed");
        c.expect_no_attribution();
    }

    // Parties.

    fn she_goes_to_the_woman_named_earlier() {
        let c = Case::text(
            "Mrs. Alia Rahman said the tender was rigged. Mr. Tomas Ferreira said the tender was fair. \
             She said the documents would prove it.",
        );
        let a = c.expect(&["the documents would prove it"], "She", Some("said"), Kind::Indirect);
        let p = c.expect_party(a, "Alia Rahman", PartyKind::Person);
        assert_eq!(p.statements, 2, "{}", c.dump());
    }

    fn she_after_a_quote_goes_to_the_woman_named_before() {
        let c = Case::text(
            "Mrs. Alia Rahman left the courtroom at noon. \"We will appeal on every count,\" she said.",
        );
        let a = c.expect(&["We will appeal on every count"], "she", Some("said"), Kind::Direct);
        c.expect_party(a, "Alia Rahman", PartyKind::Person);
    }

    fn he_goes_to_the_man_named_earlier() {
        let c = Case::text(
            "Mr. Tomas Ferreira said the tender was fair. Mrs. Alia Rahman said the tender was rigged. \
             He said the audit would clear him.",
        );
        let a = c.expect(&["the audit would clear him"], "He", Some("said"), Kind::Indirect);
        c.expect_party(a, "Tomas Ferreira", PartyKind::Person);
    }

    fn pronoun_without_a_gender_cue_goes_to_the_latest_person() {
        let c = Case::text(
            "Dana Whitcombe said the report was late. Kim Sato said the figures were sound. \
             He added that an audit would follow.",
        );
        let a = c.expect(&["an audit would follow"], "He", Some("added"), Kind::Indirect);
        c.expect_party(a, "Kim Sato", PartyKind::Person);
    }

    fn it_goes_to_the_organization() {
        let c = Case::text(
            "The Ministry of Energy said fuel prices would rise in spring. It added that pensioners would keep their subsidy.",
        );
        let a = c.expect(&["pensioners would keep their subsidy"], "It", Some("added"), Kind::Indirect);
        let p = c.expect_party(a, "Ministry of Energy", PartyKind::Organization);
        assert_eq!(p.statements, 2, "{}", c.dump());
    }

    fn it_goes_to_an_organization_named_as_a_subject_before_it_spoke() {
        let c = Case::text(
            "The Ministry of Energy raised fuel prices by four percent on Monday. It said the increase would fund new grid lines.",
        );
        let a = c.expect(&["the increase would fund new grid lines"], "It", Some("said"), Kind::Indirect);
        c.expect_party(a, "Ministry of Energy", PartyKind::Organization);
    }

    fn it_goes_to_the_country() {
        let c = Case::text(
            "Norway said two frigates would join the patrol. It said the ships would arrive within a week.",
        );
        let a = c.expect(&["the ships would arrive within a week"], "It", Some("said"), Kind::Indirect);
        let p = c.expect_party(a, "Norway", PartyKind::Country);
        c.expect_standing(p, None, None, Some("Norway"));
    }

    fn last_name_goes_to_the_full_name() {
        let c = Case::text(
            "Foreign Ministry Spokesperson Dariush Farahani said the talks had been constructive. \
             Farahani added that a new round would start in Vienna.",
        );
        let a = c.expect(&["a new round would start in Vienna"], "Farahani", Some("added"), Kind::Indirect);
        let p = c.expect_party(a, "Dariush Farahani", PartyKind::Person);
        assert_eq!(p.statements, 2, "{}", c.dump());
        assert_eq!(c.analysis.parties.len(), 1, "{}", c.dump());
    }

    fn the_spokesperson_goes_to_the_person_holding_the_role() {
        let c = Case::text(
            "Foreign Ministry Spokesperson Dariush Farahani said the talks had been constructive. \
             The spokesperson said a new round would start in Vienna.",
        );
        let a =
            c.expect(&["a new round would start in Vienna"], "The spokesperson", Some("said"), Kind::Indirect);
        c.expect_party(a, "Dariush Farahani", PartyKind::Person);
    }

    fn the_ministry_goes_to_the_ministry_named_before() {
        let c = Case::text(
            "The Ministry of Health said 40 clinics would close for the holiday. \
             The ministry added that emergency wards would stay open.",
        );
        let a = c.expect(&["emergency wards would stay open"], "The ministry", Some("added"), Kind::Indirect);
        let p = c.expect_party(a, "Ministry of Health", PartyKind::Organization);
        assert_eq!(p.statements, 2, "{}", c.dump());
    }

    fn the_mission_and_the_statement_go_to_the_mission() {
        let c = Case::text(
            "In a statement, the Kazakh Mission to the United Nations said the vote had been rushed. \
             The mission said it would ask for a second reading. The statement also said the draft ignored the water dispute.",
        );
        let mission =
            c.expect(&["it would ask for a second reading"], "The mission", Some("said"), Kind::Indirect);
        let statement =
            c.expect(&["the draft ignored the water dispute"], "The statement", Some("said"), Kind::Indirect);
        let first = c.covering("the vote had been rushed");
        let party = first.party.unwrap_or_else(|| c.fail(&["the first statement has no party".to_string()]));
        if mission.party != Some(party) || statement.party != Some(party) {
            c.fail(&[
                "\"The mission\" and \"The statement\" should both be the mission that spoke first".to_string()
            ]);
        }
        assert_eq!(c.analysis.parties[party].kind, PartyKind::Organization, "{}", c.dump());
        assert_eq!(c.analysis.parties[party].side.as_deref(), Some("Kazakhstan"), "{}", c.dump());
    }

    fn capitals_stand_for_their_countries() {
        let c = Case::text(
            "Washington said the sanctions would stay in place until the talks resumed. \
             Tehran said the sanctions were illegal.",
        );
        let us = c.expect(
            &["the sanctions would stay in place until the talks resumed"],
            "Washington",
            Some("said"),
            Kind::Indirect,
        );
        let iran = c.expect(&["the sanctions were illegal"], "Tehran", Some("said"), Kind::Indirect);
        c.expect_party(us, "United States", PartyKind::Country);
        c.expect_party(iran, "Iran", PartyKind::Country);
    }

    fn demonym_government_and_capital_are_one_country() {
        let c = Case::text(
            "The Albanian government said it would expel two diplomats. \
             Tirana added that the embassy would stay open.",
        );
        let first =
            c.expect(&["it would expel two diplomats"], "The Albanian government", Some("said"), Kind::Indirect);
        let second = c.expect(&["the embassy would stay open"], "Tirana", Some("added"), Kind::Indirect);
        let p = c.expect_party(first, "Albania", PartyKind::Country);
        assert_eq!(p.statements, 2, "{}", c.dump());
        c.expect_party(second, "Albania", PartyKind::Country);
    }

    fn group_named_by_what_it_supports() {
        let c = Case::text("Several supporters of the ferry said the bridge would ruin the harbour.");
        c.expect(
            &["the bridge would ruin the harbour"],
            "Several supporters of the ferry",
            Some("said"),
            Kind::Indirect,
        );
    }

    fn role_and_affiliation_from_an_apposition() {
        let c = Case::text(
            "Ines Varga, chair of the Harbour Residents' Association, said the new road would split the town.",
        );
        let a = c.expect(&["the new road would split the town"], "Ines Varga", Some("said"), Kind::Indirect);
        let p = c.expect_party(a, "Ines Varga", PartyKind::Person);
        c.expect_standing(p, Some("chair"), Some("Harbour Residents' Association"), None);
    }

    fn the_name_before_a_chain_of_asides_is_the_speaker() {
        // An aside may end in an organization, a place or an age, and a relative clause may
        // follow it: none of them is the speaker.
        for (text, speaker) in [
            (
                "Greta Lindqvist, the Liberal leader of the Harbour Council, one of the councils suing \
                 the state, said the rules were unfair.",
                "Greta Lindqvist",
            ),
            (
                "Tomas Berg, president of the Federation of Dock Workers, which represents port staff, \
                 said the rules were unfair.",
                "Tomas Berg",
            ),
            ("Marta Ruiz, of Springfield, Ohio, said the rules were unfair.", "Marta Ruiz"),
            ("Halvorsen, 56, who has sat on the board for a decade, said the rules were unfair.", "Halvorsen"),
        ] {
            let c = Case::text(text);
            let a = c.expect(&["the rules were unfair"], speaker, Some("said"), Kind::Indirect);
            c.expect_party(a, speaker, PartyKind::Person);
        }
    }

    fn a_name_in_apposition_to_a_description_ending_in_an_organization() {
        let c = Case::text(
            "His former business partner at Lenox, Lawrence B. Cummings, said the chain grew too fast.",
        );
        let a = c.expect(&["the chain grew too fast"], "Lawrence B. Cummings", Some("said"), Kind::Indirect);
        c.expect_party(a, "Lawrence B. Cummings", PartyKind::Person);
    }

    fn organization_names_with_links_and_articles() {
        for name in [
            "The Daily Harbour Times",
            "The Commission on Maritime Safety",
            "The Committee for a Balanced Harbour Budget",
        ] {
            let text = format!("{name} said the fault was known for years.");
            let c = Case::text(&text);
            c.expect(&["the fault was known for years"], name, Some("said"), Kind::Indirect);
        }
    }

    fn a_described_person_is_no_party_named_by_its_modifier() {
        // "The NDP candidate" describes the person the passage is about; "NDP" names no
        // one, and "he" after it goes to that person.
        let c = Case::text(
            "Halvorsen toured the docks on Tuesday. The NDP candidate gave no cost for his plan, \
             though he said new port fees would pay for it.",
        );
        let a = c.covering("new port fees would pay for it");
        c.expect_party(a, "Halvorsen", PartyKind::Person);
    }

    fn a_common_word_before_a_full_name_describes_the_person() {
        let c = Case::text(
            "Marta Ruiz said the port would reopen. Rival Marta Ruiz also said the fees were too high. \
             Democrat Marta Ruiz said the vote was close.",
        );
        let a = c.covering("the fees were too high");
        let p = c.expect_party(a, "Marta Ruiz", PartyKind::Person);
        assert_eq!(p.statements, 3, "{}", c.dump());
    }

    fn an_opening_participle_is_no_antecedent() {
        // Opening a sentence, a participle is capitalized by its place, listed word or not.
        let c = Case::text(
            "Halvorsen unveiled a plan for the port on Monday. Rebuffed by the council, as well as by \
             the unions, he said on Tuesday that the plan would be changed.",
        );
        let a = c.covering("the plan would be changed");
        c.expect_party(a, "Halvorsen", PartyKind::Person);
    }

    fn the_owner_in_a_subject_is_who_the_sentence_is_about() {
        let c = Case::text(
            "Mayor Tomas Berg unveiled a plan for the harbour. \"It will fail,\" said Jonas Lie, a \
             rival. The mayor's own party backed the plan on Monday. In the harbour last week, he told \
             a crowd that the port would grow.",
        );
        let a = c.covering("the port would grow");
        c.expect_party(a, "Tomas Berg", PartyKind::Person);
    }

    fn a_counted_description_keeps_its_count_and_another_is_a_party_of_its_own() {
        let c = Case::text(
            "A source said the talks had stalled. Another source said the talks would resume. \
             Many lawmakers said the bill would fail.",
        );
        c.expect_party(c.covering("the talks had stalled"), "A source", PartyKind::Person);
        c.expect_party(c.covering("the talks would resume"), "Another source", PartyKind::Person);
        c.expect_party(c.covering("the bill would fail"), "Many lawmakers", PartyKind::Unknown);
    }

    fn a_spokesperson_for_someone_is_not_that_someone() {
        for (text, name, affiliation) in [
            (
                "Hillary Rood toured the port. A spokeswoman for Hillary Rood said the tour would go on.",
                "A spokeswoman",
                "Hillary Rood",
            ),
            ("A spokesman for the Harbour Council said the tour would go on.", "A spokesman", "Harbour Council"),
        ] {
            let c = Case::text(text);
            let a = c.covering("the tour would go on");
            let p = c.expect_party(a, name, PartyKind::Person);
            c.expect_standing(p, None, Some(affiliation), None);
        }
    }

    fn a_definite_plural_name_is_a_group_never_he() {
        let c = Case::text(
            "Halvorsen signed the pact in March. The Westerlings, who had been left out of the talks, \
             called the pact toothless. A pact could not be a deal among the rich, he said.",
        );
        let a = c.covering("A pact could not be a deal among the rich");
        c.expect_party(a, "Halvorsen", PartyKind::Person);
    }

    fn a_time_or_a_dated_place_before_the_subject_is_no_party() {
        let c = Case::text(
            "Halvorsen toured the docks on Tuesday. Wednesday, he called for more inspectors. \
             In a speech in Fort Pierce, Florida Friday, he said the port would reopen.",
        );
        for content in ["more inspectors", "the port would reopen"] {
            let a = c.covering(content);
            c.expect_party(a, "Halvorsen", PartyKind::Person);
        }
    }

    fn role_affiliation_and_side_from_the_name() {
        let c = Case::text(
            "US Treasury Under Secretary Helen Marsh said the new sanctions targeted four shipping firms.",
        );
        let a = c.expect(
            &["the new sanctions targeted four shipping firms"],
            "US Treasury Under Secretary Helen Marsh",
            Some("said"),
            Kind::Indirect,
        );
        let p = c.expect_party(a, "Helen Marsh", PartyKind::Person);
        c.expect_standing(p, Some("Under Secretary"), Some("US Treasury"), Some("United States"));
    }

    fn minister_of_a_portfolio_has_one_role() {
        let c = Case::text("Health Minister Anders Molin said the vaccination campaign would begin in October.");
        let a = c.only();
        let p = c.expect_party(a, "Anders Molin", PartyKind::Person);
        c.expect_standing(p, Some("Health Minister"), None, None);
    }

    fn last_name_goes_to_a_full_name_first_seen_as_an_object() {
        let c = Case::text("Kim Sato met Dana Whitcombe in Seoul on Tuesday. Whitcombe said the deal was close.");
        let a = c.expect(&["the deal was close"], "Whitcombe", Some("said"), Kind::Indirect);
        c.expect_party(a, "Dana Whitcombe", PartyKind::Person);
    }

    fn parties_are_numbered_by_first_statement() {
        let c = Case::text(
            "Kim Sato arrived in Seoul on Tuesday. Dana Whitcombe said the deal was close. Sato said details remained.",
        );
        let names: Vec<(usize, &str)> = c.analysis.parties.iter().map(|p| (p.id, p.name.as_str())).collect();
        assert_eq!(names, [(0, "Dana Whitcombe"), (1, "Kim Sato")], "{}", c.dump());
    }

    fn blocks_give_block_local_spans() {
        let blocks = ["Port strike enters second week", "\"We will not unload a single ship,\" said Ivo Radic."];
        let c = Case::blocks(&blocks);
        let a = c.expect(&["We will not unload a single ship"], "Ivo Radic", Some("said"), Kind::Direct);
        let spans = a.content.iter().chain(&a.speaker).chain(&a.cue);
        assert!(spans.clone().all(|s| s.block == 1), "every span should be in block 1: {a:?}");
        assert_eq!(a.cue.map(|s| &blocks[1][s.start..s.end]), Some("said"));
    }

    fn quote_running_from_one_block_into_the_next_is_one_statement() {
        let blocks = [
            "\"The strike will go on until the contract is signed.",
            "\"Every port on the coast will join us on Monday,\" union leader Ivo Radic said.",
        ];
        let c = Case::blocks(&blocks);
        c.only();
        let a = c.expect(
            &[
                "The strike will go on until the contract is signed.",
                "Every port on the coast will join us on Monday",
            ],
            "union leader Ivo Radic",
            Some("said"),
            Kind::Direct,
        );
        let blocks_of: Vec<usize> = a.content.iter().map(|s| s.block).collect();
        assert_eq!(blocks_of, [0, 1], "{}", c.dump());
    }

    fn content_then_speaker_then_said() {
        let c = Case::text("The harbour will reopen by March, the port authority said on Tuesday.");
        c.expect(&["The harbour will reopen by March"], "the port authority", Some("said"), Kind::Indirect);
    }

    fn a_clause_ending_in_a_colon_introduces_the_quoted_paragraph() {
        let c = Case::text("The chancellor answered her critics in parliament:\n\n“We will not back down on the budget.”");
        c.expect(&["We will not back down on the budget."], "The chancellor", Some("answered"), Kind::Direct);
    }

    fn what_it_called_keeps_only_the_quoted_words() {
        let c = Case::text("Oslo froze the accounts over what it called the firms’ “reckless” trade with Tehran.");
        let a = c.expect(&["reckless"], "it", Some("called"), Kind::Direct);
        c.expect_party(a, "Norway", PartyKind::Country);
    }

    fn a_relative_clause_with_its_own_speaker_ends_the_claim() {
        let c = Case::text("Tirana said the ministry was behind the attack, which Tehran said never happened.");
        c.expect(&["the ministry was behind the attack"], "Tirana", Some("said"), Kind::Indirect);
        c.expect(&["never happened"], "Tehran", Some("said"), Kind::Indirect);
    }

    fn transcript_turns_belong_to_the_name_in_capitals() {
        let c = Case::text("HALVORSEN: Well, the question is a fair one. We will answer it.\n\nREYES: Then answer it now.");
        c.expect(&["Well, the question is a fair one. We will answer it"], "HALVORSEN", Some(":"), Kind::Indirect);
        c.expect(&["Then answer it now"], "REYES", Some(":"), Kind::Indirect);
    }

    fn a_view_reported_inside_a_statement_is_part_of_it() {
        let c = Case::text("Kanaani said the ministry considers the decision unwise.");
        c.expect(&["the ministry considers the decision unwise"], "Kanaani", Some("said"), Kind::Indirect);
        if c.analysis.attributions.len() != 1 {
            c.fail(&["the ministry's view is Kanaani's statement, not one of its own".to_string()]);
        }
    }

    fn quoted_words_after_a_verb_the_lexicon_lacks() {
        let c = Case::text("The mayor likened the harbour plan to “a gift to developers.”");
        c.expect(&["the harbour plan to “a gift to developers.”"], "The mayor", Some("likened"), Kind::Mixed);
    }

    fn a_quote_signed_with_a_dash() {
        let c = Case::text("“The sea gives and the sea takes.” ― Ilse Brandt, harbour master");
        let a = c.expect(&["The sea gives and the sea takes."], "Ilse Brandt", Some("―"), Kind::Direct);
        c.expect_party(a, "Ilse Brandt", PartyKind::Person);
    }

    fn a_question_then_any_verb_and_its_speaker() {
        let c = Case::text("“Where is the money?” Reyes bellowed.");
        c.expect(&["Where is the money?"], "Reyes", Some("bellowed"), Kind::Direct);
    }

    fn a_clause_with_any_verb_and_a_colon_before_the_quote() {
        let c = Case::text("Reyes leaned across the table and growled: “We were never asked.”");
        c.expect(&["We were never asked."], "Reyes", None, Kind::Direct);
    }

    fn a_headline_with_a_place_name_is_no_statement() {
        let c = Case::text("United Kingdom to Raise Ferry Duties\n\nThe ferry operator said fares would rise.");
        c.expect(&["fares would rise"], "The ferry operator", Some("said"), Kind::Indirect);
        c.expect_no_speaker("United");
    }

    fn a_place_called_state_is_no_cue() {
        let c = Case::text("Officials in the US state of Maine said the roads were closed.");
        c.expect_no_cue("state");
        let c = Case::text("Analysts said the United States isn't at risk of a recession.");
        c.expect(&["the United States isn't at risk of a recession"], "Analysts", Some("said"), Kind::Indirect);
        c.expect_no_cue("States");
    }

    fn a_dateline_is_not_part_of_the_content() {
        let c = Case::text(
            "OSLO — After a decade of quarrels over fishing rights, the Norwegian government plans to reopen talks \
             with Iceland, foreign ministry officials said late Thursday.",
        );
        c.expect(
            &["After a decade of quarrels over fishing rights, the Norwegian government plans to reopen talks with Iceland"],
            "foreign ministry officials",
            Some("said"),
            Kind::Indirect,
        );
    }

    fn a_byline_with_a_time_names_no_party() {
        let c = Case::roles(&[
            Block { text: "Ferry fares to rise", role: Role::Headline },
            Block { text: "By Jane Doe 5:57 PM ET Follow @jdoe", role: Role::Byline },
            Block { text: "“We have no choice,” the operator said.", role: Role::Paragraph },
        ]);
        c.expect(&["We have no choice,"], "the operator", Some("said"), Kind::Direct);
        c.expect_no_speaker("Jane Doe");
        c.expect_no_speaker("PM");
    }

    fn the_reporter_of_a_byline_is_not_given_the_first_quote() {
        let c = Case::roles(&[
            Block { text: "By Tomas Reyes", role: Role::Byline },
            Block { text: "“The harbour will close in May.”", role: Role::Paragraph },
            Block { text: "The decision came after a stormy winter.", role: Role::Paragraph },
        ]);
        c.expect_no_speaker("Tomas Reyes");
    }

    fn labels_before_a_colon_are_no_speakers() {
        let c = Case::text("Media caption: The ferry leaves Oslo at dawn\n\nGallery: Ten photos of the storm");
        c.expect_no_attribution();
        let c = Case::roles(&[
            Block { text: "Image", role: Role::Label },
            Block { text: "Analysis: The bridge will not be finished this year", role: Role::Label },
        ]);
        c.expect_no_attribution();
    }

    fn a_caption_names_no_speaker_and_keeps_only_its_quotes() {
        let c = Case::roles(&[
            Block { text: "Helena Marsh said the bridge would open in May.", role: Role::Caption },
            Block { text: "“It is a proud day for the town.”", role: Role::Paragraph },
        ]);
        c.expect_no_attribution();
        let c = Case::roles(&[Block { text: "“We will rebuild,” said Helena Marsh after the storm.", role: Role::Caption }]);
        c.expect(&["We will rebuild,"], "Helena Marsh", Some("said"), Kind::Direct);
    }

    fn list_items_after_a_colon_are_the_speakers() {
        let c = Case::roles(&[
            Block { text: "The union said:", role: Role::Paragraph },
            Block { text: "a pay rise of five per cent", role: Role::ListItem },
            Block { text: "no cuts to night services", role: Role::ListItem },
            Block { text: "Talks resume on Monday.", role: Role::Paragraph },
        ]);
        c.expect(&["a pay rise of five per cent", "no cuts to night services"], "The union", Some("said"), Kind::Indirect);
    }

    fn sentence_opening_words_are_not_parties() {
        let c = Case::text("Talking to reporters in Leeds, Helena Marsh was upbeat.\n\n“We did it together.”");
        let a = c.expect(&["We did it together."], "Helena Marsh", None, Kind::Direct);
        c.expect_party(a, "Helena Marsh", PartyKind::Person);
        let c = Case::text("Children played in the square all day.\n\n“This is our town,” Marsh said.");
        c.expect_no_speaker("Children");
    }

    fn names_keep_their_initials() {
        let c = Case::text(
            "C. Eugene Steuerle said the plan was costly. William G. Gale said it was fair. Robert M. Danin said no. \
             Danin added that talks would go on.",
        );
        let a = c.expect(&["the plan was costly"], "C. Eugene Steuerle", Some("said"), Kind::Indirect);
        c.expect_party(a, "C. Eugene Steuerle", PartyKind::Person);
        let b = c.expect(&["it was fair"], "William G. Gale", Some("said"), Kind::Indirect);
        c.expect_party(b, "William G. Gale", PartyKind::Person);
        let d = c.expect(&["talks would go on"], "Danin", Some("added"), Kind::Indirect);
        c.expect_party(d, "Robert M. Danin", PartyKind::Person);
    }

    fn a_last_name_before_the_full_name_is_one_party() {
        let c = Case::text("Halvorsen Urges Calm\n\nIngrid Halvorsen said the talks would go on. Halvorsen added that she was hopeful.");
        let a = c.expect(&["she was hopeful"], "Halvorsen", Some("added"), Kind::Indirect);
        c.expect_party(a, "Ingrid Halvorsen", PartyKind::Person);
        if c.analysis.parties.len() != 1 {
            c.fail(&["one speaker should be one party".to_string()]);
        }
    }

    fn a_definite_description_is_the_person_it_describes() {
        let c = Case::text("Sen. James Lankford criticized the bill. The Oklahoma Republican said it would fail.");
        let a = c.expect(&["it would fail"], "The Oklahoma Republican", Some("said"), Kind::Indirect);
        c.expect_party(a, "James Lankford", PartyKind::Person);
    }

    fn the_officials_of_a_company_are_the_company() {
        let c = Case::text(
            "Con Edison said power would return by noon. Con Edison officials said crews were working through the night.",
        );
        let a = c.expect(&["crews were working through the night"], "Con Edison officials", Some("said"), Kind::Indirect);
        c.expect_party(a, "Con Edison", PartyKind::Organization);
        if c.analysis.parties.len() != 1 {
            c.fail(&["the company and its officials should be one party".to_string()]);
        }
    }

    fn negated_and_declined_acts_are_no_statements() {
        for text in [
            "No group claimed responsibility for the attack.",
            "A spokesman would not immediately describe the malfunction.",
            "Reyes declined to say when the bridge would open.",
        ] {
            Case::text(text).expect_no_attribution();
        }
    }

    fn a_passive_speaks_through_its_agent() {
        let c = Case::text("The harbour plan was criticized by the council as reckless.");
        c.expect(&["The harbour plan", "as reckless"], "the council", Some("criticized"), Kind::Indirect);
        let c = Case::text("The harbour plan, criticized by the council as reckless, will go ahead in May.");
        c.expect_no_speaker("The harbour plan");
    }

    fn an_outlet_told_is_not_the_speaker() {
        let c = Case::text("A source familiar with the talks told Reuters the deal was close.");
        c.expect_no_speaker("Reuters");
        let c = Case::text("The deal was close, a source told Reuters.");
        c.expect_no_speaker("Reuters");
    }

    fn a_second_act_inside_a_statement_keeps_its_speaker() {
        let c = Case::text("Pretoria said Mr Mbeki had told President Banda that he was confined to his home.");
        c.expect(&["Mr Mbeki had told President Banda that he was confined to his home"], "Pretoria", Some("said"), Kind::Indirect);
        c.expect(&["that he was confined to his home"], "Mr Mbeki", Some("told"), Kind::Indirect);
    }

    fn wishes_and_plans_have_a_class_of_their_own() {
        let c = Case::text("The council plans to reopen the bridge in May.");
        let a = c.covering("to reopen the bridge in May");
        c.expect_cue(a, "plans", CueClass::Intention);
    }

    fn withheld_names_are_anonymous_sources() {
        for text in [
            "A senior official said the talks would resume on Monday.",
            "Sources familiar with the matter said the talks would resume on Monday.",
            "People close to the negotiations said the talks would resume on Monday.",
            "A spokesperson, who asked not to be named, said the talks would resume on Monday.",
            "The talks will resume on Monday, an official said on condition of anonymity.",
            "Two diplomats, who were not authorized to speak publicly, said the talks would resume.",
            "Two Western diplomats, speaking on condition of anonymity, said the talks would resume.",
        ] {
            let c = Case::text(text);
            c.expect_sourcing(c.covering("resume"), Sourcing::Anonymous);
            if c.analysis.attributions.len() != 1 {
                c.fail(&["the words that withhold a name are no statement of their own".to_string()]);
            }
        }
    }

    fn named_and_unnamed_sources() {
        let c = Case::text("Ingrid Halvorsen said the port would close. Critics said the plan would fail.");
        c.expect_sourcing(c.covering("the port would close"), Sourcing::Person);
        c.expect_sourcing(c.covering("the plan would fail"), Sourcing::Unnamed);
        let c = Case::text("The harbour authority said the port would close. Oslo said it would pay.");
        c.expect_sourcing(c.covering("the port would close"), Sourcing::Organization);
        c.expect_sourcing(c.covering("it would pay"), Sourcing::Organization);
    }

    fn the_target_of_an_accusation_by_name_pronoun_and_description() {
        let c = Case::text("Tirana accused Tehran of carrying out the attack.");
        c.expect_target(c.covering("carrying out the attack"), Some("Iran"));
        let c = Case::text("Tomas Reyes defended the budget. Ingrid Halvorsen accused him of misleading the council.");
        c.expect_target(c.covering("misleading the council"), Some("Tomas Reyes"));
        let c = Case::text("Velora cut pay on Monday. The union's leader Dimitra Kouris criticized the company for it.");
        c.expect_target(c.covering("for it"), Some("Velora"));
    }

    fn a_denial_answers_the_claim_it_denies() {
        let c = Case::text("Tirana accused Tehran of carrying out the attack. Iran rejected the accusation, saying it had no part in it.");
        c.expect_target(c.covering("the accusation"), Some("Albania"));
        c.expect_target(c.covering("it had no part in it"), Some("Albania"));
        let c = Case::text("Tirana accused Tehran of the attack. Tehran rejected the accusation within hours.");
        c.expect_target(c.covering("the accusation within hours"), Some("Albania"));
        let c = Case::text("Tirana said the servers were in Iran.");
        c.expect_target(c.covering("the servers were in Iran"), None);
    }
}

thread_local! {
    /// The rules the tests of this thread analyze with: all, except while the ablation runs.
    static RULES_ON: Cell<RuleSet> = Cell::new(RuleSet::all());
    /// Whether a panic on this thread is expected and should print nothing.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Every rule of the finder is specified: turning any one off breaks some construction test.
/// A rule that no construction needs is either dead or untested, and both are defects.
#[test]
fn turning_any_rule_off_breaks_some_construction() {
    let loud = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !QUIET.with(Cell::get) {
            loud(info);
        }
    }));
    QUIET.with(|q| q.set(true));
    let mut unspecified = Vec::new();
    for rule in RULES {
        RULES_ON.with(|r| r.set(RuleSet::all().without(rule.rule)));
        let broken = CONSTRUCTIONS.iter().filter(|(_, test)| std::panic::catch_unwind(test).is_err()).count();
        if broken == 0 {
            unspecified.push(rule.name);
        }
    }
    RULES_ON.with(|r| r.set(RuleSet::all()));
    QUIET.with(|q| q.set(false));
    assert!(unspecified.is_empty(), "no construction test needs these rules: {unspecified:?}");
}
