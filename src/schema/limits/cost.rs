//! The cost walk: depth and estimated cost of every operation, lists counted by their page size
//! or by the longest list of their kind in the graph, fragments memoised, arithmetic saturating.

use std::collections::HashMap;

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationDefinition, OperationType, Selection,
    SelectionSet,
};
use async_graphql::{Name, Positioned, ServerError, ServerResult, Value, Variables};

use super::super::error::{ErrorCode, request_error};
use super::QueryLimits;
use super::types::{FieldInfo, TypeInfo};

/// Page size of a connection when neither `first` nor `last` is given.
const DEFAULT_PAGE: usize = super::super::paging::DEFAULT_PAGE;

/// What a whole-graph analysis (`centrality`, `components`, `brokers`) adds to the cost of its
/// field, whatever it selects: it may visit every entity and relation once per graph version.
/// The default `--expensive-cost`, so that by default such a query takes its turn with the
/// other expensive ones, and ten of them fill the default `--max-cost`.
pub(crate) const ANALYSIS_COST: usize = 1_000;

/// Measures of a selection set, memoised per fragment so that nested fragments cost linear time.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Measure {
    depth: usize,
    cost: usize,
}

/// Bounds set by an enclosing field for the lists below it: `path(maxHops: 3)` bounds
/// `Path.nodes` at 4, `neighborhood(first: 20)` bounds `Subgraph.nodes` at 20.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Scope {
    Hops(usize),
    Nodes(usize),
}

pub(super) struct Analysis<'a> {
    pub(super) document: &'a ExecutableDocument,
    variables: &'a Variables,
    types: &'a TypeInfo,
    /// Fragments measured, by (name, parent type, enclosing scopes).
    memo: HashMap<(&'a str, String, Vec<Scope>), Measure>,
    /// Fragments being measured (a cycle is a validation error reported later; here it stops).
    visiting: Vec<&'a str>,
    pub(super) scopes: Vec<Scope>,
    pub(super) introspection_problem: Option<String>,
    /// The first argument whose value is not an `Int` (the cost is meaningless then).
    type_error: Option<ServerError>,
    /// Set when an argument that the cost depends on was read from a variable.
    read_variables: std::cell::Cell<bool>,
}

impl<'a> Analysis<'a> {
    pub(super) fn new(
        document: &'a ExecutableDocument,
        variables: &'a Variables,
        types: &'a TypeInfo,
    ) -> Self {
        Analysis {
            document,
            variables,
            types,
            memo: HashMap::new(),
            visiting: Vec::new(),
            scopes: Vec::new(),
            introspection_problem: None,
            type_error: None,
            read_variables: std::cell::Cell::new(false),
        }
    }
}

/// What the walk of an accepted document found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Measured {
    /// The largest estimated cost of its operations.
    pub(super) cost: usize,
    /// True when a variable's value went into the cost (a page size, `maxHops`, `ids`): another
    /// request with the same text may then cost more.
    pub(super) read_variables: bool,
}

/// Checks the limits on a parsed document; returns the largest estimated cost of its
/// operations.
pub(super) fn check_document(
    document: &ExecutableDocument,
    variables: &Variables,
    l: &QueryLimits,
    types: &TypeInfo,
) -> ServerResult<Measured> {
    let (aliases, directives) = count_aliases_and_directives(document);
    if aliases > l.max_aliases {
        return Err(request_error(
            ErrorCode::TooManyAliases,
            format!(
                "the query uses {aliases} aliases, over the limit of {} (--max-aliases)",
                l.max_aliases
            ),
        ));
    }
    if directives > l.max_directives {
        return Err(request_error(
            ErrorCode::TooManyDirectives,
            format!(
                "the query uses {directives} directives, over the limit of {} (--max-directives)",
                l.max_directives
            ),
        ));
    }
    let mut analysis = Analysis::new(document, variables, types);
    let mut largest = 0;
    for operation in operations(document) {
        let root_fields = count_root_fields(
            document,
            &operation.node.selection_set.node,
            &mut Vec::new(),
        );
        if root_fields > l.max_root_fields {
            return Err(request_error(
                ErrorCode::TooManyRootFields,
                format!(
                    "the operation selects {root_fields} root fields, over the limit of {} (--max-root-fields)",
                    l.max_root_fields
                ),
            ));
        }
        let root = match operation.node.ty {
            OperationType::Query => "Query",
            OperationType::Mutation => "Mutation",
            OperationType::Subscription => "Subscription",
        };
        let measure = analysis.selection_set(&operation.node.selection_set.node, root);
        if let Some(error) = analysis.type_error.take() {
            return Err(error);
        }
        if let Some(problem) = analysis.introspection_problem.take() {
            return Err(request_error(ErrorCode::IntrospectionTooDeep, problem));
        }
        if measure.depth > l.max_depth {
            return Err(request_error(
                ErrorCode::QueryTooDeep,
                format!(
                    "the query is {} levels deep, over the limit of {} (--max-depth)",
                    measure.depth, l.max_depth
                ),
            ));
        }
        if measure.cost > l.max_cost {
            return Err(too_complex(measure.cost, l.max_cost));
        }
        largest = largest.max(measure.cost);
    }
    Ok(Measured {
        cost: largest,
        read_variables: analysis.read_variables.get(),
    })
}

fn too_complex(cost: usize, max: usize) -> ServerError {
    request_error(
        ErrorCode::QueryTooComplex,
        format!(
            "the query's estimated cost is {cost}, over the limit of {max} (--max-cost); lists count by their page size (`first`/`last`) or by the longest such list in the graph, so ask for smaller pages or fewer nested lists"
        ),
    )
}

/// Every operation of a document.
pub(super) fn operations(document: &ExecutableDocument) -> Vec<&Positioned<OperationDefinition>> {
    match &document.operations {
        DocumentOperations::Single(op) => vec![op],
        DocumentOperations::Multiple(ops) => ops.values().collect(),
    }
}

fn count_aliases_and_directives(document: &ExecutableDocument) -> (usize, usize) {
    fn walk(set: &SelectionSet, aliases: &mut usize, directives: &mut usize) {
        for selection in &set.items {
            match &selection.node {
                Selection::Field(f) => {
                    *aliases += usize::from(f.node.alias.is_some());
                    *directives += f.node.directives.len();
                    walk(&f.node.selection_set.node, aliases, directives);
                }
                Selection::FragmentSpread(s) => *directives += s.node.directives.len(),
                Selection::InlineFragment(i) => {
                    *directives += i.node.directives.len();
                    walk(&i.node.selection_set.node, aliases, directives);
                }
            }
        }
    }
    let (mut aliases, mut directives) = (0, 0);
    let operations = operations(document);
    for op in operations {
        directives += op.node.directives.len();
        walk(&op.node.selection_set.node, &mut aliases, &mut directives);
    }
    for fragment in document.fragments.values() {
        directives += fragment.node.directives.len();
        walk(
            &fragment.node.selection_set.node,
            &mut aliases,
            &mut directives,
        );
    }
    (aliases, directives)
}

fn count_root_fields<'a>(
    document: &'a ExecutableDocument,
    set: &'a SelectionSet,
    visiting: &mut Vec<&'a str>,
) -> usize {
    set.items
        .iter()
        .map(|selection| match &selection.node {
            Selection::Field(_) => 1,
            Selection::InlineFragment(i) => {
                count_root_fields(document, &i.node.selection_set.node, visiting)
            }
            Selection::FragmentSpread(s) => {
                let name = s.node.fragment_name.node.as_str();
                match document.fragments.get(&Name::new(name)) {
                    Some(f) if !visiting.contains(&name) => {
                        visiting.push(name);
                        let n = count_root_fields(document, &f.node.selection_set.node, visiting);
                        visiting.pop();
                        n
                    }
                    _ => 0,
                }
            }
        })
        .fold(0usize, usize::saturating_add)
}

impl<'a> Analysis<'a> {
    /// Depth and cost of a selection set on `parent`; fields of `__`-prefixed types and the
    /// introspection roots are measured by the introspection rule instead.
    fn selection_set(&mut self, set: &'a SelectionSet, parent: &str) -> Measure {
        let mut total = Measure::default();
        for selection in &set.items {
            let m = match &selection.node {
                Selection::Field(field) => self.field(&field.node, parent),
                Selection::InlineFragment(inline) => {
                    let on = inline
                        .node
                        .type_condition
                        .as_ref()
                        .map_or(parent.to_owned(), |c| c.node.on.node.to_string());
                    self.selection_set(&inline.node.selection_set.node, &on)
                }
                Selection::FragmentSpread(spread) => {
                    self.fragment(spread.node.fragment_name.node.as_str())
                }
            };
            total.depth = total.depth.max(m.depth);
            total.cost = total.cost.saturating_add(m.cost);
        }
        total
    }

    fn fragment(&mut self, name: &'a str) -> Measure {
        let Some(fragment) = self.document.fragments.get(&Name::new(name)) else {
            return Measure::default();
        };
        let on = fragment.node.type_condition.node.on.node.to_string();
        let key = (name, on, self.scopes.clone());
        if let Some(m) = self.memo.get(&key) {
            return *m;
        }
        if self.visiting.contains(&name) {
            return Measure::default();
        }
        self.visiting.push(name);
        let m = self.selection_set(&fragment.node.selection_set.node, &key.1);
        self.visiting.pop();
        self.memo.insert(key, m);
        m
    }

    fn field(&mut self, field: &'a async_graphql::parser::types::Field, parent: &str) -> Measure {
        let name = field.name.node.as_str();
        if name == "__schema" || name == "__type" {
            self.introspection(&field.selection_set.node, &mut Vec::new(), 0);
            return Measure { depth: 1, cost: 1 };
        }
        if name.starts_with("__") {
            return Measure { depth: 1, cost: 1 };
        }
        let types = self.types;
        let info = types.fields.get(&(parent.to_owned(), name.to_owned()));
        let multiplier = info.map_or(1, |info| self.multiplier(field, parent, info));
        let scope = info.and_then(|info| self.scope(field, parent, info));
        if let Some(scope) = scope {
            self.scopes.push(scope);
        }
        let child_type = info.map_or("", |i| i.ty.as_str());
        let children = self.selection_set(&field.selection_set.node, child_type);
        if scope.is_some() {
            self.scopes.pop();
        }
        let analysis = match (parent, name) {
            ("Query", "centrality" | "components" | "brokers") => ANALYSIS_COST,
            _ => 0,
        };
        Measure {
            depth: children.depth + 1,
            cost: children
                .cost
                .saturating_mul(multiplier)
                .saturating_add(1 + analysis),
        }
    }

    /// An integer argument: its value, else its declared default; `None` when neither is
    /// given. A value that is not an `Int` is recorded as the analysis's type error.
    fn int(
        &mut self,
        field: &async_graphql::parser::types::Field,
        info: &FieldInfo,
        arg: &str,
    ) -> Option<usize> {
        let given = field
            .arguments
            .iter()
            .find(|(n, _)| n.node == arg)
            .map(|(_, v)| self.resolve(&v.node));
        match given {
            Some(Value::Number(n)) => match n.as_i64().and_then(|v| i32::try_from(v).ok()) {
                Some(v) => Some(v.max(0) as usize),
                None => {
                    self.type_error.get_or_insert_with(|| {
                        request_error(
                            ErrorCode::ValidationFailed,
                            format!(
                                "argument \"{arg}\" of field \"{}\" must be an Int, a whole number from -2147483648 to 2147483647; got {n}",
                                field.name.node
                            ),
                        )
                    });
                    Some(0)
                }
            },
            Some(Value::Null) | None => info.int_defaults.get(arg).map(|&v| v.max(0) as usize),
            // Another type is a validation error, reported by the validator with its position.
            Some(_) => Some(0),
        }
    }

    /// The bound a field sets for the lists below it.
    fn scope(
        &mut self,
        field: &async_graphql::parser::types::Field,
        parent: &str,
        info: &FieldInfo,
    ) -> Option<Scope> {
        match (parent, field.name.node.as_str()) {
            ("Query", "path" | "paths" | "related") => {
                Some(Scope::Hops(self.int(field, info, "maxHops").unwrap_or(1)))
            }
            ("Query", "neighborhood") => Some(Scope::Nodes(
                self.int(field, info, "first").unwrap_or(DEFAULT_PAGE),
            )),
            _ => None,
        }
    }

    /// The innermost bound of one kind set by an enclosing field.
    fn innermost(&self, kind: fn(&Scope) -> Option<usize>) -> Option<usize> {
        self.scopes.iter().rev().find_map(kind)
    }

    /// How many times a field's selection is resolved, at most: a page size, or the longest
    /// list of its kind the graph holds. A list field this table does not know counts as the
    /// longest list of any kind (a unit test keeps every list field of the schema in it).
    pub(super) fn multiplier(
        &mut self,
        field: &async_graphql::parser::types::Field,
        parent: &str,
        info: &FieldInfo,
    ) -> usize {
        let b = &self.types.bounds;
        let name = field.name.node.as_str();
        let on_entity = self.types.entity_types.contains(parent);
        let hops = self.innermost(|s| match s {
            Scope::Hops(h) => Some(*h),
            Scope::Nodes(_) => None,
        });
        let nodes = self.innermost(|s| match s {
            Scope::Nodes(n) => Some(*n),
            Scope::Hops(_) => None,
        });
        let fixed = match (parent, name) {
            ("Query", "nodes") => Some(
                field
                    .arguments
                    .iter()
                    .find(|(n, _)| n.node == "ids")
                    .map_or(1, |(_, v)| match self.resolve(&v.node) {
                        Value::List(items) => items.len(),
                        _ => 1,
                    }),
            ),
            ("AddClaimsPayload", "ids" | "relations" | "quantities")
            | ("AddEntitiesPayload", "entities")
            | (
                "GraphChange",
                "sources"
                | "entities"
                | "relations"
                | "quantities"
                | "retracted"
                | "retractedQuantities",
            )
            | ("ClaimsAdded", "relations") => Some(super::super::mutation::MAX_WRITE_ITEMS),
            ("Query", "sources") | ("Stats", "bySource") => Some(b.sources),
            ("Query", "predicates") | ("Stats", "relationsByPredicate") => Some(b.predicates),
            ("Stats", "entitiesByKind") | ("PredicateInfo", "subjectKinds" | "objectKinds") => {
                Some(b.kinds)
            }
            ("Query", "chain") => Some(
                field
                    .arguments
                    .iter()
                    .find(|(n, _)| n.node == "predicate")
                    .and_then(|(_, v)| match self.resolve(&v.node) {
                        Value::Enum(p) => self.types.predicates.get(p.as_str()).copied(),
                        Value::String(p) => self.types.predicates.get(p.as_str()).copied(),
                        _ => None,
                    })
                    .map_or(b.claims, |p| b.claims_of(p)),
            ),
            ("Path", "nodes") => Some(hops.map_or(b.largest, |h| h.saturating_add(1))),
            ("Path", "relations" | "steps") => Some(hops.unwrap_or(b.largest)),
            ("Subgraph", "nodes") => Some(nodes.unwrap_or(b.largest)),
            ("Subgraph", "relations") => Some(nodes.map_or(b.claims, |n| b.claims_among(n))),
            // The page of a connection is counted where the connection is selected.
            (p, "edges" | "nodes") if p.ends_with("Connection") => Some(1),
            (_, "aliases") if on_entity => Some(b.aliases_per_entity),
            (_, "mentions") if on_entity => Some(b.mentions_per_entity),
            (_, "mentionedIn") if on_entity => Some(b.sources_per_entity),
            (_, "quantities") if on_entity => Some(b.quantities_per_entity),
            ("QuantityGroup", "values") => Some(b.quantities_per_entity),
            ("Source", "mentions") => Some(b.mentions_per_source),
            ("Source", "quantities") => Some(b.quantities_per_source),
            ("Relation", "evidence") => Some(b.evidence_per_claim),
            ("QuantityClaim", "evidence") => Some(b.evidence_per_quantity),
            (p, f) if info.list => self
                .types
                .typed_lists
                .get(p)
                .and_then(|fields| fields.get(f))
                .copied(),
            _ => None,
        };
        if let Some(n) = fixed {
            return n;
        }
        let connection = info.ty.ends_with("Connection");
        if !connection && !info.list {
            return 1;
        }
        let largest = b.largest;
        let first = self.int(field, info, "first");
        let last = self.int(field, info, "last");
        match (first.or(last), connection) {
            (Some(page), _) => page,
            (None, true) => DEFAULT_PAGE,
            (None, false) => largest,
        }
    }

    /// An argument's value with its variables filled in (unknown variables become null).
    fn resolve(&self, value: &async_graphql_value::Value) -> Value {
        value
            .clone()
            .into_const_with(|name| {
                self.read_variables.set(true);
                Ok::<_, std::convert::Infallible>(
                    self.variables.get(&name).cloned().unwrap_or(Value::Null),
                )
            })
            .unwrap_or(Value::Null)
    }
}
