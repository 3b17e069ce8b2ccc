//! Working memory the traversals reuse from one query to the next: for each entity a dense
//! visited stamp, and for each entity reached the step that reached it. One set per thread, so
//! that concurrent queries on different worker threads never share it and none hashes.
//!
//! Never holds a result: every traversal copies out what it returns before giving the scratch
//! back.

use std::cell::RefCell;

use crate::graph::{ClaimId, EntityId, Step};

/// How an entity was reached.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Visit {
    /// Steps from the root.
    pub depth: u32,
    /// The entity it was reached from and the step as the traversal records it; `None` for a
    /// root (and where a traversal needs no parents).
    pub from: Option<(EntityId, Step)>,
}

/// The entities a traversal has reached, each with its [`Visit`].
///
/// An entity is present when its stamp equals the current generation, so forgetting every
/// entity is one increment rather than a pass over the arrays; visits are appended in
/// discovery order and found through a dense slot per entity.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    stamps: Vec<u32>,
    slots: Vec<u32>,
    generation: u32,
    visits: Vec<Visit>,
}

impl Tree {
    /// Forgets every entity and makes room for `n` of them. O(1), except when the arrays grow
    /// (once per larger graph) and once every 2^32 queries, when the stamps are reset.
    pub fn clear(&mut self, n: usize) {
        if self.stamps.len() < n {
            self.stamps.resize(n, 0);
            self.slots.resize(n, 0);
        }
        self.visits.clear();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Stamps of 2^32 queries ago would look current: start over. 0 is never current.
            self.stamps.fill(0);
            self.generation = 1;
        }
    }

    /// True when `v` was reached.
    #[inline]
    pub fn contains(&self, v: EntityId) -> bool {
        self.stamps.get(v.index()) == Some(&self.generation)
    }

    /// How `v` was reached, if it was.
    #[inline]
    pub fn get(&self, v: EntityId) -> Option<&Visit> {
        if self.contains(v) {
            Some(&self.visits[self.slots[v.index()] as usize])
        } else {
            None
        }
    }

    /// Records that `v` was reached, unless it already was; returns true when it was new.
    #[inline]
    pub fn insert(&mut self, v: EntityId, visit: Visit) -> bool {
        let i = v.index();
        if i >= self.stamps.len() {
            // An id past the entity count given to `clear`: no edge leads there, but a caller
            // may start from one.
            self.stamps.resize(i + 1, 0);
            self.slots.resize(i + 1, 0);
        }
        if self.stamps[i] == self.generation {
            return false;
        }
        self.stamps[i] = self.generation;
        self.slots[i] = self.visits.len() as u32;
        self.visits.push(visit);
        true
    }

    /// Forgets `v` (its visit stays in the list, unreachable).
    pub fn remove(&mut self, v: EntityId) {
        if self.contains(v) {
            self.stamps[v.index()] = 0;
        }
    }

    /// Entities inserted since [`clear`](Self::clear), removed ones included.
    pub fn inserted(&self) -> usize {
        self.visits.len()
    }
}

/// The scratch of one thread: two trees, for the two sides of a bidirectional search, and
/// lists kept for their capacity (each traversal clears the ones it takes).
///
/// Reusing the lists matters beside the trees: after a large load the system allocator's free
/// lists are long, and a query that grew fresh vectors level by level spent most of its time
/// in `malloc` (measured with `perf` on the 100k-entity dataset).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub trees: [Tree; 2],
    /// Frontiers, levels and results in progress.
    pub entities: [Vec<EntityId>; 4],
    /// A neighbourhood's entities with their distances, in progress.
    pub nodes: Vec<(EntityId, u32)>,
    /// Claims met and the entity each leads to.
    pub met: Vec<(ClaimId, EntityId)>,
    /// Claims in progress, and room to sort them.
    pub claims: [Vec<ClaimId>; 2],
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Runs `f` with this thread's scratch. A traversal started from inside another on the same
/// thread (none does today) gets a fresh one rather than a panic.
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::algo::testing::e;

    fn root() -> Visit {
        Visit {
            depth: 0,
            from: None,
        }
    }

    #[test]
    fn a_cleared_tree_forgets_everything_and_grows_on_demand() {
        let mut tree = Tree::default();
        tree.clear(3);
        assert!(tree.insert(e(1), root()));
        assert!(!tree.insert(e(1), root()));
        assert!(tree.contains(e(1)) && !tree.contains(e(0)));
        assert!(tree.insert(e(7), root()), "past the size given to clear");
        assert_eq!(tree.inserted(), 2);
        tree.remove(e(1));
        assert!(!tree.contains(e(1)) && tree.get(e(1)).is_none());
        tree.clear(3);
        assert!(!tree.contains(e(7)));
        assert_eq!(tree.inserted(), 0);
        // The generation wraps: stamps from long ago must not look current.
        tree.insert(e(2), root());
        tree.generation = u32::MAX;
        tree.stamps[0] = 1;
        tree.clear(3);
        assert_eq!(tree.generation, 1);
        assert!(!tree.contains(e(0)) && !tree.contains(e(2)));
    }
}
