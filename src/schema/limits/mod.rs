//! Query limits, checked after parsing and before validation or execution: length in bytes and
//! tokens, depth, estimated cost, aliases, root fields, directives, and the shape of
//! introspection queries. Each refusal names the limit, its value and the flag that sets it, and
//! carries an `extensions.code`.
//!
//! The cost estimate is computed here rather than with async-graphql's `complexity` attributes:
//! those are not applied to a field selected through an interface (`node`, `entity`), and their
//! arithmetic is not saturating. Here every field is looked up in the schema by its parent type
//! (interfaces included), list fields count by their page size, and all arithmetic saturates.
//!
//! One concern per file: `scan` (text limits before parsing), `types` (the schema and the
//! graph's longest lists, as the cost needs them), `cost` (the walk that measures a document),
//! `introspection` (the introspection rule), `variables` (request errors in variable values).

mod cache;
mod cost;
mod introspection;
mod scan;
#[cfg(test)]
mod tests;
mod types;
mod variables;

use std::sync::Arc;

use async_graphql::parser::types::OperationType;
use async_graphql::{ServerError, ServerResult, Variables};

use super::error::{ErrorCode, request_error};
use async_graphql::Request;
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextValidation,
};

use super::budget::RequestBudget;
use super::persisted::{PersistedQueries, PersistedQuery};
use crate::graph::KnowledgeGraph;

pub use cache::DocumentCache;
pub(crate) use scan::{MAX_NESTING, scan};
pub(crate) use types::{LiveTypes, TypeInfo};

use cache::Prepared;
use cost::{check_document, operations};
use introspection::uses_introspection;
use variables::{selected_operation, variable_problem};

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
    /// Documents already parsed and measured.
    pub(crate) documents: Arc<DocumentCache>,
}

/// Request data marking a request that came by HTTP GET, which may only run a query.
#[derive(Clone, Copy, Debug)]
pub struct ReadOnlyRequest;

/// Request data the limiter fills in for the HTTP layer: what it admitted.
#[derive(Debug, Default)]
pub struct Admitted {
    query: std::sync::OnceLock<bool>,
}

impl Admitted {
    /// True when the operation admitted is a query (not a mutation or subscription): its answer
    /// then depends only on the document, variables and graph version.
    pub fn is_query(&self) -> bool {
        self.query.get() == Some(&true)
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
            documents: self.documents.clone(),
            validation: std::sync::Mutex::new(Validation::Run(None)),
        })
    }
}

struct LimiterExtension {
    limits: QueryLimits,
    types: Arc<LiveTypes>,
    introspection: bool,
    persisted: Arc<PersistedQueries>,
    expensive: Arc<tokio::sync::Semaphore>,
    documents: Arc<DocumentCache>,
    /// What this request's validation does, decided when its document is known.
    validation: std::sync::Mutex<Validation>,
}

/// How a request is validated.
enum Validation {
    /// By async-graphql's rules; a success is kept with the cached document, if any.
    Run(Option<Arc<Prepared>>),
    /// Not again: the document passed before, and this request's variables pass the one rule
    /// that reads them (values of the right type for their arguments).
    Passed(async_graphql::ValidationResult),
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
        let read_only = request
            .data
            .contains_key(&std::any::TypeId::of::<ReadOnlyRequest>());
        let (prepared, cost, query) = self.check(
            &types,
            &request.query,
            &request.variables,
            request.operation_name.as_deref(),
            read_only,
        )?;
        if let Some(admitted) = request
            .data
            .get(&std::any::TypeId::of::<Arc<Admitted>>())
            .and_then(|a| a.downcast_ref::<Arc<Admitted>>())
        {
            let _ = admitted.query.set(query);
        }
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
                ErrorCode::QueryTooComplex,
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
        let operation = selected_operation(&prepared.document, request.operation_name.as_deref());
        let validation = match (prepared.validated(), operation) {
            (Some(result), Some(operation))
                if variables_pass(&ctx.schema_env.registry, operation, &request.variables) =>
            {
                Validation::Passed(result)
            }
            _ => Validation::Run(Some(prepared.clone())),
        };
        if let Ok(mut slot) = self.validation.lock() {
            *slot = validation;
        }
        request.set_parsed_query(prepared.document.clone());
        next.run(ctx, request).await
    }

    /// Skips async-graphql's validation of a document it validated before, when this request's
    /// variables pass; otherwise validates, and keeps a success with the cached document.
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<async_graphql::ValidationResult, Vec<ServerError>> {
        let validation = self
            .validation
            .lock()
            .map(|mut slot| std::mem::replace(&mut *slot, Validation::Run(None)))
            .unwrap_or(Validation::Run(None));
        match validation {
            Validation::Passed(result) => Ok(result),
            Validation::Run(prepared) => {
                let result = next.run(ctx).await?;
                if let Some(prepared) = prepared {
                    prepared.set_validated(result);
                }
                Ok(result)
            }
        }
    }
}

impl LimiterExtension {
    /// Every check of a query's text against the limits, with its variables; the parsed
    /// document, its estimated cost, and whether the operation it runs is a query. A document
    /// seen before comes from the cache: only what depends on this request is checked again.
    fn check(
        &self,
        types: &TypeInfo,
        query: &str,
        variables: &Variables,
        operation: Option<&str>,
        read_only: bool,
    ) -> ServerResult<(Arc<Prepared>, usize, bool)> {
        let prepared = match self.documents.get(query) {
            Some(prepared) => prepared,
            None => {
                let prepared = Arc::new(self.prepare(query)?);
                self.documents.insert(query, prepared.clone());
                prepared
            }
        };
        let document = &prepared.document;
        let selected = selected_operation(document, operation);
        if read_only
            && selected.is_none_or(|operation| operation.node.ty != OperationType::Query)
            && operations(document)
                .iter()
                .any(|operation| operation.node.ty != OperationType::Query)
        {
            return Err(request_error(
                ErrorCode::MethodNotAllowed,
                "only queries may be sent with GET; send mutations and subscriptions with POST"
                    .to_owned(),
            ));
        }
        // Variables before cost: a cost computed from a malformed number means nothing.
        if let Some(problem) = selected.and_then(|operation| variable_problem(operation, variables))
        {
            return Err(problem);
        }
        let cost = match prepared.fixed_cost(types.id) {
            Some(cost) => cost,
            None => {
                let measured = check_document(document, variables, &self.limits, types)?;
                if !measured.read_variables {
                    prepared.set_fixed_cost(types.id, measured.cost);
                }
                measured.cost
            }
        };
        if !self.introspection && prepared.uses_introspection {
            return Err(request_error(
                ErrorCode::IntrospectionDisabled,
                "introspection is turned off on this server (--no-introspection); the schema is published as schema.graphql".to_owned(),
            ));
        }
        let query = selected.is_some_and(|operation| operation.node.ty == OperationType::Query);
        Ok((prepared.clone(), cost, query))
    }

    /// The text limits, then the parse: what a document must pass to be cached.
    fn prepare(&self, query: &str) -> ServerResult<Prepared> {
        let l = &self.limits;
        // Text limits first, so an oversized query is refused before it is parsed.
        if query.len() > l.max_query_bytes {
            return Err(request_error(
                ErrorCode::QueryTooLong,
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
                ErrorCode::TooManyTokens,
                format!(
                    "the query has more than {} tokens (--max-tokens)",
                    l.max_tokens
                ),
            ));
        }
        if scanned.nesting > MAX_NESTING {
            return Err(request_error(
                ErrorCode::QueryTooDeep,
                format!(
                    "the query nests brackets {} deep, over the limit of {MAX_NESTING} (values and selections included)",
                    scanned.nesting
                ),
            ));
        }
        let document = async_graphql::parser::parse_query(query).map_err(|e| {
            let mut error = ServerError::from(e);
            let mut extensions = async_graphql::ErrorExtensionValues::default();
            extensions.set("code", ErrorCode::ParseFailed.as_str());
            error.extensions = Some(extensions);
            error
        })?;
        let introspection = uses_introspection(&document);
        Ok(Prepared::new(document, introspection))
    }
}

/// True when every variable the operation declares has a value (given, or its default) of its
/// declared type: what async-graphql's `ArgumentsOfCorrectType` rule finds of a value that came
/// from a variable, and the only rule whose verdict depends on the request. A missing or null
/// value is not a pass (the full validation decides: a nullable variable may stand where a
/// non-null argument with a default is, and null is then checked against that argument).
fn variables_pass(
    registry: &async_graphql::registry::Registry,
    operation: &async_graphql::Positioned<async_graphql::parser::types::OperationDefinition>,
    variables: &Variables,
) -> bool {
    operation
        .node
        .variable_definitions
        .iter()
        .all(|definition| {
            let definition = &definition.node;
            let name = definition.name.node.as_str();
            let value = variables
                .get(&definition.name.node)
                .or_else(|| definition.default_value.as_ref().map(|d| &d.node));
            value.is_some_and(|value| {
                *value != async_graphql::Value::Null
                    && async_graphql::is_valid_input_value(
                        registry,
                        &definition.var_type.node.to_string(),
                        value,
                        async_graphql::QueryPathNode {
                            parent: None,
                            segment: async_graphql::QueryPathSegment::Name(name),
                        },
                    )
                    .is_none()
            })
        })
}
