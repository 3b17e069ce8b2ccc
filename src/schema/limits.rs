//! Query limits, checked after parsing and before validation or execution: length in bytes and
//! tokens, depth, estimated cost, aliases, root fields, directives, and the shape of
//! introspection queries. Each refusal names the limit, its value and the flag that sets it, and
//! carries an `extensions.code`.
//!
//! The cost estimate is computed here rather than with async-graphql's `complexity` attributes:
//! those are not applied to a field selected through an interface (`node`, `entity`), and their
//! arithmetic is not saturating. Here every field is looked up in the schema by its parent type
//! (interfaces included), list fields count by their page size, and all arithmetic saturates.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::error::request_error;
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest,
};
use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, OperationDefinition, OperationType,
    Selection, SelectionSet, TypeKind, TypeSystemDefinition,
};
use async_graphql::{Name, Positioned, Request, ServerError, ServerResult, Value, Variables};

use super::budget::RequestBudget;
use super::persisted::{PersistedQueries, PersistedQuery};
use super::vocabulary::{TypedFields, Way, type_name};
use crate::graph::{EntityKind, KnowledgeGraph, ListBounds, Predicate};

/// Every limit, with its default and where the default comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryLimits {
    /// Longest query text, in bytes. 16 KiB: GraphiQL's full introspection query is about 2 KiB,
    /// the README's longest example under 1 KiB.
    pub max_query_bytes: usize,
    /// Most lexical tokens in a query: graphql-armor's `maxTokens` default, 1000.
    pub max_tokens: usize,
    /// Deepest field nesting outside introspection. graphql-armor's default is 6; the README's
    /// own examples reach 6 (relations → edges → node → evidence → source → id), so 10.
    pub max_depth: usize,
    /// Largest estimated cost (fields resolved, list fields counted by page size).
    /// graphql-armor's `maxCost` default is 5000 with objects weighted 2; a page of 100
    /// relations with each one's predicate and evidence quotes costs 702 on the seed, so 10,000.
    pub max_cost: usize,
    /// Most aliases in a document: graphql-armor's `maxAliases` default, 15.
    pub max_aliases: usize,
    /// Most fields selected at the root of an operation. No common anchor: 20 is twice the
    /// widest dashboard query we expect.
    pub max_root_fields: usize,
    /// Most directives in a document: graphql-armor's `maxDirectives` default, 50.
    pub max_directives: usize,
    /// Estimated cost from which a query is expensive: expensive queries take turns (see
    /// `SchemaConfig::expensive_concurrency`), so that a few clients looping the largest queries
    /// the other limits allow cannot take every core from everyone else. A tenth of `max_cost`.
    pub expensive_cost: usize,
}

impl Default for QueryLimits {
    fn default() -> Self {
        QueryLimits {
            max_query_bytes: 16 * 1024,
            max_tokens: 1000,
            max_depth: 10,
            max_cost: 10_000,
            max_aliases: 15,
            max_root_fields: 20,
            max_directives: 50,
            expensive_cost: 1_000,
        }
    }
}

/// Page size of a connection when neither `first` nor `last` is given.
const DEFAULT_PAGE: usize = super::paging::DEFAULT_PAGE;
/// Introspection lists that may not nest inside themselves, and how deep `ofType` may go
/// (the rule of Hot Chocolate's introspection depth check).
const INTROSPECTION_LISTS: &[&str] = &[
    "fields",
    "inputFields",
    "interfaces",
    "possibleTypes",
    "types",
    "enumValues",
    "args",
];
const MAX_OF_TYPE_DEPTH: usize = 16;

/// What the analysis needs to know of a field.
#[derive(Clone, Debug)]
struct FieldInfo {
    /// The named type the field returns.
    ty: String,
    list: bool,
    /// Declared defaults of integer arguments.
    int_defaults: HashMap<String, i64>,
}

/// The schema, reduced to what cost analysis needs, and the longest lists the graph can return.
#[derive(Debug, Default)]
pub(crate) struct TypeInfo {
    /// What the SDL says, read once and shared by the infos of every graph version.
    fields: Arc<HashMap<(String, String), FieldInfo>>,
    /// The `Entity` interface and every type that implements it.
    entity_types: Arc<HashSet<String>>,
    /// The typed relationship lists (`Person.handedFlagTo`) by type, then field: their longest
    /// list in the graph.
    typed_lists: HashMap<String, HashMap<String, usize>>,
    /// The vocabulary's predicates by name, for `chain(predicate:)`.
    predicates: HashMap<String, Predicate>,
    bounds: ListBounds,
}

impl TypeInfo {
    /// Reads the schema's own SDL; `bounds` are the graph's longest lists, `typed` the
    /// vocabulary's typed fields.
    pub(crate) fn new(sdl: &str, bounds: ListBounds, typed: &TypedFields) -> TypeInfo {
        let (fields, entity_types) = read_sdl(sdl);
        TypeInfo {
            fields: Arc::new(fields),
            entity_types: Arc::new(entity_types),
            ..TypeInfo::default()
        }
        .with_bounds(bounds, typed)
    }

    /// The same schema over a graph with these bounds (no SDL parsed again).
    pub(crate) fn with_bounds(&self, bounds: ListBounds, typed: &TypedFields) -> TypeInfo {
        let typed_lists = EntityKind::ALL
            .iter()
            .map(|&kind| {
                let lists = typed.of(kind).iter().filter(|(_, f)| !f.connection);
                let longest = lists.map(|(name, f)| {
                    let (out, inc) = (
                        bounds.predicate_degree(f.predicate, true),
                        bounds.predicate_degree(f.predicate, false),
                    );
                    let longest = match f.way {
                        Way::Forward => out,
                        Way::Inverse => inc,
                        Way::Both => out.saturating_add(inc),
                    };
                    (name.clone(), longest)
                });
                (type_name(kind).to_owned(), longest.collect())
            })
            .collect();
        let predicates = typed
            .predicates
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.clone(), Predicate(i as u8)))
            .collect();
        TypeInfo {
            fields: self.fields.clone(),
            entity_types: self.entity_types.clone(),
            bounds,
            typed_lists,
            predicates,
        }
    }
}

/// The fields of the schema's object and interface types, and the types that are entities.
#[allow(clippy::type_complexity)]
fn read_sdl(sdl: &str) -> (HashMap<(String, String), FieldInfo>, HashSet<String>) {
    let mut fields = HashMap::new();
    let mut entity_types = HashSet::new();
    // An empty table would cost every query at 1: a broken SDL must stop start-up instead.
    #[allow(clippy::expect_used)]
    let document = async_graphql::parser::parse_schema(sdl).expect("the schema's own SDL parses");
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let name = ty.node.name.node.to_string();
        let declared = match ty.node.kind {
            TypeKind::Object(o) => {
                if o.implements.iter().any(|i| i.node == "Entity") {
                    entity_types.insert(name.clone());
                }
                o.fields
            }
            TypeKind::Interface(i) => {
                if name == "Entity" {
                    entity_types.insert(name.clone());
                }
                i.fields
            }
            _ => continue,
        };
        for field in declared {
            let mut base = &field.node.ty.node.base;
            let mut list = false;
            while let BaseType::List(inner) = base {
                list = true;
                base = &inner.base;
            }
            let BaseType::Named(named) = base else {
                continue;
            };
            let int_defaults = field
                .node
                .arguments
                .iter()
                .filter_map(|a| {
                    let default = a.node.default_value.as_ref()?;
                    match &default.node {
                        Value::Number(n) => Some((a.node.name.node.to_string(), n.as_i64()?)),
                        _ => None,
                    }
                })
                .collect();
            fields.insert(
                (name.clone(), field.node.name.node.to_string()),
                FieldInfo {
                    ty: named.to_string(),
                    list,
                    int_defaults,
                },
            );
        }
    }
    (fields, entity_types)
}

/// The extension that applies [`QueryLimits`] to every request, including automatic persisted
/// queries (which it serves itself, so that a query sent by hash alone passes the same checks,
/// with its own variables, as one sent with its text).
pub(crate) struct Limiter {
    pub(crate) limits: QueryLimits,
    pub(crate) types: Arc<LiveTypes>,
    /// False when introspection is turned off: such queries are then refused with a code.
    pub(crate) introspection: bool,
    pub(crate) persisted: Arc<PersistedQueries>,
    /// Turns for expensive queries.
    pub(crate) expensive: Arc<tokio::sync::Semaphore>,
}

/// The [`TypeInfo`] of the graph version a request reads: its list bounds follow the graph as
/// writes change it, so the cost estimate stays an upper bound. Rebuilt once per version, by the
/// first request that reads it, without parsing the SDL again.
pub(crate) struct LiveTypes {
    typed: Arc<TypedFields>,
    /// The graph the cached info was computed for (a weak reference: its address cannot be
    /// reused while held, and it keeps no old graph alive).
    current: arc_swap::ArcSwap<(std::sync::Weak<KnowledgeGraph>, Arc<TypeInfo>)>,
}

impl LiveTypes {
    pub(crate) fn new(
        graph: &Arc<KnowledgeGraph>,
        sdl: String,
        typed: Arc<TypedFields>,
    ) -> LiveTypes {
        let info = Arc::new(TypeInfo::new(&sdl, graph.list_bounds(), &typed));
        LiveTypes {
            typed,
            current: arc_swap::ArcSwap::from_pointee((Arc::downgrade(graph), info)),
        }
    }

    /// The info for `graph` (the one the schema was built over when the request names none).
    fn for_graph(&self, graph: Option<&Arc<KnowledgeGraph>>) -> Arc<TypeInfo> {
        let cached = self.current.load();
        match graph {
            Some(graph) if !std::ptr::eq(cached.0.as_ptr(), Arc::as_ptr(graph)) => {
                let info = Arc::new(cached.1.with_bounds(graph.list_bounds(), &self.typed));
                self.current
                    .store(Arc::new((Arc::downgrade(graph), info.clone())));
                info
            }
            _ => cached.1.clone(),
        }
    }
}

impl ExtensionFactory for Limiter {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(LimiterExtension {
            limits: self.limits.clone(),
            types: self.types.clone(),
            introspection: self.introspection,
            persisted: self.persisted.clone(),
            expensive: self.expensive.clone(),
        })
    }
}

struct LimiterExtension {
    limits: QueryLimits,
    types: Arc<LiveTypes>,
    introspection: bool,
    persisted: Arc<PersistedQueries>,
    expensive: Arc<tokio::sync::Semaphore>,
}

#[async_trait::async_trait]
impl Extension for LimiterExtension {
    /// Runs before anything else parses or walks the query (async-graphql's own parse-time
    /// checks follow fragment spreads without memoising, so a fragment bomb must be refused
    /// first). The parsed document is handed on, so the query is parsed once.
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let persisted = match request.extensions.remove("persistedQuery") {
            Some(value) => Some(PersistedQuery::from_extension(value)?),
            None => None,
        };
        let register = match &persisted {
            Some(persisted) if request.query.is_empty() => {
                request.query = self.persisted.get(persisted)?;
                false
            }
            Some(persisted) => {
                persisted.matches(&request.query)?;
                true
            }
            None => false,
        };
        let graph = request
            .data
            .get(&std::any::TypeId::of::<Arc<KnowledgeGraph>>())
            .and_then(|g| g.downcast_ref::<Arc<KnowledgeGraph>>());
        let types = self.types.for_graph(graph);
        let (document, cost) = self.check(
            &types,
            &request.query,
            &request.variables,
            request.operation_name.as_deref(),
        )?;
        // A batch shares one cost budget: ten requests cost what one ten times as large does.
        let budget = request
            .data
            .get(&std::any::TypeId::of::<Arc<RequestBudget>>())
            .and_then(|b| b.downcast_ref::<Arc<RequestBudget>>());
        if let Some(budget) = budget
            && !budget.admit(cost, self.limits.max_cost)
        {
            let spent = budget.estimated_cost();
            return Err(request_error(
                "QUERY_TOO_COMPLEX",
                format!(
                    "the batch's estimated cost is {}, over the limit of {} (--max-cost) for one HTTP request; send fewer or smaller operations",
                    spent.saturating_add(cost),
                    self.limits.max_cost
                ),
            ));
        }
        if let Some(budget) = budget
            && cost >= self.limits.expensive_cost
        {
            budget.take_turn(&self.expensive).await?;
        }
        if let (true, Some(persisted)) = (register, &persisted) {
            self.persisted.insert(persisted, &request.query);
        }
        request.set_parsed_query(document);
        next.run(ctx, request).await
    }
}

impl LimiterExtension {
    /// Every check of a query's text against the limits, with its variables; the parsed
    /// document and its estimated cost.
    fn check(
        &self,
        types: &TypeInfo,
        query: &str,
        variables: &Variables,
        operation: Option<&str>,
    ) -> ServerResult<(ExecutableDocument, usize)> {
        let l = &self.limits;
        // Text limits first, so an oversized query is refused before it is parsed.
        if query.len() > l.max_query_bytes {
            return Err(request_error(
                "QUERY_TOO_LONG",
                format!(
                    "the query is {} bytes, over the limit of {} (--max-query-bytes)",
                    query.len(),
                    l.max_query_bytes
                ),
            ));
        }
        let scanned = scan(query, l.max_tokens + 1);
        if scanned.tokens > l.max_tokens {
            return Err(request_error(
                "TOO_MANY_TOKENS",
                format!(
                    "the query has more than {} tokens (--max-tokens)",
                    l.max_tokens
                ),
            ));
        }
        if scanned.nesting > MAX_NESTING {
            return Err(request_error(
                "QUERY_TOO_DEEP",
                format!(
                    "the query nests brackets {} deep, over the limit of {MAX_NESTING} (values and selections included)",
                    scanned.nesting
                ),
            ));
        }
        let document = async_graphql::parser::parse_query(query).map_err(|e| {
            let mut error = ServerError::from(e);
            let mut extensions = async_graphql::ErrorExtensionValues::default();
            extensions.set("code", "GRAPHQL_PARSE_FAILED");
            error.extensions = Some(extensions);
            error
        })?;
        // Variables before cost: a cost computed from a malformed number means nothing.
        if let Some(operation) = selected_operation(&document, operation)
            && let Some(problem) = variable_problem(operation, variables)
        {
            return Err(problem);
        }
        let cost = check_document(&document, variables, l, types)?;
        if !self.introspection && uses_introspection(&document) {
            return Err(request_error(
                "INTROSPECTION_DISABLED",
                "introspection is turned off on this server (--no-introspection); the schema is published as schema.graphql".to_owned(),
            ));
        }
        Ok((document, cost))
    }
}

/// The operation a request runs, when the document and operation name determine one.
fn selected_operation<'a>(
    document: &'a ExecutableDocument,
    operation: Option<&str>,
) -> Option<&'a Positioned<OperationDefinition>> {
    match (&document.operations, operation) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
    }
}

/// A required variable that is missing, or an `Int` variable whose value is not a whole number
/// in range. The executor checks a required variable only when a field uses it, as a field
/// error; the specification makes both request errors, raised before execution.
fn variable_problem(
    operation: &Positioned<OperationDefinition>,
    variables: &Variables,
) -> Option<ServerError> {
    operation
        .node
        .variable_definitions
        .iter()
        .find_map(|definition| {
            let definition = &definition.node;
            let name = &definition.name.node;
            let ty = &definition.var_type.node;
            let value = variables.get(name).filter(|v| **v != Value::Null);
            let problem = match value {
                None if !ty.nullable && definition.default_value.is_none() => Some(format!(
                    "variable \"${name}\" of required type \"{ty}\" was not provided"
                )),
                Some(value) => not_an_int(&ty.base, value).map(|got| {
                    format!(
                        "variable \"${name}\" of type \"{ty}\" got {got}: an Int is a whole number from -2147483648 to 2147483647"
                    )
                }),
                None => None,
            };
            problem.map(|message| {
                let mut error = request_error("BAD_USER_INPUT", message);
                error.locations = vec![definition.name.pos];
                error
            })
        })
}

/// The first value that should be an `Int` and is not one, for a variable of type `ty`.
fn not_an_int(ty: &BaseType, value: &Value) -> Option<String> {
    match (ty, value) {
        (BaseType::Named(name), Value::Number(n)) if name == "Int" => n
            .as_i64()
            .and_then(|v| i32::try_from(v).ok())
            .is_none()
            .then(|| n.to_string()),
        (BaseType::List(inner), Value::List(items)) => {
            items.iter().find_map(|item| not_an_int(&inner.base, item))
        }
        (BaseType::List(inner), value) => not_an_int(&inner.base, value),
        _ => None,
    }
}

/// What a lexical scan of a query finds before it is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scan {
    /// GraphQL lexical tokens (punctuators, names, numbers, strings), counted up to the stop.
    pub(crate) tokens: usize,
    /// Deepest nesting of `{`, `[` and `(`.
    pub(crate) nesting: usize,
}

/// Deepest bracket nesting a query may have. async-graphql's parser recurses once per level of
/// a value (`[[[…]]]`, `{a: {a: …}}`) with no bound of its own, and a few hundred levels
/// overflow a worker thread's stack and abort the process; a legitimate query, the full
/// introspection query included, nests about a dozen deep.
pub(crate) const MAX_NESTING: usize = 100;

/// Counts tokens (stopping at `stop`) and measures bracket nesting, skipping strings and
/// comments.
pub(crate) fn scan(query: &str, stop: usize) -> Scan {
    let bytes = query.as_bytes();
    let mut i = 0;
    let mut count = 0;
    let (mut depth, mut deepest) = (0usize, 0usize);
    while i < bytes.len() && count < stop {
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                count += 1;
                if bytes[i..].starts_with(b"\"\"\"") {
                    i += 3;
                    while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
            }
            b'.' if bytes[i..].starts_with(b"...") => {
                count += 1;
                i += 3;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                count += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'.' | b'-' | b'+'))
                {
                    i += 1;
                }
            }
            _ => {
                match c {
                    b'{' | b'[' | b'(' => {
                        depth += 1;
                        deepest = deepest.max(depth);
                    }
                    b'}' | b']' | b')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                count += 1;
                i += 1;
            }
        }
    }
    Scan {
        tokens: count,
        nesting: deepest,
    }
}

/// Measures of a selection set, memoised per fragment so that nested fragments cost linear time.
#[derive(Clone, Copy, Debug, Default)]
struct Measure {
    depth: usize,
    cost: usize,
}

/// Bounds set by an enclosing field for the lists below it: `path(maxHops: 3)` bounds
/// `Path.nodes` at 4, `neighborhood(first: 20)` bounds `Subgraph.nodes` at 20.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Scope {
    Hops(usize),
    Nodes(usize),
}

struct Analysis<'a> {
    document: &'a ExecutableDocument,
    variables: &'a Variables,
    types: &'a TypeInfo,
    /// Fragments measured, by (name, parent type, enclosing scopes).
    memo: HashMap<(&'a str, String, Vec<Scope>), Measure>,
    /// Fragments being measured (a cycle is a validation error reported later; here it stops).
    visiting: Vec<&'a str>,
    scopes: Vec<Scope>,
    introspection_problem: Option<String>,
    /// The first argument whose value is not an `Int` (the cost is meaningless then).
    type_error: Option<ServerError>,
}

impl<'a> Analysis<'a> {
    fn new(
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
        }
    }
}

/// Checks the limits on a parsed document; returns the largest estimated cost of its
/// operations.
fn check_document(
    document: &ExecutableDocument,
    variables: &Variables,
    l: &QueryLimits,
    types: &TypeInfo,
) -> ServerResult<usize> {
    let (aliases, directives) = count_aliases_and_directives(document);
    if aliases > l.max_aliases {
        return Err(request_error(
            "TOO_MANY_ALIASES",
            format!(
                "the query uses {aliases} aliases, over the limit of {} (--max-aliases)",
                l.max_aliases
            ),
        ));
    }
    if directives > l.max_directives {
        return Err(request_error(
            "TOO_MANY_DIRECTIVES",
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
                "TOO_MANY_ROOT_FIELDS",
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
            return Err(request_error("INTROSPECTION_TOO_DEEP", problem));
        }
        if measure.depth > l.max_depth {
            return Err(request_error(
                "QUERY_TOO_DEEP",
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
    Ok(largest)
}

fn too_complex(cost: usize, max: usize) -> ServerError {
    request_error(
        "QUERY_TOO_COMPLEX",
        format!(
            "the query's estimated cost is {cost}, over the limit of {max} (--max-cost); lists count by their page size (`first`/`last`) or by the longest such list in the graph, so ask for smaller pages or fewer nested lists"
        ),
    )
}

/// Every operation of a document.
fn operations(document: &ExecutableDocument) -> Vec<&Positioned<OperationDefinition>> {
    match &document.operations {
        DocumentOperations::Single(op) => vec![op],
        DocumentOperations::Multiple(ops) => ops.values().collect(),
    }
}

/// True when any selection in the document is `__schema` or `__type`.
fn uses_introspection(document: &ExecutableDocument) -> bool {
    fn walk(set: &SelectionSet) -> bool {
        set.items.iter().any(|selection| match &selection.node {
            Selection::Field(f) => {
                matches!(f.node.name.node.as_str(), "__schema" | "__type")
                    || walk(&f.node.selection_set.node)
            }
            Selection::InlineFragment(i) => walk(&i.node.selection_set.node),
            Selection::FragmentSpread(_) => false,
        })
    }
    let operations = operations(document);
    operations
        .iter()
        .any(|op| walk(&op.node.selection_set.node))
        || document
            .fragments
            .values()
            .any(|f| walk(&f.node.selection_set.node))
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
        Measure {
            depth: children.depth + 1,
            cost: children.cost.saturating_mul(multiplier).saturating_add(1),
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
                            "GRAPHQL_VALIDATION_FAILED",
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
    fn multiplier(
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
            | ("ClaimsAdded", "relations") => Some(super::mutation::MAX_WRITE_ITEMS),
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
                Ok::<_, std::convert::Infallible>(
                    self.variables.get(&name).cloned().unwrap_or(Value::Null),
                )
            })
            .unwrap_or(Value::Null)
    }

    /// The introspection rule: a list field of introspection may not appear inside itself, and
    /// `ofType` may nest at most 16 deep.
    fn introspection(&mut self, set: &'a SelectionSet, path: &mut Vec<&'a str>, of_type: usize) {
        if self.introspection_problem.is_some() {
            return;
        }
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    let name = field.node.name.node.as_str();
                    if INTROSPECTION_LISTS.contains(&name) && path.contains(&name) {
                        self.introspection_problem = Some(format!(
                            "introspection field `{name}` is nested inside itself; each introspection list may appear once on a path (circular introspection is refused)"
                        ));
                        return;
                    }
                    let of_type = of_type + usize::from(name == "ofType");
                    if of_type > MAX_OF_TYPE_DEPTH {
                        self.introspection_problem = Some(format!(
                            "`ofType` is nested more than {MAX_OF_TYPE_DEPTH} deep"
                        ));
                        return;
                    }
                    path.push(name);
                    self.introspection(&field.node.selection_set.node, path, of_type);
                    path.pop();
                }
                Selection::InlineFragment(inline) => {
                    self.introspection(&inline.node.selection_set.node, path, of_type)
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    if path.contains(&name) {
                        continue;
                    }
                    if let Some(fragment) = self.document.fragments.get(&Name::new(name)) {
                        path.push(name);
                        self.introspection(&fragment.node.selection_set.node, path, of_type);
                        path.pop();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let standard = include_str!("../../tests/queries/introspection.graphql");
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
        let query = "{ entity(id: \"x\") { ... on Place { homeOfConnection(first: 50) { nodes { id } } } } }";
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
            let query =
                async_graphql::parser::parse_query(format!("{{ {field} }}")).expect("parses");
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
        let standard = include_str!("../../tests/queries/introspection.graphql");
        assert_eq!(check(standard), Ok(()));
        let circular = "{ __schema { types { fields { type { fields { type { name } } } } } } }";
        assert!(
            check(circular)
                .expect_err("circular")
                .contains("nested inside itself")
        );
    }
}
