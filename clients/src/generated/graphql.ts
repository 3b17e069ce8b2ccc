/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './schema.js';

export type ExploreVocabularyQueryVariables = Exact<{ [key: string]: never; }>;


export type ExploreVocabularyQuery = { predicates: Array<{ predicate: Types.Predicate, description: string }> };

export type ExploreSearchQueryVariables = Exact<{
  text: string;
  first: number;
}>;


export type ExploreSearchQuery = { search: Array<{ id: string, name: string, kind: Types.EntityKind, description: string | null }> };

export type ExploreNeighbourhoodQueryVariables = Exact<{
  id: string;
  first: number;
  after?: string | null | undefined;
}>;


export type ExploreNeighbourhoodQuery = { entity: { id: string, name: string, kind: Types.EntityKind, description: string | null, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Types.Direction | null, neighbor: { id: string, name: string, kind: Types.EntityKind } | null, node: { id: string, predicate: Types.Predicate, inferred: boolean, subject: { id: string }, object: { id: string }, evidence: Array<{ section: Types.Section }> } }> } } | null };

export type ExploreRelationQueryVariables = Exact<{
  id: string;
}>;


export type ExploreRelationQuery = { relation: { id: string, predicate: Types.Predicate, inferred: boolean, subject: { id: string, name: string, kind: Types.EntityKind }, object: { id: string, name: string, kind: Types.EntityKind }, qualifiers: { role: string | null, medal: Types.Medal | null, when: unknown, order: number | null, note: string | null, place: { id: string, name: string } | null, event: { id: string, name: string } | null }, evidence: Array<{ id: string, quote: string, start: number, end: number, section: Types.Section, source: { id: string, title: string, outlet: string | null, publicationDate: unknown } }> } | null };

export type ExploreSourceQueryVariables = Exact<{
  id: string;
}>;


export type ExploreSourceQuery = { source: { id: string, title: string, outlet: string | null, publicationDate: unknown, text: string } | null };

export type ExplorePathQueryVariables = Exact<{
  from: string;
  to: string;
  maxHops: number;
}>;


export type ExplorePathQuery = { path: { length: number, steps: Array<{ forward: boolean, throughQualifier: Types.QualifierEntity | null, from: { id: string, name: string, kind: Types.EntityKind }, to: { id: string, name: string, kind: Types.EntityKind }, relation: { id: string, predicate: Types.Predicate, inferred: boolean, subject: { id: string, name: string, kind: Types.EntityKind }, object: { id: string, name: string, kind: Types.EntityKind }, evidence: Array<{ id: string, quote: string, start: number, end: number, section: Types.Section, source: { id: string, title: string } }> } }> } | null };

export type ExploreChainQueryVariables = Exact<{
  from: string;
  predicate: Types.Predicate;
  direction: Types.Direction;
}>;


export type ExploreChainQuery = { chain: Array<{ id: string, predicate: Types.Predicate, inferred: boolean, subject: { id: string, name: string, kind: Types.EntityKind }, object: { id: string, name: string, kind: Types.EntityKind }, qualifiers: { order: number | null }, evidence: Array<{ id: string, quote: string, start: number, end: number, section: Types.Section, source: { id: string, title: string } }> }> };

export type ExploreRelatedQueryVariables = Exact<{
  to: string;
  predicates?: Array<Types.Predicate> | Types.Predicate | null | undefined;
  direction: Types.Direction;
}>;


export type ExploreRelatedQuery = { related: Array<{ entity: { id: string, name: string, kind: Types.EntityKind }, path: { relations: Array<{ id: string, predicate: Types.Predicate, inferred: boolean, subject: { id: string, name: string, kind: Types.EntityKind }, object: { id: string, name: string, kind: Types.EntityKind }, evidence: Array<{ id: string, quote: string, start: number, end: number, section: Types.Section, source: { id: string, title: string } }> }> } }> };

export type WrittenRelationFragment = { id: string, predicate: Types.Predicate, subject: { id: string, name: string }, object: { id: string, name: string }, retraction: { at: string, reason: string, by: string | null } | null };

export type AddSourceMutationVariables = Exact<{
  input: Types.AddSourceInput;
}>;


export type AddSourceMutation = { addSource: { graphVersion: number, added: boolean, source: { id: string, mentions: Array<{ entity: { id: string } }> } | null } };

export type AddEntitiesMutationVariables = Exact<{
  input: Array<Types.AddEntityInput> | Types.AddEntityInput;
}>;


export type AddEntitiesMutation = { addEntities: { graphVersion: number, addedCount: number, entities: Array<(
      { id: string, name: string, kind: Types.EntityKind }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    )> } };

export type AddClaimsMutationVariables = Exact<{
  input: Array<Types.ClaimInput> | Types.ClaimInput;
}>;


export type AddClaimsMutation = { addClaims: { graphVersion: number, addedCount: number, ids: Array<string>, relations: Array<{ id: string, predicate: Types.Predicate, subject: { id: string, name: string }, object: { id: string, name: string }, retraction: { at: string, reason: string, by: string | null } | null }> } };

export type RetractClaimMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type RetractClaimMutation = { retractClaim: { graphVersion: number, relation: { id: string, predicate: Types.Predicate, subject: { id: string, name: string }, object: { id: string, name: string }, retraction: { at: string, reason: string, by: string | null } | null } | null } };

export type EntityRelationsQueryVariables = Exact<{
  id: string;
}>;


export type EntityRelationsQuery = { entity: { id: string, name: string, relations: { totalCount: number, edges: Array<{ node: { id: string, predicate: Types.Predicate, subject: { id: string, name: string }, object: { id: string, name: string }, retraction: { at: string, reason: string, by: string | null } | null } }> } } | null };

export type WriteCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type WriteCountsQuery = { stats: { entityCount: number, relationCount: number, sourceCount: number } };

export type GraphChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type GraphChangedSubscription = { graphChanged: { graphVersion: number, by: string, operation: string, entities: Array<{ id: string, name: string }>, relations: Array<{ id: string }>, sources: Array<{ id: string }>, retracted: Array<{ id: string }> } };

export type ClaimsAddedSubscriptionVariables = Exact<{
  about?: string | null | undefined;
}>;


export type ClaimsAddedSubscription = { claimsAdded: { graphVersion: number, relations: Array<{ id: string, subject: { id: string }, object: { id: string } }> } };

export type CaliforniaPerformersQueryVariables = Exact<{ [key: string]: never; }>;


export type CaliforniaPerformersQuery = { related: Array<{ distance: number, entity: (
      { id: string, name: string, kind: Types.EntityKind }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), path: { relations: Array<{ id: string, predicate: Types.Predicate, inferred: boolean }> } }> };

export type CrowdFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type CrowdFiguresQuery = { entity: (
    { name: string, quantities: Array<{ property: string, consistent: boolean, values: Array<{ value: number, unit: string, hedge: Types.Hedge, source: { id: string }, evidence: Array<{ quote: string }> }> }> }
    & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
  ) | null };

export type PeopleQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PeopleQuery = { entities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: (
        { id: string, name: string, description: string | null }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      ) }> } };

export type FlagHandoverChainQueryVariables = Exact<{ [key: string]: never; }>;


export type FlagHandoverChainQuery = { hands: Array<{ id: string, subject: (
      { id: string, name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), object: (
      { id: string, name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), qualifiers: { order: number | null, note: string | null }, evidence: Array<{ quote: string, source: { id: string } }> }>, cities: Array<{ id: string, subject: (
      { id: string, name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), object: (
      { id: string, name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), qualifiers: { order: number | null, event: (
        { id: string, name: string }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      ) | null }, evidence: Array<{ quote: string, source: { id: string } }> }> };

export type MostCentralQueryVariables = Exact<{ [key: string]: never; }>;


export type MostCentralQuery = { centrality: Array<{ rank: number, score: number, entity: (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ) }>, people: Array<{ rank: number, entity: (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ) }>, brokers: Array<{ separated: number, pieces: number, relations: number, entity: (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ) }>, components: Array<{ size: number, relations: number, representative: (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ) }> };

export type CruiseRelationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CruiseRelationsQuery = { entity: (
    { name: string, relations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ direction: Types.Direction | null, neighbor: (
          { name: string }
          & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
        ) | null, node: { predicate: Types.Predicate, evidence: Array<{ quote: string }> } }> } }
    & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
  ) | null };

export type SearchQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchQuery = { search: Array<(
    { id: string, name: string, kind: Types.EntityKind, aliases: Array<string> }
    & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
  )> };

export type SnoopDoggToMacronQueryVariables = Exact<{ [key: string]: never; }>;


export type SnoopDoggToMacronQuery = { path: { length: number, steps: Array<{ forward: boolean, from: (
        { name: string }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      ), relation: { predicate: Types.Predicate, evidence: Array<{ quote: string, source: { id: string } }> }, to: (
        { name: string }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      ) }> } | null };

export type TypedRelationshipFieldsQueryVariables = Exact<{ [key: string]: never; }>;


export type TypedRelationshipFieldsQuery = { biles:
    | (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Place' | 'Work' }
    )
    | (
      { name: string, handedFlagTo: Array<(
        { id: string, name: string }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      )>, appearedWith: Array<{ id: string, name: string }> }
      & { __typename: 'Person' }
    )
   | null, california:
    | (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Work' }
    )
    | (
      { name: string, homeOf: Array<(
        { id: string, name: string }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      )>, homeOfConnection: { totalCount: number, edges: Array<{ node: { predicate: Types.Predicate, subject: (
              { name: string }
              & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
            ), evidence: Array<{ quote: string, section: Types.Section }> } }> } }
      & { __typename: 'Place' }
    )
   | null };
