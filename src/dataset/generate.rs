//! A synthetic dataset generator for benchmarks and scale tests.
//!
//! [`generate`] writes a dataset in the project's own format (`seed/README.md`) with `entities`
//! entities of every kind, about `claims_per_entity` relation claims per entity on a power-law
//! degree distribution, source texts made of the sentences that state those claims, and a few
//! quantity claims. Everything is a pure function of the options: the same seed writes the same
//! bytes on every machine (the random generator is SplitMix64, implemented here).
//!
//! Every claim is valid: predicates only join the kinds they allow, every name folds to a
//! different text, and every evidence quote occurs verbatim in its source (with `occurrence`
//! when a quote happens to occur more than once), so `olympia-kg check DIR` passes.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::graph::fold::fold;
use crate::graph::{EntityKind, PredicateDef};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// Number of entities.
    pub entities: usize,
    /// Seed of the random generator.
    pub seed: u64,
    /// Average relation claims per entity (each claim counts once, at its subject's side).
    pub claims_per_entity: usize,
    /// Relation claims stated by each source text.
    pub claims_per_source: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            entities: 1000,
            seed: 1,
            claims_per_entity: 10,
            claims_per_source: 40,
        }
    }
}

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Entities written.
    pub entities: usize,
    /// Relation claims written.
    pub claims: usize,
    /// Quantity claims written.
    pub quantities: usize,
    /// Source texts written.
    pub sources: usize,
    /// Bytes of source text written.
    pub text_bytes: usize,
}

/// SplitMix64: small, fast and stable across versions and platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index in `0..n` drawn half the time uniformly and half the time from a Zipf-like
    /// law (rank r with probability ∝ r^-0.5), so that degrees follow a power law with a long
    /// tail of hubs while every entity keeps a few claims.
    fn skewed(&mut self, n: usize) -> usize {
        if self.next() & 1 == 0 {
            self.below(n)
        } else {
            let u = self.unit();
            ((u * u * n as f64) as usize).min(n - 1)
        }
    }
}

const FIRST: &[&str] = &[
    "Ada",
    "Adrien",
    "Aiko",
    "Alba",
    "Aleksander",
    "Amara",
    "Amelie",
    "Ana",
    "Anders",
    "Anouk",
    "Arjun",
    "Astrid",
    "Aya",
    "Beatriz",
    "Benedikt",
    "Bruno",
    "Camille",
    "Carlos",
    "Chiara",
    "Chloé",
    "Dalia",
    "Daniel",
    "Diego",
    "Dmitri",
    "Elena",
    "Elif",
    "Emeka",
    "Emil",
    "Esther",
    "Fatima",
    "Felix",
    "Freya",
    "Gabriel",
    "Giulia",
    "Hana",
    "Hannah",
    "Hugo",
    "Ines",
    "Ingrid",
    "Isaac",
    "Ivan",
    "Jamal",
    "Jana",
    "Jasper",
    "Joaquín",
    "Jonas",
    "Julia",
    "Kai",
    "Karim",
    "Kenji",
    "Lars",
    "Léa",
    "Leila",
    "Leon",
    "Lina",
    "Lucas",
    "Lucía",
    "Maja",
    "Malik",
    "Marco",
    "Maria",
    "Mateo",
    "Maya",
    "Mei",
    "Mikkel",
    "Nadia",
    "Naomi",
    "Nico",
    "Nina",
    "Noah",
    "Nora",
    "Olga",
    "Omar",
    "Oskar",
    "Paolo",
    "Pedro",
    "Priya",
    "Rafael",
    "Rania",
    "Rosa",
    "Ruben",
    "Sakura",
    "Samir",
    "Sara",
    "Sebastián",
    "Sofia",
    "Soren",
    "Tariq",
    "Thea",
    "Tomás",
    "Valentina",
    "Viktor",
    "Wei",
    "Yara",
    "Yusuf",
    "Zara",
    "Zoé",
    "Aurélien",
    "Bianca",
    "Cyril",
    "Dorota",
    "Émile",
    "Farah",
    "Gustav",
    "Helena",
    "Idris",
    "Jorge",
    "Kamala",
    "Liam",
    "Mirela",
    "Nils",
    "Odile",
    "Pia",
    "Quentin",
    "Renata",
    "Stefan",
    "Teodor",
    "Ulla",
    "Vera",
    "Wanda",
    "Xavier",
];

const LAST_HEAD: &[&str] = &[
    "Ander", "Bauer", "Berg", "Blanc", "Brandt", "Cal", "Castel", "Dal", "Dunn", "Eck", "Fair",
    "Fern", "Gold", "Grün", "Hall", "Hart", "Holm", "Iver", "Kessel", "Kirk", "Lind", "Lowe",
    "Marsh", "Mont", "Nord", "Oak", "Ost", "Pell", "Quist", "Ros", "Sand", "Stein", "Stone",
    "Thorn", "Vall", "Wald", "West", "Wick", "Wolf", "Yates", "Alder", "Bright", "Crane", "Dover",
    "Elling", "Falk", "Garr", "Hayes", "Jaro", "Kova", "Laurent", "Moreau", "Navar", "Oliva",
    "Petrov", "Rocha", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Zamora",
];

const LAST_TAIL: &[&str] = &[
    "", "son", "sen", "berg", "strom", "feld", "mann", "ley", "ton", "wood", "ford", "well",
    "ridge", "worth", "ini", "ez", "ova", "enko", "ström", "dottir", "ers", "ing", "ach", "hurst",
    "by", "more", "ham", "ard", "eau", "ski",
];

const PLACE_HEAD: &[&str] = &[
    "Ash", "Bel", "Bright", "Cold", "Crest", "Dun", "East", "Elm", "Fair", "Glen", "Green",
    "Hazel", "High", "Iron", "Kings", "Lake", "Long", "Maple", "Mill", "New", "North", "Oak",
    "Port", "Queens", "Red", "River", "Rose", "Salt", "Silver", "South", "Stan", "Stone", "Sun",
    "West", "White", "Wind", "Wolf", "Arden", "Bram", "Corin", "Dal", "Esk", "Fen", "Gar", "Hel",
    "Istra", "Jor", "Kel", "Lor", "Mar", "Nes", "Or", "Pra", "Rav", "Sel", "Tor", "Val", "Ver",
];

const PLACE_TAIL: &[&str] = &[
    "ford", "field", "brook", "ton", "wick", "bury", "haven", "mouth", "dale", "gate", "port",
    "stead", "wood", "ville", "mere", "holm", "vik", "burg", "stad", "ona", "era", "anto", "ovo",
    "ice", "ac", "ingen", "heim", "by", "cliff", "moor",
];

const COUNTRY_TAIL: &[&str] = &["ia", "land", "onia", "ara", "avia", "istan", "ea", "ovia"];

const ADJECTIVE: &[&str] = &[
    "Amber",
    "Blue",
    "Broken",
    "Burning",
    "Crimson",
    "Distant",
    "Electric",
    "Endless",
    "Falling",
    "Gentle",
    "Golden",
    "Hidden",
    "Hollow",
    "Iron",
    "Lonely",
    "Lucky",
    "Midnight",
    "Neon",
    "Northern",
    "Painted",
    "Quiet",
    "Restless",
    "Scarlet",
    "Secret",
    "Silent",
    "Silver",
    "Stolen",
    "Summer",
    "Velvet",
    "Wild",
    "Winter",
    "Wandering",
    "Electric",
    "Paper",
    "Glass",
    "Copper",
];

const NOUN: &[&str] = &[
    "Anchors",
    "Arrows",
    "Bells",
    "Birds",
    "Comets",
    "Crowns",
    "Dreamers",
    "Echoes",
    "Embers",
    "Foxes",
    "Giants",
    "Harbors",
    "Horses",
    "Kings",
    "Lanterns",
    "Lions",
    "Mirrors",
    "Moons",
    "Orchids",
    "Pilots",
    "Rivers",
    "Sailors",
    "Shadows",
    "Sparrows",
    "Stars",
    "Storms",
    "Tides",
    "Tigers",
    "Wolves",
    "Rockets",
    "Owls",
    "Engines",
    "Ravens",
    "Saints",
    "Strangers",
    "Waves",
];

const SONG_NOUN: &[&str] = &[
    "Morning", "Heart", "Road", "Light", "Summer", "River", "Letter", "Garden", "Promise", "Echo",
    "Dream", "Horizon", "Lullaby", "Parade", "Tide", "Waltz", "Window", "Harbor", "Fire", "Sky",
];

const ORG_KIND: &[&str] = &[
    "Federation",
    "Committee",
    "Association",
    "Union",
    "Council",
    "Foundation",
    "Institute",
    "Academy",
    "Agency",
    "Club",
    "League",
    "Society",
    "Trust",
    "Ministry of Sport",
    "Broadcasting",
];

const EVENT_KIND: &[&str] = &[
    "Marathon",
    "Games",
    "Festival",
    "Open",
    "Championship",
    "Cup",
    "Regatta",
    "Grand Prix",
    "Summit",
    "Closing Ceremony",
    "Opening Ceremony",
    "Relay",
    "Triathlon",
    "Derby",
    "Classic",
];

const GROUP_KIND: &[&str] = &[
    "Rowing Club",
    "Football Club",
    "Choir",
    "Orchestra",
    "Relay Team",
];

const WORK_KIND: &[&str] = &["", "", "", " Suite", " Overture", " (Reprise)", " Anthem"];

const OPENERS: &[&str] = &[
    "",
    "",
    "",
    "On Sunday, ",
    "Earlier this week, ",
    "According to organisers, ",
    "As expected, ",
    "In a surprise, ",
    "Officials confirmed that ",
    "Once again, ",
];

const FILLER: &[&str] = &[
    "The crowd rose to its feet.",
    "Rain had threatened all afternoon.",
    "Tickets sold out within hours.",
    "Broadcasters reported record audiences.",
    "The mood in the city was festive.",
    "Security was tight around the venue.",
];

/// The verb phrase that states a predicate, subject first: its name's words (`HANDED_FLAG_TO`
/// reads "handed flag to"), so that any vocabulary can be generated.
fn phrase(def: &PredicateDef) -> String {
    def.name.to_lowercase().replace('_', " ")
}

/// Kind shares, in per mille.
const KIND_SHARE: &[(EntityKind, u32)] = &[
    (EntityKind::Person, 560),
    (EntityKind::Group, 80),
    (EntityKind::Country, 5),
    (EntityKind::Place, 100),
    (EntityKind::Organization, 80),
    (EntityKind::Event, 100),
    (EntityKind::Work, 75),
];

struct Entity {
    id: String,
    kind: EntityKind,
    name: String,
    aliases: Vec<String>,
    description: Option<String>,
}

fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn candidate_name(rng: &mut Rng, kind: EntityKind, attempt: u32) -> String {
    let place = |rng: &mut Rng| format!("{}{}", rng.pick(PLACE_HEAD), rng.pick(PLACE_TAIL));
    let mut name = match kind {
        EntityKind::Person => {
            let last = format!("{}{}", rng.pick(LAST_HEAD), rng.pick(LAST_TAIL));
            if attempt > 0 || rng.below(4) == 0 {
                let initial = (b'A' + rng.below(26) as u8) as char;
                format!("{} {initial}. {last}", rng.pick(FIRST))
            } else {
                format!("{} {last}", rng.pick(FIRST))
            }
        }
        EntityKind::Group => {
            if rng.below(3) == 0 {
                format!("{} {}", place(rng), rng.pick(GROUP_KIND))
            } else {
                format!("The {} {}", rng.pick(ADJECTIVE), rng.pick(NOUN))
            }
        }
        EntityKind::Country => {
            let head = rng.pick(PLACE_HEAD);
            format!("{head}{}", rng.pick(COUNTRY_TAIL))
        }
        EntityKind::Place => place(rng),
        EntityKind::Organization => format!("{} {}", place(rng), rng.pick(ORG_KIND)),
        EntityKind::Event => format!(
            "{} {} {}",
            1990 + rng.below(35),
            place(rng),
            rng.pick(EVENT_KIND)
        ),
        EntityKind::Work => format!(
            "{} {}{}",
            rng.pick(ADJECTIVE),
            rng.pick(SONG_NOUN),
            rng.pick(WORK_KIND)
        ),
    };
    // Past a few collisions, a Roman-style ordinal keeps names unique and still readable.
    if attempt >= 3 {
        let _ = write!(name, " {}", roman(attempt as usize - 1));
    }
    name
}

fn roman(mut n: usize) -> String {
    const TABLE: &[(usize, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

fn entities(rng: &mut Rng, n: usize) -> Vec<Entity> {
    let mut names: HashSet<String> = HashSet::with_capacity(n * 2);
    let mut ids: HashSet<String> = HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    let total: u32 = KIND_SHARE.iter().map(|&(_, w)| w).sum();
    for i in 0..n {
        // The first entities cover every kind, so that every predicate has ends to join.
        let kind = match KIND_SHARE.get(i) {
            Some(&(kind, _)) => kind,
            None => {
                let mut r = rng.below(total as usize) as u32;
                KIND_SHARE
                    .iter()
                    .find(|&&(_, w)| {
                        let hit = r < w;
                        r = r.saturating_sub(w);
                        hit
                    })
                    .map_or(EntityKind::Person, |&(k, _)| k)
            }
        };
        let mut attempt = 0;
        let name = loop {
            let name = candidate_name(rng, kind, attempt);
            let folded = fold(&name);
            if !names.contains(&folded) && !ids.contains(&slug(&name)) {
                names.insert(folded);
                break name;
            }
            attempt += 1;
        };
        let id = slug(&name);
        ids.insert(id.clone());
        let mut aliases = Vec::new();
        if let Some(short) = name.strip_prefix("The ") {
            let folded = fold(short);
            if !names.contains(&folded) {
                names.insert(folded);
                aliases.push(short.to_owned());
            }
        }
        let description = (rng.below(8) == 0).then(|| match kind {
            EntityKind::Person => "Synthetic person, generated for benchmarks".to_owned(),
            k => format!("Synthetic {k}, generated for benchmarks"),
        });
        out.push(Entity {
            id,
            kind,
            name,
            aliases,
            description,
        });
    }
    out
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// A claim as planned: ends, predicate, phrase and where its quote sits in its source.
struct Planned {
    subject: u32,
    object: u32,
    predicate: usize,
    quote: (usize, usize),
}

/// Writes a dataset of `options.entities` entities into `out` (created if missing; existing
/// dataset files are overwritten). `progress` is called with the number of claims written.
pub fn generate(
    options: &Options,
    out: &Path,
    mut progress: impl FnMut(usize),
) -> io::Result<Written> {
    let n = options.entities.max(KIND_SHARE.len());
    let mut rng = Rng(options.seed);
    let entities = entities(&mut rng, n);

    let mut by_kind: Vec<Vec<u32>> = vec![Vec::new(); EntityKind::ALL.len()];
    for (i, e) in entities.iter().enumerate() {
        by_kind[e.kind as usize].push(i as u32);
    }
    // The seed's vocabulary, written alongside: every predicate equally likely.
    let seed = super::load_embedded().map_err(|e| io::Error::other(e.to_string()))?;
    let predicates = seed.vocabulary().predicates();
    let phrases: Vec<String> = predicates.iter().map(phrase).collect();

    fs::create_dir_all(out.join("sources"))?;
    fs::write(out.join(super::resolve::VOCABULARY), super::SEED_VOCABULARY)?;
    let mut entities_out = BufWriter::new(File::create(out.join("entities.jsonl"))?);
    writeln!(
        entities_out,
        "# Synthetic entities: olympia-kg generate --entities {} --seed {}",
        options.entities, options.seed
    )?;
    for e in &entities {
        let mut line = format!(
            "{{\"id\": \"{}\", \"kind\": \"{}\", \"name\": {}",
            e.id,
            e.kind,
            json(&e.name)
        );
        if !e.aliases.is_empty() {
            let aliases: Vec<String> = e.aliases.iter().map(|a| json(a)).collect();
            let _ = write!(line, ", \"aliases\": [{}]", aliases.join(", "));
        }
        if let Some(d) = &e.description {
            let _ = write!(line, ", \"description\": {}", json(d));
        }
        line.push('}');
        writeln!(entities_out, "{line}")?;
    }
    entities_out.flush()?;

    let total_claims = n * options.claims_per_entity;
    let per_source = options.claims_per_source.max(1);
    let mut sources_out = BufWriter::new(File::create(out.join("sources.jsonl"))?);
    let mut claims_out = BufWriter::new(File::create(out.join("claims.jsonl"))?);
    let mut quantities_out = BufWriter::new(File::create(out.join("quantities.jsonl"))?);
    let mut written = Written {
        entities: n,
        ..Written::default()
    };
    let pick_kind = |rng: &mut Rng, allowed: &[EntityKind]| -> Option<EntityKind> {
        let total: usize = allowed.iter().map(|&k| by_kind[k as usize].len()).sum();
        if total == 0 {
            return None;
        }
        let mut r = rng.below(total);
        for &k in allowed {
            let len = by_kind[k as usize].len();
            if r < len {
                return Some(k);
            }
            r -= len;
        }
        None
    };

    let mut claim = 0usize;
    let mut source = 0usize;
    while claim < total_claims {
        let key = format!("report-{source:07}");
        let file = format!("sources/{source:07}.txt");
        let in_this = per_source.min(total_claims - claim);
        let mut text = String::with_capacity(in_this * 70);
        let mut planned: Vec<Planned> = Vec::with_capacity(in_this);
        let mut quantities: Vec<(u32, u64, (usize, usize))> = Vec::new();
        while planned.len() < in_this {
            let predicate = rng.below(predicates.len());
            let def = &predicates[predicate];
            let (Some(sk), Some(ok)) = (
                pick_kind(&mut rng, &def.subject),
                pick_kind(&mut rng, &def.object),
            ) else {
                continue;
            };
            let (subjects, objects) = (&by_kind[sk as usize], &by_kind[ok as usize]);
            let subject = subjects[rng.skewed(subjects.len())];
            let object = objects[rng.skewed(objects.len())];
            if subject == object {
                continue;
            }
            let phrase = &phrases[predicate];
            if !text.is_empty() {
                text.push(' ');
            }
            if rng.below(12) == 0 {
                let filler = FILLER[rng.below(FILLER.len())];
                text.push_str(filler);
                text.push(' ');
            }
            let opener = *rng.pick(OPENERS);
            text.push_str(opener);
            let start = text.len();
            let _ = write!(
                text,
                "{} {phrase} {}",
                entities[subject as usize].name, entities[object as usize].name
            );
            let end = text.len();
            text.push('.');
            planned.push(Planned {
                subject,
                object,
                predicate,
                quote: (start, end),
            });
            // Now and then a figure about an event, stated in its own sentence.
            if rng.below(20) == 0 {
                let events = &by_kind[EntityKind::Event as usize];
                let event = events[rng.skewed(events.len())];
                let value = 1000 * (1 + rng.below(90)) as u64;
                text.push(' ');
                let start = text.len();
                let _ = write!(
                    text,
                    "{} drew around {} spectators",
                    entities[event as usize].name,
                    thousands(value)
                );
                let end = text.len();
                text.push('.');
                quantities.push((event, value, (start, end)));
            }
        }
        text.push('\n');

        let occurrence = |span: (usize, usize)| -> Option<usize> {
            let quote = &text[span.0..span.1];
            let mut before = 0;
            let mut total = 0;
            for (at, _) in text.match_indices(quote) {
                total += 1;
                if at < span.0 {
                    before += 1;
                }
            }
            (total > 1).then_some(before + 1)
        };
        let evidence = |span: (usize, usize)| -> String {
            let mut item = format!(
                "{{\"source\": \"{key}\", \"quote\": {}",
                json(&text[span.0..span.1])
            );
            if let Some(k) = occurrence(span) {
                let _ = write!(item, ", \"occurrence\": {k}");
            }
            item.push('}');
            item
        };
        for p in &planned {
            let mut line = format!(
                "{{\"subject\": \"{}\", \"predicate\": \"{}\", \"object\": \"{}\"",
                entities[p.subject as usize].id,
                predicates[p.predicate].name,
                entities[p.object as usize].id
            );
            let _ = writeln!(line, ", \"evidence\": [{}]}}", evidence(p.quote));
            claims_out.write_all(line.as_bytes())?;
        }
        for &(event, value, span) in &quantities {
            writeln!(
                quantities_out,
                "{{\"subject\": \"{}\", \"property\": \"spectators\", \"value\": {value}, \"unit\": \"people\", \"hedge\": \"around\", \"evidence\": [{}]}}",
                entities[event as usize].id,
                evidence(span)
            )?;
        }
        fs::write(out.join(&file), &text)?;
        let year = 2015 + rng.below(10);
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        writeln!(
            sources_out,
            "{{\"id\": \"{key}\", \"file\": \"{file}\", \"title\": \"Synthetic report {source}\", \"published_on\": \"{year}-{month:02}-{day:02}\", \"language\": \"en\", \"outlet\": null}}"
        )?;
        claim += planned.len();
        written.claims += planned.len();
        written.quantities += quantities.len();
        written.text_bytes += text.len();
        written.sources += 1;
        source += 1;
        progress(claim);
    }
    sources_out.flush()?;
    claims_out.flush()?;
    quantities_out.flush()?;
    Ok(written)
}

/// `12000` as `12,000`.
fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_datasets_load_and_are_deterministic() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let options = Options {
            entities: 500,
            seed: 7,
            ..Options::default()
        };
        let written = generate(&options, dir.path(), |_| {}).expect("the dataset is written");
        assert_eq!(written.entities, 500);
        assert_eq!(written.claims, 5000);
        let graph = crate::dataset::load_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(graph.entities().len(), 500);
        assert_eq!(graph.claims().len(), 5000);
        assert!(!graph.mentions().is_empty());

        let again = tempfile::tempdir().expect("a temporary directory");
        generate(&options, again.path(), |_| {}).expect("the dataset is written");
        for file in ["entities.jsonl", "claims.jsonl", "sources/0000003.txt"] {
            let a = fs::read(dir.path().join(file)).expect("written");
            let b = fs::read(again.path().join(file)).expect("written");
            assert!(a == b, "{file} differs between two runs with one seed");
        }
    }

    #[test]
    fn numbers_and_ordinals_read_naturally() {
        assert_eq!(thousands(71500), "71,500");
        assert_eq!(thousands(999), "999");
        assert_eq!(roman(14), "XIV");
        assert_eq!(slug("Chloé K. Ander-son"), "chloe-k-ander-son");
    }
}
