// The words a reader sees for what the engine finds, shared by the demo page, the popup and
// the card on the page.
//
// Contract:
// - `KEY` is the one-line key to the highlights; `INTRO` the short explanation shown the
//   first time.
// - `kindWord(kind)`: "quoted", "partly quoted" or "paraphrased" for direct, mixed, indirect.
// - `verbWord(cueClass)`: the verb a reader knows for a cue class ("accuses", "denies",
//   "warns"); `saidWord(cueClass)` the same verb in the past ("accused").
// - `statementSentence(analysis, i)`: statement i as a sentence for a screen reader and for
//   announcements: "Ingrid Halvorsen said (quoted): We will not allow…"; `statementLead` is
//   its start, before the text.
// - `verbLine(attribution)`: the cue verb with the reader's verb for its class, "told" or
//   "dismissed (denies)", or why there is none.
// - `SOURCING`: how a statement's source is given, in the reader's words, per class of the
//   engine (`sourcing`), in the order the summary lists them, each `{label, card}`; `HEDGED`
//   the same for a hedge, a claim with no source at all.
// - `answerWord(cueClass)`: how one party answers another, for "Albania accuses Iran":
//   "accuses", "denies", "criticizes", "urges", "concedes to"…
// - `targetName(analysis, a)`: the name of the party statement `a` aims at, or null.
// - `statementCard(analysis, who, side)`: what the card over a statement `{attribution: i}` or
//   a hedge `{hedge: i}` says, as `{title, lines: [[label, value]]}`; `side` names the group
//   when the reader groups by side. It says how the source is given when it is not a named
//   person ("Source: anonymous, the name withheld") and whom the statement aims at ("Aimed
//   at: Iran") where the engine says. The engine's rule (`frame`) is the last line, for the curious, and only there
//   (`foundBy(attribution)`).
// Plain strings: callers put them in with textContent.
//
// Why here: the engine's labels ("belief", "indirect", "no cue") are for its tests, not for a
// reader; one table keeps the demo, the popup and the page saying the same thing.

export const KEY = 'Tint: what was said · Underline: who said it · Line above: anonymous source · Dotted: hedged, no source';

export const INTRO = 'Sourcelight finds the statements in a text that are put in someone’s mouth — quoted, partly quoted or paraphrased — and groups them by who said them: a person, an organization or a country. The eight parties with most statements each get a tint and an underline style of their own; smaller parties and speakers the text does not name are grey. A line above a statement means the text withholds its source’s name (“a senior official said”). The summary shows how much of the quoted and reported words each party got, how the sources are given, and who accuses or denies whom. Choose a party to see its statements, and a statement to find it in the text. Nothing leaves this browser.';

const KINDS = { direct: 'quoted', mixed: 'partly quoted', indirect: 'paraphrased' };

// cue class -> [present, past]
const VERBS = {
  neutral: ['says', 'said'],
  reporting: ['reports', 'reported'],
  assertive: ['insists', 'insisted'],
  accusing: ['accuses', 'accused'],
  critical: ['criticizes', 'criticized'],
  denying: ['denies', 'denied'],
  conceding: ['admits', 'admitted'],
  questioning: ['questions', 'questioned'],
  warning: ['warns', 'warned'],
  urging: ['urges', 'urged'],
  promising: ['promises', 'promised'],
  supportive: ['backs', 'backed'],
  belief: ['believes', 'believed'],
  intention: ['plans', 'planned'],
};

/** "quoted", "partly quoted" or "paraphrased". */
export const kindWord = (kind) => KINDS[kind] ?? 'reported';

/** The reader's verb for a cue class, in the present ("warns"). */
export const verbWord = (cueClass) => (VERBS[cueClass] ?? VERBS.neutral)[0];

/** The reader's verb for a cue class, in the past ("warned"). */
export const saidWord = (cueClass) => (VERBS[cueClass] ?? VERBS.neutral)[1];

/** How a statement's source is given, per engine class, in the order the summary lists them. */
export const SOURCING = {
  person: { label: 'Named person', card: 'a named person' },
  organization: { label: 'Named organization or country', card: 'a named organization or country' },
  anonymous: { label: 'Anonymous', card: 'anonymous, the name withheld' },
  unnamed: { label: 'Group, no name', card: 'a group or role, no name' },
};

/** A hedge in the same words: a claim with no source at all. */
export const HEDGED = { label: 'Hedged, no source', card: 'no source at all' };

// cue class -> how a statement of that class answers the party it aims at
const ANSWERS = { accusing: 'accuses', denying: 'denies', critical: 'criticizes', urging: 'urges', conceding: 'concedes to', warning: 'warns', questioning: 'questions', supportive: 'backs' };

/** "accuses", "denies"…: how one party answers another; "answers" for other classes. */
export const answerWord = (cueClass) => ANSWERS[cueClass] ?? 'answers';

/** The name of the party statement `a` aims at, or null. */
export const targetName = (analysis, a) => (Number.isInteger(a.target) ? analysis.parties[a.target]?.name ?? null : null);

const partyOf = (analysis, a) => (a.party == null ? null : analysis.parties[a.party]);

/** Who said statement i and how: "Ingrid Halvorsen said (quoted):". */
export function statementLead(analysis, i) {
  const a = analysis.attributions[i];
  const who = partyOf(analysis, a)?.name ?? 'Someone not identified';
  return `${who} ${saidWord(a.cue_class)} (${kindWord(a.kind)}):`;
}

/** Statement i as one sentence: "Ingrid Halvorsen said (quoted): …". */
export const statementSentence = (analysis, i) => `${statementLead(analysis, i)} ${analysis.attributions[i].text ?? ''}`;

/** The verb line of a statement: "told (says)", or where the text gives no verb, why not. */
export function verbLine(a) {
  if (!a.cue_text) return 'none: the speaker of the passage around it';
  return a.cue_class && a.cue_class !== 'neutral' ? `${a.cue_text} (${verbWord(a.cue_class)})` : a.cue_text;
}

/** The engine's rule that found a statement ("quote then speaker"), or null when it does not say. */
export function foundBy(a) {
  return typeof a.frame === 'string' && a.frame ? a.frame.replaceAll('_', ' ') : null;
}

/** The card over a statement or a hedge; see the header comment. */
export function statementCard(analysis, who, side = null) {
  if (who.hedge != null) {
    return { title: HEDGED.label, lines: [['Word', `“${analysis.hedges[who.hedge].text}”`], ['Means', 'the text makes a claim without saying who makes it']] };
  }
  const a = analysis.attributions[who.attribution];
  const party = partyOf(analysis, a);
  const lines = [];
  const about = party && [party.role, party.affiliation].filter(Boolean).join(', ');
  if (about) lines.push(['Role', about]);
  if (a.speaker_text) lines.push(['Named as', `“${a.speaker_text}”`]);
  if (side) lines.push(['Side', side]);
  lines.push(['Verb', verbLine(a)], ['Quote', kindWord(a.kind)]);
  if (SOURCING[a.sourcing] && a.sourcing !== 'person') lines.push(['Source', SOURCING[a.sourcing].card]); // a name says it
  const target = targetName(analysis, a);
  if (target) lines.push(['Aimed at', target]);
  const rule = foundBy(a);
  if (rule) lines.push(['Found by', rule]);
  return { title: party ? party.name : 'Speaker not identified', lines };
}
