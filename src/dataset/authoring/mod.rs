//! Helpers for writing a dataset by hand: where a phrase occurs in a source, as evidence ready
//! to paste ([`locate`]), and which names in the source texts no entity covers yet
//! ([`uncovered`]).
//!
//! They read a loaded [`KnowledgeGraph`](crate::graph::KnowledgeGraph) and only advise: they
//! never change the graph, and they find quotes exactly as the loader does (the same
//! occurrence counting, the same near-miss hint), so what `locate` prints is what `check`
//! accepts.

mod locate;
mod names;
mod uncovered;

pub use locate::{LocateError, Occurrence, UnknownSource, find_source, locate};
pub use uncovered::{Candidate, uncovered};
