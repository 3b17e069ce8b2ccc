//! Live updates: every committed write, as an event, to subscribers over graphql-transport-ws.
//!
//! Each subscription reads the store's change feed (`Live::subscribe`, a bounded broadcast
//! channel). A subscriber that falls [`crate::store::CHANGE_BACKLOG`] changes behind gets one
//! `SUBSCRIBER_TOO_SLOW` error and its subscription ends: a slow client costs a fixed amount
//! of memory, never a growing one. Each event's fields read the graph version the write
//! produced, whatever has been committed since.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_graphql::{Context, ID, Object, Result, Subscription as Sub};
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;

use super::entity::{Entity, entity};
use super::error::{ErrorCode, error};
use super::views::{QuantityClaim, Relation, Source};
use crate::graph::{Item, KnowledgeGraph};
use crate::store::{Change, Live};

/// Subscriptions one WebSocket connection may hold at once.
pub const MAX_SUBSCRIPTIONS_PER_CONNECTION: usize = 16;

/// The subscriptions a connection holds (the server puts one in each connection's data).
#[derive(Debug, Default)]
pub struct ConnectionSubscriptions(AtomicUsize);

/// Releases a connection's subscription slot when the subscription ends.
struct Slot(Arc<ConnectionSubscriptions>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Takes a subscription slot of the connection, if it has one left.
fn slot(ctx: &Context<'_>) -> Result<Option<Slot>> {
    let Some(held) = ctx.data_opt::<Arc<ConnectionSubscriptions>>() else {
        return Ok(None);
    };
    let n = held.0.fetch_add(1, Ordering::AcqRel);
    let slot = Slot(held.clone());
    if n >= MAX_SUBSCRIPTIONS_PER_CONNECTION {
        return Err(error(
            ErrorCode::TooManySubscriptions,
            format!(
                "this connection already holds {MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions; complete one first, or select several fields of one event"
            ),
        ));
    }
    Ok(Some(slot))
}

/// Which changes a subscription wants.
type Keep = Arc<dyn Fn(&Change) -> bool + Send + Sync>;

/// The changes committed from now on, ending after one error if the subscriber falls behind.
fn changes(
    live: &Live,
    slot: Option<Slot>,
    keep: Keep,
) -> impl Stream<Item = Result<Arc<Change>>> + use<> {
    let receiver = live.subscribe();
    futures_util::stream::unfold(Some((receiver, slot, keep)), |state| async move {
        let (mut receiver, slot, keep) = state?;
        loop {
            match receiver.recv().await {
                Ok(change) if keep(&change) => {
                    return Some((Ok(change), Some((receiver, slot, keep))));
                }
                Ok(_) => continue,
                Err(RecvError::Lagged(missed)) => {
                    let error = error(
                        ErrorCode::SubscriberTooSlow,
                        format!(
                            "this subscription fell {missed} changes behind and was ended; subscribe again and re-read what you need"
                        ),
                    );
                    return Some((Err(error), None));
                }
                Err(RecvError::Closed) => return None,
            }
        }
    })
}

/// One committed write.
pub struct GraphChange(Arc<Change>);

fn keyed<'a, T>(
    kg: &'a KnowledgeGraph,
    keys: &'a [String],
    pick: impl Fn(&'a KnowledgeGraph, Item) -> Option<T>,
) -> Vec<T> {
    keys.iter()
        .filter_map(|k| kg.lookup(k))
        .filter_map(|item| pick(kg, item))
        .collect()
}

fn relations<'a>(kg: &'a KnowledgeGraph, keys: &'a [String]) -> Vec<Relation<'a>> {
    keyed(kg, keys, |kg, item| match item {
        Item::Claim(id) => Some(Relation { kg, id }),
        _ => None,
    })
}

/// One committed write: its version, who made it, and what it added or retracted, read in the
/// graph version it produced.
#[Object]
impl GraphChange {
    /// The version the write produced.
    async fn graph_version(&self) -> u64 {
        self.0.version
    }

    /// When it was committed (RFC 3339, UTC).
    async fn at(&self) -> &str {
        &self.0.at
    }

    /// The name of the write token used.
    async fn by(&self) -> &str {
        &self.0.by
    }

    /// The mutation: `addSource`, `addEntities`, `addClaims` or `retractClaim`.
    async fn operation(&self) -> &str {
        self.0.operation
    }

    /// Sources added.
    async fn sources(&self) -> Vec<Source<'_>> {
        let kg = &*self.0.snapshot.graph;
        keyed(kg, &self.0.sources, |kg, item| match item {
            Item::Source(id) => Some(Source { kg, id }),
            _ => None,
        })
    }

    /// Entities added.
    async fn entities(&self) -> Vec<Entity<'_>> {
        let kg = &*self.0.snapshot.graph;
        keyed(kg, &self.0.entities, |kg, item| match item {
            Item::Entity(id) => Some(entity(kg, id)),
            _ => None,
        })
    }

    /// Relation claims added.
    async fn relations(&self) -> Vec<Relation<'_>> {
        relations(&self.0.snapshot.graph, &self.0.relations)
    }

    /// Quantity claims added.
    async fn quantities(&self) -> Vec<QuantityClaim<'_>> {
        let kg = &*self.0.snapshot.graph;
        keyed(kg, &self.0.quantities, |kg, item| match item {
            Item::Quantity(id) => Some(QuantityClaim { kg, id }),
            _ => None,
        })
    }

    /// Relation claims retracted (each with its `retraction`).
    async fn retracted(&self) -> Vec<Relation<'_>> {
        relations(&self.0.snapshot.graph, &self.0.retracted)
    }

    /// Quantity claims retracted (each with its `retraction`).
    async fn retracted_quantities(&self) -> Vec<QuantityClaim<'_>> {
        let kg = &*self.0.snapshot.graph;
        keyed(kg, &self.0.retracted, |kg, item| match item {
            Item::Quantity(id) => Some(QuantityClaim { kg, id }),
            _ => None,
        })
    }
}

/// Relation claims added by one write about one entity.
pub struct ClaimsAdded {
    change: Arc<Change>,
    /// The claims of the change that concern the entity subscribed to (all when none).
    keys: Vec<String>,
}

/// Relation claims added by one write.
#[Object]
impl ClaimsAdded {
    /// The version the write produced.
    async fn graph_version(&self) -> u64 {
        self.change.version
    }

    /// The claims added, in the order they were sent.
    async fn relations(&self) -> Vec<Relation<'_>> {
        relations(&self.change.snapshot.graph, &self.keys)
    }
}

/// The relation claims of a change with `entity` as subject or object.
fn claims_about(change: &Change, entity: Option<&str>) -> Vec<String> {
    let kg = &change.snapshot.graph;
    change
        .relations
        .iter()
        .filter(|key| {
            let Some(entity) = entity else { return true };
            let Some(Item::Claim(c)) = kg.lookup(key) else {
                return false;
            };
            let c = kg.claim(c);
            kg.entity(c.subject).key == entity || kg.entity(c.object).key == entity
        })
        .cloned()
        .collect()
}

/// Live updates, over graphql-transport-ws at `/graphql`.
pub struct Subscription;

/// Live updates over graphql-transport-ws at `/graphql`: each event is one committed write.
#[Sub]
impl Subscription {
    /// Every write committed from now on: its version and what it added or retracted.
    async fn graph_changed(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = Result<GraphChange>> + use<>> {
        let live = ctx.data_unchecked::<Arc<Live>>();
        let slot = slot(ctx)?;
        Ok(futures_util::StreamExt::map(
            changes(live, slot, Arc::new(|_| true)),
            |c| c.map(GraphChange),
        ))
    }

    /// Relation claims added from now on with `about` as subject or object (any entity when
    /// omitted); writes that add none about it send nothing.
    async fn claims_added(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "An entity id; omit for every claim added.")] about: Option<ID>,
    ) -> Result<impl Stream<Item = Result<ClaimsAdded>> + use<>> {
        let live = ctx.data_unchecked::<Arc<Live>>();
        if let Some(id) = &about
            && live.snapshot().graph.entity_by_key(id).is_none()
        {
            return Err(error(
                ErrorCode::UnknownEntity,
                format!("no entity has the id {:?}", id.as_str()),
            ));
        }
        let slot = slot(ctx)?;
        let entity = about.map(|id| id.0);
        let wanted = entity.clone();
        let stream = changes(
            live,
            slot,
            Arc::new(move |c| !claims_about(c, wanted.as_deref()).is_empty()),
        );
        Ok(futures_util::StreamExt::map(stream, move |c| {
            c.map(|change| ClaimsAdded {
                keys: claims_about(&change, entity.as_deref()),
                change,
            })
        }))
    }
}
