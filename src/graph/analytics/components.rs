//! Connected components (edges taken either way) with their sizes, their relation counts and a
//! representative, by petgraph's union-find over any graph that implements its visit traits.

use petgraph::unionfind::UnionFind;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeCompactIndexable};

/// One connected component.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Component<N> {
    /// Its nodes, most edges first (ties by node index): the first is its representative.
    pub members: Vec<N>,
    /// Edges with both ends in it.
    pub relations: usize,
}

impl<N: Copy> Component<N> {
    /// The member with the most edges.
    pub fn representative(&self) -> N {
        self.members[0]
    }
}

/// The connected components of `graph`, edges taken either way: largest first, then most
/// relations, then by the lowest index of a member. A node without edges is a component of
/// one.
///
/// The number of components equals `petgraph::algo::connected_components(graph)` on an
/// undirected graph (checked in `proptests.rs`).
///
/// Complexity: O(V + E α(V)) time (union-find with path compression), O(V) memory, plus
/// O(V log V) to order the members.
pub fn components<G>(graph: G) -> Vec<Component<G::NodeId>>
where
    G: NodeCompactIndexable + IntoEdgeReferences,
{
    let n = graph.node_bound();
    let mut sets = UnionFind::<usize>::new(n);
    // Edges at each node (a loop once), and edge ends (a loop twice: halved, the relations).
    let mut degree = vec![0usize; n];
    let mut ends = vec![0usize; n];
    for edge in graph.edge_references() {
        let (a, b) = (graph.to_index(edge.source()), graph.to_index(edge.target()));
        degree[a] += 1;
        if a != b {
            degree[b] += 1;
        }
        ends[a] += 1;
        ends[b] += 1;
        sets.union(a, b);
    }
    let labels = sets.into_labeling();
    // Components numbered by their first member's index.
    let mut number = vec![usize::MAX; n];
    let mut groups: Vec<(Vec<usize>, usize)> = Vec::new();
    for (i, &root) in labels.iter().enumerate() {
        if number[root] == usize::MAX {
            number[root] = groups.len();
            groups.push((Vec::new(), 0));
        }
        let group = &mut groups[number[root]];
        group.0.push(i);
        group.1 += ends[i];
    }
    let mut found: Vec<(usize, Component<G::NodeId>)> = groups
        .into_iter()
        .map(|(mut members, ends)| {
            // Members were pushed in index order.
            let first = members[0];
            members.sort_by(|&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
            (
                first,
                Component {
                    relations: ends / 2,
                    members: members.into_iter().map(|i| graph.from_index(i)).collect(),
                },
            )
        })
        .collect();
    found.sort_by(|(a_first, a), (b_first, b)| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(b.relations.cmp(&a.relations))
            .then(a_first.cmp(b_first))
    });
    found.into_iter().map(|(_, c)| c).collect()
}
