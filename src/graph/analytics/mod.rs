//! Whole-graph analytics over a [`GraphView`](super::view::GraphView): PageRank centrality,
//! connected components, and brokers (articulation points: the entities whose removal leaves
//! their component in pieces, with the size of what each one cuts off). Each result is computed once per graph version and scope, then
//! served from a small cache that the graph carries (a write makes a new graph, with an empty
//! cache, so a cached result is never stale).
//!
//! Every analysis visits every entity of its view, so it is bounded as a traversal is: a view
//! with more entities than the budget's `max_visited` is not analysed, and the result says it
//! is incomplete. Pure: no IO, nothing of GraphQL or HTTP.

mod components;
mod cuts;
mod page_rank;
#[cfg(test)]
mod proptests;

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use lru::LruCache;
use petgraph::visit::{IntoEdges, NodeCount};

pub use components::{Component, components};
pub use cuts::{Cut, cuts};
pub use page_rank::{DAMPING, ITERATIONS, page_rank};

use super::algo::{Bounded, Budget};
use super::view::{GraphView, ViewFilter};
use super::{EntityId, EntityKind, KnowledgeGraph, Predicate};

/// Which part of the graph an analysis covers; the key its result is cached under. Two
/// filters that name the same kinds and predicates in another order are the same scope.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scope {
    kinds: Vec<EntityKind>,
    predicates: Vec<Predicate>,
    stated_only: bool,
}

impl Scope {
    /// The scope of a view filter.
    pub fn new(filter: &ViewFilter<'_>) -> Scope {
        let mut kinds = filter.kinds.to_vec();
        kinds.sort_unstable();
        kinds.dedup();
        let mut predicates = filter.predicates.to_vec();
        predicates.sort_unstable();
        predicates.dedup();
        Scope {
            kinds,
            predicates,
            stated_only: filter.stated_only,
        }
    }

    /// The view filter of this scope.
    pub fn filter(&self) -> ViewFilter<'_> {
        ViewFilter {
            predicates: &self.predicates,
            kinds: &self.kinds,
            stated_only: self.stated_only,
        }
    }
}

/// An entity and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// The entity.
    pub entity: EntityId,
    /// Its score (PageRank: the ranks of a view sum to 1).
    pub score: f64,
}

/// An entity whose removal would split its component: every path between some two entities
/// of the component passes through it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broker {
    /// The entity.
    pub entity: EntityId,
    /// Relations at it in the view (either way).
    pub relations: usize,
    /// Entities in its component, itself included.
    pub component: usize,
    /// Parts its component falls into without it (at least 2).
    pub pieces: usize,
    /// Entities of its component, itself excluded, that would be cut off from the largest of
    /// those parts: how much of the graph reaches the rest only through it.
    pub separated: usize,
}

/// Scores are rounded to this many parts (12 decimal places): the sums of a PageRank depend
/// in their last bits on the order the edges are added in, which differs between a graph built
/// at once and the same graph extended by writes. Rounded, equal ranks compare equal (and tie
/// by id) whatever the order, and the answer is the same bytes.
const SCORE_SCALE: f64 = 1e12;

/// Results kept per scope, for each analysis.
const CACHED_SCOPES: usize = 16;

/// The analyses of one graph version, by scope (least recently used dropped first).
pub(crate) struct Cache {
    centrality: Mutex<LruCache<Scope, Arc<[Ranked]>>>,
    components: Mutex<LruCache<Scope, Arc<[Component<EntityId>]>>>,
    brokers: Mutex<LruCache<Scope, Arc<[Broker]>>>,
}

impl Default for Cache {
    fn default() -> Self {
        let n = NonZeroUsize::new(CACHED_SCOPES).expect("CACHED_SCOPES is not zero");
        Cache {
            centrality: Mutex::new(LruCache::new(n)),
            components: Mutex::new(LruCache::new(n)),
            brokers: Mutex::new(LruCache::new(n)),
        }
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache").finish_non_exhaustive()
    }
}

/// The cached result for `scope`, else `compute`'s (kept unless the budget cut it short).
/// Computed outside the lock: two requests that miss together both compute, and neither waits.
fn cached<T: ?Sized>(
    cache: &Mutex<LruCache<Scope, Arc<T>>>,
    scope: &Scope,
    compute: impl FnOnce() -> Bounded<Arc<T>>,
) -> Bounded<Arc<T>> {
    let lock = || cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(hit) = lock().get(scope) {
        return Bounded {
            value: hit.clone(),
            complete: true,
        };
    }
    let found = compute();
    if found.complete {
        lock().put(scope.clone(), found.value.clone());
    }
    found
}

/// The empty result of an analysis the budget did not allow.
fn refused<T>() -> Bounded<Arc<[T]>> {
    Bounded {
        value: Arc::from(Vec::new()),
        complete: false,
    }
}

impl KnowledgeGraph {
    /// Every entity of the scope by PageRank over its claims (subject → object), highest
    /// first, ties by entity id; see [`page_rank`] for the definition, with [`DAMPING`] and
    /// [`ITERATIONS`]. Scores are rounded to 12 decimal places.
    ///
    /// Complexity: O(ITERATIONS × (V + E)) for the view's entities and claims the first time
    /// for a scope and graph version, O(1) after; incomplete (and empty) when the view has more
    /// than `budget.max_visited` entities.
    pub fn centrality(&self, scope: &Scope, budget: Budget) -> Bounded<Arc<[Ranked]>> {
        cached(&self.analytics.centrality, scope, || {
            let view = GraphView::directed(self, &scope.filter());
            if view.node_count() > budget.max_visited {
                return refused();
            }
            let ranks = page_rank(&view, DAMPING, ITERATIONS);
            let mut ranked: Vec<Ranked> = ranks
                .iter()
                .enumerate()
                .map(|(i, &score)| Ranked {
                    entity: petgraph::visit::NodeIndexable::from_index(&view, i),
                    score: (score * SCORE_SCALE).round() / SCORE_SCALE,
                })
                .collect();
            ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
            Bounded {
                value: ranked.into(),
                complete: true,
            }
        })
    }

    /// The connected components of the scope (claims taken either way), largest first; see
    /// [`components`].
    ///
    /// Complexity: O(V + E α(V) + V log V) the first time for a scope and graph version, O(1)
    /// after; incomplete (and empty) past `budget.max_visited` entities.
    pub fn components(&self, scope: &Scope, budget: Budget) -> Bounded<Arc<[Component<EntityId>]>> {
        cached(&self.analytics.components, scope, || {
            let view = GraphView::undirected(self, &scope.filter());
            if view.node_count() > budget.max_visited {
                return refused();
            }
            Bounded {
                value: components(&view).into(),
                complete: true,
            }
        })
    }

    /// The brokers of the scope: its articulation points (claims taken either way), the ones
    /// that cut off the most entities first, then most relations, then by id; see [`cuts`].
    ///
    /// Complexity: O(V + E) the first time for a scope and graph version, O(1) after;
    /// incomplete (and empty) past `budget.max_visited` entities.
    pub fn brokers(&self, scope: &Scope, budget: Budget) -> Bounded<Arc<[Broker]>> {
        cached(&self.analytics.brokers, scope, || {
            let view = GraphView::undirected(self, &scope.filter());
            if view.node_count() > budget.max_visited {
                return refused();
            }
            let mut brokers: Vec<Broker> = cuts(&view)
                .into_iter()
                .map(|cut| Broker {
                    entity: cut.node,
                    relations: view.edges(cut.node).count(),
                    component: cut.component,
                    pieces: cut.pieces,
                    separated: cut.separated,
                })
                .collect();
            brokers.sort_by(|a, b| {
                b.separated
                    .cmp(&a.separated)
                    .then(b.relations.cmp(&a.relations))
                    .then(a.entity.cmp(&b.entity))
            });
            Bounded {
                value: brokers.into(),
                complete: true,
            }
        })
    }
}
