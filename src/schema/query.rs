//! The query root: lookups, search, listing, and traversals.

use async_graphql::{Context, ErrorExtensionValues, ID, Object, Result, ServerError};

use super::Limits;
use super::analytics::{AnalysisArgs, Broker, Component, RankedEntity, finished};
use super::entity::Include;
use super::entity::{Entity, EntityRef, Node, entity};
use super::enums::{Direction, EntityKind, convert};
use super::error::{ErrorCode, error, in_range};
use super::paging::{PageArgs, PageInfo, paginate};
use super::traversal::{Path, RelatedEntity, Subgraph};
use super::views::{PredicateInfo, QuantityClaim, Relation, Source, Stats};
use super::vocabulary::{self, Predicate};
use crate::graph::algo::{self, Budget, Filter};
use crate::graph::{self, EntityId, Item, KnowledgeGraph, search::MAX_QUERY_CHARS};

/// Most ids `nodes` accepts at once.
pub const MAX_NODE_IDS: usize = 100;
/// Longest id accepted, in bytes.
pub const MAX_ID_BYTES: usize = 256;

fn kg<'a>(ctx: &Context<'a>) -> &'a KnowledgeGraph {
    ctx.data_unchecked::<std::sync::Arc<KnowledgeGraph>>()
}

fn limits<'a>(ctx: &Context<'a>) -> &'a Limits {
    ctx.data_unchecked::<Limits>()
}

fn budget(ctx: &Context<'_>) -> Budget {
    Budget {
        max_visited: limits(ctx).traversal_max_visited,
    }
}

/// Checks an id's shape; an id of the right shape that names nothing is not an error.
fn check_id<'i>(argument: &str, id: &'i ID) -> Result<&'i str> {
    let text = id.as_str();
    if text.is_empty()
        || text.len() > MAX_ID_BYTES
        || text.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(error(
            ErrorCode::InvalidId,
            format!(
                "`{argument}` is not a valid id: ids are 1 to {MAX_ID_BYTES} bytes with no spaces or control characters (e.g. \"tom-cruise\")"
            ),
        ));
    }
    Ok(text)
}

fn entity_id(kg: &KnowledgeGraph, argument: &str, id: &ID) -> Result<Option<EntityId>> {
    Ok(kg.entity_by_key(check_id(argument, id)?))
}

/// The filters a traversal takes from its arguments.
struct Filters {
    predicates: Option<Vec<Predicate>>,
    kinds: Option<Vec<EntityKind>>,
    direction: Direction,
    include: Include,
    through_qualifiers: bool,
}

/// Runs a traversal with the request's filters and the configured budget; when the budget cut
/// it short, adds the error that says so (the complete part stays).
fn traverse<T>(
    ctx: &Context<'_>,
    field: &str,
    filters: Filters,
    run: impl FnOnce(&Filter<'_>, Budget) -> algo::Bounded<T>,
) -> Result<algo::Bounded<T>> {
    let predicates = vocabulary::resolve_all(kg(ctx), &filters.predicates)?;
    let kinds = convert(&filters.kinds);
    let filter = Filter {
        predicates: &predicates,
        kinds: &kinds,
        direction: filters.direction.into(),
        skip_inferred: !filters.include.inferred,
        skip_headlines: !filters.include.headlines,
        through_qualifiers: filters.through_qualifiers,
        include_retracted: filters.include.retracted,
    };
    let budget = budget(ctx);
    let found = run(&filter, budget);
    if !found.complete {
        report_incomplete(ctx, field, budget.max_visited);
    }
    Ok(found)
}

/// Adds an error to the response saying a traversal stopped early; its data stays.
pub(super) fn report_incomplete(ctx: &Context<'_>, field: &str, max_visited: usize) {
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", ErrorCode::BudgetExceeded.as_str());
    extensions.set("maxVisited", max_visited);
    let mut err = ServerError::new(
        format!(
            "`{field}` stopped at its bound (the page size, or {max_visited} visited entities): the result holds what was complete; narrow it with `predicates`, `kinds` or fewer hops"
        ),
        Some(ctx.item.pos),
    );
    err.extensions = Some(extensions);
    err.path = ctx
        .path_node
        .map(|p| {
            p.to_string_vec()
                .into_iter()
                .map(async_graphql::PathSegment::Field)
                .collect()
        })
        .unwrap_or_default();
    ctx.add_error(err);
}

/// The root of every query.
pub struct Query;

/// The root of every query: look entities up, search and list them, and traverse the graph.
#[Object]
impl Query {
    /// Any object with an id (an entity, source, relation or quantity claim); null when the id
    /// names nothing.
    async fn node<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "A global id.")] id: ID,
    ) -> Result<Option<Node<'a>>> {
        let kg = kg(ctx);
        let key = check_id("id", &id)?;
        Ok(node(kg, key))
    }

    /// Several objects by id, in the order asked, null for each id that names nothing. At most
    /// 100 ids.
    async fn nodes<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Global ids (at most 100).")] ids: Vec<ID>,
    ) -> Result<Vec<Option<Node<'a>>>> {
        let kg = kg(ctx);
        if ids.len() > MAX_NODE_IDS {
            return Err(error(
                ErrorCode::OutOfRange,
                format!(
                    "`ids` may hold at most {MAX_NODE_IDS} ids, got {}",
                    ids.len()
                ),
            ));
        }
        ids.iter()
            .map(|id| Ok(node(kg, check_id("ids", id)?)))
            .collect()
    }

    /// An entity by id; null when no entity has it.
    async fn entity<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "An entity id, e.g. `tom-cruise`.")] id: ID,
    ) -> Result<Option<Entity<'a>>> {
        let kg = kg(ctx);
        Ok(entity_id(kg, "id", &id)?.map(|e| entity(kg, e)))
    }

    /// A source text by id; null when no source has it.
    async fn source<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "A source id.")] id: ID,
    ) -> Result<Option<Source<'a>>> {
        let kg = kg(ctx);
        Ok(kg
            .source_by_key(check_id("id", &id)?)
            .map(|id| Source { kg, id }))
    }

    /// Every source text, in dataset order.
    async fn sources<'a>(&self, ctx: &Context<'a>) -> Vec<Source<'a>> {
        let kg = kg(ctx);
        (0..kg.sources().len())
            .map(|i| Source {
                kg,
                id: graph::SourceId(i as u32),
            })
            .collect()
    }

    /// A relation by id; null when no relation has it.
    async fn relation<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "A relation id.")] id: ID,
    ) -> Result<Option<Relation<'a>>> {
        let kg = kg(ctx);
        Ok(match kg.lookup(check_id("id", &id)?) {
            Some(Item::Claim(id)) => Some(Relation { kg, id }),
            _ => None,
        })
    }

    /// Entities whose name or alias matches the text, best match first: case- and
    /// accent-insensitive, tolerant of small typos ("snoop dog", "Leon Marchand").
    async fn search<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "What to look for: a name, alias or part of one (1 to 200 characters).")]
        text: String,
        #[graphql(desc = "Only entities of these kinds.")] kinds: Option<Vec<EntityKind>>,
        #[graphql(default = 10, desc = "How many results at most (1 to 100).")] first: i32,
    ) -> Result<Vec<Entity<'a>>> {
        let kg = kg(ctx);
        let first = in_range("first", first, 1, 100)?;
        let length = text.chars().count();
        if !text.chars().any(char::is_alphanumeric) || length > MAX_QUERY_CHARS {
            return Err(error(
                ErrorCode::OutOfRange,
                format!(
                    "`text` must be 1 to {MAX_QUERY_CHARS} characters with at least one letter or digit, got {length} characters"
                ),
            ));
        }
        let kinds: Vec<graph::EntityKind> = convert(&kinds);
        Ok(kg
            .search(&text, &kinds, first)
            .into_iter()
            .map(|hit| entity(kg, hit.entity))
            .collect())
    }

    /// Every entity, optionally of one kind or mentioned in one source, in dataset order, as a
    /// cursor connection.
    #[allow(clippy::too_many_arguments)]
    async fn entities<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Only entities of this kind.")] kind: Option<EntityKind>,
        #[graphql(desc = "Only entities this source mentions (a source id).")] mentioned_in: Option<
            ID,
        >,
        #[graphql(
            desc = "The first N entities (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Entities after this cursor.")] after: Option<String>,
        #[graphql(desc = "The last N entities (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Entities before this cursor.")] before: Option<String>,
    ) -> Result<EntityConnection<'a>> {
        let kg = kg(ctx);
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let kind: Option<graph::EntityKind> = kind.map(Into::into);
        let ids: Vec<EntityId> = match &mentioned_in {
            Some(source) => match kg.source_by_key(check_id("mentionedIn", source)?) {
                Some(source) => {
                    let mut ids: Vec<EntityId> = kg.mentions_in(source).map(|m| m.entity).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids.retain(|&e| kind.is_none_or(|k| kg.entity(e).kind == k));
                    ids
                }
                None => Vec::new(),
            },
            None => (0..kg.entities().len() as u32)
                .map(EntityId)
                .filter(|&e| kind.is_none_or(|k| kg.entity(e).kind == k))
                .collect(),
        };
        let page = paginate(ids.len(), &args)?;
        Ok(EntityConnection {
            kg,
            edges: page.cursors().map(|(i, cursor)| (cursor, ids[i])).collect(),
            info: page.info,
            total: ids.len(),
        })
    }

    /// The shortest path between two entities within `maxHops` relations, with the evidence for
    /// every hop; null when there is none (or an id names nothing).
    #[allow(clippy::too_many_arguments)]
    async fn path<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Start entity id.")] from: ID,
        #[graphql(desc = "End entity id.")] to: ID,
        #[graphql(default = 4, desc = "Most relations to follow (1 to 6).")] max_hops: i32,
        #[graphql(desc = "Only follow relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(desc = "Only pass through entities of these kinds (the two ends are exempt).")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(
            default_with = "Direction::Both",
            desc = "OUTGOING follows relations subject→object only; BOTH either way."
        )]
        direction: Direction,
        #[graphql(
            default = true,
            desc = "Also follow relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(
            default = true,
            desc = "Also follow relations whose only evidence is a related-article headline printed after a report."
        )]
        include_headlines: bool,
        #[graphql(
            default = true,
            desc = "Also step from a relation's subject to the place or event its qualifiers name (and back): such a step says so in `PathStep.throughQualifier`."
        )]
        through_qualifiers: bool,
    ) -> Result<Option<Path<'a>>> {
        let kg = kg(ctx);
        let max_hops = in_range("maxHops", max_hops, 1, limits(ctx).max_hops as i32)?;
        let (from, to) = (entity_id(kg, "from", &from)?, entity_id(kg, "to", &to)?);
        let (Some(from), Some(to)) = (from, to) else {
            return Ok(None);
        };
        let found = traverse(
            ctx,
            "path",
            Filters {
                predicates,
                kinds,
                direction,
                include: Include {
                    inferred: include_inferred,
                    headlines: include_headlines,
                    retracted: false,
                },
                through_qualifiers,
            },
            |filter, budget| algo::shortest_path(kg, from, to, max_hops, filter, budget),
        )?;
        Ok(found.value.map(|path| Path { kg, path }))
    }

    /// Every simple path (no entity twice) between two entities within `maxHops` relations,
    /// shortest first, at most `first` of them.
    #[allow(clippy::too_many_arguments)]
    async fn paths<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Start entity id.")] from: ID,
        #[graphql(desc = "End entity id.")] to: ID,
        #[graphql(default = 3, desc = "Most relations per path (1 to 4).")] max_hops: i32,
        #[graphql(default = 10, desc = "Most paths to return (1 to 100).")] first: i32,
        #[graphql(desc = "Only follow relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(desc = "Only pass through entities of these kinds (the two ends are exempt).")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(
            default_with = "Direction::Both",
            desc = "OUTGOING follows relations subject→object only; BOTH either way."
        )]
        direction: Direction,
        #[graphql(
            default = true,
            desc = "Also follow relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(
            default = true,
            desc = "Also follow relations whose only evidence is a related-article headline printed after a report."
        )]
        include_headlines: bool,
        #[graphql(
            default = true,
            desc = "Also step from a relation's subject to the place or event its qualifiers name (and back): such a step says so in `PathStep.throughQualifier`."
        )]
        through_qualifiers: bool,
    ) -> Result<Vec<Path<'a>>> {
        let kg = kg(ctx);
        let max_hops = in_range("maxHops", max_hops, 1, limits(ctx).max_paths_hops as i32)?;
        let first = in_range("first", first, 1, 100)?;
        let (from, to) = (entity_id(kg, "from", &from)?, entity_id(kg, "to", &to)?);
        let (Some(from), Some(to)) = (from, to) else {
            return Ok(Vec::new());
        };
        let found = traverse(
            ctx,
            "paths",
            Filters {
                predicates,
                kinds,
                direction,
                include: Include {
                    inferred: include_inferred,
                    headlines: include_headlines,
                    retracted: false,
                },
                through_qualifiers,
            },
            |filter, budget| algo::simple_paths(kg, from, to, max_hops, first, filter, budget),
        )?;
        Ok(found
            .value
            .into_iter()
            .map(|path| Path { kg, path })
            .collect())
    }

    /// Follows one predicate step by step from an entity, as the hands a flag or a trophy passed
    /// through (predicates marked `chain` in the vocabulary number their steps with `order`).
    /// Where an entity has several candidates, the lowest `order` qualifier wins; the chain stops
    /// at a dead end or before revisiting an entity. Empty when the id names nothing.
    async fn chain<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Start entity id.")] from: ID,
        #[graphql(desc = "The predicate to follow.")] predicate: Predicate,
        #[graphql(
            default_with = "Direction::Outgoing",
            desc = "OUTGOING: onwards from `from`; INCOMING: back towards the chain's start; BOTH: the whole chain through `from`."
        )]
        direction: Direction,
        #[graphql(
            default = true,
            desc = "Also follow relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(
            default = true,
            desc = "Also follow relations whose only evidence is a related-article headline printed after a report."
        )]
        include_headlines: bool,
    ) -> Result<Vec<Relation<'a>>> {
        let kg = kg(ctx);
        let Some(from) = entity_id(kg, "from", &from)? else {
            return Ok(Vec::new());
        };
        let filter = Filter {
            direction: direction.into(),
            skip_inferred: !include_inferred,
            skip_headlines: !include_headlines,
            ..Filter::default()
        };
        let claims = algo::chain(
            kg,
            from,
            predicate.resolve(kg)?,
            &filter,
            limits(ctx).max_chain_steps,
        );
        Ok(claims.into_iter().map(|id| Relation { kg, id }).collect())
    }

    /// The entities within `hops` relations of an entity and the relations among them; null
    /// when the id names nothing.
    #[allow(clippy::too_many_arguments)]
    async fn neighborhood<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "The centre's entity id.")] id: ID,
        #[graphql(default = 1, desc = "How far to go (1 to 3).")] hops: i32,
        #[graphql(desc = "Only follow relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(desc = "Only enter entities of these kinds (the centre is always included).")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(
            default_with = "Direction::Both",
            desc = "Which way to follow relations."
        )]
        direction: Direction,
        #[graphql(
            default = true,
            desc = "Also follow relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(
            default = true,
            desc = "Also follow relations whose only evidence is a related-article headline printed after a report."
        )]
        include_headlines: bool,
        #[graphql(
            default = true,
            desc = "Also step from a relation's subject to the place or event its qualifiers name (and back): such a step says so in `PathStep.throughQualifier`."
        )]
        through_qualifiers: bool,
        #[graphql(
            default = 100,
            desc = "Most entities to return, centre included (1 to 100)."
        )]
        first: i32,
    ) -> Result<Option<Subgraph<'a>>> {
        let kg = kg(ctx);
        let hops = in_range("hops", hops, 1, limits(ctx).max_neighborhood_hops as i32)?;
        let first = in_range("first", first, 1, 100)?;
        let Some(center) = entity_id(kg, "id", &id)? else {
            return Ok(None);
        };
        let value = traverse(
            ctx,
            "neighborhood",
            Filters {
                predicates,
                kinds,
                direction,
                include: Include {
                    inferred: include_inferred,
                    headlines: include_headlines,
                    retracted: false,
                },
                through_qualifiers,
            },
            |filter, budget| algo::neighborhood(kg, center, hops, first, filter, budget),
        )?;
        Ok(Some(Subgraph { kg, value }))
    }

    /// The entities linked to a target within `maxHops` relations, nearest first, each with the
    /// path that links it: with `maxHops: 1`, one predicate and `direction: OUTGOING`, the
    /// subjects of that predicate's relations to the target (the natives of a place).
    #[allow(clippy::too_many_arguments)]
    async fn related<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "The target entity id.")] to: ID,
        #[graphql(default = 2, desc = "How far to go (1 to 4).")] max_hops: i32,
        #[graphql(desc = "Only follow relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(desc = "Only return entities of these kinds (paths may pass through any kind).")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(
            default_with = "Direction::Both",
            desc = "Seen from the results: OUTGOING means each path follows relations subject→object towards the target."
        )]
        direction: Direction,
        #[graphql(
            default = true,
            desc = "Also follow relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(
            default = true,
            desc = "Also follow relations whose only evidence is a related-article headline printed after a report."
        )]
        include_headlines: bool,
        #[graphql(
            default = true,
            desc = "Also step from a relation's subject to the place or event its qualifiers name (and back): such a step says so in `PathStep.throughQualifier`."
        )]
        through_qualifiers: bool,
        #[graphql(default = 100, desc = "Most entities to return (1 to 100).")] first: i32,
    ) -> Result<Vec<RelatedEntity<'a>>> {
        let kg = kg(ctx);
        let max_hops = in_range("maxHops", max_hops, 1, limits(ctx).max_related_hops as i32)?;
        let first = in_range("first", first, 1, 100)?;
        let Some(target) = entity_id(kg, "to", &to)? else {
            return Ok(Vec::new());
        };
        let found = traverse(
            ctx,
            "related",
            Filters {
                predicates,
                kinds,
                direction,
                include: Include {
                    inferred: include_inferred,
                    headlines: include_headlines,
                    retracted: false,
                },
                through_qualifiers,
            },
            |filter, budget| algo::related(kg, target, max_hops, first, filter, budget),
        )?;
        Ok(found
            .value
            .into_iter()
            .map(|related| RelatedEntity { kg, related })
            .collect())
    }

    /// The most central entities by PageRank over the relations (subject → object; damping
    /// 0.85, 50 iterations), highest first: the entities most relations lead to, directly or
    /// through other central ones.
    ///
    /// Complexity: O(50 × (V + E)) over the entities and relations the arguments keep, once per
    /// graph version and set of arguments (`first` aside); then served from a cache. Refused
    /// with TRAVERSAL_BUDGET_EXCEEDED (and an empty list) when more entities than the traversal budget
    /// (`--traversal-budget`) are kept. Cost in the limiter: 1,000 for the analysis (the
    /// default `--expensive-cost`, so it takes its turn with the other expensive queries), plus
    /// `first` × the selection.
    async fn centrality<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Only entities of these kinds, and the relations among them.")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(desc = "Only relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(
            default = true,
            desc = "Also count relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(default = 10, desc = "How many entities at most (1 to 100).")] first: i32,
    ) -> Result<Vec<RankedEntity<'a>>> {
        let kg = kg(ctx);
        let args = AnalysisArgs {
            kinds,
            predicates,
            include_inferred,
            first,
        };
        let (scope, first) = args.scope(kg)?;
        let budget = budget(ctx);
        let found = finished(
            ctx,
            "centrality",
            kg.centrality(&scope, budget),
            budget.max_visited,
        );
        Ok(found
            .iter()
            .take(first)
            .enumerate()
            .map(|(i, &ranked)| RankedEntity {
                kg,
                ranked,
                rank: i + 1,
            })
            .collect())
    }

    /// The connected components of the graph (relations taken either way), largest first,
    /// each with its size, its relations and its best-connected entity: how many separate
    /// stories the graph tells.
    ///
    /// Complexity: O(V + E α(V) + V log V) over the entities and relations the arguments keep,
    /// once per graph version and set of arguments (`first` aside); then served from a cache.
    /// Refused with TRAVERSAL_BUDGET_EXCEEDED past the traversal budget's entities, as `centrality`.
    /// Cost in the limiter: 1,000 for the analysis plus `first` × the selection.
    async fn components<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Only entities of these kinds, and the relations among them.")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(desc = "Only relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(
            default = true,
            desc = "Also count relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(default = 10, desc = "How many components at most (1 to 100).")] first: i32,
    ) -> Result<Vec<Component<'a>>> {
        let kg = kg(ctx);
        let args = AnalysisArgs {
            kinds,
            predicates,
            include_inferred,
            first,
        };
        let (scope, first) = args.scope(kg)?;
        let budget = budget(ctx);
        let all = finished(
            ctx,
            "components",
            kg.components(&scope, budget),
            budget.max_visited,
        );
        Ok((0..all.len().min(first))
            .map(|index| Component {
                kg,
                all: all.clone(),
                index,
            })
            .collect())
    }

    /// The brokers of the graph: entities every path between some two others passes through
    /// (articulation points, relations taken either way), so that without them their component
    /// falls apart: which people connect otherwise separate stories. The ones that cut off the
    /// most entities first, then the most relations.
    ///
    /// Complexity: O(V + E) (one depth-first search with low points and subtree sizes), once
    /// per graph version and set of arguments (`first` aside); then served from a cache.
    /// Refused with TRAVERSAL_BUDGET_EXCEEDED past the traversal budget's entities, as `centrality`.
    /// Cost in the limiter: 1,000 for the analysis plus `first` × the selection.
    async fn brokers<'a>(
        &self,
        ctx: &Context<'a>,
        #[graphql(desc = "Only entities of these kinds, and the relations among them.")]
        kinds: Option<Vec<EntityKind>>,
        #[graphql(desc = "Only relations with these predicates.")] predicates: Option<
            Vec<Predicate>,
        >,
        #[graphql(
            default = true,
            desc = "Also count relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(default = 10, desc = "How many brokers at most (1 to 100).")] first: i32,
    ) -> Result<Vec<Broker<'a>>> {
        let kg = kg(ctx);
        let args = AnalysisArgs {
            kinds,
            predicates,
            include_inferred,
            first,
        };
        let (scope, first) = args.scope(kg)?;
        let budget = budget(ctx);
        let found = finished(
            ctx,
            "brokers",
            kg.brokers(&scope, budget),
            budget.max_visited,
        );
        Ok(found
            .iter()
            .take(first)
            .map(|&broker| Broker { kg, broker })
            .collect())
    }

    /// Counts of what the graph holds: by entity kind, by predicate, by source.
    async fn stats<'a>(&self, ctx: &Context<'a>) -> Stats<'a> {
        let kg = kg(ctx);
        Stats {
            kg,
            stats: kg.stats(),
        }
    }

    /// The predicate vocabulary: what each means, the entity kinds it allows, its inverse and
    /// its typed fields.
    async fn predicates<'a>(&self, ctx: &Context<'a>) -> Vec<PredicateInfo<'a>> {
        let kg = kg(ctx);
        kg.vocabulary()
            .ids()
            .map(|p| PredicateInfo { kg, p })
            .collect()
    }
}

fn node<'a>(kg: &'a KnowledgeGraph, key: &str) -> Option<Node<'a>> {
    Some(match kg.lookup(key)? {
        Item::Entity(id) => entity(kg, id).into(),
        Item::Source(id) => Node::Source(Source { kg, id }),
        Item::Claim(id) => Node::Relation(Relation { kg, id }),
        Item::Quantity(id) => Node::QuantityClaim(QuantityClaim { kg, id }),
    })
}

/// A page of entities.
pub struct EntityConnection<'a> {
    kg: &'a KnowledgeGraph,
    edges: Vec<(String, EntityId)>,
    info: PageInfo,
    total: usize,
}

/// A page of entities (Relay cursor connection).
#[Object]
impl<'a> EntityConnection<'a> {
    /// The entities of this page, each with its cursor.
    async fn edges(&self) -> Vec<EntityEdge<'a>> {
        self.edges
            .iter()
            .map(|(cursor, id)| EntityEdge {
                cursor: cursor.clone(),
                node: EntityRef {
                    kg: self.kg,
                    id: *id,
                },
            })
            .collect()
    }

    /// The entities of this page.
    async fn nodes(&self) -> Vec<Entity<'a>> {
        self.edges
            .iter()
            .map(|&(_, id)| entity(self.kg, id))
            .collect()
    }

    /// Where this page sits.
    async fn page_info(&self) -> &PageInfo {
        &self.info
    }

    /// The number of entities in the whole connection.
    async fn total_count(&self) -> i32 {
        self.total as i32
    }
}

/// An entity in a connection.
pub struct EntityEdge<'a> {
    cursor: String,
    node: EntityRef<'a>,
}

/// An entity in a connection, with its cursor.
#[Object]
impl<'a> EntityEdge<'a> {
    /// Opaque cursor for `after`/`before`.
    async fn cursor(&self) -> &str {
        &self.cursor
    }

    /// The entity.
    async fn node(&self) -> Entity<'a> {
        entity(self.node.kg, self.node.id)
    }
}
