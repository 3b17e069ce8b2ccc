//! Articulation points with what each one holds together: how many pieces its component falls
//! into without it, and how many entities that cuts off from the largest piece. One iterative
//! depth-first search (Hopcroft and Tarjan's low points, with subtree sizes), over any graph
//! that implements petgraph's visit traits.
//!
//! petgraph's `articulation_points` finds the same entities (checked in `proptests.rs`) but
//! not the pieces, which is what tells a broker of two large stories from one that holds a
//! single leaf.

use petgraph::visit::{IntoNeighbors, IntoNodeIdentifiers, NodeIndexable};

/// An articulation point and what its removal does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut<N> {
    /// The node.
    pub node: N,
    /// Parts its component falls into without it (at least 2).
    pub pieces: usize,
    /// Nodes of its component, itself excluded, outside the largest of those parts.
    pub separated: usize,
    /// Nodes in its component, itself included.
    pub component: usize,
}

/// Every articulation point of `graph`, taken as undirected (give it an undirected view: each
/// edge must be a neighbour from both ends), in node index order.
///
/// Complexity: O(V + E) time, O(V) memory (the depth-first search keeps its own stack, so a
/// long path cannot overflow the thread's).
pub fn cuts<G>(graph: G) -> Vec<Cut<G::NodeId>>
where
    G: IntoNeighbors + IntoNodeIdentifiers + NodeIndexable,
{
    const NEW: usize = usize::MAX;
    let n = graph.node_bound();
    let mut disc = vec![NEW; n];
    let mut low = vec![0; n];
    let mut size = vec![1usize; n];
    let mut root_of = vec![0; n];
    // Per node: the pieces below it in the search tree that only it joins to the rest.
    let mut pieces = vec![0usize; n];
    let mut in_pieces = vec![0usize; n];
    let mut largest = vec![0usize; n];
    let mut time = 0;
    let mut stack: Vec<(usize, G::Neighbors)> = Vec::new();
    for root in 0..n {
        if disc[root] != NEW {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        root_of[root] = root;
        stack.push((root, graph.neighbors(graph.from_index(root))));
        while let Some((v, neighbors)) = stack.last_mut() {
            let v = *v;
            match neighbors.next().map(|w| graph.to_index(w)) {
                Some(w) if disc[w] == NEW => {
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    root_of[w] = root;
                    stack.push((w, graph.neighbors(graph.from_index(w))));
                }
                // An edge back up the tree (or to the parent, which leaves the test below
                // unchanged: a child's low point is then its parent's own time).
                Some(w) => low[v] = low[v].min(disc[w]),
                None => {
                    stack.pop();
                    if let Some(&(parent, _)) = stack.last() {
                        low[parent] = low[parent].min(low[v]);
                        size[parent] += size[v];
                        if low[v] >= disc[parent] {
                            pieces[parent] += 1;
                            in_pieces[parent] += size[v];
                            largest[parent] = largest[parent].max(size[v]);
                        }
                    }
                }
            }
        }
    }
    (0..n)
        .filter_map(|v| {
            let component = size[root_of[v]];
            let (count, biggest) = if root_of[v] == v {
                // The root: each subtree is a piece of its own.
                (pieces[v], largest[v])
            } else {
                // Besides its pieces, the rest of the component (its parent's side).
                let rest = component - 1 - in_pieces[v];
                (pieces[v] + 1, largest[v].max(rest))
            };
            (pieces[v] > 0 && count >= 2).then(|| Cut {
                node: graph.from_index(v),
                pieces: count,
                separated: component - 1 - biggest,
                component,
            })
        })
        .collect()
}
