//! The write API: four mutations, each one transaction (all of its input or none), validated
//! by the dataset loader (`store::Live`), allowed only with a write token.
//!
//! The HTTP layer checks the `Authorization` header and puts a [`WriteAccess`] in the request's
//! data; the resolvers here refuse a write unless it is [`WriteAccess::Token`].

use std::sync::Arc;

use async_graphql::{Context, ErrorExtensions, ID, InputObject, Object, Result, ServerError};

use super::entity::{Entity, entity};
use super::enums::{EntityKind, Hedge, Medal};
use super::error::ErrorCode;
use super::views::{QuantityClaim, Relation, Source};
use super::vocabulary::Predicate;
use crate::graph::{self, Item};
use crate::store::{
    Live, NewClaim, NewEntity, NewEvidence, NewQualifiers, NewQuantity, NewSource, Snapshot,
    WriteError, WriteErrors, Written,
};

/// Most items one `addEntities` or `addClaims` may carry (the cost estimate bounds its
/// payload's lists by it).
pub const MAX_WRITE_ITEMS: usize = 100;

fn check_items(n: usize) -> Result<()> {
    if n > MAX_WRITE_ITEMS {
        return Err(to_error(WriteError {
            code: ErrorCode::InputTooLarge,
            message: format!("{n} items in one write, over the limit of {MAX_WRITE_ITEMS}"),
            hint: Some("split the input into several writes (each is its own transaction)".into()),
            index: None,
        }));
    }
    Ok(())
}

/// Who is asking to write, as the HTTP layer found from the `Authorization` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteAccess {
    /// The server has no write token configured.
    Disabled,
    /// No `Authorization: Bearer` header.
    Missing,
    /// A bearer token that matches none configured.
    Invalid,
    /// A valid token, by its name.
    Token(String),
}

/// A new source text and its metadata.
#[derive(InputObject)]
pub struct AddSourceInput {
    /// Its id: lower-case kebab-case, unique across sources, entities and claims.
    id: String,
    /// Headline.
    title: String,
    /// Publication date.
    published_on: Option<super::scalars::Date>,
    /// BCP 47 language tag (`en`).
    language: super::scalars::LanguageTag,
    /// The publication.
    outlet: Option<String>,
    /// The report's words exactly as published; quotes are located in it.
    text: String,
    /// The first words of a block of related-article headlines printed after the report, if
    /// any: claims quoting only that block are marked headline-only.
    headlines_from: Option<String>,
}

/// A new entity.
#[derive(InputObject)]
pub struct AddEntityInput {
    /// Its id; derived from the name when absent (`Léon Marchand` → `leon-marchand`).
    id: Option<String>,
    /// What it is.
    kind: EntityKind,
    /// Its name as the sources write it.
    name: String,
    /// Other names that refer to it alone.
    #[graphql(default)]
    aliases: Vec<String>,
    /// A short description.
    description: Option<String>,
}

/// One quote a claim cites.
#[derive(InputObject)]
pub struct EvidenceInput {
    /// The source's id.
    source: ID,
    /// The exact words, as the source writes them.
    quote: String,
    /// Which occurrence (1-based), when the words occur more than once in the source.
    occurrence: Option<u32>,
}

/// A claim's context; every field is optional, and a predicate allows only some of them.
#[derive(InputObject, Default)]
pub struct QualifiersInput {
    /// Role.
    role: Option<String>,
    /// Medal colour.
    medal: Option<Medal>,
    /// Date.
    when: Option<super::scalars::PartialDate>,
    /// A place or country id.
    place: Option<ID>,
    /// An event id.
    event: Option<ID>,
    /// Position in a chain (1-based).
    order: Option<u32>,
    /// Note.
    note: Option<String>,
}

/// The number of a quantity claim.
#[derive(InputObject)]
pub struct QuantityInput {
    /// What is counted or measured (snake_case).
    property: String,
    /// The number as stated.
    value: f64,
    /// What it counts or measures.
    unit: String,
    /// The source's own hedge.
    hedge: Option<Hedge>,
}

/// A new claim: a relation between two entities (`predicate` and `object`) or a number about
/// one (`quantity`), never both.
#[derive(InputObject)]
pub struct ClaimInput {
    /// The entity the claim is about.
    subject: ID,
    /// A relation's predicate.
    predicate: Option<Predicate>,
    /// A relation's other entity.
    object: Option<ID>,
    /// A quantity claim's number.
    quantity: Option<QuantityInput>,
    /// Context.
    qualifiers: Option<QualifiersInput>,
    /// The quotes that state it (at least one; an inferred claim cites every sentence).
    evidence: Vec<EvidenceInput>,
    /// True when the claim joins several sentences rather than being stated by one.
    #[graphql(default)]
    inferred: bool,
}

/// What `addSource` did.
pub struct AddSourcePayload(Written);

/// What `addSource` did.
#[Object]
impl AddSourcePayload {
    /// The graph version the source is in (unchanged when it was there already).
    async fn graph_version(&self) -> u64 {
        self.0.snapshot.version
    }

    /// False when the same source was there already and nothing changed.
    async fn added(&self) -> bool {
        self.0.added > 0
    }

    /// The source, with the mentions found in it.
    async fn source(&self) -> Option<Source<'_>> {
        let kg = &*self.0.snapshot.graph;
        let id = kg.source_by_key(self.0.ids.first()?)?;
        Some(Source { kg, id })
    }
}

/// What `addEntities` did.
pub struct AddEntitiesPayload(Written);

/// What `addEntities` did.
#[Object]
impl AddEntitiesPayload {
    /// The graph version the entities are in.
    async fn graph_version(&self) -> u64 {
        self.0.snapshot.version
    }

    /// How many entities were new (the others were there already, unchanged).
    async fn added_count(&self) -> usize {
        self.0.added
    }

    /// The entities, in input order.
    async fn entities(&self) -> Vec<Entity<'_>> {
        let kg = &*self.0.snapshot.graph;
        self.0
            .ids
            .iter()
            .filter_map(|id| kg.entity_by_key(id))
            .map(|id| entity(kg, id))
            .collect()
    }
}

/// What `addClaims` did.
pub struct AddClaimsPayload(Written);

fn claims_of<'a, T>(
    snapshot: &'a Snapshot,
    ids: &'a [String],
    pick: impl Fn(&'a graph::KnowledgeGraph, Item) -> Option<T>,
) -> Vec<T> {
    let kg = &*snapshot.graph;
    ids.iter()
        .filter_map(|id| kg.lookup(id))
        .filter_map(|item| pick(kg, item))
        .collect()
}

/// What `addClaims` did.
#[Object]
impl AddClaimsPayload {
    /// The graph version the claims are in.
    async fn graph_version(&self) -> u64 {
        self.0.snapshot.version
    }

    /// How many claims were new (the others had the same content as a claim already there; new
    /// quotes for a relation were added to its evidence).
    async fn added_count(&self) -> usize {
        self.0.added
    }

    /// The id of each input claim, in input order (a claim already there gives its id).
    async fn ids(&self) -> Vec<ID> {
        self.0.ids.iter().cloned().map(ID).collect()
    }

    /// The relation claims of the input, in input order.
    async fn relations(&self) -> Vec<Relation<'_>> {
        claims_of(&self.0.snapshot, &self.0.ids, |kg, item| match item {
            Item::Claim(id) => Some(Relation { kg, id }),
            _ => None,
        })
    }

    /// The quantity claims of the input, in input order.
    async fn quantities(&self) -> Vec<QuantityClaim<'_>> {
        claims_of(&self.0.snapshot, &self.0.ids, |kg, item| match item {
            Item::Quantity(id) => Some(QuantityClaim { kg, id }),
            _ => None,
        })
    }
}

/// What `retractClaim` did.
pub struct RetractClaimPayload(Written);

/// What `retractClaim` did.
#[Object]
impl RetractClaimPayload {
    /// The graph version in which the claim is retracted.
    async fn graph_version(&self) -> u64 {
        self.0.snapshot.version
    }

    /// The relation, with its `retraction` (null when the claim retracted is a quantity).
    async fn relation(&self) -> Option<Relation<'_>> {
        claims_of(&self.0.snapshot, &self.0.ids, |kg, item| match item {
            Item::Claim(id) => Some(Relation { kg, id }),
            _ => None,
        })
        .pop()
    }

    /// The quantity claim, with its `retraction` (null when the claim retracted is a
    /// relation).
    async fn quantity(&self) -> Option<QuantityClaim<'_>> {
        claims_of(&self.0.snapshot, &self.0.ids, |kg, item| match item {
            Item::Quantity(id) => Some(QuantityClaim { kg, id }),
            _ => None,
        })
        .pop()
    }
}

/// The writes; each needs `Authorization: Bearer <token>`, and each is one transaction.
pub struct Mutation;

/// The token's name, or the error that refuses the write.
fn writer(ctx: &Context<'_>) -> Result<(Arc<Live>, String)> {
    let live = ctx.data_unchecked::<Arc<Live>>().clone();
    if !live.writable() {
        return Err(to_error(WriteError::read_only()));
    }
    let (code, message, hint) = match ctx.data_opt::<WriteAccess>() {
        Some(WriteAccess::Token(name)) => return Ok((live, name.clone())),
        None | Some(WriteAccess::Disabled) => (
            ErrorCode::WritesDisabled,
            "writes are disabled: no write token is configured",
            "give the server tokens with --write-tokens-file FILE or OLYMPIA_WRITE_TOKENS",
        ),
        Some(WriteAccess::Missing) => (
            ErrorCode::Unauthenticated,
            "writes need a token: send `Authorization: Bearer <token>`",
            "ask the server's operator for a write token",
        ),
        Some(WriteAccess::Invalid) => (
            ErrorCode::Unauthenticated,
            "the bearer token matches no write token",
            "check the token; nothing was written",
        ),
    };
    Err(to_error(WriteError {
        code,
        message: message.into(),
        hint: Some(hint.into()),
        index: None,
    }))
}

fn to_error(e: WriteError) -> async_graphql::Error {
    let WriteError {
        code,
        message,
        hint,
        index,
    } = e;
    async_graphql::Error::new(message).extend_with(move |_, x| {
        x.set("code", code.as_str());
        if let Some(index) = index {
            x.set("index", index);
        }
        if let Some(hint) = &hint {
            x.set("hint", hint.as_str());
        }
    })
}

/// Runs a write off the async runtime; every problem but the first is added to the response's
/// errors, the first is the field's error.
async fn run(
    ctx: &Context<'_>,
    write: impl FnOnce(&Live, &str) -> Result<Written, WriteErrors> + Send + 'static,
) -> Result<Written> {
    let (live, by) = writer(ctx)?;
    let outcome = tokio::task::spawn_blocking(move || write(&live, &by))
        .await
        .map_err(|e| {
            to_error(WriteError {
                code: ErrorCode::Internal,
                message: format!("the write did not finish ({e}); nothing was published"),
                hint: None,
                index: None,
            })
        })?;
    outcome.map_err(|WriteErrors(errors)| {
        let mut errors = errors.into_iter().map(to_error);
        let first = errors
            .next()
            .unwrap_or_else(|| async_graphql::Error::new("the write was refused"));
        for other in errors {
            let e: ServerError = other.into_server_error(ctx.item.pos);
            ctx.add_error(ctx.set_error_path(e));
        }
        first
    })
}

fn qualifiers(q: Option<QualifiersInput>) -> NewQualifiers {
    let q = q.unwrap_or_default();
    NewQualifiers {
        role: q.role,
        medal: q.medal.map(|m| graph::Medal::from(m).as_str().to_owned()),
        date: q.when.map(|d| d.0),
        place: q.place.map(|id| id.0),
        event: q.event.map(|id| id.0),
        order: q.order,
        note: q.note,
    }
}

/// The writes: each needs `Authorization: Bearer <token>`, is one transaction (all of its input
/// or none), and is validated as a dataset file would be.
#[Object]
impl Mutation {
    /// Adds a source text; the mentions of every entity in it are found at once. Sending the
    /// same source again changes nothing.
    async fn add_source(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The source: its id, metadata and whole text.")] input: AddSourceInput,
    ) -> Result<AddSourcePayload> {
        let source = NewSource {
            id: input.id,
            title: input.title,
            published_on: input.published_on.map(|d| d.0),
            language: input.language.0,
            outlet: input.outlet,
            text: input.text,
            headlines_from: input.headlines_from,
        };
        run(ctx, move |live, by| live.add_source(by, source))
            .await
            .map(AddSourcePayload)
    }

    /// Adds entities, all or none. An entity already there with the same fields changes
    /// nothing; errors name the item at fault in `extensions.index`.
    async fn add_entities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The entities, at most 100.")] input: Vec<AddEntityInput>,
    ) -> Result<AddEntitiesPayload> {
        check_items(input.len())?;
        let entities: Vec<NewEntity> = input
            .into_iter()
            .map(|e| NewEntity {
                id: e.id,
                kind: e.kind.into(),
                name: e.name,
                aliases: e.aliases,
                description: e.description,
            })
            .collect();
        run(ctx, move |live, by| live.add_entities(by, &entities))
            .await
            .map(AddEntitiesPayload)
    }

    /// Adds relation and quantity claims, all or none, each quote located in its source. A
    /// claim with the same content as one already there (and not retracted) is not added again:
    /// its id is returned, and a relation's new quotes join that claim's evidence, so sending
    /// the same article twice adds nothing. Errors (`QUOTE_NOT_FOUND`,
    /// `UNKNOWN_ENTITY`, `PREDICATE_NOT_ALLOWED`, …) name the item in `extensions.index`.
    async fn add_claims(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The claims, at most 100.")] input: Vec<ClaimInput>,
    ) -> Result<AddClaimsPayload> {
        check_items(input.len())?;
        let kg = ctx.data_unchecked::<Arc<Live>>().snapshot();
        let mut claims = Vec::with_capacity(input.len());
        for c in input {
            let predicate = match &c.predicate {
                Some(p) => {
                    let p = p.resolve(&kg.graph)?;
                    Some(kg.graph.vocabulary().get(p).name.clone())
                }
                None => None,
            };
            claims.push(NewClaim {
                subject: c.subject.0,
                predicate,
                object: c.object.map(|id| id.0),
                quantity: c.quantity.map(|q| NewQuantity {
                    property: q.property,
                    value: q.value,
                    unit: q.unit,
                    hedge: q.hedge.map(|h| graph::Hedge::from(h).as_str().to_owned()),
                }),
                qualifiers: qualifiers(c.qualifiers),
                evidence: c
                    .evidence
                    .into_iter()
                    .map(|e| NewEvidence {
                        source: e.source.0,
                        quote: e.quote,
                        occurrence: e.occurrence,
                    })
                    .collect(),
                inferred: c.inferred,
            });
        }
        run(ctx, move |live, by| live.add_claims(by, &claims))
            .await
            .map(AddClaimsPayload)
    }

    /// Retracts a relation or quantity claim: it is kept and marked with the time, the reason
    /// and the token's name, and traversals and lists leave it out unless asked
    /// (`includeRetracted`).
    async fn retract_claim(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The claim's id (`Relation.id` or `QuantityClaim.id`).")] id: ID,
        #[graphql(desc = "Why it is withdrawn, kept with it.")] reason: String,
    ) -> Result<RetractClaimPayload> {
        run(ctx, move |live, by| live.retract_claim(by, &id, &reason))
            .await
            .map(RetractClaimPayload)
    }
}
