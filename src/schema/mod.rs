//! The GraphQL view of the knowledge graph: thin async-graphql wrappers that borrow from a
//! shared `KnowledgeGraph` (the pattern of async-graphql's starwars example).
//!
//! Nothing here computes what the graph does not: resolvers check arguments, call the graph,
//! and wrap what it returns. Nothing here knows about HTTP.

mod entity;
mod enums;
pub mod error;
mod limits;
pub mod paging;
mod query;
mod traversal;
mod views;

use std::sync::Arc;

use async_graphql::extensions::apollo_persisted_queries::{
    ApolloPersistedQueries, LruCacheStorage,
};
use async_graphql::{EmptyMutation, EmptySubscription, Schema};

/// Requests and variables, for running queries in process (benches, fuzzing).
pub use async_graphql::{Request, Variables};
pub use limits::QueryLimits;
pub use query::Query;

use crate::graph::KnowledgeGraph;

/// The schema type served.
pub type KgSchema = Schema<Query, EmptyMutation, EmptySubscription>;

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
}

impl Default for SchemaConfig {
    fn default() -> Self {
        SchemaConfig {
            limits: Limits::default(),
            query_limits: QueryLimits::default(),
            introspection: true,
            suggestions: true,
        }
    }
}

/// Builds the schema over a graph.
pub fn build_schema(graph: Arc<KnowledgeGraph>, config: SchemaConfig) -> KgSchema {
    let types = Arc::new(limits::TypeInfo::from_sdl(&sdl()));
    let mut builder = Schema::build(Query, EmptyMutation, EmptySubscription)
        .data(graph)
        .data(config.limits)
        // The limiter runs first, so that nothing walks a query before its limits are checked;
        // then Apollo's automatic persisted queries (a client may send a query's SHA-256 instead
        // of its text once the server has seen, and the limiter has passed, that text).
        .extension(limits::Limiter {
            limits: config.query_limits,
            types,
            introspection: config.introspection,
        })
        .extension(ApolloPersistedQueries::new(LruCacheStorage::new(
            PERSISTED_QUERIES,
        )));
    if !config.introspection {
        builder = builder.disable_introspection();
    }
    if !config.suggestions {
        builder = builder.disable_suggestions();
    }
    builder.finish()
}

/// Persisted queries remembered (least recently used ones are forgotten first).
pub const PERSISTED_QUERIES: usize = 1024;

/// The schema's SDL, as committed in `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query, EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}
