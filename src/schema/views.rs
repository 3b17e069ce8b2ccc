//! Thin GraphQL views over the graph's claims, sources and evidence. Each borrows from the
//! `KnowledgeGraph` and holds an index; none computes anything the graph does not provide.

use async_graphql::{Context, ID, Object, Result, SimpleObject};

use super::entity::Include;
use super::entity::{Entity, entity};
use super::enums::{Direction, EntityKind, Hedge, Medal, Section};
use super::paging::{PageArgs, PageInfo, paginate};
use super::scalars::{Date, LanguageTag, PartialDate};
use super::vocabulary::{Predicate, resolve_all};
use crate::graph::{self, ClaimId, EntityId, KnowledgeGraph, QuantityId, SourceId};

/// A relationship between two entities, with the quotes that state it.
pub struct Relation<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) id: ClaimId,
}

impl<'a> Relation<'a> {
    fn claim(&self) -> graph::ClaimRef<'a> {
        self.kg.claim(self.id)
    }
}

/// A relationship between two entities, stated (or inferred) by the sources, with the exact
/// quotes that state it.
#[Object]
impl<'a> Relation<'a> {
    /// Globally unique id: `subject.PREDICATE.object` (with `.2`, `.3` for repeats).
    pub(crate) async fn id(&self, _ctx: &Context<'_>) -> Result<ID> {
        Ok(ID(self.claim().key().into_owned()))
    }

    /// What the relation says.
    async fn predicate(&self) -> Predicate {
        Predicate::of(self.kg, self.claim().predicate)
    }

    /// The entity the relation is about.
    async fn subject(&self) -> Entity<'a> {
        entity(self.kg, self.claim().subject)
    }

    /// The other entity.
    async fn object(&self) -> Entity<'a> {
        entity(self.kg, self.claim().object)
    }

    /// Context: role, medal, date, place, event, order, note.
    async fn qualifiers(&self) -> Qualifiers<'a> {
        Qualifiers {
            kg: self.kg,
            q: self.claim().qualifiers,
        }
    }

    /// Every quote that states the relation, by source then position (never empty).
    async fn evidence(&self) -> Vec<Evidence<'a>> {
        evidence(self.kg, self.claim().evidence)
    }

    /// True when the relation joins several sentences rather than being stated by one;
    /// `qualifiers.note` then says how, and `evidence` cites every sentence.
    async fn inferred(&self) -> bool {
        self.claim().inferred
    }

    /// Set when the relation was retracted: it is kept, and traversals and lists leave it out
    /// unless asked (`includeRetracted`).
    async fn retraction(&self) -> Option<Retraction<'a>> {
        self.claim().retracted.map(|r| Retraction { r })
    }
}

/// When, why and by whom a relation was retracted.
pub struct Retraction<'a> {
    r: &'a graph::Retraction,
}

/// When, why and by whom a relation was retracted (Wikidata's "deprecated rank, with a reason":
/// a retracted claim is never deleted).
#[Object]
impl<'a> Retraction<'a> {
    /// When, as an RFC 3339 UTC timestamp.
    async fn at(&self) -> &'a str {
        &self.r.at
    }

    /// Why, in the retractor's words.
    async fn reason(&self) -> &'a str {
        &self.r.reason
    }

    /// The name of the write token that retracted it (never the secret); null when the
    /// retraction came with a dataset file.
    async fn by(&self) -> Option<&'a str> {
        self.r.by.as_deref()
    }
}

pub(crate) fn evidence<'a>(
    kg: &'a KnowledgeGraph,
    items: &'a [graph::Evidence],
) -> Vec<Evidence<'a>> {
    items.iter().map(|e| Evidence { kg, e }).collect()
}

/// Context on a relation or quantity claim.
pub struct Qualifiers<'a> {
    kg: &'a KnowledgeGraph,
    q: &'a graph::Qualifiers,
}

/// Context on a claim. Every field is null when the sources do not say.
#[Object]
impl<'a> Qualifiers<'a> {
    /// Role, in the source's words ("joint flag-bearer", "mayor").
    async fn role(&self) -> Option<&'a str> {
        self.q.role.as_deref()
    }

    /// Medal colour.
    async fn medal(&self) -> Option<Medal> {
        self.q.medal.map(Into::into)
    }

    /// Date or partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[graphql(deprecation = "Use `when`, the same date as a `PartialDate` scalar.")]
    async fn date(&self) -> Option<&'a str> {
        self.q.date.as_deref()
    }

    /// When it happened, as precisely as the source says: a year, a month or a day.
    async fn when(&self) -> Option<PartialDate> {
        self.q.date.clone().map(PartialDate)
    }

    /// Where it happened.
    async fn place(&self) -> Option<Entity<'a>> {
        self.q.place.map(|id| entity(self.kg, id))
    }

    /// The event during which it happened.
    async fn event(&self) -> Option<Entity<'a>> {
        self.q.event.map(|id| entity(self.kg, id))
    }

    /// Position in a sequence, from 1 (e.g. the steps of the flag's handover).
    async fn order(&self) -> Option<i32> {
        self.q.order.map(|o| o as i32)
    }

    /// How an inferred claim follows from its evidence, or a caveat.
    async fn note(&self) -> Option<&'a str> {
        self.q.note.as_deref()
    }
}

/// Where a source states a claim.
pub struct Evidence<'a> {
    kg: &'a KnowledgeGraph,
    e: &'a graph::Evidence,
}

/// The exact words of a source that state a claim, and where they are.
#[Object]
impl<'a> Evidence<'a> {
    /// Unique id of the quoted span: `source@start-end`.
    async fn id(&self) -> ID {
        span_id(self.kg, self.e.source, self.e.span)
    }

    /// The source quoted.
    async fn source(&self) -> Source<'a> {
        Source {
            kg: self.kg,
            id: self.e.source,
        }
    }

    /// The quote, verbatim (equal to `source.text` from `start` to `end`).
    async fn quote(&self) -> &'a str {
        self.kg.quote(self.e)
    }

    /// Offset of the quote's first character in the source text, in Unicode scalar values.
    async fn start(&self) -> i32 {
        self.e.span.char_start as i32
    }

    /// Offset one past the quote's last character, in Unicode scalar values.
    async fn end(&self) -> i32 {
        self.e.span.char_end as i32
    }

    /// The whole sentence around the quote.
    async fn sentence(&self) -> &'a str {
        let source = self.kg.source(self.e.source);
        source.slice(source.sentence_around(self.e.span))
    }

    /// The part of the source the quote comes from: the report's body, or the related-article
    /// headlines printed after it (which state nothing of the report's own).
    async fn section(&self) -> Section {
        self.e.section.into()
    }
}

fn span_id(kg: &KnowledgeGraph, source: SourceId, span: graph::Span) -> ID {
    ID(format!(
        "{}@{}-{}",
        kg.source(source).key,
        span.char_start,
        span.char_end
    ))
}

/// A source text: a news report the graph's facts come from.
pub struct Source<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) id: SourceId,
}

impl<'a> Source<'a> {
    fn source(&self) -> &'a graph::Source {
        self.kg.source(self.id)
    }
}

/// A source text, verbatim, with its metadata and everything the graph takes from it.
#[Object]
impl<'a> Source<'a> {
    /// Globally unique id.
    pub(crate) async fn id(&self, _ctx: &Context<'_>) -> Result<ID> {
        Ok(ID(self.source().key.clone()))
    }

    /// Title (editorial where the text carries none).
    async fn title(&self) -> &'a str {
        &self.source().title
    }

    /// Publication date, `YYYY-MM-DD`; empty when the dataset gives none.
    #[graphql(
        deprecation = "Use `publicationDate`, which is null when the source gives no date (this field is then empty)."
    )]
    async fn published_on(&self) -> &'a str {
        self.source().published_on.as_deref().unwrap_or_default()
    }

    /// Publication date, when the dataset gives one (null when the text does not say: the
    /// seed's reports say only "Sunday").
    async fn publication_date(&self) -> Option<Date> {
        self.source().published_on.clone().map(Date)
    }

    /// BCP 47 language tag.
    #[graphql(deprecation = "Use `languageTag`, the same tag as a `LanguageTag` scalar.")]
    async fn language(&self) -> &'a str {
        &self.source().language
    }

    /// The language the text is written in.
    async fn language_tag(&self) -> LanguageTag {
        LanguageTag(self.source().language.clone())
    }

    /// Outlet or wire service as the text names it; null when the text names none.
    async fn outlet(&self) -> Option<&'a str> {
        self.source().outlet.as_deref()
    }

    /// The full text, verbatim. Evidence and mention offsets index into it.
    async fn text(&self) -> &'a str {
        &self.source().text
    }

    /// The relations this source gives evidence for, in dataset order, with the filters of
    /// `Entity.relations`.
    #[allow(clippy::too_many_arguments)]
    async fn relations(
        &self,
        #[graphql(desc = "Only relations with these predicates (all when omitted).")]
        predicates: Option<Vec<Predicate>>,
        #[graphql(
            default = true,
            desc = "Also list relations the dataset marks as inferred (joined from several sentences rather than stated by one)."
        )]
        include_inferred: bool,
        #[graphql(
            default = true,
            desc = "Also list relations whose only evidence is a related-article headline printed after a report."
        )]
        include_headlines: bool,
        #[graphql(
            default = false,
            desc = "Also list relations that were retracted (each says when, why and by whom in `retraction`)."
        )]
        include_retracted: bool,
        #[graphql(
            desc = "The first N relations (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Relations after this cursor.")] after: Option<String>,
        #[graphql(desc = "The last N relations (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Relations before this cursor.")] before: Option<String>,
    ) -> Result<SourceRelationConnection<'a>> {
        let predicates = resolve_all(self.kg, &predicates)?;
        let include = Include {
            inferred: include_inferred,
            headlines: include_headlines,
            retracted: include_retracted,
        };
        let claims: Vec<ClaimId> = self
            .kg
            .claims_citing(self.id)
            .filter(|&c| {
                let claim = self.kg.claim(c);
                (predicates.is_empty() || predicates.contains(&claim.predicate))
                    && include.allows(claim)
            })
            .collect();
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        RelationConnection::new(self.kg, None, claims, &args).map(SourceRelationConnection)
    }

    /// The relations this source gives evidence for, in dataset order.
    #[graphql(
        deprecation = "Use `relations`: the same relations, with the filters `Entity.relations` takes and edges without the entity-relative `direction` and `neighbor` (always null here)."
    )]
    async fn claims(
        &self,
        #[graphql(desc = "Items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Items before this cursor.")] before: Option<String>,
        #[graphql(desc = "The first N items (1 to 100).")] first: Option<i32>,
        #[graphql(desc = "The last N items (1 to 100).")] last: Option<i32>,
    ) -> Result<RelationConnection<'a>> {
        let claims: Vec<ClaimId> = self.kg.claims_citing(self.id).collect();
        RelationConnection::new(
            self.kg,
            None,
            claims,
            &PageArgs {
                after,
                before,
                first,
                last,
            },
        )
    }

    /// The numbers this source states, in dataset order.
    async fn quantities(
        &self,
        #[graphql(
            default = false,
            desc = "Also list retracted figures (each with its `retraction`)."
        )]
        include_retracted: bool,
    ) -> Vec<QuantityClaim<'a>> {
        self.kg
            .quantities_from(self.id)
            .filter(|&id| include_retracted || self.kg.quantity(id).retracted.is_none())
            .map(|id| QuantityClaim { kg: self.kg, id })
            .collect()
    }

    /// Every occurrence of an entity's name or alias in the text, in text order.
    async fn mentions(&self) -> Vec<Mention<'a>> {
        self.kg
            .mentions_in(self.id)
            .map(|m| Mention { kg: self.kg, m })
            .collect()
    }
}

/// One occurrence of an entity's name or alias in a source.
pub struct Mention<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) m: graph::Mention,
}

/// One occurrence of an entity's name or alias in a source, found automatically at load.
#[Object]
impl<'a> Mention<'a> {
    /// Unique id of the span: `source@start-end`.
    async fn id(&self) -> ID {
        span_id(self.kg, self.m.source, self.m.span)
    }

    /// The entity named.
    async fn entity(&self) -> Entity<'a> {
        entity(self.kg, self.m.entity)
    }

    /// The source that names it.
    async fn source(&self) -> Source<'a> {
        Source {
            kg: self.kg,
            id: self.m.source,
        }
    }

    /// The words as they appear in the source.
    async fn text(&self) -> &'a str {
        self.kg.source(self.m.source).slice(self.m.span)
    }

    /// Offset of the first character, in Unicode scalar values.
    async fn start(&self) -> i32 {
        self.m.span.char_start as i32
    }

    /// Offset one past the last character, in Unicode scalar values.
    async fn end(&self) -> i32 {
        self.m.span.char_end as i32
    }
}

/// A number one source states about an entity.
pub struct QuantityClaim<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) id: QuantityId,
}

impl<'a> QuantityClaim<'a> {
    fn quantity(&self) -> &'a graph::Quantity {
        self.kg.quantity(self.id)
    }
}

/// A number one source states about an entity, as stated: value, unit and the source's hedge.
#[Object]
impl<'a> QuantityClaim<'a> {
    /// Globally unique id: `subject.property.source` (with `.2`, `.3` for repeats).
    pub(crate) async fn id(&self, _ctx: &Context<'_>) -> Result<ID> {
        Ok(ID(self.quantity().key.clone()))
    }

    /// The entity the number is about.
    async fn subject(&self) -> Entity<'a> {
        entity(self.kg, self.quantity().subject)
    }

    /// What is counted or measured (snake_case, e.g. `spectators`).
    async fn property(&self) -> &'a str {
        &self.quantity().property
    }

    /// The number as the source states it.
    async fn value(&self) -> f64 {
        self.quantity().value
    }

    /// The number as an `Int` when it is a whole number (a count of people, medals, seats);
    /// null for a fraction ("two and a half weeks") or a number outside `Int`'s range.
    async fn int_value(&self) -> Option<i32> {
        let value = self.quantity().value;
        (value.fract() == 0.0 && value.abs() <= f64::from(i32::MAX)).then_some(value as i32)
    }

    /// What the number counts or measures (e.g. `people`).
    async fn unit(&self) -> &'a str {
        &self.quantity().unit
    }

    /// The source's own hedge ("more than", "around" …).
    async fn hedge(&self) -> Hedge {
        self.quantity().hedge.into()
    }

    /// Context: medal colour, subgroup (`role`), date.
    async fn qualifiers(&self) -> Qualifiers<'a> {
        Qualifiers {
            kg: self.kg,
            q: &self.quantity().qualifiers,
        }
    }

    /// The source that states it.
    async fn source(&self) -> Source<'a> {
        Source {
            kg: self.kg,
            id: self.quantity().source(),
        }
    }

    /// The quotes that state it, all from `source`.
    async fn evidence(&self) -> Vec<Evidence<'a>> {
        evidence(self.kg, &self.quantity().evidence)
    }

    /// Set when the figure was retracted: it is kept, and lists leave it out unless asked
    /// (`includeRetracted`).
    async fn retraction(&self) -> Option<Retraction<'a>> {
        self.quantity().retracted.as_ref().map(|r| Retraction { r })
    }
}

/// The figures the sources give for one property of an entity.
pub struct QuantityGroup<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) claims: Vec<QuantityId>,
}

/// The figures the sources give for one property of an entity (one medal colour or subgroup),
/// each source's figure kept apart so that disagreements show.
#[Object]
impl<'a> QuantityGroup<'a> {
    /// What is counted or measured.
    async fn property(&self) -> &'a str {
        &self.kg.quantity(self.claims[0]).property
    }

    /// The medal colour the figures count, if they count medals of one colour.
    async fn medal(&self) -> Option<Medal> {
        self.kg
            .quantity(self.claims[0])
            .qualifiers
            .medal
            .map(Into::into)
    }

    /// The subgroup the figures count (e.g. "women"), if any.
    async fn role(&self) -> Option<&'a str> {
        self.kg.quantity(self.claims[0]).qualifiers.role.as_deref()
    }

    /// Every source's figure, by source then dataset order.
    async fn values(&self) -> Vec<QuantityClaim<'a>> {
        self.claims
            .iter()
            .map(|&id| QuantityClaim { kg: self.kg, id })
            .collect()
    }

    /// True when every figure has the same value and unit.
    async fn consistent(&self) -> bool {
        let first = self.kg.quantity(self.claims[0]);
        self.claims.iter().all(|&id| {
            let q = self.kg.quantity(id);
            q.value == first.value && q.unit == first.unit
        })
    }
}

/// Groups an entity's quantity claims by (property, medal, role), in order of first appearance,
/// each group's claims by source.
pub(crate) fn group_quantities<'a>(
    kg: &'a KnowledgeGraph,
    entity: EntityId,
    property: Option<&str>,
    include_retracted: bool,
) -> Vec<QuantityGroup<'a>> {
    let mut groups: Vec<QuantityGroup<'a>> = Vec::new();
    for id in kg.quantities_of(entity) {
        let q = kg.quantity(id);
        if property.is_some_and(|p| p != q.property)
            || (q.retracted.is_some() && !include_retracted)
        {
            continue;
        }
        let same = |g: &QuantityGroup<'_>| {
            let f = kg.quantity(g.claims[0]);
            f.property == q.property
                && f.qualifiers.medal == q.qualifiers.medal
                && f.qualifiers.role == q.qualifiers.role
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(group) => group.claims.push(id),
            None => groups.push(QuantityGroup {
                kg,
                claims: vec![id],
            }),
        }
    }
    for group in &mut groups {
        group
            .claims
            .sort_by_key(|&id| (kg.quantity(id).source(), id));
    }
    groups
}

/// A page of relations.
pub struct RelationConnection<'a> {
    kg: &'a KnowledgeGraph,
    /// The entity the relations are seen from, if any.
    from: Option<EntityId>,
    edges: Vec<(String, ClaimId)>,
    info: PageInfo,
    total: usize,
}

impl<'a> RelationConnection<'a> {
    pub(crate) fn new(
        kg: &'a KnowledgeGraph,
        from: Option<EntityId>,
        claims: Vec<ClaimId>,
        args: &PageArgs,
    ) -> Result<Self> {
        let page = paginate(claims.len(), args)?;
        let edges = page
            .cursors()
            .map(|(i, cursor)| (cursor, claims[i]))
            .collect();
        Ok(RelationConnection {
            kg,
            from,
            edges,
            info: page.info.clone(),
            total: claims.len(),
        })
    }
}

/// A page of relations (Relay cursor connection).
#[Object]
impl<'a> RelationConnection<'a> {
    /// The relations of this page, each with its cursor.
    async fn edges(&self) -> Vec<RelationEdge<'a>> {
        self.edges
            .iter()
            .map(|(cursor, id)| RelationEdge {
                kg: self.kg,
                from: self.from,
                cursor: cursor.clone(),
                id: *id,
            })
            .collect()
    }

    /// The relations of this page.
    async fn nodes(&self) -> Vec<Relation<'a>> {
        self.edges
            .iter()
            .map(|&(_, id)| Relation { kg: self.kg, id })
            .collect()
    }

    /// Where this page sits.
    async fn page_info(&self) -> &PageInfo {
        &self.info
    }

    /// The number of relations in the whole connection.
    async fn total_count(&self) -> i32 {
        self.total as i32
    }
}

/// A page of the relations a source gives evidence for.
pub struct SourceRelationConnection<'a>(RelationConnection<'a>);

/// A page of the relations a source gives evidence for (Relay cursor connection).
#[Object]
impl<'a> SourceRelationConnection<'a> {
    /// The relations of this page, each with its cursor.
    async fn edges(&self) -> Vec<SourceRelationEdge<'a>> {
        let c = &self.0;
        c.edges
            .iter()
            .map(|(cursor, id)| SourceRelationEdge {
                cursor: cursor.clone(),
                node: Relation { kg: c.kg, id: *id },
            })
            .collect()
    }

    /// The relations of this page.
    async fn nodes(&self) -> Vec<Relation<'a>> {
        let c = &self.0;
        c.edges
            .iter()
            .map(|&(_, id)| Relation { kg: c.kg, id })
            .collect()
    }

    /// Where this page sits.
    async fn page_info(&self) -> &PageInfo {
        &self.0.info
    }

    /// The number of relations in the whole connection.
    async fn total_count(&self) -> i32 {
        self.0.total as i32
    }
}

/// A relation of a source, with its cursor.
#[derive(SimpleObject)]
pub struct SourceRelationEdge<'a> {
    /// Opaque cursor for `after`/`before`.
    cursor: String,
    /// The relation.
    node: Relation<'a>,
}

/// A relation in a connection.
pub struct RelationEdge<'a> {
    kg: &'a KnowledgeGraph,
    from: Option<EntityId>,
    cursor: String,
    id: ClaimId,
}

/// A relation in a connection, with its cursor and, when seen from an entity, which way it
/// points and what is at its other end.
#[Object]
impl<'a> RelationEdge<'a> {
    /// Opaque cursor for `after`/`before`.
    async fn cursor(&self) -> &str {
        &self.cursor
    }

    /// The relation.
    async fn node(&self) -> Relation<'a> {
        Relation {
            kg: self.kg,
            id: self.id,
        }
    }

    /// OUTGOING when the entity is the relation's subject, INCOMING when it is the object; null
    /// when the connection is not seen from an entity.
    async fn direction(&self) -> Option<Direction> {
        let from = self.from?;
        let claim = self.kg.claim(self.id);
        Some(if claim.subject == from {
            Direction::Outgoing
        } else {
            Direction::Incoming
        })
    }

    /// The entity at the other end of the relation; null when not seen from an entity.
    async fn neighbor(&self) -> Option<Entity<'a>> {
        let from = self.from?;
        let claim = self.kg.claim(self.id);
        let other = if claim.subject == from {
            claim.object
        } else {
            claim.subject
        };
        Some(entity(self.kg, other))
    }
}

/// The number of entities of one kind.
#[derive(SimpleObject)]
pub struct KindCount {
    /// The kind.
    pub kind: EntityKind,
    /// How many entities.
    pub count: i32,
}

/// The number of relations with one predicate.
#[derive(SimpleObject)]
pub struct PredicateCount {
    /// The predicate.
    pub predicate: Predicate,
    /// How many relations.
    pub count: i32,
}

/// What the graph takes from one source.
pub struct SourceCount<'a> {
    kg: &'a KnowledgeGraph,
    id: SourceId,
    claims: usize,
    quantities: usize,
    mentions: usize,
}

/// What the graph takes from one source.
#[Object]
impl<'a> SourceCount<'a> {
    /// The source.
    async fn source(&self) -> Source<'a> {
        Source {
            kg: self.kg,
            id: self.id,
        }
    }

    /// Relations the source gives evidence for.
    async fn relations(&self) -> i32 {
        self.claims as i32
    }

    /// Quantity claims the source states.
    async fn quantities(&self) -> i32 {
        self.quantities as i32
    }

    /// Mentions of entities in the source.
    async fn mentions(&self) -> i32 {
        self.mentions as i32
    }
}

/// Counts of what the graph holds.
pub struct Stats<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) stats: graph::Stats,
}

/// Counts of what the graph holds.
#[Object]
impl<'a> Stats<'a> {
    /// All entities.
    async fn entity_count(&self) -> i32 {
        self.stats.entities as i32
    }

    /// All relations.
    async fn relation_count(&self) -> i32 {
        self.stats.claims as i32
    }

    /// Relations marked inferred.
    async fn inferred_relation_count(&self) -> i32 {
        self.stats.inferred_claims as i32
    }

    /// All quantity claims.
    async fn quantity_count(&self) -> i32 {
        self.stats.quantities as i32
    }

    /// All mentions.
    async fn mention_count(&self) -> i32 {
        self.stats.mentions as i32
    }

    /// All sources.
    async fn source_count(&self) -> i32 {
        self.stats.sources as i32
    }

    /// All entities.
    #[graphql(
        deprecation = "Use `entityCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists)."
    )]
    async fn entities(&self) -> i32 {
        self.stats.entities as i32
    }

    /// All relations.
    #[graphql(
        deprecation = "Use `relationCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists)."
    )]
    async fn relations(&self) -> i32 {
        self.stats.claims as i32
    }

    /// Relations marked inferred.
    #[graphql(
        deprecation = "Use `inferredRelationCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists)."
    )]
    async fn inferred_relations(&self) -> i32 {
        self.stats.inferred_claims as i32
    }

    /// All quantity claims.
    #[graphql(
        deprecation = "Use `quantityCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists)."
    )]
    async fn quantities(&self) -> i32 {
        self.stats.quantities as i32
    }

    /// All mentions.
    #[graphql(
        deprecation = "Use `mentionCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists)."
    )]
    async fn mentions(&self) -> i32 {
        self.stats.mentions as i32
    }

    /// All sources.
    #[graphql(
        deprecation = "Use `sourceCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists)."
    )]
    async fn sources(&self) -> i32 {
        self.stats.sources as i32
    }

    /// Entities by kind, for every kind.
    async fn entities_by_kind(&self) -> Vec<KindCount> {
        self.stats
            .entities_by_kind
            .iter()
            .map(|&(kind, n)| KindCount {
                kind: kind.into(),
                count: n as i32,
            })
            .collect()
    }

    /// Relations by predicate, for every predicate in use.
    async fn relations_by_predicate(&self) -> Vec<PredicateCount> {
        self.stats
            .claims_by_predicate
            .iter()
            .map(|&(p, n)| PredicateCount {
                predicate: Predicate::of(self.kg, p),
                count: n as i32,
            })
            .collect()
    }

    /// What the graph takes from each source.
    async fn by_source(&self) -> Vec<SourceCount<'a>> {
        self.stats
            .by_source
            .iter()
            .map(|&(id, claims, quantities, mentions)| SourceCount {
                kg: self.kg,
                id,
                claims,
                quantities,
                mentions,
            })
            .collect()
    }
}

/// A predicate of the vocabulary, with what it means and the kinds it allows.
pub struct PredicateInfo<'a> {
    pub(crate) kg: &'a KnowledgeGraph,
    pub(crate) p: graph::Predicate,
}

impl<'a> PredicateInfo<'a> {
    fn def(&self) -> &'a graph::PredicateDef {
        self.kg.vocabulary().get(self.p)
    }
}

/// A predicate of the dataset's vocabulary: what it means, the kinds it joins, its inverse and
/// the typed fields it gives entity types.
#[Object]
impl<'a> PredicateInfo<'a> {
    /// The predicate.
    async fn predicate(&self) -> Predicate {
        Predicate::of(self.kg, self.p)
    }

    /// What a relation with this predicate means.
    async fn description(&self) -> &'a str {
        &self.def().description
    }

    /// The entity kinds allowed as subject.
    async fn subject_kinds(&self) -> Vec<EntityKind> {
        self.def().subject.iter().map(|&k| k.into()).collect()
    }

    /// The entity kinds allowed as object.
    async fn object_kinds(&self) -> Vec<EntityKind> {
        self.def().object.iter().map(|&k| k.into()).collect()
    }

    /// The name of the relation read from object to subject (`RECEIVED_FLAG_FROM`); null for a
    /// symmetric predicate.
    async fn inverse(&self) -> Option<&'a str> {
        self.def().inverse.as_deref()
    }

    /// True when the relation reads the same both ways (`APPEARED_WITH`).
    async fn symmetric(&self) -> bool {
        self.def().symmetric
    }

    /// True when its relations form ordered chains (by their `order` qualifier) that `chain`
    /// follows.
    async fn chain(&self) -> bool {
        self.def().chain
    }

    /// The typed field on subject types that follows it (`handedFlagTo`), with a
    /// `…Connection` twin.
    async fn field(&self) -> String {
        self.def().field_name()
    }

    /// The typed field on object types that follows it backwards (`receivedFlagFrom`); for a
    /// symmetric predicate, `field` serves both sides.
    async fn inverse_field(&self) -> Option<String> {
        self.def().inverse_field_name()
    }
}
