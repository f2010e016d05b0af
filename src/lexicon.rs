//! The engine's linguistic knowledge, read from the data files in `src/lexicon/`.
//!
//! Every list the engine consults (cue verbs, titles, countries, outlets, grammatical words) is
//! a plain text file compiled in with `include_str!`, so that a linguist can extend the engine
//! without touching code. The files are parsed once, on first use, into hash maps keyed by
//! lower-cased words; lookups are then constant time, which keeps the engine linear.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Serialize;

/// A fast hash for short words. The maps hold the engine's own lexicons and are only read,
/// so the flooding attacks that SipHash guards against do not apply, and hashing was a sixth
/// of the engine's time with it.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type HashSet<K> = StdHashSet<K, BuildHasherDefault<WordHasher>>;

/// What a cue says about the speaker's stance, for readers who want to see *how* a party spoke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    Neutral,
    Reporting,
    Assertive,
    Accusing,
    Critical,
    Denying,
    Conceding,
    Questioning,
    Warning,
    Urging,
    Promising,
    Supportive,
    Belief,
}

impl CueClass {
    fn parse(word: &str) -> Option<CueClass> {
        Some(match word {
            "neutral" => CueClass::Neutral,
            "reporting" => CueClass::Reporting,
            "assertive" => CueClass::Assertive,
            "accusing" => CueClass::Accusing,
            "critical" => CueClass::Critical,
            "denying" => CueClass::Denying,
            "conceding" => CueClass::Conceding,
            "questioning" => CueClass::Questioning,
            "warning" => CueClass::Warning,
            "urging" => CueClass::Urging,
            "promising" => CueClass::Promising,
            "supportive" => CueClass::Supportive,
            "belief" => CueClass::Belief,
            _ => return None,
        })
    }
}

/// How a cue arranges its speaker and content around itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// `X said (that) CONTENT`.
    Speech,
    /// `X accused Y of CONTENT`, `X called Y "…"`: the object is part of the content.
    Object,
    /// `X told Y (that) CONTENT`: the one told is not part of the content.
    Recipient,
    /// `according to X, CONTENT`: the speaker follows the cue.
    Source,
}

/// One cue phrase: its words (lower case), stance and frame.
#[derive(Clone, Debug)]
pub struct CueForm {
    pub words: Vec<String>,
    pub class: CueClass,
    pub frame: Frame,
    /// The cue attributes a statement only when a clause or a quote follows ("announced
    /// that …", not "announced sanctions").
    pub needs_clause: bool,
    /// The form is the bare verb ("say", "show"), which needs a plural or first-person
    /// subject or an auxiliary ("polls show", "will say").
    pub base: bool,
}

/// The kind of thing a speaker mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyKind {
    Person,
    Organization,
    Country,
    Media,
    Unknown,
}

/// The role of a grammatical word, from `function_words.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordRole {
    Determiner,
    Pronoun(Pronoun),
    Link,
    Adverb,
    Clause,
}

/// Personal and relative pronouns that can stand for a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pronoun {
    He,
    She,
    It,
    They,
    I,
    We,
    You,
    Who,
}

/// What a lowercase speaker noun stands for ("the spokesperson", "the statement").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NounKind {
    Person,
    Group,
    Organization,
    Document,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A title: its words, and the gender it tells where it tells one.
#[derive(Clone, Debug)]
pub struct Title {
    pub words: Vec<String>,
    pub gender: Option<Gender>,
}

/// A country and the names, capitals and demonyms that stand for it.
#[derive(Clone, Debug)]
pub struct Country {
    pub name: String,
}

/// All lexicons, parsed.
pub struct Lexicon {
    cues: HashMap<String, Vec<CueForm>>,
    hedges: HashMap<String, Vec<Vec<String>>>,
    titles: HashMap<String, Vec<Title>>,
    pub countries: Vec<Country>,
    /// Exact-case name, capital or demonym -> index into `countries`.
    country_words: HashMap<String, usize>,
    /// Lower-cased multiword media names -> canonical name.
    media: HashMap<String, String>,
    organization_words: HashSet<String>,
    /// Every word of every title, lower-cased, without periods.
    title_words: HashSet<String>,
    speaker_nouns: HashMap<String, NounKind>,
    abbreviations: HashSet<String>,
    time_words: HashSet<String>,
    not_speakers: HashSet<String>,
    roles: HashMap<String, Vec<WordRole>>,
    /// For every word some lexicon knows, which kinds of entry start with it: one lookup per
    /// token tells the engine which of the other maps are worth asking.
    starts: HashMap<String, u8>,
}

/// Bits of [`Lexicon::starts`].
pub const STARTS_CUE: u8 = 1;
pub const STARTS_HEDGE: u8 = 2;
pub const HAS_ROLE: u8 = 4;

const CUES: &str = include_str!("lexicon/cues.tsv");
const HEDGES: &str = include_str!("lexicon/hedges.txt");
const TITLES: &str = include_str!("lexicon/titles.txt");
const COUNTRIES: &str = include_str!("lexicon/countries.tsv");
const MEDIA: &str = include_str!("lexicon/media.txt");
const ORGANIZATIONS: &str = include_str!("lexicon/organizations.txt");
const SPEAKER_NOUNS: &str = include_str!("lexicon/speaker_nouns.tsv");
const ABBREVIATIONS: &str = include_str!("lexicon/abbreviations.txt");
const TIME_WORDS: &str = include_str!("lexicon/time_words.txt");
const NOT_SPEAKERS: &str = include_str!("lexicon/not_speakers.txt");
const FUNCTION_WORDS: &str = include_str!("lexicon/function_words.tsv");

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

/// A word in lower case, copied only when it has capitals.
pub fn lowered(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// The data lines of a lexicon file: comments and blank lines dropped.
fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn lower_words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

impl Lexicon {
    fn parse() -> Lexicon {
        Lexicon {
            cues: parse_cues(),
            hedges: parse_phrases(HEDGES),
            titles: parse_titles(),
            title_words: data_lines(TITLES)
                .flat_map(|l| l.split('|').next().unwrap_or("").split_whitespace())
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .collect(),
            countries: Vec::new(),
            country_words: HashMap::default(),
            media: parse_media(),
            organization_words: data_lines(ORGANIZATIONS).map(|l| l.trim().to_lowercase()).collect(),
            speaker_nouns: parse_speaker_nouns(),
            abbreviations: data_lines(ABBREVIATIONS).map(|l| l.trim().to_string()).collect(),
            time_words: data_lines(TIME_WORDS).map(|l| l.trim().to_lowercase()).collect(),
            not_speakers: data_lines(NOT_SPEAKERS).map(|l| l.trim().to_lowercase()).collect(),
            roles: parse_roles(),
            starts: HashMap::default(),
        }
        .with_countries()
        .with_starts()
    }

    fn with_starts(mut self) -> Lexicon {
        let mut starts: HashMap<String, u8> = HashMap::default();
        for (map_keys, bit) in [
            (self.cues.keys().collect::<Vec<_>>(), STARTS_CUE),
            (self.hedges.keys().collect(), STARTS_HEDGE),
            (self.roles.keys().collect(), HAS_ROLE),
        ] {
            for key in map_keys {
                *starts.entry(key.clone()).or_default() |= bit;
            }
        }
        self.starts = starts;
        self
    }

    /// Which kinds of entry start with this lower-cased word ([`STARTS_CUE`], …).
    pub fn starts(&self, word: &str) -> u8 {
        self.starts.get(word).copied().unwrap_or(0)
    }

    fn with_countries(mut self) -> Lexicon {
        for line in data_lines(COUNTRIES) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("").trim().to_string();
            if name.is_empty() {
                continue;
            }
            let index = self.countries.len();
            self.country_words.insert(name.clone(), index);
            for col in cols {
                for word in col.split('|').map(str::trim).filter(|w| !w.is_empty()) {
                    self.country_words.entry(word.to_string()).or_insert(index);
                }
            }
            self.countries.push(Country { name });
        }
        self
    }

    /// The cue phrases that start with this lower-cased word.
    pub fn cues_starting(&self, word: &str) -> &[CueForm] {
        self.cues.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The hedge phrases (as lower-cased words) that start with this lower-cased word.
    pub fn hedges_starting(&self, word: &str) -> &[Vec<String>] {
        self.hedges.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The titles that start with this lower-cased word, longest first.
    pub fn titles_starting(&self, word: &str) -> &[Title] {
        self.titles.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country a name, capital or demonym stands for, as written (case matters:
    /// "Washington" is the United States, "washington" is not a name).
    pub fn country_of(&self, name: &str) -> Option<&Country> {
        let name = name.strip_prefix("the ").unwrap_or(name);
        self.country_words.get(name).map(|&i| &self.countries[i])
    }

    /// The canonical name of a news outlet or pollster, if this is one.
    pub fn media_name(&self, name: &str) -> Option<&str> {
        self.media.get(lowered(name).as_ref()).map(String::as_str)
    }

    /// Whether a lower-cased word is a word of some title ("secretary", "strategist").
    pub fn is_title_word(&self, word: &str) -> bool {
        self.title_words.contains(word.trim_end_matches('.')) && !self.roles.contains_key(word)
    }

    pub fn is_organization_word(&self, word: &str) -> bool {
        self.organization_words.contains(lowered(word).as_ref())
    }

    pub fn speaker_noun(&self, word: &str) -> Option<NounKind> {
        self.speaker_nouns.get(lowered(word).as_ref()).copied()
    }

    /// Whether a lower-cased word opens a label that names no speaker ("Correction:").
    pub fn is_not_speaker(&self, word: &str) -> bool {
        self.not_speakers.contains(word)
    }

    /// Whether a lower-cased word belongs to time expressions ("Friday", "ago").
    pub fn is_time_word(&self, word: &str) -> bool {
        self.time_words.contains(word)
    }

    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// Whether a lower-cased word has this grammatical role.
    pub fn has_role(&self, word: &str, role: WordRole) -> bool {
        self.roles.get(word).is_some_and(|roles| roles.contains(&role))
    }

    /// The pronoun a lower-cased word is, if it is one.
    pub fn pronoun(&self, word: &str) -> Option<Pronoun> {
        self.roles.get(word)?.iter().find_map(|r| match r {
            WordRole::Pronoun(p) => Some(*p),
            _ => None,
        })
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        self.roles.contains_key(word)
    }
}

fn parse_cues() -> HashMap<String, Vec<CueForm>> {
    let mut cues: HashMap<String, Vec<CueForm>> = HashMap::default();
    for line in data_lines(CUES) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(forms), Some(class), Some(frame)) = (cols.first(), cols.get(1), cols.get(2)) else {
            continue;
        };
        let Some(class) = CueClass::parse(class.trim()) else { continue };
        let frame = match frame.trim() {
            "object" => Frame::Object,
            "recipient" => Frame::Recipient,
            "source" => Frame::Source,
            _ => Frame::Speech,
        };
        let needs_clause = cols.get(3).is_some_and(|c| c.trim() == "clause");
        let mut forms = forms.split('|');
        // The first form of a line is the bare verb, unless another form is spelled the same
        // (read/read, put/put).
        let lemma = forms.next().map(lower_words).unwrap_or_default();
        let others: Vec<Vec<String>> = forms.map(lower_words).collect();
        let lemma_is_also_inflected = others.contains(&lemma);
        for (n, words) in std::iter::once(lemma).chain(others).enumerate() {
            let base = n == 0 && !lemma_is_also_inflected;
            if let Some(first) = words.first() {
                cues.entry(first.clone()).or_default().push(CueForm { words, class, frame, needs_clause, base });
            }
        }
    }
    // Longest phrase first, so that "pointed out" wins over "pointed".
    for forms in cues.values_mut() {
        forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
    }
    cues
}

fn parse_phrases(file: &str) -> HashMap<String, Vec<Vec<String>>> {
    let mut phrases: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for line in data_lines(file) {
        let words = lower_words(line);
        if let Some(first) = words.first() {
            phrases.entry(first.clone()).or_default().push(words);
        }
    }
    for list in phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    phrases
}

fn parse_titles() -> HashMap<String, Vec<Title>> {
    let mut titles: HashMap<String, Vec<Title>> = HashMap::default();
    for line in data_lines(TITLES) {
        let (phrase, gender) = match line.split_once('|') {
            Some((p, "he")) => (p, Some(Gender::Male)),
            Some((p, "she")) => (p, Some(Gender::Female)),
            Some((p, _)) => (p, None),
            None => (line, None),
        };
        let words = lower_words(phrase);
        if let Some(first) = words.first() {
            // Keyed without the period, as a word token is ("Gen" of "Gen.").
            titles.entry(first.trim_end_matches('.').to_string()).or_default().push(Title { words, gender });
        }
    }
    for list in titles.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    }
    titles
}

fn parse_media() -> HashMap<String, String> {
    let mut media = HashMap::default();
    for line in data_lines(MEDIA) {
        let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
        let Some(canonical) = names.next() else { continue };
        media.insert(canonical.to_lowercase(), canonical.to_string());
        for name in names {
            media.insert(name.to_lowercase(), canonical.to_string());
        }
    }
    media
}

fn parse_speaker_nouns() -> HashMap<String, NounKind> {
    data_lines(SPEAKER_NOUNS)
        .filter_map(|line| {
            let (noun, kind) = line.split_once('\t')?;
            let kind = match kind.trim() {
                "person" => NounKind::Person,
                "group" => NounKind::Group,
                "organization" => NounKind::Organization,
                "document" => NounKind::Document,
                _ => return None,
            };
            Some((noun.trim().to_lowercase(), kind))
        })
        .collect()
}

fn parse_roles() -> HashMap<String, Vec<WordRole>> {
    let mut roles: HashMap<String, Vec<WordRole>> = HashMap::default();
    for line in data_lines(FUNCTION_WORDS) {
        let Some((word, role)) = line.split_once('\t') else { continue };
        let role = match role.trim() {
            "determiner" => WordRole::Determiner,
            "link" => WordRole::Link,
            "adverb" => WordRole::Adverb,
            "clause" => WordRole::Clause,
            "pronoun-he" => WordRole::Pronoun(Pronoun::He),
            "pronoun-she" => WordRole::Pronoun(Pronoun::She),
            "pronoun-it" => WordRole::Pronoun(Pronoun::It),
            "pronoun-they" => WordRole::Pronoun(Pronoun::They),
            "pronoun-i" => WordRole::Pronoun(Pronoun::I),
            "pronoun-we" => WordRole::Pronoun(Pronoun::We),
            "pronoun-you" => WordRole::Pronoun(Pronoun::You),
            "pronoun-who" => WordRole::Pronoun(Pronoun::Who),
            _ => continue,
        };
        roles.entry(word.trim().to_lowercase()).or_default().push(role);
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_line_parses() {
        let lex = lexicon();
        assert!(lex.cues_starting("said").iter().any(|c| c.class == CueClass::Neutral));
        assert!(lex.cues_starting("according").iter().any(|c| c.frame == Frame::Source));
        assert_eq!(lex.cues_starting("pointed")[0].words, ["pointed", "out"]);
        assert_eq!(lex.country_of("Tehran").map(|c| c.name.as_str()), Some("Iran"));
        assert_eq!(lex.country_of("the US").map(|c| c.name.as_str()), Some("United States"));
        assert!(lex.country_of("washington").is_none());
        assert_eq!(lex.media_name("NYT"), Some("The New York Times"));
        assert!(lex.is_abbreviation("Gen"));
        assert_eq!(lex.pronoun("she"), Some(Pronoun::She));
        assert!(lex.has_role("which", WordRole::Clause));
        assert_eq!(lex.speaker_noun("Statement"), Some(NounKind::Document));
        assert!(lex.titles_starting("under").iter().any(|t| t.words == ["under", "secretary"]));
    }
}
