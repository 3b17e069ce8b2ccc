//! The GraphQL view of the knowledge graph: thin async-graphql wrappers that borrow from a
//! shared `KnowledgeGraph` (the pattern of async-graphql's starwars example).
//!
//! Nothing here computes what the graph does not: resolvers check arguments, call the graph,
//! and wrap what it returns. Nothing here knows about HTTP.

mod analytics;
mod budget;
mod entity;
mod enums;
pub mod error;
mod limits;
pub mod mutation;
pub mod paging;
mod persisted;
mod query;
mod scalars;
pub mod subscription;
mod traversal;
mod views;
mod vocabulary;

use std::sync::Arc;

use async_graphql::Schema;

/// Requests and variables, for running queries in process (benches, fuzzing).
pub use async_graphql::{Request, Response, Variables};
pub use budget::{RequestBudget, response_too_large, timeout_error};
pub use limits::{Admitted, DocumentCache, QueryLimits, ReadOnlyRequest};
pub use mutation::{Mutation, WriteAccess};
pub use query::Query;
pub use subscription::{ConnectionSubscriptions, Subscription};
pub use vocabulary::type_name as entity_type_name;

use crate::graph::KnowledgeGraph;
use crate::store::Live;

/// The schema type served.
pub type KgSchema = Schema<Query, Mutation, Subscription>;

/// Bounds on what one query may ask of the graph.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest `maxHops` for `path`.
    pub max_hops: usize,
    /// Largest `maxHops` for `paths`.
    pub max_paths_hops: usize,
    /// Largest `hops` for `neighborhood`.
    pub max_neighborhood_hops: usize,
    /// Largest `maxHops` for `related`.
    pub max_related_hops: usize,
    /// Most steps `chain` follows.
    pub max_chain_steps: usize,
    /// Most entities one traversal may visit before it stops and reports itself incomplete.
    pub traversal_max_visited: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_hops: 6,
            max_paths_hops: 4,
            max_neighborhood_hops: 3,
            max_related_hops: 4,
            max_chain_steps: 1000,
            traversal_max_visited: 100_000,
        }
    }
}

/// Everything that shapes the schema's behaviour.
#[derive(Clone, Debug)]
pub struct SchemaConfig {
    /// Argument bounds of the traversals.
    pub limits: Limits,
    /// Limits on a query's text and shape, checked before it runs.
    pub query_limits: QueryLimits,
    /// Answer introspection queries (GraphiQL and codegen need them).
    pub introspection: bool,
    /// Suggest field names in validation errors ("Did you mean …?").
    pub suggestions: bool,
    /// Bytes of query text the automatic persisted query cache may hold (0 turns it off).
    pub persisted_query_bytes: usize,
    /// Estimated bytes of parsed documents the document cache may hold (0 turns it off).
    pub document_cache_bytes: usize,
    /// Expensive queries (estimated cost from `QueryLimits::expensive_cost`) running at once;
    /// the others wait their turn within their deadline. Half the cores, at least one, so the
    /// rest stay free for cheap queries.
    pub expensive_concurrency: usize,
}

impl Default for SchemaConfig {
    fn default() -> Self {
        SchemaConfig {
            limits: Limits::default(),
            query_limits: QueryLimits::default(),
            introspection: true,
            suggestions: true,
            persisted_query_bytes: 4 * 1024 * 1024,
            document_cache_bytes: 32 * 1024 * 1024,
            expensive_concurrency: std::thread::available_parallelism()
                .map_or(1, |n| (n.get() / 2).max(1)),
        }
    }
}

/// Builds the schema over a graph: its `Predicate` enum and typed relationship fields come from
/// the graph's vocabulary.
pub fn build_schema(graph: Arc<KnowledgeGraph>, config: SchemaConfig) -> KgSchema {
    build_live_schema(Arc::new(Live::read_only(graph)), config)
}

/// Builds the schema over a graph that writes may change: each request should carry the
/// version it reads (`Request::data(snapshot.graph)`), else it reads the version current when
/// the schema was built.
pub fn build_live_schema(live: Arc<Live>, config: SchemaConfig) -> KgSchema {
    let graph = live.snapshot().graph.clone();
    let typed = Arc::new(vocabulary::TypedFields::new(graph.vocabulary()));
    let types = Arc::new(limits::LiveTypes::new(&graph, sdl(&graph), typed.clone()));
    let documents = Arc::new(DocumentCache::new(config.document_cache_bytes));
    let mut builder = vocabulary::building(&typed, || Schema::build(Query, Mutation, Subscription))
        .data(graph)
        .data(documents.clone())
        .data(live)
        .data(typed)
        .data(config.limits)
        // The limiter runs first, so that nothing walks a query before its limits are checked;
        // it also serves automatic persisted queries, so that a query sent by hash passes the
        // same checks. The guard holds each request to its time and response-size budget.
        .extension(limits::Limiter {
            limits: config.query_limits,
            types,
            introspection: config.introspection,
            persisted: Arc::new(persisted::PersistedQueries::new(
                config.persisted_query_bytes,
            )),
            expensive: Arc::new(tokio::sync::Semaphore::new(
                config.expensive_concurrency.max(1),
            )),
            documents: documents.clone(),
        })
        .extension(budget::Guard);
    if !config.introspection {
        builder = builder.disable_introspection();
    }
    if !config.suggestions {
        builder = builder.disable_suggestions();
    }
    builder.finish()
}

/// The SDL of the schema over a graph (the seed's is committed as `schema.graphql`).
pub fn sdl(graph: &KnowledgeGraph) -> String {
    let typed = Arc::new(vocabulary::TypedFields::new(graph.vocabulary()));
    vocabulary::building(&typed, || Schema::build(Query, Mutation, Subscription))
        .finish()
        .sdl_with_options(async_graphql::SDLExportOptions::new().include_specified_by())
}
