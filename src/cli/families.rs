//! Families of hostile text, each written at a size `n`: the texts that once made the engine
//! slower than linear or hungrier than a small multiple of its input, an ordinary article for
//! comparison, and mixes of them all. `sourcelight bench` times them at 1×, 10× and 100×, and
//! `tests/growth.rs` counts the engine's steps on them at n and 8n.
//!
//! This file is shared by the command-line tool and the tests (with `#[path]`), not part of
//! the library.

use sourcelight::Role;

/// One family: its name and its text at size `n` (about `n` repetitions of its unit), as
/// blocks with roles.
pub struct Family {
    pub name: &'static str,
    pub make: fn(usize) -> Vec<(Role, String)>,
}

impl Family {
    /// The family's text at size `n`, in blocks.
    pub fn blocks(&self, n: usize) -> Vec<(Role, String)> {
        (self.make)(n)
    }
}

/// One block of plain text.
fn text(text: String) -> Vec<(Role, String)> {
    vec![(Role::Text, text)]
}

fn rep(unit: &str, n: usize) -> String {
    unit.repeat(n)
}

/// An ordinary article of our own, about 700 bytes.
pub const ARTICLE: &str = include_str!("../../tests/samples/nordic-sanctions.txt");

/// Every family: those of the issue on hostile input first, then the ordinary ones.
pub const FAMILIES: &[Family] = &[
    Family {
        name: "and-said-paragraph-quote",
        make: |n| text(format!("He said {}“a{}”", rep("and said ", n), rep("\n“b", n))),
    },
    Family { name: "smith-said-semicolon", make: |n| text(rep("Smith said x; ", n)) },
    Family { name: "quote-smith-said-comma", make: |n| text(rep("\"a,\" Smith said, ", n)) },
    Family { name: "said-it-adding", make: |n| text(rep("Smith said it, adding ", n)) },
    Family { name: "he-reply", make: |n| text(format!("He {}", rep("reply ", n))) },
    Family { name: "and-colon-quote", make: |n| text(format!("{}{}", rep("and ", n), rep(": \"a\" ", n))) },
    Family { name: "colon-quote-dash", make: |n| text(rep(": \"a\" — ", n)) },
    Family { name: "that-according-to", make: |n| text(rep("that according to Smith ", n)) },
    Family { name: "hash-b-said", make: |n| text(format!("{} a{}", rep("#", n), rep(", B said", n))) },
    Family { name: "said-it-commas", make: |n| text(format!("{}{}", rep("He said it ", n), rep(",", n))) },
    Family { name: "quotation-marks", make: |n| text(rep("\"", 8 * n)) },
    Family { name: "who-said-it", make: |n| text(format!("Smith{}", rep(", who said it", n))) },
    Family { name: "one-party-many-mentions", make: |n| text(many_mentions(n)) },
    Family { name: "linked-paren-aside", make: |n| text(rep("Lee of Oslo (56) said it and ", n)) },
    Family {
        name: "speaker-across-blocks",
        make: |n| {
            let pair =
                [(Role::Paragraph, "\"We will win,\" Helena"), (Role::Paragraph, "Marsh said on Monday.")];
            pair.iter().cycle().take(2 * n).map(|&(r, t)| (r, t.to_string())).collect()
        },
    },
    Family { name: "article-one-paragraph", make: |n| text(rep(&ARTICLE.replace('\n', " "), n / 20 + 1)) },
    Family { name: "article-paragraphs", make: |n| text(vec![ARTICLE; n / 20 + 1].join("\n\n")) },
    Family { name: "mix", make: |n| mix(n, 1) },
    Family { name: "mix-blocks", make: |n| mix(n, 2) },
];

/// One spokesperson described in `n` ways ("The qx spokesperson said it."): a party with
/// thousands of mentions.
fn many_mentions(n: usize) -> String {
    let mut text = String::from("Spokesperson Ann Lee said it. ");
    for k in 0..n {
        let (mut k, mut word) = (k, String::new());
        loop {
            word.push(char::from(b'a' + (k % 26) as u8));
            k /= 26;
            if k == 0 {
                break;
            }
        }
        text.push_str(&format!("The {word}x spokesperson said it. "));
    }
    text
}

/// The families' pieces, shuffled by a small PRNG from `seed`: about `n` units in all, in
/// one text or (an even seed) in blocks of every role.
fn mix(n: usize, seed: u64) -> Vec<(Role, String)> {
    const ROLES: [Role; 6] =
        [Role::Text, Role::Paragraph, Role::Headline, Role::Caption, Role::ListItem, Role::BlockQuote];
    const JOINS: [&str; 6] = [" ", ". ", "\n", "\n\n", ", ", ""];
    let mut state = seed;
    let mut next = move |below: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % below as u64) as usize
    };
    let hostile = &FAMILIES[..15];
    let mut blocks: Vec<(Role, String)> = vec![(Role::Text, String::new())];
    let mut units = 0;
    while units < n {
        let k = 1 + next(20);
        let family = &hostile[next(hostile.len())];
        for (_, piece) in family.blocks(k) {
            if seed.is_multiple_of(2) && next(3) == 0 {
                blocks.push((ROLES[next(ROLES.len())], String::new()));
            }
            let last = &mut blocks.last_mut().expect("one block at least").1;
            last.push_str(&piece);
            last.push_str(JOINS[next(JOINS.len())]);
        }
        units += k;
    }
    blocks
}
