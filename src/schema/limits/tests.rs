use super::cost::{Analysis, Scope};
use super::*;
use crate::schema::vocabulary::TypedFields;
use async_graphql::Variables;
use async_graphql::parser::types::{DocumentOperations, Selection, TypeKind, TypeSystemDefinition};

fn types() -> TypeInfo {
    let graph = crate::dataset::load_embedded().expect("the seed loads");
    let typed = TypedFields::new(graph.vocabulary());
    TypeInfo::new(&super::super::sdl(&graph), graph.list_bounds(), &typed)
}

fn cost(query: &str, variables: serde_json::Value) -> Result<usize, String> {
    let document = async_graphql::parser::parse_query(query).map_err(|e| e.to_string())?;
    check_document(
        &document,
        &Variables::from_json(variables),
        &QueryLimits::default(),
        &types(),
    )
    .map(|m| m.cost)
    .map_err(|e| e.message)
}

fn check(query: &str) -> Result<(), String> {
    cost(query, serde_json::json!({})).map(|_| ())
}

#[test]
fn tokens_are_counted_like_a_lexer() {
    assert_eq!(scan("{ a(b: \"x, y\") { ...F } } # c d e", 100).tokens, 12);
    assert_eq!(scan("query Q($n: Int = 1.5e3) { x }", 100).tokens, 13);
    assert_eq!(scan(&"{ a }".repeat(1000), 10).tokens, 10);
}

#[test]
fn nesting_is_measured_outside_strings_and_comments() {
    assert_eq!(scan("{ a(b: [[1]]) { c } }", 100).nesting, 4);
    assert_eq!(scan("{ a(b: \"[[[[[[\") } # {{{{{{", 100).nesting, 2);
    let standard = include_str!("../../../tests/queries/introspection.graphql");
    assert!(scan(standard, usize::MAX).nesting < MAX_NESTING / 4);
}

#[test]
fn the_documented_cost_of_a_page_of_relations() {
    let types = types();
    let per_claim = types.bounds.evidence_per_claim;
    let query = "{ entity(id: \"x\") { relations(first: 100) { nodes { predicate evidence { quote } } } } }";
    // entity + relations + nodes, then per relation: predicate, evidence, and a quote per
    // piece of evidence (at most `evidence_per_claim` of them).
    let expected = 1 + 1 + 100 * (1 + 1 + 1 + per_claim);
    assert_eq!(cost(query, serde_json::json!({})), Ok(expected));
}

#[test]
fn typed_relationship_fields_count_by_their_predicates_longest_list() {
    let types = types();
    let graph = crate::dataset::load_embedded().expect("the seed loads");
    let native_of = graph.vocabulary().find("NATIVE_OF").expect("in the seed");
    let homes = types.bounds.predicate_degree(native_of, false);
    assert!(homes >= 5, "California has five natives");
    let query = "{ entity(id: \"x\") { ... on Place { homeOf { id } } } }";
    assert_eq!(cost(query, serde_json::json!({})), Ok(1 + 1 + homes));
    // The connection twin counts by its page, like `relations`.
    let query =
        "{ entity(id: \"x\") { ... on Place { homeOfConnection(first: 50) { nodes { id } } } } }";
    assert_eq!(cost(query, serde_json::json!({})), Ok(1 + 1 + 50 * (1 + 1)));
    // Nesting typed fields multiplies, so a deep walk cannot slip under the limit.
    let walk = format!(
        "{{ entity(id: \"x\") {{ {} }} }}",
        (0..4).fold("id".to_owned(), |inner, _| format!(
            "... on Person {{ represents {{ representedBy {{ {inner} }} }} }}"
        ))
    );
    let degree = |name: &str, outgoing: bool| {
        let p = graph.vocabulary().find(name).expect("in the seed");
        types.bounds.predicate_degree(p, outgoing)
    };
    let (r, b) = (degree("REPRESENTS", true), degree("REPRESENTS", false));
    assert!(
        b > 1,
        "a country is represented by several people in the seed"
    );
    // A field counts once, its selection once per item it can return.
    let walked = (0..4).fold(1, |inner, _| 1 + r * (1 + b * inner));
    assert_eq!(cost(&walk, serde_json::json!({})), Ok(1 + walked));
}

#[test]
fn unbounded_lists_count_by_the_longest_list_of_their_kind() {
    let types = types();
    let b = &types.bounds;
    assert!(b.mentions_per_source > 60, "{b:?}");
    let query = "{ source(id: \"x\") { mentions { text } } }";
    assert_eq!(check(query), Ok(()));
    assert_eq!(
        cost(query, serde_json::json!({})),
        Ok(1 + 1 + b.mentions_per_source)
    );
    // The 419-byte amplification query: four aliases of a chain of mentions.
    let amplification = "{ a0: entity(id:\"paris\") { mentions { source { mentions { source { mentions { source { text } } } } } } } a1: entity(id:\"paris\") { mentions { source { mentions { source { mentions { source { text } } } } } } } a2: entity(id:\"paris\") { mentions { source { mentions { source { mentions { source { text } } } } } } } a3: entity(id:\"paris\") { mentions { source { mentions { source { mentions { source { text } } } } } } } }";
    let message = check(amplification).expect_err("refused");
    assert!(message.contains("--max-cost"), "{message}");
}

#[test]
fn every_list_field_of_the_schema_has_a_bound_of_its_own() {
    let types = types();
    let largest = types.bounds.largest;
    let mut unbounded = Vec::new();
    let graph = crate::dataset::load_embedded().expect("the seed loads");
    let document = async_graphql::parser::parse_schema(super::super::sdl(&graph)).expect("sdl");
    for ((parent, field), info) in types.fields.iter() {
        if !info.list {
            continue;
        }
        // A field with a page argument is bounded by it; the rest must be in the table.
        let has_page = document.definitions.iter().any(|d| match d {
            TypeSystemDefinition::Type(t) if t.node.name.node == parent.as_str() => {
                let fields = match &t.node.kind {
                    TypeKind::Object(o) => &o.fields,
                    TypeKind::Interface(i) => &i.fields,
                    _ => return false,
                };
                fields.iter().any(|f| {
                    f.node.name.node == field.as_str()
                        && f.node.arguments.iter().any(|a| a.node.name.node == "first")
                })
            }
            _ => false,
        });
        if has_page {
            continue;
        }
        let query = async_graphql::parser::parse_query(format!("{{ {field} }}")).expect("parses");
        let DocumentOperations::Single(op) = &query.operations else {
            unreachable!("one operation")
        };
        let Selection::Field(f) = &op.node.selection_set.node.items[0].node else {
            unreachable!("a field")
        };
        let variables = Variables::default();
        let mut analysis = Analysis::new(&query, &variables, &types);
        // As inside `path(maxHops: 1)` or `neighborhood(first: 1)`.
        analysis.scopes = vec![Scope::Hops(1), Scope::Nodes(1)];
        if analysis.multiplier(&f.node, parent, info) == largest {
            unbounded.push(format!("{parent}.{field}"));
        }
    }
    unbounded.sort();
    assert!(
        unbounded.is_empty(),
        "list fields costed as the largest list in the graph: {unbounded:?}"
    );
}

#[test]
fn costs_count_page_sizes_even_through_interfaces() {
    assert!(check("{ entity(id: \"x\") { relations(first: 100) { nodes { id } } } }").is_ok());
    let deep = "{ node(id: \"x\") { ... on Entity { relations(first: 100) { nodes { subject { relations(first: 100) { nodes { id } } } } } } } }";
    let message = check(deep).expect_err("100 × 100 relations through an interface");
    assert!(message.contains("estimated cost is 20"), "{message}");
    let saturating = "{ paths(from: \"a\", to: \"b\", first: 2147483647, maxHops: 2147483647) { nodes { relations(first: 2147483647) { nodes { id } } } } }";
    assert!(
        check(saturating)
            .expect_err("refused")
            .contains("--max-cost")
    );
}

#[test]
fn path_lists_are_bounded_by_the_hops_of_their_own_traversal() {
    let q = |hops: usize| {
        format!(
            "{{ path(from: \"a\", to: \"b\", maxHops: {hops}) {{ nodes {{ id }} relations {{ id }} }} }}"
        )
    };
    // path + nodes + (hops + 1) ids + relations + hops ids.
    assert_eq!(cost(&q(1), serde_json::json!({})), Ok(1 + 1 + 2 + 1 + 1));
    assert_eq!(cost(&q(6), serde_json::json!({})), Ok(1 + 1 + 7 + 1 + 6));
    // A fragment measured under one bound is not reused under another.
    let fragment = "{ a: path(from: \"a\", to: \"b\", maxHops: 1) { ...P } b: path(from: \"a\", to: \"b\", maxHops: 6) { ...P } } fragment P on Path { nodes { id } }";
    assert_eq!(
        cost(fragment, serde_json::json!({})),
        Ok((1 + 1 + 2) + (1 + 1 + 7))
    );
}

#[test]
fn numbers_that_are_not_ints_are_type_errors_not_costs() {
    for first in ["1e10", "1.0", "123456789012345678901234567890"] {
        let message = check(&format!(
            "{{ entities(first: {first}) {{ nodes {{ id }} }} }}"
        ))
        .expect_err("refused");
        assert!(message.contains("must be an Int"), "{first}: {message}");
    }
}

#[test]
fn fragments_are_measured_once_and_cycles_stop() {
    let mut query = String::from("{ stats { ...F0 } }\n");
    for i in 0..40 {
        query.push_str(&format!(
            "fragment F{i} on Stats {{ entities ...F{} ...F{} }}\n",
            i + 1,
            i + 1
        ));
    }
    query.push_str("fragment F40 on Stats { entities }\n");
    // 2^40 fields if expanded naively; the cost saturates instead of hanging.
    assert!(
        check(&query)
            .expect_err("a fragment bomb")
            .contains("--max-cost")
    );
    assert!(
        check("{ stats { ...A } } fragment A on Stats { ...B } fragment B on Stats { ...A }")
            .is_ok()
    );
}

#[test]
fn standard_introspection_passes_and_circular_introspection_does_not() {
    let standard = include_str!("../../../tests/queries/introspection.graphql");
    assert_eq!(check(standard), Ok(()));
    let circular = "{ __schema { types { fields { type { fields { type { name } } } } } } }";
    assert!(
        check(circular)
            .expect_err("circular")
            .contains("nested inside itself")
    );
}

#[test]
fn a_whole_graph_analysis_costs_its_pass_plus_its_page() {
    use super::cost::ANALYSIS_COST;
    // centrality + (entity + name) per item, plus the pass over the graph.
    let query = "{ centrality(first: 10) { score entity { name } } }";
    assert_eq!(
        cost(query, serde_json::json!({})),
        Ok(1 + ANALYSIS_COST + 10 * (1 + 1 + 1))
    );
    // A component's members are paged by their own `first`.
    let query = "{ components(first: 2) { members(first: 5) { id } } }";
    assert_eq!(
        cost(query, serde_json::json!({})),
        Ok(1 + ANALYSIS_COST + 2 * (1 + 5))
    );
    assert_eq!(
        cost("{ brokers { relations } }", serde_json::json!({})),
        Ok(1 + ANALYSIS_COST + 10)
    );
}
