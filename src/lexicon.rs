//! The engine's linguistic knowledge, read from the data files in `src/lexicon/`.
//!
//! Every list the engine consults (cue verbs, titles, countries, outlets, grammatical words,
//! word endings) is a data file compiled in with `include_str!`, so that a linguist can extend
//! the engine without touching code. Every file has one format ([`table`]: tab-separated, a
//! header row, `|` for alternatives) and is read strictly: a bad line is an error naming the
//! file and line. The files are parsed once, on first use, into hash maps keyed by lower-cased
//! words; lookups are then constant time, which keeps the engine linear.

pub mod table;

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Serialize;

pub use table::LexiconError;
use table::{optional, required, rows};

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
    /// A view held: "believes", "thinks".
    Belief,
    /// A wish or a plan: "wants", "hopes", "plans", "intends".
    Intention,
}

/// How a cue arranges its speaker and content around itself (the `arguments` column of
/// `cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arguments {
    /// `X said (that) CONTENT`.
    Speech,
    /// `X accused Y of CONTENT`, `X called Y "…"`: the object is part of the content.
    Object,
    /// `X told Y (that) CONTENT`: the one told is not part of the content.
    Recipient,
    /// `according to X, CONTENT`: the speaker follows the cue.
    Source,
}

/// One cue phrase: its words (lower case), stance and arguments.
#[derive(Clone, Debug)]
pub struct CueForm {
    pub words: Vec<String>,
    pub class: CueClass,
    pub arguments: Arguments,
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

/// The role of a grammatical word, from `function_words.tsv` (pronouns come from
/// `pronouns.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordRole {
    Determiner,
    /// A pronoun that can be a speaker (subject case).
    Pronoun(Pronoun),
    /// A pronoun in the object case ("him", "them"): one addressed, never a speaker.
    ObjectPronoun,
    Link,
    Adverb,
    Clause,
    Auxiliary,
    Coordinator,
    ClauseBreak,
    Complementizer,
    ExampleMarker,
    TimePreposition,
    AdverbialOpener,
    ParticipleOpener,
    SentenceOpener,
    AffiliationLink,
    OrganizationLink,
    Counting,
    Distinct,
    Negation,
    Refusal,
    PostmodifierLink,
    PostmodifierAdjective,
    ClaimNoun,
}

impl WordRole {
    /// Whether the role makes a word a function word, which never stands in a name.
    fn is_function(self) -> bool {
        matches!(
            self,
            WordRole::Determiner
                | WordRole::Pronoun(_)
                | WordRole::ObjectPronoun
                | WordRole::Link
                | WordRole::OrganizationLink
                | WordRole::Adverb
                | WordRole::Clause
        )
    }
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

/// A title: its words, the gender it tells where it tells one, and whether it is a courtesy
/// title ("Mr", "Dr") rather than a role.
#[derive(Clone, Debug)]
pub struct Title {
    pub words: Vec<String>,
    pub gender: Option<Gender>,
    pub honorific: bool,
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
    /// Lower-cased media names -> canonical name.
    media: HashMap<String, String>,
    organization_words: HashSet<String>,
    government_words: HashSet<String>,
    /// Every word of every title, lower-cased, without periods.
    title_words: HashSet<String>,
    speaker_nouns: HashMap<String, NounKind>,
    abbreviations: HashSet<String>,
    time_words: HashSet<String>,
    /// Days and months: the time words that are names.
    date_words: HashSet<String>,
    not_speakers: HashSet<String>,
    common_words: HashSet<String>,
    given_names: HashMap<String, Gender>,
    /// Pronouns in the object case, with what they may point back to ("him": he).
    object_pronouns: HashMap<String, Pronoun>,
    /// Nouns for sources whose names a text withholds ("official", "sources").
    source_nouns: HashSet<String>,
    /// Phrases that say a name is withheld, by their first word.
    anonymity_markers: HashMap<String, Vec<Vec<String>>>,
    roles: HashMap<String, Vec<WordRole>>,
    person_endings: Vec<String>,
    contraction_endings: Vec<String>,
    negation_endings: Vec<String>,
    /// For every word some lexicon knows, which kinds of entry start with it: one lookup per
    /// token tells the engine which of the other maps are worth asking.
    starts: HashMap<String, u8>,
}

/// Bits of [`Lexicon::starts`].
pub const STARTS_CUE: u8 = 1;
pub const STARTS_HEDGE: u8 = 2;
pub const HAS_ROLE: u8 = 4;

/// Every lexicon file, by name, compiled in.
const FILES: &[(&str, &str)] = &[
    ("abbreviations.tsv", include_str!("lexicon/abbreviations.tsv")),
    ("anonymity.tsv", include_str!("lexicon/anonymity.tsv")),
    ("common_words.tsv", include_str!("lexicon/common_words.tsv")),
    ("countries.tsv", include_str!("lexicon/countries.tsv")),
    ("cues.tsv", include_str!("lexicon/cues.tsv")),
    ("endings.tsv", include_str!("lexicon/endings.tsv")),
    ("function_words.tsv", include_str!("lexicon/function_words.tsv")),
    ("given_names.tsv", include_str!("lexicon/given_names.tsv")),
    ("government_words.tsv", include_str!("lexicon/government_words.tsv")),
    ("hedges.tsv", include_str!("lexicon/hedges.tsv")),
    ("media.tsv", include_str!("lexicon/media.tsv")),
    ("not_speakers.tsv", include_str!("lexicon/not_speakers.tsv")),
    ("organization_words.tsv", include_str!("lexicon/organization_words.tsv")),
    ("pronouns.tsv", include_str!("lexicon/pronouns.tsv")),
    ("speaker_nouns.tsv", include_str!("lexicon/speaker_nouns.tsv")),
    ("time_words.tsv", include_str!("lexicon/time_words.tsv")),
    ("titles.tsv", include_str!("lexicon/titles.tsv")),
];

/// The text of lexicon file `name`.
fn file(name: &'static str) -> (&'static str, &'static str) {
    let text = FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, text)| text)
        .expect("every lexicon file is listed in FILES");
    (name, text)
}

/// The lexicon, parsed on first use. The data is compiled in, so a defect in it is a defect of
/// this build: it stops the engine with the file and line, and fails every test.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse().unwrap_or_else(|e| panic!("{e}")))
}

/// A word in lower case, copied only when it has capitals.
pub fn lowered(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

fn lower_words(phrase: &str) -> Vec<String> {
    phrase.split(' ').map(str::to_lowercase).collect()
}

/// The first cells of a one-column (or key-first) file, lower-cased or as written.
fn word_set(
    (name, text): (&'static str, &'static str),
    column: &'static str,
    lower: bool,
) -> Result<HashSet<String>, LexiconError> {
    Ok(rows(name, text, &[required(column)])?
        .iter()
        .map(|r| if lower { r.cell(0).to_lowercase() } else { r.cell(0).to_string() })
        .collect())
}

impl Lexicon {
    /// Parses every lexicon file; the first defect found is the error.
    pub fn parse() -> Result<Lexicon, LexiconError> {
        let (titles, title_words) = parse_titles()?;
        let anonymity = parse_anonymity()?;
        let (countries, country_words) = parse_countries()?;
        let (person_endings, contraction_endings, negation_endings) = parse_endings()?;
        let mut roles = parse_roles()?;
        let object_pronouns = parse_pronouns(&mut roles)?;
        let (time_words, date_words) = parse_time_words()?;
        Ok(Lexicon {
            cues: parse_cues()?,
            hedges: parse_hedges()?,
            titles,
            title_words,
            countries,
            country_words,
            media: parse_media()?,
            organization_words: word_set(file("organization_words.tsv"), "word", true)?,
            government_words: word_set(file("government_words.tsv"), "word", true)?,
            speaker_nouns: parse_speaker_nouns()?,
            abbreviations: word_set(file("abbreviations.tsv"), "abbreviation", false)?,
            time_words,
            date_words,
            not_speakers: word_set(file("not_speakers.tsv"), "word", true)?,
            common_words: word_set(file("common_words.tsv"), "word", false)?,
            given_names: parse_given_names()?,
            object_pronouns,
            source_nouns: anonymity.0,
            anonymity_markers: anonymity.1,
            roles,
            person_endings,
            contraction_endings,
            negation_endings,
            starts: HashMap::default(),
        }
        .with_starts())
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

    /// The cue phrases that start with this lower-cased word, longest first.
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

    /// Whether a title, as written, is a courtesy title ("Mr", "Dr.") rather than a role.
    pub fn is_honorific(&self, title: &str) -> bool {
        let key = lowered(title.trim_end_matches('.')).into_owned();
        self.titles_starting(&key).iter().any(|t| t.honorific && t.words.len() == 1)
    }

    /// The country a name, capital or demonym stands for, as written (case matters:
    /// "Washington" is the United States, "washington" is not a name).
    pub fn country_of(&self, name: &str) -> Option<&Country> {
        let name = name.strip_prefix("the ").unwrap_or(name);
        self.country_words.get(name).map(|&i| &self.countries[i])
    }

    /// The canonical name of a news outlet or pollster, if this is one ("Times" is "the Times").
    pub fn media_name(&self, name: &str) -> Option<&str> {
        let key = lowered(name);
        self.media.get(key.as_ref()).or_else(|| self.media.get(&format!("the {key}"))).map(String::as_str)
    }

    /// Whether a lower-cased word is a title by itself ("senator", "governor"), not only a word
    /// of one ("finance" of "Finance Minister").
    pub fn is_single_word_title(&self, word: &str) -> bool {
        self.titles_starting(word).iter().any(|t| t.words.len() == 1)
    }

    /// Whether a lower-cased word is a word of some title ("secretary", "strategist").
    pub fn is_title_word(&self, word: &str) -> bool {
        self.title_words.contains(word.trim_end_matches('.')) && !self.is_function_word(word)
    }

    pub fn is_organization_word(&self, word: &str) -> bool {
        self.organization_words.contains(lowered(word).as_ref())
    }

    /// Whether a lower-cased noun stands for a country's government after its name or demonym.
    pub fn is_government_word(&self, word: &str) -> bool {
        self.government_words.contains(word)
    }

    pub fn speaker_noun(&self, word: &str) -> Option<NounKind> {
        self.speaker_nouns.get(lowered(word).as_ref()).copied()
    }

    /// Whether a lower-cased word opens a label that names no speaker ("Correction:").
    pub fn is_not_speaker(&self, word: &str) -> bool {
        self.not_speakers.contains(word)
    }

    /// Whether a lower-cased word belongs to time expressions ("Friday", "ago").
    /// Whether a lower-cased determiner counts what it opens ("a", "many", "two"), rather than
    /// pointing back ("the", "this") or to an owner ("his").
    pub fn is_counting_word(&self, word: &str) -> bool {
        self.has_role(word, WordRole::Counting)
    }

    /// Whether a lower-cased word names a day or a month ("friday", "may").
    pub fn is_date_word(&self, word: &str) -> bool {
        self.date_words.contains(word)
    }

    pub fn is_time_word(&self, word: &str) -> bool {
        self.time_words.contains(word)
    }

    /// Whether a lower-cased word is a common English word, which a capital at the start of a
    /// sentence does not make a name.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains(word)
    }

    /// What a pronoun in the object case may point back to ("him": he).
    pub fn object_pronoun(&self, word: &str) -> Option<Pronoun> {
        self.object_pronouns.get(word).copied()
    }

    /// Whether a lower-cased noun names a source whose name a text withholds ("official").
    pub fn is_source_noun(&self, word: &str) -> bool {
        self.source_nouns.contains(word)
    }

    /// The phrases that say a name is withheld and start with this lower-cased word.
    pub fn anonymity_markers_starting(&self, word: &str) -> &[Vec<String>] {
        self.anonymity_markers.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The gender a given name tells, as written ("Hillary": female), where it tells one.
    pub fn given_name_gender(&self, name: &str) -> Option<Gender> {
        self.given_names.get(name).copied()
    }

    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// Whether a lower-cased word has this grammatical role.
    pub fn has_role(&self, word: &str, role: WordRole) -> bool {
        self.roles.get(word).is_some_and(|roles| roles.contains(&role))
    }

    /// The pronoun a lower-cased word is, if it is one that can be a speaker.
    pub fn pronoun(&self, word: &str) -> Option<Pronoun> {
        self.roles.get(word)?.iter().find_map(|r| match r {
            WordRole::Pronoun(p) => Some(*p),
            _ => None,
        })
    }

    /// Whether a lower-cased word is a grammatical word that never stands in a name.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.roles.get(word).is_some_and(|roles| roles.iter().any(|r| r.is_function()))
    }

    /// Whether a lower-cased word has the ending of a noun for people ("reporter", "analyst").
    pub fn has_person_ending(&self, word: &str) -> bool {
        self.person_endings.iter().any(|e| word.ends_with(e.as_str()))
    }

    /// Whether a lower-cased word is a denied auxiliary ("didn't").
    pub fn is_negated_auxiliary(&self, word: &str) -> bool {
        self.negation_endings.iter().any(|e| word.ends_with(e.as_str()))
    }

    /// The pronoun of a contraction with its auxiliary ("he's" -> "he"), if it is one.
    pub fn contraction_stem<'w>(&self, word: &'w str) -> Option<&'w str> {
        self.contraction_endings.iter().find_map(|e| word.strip_suffix(e.as_str()))
    }
}

const CUE_CLASSES: &[(&str, CueClass)] = &[
    ("neutral", CueClass::Neutral),
    ("reporting", CueClass::Reporting),
    ("assertive", CueClass::Assertive),
    ("accusing", CueClass::Accusing),
    ("critical", CueClass::Critical),
    ("denying", CueClass::Denying),
    ("conceding", CueClass::Conceding),
    ("questioning", CueClass::Questioning),
    ("warning", CueClass::Warning),
    ("urging", CueClass::Urging),
    ("promising", CueClass::Promising),
    ("supportive", CueClass::Supportive),
    ("belief", CueClass::Belief),
    ("intention", CueClass::Intention),
];

fn parse_cues() -> Result<HashMap<String, Vec<CueForm>>, LexiconError> {
    let (name, text) = file("cues.tsv");
    let table =
        rows(name, text, &[required("forms"), required("class"), required("arguments"), optional("needs")])?;
    let mut cues: HashMap<String, Vec<CueForm>> = HashMap::default();
    let mut seen: HashMap<Vec<String>, usize> = HashMap::default();
    for row in &table {
        let class = row.choice(1, "class", CUE_CLASSES)?;
        let arguments = row.choice(
            2,
            "arguments",
            &[
                ("speech", Arguments::Speech),
                ("object", Arguments::Object),
                ("recipient", Arguments::Recipient),
                ("source", Arguments::Source),
            ],
        )?;
        let needs_clause = row.choice(3, "needs", &[("", false), ("clause", true)])?;
        let forms: Vec<Vec<String>> = row.alternatives(0).map(lower_words).collect();
        // The first form of a line is the bare verb, unless another form is spelled the same
        // (read/read, put/put).
        let lemma_is_also_inflected = forms[1..].contains(&forms[0]);
        for (n, words) in forms.into_iter().enumerate() {
            if n > 0 || !lemma_is_also_inflected {
                if let Some(line) = seen.insert(words.clone(), row.line) {
                    return Err(
                        row.error(format!("the form \"{}\" is already on line {line}", words.join(" ")))
                    );
                }
            }
            let base = n == 0 && !lemma_is_also_inflected;
            cues.entry(words[0].clone()).or_default().push(CueForm {
                words,
                class,
                arguments,
                needs_clause,
                base,
            });
        }
    }
    // Longest phrase first, so that "pointed out" wins over "pointed".
    for forms in cues.values_mut() {
        forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
    }
    Ok(cues)
}

fn parse_hedges() -> Result<HashMap<String, Vec<Vec<String>>>, LexiconError> {
    let (name, text) = file("hedges.tsv");
    let mut phrases: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for row in rows(name, text, &[required("phrase")])? {
        let words = lower_words(row.cell(0));
        phrases.entry(words[0].clone()).or_default().push(words);
    }
    for list in phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    Ok(phrases)
}

type Titles = (HashMap<String, Vec<Title>>, HashSet<String>);

fn parse_titles() -> Result<Titles, LexiconError> {
    let (name, text) = file("titles.tsv");
    let mut titles: HashMap<String, Vec<Title>> = HashMap::default();
    let mut title_words = HashSet::default();
    for row in rows(name, text, &[required("title"), optional("gender"), optional("honorific")])? {
        let gender = row.choice(
            1,
            "gender",
            &[("", None), ("male", Some(Gender::Male)), ("female", Some(Gender::Female))],
        )?;
        let honorific = row.choice(2, "honorific", &[("", false), ("yes", true)])?;
        let words = lower_words(row.cell(0));
        title_words.extend(words.iter().map(|w| w.trim_end_matches('.').to_string()));
        // Keyed without the period, as a word token is ("Gen" of "Gen.").
        titles.entry(words[0].trim_end_matches('.').to_string()).or_default().push(Title {
            words,
            gender,
            honorific,
        });
    }
    for list in titles.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    }
    Ok((titles, title_words))
}

fn parse_countries() -> Result<(Vec<Country>, HashMap<String, usize>), LexiconError> {
    let (name, text) = file("countries.tsv");
    let mut countries = Vec::new();
    let mut words: HashMap<String, usize> = HashMap::default();
    for row in rows(
        name,
        text,
        &[required("country"), optional("names"), optional("capitals"), optional("demonyms")],
    )? {
        let index = countries.len();
        words.insert(row.cell(0).to_string(), index);
        for column in 1..4 {
            for word in row.alternatives(column) {
                words.entry(word.to_string()).or_insert(index);
            }
        }
        countries.push(Country { name: row.cell(0).to_string() });
    }
    Ok((countries, words))
}

fn parse_media() -> Result<HashMap<String, String>, LexiconError> {
    let (name, text) = file("media.tsv");
    let mut media = HashMap::default();
    for row in rows(name, text, &[required("outlet"), optional("names")])? {
        let canonical = row.cell(0).to_string();
        for other in std::iter::once(row.cell(0)).chain(row.alternatives(1)) {
            media.insert(other.to_lowercase(), canonical.clone());
        }
    }
    Ok(media)
}

type Anonymity = (HashSet<String>, HashMap<String, Vec<Vec<String>>>);

fn parse_anonymity() -> Result<Anonymity, LexiconError> {
    let (name, text) = file("anonymity.tsv");
    let (mut nouns, mut markers): Anonymity = Default::default();
    for row in rows(name, text, &[required("phrase"), required("marks")])? {
        let words = lower_words(row.cell(0));
        if row.choice(1, "marks", &[("source", true), ("marker", false)])? {
            nouns.insert(words.join(" "));
        } else {
            markers.entry(words[0].clone()).or_default().push(words);
        }
    }
    Ok((nouns, markers))
}

fn parse_given_names() -> Result<HashMap<String, Gender>, LexiconError> {
    let (name, text) = file("given_names.tsv");
    let genders = [("male", Gender::Male), ("female", Gender::Female)];
    rows(name, text, &[required("name"), required("gender")])?
        .iter()
        .map(|row| Ok((row.cell(0).to_string(), row.choice(1, "gender", &genders)?)))
        .collect()
}

/// Every time word, and those of them that are dates.
fn parse_time_words() -> Result<(HashSet<String>, HashSet<String>), LexiconError> {
    let (name, text) = file("time_words.tsv");
    let mut words = HashSet::default();
    let mut dates = HashSet::default();
    for row in rows(name, text, &[required("word"), required("kind")])? {
        let word = row.cell(0).to_lowercase();
        if row.choice(1, "kind", &[("date", true), ("common", false)])? {
            dates.insert(word.clone());
        }
        words.insert(word);
    }
    Ok((words, dates))
}

fn parse_speaker_nouns() -> Result<HashMap<String, NounKind>, LexiconError> {
    let (name, text) = file("speaker_nouns.tsv");
    let kinds = [
        ("person", NounKind::Person),
        ("group", NounKind::Group),
        ("organization", NounKind::Organization),
        ("document", NounKind::Document),
    ];
    rows(name, text, &[required("noun"), required("kind")])?
        .iter()
        .map(|row| Ok((row.cell(0).to_lowercase(), row.choice(1, "kind", &kinds)?)))
        .collect()
}

fn parse_roles() -> Result<HashMap<String, Vec<WordRole>>, LexiconError> {
    let (name, text) = file("function_words.tsv");
    let choices = [
        ("determiner", WordRole::Determiner),
        ("link", WordRole::Link),
        ("adverb", WordRole::Adverb),
        ("clause", WordRole::Clause),
        ("auxiliary", WordRole::Auxiliary),
        ("coordinator", WordRole::Coordinator),
        ("clause_break", WordRole::ClauseBreak),
        ("complementizer", WordRole::Complementizer),
        ("example_marker", WordRole::ExampleMarker),
        ("time_preposition", WordRole::TimePreposition),
        ("adverbial_opener", WordRole::AdverbialOpener),
        ("participle_opener", WordRole::ParticipleOpener),
        ("sentence_opener", WordRole::SentenceOpener),
        ("affiliation_link", WordRole::AffiliationLink),
        ("organization_link", WordRole::OrganizationLink),
        ("counting", WordRole::Counting),
        ("distinct", WordRole::Distinct),
        ("negation", WordRole::Negation),
        ("refusal", WordRole::Refusal),
        ("postmodifier_link", WordRole::PostmodifierLink),
        ("postmodifier_adjective", WordRole::PostmodifierAdjective),
        ("claim_noun", WordRole::ClaimNoun),
    ];
    let mut roles: HashMap<String, Vec<WordRole>> = HashMap::default();
    for row in rows(name, text, &[required("word"), required("role")])? {
        let role = row.choice(1, "role", &choices)?;
        roles.entry(row.cell(0).to_lowercase()).or_default().push(role);
    }
    Ok(roles)
}

/// Adds the pronouns to the word roles: speakers in the subject case, addressees in the object
/// case; returns the object pronouns with what they stand for.
fn parse_pronouns(
    roles: &mut HashMap<String, Vec<WordRole>>,
) -> Result<HashMap<String, Pronoun>, LexiconError> {
    let mut objects = HashMap::default();
    let (name, text) = file("pronouns.tsv");
    let pronouns = [
        ("he", Pronoun::He),
        ("she", Pronoun::She),
        ("it", Pronoun::It),
        ("they", Pronoun::They),
        ("i", Pronoun::I),
        ("we", Pronoun::We),
        ("you", Pronoun::You),
        ("who", Pronoun::Who),
    ];
    for row in rows(name, text, &[required("pronoun"), required("stands_for"), required("case")])? {
        let pronoun = row.choice(1, "stands_for", &pronouns)?;
        let speaks = row.choice(2, "case", &[("subject", true), ("object", false)])?;
        let entry = roles.entry(row.cell(0).to_lowercase()).or_default();
        if speaks {
            entry.push(WordRole::Pronoun(pronoun));
        } else {
            entry.push(WordRole::ObjectPronoun);
            objects.insert(row.cell(0).to_lowercase(), pronoun);
        }
    }
    Ok(objects)
}

type Endings = (Vec<String>, Vec<String>, Vec<String>);

fn parse_endings() -> Result<Endings, LexiconError> {
    let (name, text) = file("endings.tsv");
    let (mut person, mut contraction, mut negation) = (Vec::new(), Vec::new(), Vec::new());
    for row in rows(name, text, &[required("ending"), required("marks")])? {
        let marks = row.choice(1, "marks", &[("person", 0), ("contraction", 1), ("negation", 2)])?;
        [&mut person, &mut contraction, &mut negation][marks].push(row.cell(0).to_string());
    }
    Ok((person, contraction, negation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_every_lexicon_file_parses() {
        if let Err(e) = Lexicon::parse() {
            panic!("{e}");
        }
    }

    #[test]
    fn the_parsed_lexicon_answers() {
        let lex = lexicon();
        assert!(lex.cues_starting("said").iter().any(|c| c.class == CueClass::Neutral));
        assert!(lex.cues_starting("according").iter().any(|c| c.arguments == Arguments::Source));
        assert!(lex.cues_starting("urged").iter().any(|c| c.class == CueClass::Urging));
        assert_eq!(lex.cues_starting("pointed")[0].words, ["pointed", "out"]);
        assert_eq!(lex.country_of("Tehran").map(|c| c.name.as_str()), Some("Iran"));
        assert_eq!(lex.country_of("the US").map(|c| c.name.as_str()), Some("United States"));
        assert!(lex.country_of("washington").is_none());
        assert_eq!(lex.media_name("NYT"), Some("The New York Times"));
        assert!(lex.is_abbreviation("Gen"));
        assert_eq!(lex.pronoun("she"), Some(Pronoun::She));
        assert_eq!(lex.pronoun("him"), None);
        assert!(lex.has_role("him", WordRole::ObjectPronoun) && lex.is_function_word("him"));
        assert!(lex.has_role("which", WordRole::Clause));
        assert!(lex.has_role("being", WordRole::Auxiliary) && !lex.is_function_word("being"));
        assert_eq!(lex.speaker_noun("Statement"), Some(NounKind::Document));
        assert!(lex.titles_starting("under").iter().any(|t| t.words == ["under", "secretary"]));
        assert!(lex.is_honorific("Mr.") && lex.is_honorific("Dr") && !lex.is_honorific("Senator"));
        assert!(lex.is_government_word("regime"));
        assert!(lex.has_person_ending("reporter") && !lex.has_person_ending("warm"));
        assert_eq!(lex.contraction_stem("they’re"), Some("they"));
    }
}
