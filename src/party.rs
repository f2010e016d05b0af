//! Parties: who each speaker mention stands for, after coreference.
//!
//! The resolver walks the document once, in reading order, over two kinds of mentions: the
//! subject of every sentence (which a later "it" or "he" may point back to) and the speaker of
//! every attribution. Each mention is resolved to an entity, new or known:
//!
//! - pronouns go to the most recent entity that fits (`he`/`she`: a person of that gender or of
//!   none known; `it`: an organization or country; `who`: the phrase before the comma);
//! - names are split into affiliation, title and name ("US Treasury | Under Secretary | Brian
//!   Nelson"); a last name alone ("Kanaani") goes to the person with that last name;
//! - capitals, country names and demonym-led governments go to their country
//!   (Washington, the US -> United States; Tirana, the Albanian government -> Albania);
//! - descriptions go to the latest entity they describe: a role ("the Iranian spokesperson") to
//!   the person holding it, an organization noun ("the mission") to the organization named
//!   with it, a document ("the statement") to whoever last issued one.
//!
//! Only entities that speak become parties; they are numbered in order of their first
//! statement, so that colours stay stable as a reader scrolls.

use std::ops::Range;

use crate::attribution::subject::is_possessive_word;
use crate::attribution::Found;
use crate::doc::{strip_possessive, Doc};
use crate::lexicon::{lexicon, Gender, HashMap, HashSet, NounKind, PartyKind, Pronoun, WordRole};
use crate::phrase::{noun_phrase_before, sentence_subject};
use crate::target::{claims, target_phrase, TargetPhrase};
use crate::text::{has_plural_ending, is_capitalized};
use crate::Party;

/// Someone or something a mention can stand for: a party in the making (numbered and counted
/// only once it speaks), with what coreference needs besides.
#[derive(Clone, Debug)]
pub struct Entity {
    pub party: Party,
    gender: Option<Gender>,
    /// Whether the entity stands for a group of people ("officials").
    plural: bool,
    /// Whether the text names it ("Con Edison", "Brian Nelson"), rather than only describes it
    /// ("a senior official").
    pub proper: bool,
    /// The words of its name, lower-cased and without possessives, for matching mentions.
    words: Vec<String>,
}

impl Entity {
    /// Whether anything shows the entity to be a person: a gender, a role, or a name of two
    /// words or more ("Sanne Vermeulen", whose given name the list may lack).
    fn is_known_person(&self) -> bool {
        self.kind == PartyKind::Person
            && (self.gender.is_some() || self.role.is_some() || self.words.len() > 1)
    }
}

impl std::ops::Deref for Entity {
    type Target = Party;

    fn deref(&self) -> &Party {
        &self.party
    }
}

impl std::ops::DerefMut for Entity {
    fn deref_mut(&mut self) -> &mut Party {
        &mut self.party
    }
}

/// How many entities a pronoun or description may look back over: a reader's working memory,
/// and what keeps resolution linear in the length of the text.
const MAX_RECENT: usize = 48;

/// How long an apposition after a name may be, in tokens.
const MAX_APPOSITION_TOKENS: usize = 12;

/// Resolves every attribution's speaker; returns the entities and, per attribution, its entity.
/// What coreference makes of a document's attributions.
pub struct Resolved {
    pub entities: Vec<Entity>,
    /// For each attribution, the entity of its speaker.
    pub speakers: Vec<Option<usize>>,
    /// For each attribution, the entity its act aims at ([`crate::target`]).
    pub targets: Vec<Option<usize>>,
}

/// Resolves every attribution's speaker and target.
pub fn resolve_parties(doc: &Doc, found: &[Found]) -> Resolved {
    let mut resolver = Resolver {
        doc,
        entities: Vec::new(),
        by_name: HashMap::default(),
        recent: Vec::new(),
        issuer: None,
        last_claim: None,
        full_names: full_names(doc),
    };
    let mut subjects = doc
        .sentences
        .iter()
        .filter(|s| doc.is_running_text(s))
        .filter_map(|s| sentence_subject(doc, s, s.end))
        .peekable();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].speaker.as_ref().map_or(usize::MAX, |s| s.start));
    // Which sentences name a document ("the statement"), whose speaker is its issuer: worked out
    // for a sentence when a speaker stands in it, once.
    let mut names_document: Vec<Option<bool>> = vec![None; doc.sentences.len()];
    let mut parties = vec![None; found.len()];
    // Each entity's mentions as written, to keep them without repeats in constant time each: a
    // text may describe one party in thousands of ways.
    let mut written_by: HashSet<(usize, &str)> = HashSet::default();
    let mut targets = vec![None; found.len()];
    for i in order {
        let Some(speaker) = found[i].speaker.clone() else { continue };
        while let Some(subject) = subjects.next_if(|s| s.start < speaker.start) {
            // Named subjects are what a later "it" or "he" points back to; a single common word
            // ("Democratic", "Delegates") names no one new.
            let single_common = subject.len() == 1 && lexicon().is_common_word(&doc.lower[subject.start]);
            let known = || resolver.by_name.contains_key(&doc.lower[subject.end - 1]);
            // "The president's Pacific roots …", "Mr. Obama's bet …": the owner is who the
            // sentence is about.
            let owner =
                subject.clone().find(|&k| is_possessive_word(doc.word(k))).map(|k| subject.start..k + 1);
            let a_person_or_name = |k: usize| {
                let word = strip_possessive(&doc.lower[k]);
                doc.is_name(k)
                    || lexicon().speaker_noun(word) == Some(NounKind::Person)
                    || lexicon().is_single_word_title(word)
            };
            if let Some(owner) = owner.filter(|o| o.end < subject.end && a_person_or_name(o.end - 1)) {
                if let Some(e) = resolver.resolve(&owner) {
                    resolver.touch(e);
                }
            } else if doc.is_name(subject.end - 1)
                && !is_pronoun(doc, &subject)
                && (!single_common || known())
            {
                let entity = resolver.resolve(&subject);
                if let Some(e) = entity {
                    resolver.touch(e);
                }
            }
        }
        let entity = resolver.resolve(&speaker);
        if let Some(e) = entity {
            resolver.touch(e);
            resolver.learn_apposition(e, speaker.end);
            let written = doc.slice(speaker.clone());
            if written_by.insert((e, written)) {
                resolver.entities[e].mentions.push(written.to_string());
            }
            let n = doc.sentence_of[speaker.start] as usize;
            let document = *names_document[n].get_or_insert_with(|| {
                doc.sentences[n].clone().any(|k| {
                    doc.is_word(k) && lexicon().speaker_noun(&doc.lower[k]) == Some(NounKind::Document)
                })
            });
            if document {
                resolver.issuer = Some(e);
            }
        }
        parties[i] = entity;
        targets[i] = target_phrase(doc, &found[i]).and_then(|phrase| resolver.resolve_target(phrase, entity));
        if claims(found[i].class) && entity.is_some() {
            resolver.last_claim = entity;
        }
    }
    // "denied the claim, saying …": what the denial says answers the same party.
    for i in 1..found.len() {
        let sentence_of = |f: &Found| f.cue.as_ref().map(|c| doc.sentence_of[c.start]);
        let same_act = found[i].carried
            && parties[i] == parties[i - 1]
            && sentence_of(&found[i]).is_some()
            && sentence_of(&found[i]) == sentence_of(&found[i - 1]);
        if targets[i].is_none() && same_act {
            targets[i] = targets[i - 1];
        }
    }
    let merged = last_names_joined(&resolver.entities, &parties);
    let mut entities = resolver.entities;
    // The mentions of the entities joined into, to keep them without repeats.
    let mut joined_into: HashSet<usize> = HashSet::default();
    let mut joined: HashSet<(usize, String)> = HashSet::default();
    for (e, &into) in merged.iter().enumerate().filter(|&(e, &into)| e != into) {
        let mentions = std::mem::take(&mut entities[e].mentions);
        if joined_into.insert(into) {
            joined.extend(entities[into].mentions.iter().map(|m| (into, m.clone())));
        }
        for m in mentions {
            if joined.insert((into, m.clone())) {
                entities[into].mentions.push(m);
            }
        }
    }
    let one = |p: Option<usize>| p.map(|e| merged[e]);
    Resolved {
        entities,
        speakers: parties.into_iter().map(one).collect(),
        targets: targets.into_iter().map(one).collect(),
    }
}

/// For each entity, the entity it is one with: a person named by a last name alone
/// ("Trump", written first in a headline) is the person with that last name who speaks most
/// ("Donald Trump"), so that one speaker is one party.
fn last_names_joined(entities: &[Entity], parties: &[Option<usize>]) -> Vec<usize> {
    let mut statements = vec![0usize; entities.len()];
    for e in parties.iter().flatten() {
        statements[*e] += 1;
    }
    let mut fullest: HashMap<String, usize> = HashMap::default();
    for (e, entity) in entities.iter().enumerate() {
        let words: Vec<&str> = entity.name.split_whitespace().collect();
        if entity.kind != PartyKind::Person || words.len() < 2 || entity.name.contains(" and ") {
            continue;
        }
        let slot = fullest.entry(words[words.len() - 1].to_lowercase()).or_insert(e);
        if statements[e] > statements[*slot] {
            *slot = e;
        }
    }
    entities
        .iter()
        .enumerate()
        .map(|(e, entity)| {
            let single = entity.kind == PartyKind::Person && !entity.name.contains(' ');
            let full = single.then(|| fullest.get(&entity.name.to_lowercase()).copied()).flatten();
            full.filter(|&f| {
                entities[f].gender.is_none() || entity.gender.is_none() || entities[f].gender == entity.gender
            })
            .unwrap_or(e)
        })
        .collect()
}

fn is_pronoun(doc: &Doc, range: &Range<usize>) -> bool {
    range.len() == 1 && doc.pronoun(range.start).is_some()
}

struct Resolver<'d, 'a> {
    doc: &'d Doc<'a>,
    entities: Vec<Entity>,
    /// Lower-cased names, last names and descriptions -> entity.
    by_name: HashMap<String, usize>,
    /// Entities in order of their latest mention, most recent last.
    recent: Vec<usize>,
    /// The entity that most recently issued a statement, report or release.
    issuer: Option<usize>,
    /// The entity that most recently accused or criticized, whose claim a denial may answer.
    last_claim: Option<usize>,
    /// Names of two or more words anywhere in the text, by their lower-cased last word, in
    /// order: "Whitcombe" said is "Dana Whitcombe" met earlier, even if she never spoke.
    full_names: HashMap<String, Vec<(usize, Vec<String>)>>,
}

/// Every run of two to four capitalized words, indexed by its last word. One pass.
fn full_names(doc: &Doc) -> HashMap<String, Vec<(usize, Vec<String>)>> {
    let lex = lexicon();
    let mut names: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::default();
    let mut run: Vec<usize> = Vec::new();
    for k in 0..=doc.tokens.len() {
        let name_word = k < doc.tokens.len()
            && doc.is_name(k)
            && !lex.is_function_word(&doc.lower[k])
            && lex.titles_starting(&doc.lower[k]).is_empty();
        if name_word && run.last().is_none_or(|&r| r + 1 == k) {
            run.push(k);
            continue;
        }
        if (2..=4).contains(&run.len()) {
            let words: Vec<String> = run.iter().map(|&r| strip_possessive(doc.word(r)).to_string()).collect();
            let last = words[words.len() - 1].to_lowercase();
            names.entry(last).or_default().push((run[0], words));
        }
        run.clear();
        if name_word {
            run.push(k);
        }
    }
    names
}

/// A speaker mention taken apart.
struct Parsed {
    /// Words before the title: the organization or country the person speaks for.
    affiliation: Vec<String>,
    title: Option<String>,
    gender: Option<Gender>,
    /// Capitalized words after the title: the name.
    name: Vec<String>,
    /// The words of a description as written, determiners left out ("Iranian spokesperson",
    /// "Gary Johnson's doctor").
    description: Vec<String>,
    /// Whether a definite determiner opened the mention ("the spokesperson", not "a source").
    definite: bool,
    /// The words that count an indefinite description, as written ("a", "Many", "Two"): part of
    /// the party's name, since "a source" and "many lawmakers" say how many spoke.
    count: Option<String>,
}

impl Parsed {
    /// The head of a description, lower-cased: what it is ("spokesperson", "campaign").
    fn head(&self) -> Option<String> {
        self.description.last().map(|h| strip_possessive(h).to_lowercase())
    }

    /// The capitalized modifiers of a description, possessives stripped ("Trump" of "the Trump
    /// campaign", "Con Edison" of "Con Edison officials"); a country's name or demonym is its
    /// side, not its name ("the Iranian mission").
    fn named_modifiers(&self) -> Vec<&str> {
        let n = self.description.len().saturating_sub(1);
        self.description[..n]
            .iter()
            .map(|w| strip_possessive(w))
            .filter(|w| is_capitalized(w) && lexicon().country_of(w).is_none())
            .collect()
    }
}

impl<'d, 'a> Resolver<'d, 'a> {
    /// Whether anything shows an entity to be a person, the text around it included: a last
    /// name that some full name in the text ends with ("Trump") is a person's.
    fn is_person(&self, e: &Entity) -> bool {
        e.is_known_person() || self.full_names.contains_key(&e.name.to_lowercase())
    }

    fn touch(&mut self, e: usize) {
        self.recent.retain(|&r| r != e);
        self.recent.push(e);
        if self.recent.len() > MAX_RECENT {
            self.recent.remove(0);
        }
    }

    fn latest(&self, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.recent.iter().rev().copied().find(|&e| fits(&self.entities[e]))
    }

    fn resolve(&mut self, mention: &Range<usize>) -> Option<usize> {
        let doc = self.doc;
        // "he", and "they’ve", "she's": a pronoun with its auxiliary is the pronoun.
        let pronoun = (mention.len() == 1)
            .then(|| {
                doc.pronoun(mention.start).or_else(|| {
                    lexicon().contraction_stem(&doc.lower[mention.start]).and_then(|s| lexicon().pronoun(s))
                })
            })
            .flatten();
        if let Some(p) = pronoun {
            return self.resolve_pronoun(p, mention.start);
        }
        let parsed = split_affiliation(parse_mention(doc, mention));
        if parsed.name.is_empty() {
            return self.resolve_description(&parsed);
        }
        let e = self.resolve_name(parsed, mention.start)?;
        self.entities[e].proper = true;
        Some(e)
    }

    /// The entity a statement by `speaker` aims at, never the speaker itself.
    /// The speaker is set aside while the target is resolved: "she accused him", "accused
    /// the mayor" point to someone else.
    fn resolve_target(&mut self, phrase: TargetPhrase, speaker: Option<usize>) -> Option<usize> {
        let recent = self.recent.clone();
        self.recent.retain(|&e| Some(e) != speaker);
        let target = match phrase {
            TargetPhrase::Mention(np) => self.resolve(&np),
            TargetPhrase::Pronoun(p, at) => self.resolve_pronoun(p, at),
            TargetPhrase::EarlierClaim => self.last_claim,
        };
        self.recent = recent;
        target.filter(|&t| Some(t) != speaker)
    }

    fn resolve_pronoun(&mut self, pronoun: Pronoun, at: usize) -> Option<usize> {
        match pronoun {
            Pronoun::He => {
                self.latest(|e| e.kind == PartyKind::Person && e.gender != Some(Gender::Female) && !e.plural)
            }
            Pronoun::She => {
                self.latest(|e| e.kind == PartyKind::Person && e.gender != Some(Gender::Male) && !e.plural)
            }
            // A name with nothing of a person about it, named last ("Velora said … It
            // added"), is an organization once "it" points to it.
            Pronoun::It => {
                let last = self.recent.last().copied().filter(|&e| {
                    let entity = &self.entities[e];
                    entity.kind == PartyKind::Person
                        && entity.proper
                        && !self.is_person(entity)
                        && !entity.plural
                });
                if let Some(e) = last {
                    self.entities[e].party.kind = PartyKind::Organization;
                    return Some(e);
                }
                self.latest(|e| e.kind != PartyKind::Person && !e.plural)
            }
            Pronoun::They => self.latest(|e| e.plural || e.kind != PartyKind::Person),
            Pronoun::I | Pronoun::We | Pronoun::You => {
                Some(self.entity_named("the author", PartyKind::Unknown, None))
            }
            Pronoun::Who => {
                let doc = self.doc;
                let mut k = at;
                while k > 0 && doc.is_punct(k - 1, ',') {
                    k -= 1;
                }
                let sentence = doc.sentence(at);
                let antecedent = k
                    .checked_sub(1)
                    .filter(|&h| h >= sentence.start)
                    .and_then(|h| noun_phrase_before(doc, h, sentence.start))?;
                if is_pronoun(doc, &antecedent) {
                    return None;
                }
                self.resolve(&antecedent)
            }
        }
    }

    /// A description goes to the entity it describes, else stands for a party of its own:
    /// - a document ("the statement") to whoever last issued one;
    /// - a government ("the Iranian government") to its country;
    /// - a person ("the spokesperson", "the Oklahoma Republican") to the latest person whose
    ///   role it names, or, when definite, to the latest person whose role does not conflict;
    /// - an organization ("the campaign", "the Trump campaign") to the latest organization whose
    ///   name holds its head and its named modifiers, or ("the company") to the latest one
    ///   named without an organization word;
    /// - the officials of a named organization or country ("Con Edison officials") to it.
    fn resolve_description(&mut self, parsed: &Parsed) -> Option<usize> {
        let lex = lexicon();
        let head = parsed.head()?;
        let stripped: Vec<String> =
            parsed.description.iter().map(|w| strip_possessive(w).to_string()).collect();
        let side = side_of(&stripped);
        let side_fits = |e: &Entity| side.is_none() || e.side.is_none() || e.side == side;
        let kind = lex.speaker_noun(&head);
        let modifiers = parsed.named_modifiers();
        let possessed =
            parsed.description[..parsed.description.len() - 1].iter().any(|w| strip_possessive(w) != w);
        if kind == Some(NounKind::Document) {
            if let Some(e) = self.issuer {
                return Some(e);
            }
        }
        if let (Some(country), true) = (&side, lex.is_government_word(&head)) {
            return Some(self.entity_named(country, PartyKind::Country, Some(country.clone())));
        }
        let role_head =
            |e: &Entity| e.role.as_deref().and_then(|r| r.split_whitespace().last()).map(str::to_lowercase);
        let person_head = kind == Some(NounKind::Person) || lex.is_single_word_title(&head);
        if person_head && !possessed {
            let holder = self.latest(|e| {
                e.kind == PartyKind::Person && role_head(e).as_deref() == Some(&head) && side_fits(e)
            });
            // "the New York businessman", "the senator": the person the passage is about; but
            // "the source" keeps its name withheld.
            let salient = || {
                (parsed.definite && !lex.is_source_noun(&head)).then(|| {
                    self.latest(|e| {
                        e.kind == PartyKind::Person
                            && !e.plural
                            && e.name != "the author"
                            && role_head(e).is_none_or(|r| {
                                r == head || r.ends_with('.') || !lex.is_single_word_title(&head)
                            })
                            && side_fits(e)
                    })
                })?
            };
            if let Some(e) = holder.or_else(salient) {
                return Some(e);
            }
        }
        // "Con Edison officials": the named organization itself, when the name stands right
        // before the head and is no person's ("Obama administration officials" are not Obama).
        let direct = modifiers.len() + 1 == parsed.description.len();
        if kind == Some(NounKind::Group) && !modifiers.is_empty() && direct && !possessed {
            let named = modifiers.join(" ");
            if let Some(&e) = self.by_name.get(&named.to_lowercase()) {
                let entity = &self.entities[e];
                let first = entity.name.split_whitespace().next().unwrap_or("");
                let a_person = entity.kind == PartyKind::Person
                    && (entity.role.is_some()
                        || entity.gender.is_some()
                        || lex.given_name_gender(first).is_some());
                if !a_person {
                    if entity.kind == PartyKind::Person {
                        self.entities[e].kind = PartyKind::Organization;
                    }
                    return Some(e);
                }
            }
        }
        let organization_head = kind == Some(NounKind::Organization) && !lex.is_government_word(&head);
        if organization_head {
            let names = |e: &Entity| {
                e.words.contains(&head)
                    && modifiers.iter().all(|m| e.words.iter().any(|w| w.eq_ignore_ascii_case(m)))
            };
            let by_head = self.latest(|e| {
                matches!(e.kind, PartyKind::Organization | PartyKind::Media) && names(e) && side_fits(e)
            });
            // "the company": the organization last named, when its name says nothing of what it
            // is, or a name with nothing of a person about it ("Velora").
            let generic = || {
                (parsed.definite && modifiers.is_empty()).then(|| {
                    self.latest(|e| {
                        (e.kind == PartyKind::Organization || (e.proper && !self.is_person(e)))
                            && !e
                                .name
                                .split_whitespace()
                                .any(|w| lex.is_organization_word(w) || lex.speaker_noun(w).is_some())
                            && side_fits(e)
                    })
                })?
            };
            if let Some(e) = by_head.or_else(generic) {
                if self.entities[e].kind == PartyKind::Person {
                    self.entities[e].party.kind = PartyKind::Organization;
                }
                return Some(e);
            }
        }
        let text = parsed.description.join(" ");
        let kind = match kind {
            Some(NounKind::Organization) => PartyKind::Organization,
            Some(NounKind::Person) => PartyKind::Person,
            _ if person_head => PartyKind::Person,
            _ => PartyKind::Unknown,
        };
        // "Another source" is not the source met before: its own party, under its own name.
        let distinct = parsed.count.as_deref().is_some_and(|c| {
            c.split_whitespace().any(|w| lex.has_role(&w.to_lowercase(), WordRole::Distinct))
        });
        let key = match (&parsed.count, distinct) {
            (Some(count), true) => format!("{count} {text}"),
            _ => text.clone(),
        };
        let new = !self.by_name.contains_key(&key.to_lowercase());
        let e = self.entity_named(&key, kind, side);
        if new {
            if let Some(count) = &parsed.count {
                self.entities[e].party.name = format!("{count} {text}");
            }
            if !parsed.affiliation.is_empty() {
                self.entities[e].party.affiliation = Some(parsed.affiliation.join(" "));
            }
        }
        self.entities[e].plural = has_plural_ending(&head);
        Some(e)
    }

    fn resolve_name(&mut self, mut parsed: Parsed, at: usize) -> Option<usize> {
        let lex = lexicon();
        let name = parsed.name.join(" ");
        let key = name.to_lowercase();
        let government = parsed.description.last().is_some_and(|h| lex.is_government_word(h));
        // "Trump and Clinton", "Mr. King and Mr. Schultz": a joint party of its own.
        if parsed.name.iter().any(|w| w == "and") {
            let e = self.entity_named(&name, PartyKind::Person, None);
            return Some(e);
        }
        // "Mexicans", "Americans": people of a country, not its government.
        let people = parsed.name.len() == 1 && name.ends_with('s') && name.chars().any(char::is_lowercase);
        if let Some(country) = lex.country_of(&name).filter(|c| people && c.name != name) {
            let side = Some(country.name.clone());
            let e = self.entity_named(&name, PartyKind::Unknown, side);
            self.entities[e].plural = true;
            return Some(e);
        }
        // "The Europeans", "the Democrats": a people or a group, never "he" or "she".
        let known = lex.country_of(&name).is_some() || lex.media_name(&name).is_some();
        if people && parsed.definite && !known && has_plural_ending(&name) && !name.ends_with("us") {
            let e = self.entity_named(&name, PartyKind::Unknown, None);
            self.entities[e].plural = true;
            return Some(e);
        }
        if parsed.title.is_none() && (parsed.affiliation.is_empty() || government) {
            if let Some(country) = lex.country_of(&name) {
                let country = country.name.clone();
                return Some(self.entity_named(&country, PartyKind::Country, Some(country.clone())));
            }
            if let Some(outlet) = lex.media_name(&name) {
                let outlet = outlet.to_string();
                return Some(self.entity_named(&outlet, PartyKind::Media, None));
            }
        }
        let organization = parsed.title.is_none() && parsed.name.iter().any(|w| lex.is_organization_word(w));
        let full = if organization {
            parsed.affiliation.iter().chain(&parsed.name).cloned().collect::<Vec<_>>().join(" ")
        } else {
            name.clone()
        };
        if let Some(&e) = self.by_name.get(&full.to_lowercase()).or_else(|| self.by_name.get(&key)) {
            self.learn(e, &parsed);
            return Some(e);
        }
        // "Democrat Hillary Clinton", "Libertarian Gary Johnson": a word before a name already
        // met describes that person.
        if parsed.name.len() >= 3 && !organization {
            let rest = parsed.name[1..].join(" ").to_lowercase();
            let person =
                self.by_name.get(&rest).copied().filter(|&e| self.entities[e].kind == PartyKind::Person);
            if let Some(e) = person.filter(|_| lex.given_name_gender(&parsed.name[0]).is_none()) {
                return Some(e);
            }
        }
        if parsed.name.len() == 1 && !organization {
            // A single name that some longer name already holds: "Kanaani", "Treasury" (but
            // not a joint party: "Trump" is not "Trump and Clinton").
            let holds = |e: &Entity| !e.plural && e.words.contains(&key);
            if let Some(e) = self.latest(holds) {
                self.learn(e, &parsed);
                return Some(e);
            }
        }
        if parsed.name.len() == 1 && !organization {
            // A last name whose full name was written earlier, spoken or not; or written only
            // later ("Trump urges …" above "Donald Trump said"), when one full name ends with it.
            let runs = self.full_names.get(&key);
            let earlier = runs.and_then(|runs| runs.iter().rev().find(|(pos, _)| *pos < at));
            let only_later =
                || runs.filter(|runs| runs.iter().all(|(_, w)| *w == runs[0].1)).map(|runs| &runs[0]);
            if let Some((_, words)) = earlier.or_else(only_later) {
                let full = words.join(" ");
                if let Some(&e) = self.by_name.get(&full.to_lowercase()) {
                    self.learn(e, &parsed);
                    return Some(e);
                }
                parsed.name = words.clone();
            }
        }
        let full = if organization { full } else { parsed.name.join(" ") };
        let kind = if organization { PartyKind::Organization } else { PartyKind::Person };
        let side =
            side_of(&parsed.affiliation).or_else(|| if organization { side_of(&parsed.name) } else { None });
        let e = self.entity_named(&full, kind, side);
        if kind == PartyKind::Person {
            if let Some(last) = parsed.name.last() {
                self.by_name.entry(last.to_lowercase()).or_insert(e);
            }
        }
        self.learn(e, &parsed);
        Some(e)
    }

    /// "Ruth Okafor, chair of the Residents' Association, said": a role (and an affiliation
    /// after "of", "at" or "for") in an apposition right after a person's name.
    fn learn_apposition(&mut self, e: usize, after: usize) {
        let doc = self.doc;
        if self.entities[e].kind != PartyKind::Person
            || self.entities[e].role.is_some()
            || !doc.is_punct(after, ',')
        {
            return;
        }
        let start = after + 1;
        let end = (start..doc.tokens.len().min(start + MAX_APPOSITION_TOKENS))
            .find(|&k| !doc.is_word(k) || doc.cue_at(k).is_some());
        let Some(end) = end.filter(|&k| doc.is_punct(k, ',') && k > start) else { return };
        let words: Vec<usize> =
            (start..end).filter(|&k| !doc.has_role(k, WordRole::Determiner) || k > start).collect();
        let link = words.iter().position(|&k| doc.has_role(k, WordRole::AffiliationLink));
        let role_words = &words[..link.unwrap_or(words.len())];
        let lex = lexicon();
        let is_role = role_words.last().is_some_and(|&k| {
            lex.is_title_word(&doc.lower[k]) || lex.speaker_noun(&doc.lower[k]) == Some(NounKind::Person)
        });
        if !is_role || role_words.len() > 4 {
            return;
        }
        let text = |ks: &[usize]| ks.iter().map(|&k| doc.word(k)).collect::<Vec<_>>().join(" ");
        let entity = &mut self.entities[e];
        entity.role = Some(text(role_words));
        if let Some(l) = link {
            let affiliation: Vec<usize> =
                words[l + 1..].iter().copied().filter(|&k| &doc.lower[k] != "the").collect();
            if !affiliation.is_empty() && entity.affiliation.is_none() {
                let names: Vec<String> =
                    affiliation.iter().map(|&k| strip_possessive(doc.word(k)).to_string()).collect();
                entity.side = entity.side.clone().or_else(|| side_of(&names));
                entity.affiliation = Some(text(&affiliation));
            }
        }
    }

    /// Adds what a mention tells of an entity: its role, affiliation and gender.
    fn learn(&mut self, e: usize, parsed: &Parsed) {
        let entity = &mut self.entities[e];
        if entity.kind != PartyKind::Person {
            return;
        }
        // "Health Minister": a portfolio before a title belongs to the role, not to an
        // affiliation, when it names no organization or country.
        let portfolio = parsed.affiliation.len() == 1
            && side_of(&parsed.affiliation).is_none()
            && !lexicon().is_organization_word(&parsed.affiliation[0])
            && lexicon().media_name(&parsed.affiliation[0]).is_none();
        if entity.role.is_none() {
            let title = parsed.title.clone().filter(|t| !lexicon().is_honorific(t));
            entity.role = match (portfolio, title) {
                (true, Some(t)) => Some(format!("{} {t}", parsed.affiliation[0])),
                (_, title) => title,
            };
        }
        if entity.affiliation.is_none() && !parsed.affiliation.is_empty() && !portfolio {
            entity.side = entity.side.clone().or_else(|| side_of(&parsed.affiliation));
            // "German Chancellor …": a demonym alone is a side, not an affiliation.
            let only_country =
                parsed.affiliation.iter().all(|w| lexicon().country_of(strip_possessive(w)).is_some());
            if !only_country {
                entity.affiliation = Some(parsed.affiliation.join(" "));
            }
        }
        // A title tells the gender ("Mrs"), else a given name may ("Hillary").
        let given = parsed
            .name
            .first()
            .filter(|_| parsed.name.len() > 1)
            .and_then(|n| lexicon().given_name_gender(n));
        entity.gender = entity.gender.or(parsed.gender).or(given);
    }

    fn entity_named(&mut self, name: &str, kind: PartyKind, side: Option<String>) -> usize {
        let key = name.to_lowercase();
        if let Some(&e) = self.by_name.get(&key) {
            return e;
        }
        let e = self.entities.len();
        self.entities.push(Entity {
            party: Party {
                id: 0,
                name: name.to_string(),
                kind,
                role: None,
                affiliation: None,
                side,
                mentions: Vec::new(),
                statements: 0,
            },
            gender: None,
            // A joint party ("Trump and Clinton") is "they", never "he" or "she".
            plural: name.contains(" and "),
            proper: false,
            words: name.split_whitespace().map(|w| strip_possessive(w).to_lowercase()).collect(),
        });
        self.by_name.insert(key, e);
        e
    }
}

/// The country that the first country word of a phrase stands for.
fn side_of(words: &[String]) -> Option<String> {
    let lex = lexicon();
    words.iter().find_map(|w| lex.country_of(strip_possessive(w)).map(|c| c.name.clone())).or_else(|| {
        // Two-word country names: "United States", "South Korea".
        words
            .windows(2)
            .find_map(|pair| lex.country_of(&format!("{} {}", pair[0], pair[1])).map(|c| c.name.clone()))
    })
}

/// Splits a mention into affiliation, title, name and description words.
fn parse_mention(doc: &Doc, mention: &Range<usize>) -> Parsed {
    let lex = lexicon();
    // Leading determiners go; "the" inside a name ("Mission … to the United Nations") stays.
    let first = mention
        .clone()
        .find(|&k| doc.is_word(k) && !doc.has_role(k, WordRole::Determiner))
        .unwrap_or(mention.end);
    let words: Vec<usize> = (first..mention.end).filter(|&k| doc.is_word(k)).collect();
    let definite = (mention.start..first).any(|k| matches!(&doc.lower[k], "the" | "this" | "that"));
    let counted =
        (mention.start..first).filter(|&k| doc.is_word(k)).all(|k| lex.is_counting_word(&doc.lower[k]));
    let count = (counted && first > mention.start).then(|| doc.slice(mention.start..first).to_string());
    let text_of = |k: usize| -> String {
        let w = strip_possessive(doc.word(k));
        if doc.is_abbreviation_stop(k + 1) {
            format!("{w}.")
        } else {
            w.to_string()
        }
    };
    // The last title in the mention that a capitalized name follows.
    let mut title: Option<(usize, usize, Option<Gender>)> = None;
    let mut i = 0;
    while i < words.len() {
        let found = lex.titles_starting(&doc.lower[words[i]]).iter().find(|t| {
            t.words.len() + i <= words.len()
                && t.words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| doc.lower[words[i + n]].trim_end_matches('.') == w.trim_end_matches('.'))
        });
        match found {
            Some(t) if words.get(i + t.words.len()).is_some_and(|&k| doc.is_name(k)) => {
                title = Some((i, i + t.words.len(), t.gender));
                i += t.words.len();
            }
            _ => i += 1,
        }
    }
    let capitalized_tail = |from: usize| -> Vec<String> {
        words[from..].iter().filter(|&&k| is_name_part(doc, k)).map(|&k| text_of(k)).collect()
    };
    match title {
        Some((a, b, gender)) => Parsed {
            affiliation: words[..a].iter().map(|&k| text_of(k)).collect(),
            title: Some(words[a..b].iter().map(|&k| text_of(k)).collect::<Vec<_>>().join(" ")),
            gender,
            name: capitalized_tail(b),
            description: Vec::new(),
            definite,
            count: count.clone(),
        },
        None => {
            // "Council member Victor Salas", "former Obama adviser David Axelrod": the
            // description before a name of two or more words is the person's role.
            let last_lower = words.iter().rposition(|&k| !is_name_part(doc, k));
            // "A spokeswoman for Hillary Rood": someone who speaks for the one named, not she.
            let speaks_for = last_lower.filter(|&l| {
                l + 1 < words.len()
                    && doc.has_role(words[l + 1], WordRole::AffiliationLink)
                    && matches!(lex.speaker_noun(&doc.lower[words[l]]), Some(NounKind::Person))
            });
            if let Some(l) = speaks_for {
                return Parsed {
                    affiliation: words[l + 2..]
                        .iter()
                        .filter(|&&k| &doc.lower[k] != "the")
                        .map(|&k| text_of(k))
                        .collect(),
                    title: None,
                    gender: None,
                    name: Vec::new(),
                    description: words[..=l].iter().map(|&k| doc.word(k).to_string()).collect(),
                    definite,
                    count: count.clone(),
                };
            }
            if let Some(l) = last_lower.filter(|&l| words.len() - l > 2) {
                return Parsed {
                    affiliation: Vec::new(),
                    title: Some(words[..=l].iter().map(|&k| text_of(k)).collect::<Vec<_>>().join(" ")),
                    gender: None,
                    name: words[l + 1..].iter().map(|&k| text_of(k)).collect(),
                    description: Vec::new(),
                    definite,
                    count: count.clone(),
                };
            }
            let all_named = words.iter().all(|&k| is_name_part(doc, k));
            let head_named = words.last().is_some_and(|&k| doc.is_name(k));
            // "the Oklahoma Republican" describes a person; "Oklahoma" alone names a state.
            let described_head = definite
                && words.last().is_some_and(|&k| {
                    matches!(lex.speaker_noun(&doc.lower[k]), Some(NounKind::Person | NounKind::Group))
                        || lex.is_single_word_title(&doc.lower[k])
                });
            // "Rival Hillary Clinton", "Democrat Hillary Clinton": a common word before a given
            // name and a surname describes the person; the name starts at the given name.
            let described_name = words.len() >= 3
                && lex.is_common_word(&doc.lower[words[0]])
                && lex.given_name_gender(doc.word(words[1])).is_some();
            let named_from = usize::from(described_name);
            if all_named && head_named && !described_head {
                Parsed {
                    affiliation: Vec::new(),
                    title: None,
                    gender: None,
                    name: words[named_from..].iter().map(|&k| text_of(k)).collect(),
                    description: Vec::new(),
                    definite,
                    count: count.clone(),
                }
            } else {
                // "the Albanian government", "the Iranian spokesperson", "Gary Johnson's
                // doctor": a description, whose capitalized modifiers may still name a country.
                let description: Vec<String> = words.iter().map(|&k| doc.word(k).to_string()).collect();
                let head = description.last().map(|h| h.to_lowercase());
                if head.as_deref().is_some_and(|h| lex.is_government_word(h)) {
                    let stripped: Vec<String> =
                        description.iter().map(|w| strip_possessive(w).to_string()).collect();
                    if let Some(country) = side_of(&stripped) {
                        return Parsed {
                            affiliation: Vec::new(),
                            title: None,
                            gender: None,
                            name: vec![country],
                            description: vec![head.unwrap_or_default()],
                            definite,
                            count: count.clone(),
                        };
                    }
                }
                Parsed {
                    affiliation: Vec::new(),
                    title: None,
                    gender: None,
                    name: Vec::new(),
                    description,
                    definite,
                    count: count.clone(),
                }
            }
        }
    }
}

/// "Henrik Dahl of the Karolinska Institute": a person's name of two or more words followed by
/// "of", "at" or "from" and an organization splits into the name and an affiliation.
fn split_affiliation(mut parsed: Parsed) -> Parsed {
    let lex = lexicon();
    let link = parsed.name.iter().position(|w| lex.has_role(w, WordRole::AffiliationLink));
    if let Some(l) = link.filter(|&l| l >= 2 && parsed.affiliation.is_empty()) {
        let person = !parsed.name[..l].iter().any(|w| lex.is_organization_word(w));
        let organization = parsed.name[l + 1..].iter().any(|w| lex.is_organization_word(w));
        if person && organization {
            let rest = parsed.name.split_off(l);
            parsed.affiliation = rest.into_iter().skip(1).filter(|w| w != "the").collect();
        }
    }
    parsed
}

/// A word that may stand in a name: capitalized, or a linking word ("of", "to the", "for a").
fn is_name_part(doc: &Doc, k: usize) -> bool {
    doc.is_name(k) || doc.links_name(k) || doc.is_article(k)
}
