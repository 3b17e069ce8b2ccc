//! The cost estimate is an upper bound of the work: for random queries over the seed, built from
//! the schema itself (every field, argument and interface it has), the fields actually resolved
//! never exceed the estimate the limiter admitted.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_graphql::parser::types::{BaseType, TypeKind, TypeSystemDefinition};
use olympia_kg::graph::KnowledgeGraph;
use olympia_kg::schema::{self, KgSchema, QueryLimits, Request, RequestBudget, SchemaConfig};
use proptest::prelude::*;

/// A field as the generator sees it.
struct FieldDef {
    name: String,
    ty: String,
    args: Vec<(String, String, bool, bool)>, // name, named type, list, required
}

struct Schema {
    fields: HashMap<String, Vec<FieldDef>>,
    implementers: HashMap<String, Vec<String>>,
    enums: HashMap<String, Vec<String>>,
}

fn named(base: &BaseType) -> (String, bool) {
    match base {
        BaseType::Named(name) => (name.to_string(), false),
        BaseType::List(inner) => (named(&inner.base).0, true),
    }
}

fn read_schema() -> Schema {
    let document = async_graphql::parser::parse_schema(schema::sdl(
        &olympia_kg::dataset::load_embedded().expect("the seed loads"),
    ))
    .expect("the SDL parses");
    let mut s = Schema {
        fields: HashMap::new(),
        implementers: HashMap::new(),
        enums: HashMap::new(),
    };
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let name = ty.node.name.node.to_string();
        let fields = match ty.node.kind {
            TypeKind::Object(o) => {
                for i in &o.implements {
                    s.implementers
                        .entry(i.node.to_string())
                        .or_default()
                        .push(name.clone());
                }
                o.fields
            }
            TypeKind::Interface(i) => i.fields,
            TypeKind::Enum(e) => {
                s.enums.insert(
                    name,
                    e.values
                        .iter()
                        .map(|v| v.node.value.node.to_string())
                        .collect(),
                );
                continue;
            }
            _ => continue,
        };
        let defs = fields
            .into_iter()
            .map(|f| FieldDef {
                name: f.node.name.node.to_string(),
                ty: named(&f.node.ty.node.base).0,
                args: f
                    .node
                    .arguments
                    .iter()
                    .map(|a| {
                        let (ty, list) = named(&a.node.ty.node.base);
                        let required = !a.node.ty.node.nullable && a.node.default_value.is_none();
                        (a.node.name.node.to_string(), ty, list, required)
                    })
                    .collect(),
            })
            .collect();
        s.fields.insert(name, defs);
    }
    s
}

/// SplitMix64: a tiny deterministic generator seeded by proptest.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Generator<'a> {
    schema: &'a Schema,
    rng: Rng,
    entities: &'a [String],
    sources: &'a [String],
    claims: &'a [String],
    names: &'a [String],
}

impl Generator<'_> {
    fn id_for(&mut self, field: &str) -> String {
        let pool = match field {
            "source" => self.sources,
            "relation" => self.claims,
            "node" if self.rng.chance(30) => self.claims,
            _ => self.entities,
        };
        format!("{:?}", self.rng.pick(pool))
    }

    fn value(&mut self, field: &str, arg: &str, ty: &str, list: bool) -> String {
        let one = |g: &mut Self| -> String {
            match (arg, ty) {
                (_, "ID") => g.id_for(field),
                ("text", _) => format!("{:?}", g.rng.pick(g.names)),
                ("first" | "last", _) => (1 + g.rng.below(30)).to_string(),
                ("maxHops", _) => (1 + g.rng.below(3)).to_string(),
                ("hops", _) => (1 + g.rng.below(2)).to_string(),
                (_, "Int") => (1 + g.rng.below(5)).to_string(),
                (_, "Boolean") => g.rng.chance(50).to_string(),
                (_, "String") => "\"spectators\"".to_owned(),
                (_, ty) => match g.schema.enums.get(ty) {
                    Some(values) => g.rng.pick(values).clone(),
                    None => "null".to_owned(),
                },
            }
        };
        if list {
            let n = 1 + self.rng.below(4);
            let items: Vec<String> = (0..n).map(|_| one(self)).collect();
            format!("[{}]", items.join(", "))
        } else {
            one(self)
        }
    }

    fn selection(&mut self, ty: &str, depth: usize) -> String {
        let schema = self.schema;
        let Some(fields) = schema.fields.get(ty) else {
            return String::new();
        };
        let mut parts = Vec::new();
        let picks = 1 + self.rng.below(3);
        for _ in 0..picks {
            let field = self.rng.pick(fields);
            let composite = schema.fields.contains_key(&field.ty);
            if composite && depth == 0 {
                continue;
            }
            let mut args = Vec::new();
            for (name, arg_ty, list, required) in &field.args {
                if *required
                    || (self.rng.chance(40) && !matches!(name.as_str(), "after" | "before"))
                {
                    // `first` with `last` is a contradiction the server refuses; skip `last`.
                    if name == "last" && args.iter().any(|a: &String| a.starts_with("first")) {
                        continue;
                    }
                    let value = self.value(&field.name, name, arg_ty, *list);
                    args.push(format!("{name}: {value}"));
                }
            }
            let alias = format!("f{}", self.rng.below(1_000_000));
            let args = if args.is_empty() {
                String::new()
            } else {
                format!("({})", args.join(", "))
            };
            let mut part = format!("{alias}: {}{args}", field.name);
            if composite {
                let mut inner = self.selection(&field.ty, depth - 1);
                if let Some(types) = schema.implementers.get(&field.ty)
                    && self.rng.chance(50)
                {
                    let concrete = self.rng.pick(types).clone();
                    let sub = self.selection(&concrete, depth - 1);
                    inner.push_str(&format!(" ... on {concrete} {{ id {sub} }}"));
                }
                if inner.trim().is_empty() {
                    inner = "__typename".to_owned();
                }
                part.push_str(&format!(" {{ {inner} }}"));
            }
            parts.push(part);
        }
        parts.join(" ")
    }
}

/// What every run shares, built once: the schema as the generator reads it, the seed's ids and
/// names to put in arguments, and the executable schema with limits wide enough that only the
/// cost bound refuses a query (and that only past 300,000, so that large queries run too).
struct Fixture {
    schema_info: Schema,
    entities: Vec<String>,
    sources: Vec<String>,
    claims: Vec<String>,
    names: Vec<String>,
    schema: KgSchema,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let graph: Arc<KnowledgeGraph> =
            Arc::new(olympia_kg::dataset::load_embedded().expect("the seed loads"));
        let config = SchemaConfig {
            query_limits: QueryLimits {
                max_cost: 300_000,
                max_depth: 64,
                max_aliases: 10_000,
                max_root_fields: 10_000,
                max_tokens: 1_000_000,
                max_query_bytes: 1 << 20,
                ..QueryLimits::default()
            },
            ..SchemaConfig::default()
        };
        Fixture {
            schema_info: read_schema(),
            entities: graph.entities().iter().map(|e| e.key.clone()).collect(),
            sources: graph.sources().iter().map(|s| s.key.clone()).collect(),
            claims: graph.claims().map(|c| c.key().into_owned()).collect(),
            names: graph.entities().iter().map(|e| e.name.clone()).collect(),
            schema: schema::build_schema(graph, config),
        }
    })
}

/// One generated query and what running it cost.
struct Run {
    query: String,
    resolved: usize,
    estimate: usize,
    errors: Vec<String>,
}

fn run(seed: u64) -> Run {
    let f = fixture();
    let mut generator = Generator {
        schema: &f.schema_info,
        rng: Rng(seed),
        entities: &f.entities,
        sources: &f.sources,
        claims: &f.claims,
        names: &f.names,
    };
    let query = format!("{{ {} }}", generator.selection("Query", 4));
    let budget = RequestBudget::new(Duration::from_secs(600), usize::MAX);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let response = runtime.block_on(
        f.schema
            .execute(Request::new(query.clone()).data(budget.clone())),
    );
    Run {
        query,
        resolved: budget.fields_resolved(),
        estimate: budget.estimated_cost(),
        errors: response.errors.into_iter().map(|e| e.message).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn fields_resolved_never_exceed_the_estimate(seed in any::<u64>()) {
        let run = run(seed);
        prop_assert!(
            run.resolved <= run.estimate,
            "resolved {} fields, estimated {}: {}\nerrors: {:?}",
            run.resolved, run.estimate, run.query, run.errors
        );
    }
}

/// The generator is not vacuous: most of its queries run and resolve fields, some of them many.
#[test]
fn generated_queries_mostly_run() {
    let runs: Vec<Run> = (0..100).map(run).collect();
    let ran = runs.iter().filter(|r| r.resolved > 0).count();
    let most = runs.iter().map(|r| r.resolved).max().unwrap_or(0);
    let refused: Vec<&String> = runs
        .iter()
        .filter(|r| r.resolved == 0)
        .filter_map(|r| r.errors.first())
        .collect();
    assert!(
        ran >= 80,
        "only {ran} of 100 generated queries resolved anything: {refused:?}"
    );
    assert!(
        most >= 1000,
        "the largest generated query resolved only {most} fields"
    );
}
