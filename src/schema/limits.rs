//! Query limits, checked after parsing and before validation or execution: length in bytes and
//! tokens, depth, estimated cost, aliases, root fields, directives, and the shape of
//! introspection queries. Each refusal names the limit, its value and the flag that sets it, and
//! carries an `extensions.code`.
//!
//! The cost estimate is computed here rather than with async-graphql's `complexity` attributes:
//! those are not applied to a field selected through an interface (`node`, `entity`), and their
//! arithmetic is not saturating. Here every field is looked up in the schema by its parent type
//! (interfaces included), list fields count by their page size, and all arithmetic saturates.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest,
};
use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, OperationDefinition, Selection, SelectionSet,
    TypeKind, TypeSystemDefinition,
};
use async_graphql::{Name, Positioned, Request, ServerError, ServerResult, Value, Variables};

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
    /// relations with each one's predicate and evidence quotes costs 1,302 here, so 10,000.
    pub max_cost: usize,
    /// Most aliases in a document: graphql-armor's `maxAliases` default, 15.
    pub max_aliases: usize,
    /// Most fields selected at the root of an operation. No common anchor: 20 is twice the
    /// widest dashboard query we expect.
    pub max_root_fields: usize,
    /// Most directives in a document: graphql-armor's `maxDirectives` default, 50.
    pub max_directives: usize,
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
        }
    }
}

/// Assumed length of a list whose size no argument bounds (evidence, mentions, aliases…).
const UNBOUNDED_LIST: usize = 10;
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

/// The schema, reduced to what cost analysis needs.
#[derive(Debug, Default)]
pub(crate) struct TypeInfo {
    fields: HashMap<(String, String), FieldInfo>,
}

impl TypeInfo {
    /// Reads the schema's own SDL.
    pub(crate) fn from_sdl(sdl: &str) -> TypeInfo {
        let mut info = TypeInfo::default();
        let Ok(document) = async_graphql::parser::parse_schema(sdl) else {
            return info;
        };
        for definition in document.definitions {
            let TypeSystemDefinition::Type(ty) = definition else {
                continue;
            };
            let fields = match ty.node.kind {
                TypeKind::Object(o) => o.fields,
                TypeKind::Interface(i) => i.fields,
                _ => continue,
            };
            for field in fields {
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
                info.fields.insert(
                    (
                        ty.node.name.node.to_string(),
                        field.node.name.node.to_string(),
                    ),
                    FieldInfo {
                        ty: named.to_string(),
                        list,
                        int_defaults,
                    },
                );
            }
        }
        info
    }
}

/// The extension that applies [`QueryLimits`].
pub(crate) struct Limiter {
    pub(crate) limits: QueryLimits,
    pub(crate) types: Arc<TypeInfo>,
    /// False when introspection is turned off: such queries are then refused with a code.
    pub(crate) introspection: bool,
}

impl ExtensionFactory for Limiter {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(LimiterExtension {
            limits: self.limits.clone(),
            types: self.types.clone(),
            introspection: self.introspection,
        })
    }
}

struct LimiterExtension {
    limits: QueryLimits,
    types: Arc<TypeInfo>,
    introspection: bool,
}

fn refuse(code: &str, message: String) -> ServerError {
    let mut error = ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code);
    error.extensions = Some(extensions);
    error
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
        // A persisted query sent by hash alone has no text; its text was checked when it was
        // registered.
        if !request.query.is_empty() {
            let document = self.check(
                &request.query,
                &request.variables,
                request.operation_name.as_deref(),
            )?;
            request.set_parsed_query(document);
        }
        next.run(ctx, request).await
    }
}

impl LimiterExtension {
    fn check(
        &self,
        query: &str,
        variables: &Variables,
        operation: Option<&str>,
    ) -> ServerResult<ExecutableDocument> {
        let l = &self.limits;
        // Text limits first, so an oversized query is refused before it is parsed.
        if query.len() > l.max_query_bytes {
            return Err(refuse(
                "QUERY_TOO_LONG",
                format!(
                    "the query is {} bytes, over the limit of {} (--max-query-bytes)",
                    query.len(),
                    l.max_query_bytes
                ),
            ));
        }
        let tokens = count_tokens(query, l.max_tokens + 1);
        if tokens > l.max_tokens {
            return Err(refuse(
                "TOO_MANY_TOKENS",
                format!(
                    "the query has more than {} tokens (--max-tokens)",
                    l.max_tokens
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
        check_document(&document, variables, l, &self.types)?;
        if !self.introspection && uses_introspection(&document) {
            return Err(refuse(
                "INTROSPECTION_DISABLED",
                "introspection is turned off on this server (--no-introspection); the schema is published as schema.graphql".to_owned(),
            ));
        }
        if let Some(missing) = missing_variable(&document, operation, variables) {
            return Err(missing);
        }
        Ok(document)
    }
}

/// The executor checks a required variable only when a field uses it, as a field error; the
/// specification makes a missing one a request error, raised before execution.
fn missing_variable(
    document: &ExecutableDocument,
    operation: Option<&str>,
    variables: &Variables,
) -> Option<ServerError> {
    let operation = match (&document.operations, operation) {
        (DocumentOperations::Single(op), _) => op,
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name)?,
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next()?,
        _ => return None,
    };
    operation
        .node
        .variable_definitions
        .iter()
        .find_map(|definition| {
            let definition = &definition.node;
            let name = &definition.name.node;
            let provided = variables.get(name).is_some_and(|v| *v != Value::Null);
            (!definition.var_type.node.nullable && definition.default_value.is_none() && !provided)
                .then(|| {
                    let mut error = refuse(
                        "BAD_USER_INPUT",
                        format!(
                            "variable \"${name}\" of required type \"{}\" was not provided",
                            definition.var_type.node
                        ),
                    );
                    error.locations = vec![definition.name.pos];
                    error
                })
        })
}

/// Counts GraphQL lexical tokens (punctuators, names, numbers, strings), stopping at `stop`.
pub(crate) fn count_tokens(query: &str, stop: usize) -> usize {
    let bytes = query.as_bytes();
    let mut i = 0;
    let mut count = 0;
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
                count += 1;
                i += 1;
            }
        }
    }
    count
}

/// Measures of a selection set, memoised per fragment so that nested fragments cost linear time.
#[derive(Clone, Copy, Debug, Default)]
struct Measure {
    depth: usize,
    cost: usize,
}

struct Analysis<'a> {
    document: &'a ExecutableDocument,
    variables: &'a Variables,
    types: &'a TypeInfo,
    /// Fragments measured, by (name, parent type).
    memo: HashMap<(&'a str, String), Measure>,
    /// Fragments being measured (a cycle is a validation error reported later; here it stops).
    visiting: Vec<&'a str>,
    introspection_problem: Option<String>,
}

fn check_document(
    document: &ExecutableDocument,
    variables: &Variables,
    l: &QueryLimits,
    types: &TypeInfo,
) -> ServerResult<()> {
    let (aliases, directives) = count_aliases_and_directives(document);
    if aliases > l.max_aliases {
        return Err(refuse(
            "TOO_MANY_ALIASES",
            format!(
                "the query uses {aliases} aliases, over the limit of {} (--max-aliases)",
                l.max_aliases
            ),
        ));
    }
    if directives > l.max_directives {
        return Err(refuse(
            "TOO_MANY_DIRECTIVES",
            format!(
                "the query uses {directives} directives, over the limit of {} (--max-directives)",
                l.max_directives
            ),
        ));
    }
    let operations = operations(document);
    let mut analysis = Analysis {
        document,
        variables,
        types,
        memo: HashMap::new(),
        visiting: Vec::new(),
        introspection_problem: None,
    };
    for operation in operations {
        let root_fields = count_root_fields(
            document,
            &operation.node.selection_set.node,
            &mut Vec::new(),
        );
        if root_fields > l.max_root_fields {
            return Err(refuse(
                "TOO_MANY_ROOT_FIELDS",
                format!(
                    "the operation selects {root_fields} root fields, over the limit of {} (--max-root-fields)",
                    l.max_root_fields
                ),
            ));
        }
        let measure = analysis.selection_set(&operation.node.selection_set.node, "Query");
        if let Some(problem) = analysis.introspection_problem.take() {
            return Err(refuse("INTROSPECTION_TOO_DEEP", problem));
        }
        if measure.depth > l.max_depth {
            return Err(refuse(
                "QUERY_TOO_DEEP",
                format!(
                    "the query is {} levels deep, over the limit of {} (--max-depth)",
                    measure.depth, l.max_depth
                ),
            ));
        }
        if measure.cost > l.max_cost {
            return Err(refuse(
                "QUERY_TOO_COMPLEX",
                format!(
                    "the query's estimated cost is {}, over the limit of {} (--max-cost); lists count by their page size (`first`/`last`), so ask for smaller pages or fewer nested lists",
                    measure.cost, l.max_cost
                ),
            ));
        }
    }
    Ok(())
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
        if let Some(m) = self.memo.get(&(name, on.clone())) {
            return *m;
        }
        if self.visiting.contains(&name) {
            return Measure::default();
        }
        self.visiting.push(name);
        let m = self.selection_set(&fragment.node.selection_set.node, &on);
        self.visiting.pop();
        self.memo.insert((name, on), m);
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
        let info = self
            .types
            .fields
            .get(&(parent.to_owned(), name.to_owned()))
            .cloned();
        let child_type = info.as_ref().map_or(String::new(), |i| i.ty.clone());
        let children = self.selection_set(&field.selection_set.node, &child_type);
        let multiplier = self.multiplier(field, parent, info.as_ref());
        Measure {
            depth: children.depth + 1,
            cost: children.cost.saturating_mul(multiplier).saturating_add(1),
        }
    }

    /// How many times a field's selection is resolved, at most.
    fn multiplier(
        &self,
        field: &async_graphql::parser::types::Field,
        parent: &str,
        info: Option<&FieldInfo>,
    ) -> usize {
        let Some(info) = info else { return 1 };
        let int = |arg: &str| -> Option<usize> {
            let value = field
                .arguments
                .iter()
                .find(|(n, _)| n.node == arg)
                .map(|(_, v)| self.resolve(&v.node));
            match value {
                Some(Value::Number(n)) => {
                    Some(n.as_i64().map_or(usize::MAX, |v| v.max(0) as usize))
                }
                Some(_) => None,
                None => info.int_defaults.get(arg).map(|&v| v.max(0) as usize),
            }
        };
        let page = || int("first").or_else(|| int("last"));
        match (parent, field.name.node.as_str()) {
            ("Query", "nodes") => field
                .arguments
                .iter()
                .find(|(n, _)| n.node == "ids")
                .map_or(1, |(_, v)| match self.resolve(&v.node) {
                    Value::List(items) => items.len(),
                    _ => 1,
                }),
            ("Query", "path") => int("maxHops").unwrap_or(1),
            ("Query", "paths") => page()
                .unwrap_or(1)
                .saturating_mul(int("maxHops").unwrap_or(1)),
            ("Query", "neighborhood") | ("Query", "related") | ("Query", "search") => {
                page().unwrap_or(1)
            }
            ("Query", "chain") => UNBOUNDED_LIST,
            // Lists whose length the parent already counted.
            ("Path" | "Subgraph" | "RelationConnection" | "EntityConnection", _) => 1,
            _ if info.list => UNBOUNDED_LIST,
            _ if info.ty.ends_with("Connection") => page().unwrap_or(DEFAULT_PAGE),
            _ => 1,
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

    fn check(query: &str) -> Result<(), String> {
        let types = TypeInfo::from_sdl(&super::super::sdl());
        let document = async_graphql::parser::parse_query(query).map_err(|e| e.to_string())?;
        check_document(
            &document,
            &Variables::default(),
            &QueryLimits::default(),
            &types,
        )
        .map_err(|e| e.message)
    }

    #[test]
    fn tokens_are_counted_like_a_lexer() {
        assert_eq!(count_tokens("{ a(b: \"x, y\") { ...F } } # c d e", 100), 12);
        assert_eq!(count_tokens("query Q($n: Int = 1.5e3) { x }", 100), 13);
        assert_eq!(count_tokens(&"{ a }".repeat(1000), 10), 10);
    }

    #[test]
    fn the_documented_cost_of_a_page_of_relations() {
        let types = TypeInfo::from_sdl(&super::super::sdl());
        let query = "{ entity(id: \"x\") { relations(first: 100) { nodes { predicate evidence { quote } } } } }";
        let document = async_graphql::parser::parse_query(query).expect("parses");
        let mut analysis = Analysis {
            document: &document,
            variables: &Variables::default(),
            types: &types,
            memo: HashMap::new(),
            visiting: Vec::new(),
            introspection_problem: None,
        };
        let DocumentOperations::Single(op) = &document.operations else {
            unreachable!("one operation")
        };
        assert_eq!(
            analysis
                .selection_set(&op.node.selection_set.node, "Query")
                .cost,
            1302
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
