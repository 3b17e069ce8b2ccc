export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** A country or territory. */
export type Country = Entity & Node & {
  __typename?: 'Country';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A country or territory. */
export type CountryQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A country or territory. */
export type CountryRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/** Which way to follow relations from an entity. */
export type Direction =
  /** Either way. */
  | 'BOTH'
  /** From object to subject: the relations others state about the entity. */
  | 'INCOMING'
  /** From subject to object: the relations the entity states about others. */
  | 'OUTGOING';

/**
 * Something the sources speak of: a person, group, country, place, organization, event or
 * work. Every entity type is also a `Node`.
 */
export type Entity = {
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /** Every occurrence of this entity's name or aliases in the sources, by source and position. */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /** Every number the sources state about this entity, grouped by property (and medal colour or subgroup), one figure per source claim, so disagreements show. */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/**
 * Something the sources speak of: a person, group, country, place, organization, event or
 * work. Every entity type is also a `Node`.
 */
export type EntityQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/**
 * Something the sources speak of: a person, group, country, place, organization, event or
 * work. Every entity type is also a `Node`.
 */
export type EntityRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/** A page of entities (Relay cursor connection). */
export type EntityConnection = {
  __typename?: 'EntityConnection';
  /** The entities of this page, each with its cursor. */
  edges: Array<EntityEdge>;
  /** The entities of this page. */
  nodes: Array<Entity>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** The number of entities in the whole connection. */
  totalCount: Scalars['Int']['output'];
};

/** An entity in a connection, with its cursor. */
export type EntityEdge = {
  __typename?: 'EntityEdge';
  /** Opaque cursor for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The entity. */
  node: Entity;
};

/** What an entity is. */
export type EntityKind =
  /** A country or territory. */
  | 'COUNTRY'
  /** A games, ceremony, medal event or historical event. */
  | 'EVENT'
  /** A band, team or delegation. */
  | 'GROUP'
  /** A committee, company or other organization. */
  | 'ORGANIZATION'
  /** A named person. */
  | 'PERSON'
  /** A city, region, venue or landmark. */
  | 'PLACE'
  /** A song, show or other work. */
  | 'WORK';

/** A games, ceremony, medal event or historical event. */
export type Event = Entity & Node & {
  __typename?: 'Event';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A games, ceremony, medal event or historical event. */
export type EventQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/** The exact words of a source that state a claim, and where they are. */
export type Evidence = {
  __typename?: 'Evidence';
  /** Offset one past the quote's last character, in Unicode scalar values. */
  end: Scalars['Int']['output'];
  /** Unique id of the quoted span: `source@start-end`. */
  id: Scalars['ID']['output'];
  /** The quote, verbatim (equal to `source.text` from `start` to `end`). */
  quote: Scalars['String']['output'];
  /** The whole sentence around the quote. */
  sentence: Scalars['String']['output'];
  /** The source quoted. */
  source: Source;
  /** Offset of the quote's first character in the source text, in Unicode scalar values. */
  start: Scalars['Int']['output'];
};

/** A band, team or delegation. */
export type Group = Entity & Node & {
  __typename?: 'Group';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A band, team or delegation. */
export type GroupQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A band, team or delegation. */
export type GroupRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/** The hedge a source puts on a number, in its own words. */
export type Hedge =
  /** "around". */
  | 'AROUND'
  /** "at least". */
  | 'AT_LEAST'
  /** "close to". */
  | 'CLOSE_TO'
  /** "an estimated". */
  | 'ESTIMATED'
  /** Stated without a hedge. */
  | 'EXACT'
  /** "the expected". */
  | 'EXPECTED'
  /** "expected to top". */
  | 'EXPECTED_MORE_THAN'
  /** "more than". */
  | 'MORE_THAN'
  /** "nearly". */
  | 'NEARLY'
  /** "roughly". */
  | 'ROUGHLY';

/** The number of entities of one kind. */
export type KindCount = {
  __typename?: 'KindCount';
  /** How many entities. */
  count: Scalars['Int']['output'];
  /** The kind. */
  kind: EntityKind;
};

/** A medal colour. */
export type Medal =
  /** Third place. */
  | 'BRONZE'
  /** First place. */
  | 'GOLD'
  /** Second place. */
  | 'SILVER';

/** One occurrence of an entity's name or alias in a source, found automatically at load. */
export type Mention = {
  __typename?: 'Mention';
  /** Offset one past the last character, in Unicode scalar values. */
  end: Scalars['Int']['output'];
  /** The entity named. */
  entity: Entity;
  /** Unique id of the span: `source@start-end`. */
  id: Scalars['ID']['output'];
  /** The source that names it. */
  source: Source;
  /** Offset of the first character, in Unicode scalar values. */
  start: Scalars['Int']['output'];
  /** The words as they appear in the source. */
  text: Scalars['String']['output'];
};

/** An object with a globally unique id, fetchable with `node(id:)`. */
export type Node = {
  /** Globally unique id. */
  id: Scalars['ID']['output'];
};

/** A committee, company or other organization. */
export type Organization = Entity & Node & {
  __typename?: 'Organization';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A committee, company or other organization. */
export type OrganizationQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/** Where a page sits in its connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of the page, if the page is not empty. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when there are items after this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when there are items before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of the page, if the page is not empty. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A path through the graph: entities joined by relations, each relation with its evidence. */
export type Path = {
  __typename?: 'Path';
  /** Number of relations followed. */
  length: Scalars['Int']['output'];
  /** The entities along the path, both ends included. */
  nodes: Array<Entity>;
  /** The relations followed, in order (one fewer than `nodes`). */
  relations: Array<Relation>;
  /** The path step by step, each with the way the relation was walked. */
  steps: Array<PathStep>;
};

/** One step of a path: from an entity, along a relation, to the next. */
export type PathStep = {
  __typename?: 'PathStep';
  /**
   * True when the relation was walked from its subject to its object; false when walked
   * backwards (from object to subject).
   */
  forward: Scalars['Boolean']['output'];
  /** The entity the step leaves. */
  from: Entity;
  /** The relation followed. */
  relation: Relation;
  /** The entity the step reaches. */
  to: Entity;
};

/** A named person. */
export type Person = Entity & Node & {
  __typename?: 'Person';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A named person. */
export type PersonQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A named person. */
export type PersonRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/** A city, region, venue or landmark. */
export type Place = Entity & Node & {
  __typename?: 'Place';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A city, region, venue or landmark. */
export type PlaceQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};

/**
 * The closed vocabulary of relation predicates. `predicates` on the query root lists each
 * with the entity kinds it allows.
 */
export type Predicate =
  /** The subject work was adapted into the object work. */
  | 'ADAPTED_INTO'
  /** The subject was disrupted or shaped by the object. */
  | 'AFFECTED_BY'
  /** The two appeared together (sat with, joined). */
  | 'APPEARED_WITH'
  /** The subject attended the event as a spectator or guest. */
  | 'ATTENDED'
  /** The subject is the capital of the country. */
  | 'CAPITAL_OF'
  /** The subject carried the flag of the country (a flag-bearer). */
  | 'CARRIED_FLAG_OF'
  /** The subject coaches the object. */
  | 'COACHES'
  /** The two work together. */
  | 'COLLABORATES_WITH'
  /** The subject created, directed or organised the work or show. */
  | 'CREATED'
  /** The object is the next edition after the subject. */
  | 'FOLLOWED_BY'
  /** The subject passed the Olympic flag to the object; the `order` qualifier gives the step. */
  | 'HANDED_FLAG_TO'
  /** The event took place there. */
  | 'HELD_AT'
  /** The subject heads the object (president, mayor, captain); `role` says how. */
  | 'LEADS'
  /** The subject lies within the object. */
  | 'LOCATED_IN'
  /** The subject belongs to the group or organization. */
  | 'MEMBER_OF'
  /** The subject is a native of the place. */
  | 'NATIVE_OF'
  /** The subject wore the object's clothing. */
  | 'OUTFITTED_BY'
  /** The subject competed, marched or took part in the event. */
  | 'PARTICIPATED_IN'
  /** The subject is a part or segment of the object. */
  | 'PART_OF'
  /** The subject sang, played or performed the work. */
  | 'PERFORMED'
  /** The subject performed at the event or place. */
  | 'PERFORMED_AT'
  /** The subject carried out the event (an attack). */
  | 'PERPETRATED'
  /** The subject received the Olympic flag during the event. */
  | 'RECEIVED_FLAG_AT'
  /** The subject competes for, or is a national of, the country. */
  | 'REPRESENTS'
  /** The event (an attack) targeted the place. */
  | 'TARGETED'
  /** The subject won (a medal in) the event; `medal` says which. */
  | 'WON';

/** The number of relations with one predicate. */
export type PredicateCount = {
  __typename?: 'PredicateCount';
  /** How many relations. */
  count: Scalars['Int']['output'];
  /** The predicate. */
  predicate: Predicate;
};

/** A predicate of the vocabulary, with what it means and the kinds it allows. */
export type PredicateInfo = {
  __typename?: 'PredicateInfo';
  /** What a relation with this predicate means. */
  description: Scalars['String']['output'];
  /** The entity kinds allowed as object. */
  objectKinds: Array<EntityKind>;
  /** The predicate. */
  predicate: Predicate;
  /** The entity kinds allowed as subject. */
  subjectKinds: Array<EntityKind>;
};

/** Context on a claim. Every field is null when the sources do not say. */
export type Qualifiers = {
  __typename?: 'Qualifiers';
  /** Date or partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  date: Maybe<Scalars['String']['output']>;
  /** The event during which it happened. */
  event: Maybe<Entity>;
  /** Medal colour. */
  medal: Maybe<Medal>;
  /** How an inferred claim follows from its evidence, or a caveat. */
  note: Maybe<Scalars['String']['output']>;
  /** Position in a sequence, from 1 (e.g. the steps of the flag's handover). */
  order: Maybe<Scalars['Int']['output']>;
  /** Where it happened. */
  place: Maybe<Entity>;
  /** Role, in the source's words ("joint flag-bearer", "mayor"). */
  role: Maybe<Scalars['String']['output']>;
};

/** A number one source states about an entity, as stated: value, unit and the source's hedge. */
export type QuantityClaim = Node & {
  __typename?: 'QuantityClaim';
  /** The quotes that state it, all from `source`. */
  evidence: Array<Evidence>;
  /** The source's own hedge ("more than", "around" …). */
  hedge: Hedge;
  /** Globally unique id: `subject.property.source` (with `.2`, `.3` for repeats). */
  id: Scalars['ID']['output'];
  /** What is counted or measured (snake_case, e.g. `spectators`). */
  property: Scalars['String']['output'];
  /** Context: medal colour, subgroup (`role`), date. */
  qualifiers: Qualifiers;
  /** The source that states it. */
  source: Source;
  /** The entity the number is about. */
  subject: Entity;
  /** What the number counts or measures (e.g. `people`). */
  unit: Scalars['String']['output'];
  /** The number as the source states it. */
  value: Scalars['Float']['output'];
};

/**
 * The figures the sources give for one property of an entity (one medal colour or subgroup),
 * each source's figure kept apart so that disagreements show.
 */
export type QuantityGroup = {
  __typename?: 'QuantityGroup';
  /** True when every figure has the same value and unit. */
  consistent: Scalars['Boolean']['output'];
  /** The medal colour the figures count, if they count medals of one colour. */
  medal: Maybe<Medal>;
  /** What is counted or measured. */
  property: Scalars['String']['output'];
  /** The subgroup the figures count (e.g. "women"), if any. */
  role: Maybe<Scalars['String']['output']>;
  /** Every source's figure, by source then dataset order. */
  values: Array<QuantityClaim>;
};

/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type Query = {
  __typename?: 'Query';
  /**
   * Follows one predicate step by step from an entity: the chain of hands the Olympic flag
   * passed through is `chain(from: "karen-bass", predicate: HANDED_FLAG_TO)`. Where an entity
   * has several candidates, the lowest `order` qualifier wins; the chain stops at a dead end
   * or before revisiting an entity. Empty when the id names nothing.
   */
  chain: Array<Relation>;
  /**
   * Every entity, optionally of one kind or mentioned in one source, in dataset order, as a
   * cursor connection.
   */
  entities: EntityConnection;
  /** An entity by id; null when no entity has it. */
  entity: Maybe<Entity>;
  /**
   * The entities within `hops` relations of an entity and the relations among them; null
   * when the id names nothing.
   */
  neighborhood: Maybe<Subgraph>;
  /**
   * Any object with an id (an entity, source, relation or quantity claim); null when the id
   * names nothing.
   */
  node: Maybe<Node>;
  /**
   * Several objects by id, in the order asked, null for each id that names nothing. At most
   * 100 ids.
   */
  nodes: Array<Maybe<Node>>;
  /**
   * The shortest path between two entities within `maxHops` relations, with the evidence for
   * every hop; null when there is none (or an id names nothing).
   */
  path: Maybe<Path>;
  /**
   * Every simple path (no entity twice) between two entities within `maxHops` relations,
   * shortest first, at most `first` of them.
   */
  paths: Array<Path>;
  /** The predicate vocabulary: what each means and the entity kinds it allows. */
  predicates: Array<PredicateInfo>;
  /**
   * The entities linked to a target within `maxHops` relations, nearest first, each with the
   * path that links it: the performers who are California natives are
   * `related(to: "california", maxHops: 1, predicates: [NATIVE_OF], direction: OUTGOING)`.
   */
  related: Array<RelatedEntity>;
  /** A relation by id; null when no relation has it. */
  relation: Maybe<Relation>;
  /**
   * Entities whose name or alias matches the text, best match first: case- and
   * accent-insensitive, tolerant of small typos ("snoop dog", "Leon Marchand").
   */
  search: Array<Entity>;
  /** A source text by id; null when no source has it. */
  source: Maybe<Source>;
  /** Every source text, in dataset order. */
  sources: Array<Source>;
  /** Counts of what the graph holds: by entity kind, by predicate, by source. */
  stats: Stats;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryChainArgs = {
  direction?: Direction;
  from: Scalars['ID']['input'];
  predicate: Predicate;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryEntitiesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  kind: InputMaybe<EntityKind>;
  last: InputMaybe<Scalars['Int']['input']>;
  mentionedIn: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryEntityArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryNeighborhoodArgs = {
  direction?: Direction;
  first?: Scalars['Int']['input'];
  hops?: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryPathArgs = {
  direction?: Direction;
  from: Scalars['ID']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  maxHops?: Scalars['Int']['input'];
  predicates: InputMaybe<Array<Predicate>>;
  to: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryPathsArgs = {
  direction?: Direction;
  first?: Scalars['Int']['input'];
  from: Scalars['ID']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  maxHops?: Scalars['Int']['input'];
  predicates: InputMaybe<Array<Predicate>>;
  to: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryRelatedArgs = {
  direction?: Direction;
  first?: Scalars['Int']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  maxHops?: Scalars['Int']['input'];
  predicates: InputMaybe<Array<Predicate>>;
  to: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryRelationArgs = {
  id: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QuerySearchArgs = {
  first?: Scalars['Int']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  text: Scalars['String']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QuerySourceArgs = {
  id: Scalars['ID']['input'];
};

/** An entity linked to the target of a `related` query, with the path that links it. */
export type RelatedEntity = {
  __typename?: 'RelatedEntity';
  /** Number of relations between it and the target. */
  distance: Scalars['Int']['output'];
  /** The linked entity. */
  entity: Entity;
  /** A shortest path from the linked entity to the target. */
  path: Path;
};

/**
 * A relationship between two entities, stated (or inferred) by the sources, with the exact
 * quotes that state it.
 */
export type Relation = Node & {
  __typename?: 'Relation';
  /** Every quote that states the relation, by source then position (never empty). */
  evidence: Array<Evidence>;
  /** Globally unique id: `subject.PREDICATE.object` (with `.2`, `.3` for repeats). */
  id: Scalars['ID']['output'];
  /**
   * True when the relation joins several sentences rather than being stated by one;
   * `qualifiers.note` then says how, and `evidence` cites every sentence.
   */
  inferred: Scalars['Boolean']['output'];
  /** The other entity. */
  object: Entity;
  /** What the relation says. */
  predicate: Predicate;
  /** Context: role, medal, date, place, event, order, note. */
  qualifiers: Qualifiers;
  /** The entity the relation is about. */
  subject: Entity;
};

/** A page of relations (Relay cursor connection). */
export type RelationConnection = {
  __typename?: 'RelationConnection';
  /** The relations of this page, each with its cursor. */
  edges: Array<RelationEdge>;
  /** The relations of this page. */
  nodes: Array<Relation>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** The number of relations in the whole connection. */
  totalCount: Scalars['Int']['output'];
};

/**
 * A relation in a connection, with its cursor and, when seen from an entity, which way it
 * points and what is at its other end.
 */
export type RelationEdge = {
  __typename?: 'RelationEdge';
  /** Opaque cursor for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /**
   * OUTGOING when the entity is the relation's subject, INCOMING when it is the object; null
   * when the connection is not seen from an entity.
   */
  direction: Maybe<Direction>;
  /** The entity at the other end of the relation; null when not seen from an entity. */
  neighbor: Maybe<Entity>;
  /** The relation. */
  node: Relation;
};

/** A source text, verbatim, with its metadata and everything the graph takes from it. */
export type Source = Node & {
  __typename?: 'Source';
  /** The relations this source gives evidence for, in dataset order. */
  claims: RelationConnection;
  /** Globally unique id. */
  id: Scalars['ID']['output'];
  /** BCP 47 language tag. */
  language: Scalars['String']['output'];
  /** Every occurrence of an entity's name or alias in the text, in text order. */
  mentions: Array<Mention>;
  /** Outlet or wire service as the text names it; null when the text names none. */
  outlet: Maybe<Scalars['String']['output']>;
  /** Publication date, `YYYY-MM-DD`. */
  publishedOn: Scalars['String']['output'];
  /** The numbers this source states, in dataset order. */
  quantities: Array<QuantityClaim>;
  /** The full text, verbatim. Evidence and mention offsets index into it. */
  text: Scalars['String']['output'];
  /** Title (editorial where the text carries none). */
  title: Scalars['String']['output'];
};


/** A source text, verbatim, with its metadata and everything the graph takes from it. */
export type SourceClaimsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};

/** What the graph takes from one source. */
export type SourceCount = {
  __typename?: 'SourceCount';
  /** Mentions of entities in the source. */
  mentions: Scalars['Int']['output'];
  /** Quantity claims the source states. */
  quantities: Scalars['Int']['output'];
  /** Relations the source gives evidence for. */
  relations: Scalars['Int']['output'];
  /** The source. */
  source: Source;
};

/** Counts of what the graph holds. */
export type Stats = {
  __typename?: 'Stats';
  /** What the graph takes from each source. */
  bySource: Array<SourceCount>;
  /** All entities. */
  entities: Scalars['Int']['output'];
  /** Entities by kind, for every kind. */
  entitiesByKind: Array<KindCount>;
  /** Relations marked inferred. */
  inferredRelations: Scalars['Int']['output'];
  /** All mentions. */
  mentions: Scalars['Int']['output'];
  /** All quantity claims. */
  quantities: Scalars['Int']['output'];
  /** All relations. */
  relations: Scalars['Int']['output'];
  /** Relations by predicate, for every predicate in use. */
  relationsByPredicate: Array<PredicateCount>;
  /** All sources. */
  sources: Scalars['Int']['output'];
};

/** The entities within some hops of a centre, and every relation among them. */
export type Subgraph = {
  __typename?: 'Subgraph';
  /**
   * False when the node bound or traversal budget cut the neighbourhood short (the nodes
   * returned are then the nearest ones; an error in `errors` says so too).
   */
  complete: Scalars['Boolean']['output'];
  /** The entities, nearest first, the centre first of all. */
  nodes: Array<SubgraphNode>;
  /** Every relation allowed by the filters whose two ends are both in `nodes`. */
  relations: Array<Relation>;
};

/** An entity in a subgraph, with its distance from the centre. */
export type SubgraphNode = {
  __typename?: 'SubgraphNode';
  /** Hops from the centre (0 for the centre). */
  distance: Scalars['Int']['output'];
  /** The entity. */
  entity: Entity;
};

/** A song, show or other work. */
export type Work = Entity & Node & {
  __typename?: 'Work';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A song, show or other work. */
export type WorkQuantitiesArgs = {
  property: InputMaybe<Scalars['String']['input']>;
};


/** A song, show or other work. */
export type WorkRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};
