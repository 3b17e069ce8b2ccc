//! olympia-kg: a GraphQL knowledge-graph server where every fact cites the exact words of a
//! source.
//!
//! # Layout
//!
//! The layers point one way, each knowing nothing of the ones after it:
//!
//! - [`dataset`]: reads and validates a dataset directory (or the embedded seed), the only
//!   module that does IO on data; yields a [`graph::KnowledgeGraph`] or every problem found.
//! - [`graph`]: the in-memory graph (a CSR adjacency of the relation claims), its indexes, search and traversals
//!   (`graph::algo`); pure, no IO, no GraphQL, no HTTP. `graph::view` shows it to petgraph's
//!   algorithms through petgraph's visit traits; `graph::analytics` runs and caches PageRank,
//!   components and articulation points on that view.
//! - [`export`]: the graph in the formats analysts' tools read (GraphML, DOT, N-Triples,
//!   JSON-LD), written to any `impl Write`; reads the graph, opens no file.
//! - [`store`]: the durable store (SQLite) behind `--db`, and the write path that validates a
//!   write with the dataset loader, commits it and publishes the next graph version.
//! - [`schema`]: the async-graphql view over `&KnowledgeGraph`: thin wrappers, no logic of
//!   their own beyond argument checks.
//! - [`server`]: the axum application: GraphQL over HTTP, GraphiQL assets, limits, shutdown.
//! - [`codes`]: every error code the API returns, one enum used by `store`, `schema` and
//!   `server` alike; [`cache`]: the counted, weight-bounded cache under the document cache
//!   (`schema`) and the response cache (`server`).
//!
//! `main.rs` only parses the command line and calls into these.

pub mod cache;
pub mod codes;
pub mod dataset;
pub mod export;
#[doc(hidden)]
pub mod fuzzing;
pub mod graph;
pub mod schema;
pub mod server;
pub mod store;
