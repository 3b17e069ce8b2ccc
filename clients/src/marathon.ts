// A typed client for the second dataset (examples/datasets/city-marathon), with the types
// @graphql-codegen generated from the schema served for it (src/generated/marathon/schema.ts: its
// own Predicate enum and typed relationship fields) and from its GraphiQL tabs
// (src/generated/marathon/graphql.ts). `tsc --noEmit` checks that every field read here exists in
// that schema with that type: `handedTrophyTo`, `receivedTrophyFrom`, `sponsoredBy` …
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { request } from './client.js';
import type {
  MayorQuery,
  MayorQueryVariables,
  RaceQuery,
  RaceQueryVariables,
  TrophyChainQuery,
  TrophyChainQueryVariables,
  WinnerQuery,
  WinnerQueryVariables,
} from './generated/marathon/graphql.js';
import type { Predicate } from './generated/marathon/schema.js';

/** The text of one of the dataset's example operations, `examples/NAME.graphql` in it. */
export function marathonOperation(name: string): string {
  const url = new URL(`../../examples/datasets/city-marathon/examples/${name}.graphql`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8');
}

/** A predicate of this dataset's vocabulary (not the seed's: `HANDED_FLAG_TO` does not type-check). */
export const TROPHY: Predicate = 'HANDED_TROPHY_TO';

export type TrophyStep = TrophyChainQuery['chain'][number];

/** The hands the Harbour Cup passed through, first giver first. */
export async function trophyHolders(endpoint: string): Promise<string[]> {
  const data = await request<TrophyChainQuery, TrophyChainQueryVariables>(endpoint, marathonOperation('01-trophy-chain'));
  const chain: TrophyStep[] = data.chain;
  if (chain.length === 0) return [];
  return [chain[0].subject.name, ...chain.map((step) => step.object.name)];
}

export interface Handover {
  to: string;
  quotes: string[];
}

/** Whom the mayor handed the trophy to, through the typed field's connection (with evidence). */
export async function mayorsHandovers(endpoint: string): Promise<Handover[]> {
  const data = await request<MayorQuery, MayorQueryVariables>(endpoint, marathonOperation('02-mayor'));
  const mayor = data.entity;
  if (mayor === null || !('handedTrophyToConnection' in mayor)) throw new Error('ingrid-solberg is not a Person here');
  return mayor.handedTrophyToConnection.edges.map((edge) => ({
    to: edge.node.object.name,
    quotes: edge.node.evidence.map((e) => e.quote),
  }));
}

export interface Winner {
  name: string;
  won: string[];
  trophyFrom: string[];
  coaches: string[];
}

/** The winner through typed fields in both directions. */
export async function winner(endpoint: string): Promise<Winner> {
  const data = await request<WinnerQuery, WinnerQueryVariables>(endpoint, marathonOperation('03-winner'));
  const person = data.entity;
  if (person === null || !('won' in person)) throw new Error('daniel-okello is not a Person here');
  return {
    name: person.name,
    won: person.won.map((e) => e.name),
    trophyFrom: person.receivedTrophyFrom.map((p) => p.name),
    coaches: person.coachedBy.map((p) => p.name),
  };
}

/** Who sponsors the race (a city and a company: the field's type is the Entity interface). */
export async function raceSponsors(endpoint: string): Promise<Array<{ name: string; kind: string }>> {
  const data = await request<RaceQuery, RaceQueryVariables>(endpoint, marathonOperation('04-race'));
  const race = data.entity;
  if (race === null || !('sponsoredBy' in race)) throw new Error('vennholt-city-marathon is not an Event here');
  return race.sponsoredBy.map((s) => ({ name: s.name, kind: s.kind }));
}

/** Who won the race, each with the race within it the report names (`role`), if any. */
export async function raceWinners(endpoint: string): Promise<Array<{ name: string; role: string | null }>> {
  const data = await request<RaceQuery, RaceQueryVariables>(endpoint, marathonOperation('04-race'));
  const race = data.entity;
  if (race === null || !('wonByConnection' in race)) throw new Error('vennholt-city-marathon is not an Event here');
  return race.wonByConnection.edges.map(({ node }) => ({ name: node.subject.name, role: node.qualifiers.role }));
}
