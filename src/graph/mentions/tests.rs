//! Mention detection checked against the Aho-Corasick automaton it replaced (issue 12).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use proptest::prelude::*;

use super::*;
use crate::graph::model::EntityKind;

/// The matcher before issue 12, kept as the reference: one Aho-Corasick automaton over the
/// folded names, every overlapping occurrence, then the whole-word check.
struct Reference {
    automaton: AhoCorasick,
    owners: Vec<EntityId>,
}

impl Reference {
    fn new(entities: &[Entity]) -> Option<Self> {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<EntityId> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (id, entity) in entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let folded = fold(name);
                if folded.trim().is_empty()
                    || entity.shared_aliases.iter().any(|s| fold(s) == folded)
                {
                    continue;
                }
                if seen.insert(folded.clone()) {
                    patterns.push(folded);
                    owners.push(EntityId(id as u32));
                }
            }
        }
        if patterns.is_empty() {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("small test patterns");
        Some(Reference { automaton, owners })
    }

    fn candidates(&self, folded: &str) -> Vec<(usize, usize, EntityId)> {
        self.automaton
            .find_overlapping_iter(folded)
            .filter(|m| whole_word(folded, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), self.owners[m.pattern().as_usize()]))
            .collect()
    }

    /// The mentions as the code before issue 12 chose them.
    fn mentions(&self, text: &str) -> Vec<Mention> {
        let (folded, offsets) = fold_with_offsets(text);
        let mut candidates = self.candidates(&folded);
        candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut mentions = Vec::new();
        let mut taken_to = 0usize;
        for (start, end, entity) in candidates {
            if start < taken_to {
                continue;
            }
            taken_to = end;
            let start = offsets[start] as usize;
            let end = offsets[end] as usize;
            let char_start = text[..start].chars().count() as u32;
            mentions.push(Mention {
                entity,
                source: SourceId(0),
                span: Span {
                    start: start as u32,
                    end: end as u32,
                    char_start,
                    char_end: char_start + text[start..end].chars().count() as u32,
                },
            });
        }
        mentions
    }
}

fn entity(name: &str, aliases: &[&str], shared: &[&str]) -> Entity {
    Entity {
        key: fold(name),
        kind: EntityKind::Person,
        name: name.to_owned(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        shared_aliases: shared.iter().map(|a| a.to_string()).collect(),
        description: None,
    }
}

fn matcher_of(entities: &[Entity]) -> Option<Matcher> {
    Matcher::new(
        entities
            .iter()
            .enumerate()
            .map(|(i, e)| (EntityId(i as u32), e)),
    )
}

/// The text of each mention of `names` (one entity each) in `text`, with the entity's index.
fn check(names: &[&str], text: &str, expected: &[(&str, u32)]) {
    let entities: Vec<Entity> = names.iter().map(|n| entity(n, &[], &[])).collect();
    let matcher = matcher_of(&entities).expect("names to match");
    let found: Vec<(&str, u32)> = mentions_in(SourceId(0), text, &[&matcher])
        .iter()
        .map(|m| {
            (
                &text[m.span.start as usize..m.span.end as usize],
                m.entity.0,
            )
        })
        .collect();
    assert_eq!(found, expected, "{names:?} in {text:?}");
}

#[test]
fn finds_whole_words_leftmost_then_longest() {
    check(
        &["Tom", "Tom Cruise", "Cruise's"],
        "Tom Cruise's film, Tomcat and TOM.",
        &[("Tom Cruise", 1), ("TOM", 0)],
    );
    check(
        &["Cruise's", "Tom"],
        "Tom Cruise's",
        &[("Tom", 1), ("Cruise's", 0)],
    );
    check(
        &["AC/DC", "DC"],
        "ac/dc and AC / DC, DC",
        &[("ac/dc", 0), ("DC", 1), ("DC", 1)],
    );
    check(
        &["Jr.", "Sammy Davis Jr."],
        "Sammy Davis Jr. and Jr.x",
        &[("Sammy Davis Jr.", 1)],
    );
    check(
        &["Léon", "Léon Marchand"],
        "LEON, léonard, Leon  Marchand",
        &[("LEON", 0), ("Leon", 0)],
    );
    check(
        &["'Ndrangheta"],
        "the ’Ndrangheta, x'ndrangheta",
        &[("’Ndrangheta", 0)],
    );
    check(&["!!!"], "wow!!!! !!! a!!!", &[("!!!", 0), ("!!!", 0)]);
    check(&[" Gap "], "the gap: mind the  gap  now", &[(" gap ", 0)]);
}

#[test]
fn runs_whose_keys_collide_are_told_apart() {
    let mut by_key: FastMap<u32, String> = FastMap::default();
    let (first, second) = (0u32..)
        .map(|n| format!("w{n}"))
        .find_map(|word| {
            let other = by_key.insert(run_key(&word), word.clone());
            other.map(|other| (other, word))
        })
        .expect("32-bit keys collide within a few hundred thousand words");
    let longer = format!("{second} y");
    check(
        &[&first, &second, &longer],
        &format!("{first} y {second} y {first}"),
        &[(&first, 0), (&longer, 2), (&first, 0)],
    );
}

#[test]
fn shared_aliases_and_blank_names_are_not_matched() {
    let entities = [
        entity("Paris", &["City of Light"], &["City of Light"]),
        entity("  ", &["Lutetia"], &[]),
    ];
    let matcher = matcher_of(&entities).expect("names to match");
    let found = mentions_in(
        SourceId(0),
        "Paris, City of Light, was Lutetia",
        &[&matcher],
    );
    let owners: Vec<u32> = found.iter().map(|m| m.entity.0).collect();
    assert_eq!(owners, [0, 1]);
    assert!(matcher_of(&[entity(" ", &[], &[])]).is_none());
}

#[test]
fn spans_count_characters_of_the_original_text() {
    let text = "Ça: ÉDITH PIAF ’n’ Édith";
    let entities = [entity("Édith Piaf", &["Edith"], &[])];
    let matcher = matcher_of(&entities).expect("names to match");
    let found = mentions_in(SourceId(0), text, &[&matcher]);
    assert_eq!(
        found,
        Reference::new(&entities).expect("names").mentions(text)
    );
    let chars: Vec<(u32, u32)> = found
        .iter()
        .map(|m| (m.span.char_start, m.span.char_end))
        .collect();
    assert_eq!(chars, [(4, 14), (19, 24)]);
}

const WORDS: &[&str] = &[
    "tom", "Tom", "TOM", "cruise", "léon", "LEON", "Léon", "jr", "ac", "dc", "s", "a", "ab", "é",
    "É", "1", "x2", "ß", "ǅ", "ﬁ",
];
const GAPS: &[&str] = &[
    " ", "  ", ".", ". ", "/", " / ", "'", "’", "-", "–", ", ", "\n", "!", "!!", "",
];

fn words_and_gaps(max: usize) -> impl Strategy<Value = String> {
    (
        prop::sample::select(GAPS),
        prop::collection::vec(
            (prop::sample::select(WORDS), prop::sample::select(GAPS)),
            0..max,
        ),
    )
        .prop_map(|(lead, parts)| {
            let mut text = if lead.contains(char::is_whitespace) {
                String::new()
            } else {
                lead.to_owned()
            };
            for (word, gap) in parts {
                text.push_str(word);
                text.push_str(gap);
            }
            text
        })
}

/// A name: one to three words with what may come before and after them, or only
/// punctuation.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (words_and_gaps(3), prop::sample::select(&["", "'", "(", " "][..]))
            .prop_map(|(words, lead)| format!("{lead}{words}")),
        1 => prop::sample::select(&["!", "!!", "'", ".", "/", " - ", "’"][..]).prop_map(str::to_owned),
    ]
}

fn entities() -> impl Strategy<Value = Vec<Entity>> {
    prop::collection::vec(
        (name(), prop::collection::vec(name(), 0..3), any::<bool>()),
        1..8,
    )
    .prop_map(|list| {
        list.into_iter()
            .map(|(name, aliases, share)| {
                let shared: Vec<String> =
                    aliases.iter().take(usize::from(share)).cloned().collect();
                Entity {
                    shared_aliases: shared,
                    ..entity(
                        &name,
                        &aliases.iter().map(String::as_str).collect::<Vec<_>>(),
                        &[],
                    )
                }
            })
            .collect()
    })
}

/// A text made of the names' own words and gaps, so that names occur, overlap and touch.
fn text_of(entities: &[Entity], pieces: &[(usize, String)]) -> String {
    let names: Vec<&str> = entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(String::as_str)
        .collect();
    let mut text = String::new();
    for (pick, filler) in pieces {
        text.push_str(names[pick % names.len()]);
        text.push_str(filler);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn finds_what_the_automaton_found(
        entities in entities(),
        pieces in prop::collection::vec((any::<usize>(), words_and_gaps(3)), 0..10),
    ) {
        let text = text_of(&entities, &pieces);
        let folded = fold(&text);
        let reference = Reference::new(&entities);
        let matcher = matcher_of(&entities);
        prop_assert_eq!(reference.is_some(), matcher.is_some());
        let (Some(reference), Some(matcher)) = (reference, matcher) else {
            return Ok(());
        };
        let mut expected = reference.candidates(&folded);
        expected.sort_unstable();
        let mut found = Vec::new();
        matcher.candidates(&folded, &mut found);
        found.sort_unstable();
        prop_assert_eq!(&found, &expected, "text {:?}", folded);
        prop_assert_eq!(matcher.occurs_in(&folded), !expected.is_empty());
        prop_assert_eq!(mentions_in(SourceId(0), &text, &[&matcher]), reference.mentions(&text));
    }

    #[test]
    fn finds_names_in_random_text(
        entities in entities(),
        text in words_and_gaps(30),
    ) {
        let folded = fold(&text);
        let Some(reference) = Reference::new(&entities) else { return Ok(()) };
        let matcher = matcher_of(&entities).expect("the reference has names");
        let mut expected = reference.candidates(&folded);
        expected.sort_unstable();
        let mut found = Vec::new();
        matcher.candidates(&folded, &mut found);
        found.sort_unstable();
        prop_assert_eq!(found, expected);
    }
}

proptest! {
    // Fewer cases: some are rejected (two entities with one folded name).
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn several_matchers_find_what_one_finds(
        entities in entities(),
        split in any::<usize>(),
        pieces in prop::collection::vec((any::<usize>(), words_and_gaps(3)), 0..10),
    ) {
        let text = text_of(&entities, &pieces);
        let split = split % (entities.len() + 1);
        let folded_names = |list: &[Entity]| -> std::collections::HashSet<String> {
            list.iter().flat_map(|e| std::iter::once(&e.name).chain(&e.aliases)).map(|n| fold(n)).collect()
        };
        // One owner per folded name, as validation guarantees.
        prop_assume!(folded_names(&entities[..split]).is_disjoint(&folded_names(&entities[split..])));
        let Some(reference) = Reference::new(&entities) else { return Ok(()) };
        let first = matcher_of(&entities[..split]);
        let second = Matcher::new(
            entities.iter().enumerate().skip(split).map(|(i, e)| (EntityId(i as u32), e)),
        );
        let matchers: Vec<&Matcher> = first.iter().chain(&second).collect();
        prop_assert_eq!(mentions_in(SourceId(0), &text, &matchers), reference.mentions(&text));
    }
}

#[test]
fn the_seed_gives_the_mentions_the_automaton_gave() {
    let graph = crate::dataset::load_embedded().expect("the seed loads");
    let entities = graph.entities.base();
    let sources = graph.sources.base();
    let reference = Reference::new(entities).expect("the seed has names");
    let mut expected = Vec::new();
    for (s, source) in sources.iter().enumerate() {
        expected.extend(
            reference
                .mentions(&source.text)
                .into_iter()
                .map(|m| Mention {
                    source: SourceId(s as u32),
                    ..m
                }),
        );
    }
    assert!(expected.len() > 100, "{} mentions", expected.len());
    assert_eq!(find_all(entities, sources, &mut |_, _| {}), expected);
}
