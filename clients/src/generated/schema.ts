export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD` (RFC 3339's `full-date`), as a string. */
  Date: { input: unknown; output: unknown; }
  /** A BCP 47 language tag, such as `en` or `pt-BR`, as a string. */
  LanguageTag: { input: unknown; output: unknown; }
  /**
   * A date as precise as its source states it: a year (`YYYY`), a month (`YYYY-MM`) or a day
   * (`YYYY-MM-DD`), the level-0 forms of the Extended Date/Time Format (ISO 8601-2).
   */
  PartialDate: { input: unknown; output: unknown; }
};

/** What `addClaims` did. */
export type AddClaimsPayload = {
  __typename?: 'AddClaimsPayload';
  /**
   * How many claims were new (the others had the same content as a claim already there; new
   * quotes for a relation were added to its evidence).
   */
  addedCount: Scalars['Int']['output'];
  /** The graph version the claims are in. */
  graphVersion: Scalars['Int']['output'];
  /** The id of each input claim, in input order (a claim already there gives its id). */
  ids: Array<Scalars['ID']['output']>;
  /** The quantity claims of the input, in input order. */
  quantities: Array<QuantityClaim>;
  /** The relation claims of the input, in input order. */
  relations: Array<Relation>;
};

/** What `addEntities` did. */
export type AddEntitiesPayload = {
  __typename?: 'AddEntitiesPayload';
  /** How many entities were new (the others were there already, unchanged). */
  addedCount: Scalars['Int']['output'];
  /** The entities, in input order. */
  entities: Array<Entity>;
  /** The graph version the entities are in. */
  graphVersion: Scalars['Int']['output'];
};

/** A new entity. */
export type AddEntityInput = {
  /** Other names that refer to it alone. */
  aliases?: Array<Scalars['String']['input']>;
  /** A short description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Its id; derived from the name when absent (`Léon Marchand` → `leon-marchand`). */
  id?: InputMaybe<Scalars['String']['input']>;
  /** What it is. */
  kind: EntityKind;
  /** Its name as the sources write it. */
  name: Scalars['String']['input'];
};

/** A new source text and its metadata. */
export type AddSourceInput = {
  /**
   * The first words of a block of related-article headlines printed after the report, if
   * any: claims quoting only that block are marked headline-only.
   */
  headlinesFrom?: InputMaybe<Scalars['String']['input']>;
  /** Its id: lower-case kebab-case, unique across sources, entities and claims. */
  id: Scalars['String']['input'];
  /** BCP 47 language tag (`en`). */
  language: Scalars['LanguageTag']['input'];
  /** The publication. */
  outlet?: InputMaybe<Scalars['String']['input']>;
  /** Publication date. */
  publishedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The report's words exactly as published; quotes are located in it. */
  text: Scalars['String']['input'];
  /** Headline. */
  title: Scalars['String']['input'];
};

/** What `addSource` did. */
export type AddSourcePayload = {
  __typename?: 'AddSourcePayload';
  /** False when the same source was there already and nothing changed. */
  added: Scalars['Boolean']['output'];
  /** The graph version the source is in (unchanged when it was there already). */
  graphVersion: Scalars['Int']['output'];
  /** The source, with the mentions found in it. */
  source: Maybe<Source>;
};

/**
 * An articulation point: an entity every path between some two entities of its component
 * passes through, so that without it the component falls apart (the person who links two
 * otherwise separate stories).
 */
export type Broker = {
  __typename?: 'Broker';
  /** Entities in its component, itself included. */
  componentSize: Scalars['Int']['output'];
  /** The entity. */
  entity: Entity;
  /** Parts its component falls into without it (at least 2). */
  pieces: Scalars['Int']['output'];
  /** Relations at it (either way) within the analysis. */
  relations: Scalars['Int']['output'];
  /**
   * Entities of its component (itself excluded) that would be cut off from the largest of
   * those parts: how much of the graph reaches the rest only through it.
   */
  separated: Scalars['Int']['output'];
};

/**
 * A new claim: a relation between two entities (`predicate` and `object`) or a number about
 * one (`quantity`), never both.
 */
export type ClaimInput = {
  /** The quotes that state it (at least one; an inferred claim cites every sentence). */
  evidence: Array<EvidenceInput>;
  /** True when the claim joins several sentences rather than being stated by one. */
  inferred?: Scalars['Boolean']['input'];
  /** A relation's other entity. */
  object?: InputMaybe<Scalars['ID']['input']>;
  /** A relation's predicate. */
  predicate?: InputMaybe<Predicate>;
  /** Context. */
  qualifiers?: InputMaybe<QualifiersInput>;
  /** A quantity claim's number. */
  quantity?: InputMaybe<QuantityInput>;
  /** The entity the claim is about. */
  subject: Scalars['ID']['input'];
};

/** Relation claims added by one write. */
export type ClaimsAdded = {
  __typename?: 'ClaimsAdded';
  /** The version the write produced. */
  graphVersion: Scalars['Int']['output'];
  /** The claims added, in the order they were sent. */
  relations: Array<Relation>;
};

/**
 * A connected component: entities joined by relations (taken either way), none joined to an
 * entity outside it.
 */
export type Component = {
  __typename?: 'Component';
  /** Its entities, most relations first. */
  members: Array<Entity>;
  /** Relations between its entities. */
  relations: Scalars['Int']['output'];
  /** The entity with the most relations in it (the lowest id among equals). */
  representative: Entity;
  /** Entities in it. */
  size: Scalars['Int']['output'];
};


/**
 * A connected component: entities joined by relations (taken either way), none joined to an
 * entity outside it.
 */
export type ComponentMembersArgs = {
  first?: Scalars['Int']['input'];
};

/** A country or territory. */
export type Country = Entity & Node & {
  __typename?: 'Country';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** `LOCATED_IN` read backwards (CONTAINS): the subjects of `LOCATED_IN` relations whose object is this entity. The subject lies within the object. */
  contains: Array<Entity>;
  /** `contains` as a cursor connection of relations, each with its evidence and qualifiers. */
  containsConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** `CARRIED_FLAG_OF` read backwards (FLAG_CARRIED_BY): the subjects of `CARRIED_FLAG_OF` relations whose object is this entity. The subject carried the flag of the country (a flag-bearer). */
  flagCarriedBy: Array<Person>;
  /** `flagCarriedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  flagCarriedByConnection: RelationConnection;
  /** `CAPITAL_OF` read backwards (HAS_CAPITAL): the subjects of `CAPITAL_OF` relations whose object is this entity. The subject is the capital of the country. */
  hasCapital: Array<Place>;
  /** `hasCapital` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasCapitalConnection: RelationConnection;
  /** `NATIVE_OF` read backwards (HOME_OF): the subjects of `NATIVE_OF` relations whose object is this entity. The subject is a native of the place. */
  homeOf: Array<Entity>;
  /** `homeOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  homeOfConnection: RelationConnection;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** `LEADS` read backwards (LED_BY): the subjects of `LEADS` relations whose object is this entity. The subject heads the object (president, mayor, captain); `role` says how. */
  ledBy: Array<Person>;
  /** `ledBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  ledByConnection: RelationConnection;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /** The subject competed, marched or took part in the event. The objects of this entity's `PARTICIPATED_IN` relations. */
  participatedIn: Array<Event>;
  /** `participatedIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  participatedInConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. The objects of this entity's `RANKED_ABOVE` relations. */
  rankedAbove: Array<Entity>;
  /** `rankedAbove` as a cursor connection of relations, each with its evidence and qualifiers. */
  rankedAboveConnection: RelationConnection;
  /** `RANKED_ABOVE` read backwards (RANKED_BELOW): the subjects of `RANKED_ABOVE` relations whose object is this entity. The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. */
  rankedBelow: Array<Entity>;
  /** `rankedBelow` as a cursor connection of relations, each with its evidence and qualifiers. */
  rankedBelowConnection: RelationConnection;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
  /** `REPRESENTS` read backwards (REPRESENTED_BY): the subjects of `REPRESENTS` relations whose object is this entity. The subject competes for, or is a national of, the country. */
  representedBy: Array<Entity>;
  /** `representedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  representedByConnection: RelationConnection;
  /** The subject came first in a table or tally of the event; `role` names the table ("medal tally"). The objects of this entity's `TOPPED` relations. */
  topped: Array<Event>;
  /** `topped` as a cursor connection of relations, each with its evidence and qualifiers. */
  toppedConnection: RelationConnection;
  /** `HELD_AT` read backwards (VENUE_OF): the subjects of `HELD_AT` relations whose object is this entity. The event took place there. */
  venueOf: Array<Event>;
  /** `venueOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  venueOfConnection: RelationConnection;
  /** The subject won (a medal in) the event; `medal` says which. The objects of this entity's `WON` relations. */
  won: Array<Event>;
  /** `won` as a cursor connection of relations, each with its evidence and qualifiers. */
  wonConnection: RelationConnection;
};


/** A country or territory. */
export type CountryContainsArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryContainsConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryFlagCarriedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryFlagCarriedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryHasCapitalArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryHasCapitalConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryHomeOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryHomeOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryLedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryLedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryParticipatedInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryParticipatedInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A country or territory. */
export type CountryRankedAboveArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryRankedAboveConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryRankedBelowArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryRankedBelowConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** A country or territory. */
export type CountryRepresentedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryRepresentedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryToppedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryToppedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryVenueOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryVenueOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A country or territory. */
export type CountryWonArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A country or territory. */
export type CountryWonConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
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
  includeRetracted?: Scalars['Boolean']['input'];
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
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
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
  /** `AFFECTED_BY` read backwards (AFFECTED): the subjects of `AFFECTED_BY` relations whose object is this entity. The subject was disrupted or shaped by the object. */
  affected: Array<Event>;
  /** The subject was disrupted or shaped by the object. The objects of this entity's `AFFECTED_BY` relations. */
  affectedBy: Array<Event>;
  /** `affectedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  affectedByConnection: RelationConnection;
  /** `affected` as a cursor connection of relations, each with its evidence and qualifiers. */
  affectedConnection: RelationConnection;
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** `ATTENDED` read backwards (ATTENDED_BY): the subjects of `ATTENDED` relations whose object is this entity. The subject attended the event as a spectator or guest. */
  attendedBy: Array<Person>;
  /** `attendedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  attendedByConnection: RelationConnection;
  /** `CREATED` read backwards (CREATED_BY): the subjects of `CREATED` relations whose object is this entity. The subject created, directed or organised the work or show. */
  createdBy: Array<Entity>;
  /** `createdBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  createdByConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** `RECEIVED_FLAG_AT` read backwards (FLAG_RECEIVED_BY): the subjects of `RECEIVED_FLAG_AT` relations whose object is this entity. The subject received the Olympic flag during the event. */
  flagReceivedBy: Array<Entity>;
  /** `flagReceivedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  flagReceivedByConnection: RelationConnection;
  /** The object is the next edition after the subject. The objects of this entity's `FOLLOWED_BY` relations. */
  followedBy: Array<Event>;
  /** `followedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  followedByConnection: RelationConnection;
  /** `FOLLOWED_BY` read backwards (FOLLOWS): the subjects of `FOLLOWED_BY` relations whose object is this entity. The object is the next edition after the subject. */
  follows: Array<Event>;
  /** `follows` as a cursor connection of relations, each with its evidence and qualifiers. */
  followsConnection: RelationConnection;
  /** `PARTICIPATED_IN` read backwards (HAD_PARTICIPANT): the subjects of `PARTICIPATED_IN` relations whose object is this entity. The subject competed, marched or took part in the event. */
  hadParticipant: Array<Entity>;
  /** `hadParticipant` as a cursor connection of relations, each with its evidence and qualifiers. */
  hadParticipantConnection: RelationConnection;
  /** `PERFORMED_AT` read backwards (HAD_PERFORMER): the subjects of `PERFORMED_AT` relations whose object is this entity. The subject performed at the event or place. */
  hadPerformer: Array<Entity>;
  /** `hadPerformer` as a cursor connection of relations, each with its evidence and qualifiers. */
  hadPerformerConnection: RelationConnection;
  /** `PLAYED_AT` read backwards (HAD_WORK_PLAYED): the subjects of `PLAYED_AT` relations whose object is this entity. The work (a song, a theme) was played at the event; a work sung or played live by a performer is PERFORMED with an `event` qualifier. */
  hadWorkPlayed: Array<Work>;
  /** `hadWorkPlayed` as a cursor connection of relations, each with its evidence and qualifiers. */
  hadWorkPlayedConnection: RelationConnection;
  /** `ATHLETE_IN` read backwards (HAS_ATHLETE): the subjects of `ATHLETE_IN` relations whose object is this entity. The subject is an athlete of the sport or discipline (a sport is an event entity, e.g. hockey, swimming); `role` says the position. */
  hasAthlete: Array<Entity>;
  /** `hasAthlete` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasAthleteConnection: RelationConnection;
  /** `PART_OF` read backwards (HAS_PART): the subjects of `PART_OF` relations whose object is this entity. The subject is a part or segment of the object. */
  hasPart: Array<Entity>;
  /** `hasPart` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasPartConnection: RelationConnection;
  /** The event took place there. The objects of this entity's `HELD_AT` relations. */
  heldAt: Array<Entity>;
  /** `heldAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  heldAtConnection: RelationConnection;
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
  /** The subject is a part or segment of the object. The objects of this entity's `PART_OF` relations. */
  partOf: Array<Entity>;
  /** `partOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  partOfConnection: RelationConnection;
  /** `PERPETRATED` read backwards (PERPETRATED_BY): the subjects of `PERPETRATED` relations whose object is this entity. The subject carried out the event (an attack). */
  perpetratedBy: Array<Entity>;
  /** `perpetratedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  perpetratedByConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
  /** The event (an attack) targeted the place. The objects of this entity's `TARGETED` relations. */
  targeted: Array<Place>;
  /** `targeted` as a cursor connection of relations, each with its evidence and qualifiers. */
  targetedConnection: RelationConnection;
  /** `TOPPED` read backwards (TOPPED_BY): the subjects of `TOPPED` relations whose object is this entity. The subject came first in a table or tally of the event; `role` names the table ("medal tally"). */
  toppedBy: Array<Entity>;
  /** `toppedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  toppedByConnection: RelationConnection;
  /** `WON` read backwards (WON_BY): the subjects of `WON` relations whose object is this entity. The subject won (a medal in) the event; `medal` says which. */
  wonBy: Array<Entity>;
  /** `wonBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  wonByConnection: RelationConnection;
};


/** A games, ceremony, medal event or historical event. */
export type EventAffectedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventAffectedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventAffectedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventAffectedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventAttendedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventAttendedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventCreatedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventCreatedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventFlagReceivedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventFlagReceivedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventFollowedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventFollowedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventFollowsArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventFollowsConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventHadParticipantArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventHadParticipantConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventHadPerformerArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventHadPerformerConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventHadWorkPlayedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventHadWorkPlayedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventHasAthleteArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventHasAthleteConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventHasPartArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventHasPartConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventHeldAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventHeldAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventPartOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventPartOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventPerpetratedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventPerpetratedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** A games, ceremony, medal event or historical event. */
export type EventTargetedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventTargetedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventToppedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventToppedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A games, ceremony, medal event or historical event. */
export type EventWonByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A games, ceremony, medal event or historical event. */
export type EventWonByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
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
  /**
   * The part of the source the quote comes from: the report's body, or the related-article
   * headlines printed after it (which state nothing of the report's own).
   */
  section: Section;
  /** The whole sentence around the quote. */
  sentence: Scalars['String']['output'];
  /** The source quoted. */
  source: Source;
  /** Offset of the quote's first character in the source text, in Unicode scalar values. */
  start: Scalars['Int']['output'];
};

/** One quote a claim cites. */
export type EvidenceInput = {
  /** Which occurrence (1-based), when the words occur more than once in the source. */
  occurrence?: InputMaybe<Scalars['Int']['input']>;
  /** The exact words, as the source writes them. */
  quote: Scalars['String']['input'];
  /** The source's id. */
  source: Scalars['ID']['input'];
};

/**
 * One committed write: its version, who made it, and what it added or retracted, read in the
 * graph version it produced.
 */
export type GraphChange = {
  __typename?: 'GraphChange';
  /** When it was committed (RFC 3339, UTC). */
  at: Scalars['String']['output'];
  /** The name of the write token used. */
  by: Scalars['String']['output'];
  /** Entities added. */
  entities: Array<Entity>;
  /** The version the write produced. */
  graphVersion: Scalars['Int']['output'];
  /** The mutation: `addSource`, `addEntities`, `addClaims` or `retractClaim`. */
  operation: Scalars['String']['output'];
  /** Quantity claims added. */
  quantities: Array<QuantityClaim>;
  /** Relation claims added. */
  relations: Array<Relation>;
  /** Relation claims retracted (each with its `retraction`). */
  retracted: Array<Relation>;
  /** Quantity claims retracted (each with its `retraction`). */
  retractedQuantities: Array<QuantityClaim>;
  /** Sources added. */
  sources: Array<Source>;
};

/** A band, team or delegation. */
export type Group = Entity & Node & {
  __typename?: 'Group';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** The subject is an athlete of the sport or discipline (a sport is an event entity, e.g. hockey, swimming); `role` says the position. The objects of this entity's `ATHLETE_IN` relations. */
  athleteIn: Array<Event>;
  /** `athleteIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  athleteInConnection: RelationConnection;
  /** `COACHES` read backwards (COACHED_BY): the subjects of `COACHES` relations whose object is this entity. The subject coaches the object. */
  coachedBy: Array<Person>;
  /** `coachedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  coachedByConnection: RelationConnection;
  /** The two work together. The entities joined to this one by `COLLABORATES_WITH`, either way. */
  collaboratesWith: Array<Entity>;
  /** `collaboratesWith` as a cursor connection of relations, each with its evidence and qualifiers. */
  collaboratesWithConnection: RelationConnection;
  /** The subject created, directed or organised the work or show. The objects of this entity's `CREATED` relations. */
  created: Array<Entity>;
  /** `created` as a cursor connection of relations, each with its evidence and qualifiers. */
  createdConnection: RelationConnection;
  /** The work is credited to the subject ("Queen's anthem", "My Way" by Frank Sinatra) without the source saying whether they wrote, adapted or recorded it. The objects of this entity's `CREDITED_WITH` relations. */
  creditedWith: Array<Work>;
  /** `creditedWith` as a cursor connection of relations, each with its evidence and qualifiers. */
  creditedWithConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** The subject passed the Olympic flag to the object; the `order` qualifier gives the step. The objects of this entity's `HANDED_FLAG_TO` relations. */
  handedFlagTo: Array<Entity>;
  /** `handedFlagTo` as a cursor connection of relations, each with its evidence and qualifiers. */
  handedFlagToConnection: RelationConnection;
  /** `MEMBER_OF` read backwards (HAS_MEMBER): the subjects of `MEMBER_OF` relations whose object is this entity. The subject belongs to the group or organization. */
  hasMember: Array<Entity>;
  /** `hasMember` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasMemberConnection: RelationConnection;
  /** `PART_OF` read backwards (HAS_PART): the subjects of `PART_OF` relations whose object is this entity. The subject is a part or segment of the object. */
  hasPart: Array<Entity>;
  /** `hasPart` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasPartConnection: RelationConnection;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** `LEADS` read backwards (LED_BY): the subjects of `LEADS` relations whose object is this entity. The subject heads the object (president, mayor, captain); `role` says how. */
  ledBy: Array<Person>;
  /** `ledBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  ledByConnection: RelationConnection;
  /** The subject belongs to the group or organization. The objects of this entity's `MEMBER_OF` relations. */
  memberOf: Array<Entity>;
  /** `memberOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  memberOfConnection: RelationConnection;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /** The subject is a native of the place. The objects of this entity's `NATIVE_OF` relations. */
  nativeOf: Array<Entity>;
  /** `nativeOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  nativeOfConnection: RelationConnection;
  /** The subject wore the object's clothing. The objects of this entity's `OUTFITTED_BY` relations. */
  outfittedBy: Array<Organization>;
  /** `outfittedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  outfittedByConnection: RelationConnection;
  /** The subject is a part or segment of the object. The objects of this entity's `PART_OF` relations. */
  partOf: Array<Entity>;
  /** `partOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  partOfConnection: RelationConnection;
  /** The subject competed, marched or took part in the event. The objects of this entity's `PARTICIPATED_IN` relations. */
  participatedIn: Array<Event>;
  /** `participatedIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  participatedInConnection: RelationConnection;
  /** The subject sang, played or performed the work. The objects of this entity's `PERFORMED` relations. */
  performed: Array<Work>;
  /** The subject performed at the event or place. The objects of this entity's `PERFORMED_AT` relations. */
  performedAt: Array<Entity>;
  /** `performedAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  performedAtConnection: RelationConnection;
  /** `performed` as a cursor connection of relations, each with its evidence and qualifiers. */
  performedConnection: RelationConnection;
  /** The subject carried out the event (an attack). The objects of this entity's `PERPETRATED` relations. */
  perpetrated: Array<Event>;
  /** `perpetrated` as a cursor connection of relations, each with its evidence and qualifiers. */
  perpetratedConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. The objects of this entity's `RANKED_ABOVE` relations. */
  rankedAbove: Array<Entity>;
  /** `rankedAbove` as a cursor connection of relations, each with its evidence and qualifiers. */
  rankedAboveConnection: RelationConnection;
  /** `RANKED_ABOVE` read backwards (RANKED_BELOW): the subjects of `RANKED_ABOVE` relations whose object is this entity. The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. */
  rankedBelow: Array<Entity>;
  /** `rankedBelow` as a cursor connection of relations, each with its evidence and qualifiers. */
  rankedBelowConnection: RelationConnection;
  /** The subject received the Olympic flag during the event. The objects of this entity's `RECEIVED_FLAG_AT` relations. */
  receivedFlagAt: Array<Event>;
  /** `receivedFlagAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagAtConnection: RelationConnection;
  /** `HANDED_FLAG_TO` read backwards (RECEIVED_FLAG_FROM): the subjects of `HANDED_FLAG_TO` relations whose object is this entity. The subject passed the Olympic flag to the object; the `order` qualifier gives the step. */
  receivedFlagFrom: Array<Entity>;
  /** `receivedFlagFrom` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagFromConnection: RelationConnection;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
  /** The subject competes for, or is a national of, the country. The objects of this entity's `REPRESENTS` relations. */
  represents: Array<Country>;
  /** `represents` as a cursor connection of relations, each with its evidence and qualifiers. */
  representsConnection: RelationConnection;
  /** The subject came first in a table or tally of the event; `role` names the table ("medal tally"). The objects of this entity's `TOPPED` relations. */
  topped: Array<Event>;
  /** `topped` as a cursor connection of relations, each with its evidence and qualifiers. */
  toppedConnection: RelationConnection;
  /** The subject won (a medal in) the event; `medal` says which. The objects of this entity's `WON` relations. */
  won: Array<Event>;
  /** `won` as a cursor connection of relations, each with its evidence and qualifiers. */
  wonConnection: RelationConnection;
};


/** A band, team or delegation. */
export type GroupAthleteInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupAthleteInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupCoachedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupCoachedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupCollaboratesWithArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupCollaboratesWithConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupCreatedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupCreatedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupCreditedWithArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupCreditedWithConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupHandedFlagToArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupHandedFlagToConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupHasMemberArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupHasMemberConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupHasPartArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupHasPartConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupLedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupLedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupMemberOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupMemberOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupNativeOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupNativeOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupOutfittedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupOutfittedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupPartOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupPartOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupParticipatedInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupParticipatedInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupPerformedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupPerformedAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupPerformedAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupPerformedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupPerpetratedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupPerpetratedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A band, team or delegation. */
export type GroupRankedAboveArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupRankedAboveConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupRankedBelowArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupRankedBelowConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupReceivedFlagAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupReceivedFlagAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupReceivedFlagFromArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupReceivedFlagFromConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** A band, team or delegation. */
export type GroupRepresentsArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupRepresentsConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupToppedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupToppedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A band, team or delegation. */
export type GroupWonArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A band, team or delegation. */
export type GroupWonConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
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

/**
 * The writes: each needs `Authorization: Bearer <token>`, is one transaction (all of its input
 * or none), and is validated as a dataset file would be.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds relation and quantity claims, all or none, each quote located in its source. A
   * claim with the same content as one already there (and not retracted) is not added again:
   * its id is returned, and a relation's new quotes join that claim's evidence, so sending
   * the same article twice adds nothing. Errors (`QUOTE_NOT_FOUND`,
   * `UNKNOWN_ENTITY`, `PREDICATE_NOT_ALLOWED`, …) name the item in `extensions.index`.
   */
  addClaims: AddClaimsPayload;
  /**
   * Adds entities, all or none. An entity already there with the same fields changes
   * nothing; errors name the item at fault in `extensions.index`.
   */
  addEntities: AddEntitiesPayload;
  /**
   * Adds a source text; the mentions of every entity in it are found at once. Sending the
   * same source again changes nothing.
   */
  addSource: AddSourcePayload;
  /**
   * Retracts a relation or quantity claim: it is kept and marked with the time, the reason
   * and the token's name, and traversals and lists leave it out unless asked
   * (`includeRetracted`).
   */
  retractClaim: RetractClaimPayload;
};


/**
 * The writes: each needs `Authorization: Bearer <token>`, is one transaction (all of its input
 * or none), and is validated as a dataset file would be.
 */
export type MutationAddClaimsArgs = {
  input: Array<ClaimInput>;
};


/**
 * The writes: each needs `Authorization: Bearer <token>`, is one transaction (all of its input
 * or none), and is validated as a dataset file would be.
 */
export type MutationAddEntitiesArgs = {
  input: Array<AddEntityInput>;
};


/**
 * The writes: each needs `Authorization: Bearer <token>`, is one transaction (all of its input
 * or none), and is validated as a dataset file would be.
 */
export type MutationAddSourceArgs = {
  input: AddSourceInput;
};


/**
 * The writes: each needs `Authorization: Bearer <token>`, is one transaction (all of its input
 * or none), and is validated as a dataset file would be.
 */
export type MutationRetractClaimArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
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
  /** The subject created, directed or organised the work or show. The objects of this entity's `CREATED` relations. */
  created: Array<Entity>;
  /** `created` as a cursor connection of relations, each with its evidence and qualifiers. */
  createdConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** The subject passed the Olympic flag to the object; the `order` qualifier gives the step. The objects of this entity's `HANDED_FLAG_TO` relations. */
  handedFlagTo: Array<Entity>;
  /** `handedFlagTo` as a cursor connection of relations, each with its evidence and qualifiers. */
  handedFlagToConnection: RelationConnection;
  /** `MEMBER_OF` read backwards (HAS_MEMBER): the subjects of `MEMBER_OF` relations whose object is this entity. The subject belongs to the group or organization. */
  hasMember: Array<Entity>;
  /** `hasMember` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasMemberConnection: RelationConnection;
  /** `PART_OF` read backwards (HAS_PART): the subjects of `PART_OF` relations whose object is this entity. The subject is a part or segment of the object. */
  hasPart: Array<Entity>;
  /** `hasPart` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasPartConnection: RelationConnection;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** `LEADS` read backwards (LED_BY): the subjects of `LEADS` relations whose object is this entity. The subject heads the object (president, mayor, captain); `role` says how. */
  ledBy: Array<Person>;
  /** `ledBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  ledByConnection: RelationConnection;
  /** The subject lies within the object. The objects of this entity's `LOCATED_IN` relations. */
  locatedIn: Array<Entity>;
  /** `locatedIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  locatedInConnection: RelationConnection;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /** `OUTFITTED_BY` read backwards (OUTFITTED): the subjects of `OUTFITTED_BY` relations whose object is this entity. The subject wore the object's clothing. */
  outfitted: Array<Entity>;
  /** `outfitted` as a cursor connection of relations, each with its evidence and qualifiers. */
  outfittedConnection: RelationConnection;
  /** The subject competed, marched or took part in the event. The objects of this entity's `PARTICIPATED_IN` relations. */
  participatedIn: Array<Event>;
  /** `participatedIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  participatedInConnection: RelationConnection;
  /** The subject carried out the event (an attack). The objects of this entity's `PERPETRATED` relations. */
  perpetrated: Array<Event>;
  /** `perpetrated` as a cursor connection of relations, each with its evidence and qualifiers. */
  perpetratedConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The subject received the Olympic flag during the event. The objects of this entity's `RECEIVED_FLAG_AT` relations. */
  receivedFlagAt: Array<Event>;
  /** `receivedFlagAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagAtConnection: RelationConnection;
  /** `HANDED_FLAG_TO` read backwards (RECEIVED_FLAG_FROM): the subjects of `HANDED_FLAG_TO` relations whose object is this entity. The subject passed the Olympic flag to the object; the `order` qualifier gives the step. */
  receivedFlagFrom: Array<Entity>;
  /** `receivedFlagFrom` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagFromConnection: RelationConnection;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A committee, company or other organization. */
export type OrganizationCreatedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationCreatedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationHandedFlagToArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationHandedFlagToConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationHasMemberArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationHasMemberConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationHasPartArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationHasPartConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationLedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationLedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationLocatedInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationLocatedInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationOutfittedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationOutfittedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationParticipatedInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationParticipatedInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationPerpetratedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationPerpetratedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationReceivedFlagAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationReceivedFlagAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationReceivedFlagFromArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A committee, company or other organization. */
export type OrganizationReceivedFlagFromConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A committee, company or other organization. */
export type OrganizationRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
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
   * backwards (from object to subject). For a step through a qualifier, true when it goes
   * from the relation's subject to the entity the qualifier names.
   */
  forward: Scalars['Boolean']['output'];
  /** The entity the step leaves. */
  from: Entity;
  /** The relation followed. */
  relation: Relation;
  /**
   * Set when the step does not join the relation's subject and object but its subject and
   * the place or event a qualifier names (H.E.R. sang the anthem *at the Stade de France*):
   * which qualifier. Null for an ordinary step.
   */
  throughQualifier: Maybe<QualifierEntity>;
  /** The entity the step reaches. */
  to: Entity;
};

/** A named person. */
export type Person = Entity & Node & {
  __typename?: 'Person';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** The two appeared together (sat with, joined). The entities joined to this one by `APPEARED_WITH`, either way. */
  appearedWith: Array<Person>;
  /** `appearedWith` as a cursor connection of relations, each with its evidence and qualifiers. */
  appearedWithConnection: RelationConnection;
  /** The subject is an athlete of the sport or discipline (a sport is an event entity, e.g. hockey, swimming); `role` says the position. The objects of this entity's `ATHLETE_IN` relations. */
  athleteIn: Array<Event>;
  /** `athleteIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  athleteInConnection: RelationConnection;
  /** The subject attended the event as a spectator or guest. The objects of this entity's `ATTENDED` relations. */
  attended: Array<Event>;
  /** `attended` as a cursor connection of relations, each with its evidence and qualifiers. */
  attendedConnection: RelationConnection;
  /** The subject carried the flag of the country (a flag-bearer). The objects of this entity's `CARRIED_FLAG_OF` relations. */
  carriedFlagOf: Array<Country>;
  /** `carriedFlagOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  carriedFlagOfConnection: RelationConnection;
  /** `COACHES` read backwards (COACHED_BY): the subjects of `COACHES` relations whose object is this entity. The subject coaches the object. */
  coachedBy: Array<Person>;
  /** `coachedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  coachedByConnection: RelationConnection;
  /** The subject coaches the object. The objects of this entity's `COACHES` relations. */
  coaches: Array<Entity>;
  /** `coaches` as a cursor connection of relations, each with its evidence and qualifiers. */
  coachesConnection: RelationConnection;
  /** The two work together. The entities joined to this one by `COLLABORATES_WITH`, either way. */
  collaboratesWith: Array<Entity>;
  /** `collaboratesWith` as a cursor connection of relations, each with its evidence and qualifiers. */
  collaboratesWithConnection: RelationConnection;
  /** The subject created, directed or organised the work or show. The objects of this entity's `CREATED` relations. */
  created: Array<Entity>;
  /** `created` as a cursor connection of relations, each with its evidence and qualifiers. */
  createdConnection: RelationConnection;
  /** The work is credited to the subject ("Queen's anthem", "My Way" by Frank Sinatra) without the source saying whether they wrote, adapted or recorded it. The objects of this entity's `CREDITED_WITH` relations. */
  creditedWith: Array<Work>;
  /** `creditedWith` as a cursor connection of relations, each with its evidence and qualifiers. */
  creditedWithConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** The subject passed the Olympic flag to the object; the `order` qualifier gives the step. The objects of this entity's `HANDED_FLAG_TO` relations. */
  handedFlagTo: Array<Entity>;
  /** `handedFlagTo` as a cursor connection of relations, each with its evidence and qualifiers. */
  handedFlagToConnection: RelationConnection;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** The subject heads the object (president, mayor, captain); `role` says how. The objects of this entity's `LEADS` relations. */
  leads: Array<Entity>;
  /** `leads` as a cursor connection of relations, each with its evidence and qualifiers. */
  leadsConnection: RelationConnection;
  /** The subject belongs to the group or organization. The objects of this entity's `MEMBER_OF` relations. */
  memberOf: Array<Entity>;
  /** `memberOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  memberOfConnection: RelationConnection;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /** The subject is a native of the place. The objects of this entity's `NATIVE_OF` relations. */
  nativeOf: Array<Entity>;
  /** `nativeOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  nativeOfConnection: RelationConnection;
  /** The subject wore the object's clothing. The objects of this entity's `OUTFITTED_BY` relations. */
  outfittedBy: Array<Organization>;
  /** `outfittedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  outfittedByConnection: RelationConnection;
  /** The subject competed, marched or took part in the event. The objects of this entity's `PARTICIPATED_IN` relations. */
  participatedIn: Array<Event>;
  /** `participatedIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  participatedInConnection: RelationConnection;
  /** The subject sang, played or performed the work. The objects of this entity's `PERFORMED` relations. */
  performed: Array<Work>;
  /** The subject performed at the event or place. The objects of this entity's `PERFORMED_AT` relations. */
  performedAt: Array<Entity>;
  /** `performedAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  performedAtConnection: RelationConnection;
  /** `performed` as a cursor connection of relations, each with its evidence and qualifiers. */
  performedConnection: RelationConnection;
  /** The subject carried out the event (an attack). The objects of this entity's `PERPETRATED` relations. */
  perpetrated: Array<Event>;
  /** `perpetrated` as a cursor connection of relations, each with its evidence and qualifiers. */
  perpetratedConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. The objects of this entity's `RANKED_ABOVE` relations. */
  rankedAbove: Array<Entity>;
  /** `rankedAbove` as a cursor connection of relations, each with its evidence and qualifiers. */
  rankedAboveConnection: RelationConnection;
  /** `RANKED_ABOVE` read backwards (RANKED_BELOW): the subjects of `RANKED_ABOVE` relations whose object is this entity. The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. */
  rankedBelow: Array<Entity>;
  /** `rankedBelow` as a cursor connection of relations, each with its evidence and qualifiers. */
  rankedBelowConnection: RelationConnection;
  /** The subject received the Olympic flag during the event. The objects of this entity's `RECEIVED_FLAG_AT` relations. */
  receivedFlagAt: Array<Event>;
  /** `receivedFlagAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagAtConnection: RelationConnection;
  /** `HANDED_FLAG_TO` read backwards (RECEIVED_FLAG_FROM): the subjects of `HANDED_FLAG_TO` relations whose object is this entity. The subject passed the Olympic flag to the object; the `order` qualifier gives the step. */
  receivedFlagFrom: Array<Entity>;
  /** `receivedFlagFrom` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagFromConnection: RelationConnection;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
  /** The subject competes for, or is a national of, the country. The objects of this entity's `REPRESENTS` relations. */
  represents: Array<Country>;
  /** `represents` as a cursor connection of relations, each with its evidence and qualifiers. */
  representsConnection: RelationConnection;
  /** The subject came first in a table or tally of the event; `role` names the table ("medal tally"). The objects of this entity's `TOPPED` relations. */
  topped: Array<Event>;
  /** `topped` as a cursor connection of relations, each with its evidence and qualifiers. */
  toppedConnection: RelationConnection;
  /** The subject won (a medal in) the event; `medal` says which. The objects of this entity's `WON` relations. */
  won: Array<Event>;
  /** `won` as a cursor connection of relations, each with its evidence and qualifiers. */
  wonConnection: RelationConnection;
};


/** A named person. */
export type PersonAppearedWithArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonAppearedWithConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonAthleteInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonAthleteInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonAttendedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonAttendedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonCarriedFlagOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonCarriedFlagOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonCoachedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonCoachedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonCoachesArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonCoachesConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonCollaboratesWithArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonCollaboratesWithConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonCreatedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonCreatedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonCreditedWithArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonCreditedWithConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonHandedFlagToArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonHandedFlagToConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonLeadsArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonLeadsConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonMemberOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonMemberOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonNativeOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonNativeOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonOutfittedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonOutfittedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonParticipatedInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonParticipatedInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonPerformedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonPerformedAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonPerformedAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonPerformedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonPerpetratedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonPerpetratedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A named person. */
export type PersonRankedAboveArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonRankedAboveConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonRankedBelowArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonRankedBelowConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonReceivedFlagAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonReceivedFlagAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonReceivedFlagFromArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonReceivedFlagFromConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** A named person. */
export type PersonRepresentsArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonRepresentsConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonToppedArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonToppedConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A named person. */
export type PersonWonArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A named person. */
export type PersonWonConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};

/** A city, region, venue or landmark. */
export type Place = Entity & Node & {
  __typename?: 'Place';
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** The subject is the capital of the country. The objects of this entity's `CAPITAL_OF` relations. */
  capitalOf: Array<Country>;
  /** `capitalOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  capitalOfConnection: RelationConnection;
  /** `LOCATED_IN` read backwards (CONTAINS): the subjects of `LOCATED_IN` relations whose object is this entity. The subject lies within the object. */
  contains: Array<Entity>;
  /** `contains` as a cursor connection of relations, each with its evidence and qualifiers. */
  containsConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** `PERFORMED_AT` read backwards (HAD_PERFORMER): the subjects of `PERFORMED_AT` relations whose object is this entity. The subject performed at the event or place. */
  hadPerformer: Array<Entity>;
  /** `hadPerformer` as a cursor connection of relations, each with its evidence and qualifiers. */
  hadPerformerConnection: RelationConnection;
  /** The subject passed the Olympic flag to the object; the `order` qualifier gives the step. The objects of this entity's `HANDED_FLAG_TO` relations. */
  handedFlagTo: Array<Entity>;
  /** `handedFlagTo` as a cursor connection of relations, each with its evidence and qualifiers. */
  handedFlagToConnection: RelationConnection;
  /** The subject host city handed over hosting duties for the Games to the object city; the `order` qualifier gives the step, `event` the handover. The objects of this entity's `HANDED_GAMES_TO` relations. */
  handedGamesTo: Array<Place>;
  /** `handedGamesTo` as a cursor connection of relations, each with its evidence and qualifiers. */
  handedGamesToConnection: RelationConnection;
  /** `NATIVE_OF` read backwards (HOME_OF): the subjects of `NATIVE_OF` relations whose object is this entity. The subject is a native of the place. */
  homeOf: Array<Entity>;
  /** `homeOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  homeOfConnection: RelationConnection;
  /** Globally unique, stable, readable id (e.g. `tom-cruise`). */
  id: Scalars['ID']['output'];
  /** What the entity is. */
  kind: EntityKind;
  /** `LEADS` read backwards (LED_BY): the subjects of `LEADS` relations whose object is this entity. The subject heads the object (president, mayor, captain); `role` says how. */
  ledBy: Array<Person>;
  /** `ledBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  ledByConnection: RelationConnection;
  /** The subject lies within the object. The objects of this entity's `LOCATED_IN` relations. */
  locatedIn: Array<Entity>;
  /** `locatedIn` as a cursor connection of relations, each with its evidence and qualifiers. */
  locatedInConnection: RelationConnection;
  /** The sources that name this entity at least once. */
  mentionedIn: Array<Source>;
  /**
   * Every occurrence of this entity's name or aliases in the sources, by source and
   * position.
   */
  mentions: Array<Mention>;
  /** Canonical name, as the sources spell it. */
  name: Scalars['String']['output'];
  /** `OVERLOOKS` read backwards (OVERLOOKED_BY): the subjects of `OVERLOOKS` relations whose object is this entity. The subject place overlooks the object place. */
  overlookedBy: Array<Place>;
  /** `overlookedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  overlookedByConnection: RelationConnection;
  /** The subject place overlooks the object place. The objects of this entity's `OVERLOOKS` relations. */
  overlooks: Array<Place>;
  /** `overlooks` as a cursor connection of relations, each with its evidence and qualifiers. */
  overlooksConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The subject received the Olympic flag during the event. The objects of this entity's `RECEIVED_FLAG_AT` relations. */
  receivedFlagAt: Array<Event>;
  /** `receivedFlagAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagAtConnection: RelationConnection;
  /** `HANDED_FLAG_TO` read backwards (RECEIVED_FLAG_FROM): the subjects of `HANDED_FLAG_TO` relations whose object is this entity. The subject passed the Olympic flag to the object; the `order` qualifier gives the step. */
  receivedFlagFrom: Array<Entity>;
  /** `receivedFlagFrom` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedFlagFromConnection: RelationConnection;
  /** `HANDED_GAMES_TO` read backwards (RECEIVED_GAMES_FROM): the subjects of `HANDED_GAMES_TO` relations whose object is this entity. The subject host city handed over hosting duties for the Games to the object city; the `order` qualifier gives the step, `event` the handover. */
  receivedGamesFrom: Array<Place>;
  /** `receivedGamesFrom` as a cursor connection of relations, each with its evidence and qualifiers. */
  receivedGamesFromConnection: RelationConnection;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
  /** `TARGETED` read backwards (TARGETED_BY): the subjects of `TARGETED` relations whose object is this entity. The event (an attack) targeted the place. */
  targetedBy: Array<Event>;
  /** `targetedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  targetedByConnection: RelationConnection;
  /** `HELD_AT` read backwards (VENUE_OF): the subjects of `HELD_AT` relations whose object is this entity. The event took place there. */
  venueOf: Array<Event>;
  /** `venueOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  venueOfConnection: RelationConnection;
};


/** A city, region, venue or landmark. */
export type PlaceCapitalOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceCapitalOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceContainsArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceContainsConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceHadPerformerArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceHadPerformerConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceHandedFlagToArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceHandedFlagToConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceHandedGamesToArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceHandedGamesToConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceHomeOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceHomeOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceLedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceLedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceLocatedInArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceLocatedInConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceOverlookedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceOverlookedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceOverlooksArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceOverlooksConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceReceivedFlagAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceReceivedFlagAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceReceivedFlagFromArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceReceivedFlagFromConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceReceivedGamesFromArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceReceivedGamesFromConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** A city, region, venue or landmark. */
export type PlaceTargetedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceTargetedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A city, region, venue or landmark. */
export type PlaceVenueOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A city, region, venue or landmark. */
export type PlaceVenueOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};

/** The dataset's vocabulary of relation predicates (its `vocabulary.jsonl`). `predicates` on the query root lists each with the entity kinds it allows, its inverse and its typed fields. */
export type Predicate =
  /** The subject work was adapted into the object work. */
  | 'ADAPTED_INTO'
  /** The subject was disrupted or shaped by the object. */
  | 'AFFECTED_BY'
  /** The two appeared together (sat with, joined). */
  | 'APPEARED_WITH'
  /** The subject is an athlete of the sport or discipline (a sport is an event entity, e.g. hockey, swimming); `role` says the position. */
  | 'ATHLETE_IN'
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
  /** The work is credited to the subject ("Queen's anthem", "My Way" by Frank Sinatra) without the source saying whether they wrote, adapted or recorded it. */
  | 'CREDITED_WITH'
  /** The object is the next edition after the subject. */
  | 'FOLLOWED_BY'
  /** The subject passed the Olympic flag to the object; the `order` qualifier gives the step. */
  | 'HANDED_FLAG_TO'
  /** The subject host city handed over hosting duties for the Games to the object city; the `order` qualifier gives the step, `event` the handover. */
  | 'HANDED_GAMES_TO'
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
  /** The subject place overlooks the object place. */
  | 'OVERLOOKS'
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
  /** The work (a song, a theme) was played at the event; a work sung or played live by a performer is PERFORMED with an `event` qualifier. */
  | 'PLAYED_AT'
  /** The subject ranked directly above the object in a table or tally; `role` names the table, `event` the competition. */
  | 'RANKED_ABOVE'
  /** The subject received the Olympic flag during the event. */
  | 'RECEIVED_FLAG_AT'
  /** The subject competes for, or is a national of, the country. */
  | 'REPRESENTS'
  /** The event (an attack) targeted the place. */
  | 'TARGETED'
  /** The subject came first in a table or tally of the event; `role` names the table ("medal tally"). */
  | 'TOPPED'
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

/**
 * A predicate of the dataset's vocabulary: what it means, the kinds it joins, its inverse and
 * the typed fields it gives entity types.
 */
export type PredicateInfo = {
  __typename?: 'PredicateInfo';
  /**
   * True when its relations form ordered chains (by their `order` qualifier) that `chain`
   * follows.
   */
  chain: Scalars['Boolean']['output'];
  /** What a relation with this predicate means. */
  description: Scalars['String']['output'];
  /**
   * The typed field on subject types that follows it (`handedFlagTo`), with a
   * `…Connection` twin.
   */
  field: Scalars['String']['output'];
  /**
   * The name of the relation read from object to subject (`RECEIVED_FLAG_FROM`); null for a
   * symmetric predicate.
   */
  inverse: Maybe<Scalars['String']['output']>;
  /**
   * The typed field on object types that follows it backwards (`receivedFlagFrom`); for a
   * symmetric predicate, `field` serves both sides.
   */
  inverseField: Maybe<Scalars['String']['output']>;
  /** The entity kinds allowed as object. */
  objectKinds: Array<EntityKind>;
  /** The predicate. */
  predicate: Predicate;
  /** The entity kinds allowed as subject. */
  subjectKinds: Array<EntityKind>;
  /** True when the relation reads the same both ways (`APPEARED_WITH`). */
  symmetric: Scalars['Boolean']['output'];
};

/** A claim qualifier that names an entity, through which a path may step. */
export type QualifierEntity =
  /** The event during which it happened (`qualifiers.event`). */
  | 'EVENT'
  /** The place where the claim happened (`qualifiers.place`). */
  | 'PLACE';

/** Context on a claim. Every field is null when the sources do not say. */
export type Qualifiers = {
  __typename?: 'Qualifiers';
  /**
   * Date or partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
   * @deprecated Use `when`, the same date as a `PartialDate` scalar.
   */
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
  /** When it happened, as precisely as the source says: a year, a month or a day. */
  when: Maybe<Scalars['PartialDate']['output']>;
};

/** A claim's context; every field is optional, and a predicate allows only some of them. */
export type QualifiersInput = {
  /** An event id. */
  event?: InputMaybe<Scalars['ID']['input']>;
  /** Medal colour. */
  medal?: InputMaybe<Medal>;
  /** Note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Position in a chain (1-based). */
  order?: InputMaybe<Scalars['Int']['input']>;
  /** A place or country id. */
  place?: InputMaybe<Scalars['ID']['input']>;
  /** Role. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Date. */
  when?: InputMaybe<Scalars['PartialDate']['input']>;
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
  /**
   * The number as an `Int` when it is a whole number (a count of people, medals, seats);
   * null for a fraction ("two and a half weeks") or a number outside `Int`'s range.
   */
  intValue: Maybe<Scalars['Int']['output']>;
  /** What is counted or measured (snake_case, e.g. `spectators`). */
  property: Scalars['String']['output'];
  /** Context: medal colour, subgroup (`role`), date. */
  qualifiers: Qualifiers;
  /**
   * Set when the figure was retracted: it is kept, and lists leave it out unless asked
   * (`includeRetracted`).
   */
  retraction: Maybe<Retraction>;
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

/** The number of a quantity claim. */
export type QuantityInput = {
  /** The source's own hedge. */
  hedge?: InputMaybe<Hedge>;
  /** What is counted or measured (snake_case). */
  property: Scalars['String']['input'];
  /** What it counts or measures. */
  unit: Scalars['String']['input'];
  /** The number as stated. */
  value: Scalars['Float']['input'];
};

/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type Query = {
  __typename?: 'Query';
  /**
   * The brokers of the graph: entities every path between some two others passes through
   * (articulation points, relations taken either way), so that without them their component
   * falls apart: which people connect otherwise separate stories. The ones that cut off the
   * most entities first, then the most relations.
   *
   * Complexity: O(V + E) (one depth-first search with low points and subtree sizes), once
   * per graph version and set of arguments (`first` aside); then served from a cache.
   * Refused with TRAVERSAL_BUDGET_EXCEEDED past the traversal budget's entities, as `centrality`.
   * Cost in the limiter: 1,000 for the analysis plus `first` × the selection.
   */
  brokers: Array<Broker>;
  /**
   * The most central entities by PageRank over the relations (subject → object; damping
   * 0.85, 50 iterations), highest first: the entities most relations lead to, directly or
   * through other central ones.
   *
   * Complexity: O(50 × (V + E)) over the entities and relations the arguments keep, once per
   * graph version and set of arguments (`first` aside); then served from a cache. Refused
   * with TRAVERSAL_BUDGET_EXCEEDED (and an empty list) when more entities than the traversal budget
   * (`--traversal-budget`) are kept. Cost in the limiter: 1,000 for the analysis (the
   * default `--expensive-cost`, so it takes its turn with the other expensive queries), plus
   * `first` × the selection.
   */
  centrality: Array<RankedEntity>;
  /**
   * Follows one predicate step by step from an entity, as the hands a flag or a trophy passed
   * through (predicates marked `chain` in the vocabulary number their steps with `order`).
   * Where an entity has several candidates, the lowest `order` qualifier wins; the chain stops
   * at a dead end or before revisiting an entity. Empty when the id names nothing.
   */
  chain: Array<Relation>;
  /**
   * The connected components of the graph (relations taken either way), largest first,
   * each with its size, its relations and its best-connected entity: how many separate
   * stories the graph tells.
   *
   * Complexity: O(V + E α(V) + V log V) over the entities and relations the arguments keep,
   * once per graph version and set of arguments (`first` aside); then served from a cache.
   * Refused with TRAVERSAL_BUDGET_EXCEEDED past the traversal budget's entities, as `centrality`.
   * Cost in the limiter: 1,000 for the analysis plus `first` × the selection.
   */
  components: Array<Component>;
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
  /**
   * The predicate vocabulary: what each means, the entity kinds it allows, its inverse and
   * its typed fields.
   */
  predicates: Array<PredicateInfo>;
  /**
   * The entities linked to a target within `maxHops` relations, nearest first, each with the
   * path that links it: with `maxHops: 1`, one predicate and `direction: OUTGOING`, the
   * subjects of that predicate's relations to the target (the natives of a place).
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
export type QueryBrokersArgs = {
  first?: Scalars['Int']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryCentralityArgs = {
  first?: Scalars['Int']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  predicates: InputMaybe<Array<Predicate>>;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryChainArgs = {
  direction?: Direction;
  from: Scalars['ID']['input'];
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  predicate: Predicate;
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryComponentsArgs = {
  first?: Scalars['Int']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  predicates: InputMaybe<Array<Predicate>>;
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
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  predicates: InputMaybe<Array<Predicate>>;
  throughQualifiers?: Scalars['Boolean']['input'];
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
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  maxHops?: Scalars['Int']['input'];
  predicates: InputMaybe<Array<Predicate>>;
  throughQualifiers?: Scalars['Boolean']['input'];
  to: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryPathsArgs = {
  direction?: Direction;
  first?: Scalars['Int']['input'];
  from: Scalars['ID']['input'];
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  maxHops?: Scalars['Int']['input'];
  predicates: InputMaybe<Array<Predicate>>;
  throughQualifiers?: Scalars['Boolean']['input'];
  to: Scalars['ID']['input'];
};


/** The root of every query: look entities up, search and list them, and traverse the graph. */
export type QueryRelatedArgs = {
  direction?: Direction;
  first?: Scalars['Int']['input'];
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  kinds: InputMaybe<Array<EntityKind>>;
  maxHops?: Scalars['Int']['input'];
  predicates: InputMaybe<Array<Predicate>>;
  throughQualifiers?: Scalars['Boolean']['input'];
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

/**
 * An entity and its PageRank: the chance that a walk along relations (subject to object,
 * jumping to a random entity now and then) is at it.
 */
export type RankedEntity = {
  __typename?: 'RankedEntity';
  /** The entity. */
  entity: Entity;
  /** Its place in the ranking, from 1. */
  rank: Scalars['Int']['output'];
  /** Its PageRank; the scores of every entity of the analysis sum to 1. */
  score: Scalars['Float']['output'];
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
  /**
   * Set when the relation was retracted: it is kept, and traversals and lists leave it out
   * unless asked (`includeRetracted`).
   */
  retraction: Maybe<Retraction>;
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

/** What `retractClaim` did. */
export type RetractClaimPayload = {
  __typename?: 'RetractClaimPayload';
  /** The graph version in which the claim is retracted. */
  graphVersion: Scalars['Int']['output'];
  /**
   * The quantity claim, with its `retraction` (null when the claim retracted is a
   * relation).
   */
  quantity: Maybe<QuantityClaim>;
  /** The relation, with its `retraction` (null when the claim retracted is a quantity). */
  relation: Maybe<Relation>;
};

/**
 * When, why and by whom a relation was retracted (Wikidata's "deprecated rank, with a reason":
 * a retracted claim is never deleted).
 */
export type Retraction = {
  __typename?: 'Retraction';
  /** When, as an RFC 3339 UTC timestamp. */
  at: Scalars['String']['output'];
  /**
   * The name of the write token that retracted it (never the secret); null when the
   * retraction came with a dataset file.
   */
  by: Maybe<Scalars['String']['output']>;
  /** Why, in the retractor's words. */
  reason: Scalars['String']['output'];
};

/** The part of a source a quote comes from. */
export type Section =
  /** The report itself. */
  | 'BODY'
  /**
   * The related-article headlines printed after a report: not the report's own
   * statements.
   */
  | 'HEADLINES';

/** A source text, verbatim, with its metadata and everything the graph takes from it. */
export type Source = Node & {
  __typename?: 'Source';
  /**
   * The relations this source gives evidence for, in dataset order.
   * @deprecated Use `relations`: the same relations, with the filters `Entity.relations` takes and edges without the entity-relative `direction` and `neighbor` (always null here).
   */
  claims: RelationConnection;
  /** Globally unique id. */
  id: Scalars['ID']['output'];
  /**
   * BCP 47 language tag.
   * @deprecated Use `languageTag`, the same tag as a `LanguageTag` scalar.
   */
  language: Scalars['String']['output'];
  /** The language the text is written in. */
  languageTag: Scalars['LanguageTag']['output'];
  /** Every occurrence of an entity's name or alias in the text, in text order. */
  mentions: Array<Mention>;
  /** Outlet or wire service as the text names it; null when the text names none. */
  outlet: Maybe<Scalars['String']['output']>;
  /**
   * Publication date, when the dataset gives one (null when the text does not say: the
   * seed's reports say only "Sunday").
   */
  publicationDate: Maybe<Scalars['Date']['output']>;
  /**
   * Publication date, `YYYY-MM-DD`; empty when the dataset gives none.
   * @deprecated Use `publicationDate`, which is null when the source gives no date (this field is then empty).
   */
  publishedOn: Scalars['String']['output'];
  /** The numbers this source states, in dataset order. */
  quantities: Array<QuantityClaim>;
  /**
   * The relations this source gives evidence for, in dataset order, with the filters of
   * `Entity.relations`.
   */
  relations: SourceRelationConnection;
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


/** A source text, verbatim, with its metadata and everything the graph takes from it. */
export type SourceQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
};


/** A source text, verbatim, with its metadata and everything the graph takes from it. */
export type SourceRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
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

/** A page of the relations a source gives evidence for (Relay cursor connection). */
export type SourceRelationConnection = {
  __typename?: 'SourceRelationConnection';
  /** The relations of this page, each with its cursor. */
  edges: Array<SourceRelationEdge>;
  /** The relations of this page. */
  nodes: Array<Relation>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** The number of relations in the whole connection. */
  totalCount: Scalars['Int']['output'];
};

/** A relation of a source, with its cursor. */
export type SourceRelationEdge = {
  __typename?: 'SourceRelationEdge';
  /** Opaque cursor for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The relation. */
  node: Relation;
};

/** Counts of what the graph holds. */
export type Stats = {
  __typename?: 'Stats';
  /** What the graph takes from each source. */
  bySource: Array<SourceCount>;
  /**
   * All entities.
   * @deprecated Use `entityCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists).
   */
  entities: Scalars['Int']['output'];
  /** Entities by kind, for every kind. */
  entitiesByKind: Array<KindCount>;
  /** All entities. */
  entityCount: Scalars['Int']['output'];
  /** Relations marked inferred. */
  inferredRelationCount: Scalars['Int']['output'];
  /**
   * Relations marked inferred.
   * @deprecated Use `inferredRelationCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists).
   */
  inferredRelations: Scalars['Int']['output'];
  /** All mentions. */
  mentionCount: Scalars['Int']['output'];
  /**
   * All mentions.
   * @deprecated Use `mentionCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists).
   */
  mentions: Scalars['Int']['output'];
  /**
   * All quantity claims.
   * @deprecated Use `quantityCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists).
   */
  quantities: Scalars['Int']['output'];
  /** All quantity claims. */
  quantityCount: Scalars['Int']['output'];
  /** All relations. */
  relationCount: Scalars['Int']['output'];
  /**
   * All relations.
   * @deprecated Use `relationCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists).
   */
  relations: Scalars['Int']['output'];
  /** Relations by predicate, for every predicate in use. */
  relationsByPredicate: Array<PredicateCount>;
  /** All sources. */
  sourceCount: Scalars['Int']['output'];
  /**
   * All sources.
   * @deprecated Use `sourceCount`: counts are named `…Count`, like `totalCount` on connections (on entities the plural names are lists).
   */
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

/** Live updates over graphql-transport-ws at `/graphql`: each event is one committed write. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Relation claims added from now on with `about` as subject or object (any entity when
   * omitted); writes that add none about it send nothing.
   */
  claimsAdded: ClaimsAdded;
  /** Every write committed from now on: its version and what it added or retracted. */
  graphChanged: GraphChange;
};


/** Live updates over graphql-transport-ws at `/graphql`: each event is one committed write. */
export type SubscriptionClaimsAddedArgs = {
  about: InputMaybe<Scalars['ID']['input']>;
};

/** A song, show or other work. */
export type Work = Entity & Node & {
  __typename?: 'Work';
  /** `ADAPTED_INTO` read backwards (ADAPTED_FROM): the subjects of `ADAPTED_INTO` relations whose object is this entity. The subject work was adapted into the object work. */
  adaptedFrom: Array<Work>;
  /** `adaptedFrom` as a cursor connection of relations, each with its evidence and qualifiers. */
  adaptedFromConnection: RelationConnection;
  /** The subject work was adapted into the object work. The objects of this entity's `ADAPTED_INTO` relations. */
  adaptedInto: Array<Work>;
  /** `adaptedInto` as a cursor connection of relations, each with its evidence and qualifiers. */
  adaptedIntoConnection: RelationConnection;
  /** Other names the sources use: spelling variants, short forms, descriptive names. */
  aliases: Array<Scalars['String']['output']>;
  /** `CREATED` read backwards (CREATED_BY): the subjects of `CREATED` relations whose object is this entity. The subject created, directed or organised the work or show. */
  createdBy: Array<Entity>;
  /** `createdBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  createdByConnection: RelationConnection;
  /** `CREDITED_WITH` read backwards (CREDITED_TO): the subjects of `CREDITED_WITH` relations whose object is this entity. The work is credited to the subject ("Queen's anthem", "My Way" by Frank Sinatra) without the source saying whether they wrote, adapted or recorded it. */
  creditedTo: Array<Entity>;
  /** `creditedTo` as a cursor connection of relations, each with its evidence and qualifiers. */
  creditedToConnection: RelationConnection;
  /** One sentence in the sources' own terms. */
  description: Maybe<Scalars['String']['output']>;
  /** `PART_OF` read backwards (HAS_PART): the subjects of `PART_OF` relations whose object is this entity. The subject is a part or segment of the object. */
  hasPart: Array<Entity>;
  /** `hasPart` as a cursor connection of relations, each with its evidence and qualifiers. */
  hasPartConnection: RelationConnection;
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
  /** The subject is a part or segment of the object. The objects of this entity's `PART_OF` relations. */
  partOf: Array<Entity>;
  /** `partOf` as a cursor connection of relations, each with its evidence and qualifiers. */
  partOfConnection: RelationConnection;
  /** `PERFORMED` read backwards (PERFORMED_BY): the subjects of `PERFORMED` relations whose object is this entity. The subject sang, played or performed the work. */
  performedBy: Array<Entity>;
  /** `performedBy` as a cursor connection of relations, each with its evidence and qualifiers. */
  performedByConnection: RelationConnection;
  /** The work (a song, a theme) was played at the event; a work sung or played live by a performer is PERFORMED with an `event` qualifier. The objects of this entity's `PLAYED_AT` relations. */
  playedAt: Array<Event>;
  /** `playedAt` as a cursor connection of relations, each with its evidence and qualifiers. */
  playedAtConnection: RelationConnection;
  /**
   * Every number the sources state about this entity, grouped by property (and medal
   * colour or subgroup), one figure per source claim, so disagreements show.
   */
  quantities: Array<QuantityGroup>;
  /** The relations this entity takes part in, in dataset order, as a cursor connection. */
  relations: RelationConnection;
};


/** A song, show or other work. */
export type WorkAdaptedFromArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkAdaptedFromConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkAdaptedIntoArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkAdaptedIntoConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkCreatedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkCreatedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkCreditedToArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkCreditedToConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkHasPartArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkHasPartConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkPartOfArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkPartOfConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkPerformedByArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkPerformedByConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkPlayedAtArgs = {
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
};


/** A song, show or other work. */
export type WorkPlayedAtConnectionArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A song, show or other work. */
export type WorkQuantitiesArgs = {
  includeRetracted?: Scalars['Boolean']['input'];
  property: InputMaybe<Scalars['String']['input']>;
};


/** A song, show or other work. */
export type WorkRelationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first: InputMaybe<Scalars['Int']['input']>;
  includeHeadlines?: Scalars['Boolean']['input'];
  includeInferred?: Scalars['Boolean']['input'];
  includeRetracted?: Scalars['Boolean']['input'];
  last: InputMaybe<Scalars['Int']['input']>;
  predicates: InputMaybe<Array<Predicate>>;
};
