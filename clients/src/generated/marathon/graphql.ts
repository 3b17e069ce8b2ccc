/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './schema.js';

export type TrophyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type TrophyChainQuery = { chain: Array<{ subject: (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), object: (
      { name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    ), qualifiers: { order: number | null }, evidence: Array<{ quote: string }> }> };

export type MayorQueryVariables = Exact<{ [key: string]: never; }>;


export type MayorQuery = { entity:
    | (
      { id: string, name: string }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Place' | 'Work' }
    )
    | (
      { id: string, name: string, mayorOf: Array<(
        { id: string, name: string }
        & { __typename: 'Place' }
      )>, handedTrophyTo: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, handedTrophyToConnection: { totalCount: number, edges: Array<{ node: { id: string, object: (
              { id: string, name: string }
              & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
            ), evidence: Array<{ quote: string, source: { id: string } }> } }> } }
      & { __typename: 'Person' }
    )
   | null };

export type WinnerQueryVariables = Exact<{ [key: string]: never; }>;


export type WinnerQuery = { entity:
    | (
      { id: string, name: string, quantities: Array<{ property: string, values: Array<{ value: number, unit: string, hedge: Types.Hedge, evidence: Array<{ quote: string }> }> }> }
      & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Place' | 'Work' }
    )
    | (
      { id: string, name: string, won: Array<(
        { id: string, name: string }
        & { __typename: 'Event' }
      )>, represents: Array<(
        { id: string, name: string }
        & { __typename: 'Country' }
      )>, runsFor: Array<(
        { id: string, name: string }
        & { __typename: 'Group' }
      )>, receivedTrophyFrom: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, handedTrophyTo: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, coachedBy: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, pacedBy: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, trainsWith: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, quantities: Array<{ property: string, values: Array<{ value: number, unit: string, hedge: Types.Hedge, evidence: Array<{ quote: string }> }> }> }
      & { __typename: 'Person' }
    )
   | null };

export type RaceQueryVariables = Exact<{ [key: string]: never; }>;


export type RaceQuery = { entity:
    | (
      { id: string, name: string, quantities: Array<{ property: string, role: string | null, values: Array<{ value: number, unit: string, hedge: Types.Hedge, source: { id: string } }> }> }
      & { __typename: 'Country' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
    )
    | (
      { id: string, name: string, sponsoredBy: Array<(
        { id: string, name: string, kind: Types.EntityKind }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      )>, organizedBy: Array<(
        { id: string, name: string }
        & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
      )>, wonByConnection: { edges: Array<{ node: { subject: (
              { name: string }
              & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
            ), qualifiers: { role: string | null } } }> }, hadFinisher: Array<(
        { id: string, name: string }
        & { __typename: 'Person' }
      )>, heldIn: Array<(
        { id: string, name: string }
        & { __typename: 'Place' }
      )>, startsAt: Array<(
        { id: string, name: string }
        & { __typename: 'Place' }
      )>, finishesAt: Array<(
        { id: string, name: string }
        & { __typename: 'Place' }
      )>, quantities: Array<{ property: string, role: string | null, values: Array<{ value: number, unit: string, hedge: Types.Hedge, source: { id: string } }> }> }
      & { __typename: 'Event' }
    )
   | null };

export type SponsorRelationsQueryVariables = Exact<{ [key: string]: never; }>;


export type SponsorRelationsQuery = { entity: (
    { name: string, relations: { totalCount: number, edges: Array<{ node: { id: string, predicate: Types.Predicate, subject: (
            { id: string, name: string, kind: Types.EntityKind }
            & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
          ), evidence: Array<{ quote: string, source: { id: string } }> } }> } }
    & { __typename: 'Country' | 'Event' | 'Group' | 'Organization' | 'Person' | 'Place' | 'Work' }
  ) | null };
