/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from './schema.js';

export type TrophyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type TrophyChainQuery = { chain: Array<{ subject: { name: string }, object: { name: string }, qualifiers: { order: number | null }, evidence: Array<{ quote: string }> }> };

export type MayorQueryVariables = Exact<{ [key: string]: never; }>;


export type MayorQuery = { entity:
    | { id: string, name: string }
    | { id: string, name: string, mayorOf: Array<{ id: string, name: string }>, handedTrophyTo: Array<{ id: string, name: string }>, handedTrophyToConnection: { totalCount: number, edges: Array<{ node: { id: string, object: { id: string, name: string }, evidence: Array<{ quote: string, source: { id: string } }> } }> } }
   | null };

export type WinnerQueryVariables = Exact<{ [key: string]: never; }>;


export type WinnerQuery = { entity:
    | { id: string, name: string, quantities: Array<{ property: string, values: Array<{ value: number, unit: string, hedge: Types.Hedge, evidence: Array<{ quote: string }> }> }> }
    | { id: string, name: string, won: Array<{ id: string, name: string }>, represents: Array<{ id: string, name: string }>, runsFor: Array<{ id: string, name: string }>, receivedTrophyFrom: Array<{ id: string, name: string }>, handedTrophyTo: Array<{ id: string, name: string }>, coachedBy: Array<{ id: string, name: string }>, pacedBy: Array<{ id: string, name: string }>, trainsWith: Array<{ id: string, name: string }>, quantities: Array<{ property: string, values: Array<{ value: number, unit: string, hedge: Types.Hedge, evidence: Array<{ quote: string }> }> }> }
   | null };

export type RaceQueryVariables = Exact<{ [key: string]: never; }>;


export type RaceQuery = { entity:
    | { id: string, name: string, quantities: Array<{ property: string, role: string | null, values: Array<{ value: number, unit: string, hedge: Types.Hedge, source: { id: string } }> }> }
    | { id: string, name: string, sponsoredBy: Array<{ id: string, name: string, kind: Types.EntityKind }>, organizedBy: Array<{ id: string, name: string }>, wonByConnection: { edges: Array<{ node: { subject: { name: string }, qualifiers: { role: string | null } } }> }, hadFinisher: Array<{ id: string, name: string }>, heldIn: Array<{ id: string, name: string }>, startsAt: Array<{ id: string, name: string }>, finishesAt: Array<{ id: string, name: string }>, quantities: Array<{ property: string, role: string | null, values: Array<{ value: number, unit: string, hedge: Types.Hedge, source: { id: string } }> }> }
   | null };

export type SponsorRelationsQueryVariables = Exact<{ [key: string]: never; }>;


export type SponsorRelationsQuery = { entity: { name: string, relations: { totalCount: number, edges: Array<{ node: { id: string, predicate: Types.Predicate, subject: { id: string, name: string, kind: Types.EntityKind }, evidence: Array<{ quote: string, source: { id: string } }> } }> } } | null };
