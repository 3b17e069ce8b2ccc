//! The schema, reduced to what the cost walk needs, and the longest lists of the graph
//! version a request reads.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use async_graphql::Value;
use async_graphql::parser::types::{BaseType, TypeKind, TypeSystemDefinition};

use super::super::vocabulary::{TypedFields, Way, type_name};
use crate::graph::{EntityKind, KnowledgeGraph, ListBounds, Predicate};

/// What the analysis needs to know of a field.
#[derive(Clone, Debug)]
pub(super) struct FieldInfo {
    /// The named type the field returns.
    pub(super) ty: String,
    pub(super) list: bool,
    /// Declared defaults of integer arguments.
    pub(super) int_defaults: HashMap<String, i64>,
}

/// The schema, reduced to what cost analysis needs, and the longest lists the graph can return.
#[derive(Debug, Default)]
pub(crate) struct TypeInfo {
    /// What the SDL says, read once and shared by the infos of every graph version.
    pub(super) fields: Arc<HashMap<(String, String), FieldInfo>>,
    /// The `Entity` interface and every type that implements it.
    pub(super) entity_types: Arc<HashSet<String>>,
    /// The typed relationship lists (`Person.handedFlagTo`) by type, then field: their longest
    /// list in the graph.
    pub(super) typed_lists: HashMap<String, HashMap<String, usize>>,
    /// The vocabulary's predicates by name, for `chain(predicate:)`.
    pub(super) predicates: HashMap<String, Predicate>,
    pub(super) bounds: ListBounds,
    /// Tells infos apart (a cost measured with one holds for that one only); never 0.
    pub(super) id: u64,
}

impl TypeInfo {
    /// Reads the schema's own SDL; `bounds` are the graph's longest lists, `typed` the
    /// vocabulary's typed fields.
    pub(crate) fn new(sdl: &str, bounds: ListBounds, typed: &TypedFields) -> TypeInfo {
        let (fields, entity_types) = read_sdl(sdl);
        TypeInfo {
            fields: Arc::new(fields),
            entity_types: Arc::new(entity_types),
            ..TypeInfo::default()
        }
        .with_bounds(bounds, typed)
    }

    /// The same schema over a graph with these bounds (no SDL parsed again).
    pub(crate) fn with_bounds(&self, bounds: ListBounds, typed: &TypedFields) -> TypeInfo {
        let typed_lists = EntityKind::ALL
            .iter()
            .map(|&kind| {
                let lists = typed.of(kind).iter().filter(|(_, f)| !f.connection);
                let longest = lists.map(|(name, f)| {
                    let (out, inc) = (
                        bounds.predicate_degree(f.predicate, true),
                        bounds.predicate_degree(f.predicate, false),
                    );
                    let longest = match f.way {
                        Way::Forward => out,
                        Way::Inverse => inc,
                        Way::Both => out.saturating_add(inc),
                    };
                    (name.clone(), longest)
                });
                (type_name(kind).to_owned(), longest.collect())
            })
            .collect();
        let predicates = typed
            .predicates
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.clone(), Predicate(i as u8)))
            .collect();
        static IDS: AtomicU64 = AtomicU64::new(1);
        TypeInfo {
            fields: self.fields.clone(),
            entity_types: self.entity_types.clone(),
            bounds,
            typed_lists,
            predicates,
            id: IDS.fetch_add(1, Ordering::Relaxed),
        }
    }
}

/// The fields of the schema's object and interface types, and the types that are entities.
#[allow(clippy::type_complexity)]
fn read_sdl(sdl: &str) -> (HashMap<(String, String), FieldInfo>, HashSet<String>) {
    let mut fields = HashMap::new();
    let mut entity_types = HashSet::new();
    // An empty table would cost every query at 1: a broken SDL must stop start-up instead.
    #[allow(clippy::expect_used)]
    let document = async_graphql::parser::parse_schema(sdl).expect("the schema's own SDL parses");
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let name = ty.node.name.node.to_string();
        let declared = match ty.node.kind {
            TypeKind::Object(o) => {
                if o.implements.iter().any(|i| i.node == "Entity") {
                    entity_types.insert(name.clone());
                }
                o.fields
            }
            TypeKind::Interface(i) => {
                if name == "Entity" {
                    entity_types.insert(name.clone());
                }
                i.fields
            }
            _ => continue,
        };
        for field in declared {
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
            fields.insert(
                (name.clone(), field.node.name.node.to_string()),
                FieldInfo {
                    ty: named.to_string(),
                    list,
                    int_defaults,
                },
            );
        }
    }
    (fields, entity_types)
}

/// The [`TypeInfo`] of the graph version a request reads: its list bounds follow the graph as
/// writes change it, so the cost estimate stays an upper bound. Rebuilt once per version, by the
/// first request that reads it, without parsing the SDL again.
pub(crate) struct LiveTypes {
    typed: Arc<TypedFields>,
    /// The graph the cached info was computed for (a weak reference: its address cannot be
    /// reused while held, and it keeps no old graph alive).
    current: arc_swap::ArcSwap<(std::sync::Weak<KnowledgeGraph>, Arc<TypeInfo>)>,
}

impl LiveTypes {
    pub(crate) fn new(
        graph: &Arc<KnowledgeGraph>,
        sdl: String,
        typed: Arc<TypedFields>,
    ) -> LiveTypes {
        let info = Arc::new(TypeInfo::new(&sdl, graph.list_bounds(), &typed));
        LiveTypes {
            typed,
            current: arc_swap::ArcSwap::from_pointee((Arc::downgrade(graph), info)),
        }
    }

    /// The info for `graph` (the one the schema was built over when the request names none).
    pub(super) fn for_graph(&self, graph: Option<&Arc<KnowledgeGraph>>) -> Arc<TypeInfo> {
        let cached = self.current.load();
        match graph {
            Some(graph) if !std::ptr::eq(cached.0.as_ptr(), Arc::as_ptr(graph)) => {
                let info = Arc::new(cached.1.with_bounds(graph.list_bounds(), &self.typed));
                self.current
                    .store(Arc::new((Arc::downgrade(graph), info.clone())));
                info
            }
            _ => cached.1.clone(),
        }
    }
}
