//! Relation claims stored column-wise: subject, object, predicate and flags in dense arrays,
//! every claim's evidence spans in one array, and what few claims have (qualifiers, a key given
//! by the dataset, a repeat number, a retraction) in side tables. A claim's key is derived on
//! demand (`subject.PREDICATE.object`, `.2`, `.3` for repeats) unless the dataset gave one.
//!
//! Writes add owned [`Claim`] records beside the columns (few, until the next compaction folds
//! them in), and a rewritten claim (more evidence, a retraction) shadows its column entry.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::csr::FastMap;
use super::layered::Chunks;
use super::model::{Claim, EntityId, Evidence, Predicate, Qualifiers, Retraction, Section};
use super::{ClaimId, KnowledgeGraph};

const INFERRED: u8 = 1;
const QUALIFIED: u8 = 1 << 1;
const GIVEN_KEY: u8 = 1 << 2;
const REPEAT: u8 = 1 << 3;
const RETRACTED: u8 = 1 << 4;
const HEADLINES_ONLY: u8 = 1 << 5;

static NO_QUALIFIERS: Qualifiers = Qualifiers {
    role: None,
    medal: None,
    date: None,
    place: None,
    event: None,
    order: None,
    note: None,
};

/// The claims of a base, one column per field.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Columns {
    subject: Vec<EntityId>,
    object: Vec<EntityId>,
    predicate: Vec<Predicate>,
    flags: Vec<u8>,
    /// Claim `i`'s evidence is `evidence[evidence_end[i - 1]..evidence_end[i]]` (from 0 for
    /// the first).
    evidence_end: Vec<u32>,
    evidence: Vec<Evidence>,
    qualifiers: FastMap<u32, Qualifiers>,
    given_keys: FastMap<u32, Box<str>>,
    /// The repeat number of derived keys past the first (`a.P.b.2` is 2).
    repeats: FastMap<u32, u32>,
    retractions: FastMap<u32, Retraction>,
}

impl Columns {
    /// True when every column has one entry per claim, the evidence ends rise to the
    /// evidence's length, and every id is below `entities` or `sources`: what the graph's
    /// builder relies on, checked when the columns come from outside (a snapshot).
    pub(crate) fn is_consistent(&self, entities: u32, sources: u32) -> bool {
        let n = self.subject.len();
        let entity = |e: &EntityId| e.0 < entities;
        let place_and_event = |q: &Qualifiers| q.place.iter().chain(&q.event).all(entity);
        [
            self.object.len(),
            self.predicate.len(),
            self.flags.len(),
            self.evidence_end.len(),
        ]
        .iter()
        .all(|&len| len == n)
            && self.evidence_end.last().map_or(0, |&end| end as usize) == self.evidence.len()
            && self.evidence_end.first().is_none_or(|&end| end > 0)
            && self.evidence_end.windows(2).all(|w| w[0] < w[1])
            && self.subject.iter().chain(&self.object).all(entity)
            && self.evidence.iter().all(|e| e.source.0 < sources)
            && self.qualifiers.values().all(place_and_event)
            && self.qualifiers.keys().all(|&i| (i as usize) < n)
            && self.given_keys.keys().all(|&i| (i as usize) < n)
            && self.repeats.keys().all(|&i| (i as usize) < n)
            && self.retractions.keys().all(|&i| (i as usize) < n)
    }

    fn from_claims(claims: Vec<Claim>) -> Columns {
        let n = claims.len();
        let mut c = Columns {
            subject: Vec::with_capacity(n),
            object: Vec::with_capacity(n),
            predicate: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            evidence_end: Vec::with_capacity(n),
            evidence: Vec::with_capacity(claims.iter().map(|c| c.evidence.len()).sum()),
            ..Columns::default()
        };
        for (i, claim) in claims.into_iter().enumerate() {
            c.push(i as u32, claim);
        }
        c
    }

    fn push(&mut self, i: u32, claim: Claim) {
        let Claim {
            key,
            subject,
            predicate,
            object,
            qualifiers,
            evidence,
            inferred,
            retracted,
        } = claim;
        let mut evidence = evidence;
        evidence.sort_by_key(|e| (e.source, e.span.start));
        let mut flags = 0;
        if inferred {
            flags |= INFERRED;
        }
        if evidence.iter().all(|e| e.section == Section::Headlines) {
            flags |= HEADLINES_ONLY;
        }
        if !qualifiers.is_empty() {
            flags |= QUALIFIED;
            self.qualifiers.insert(i, qualifiers);
        }
        if let Some(r) = retracted {
            flags |= RETRACTED;
            self.retractions.insert(i, r);
        }
        match derived_repeat(&key) {
            None => {
                flags |= GIVEN_KEY;
                self.given_keys.insert(i, key.into_boxed_str());
            }
            Some(1) => {}
            Some(n) => {
                flags |= REPEAT;
                self.repeats.insert(i, n);
            }
        }
        self.subject.push(subject);
        self.object.push(object);
        self.predicate.push(predicate);
        self.flags.push(flags);
        self.evidence.extend(evidence);
        self.evidence_end.push(self.evidence.len() as u32);
    }

    /// Appends a claim read from a graph version (its evidence already in order).
    fn push_ref(&mut self, i: u32, c: &ClaimRef<'_>) {
        let mut flags = 0;
        if c.inferred {
            flags |= INFERRED;
        }
        if c.headlines_only {
            flags |= HEADLINES_ONLY;
        }
        if !c.qualifiers.is_empty() {
            flags |= QUALIFIED;
            self.qualifiers.insert(i, c.qualifiers.clone());
        }
        if let Some(r) = c.retracted {
            flags |= RETRACTED;
            self.retractions.insert(i, r.clone());
        }
        let repeat = match c.key {
            KeyRef::Derived(n) => Some(n),
            KeyRef::Whole(key) => derived_repeat(key),
        };
        match (repeat, c.key) {
            (None, KeyRef::Whole(key)) => {
                flags |= GIVEN_KEY;
                self.given_keys.insert(i, key.into());
            }
            (Some(n), _) if n > 1 => {
                flags |= REPEAT;
                self.repeats.insert(i, n);
            }
            _ => {}
        }
        self.subject.push(c.subject);
        self.object.push(c.object);
        self.predicate.push(c.predicate);
        self.flags.push(flags);
        self.evidence.extend_from_slice(c.evidence);
        self.evidence_end.push(self.evidence.len() as u32);
    }

    fn len(&self) -> usize {
        self.subject.len()
    }

    /// The evidence of claim `i`.
    fn evidence_of(&self, i: usize) -> &[Evidence] {
        let start = if i == 0 { 0 } else { self.evidence_end[i - 1] };
        &self.evidence[start as usize..self.evidence_end[i] as usize]
    }

    fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let map = |entries: usize, item: usize| entries * (item + 4 + 8);
        self.subject.capacity() * 8
            + self.predicate.capacity()
            + self.flags.capacity()
            + self.evidence_end.capacity() * 4
            + self.evidence.capacity() * size_of::<Evidence>()
            + map(self.qualifiers.len(), size_of::<Qualifiers>())
            + self
                .qualifiers
                .values()
                .map(super::qualifiers_heap)
                .sum::<usize>()
            + map(self.given_keys.len(), size_of::<Box<str>>())
            + self.given_keys.values().map(|k| k.len()).sum::<usize>()
            + map(self.repeats.len(), 4)
            + map(self.retractions.len(), size_of::<Retraction>())
            + self
                .retractions
                .values()
                .map(|r| r.at.len() + r.reason.len() + r.by.as_ref().map_or(0, String::len))
                .sum::<usize>()
    }

    fn get<'a>(&'a self, i: usize, graph: &'a KnowledgeGraph) -> ClaimRef<'a> {
        let flags = self.flags[i];
        let key = i as u32;
        let side = |flag: u8| flags & flag != 0;
        ClaimRef {
            graph,
            id: ClaimId(key),
            subject: self.subject[i],
            predicate: self.predicate[i],
            object: self.object[i],
            qualifiers: if side(QUALIFIED) {
                &self.qualifiers[&key]
            } else {
                &NO_QUALIFIERS
            },
            evidence: self.evidence_of(i),
            inferred: side(INFERRED),
            retracted: if side(RETRACTED) {
                self.retractions.get(&key)
            } else {
                None
            },
            headlines_only: side(HEADLINES_ONLY),
            key: if side(GIVEN_KEY) {
                KeyRef::Whole(&self.given_keys[&key])
            } else if side(REPEAT) {
                KeyRef::Derived(self.repeats[&key])
            } else {
                KeyRef::Derived(1)
            },
        }
    }

    /// The key a dataset gave claim `i`, if it gave one.
    fn given_key(&self, i: usize) -> Option<&str> {
        if self.flags[i] & GIVEN_KEY == 0 {
            return None;
        }
        self.given_keys.get(&(i as u32)).map(|k| &**k)
    }
}

/// The repeat number of a derived key (`a.P.b` is 1, `a.P.b.3` is 3), or `None` for a key a
/// dataset gave (ids have no dots).
fn derived_repeat(key: &str) -> Option<u32> {
    let mut parts = key.split('.');
    let (_, _, _) = (parts.next()?, parts.next()?, parts.next()?);
    match parts.next() {
        None => Some(1),
        Some(n) => n.parse().ok().filter(|&n| n >= 2 && parts.next().is_none()),
    }
}

/// Every relation claim of a graph version: the base's columns, then the claims written since
/// (owned records), with the rewritten ones shadowing their older selves.
#[derive(Clone, Debug, Default)]
pub(crate) struct Claims {
    base: Arc<Columns>,
    /// Claims added since the base.
    chunks: Chunks<Claim>,
    replaced: FastMap<u32, Arc<Claim>>,
    len: usize,
}

impl Claims {
    /// The claims of a base, numbered in order.
    pub(crate) fn new(claims: Vec<Claim>) -> Claims {
        Claims::from_columns(Columns::from_claims(claims))
    }

    /// The claims of a base already in columns.
    pub(crate) fn from_columns(base: Columns) -> Claims {
        Claims {
            len: base.len(),
            base: Arc::new(base),
            chunks: Chunks::default(),
            replaced: FastMap::default(),
        }
    }

    /// The base's columns, when there is nothing beside them (a new or compacted graph).
    pub(crate) fn only_base(&self) -> Option<&Columns> {
        (self.len == self.base.len() && self.replaced.is_empty()).then_some(&*self.base)
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// All of `graph`'s claims (these) as one base, copied column by column: what a
    /// compaction builds, without an owned record per claim.
    pub(crate) fn compacted(&self, graph: &KnowledgeGraph) -> Claims {
        let mut columns = Columns {
            subject: Vec::with_capacity(self.len),
            object: Vec::with_capacity(self.len),
            predicate: Vec::with_capacity(self.len),
            flags: Vec::with_capacity(self.len),
            evidence_end: Vec::with_capacity(self.len),
            ..Columns::default()
        };
        for i in 0..self.len {
            if let Some(c) = self.get(i, graph) {
                columns.push_ref(i as u32, &c);
            }
        }
        Claims::from_columns(columns)
    }

    /// The base's claims as `(subject, object, predicate, qualifiers, evidence)`, in order:
    /// what the base's indexes are built from.
    pub(crate) fn base_rows(
        &self,
    ) -> impl Iterator<Item = (EntityId, EntityId, Predicate, &Qualifiers, &[Evidence])> + Clone + '_
    {
        let b = &*self.base;
        (0..b.len()).map(move |i| {
            let qualifiers = if b.flags[i] & QUALIFIED != 0 {
                &b.qualifiers[&(i as u32)]
            } else {
                &NO_QUALIFIERS
            };
            (
                b.subject[i],
                b.object[i],
                b.predicate[i],
                qualifiers,
                b.evidence_of(i),
            )
        })
    }

    /// Claims in the base; the rest were added since it was built.
    pub(crate) fn base_len(&self) -> usize {
        self.base.len()
    }

    /// Writes that added claims since the base.
    pub(crate) fn chunks(&self) -> usize {
        self.chunks.count()
    }

    /// Claims added since the base, with their indexes.
    pub(crate) fn added(&self) -> impl Iterator<Item = (usize, &Claim)> + '_ {
        self.chunks.iter()
    }

    /// Claims rewritten since the base, by index.
    pub(crate) fn replaced(&self) -> impl Iterator<Item = (u32, &Claim)> + '_ {
        self.replaced.iter().map(|(&i, c)| (i, &**c))
    }

    /// The predicate of each claim in the base.
    pub(crate) fn base_predicates(&self) -> &[Predicate] {
        &self.base.predicate
    }

    /// The most quotes one claim of the base has.
    pub(crate) fn base_most_evidence(&self) -> usize {
        let ends = &self.base.evidence_end;
        let first = ends.first().map_or(0, |&e| e as usize);
        ends.windows(2)
            .map(|w| (w[1] - w[0]) as usize)
            .max()
            .unwrap_or(0)
            .max(first)
    }

    /// Appends `claims`, numbered from [`len`](Self::len).
    pub(crate) fn push(&mut self, claims: Vec<Claim>) {
        if claims.is_empty() {
            return;
        }
        let start = self.len;
        self.len += claims.len();
        self.chunks.push(start, claims);
    }

    /// Replaces claim `i` (which must exist).
    pub(crate) fn replace(&mut self, i: usize, claim: Claim) {
        debug_assert!(i < self.len);
        self.replaced.insert(i as u32, Arc::new(claim));
    }

    /// Claim `i`, if any.
    #[inline]
    pub(crate) fn get<'a>(&'a self, i: usize, graph: &'a KnowledgeGraph) -> Option<ClaimRef<'a>> {
        if !self.replaced.is_empty()
            && let Some(claim) = self.replaced.get(&(i as u32))
        {
            return Some(ClaimRef::of(claim, ClaimId(i as u32), graph));
        }
        if i < self.base.len() {
            return Some(self.base.get(i, graph));
        }
        let claim = self.chunks.get(i)?;
        Some(ClaimRef::of(claim, ClaimId(i as u32), graph))
    }

    /// The key the dataset gave base claim `i`, if it gave one (for the id table).
    pub(crate) fn given_key(&self, i: usize) -> Option<&str> {
        self.base.given_key(i)
    }

    /// The keys a dataset gave the base's claims, with their indexes.
    pub(crate) fn given_keys(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.base
            .given_keys
            .iter()
            .map(|(&i, k)| (i as usize, &**k))
    }

    /// True when some claim in the base is retracted.
    pub(crate) fn base_has_retractions(&self) -> bool {
        !self.base.retractions.is_empty()
    }

    /// Heap bytes held: the columns, the side tables, and the records written since the base.
    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let owned = |c: &Claim| {
            size_of::<Claim>()
                + c.key.capacity()
                + c.evidence.capacity() * size_of::<Evidence>()
                + super::qualifiers_heap(&c.qualifiers)
        };
        self.base.heap_bytes()
            + self.chunks.iter().map(|(_, c)| owned(c)).sum::<usize>()
            + self.replaced.values().map(|c| owned(c)).sum::<usize>()
    }
}

/// How a claim's key is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyRef<'a> {
    /// Given by the dataset, or held whole by a record written since the base.
    Whole(&'a str),
    /// `subject.PREDICATE.object`, with `.n` when `n` is 2 or more.
    Derived(u32),
}

/// One relation claim, read from wherever its graph version keeps it. Cheap to make (a few
/// loads); [`to_claim`](Self::to_claim) makes an owned record.
#[derive(Clone, Copy)]
pub struct ClaimRef<'a> {
    graph: &'a KnowledgeGraph,
    /// Its index.
    pub id: ClaimId,
    /// Subject entity.
    pub subject: EntityId,
    /// What the claim says.
    pub predicate: Predicate,
    /// Object entity.
    pub object: EntityId,
    /// Context (all unset for most claims).
    pub qualifiers: &'a Qualifiers,
    /// Every quote that states it (never empty), by source then position.
    pub evidence: &'a [Evidence],
    /// True when the claim joins several sentences rather than being stated by one.
    pub inferred: bool,
    /// Set when the claim was withdrawn.
    pub retracted: Option<&'a Retraction>,
    headlines_only: bool,
    key: KeyRef<'a>,
}

impl<'a> ClaimRef<'a> {
    fn of(claim: &'a Claim, id: ClaimId, graph: &'a KnowledgeGraph) -> ClaimRef<'a> {
        ClaimRef {
            graph,
            id,
            subject: claim.subject,
            predicate: claim.predicate,
            object: claim.object,
            qualifiers: &claim.qualifiers,
            evidence: &claim.evidence,
            inferred: claim.inferred,
            retracted: claim.retracted.as_ref(),
            headlines_only: claim.headlines_only(),
            key: KeyRef::Whole(&claim.key),
        }
    }

    /// Its stable id: the one the dataset gave, else `subject.PREDICATE.object` (with `.2`,
    /// `.3` for repeats), made on demand.
    pub fn key(&self) -> Cow<'a, str> {
        match self.key {
            KeyRef::Whole(key) => Cow::Borrowed(key),
            KeyRef::Derived(n) => {
                let g = self.graph;
                let mut key = format!(
                    "{}.{}.{}",
                    g.entity(self.subject).key,
                    g.vocabulary().name(self.predicate),
                    g.entity(self.object).key
                );
                if n > 1 {
                    use std::fmt::Write;
                    let _ = write!(key, ".{n}");
                }
                Cow::Owned(key)
            }
        }
    }

    /// True when its key is derived from its triple with this repeat number.
    pub(crate) fn derives_key(&self, repeat: u32) -> bool {
        self.derived_repeat() == Some(repeat)
    }

    /// The repeat number of its derived key (1 for `a.P.b`), or `None` for a key a dataset gave.
    pub(crate) fn derived_repeat(&self) -> Option<u32> {
        match self.key {
            KeyRef::Derived(n) => Some(n),
            KeyRef::Whole(key) => derived_repeat(key),
        }
    }

    /// True when every quote comes from related-article headlines, none from a report's body.
    pub fn headlines_only(&self) -> bool {
        self.headlines_only
    }

    /// The claim as an owned record.
    pub fn to_claim(&self) -> Claim {
        Claim {
            key: self.key().into_owned(),
            subject: self.subject,
            predicate: self.predicate,
            object: self.object,
            qualifiers: self.qualifiers.clone(),
            evidence: self.evidence.to_vec(),
            inferred: self.inferred,
            retracted: self.retracted.cloned(),
        }
    }
}

impl std::fmt::Debug for ClaimRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimRef")
            .field("id", &self.id)
            .field("key", &self.key())
            .field("subject", &self.subject)
            .field("predicate", &self.predicate)
            .field("object", &self.object)
            .field("qualifiers", self.qualifiers)
            .field("evidence", &self.evidence)
            .field("inferred", &self.inferred)
            .field("retracted", &self.retracted)
            .finish()
    }
}

/// Claims are equal when everything they state is (their graphs may differ).
impl PartialEq for ClaimRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.subject == other.subject
            && self.predicate == other.predicate
            && self.object == other.object
            && self.inferred == other.inferred
            && self.qualifiers == other.qualifiers
            && self.evidence == other.evidence
            && self.retracted == other.retracted
            && self.key() == other.key()
    }
}

#[cfg(test)]
mod tests {
    use super::derived_repeat;

    #[test]
    fn derived_keys_have_three_parts_and_maybe_a_repeat() {
        assert_eq!(derived_repeat("tom-cruise.PERFORMED_AT.closing"), Some(1));
        assert_eq!(derived_repeat("tom-cruise.PERFORMED_AT.closing.3"), Some(3));
        assert_eq!(derived_repeat("flag-handover-1"), None);
        assert_eq!(derived_repeat("a.B"), None);
        assert_eq!(derived_repeat("a.B.c.1"), None);
        assert_eq!(derived_repeat("a.B.c.2.2"), None);
    }
}
