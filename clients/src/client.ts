// A small typed client for olympia-kg: plain `fetch`, with the types that @graphql-codegen
// generated from schema.graphql (src/generated/schema.ts) and from the example operations
// (src/generated/graphql.ts).
// `tsc --noEmit` checks that every field read here exists in the schema with that type.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type {
  CruiseRelationsQuery,
  CruiseRelationsQueryVariables,
  FlagHandoverChainQuery,
  FlagHandoverChainQueryVariables,
} from './generated/graphql.js';
import type { Direction, Predicate } from './generated/schema.js';

/** A GraphQL error as the server sends it (`extensions.code` says what to do about it). */
export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLError[],
  ) {
    super(`GraphQL request failed (HTTP ${status}): ${errors.map((e) => e.message).join('; ')}`);
  }
}

/** The text of an example operation, `examples/NAME.graphql` in the repository. */
export function exampleOperation(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../examples/${name}.graphql`, import.meta.url)), 'utf8');
}

/** POSTs one operation and returns its `data`, typed; any error in the response throws. */
export async function request<TData, TVariables extends object = Record<string, never>>(
  endpoint: string,
  query: string,
  variables?: TVariables,
): Promise<TData> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLError[] };
  if (body.errors?.length || body.data == null) {
    throw new GraphQLRequestError(response.status, body.errors ?? [{ message: 'no data in the response' }]);
  }
  return body.data;
}

export type Handover = FlagHandoverChainQuery['hands'][number];
export type CityHandover = FlagHandoverChainQuery['cities'][number];

/** The Olympic flag's handover at its two levels, first step first: hand to hand, then host
 *  city to host city. */
export async function flagHandoverChain(endpoint: string): Promise<{ hands: Handover[]; cities: CityHandover[] }> {
  const data = await request<FlagHandoverChainQuery, FlagHandoverChainQueryVariables>(
    endpoint,
    exampleOperation('flag-handover-chain'),
  );
  return { hands: data.hands, cities: data.cities };
}

/** The names along the chain: the first giver, then everyone who received the flag. */
export function holders(chain: ReadonlyArray<Handover | CityHandover>): string[] {
  if (chain.length === 0) return [];
  return [chain[0].subject.name, ...chain.map((handover) => handover.object.name)];
}

export interface RelationSummary {
  /** Seen from Tom Cruise: OUTGOING when he is the subject, INCOMING when the object. */
  direction: Direction | null;
  neighbor: string | null;
  predicate: Predicate;
  quotes: string[];
}

/** Every relation of Tom Cruise, following `pageInfo.endCursor` page by page. */
export async function allCruiseRelations(endpoint: string): Promise<RelationSummary[]> {
  const query = exampleOperation('relations-page');
  const out: RelationSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const variables: CruiseRelationsQueryVariables = { after };
    const data: CruiseRelationsQuery = await request<CruiseRelationsQuery, CruiseRelationsQueryVariables>(
      endpoint,
      query,
      variables,
    );
    if (data.entity === null) throw new Error('tom-cruise is not in the graph');
    const page = data.entity.relations;
    for (const edge of page.edges) {
      out.push({
        direction: edge.direction,
        neighbor: edge.neighbor?.name ?? null,
        predicate: edge.node.predicate,
        quotes: edge.node.evidence.map((e) => e.quote),
      });
    }
    if (!page.pageInfo.hasNextPage) {
      if (out.length !== page.totalCount) {
        throw new Error(`paged through ${out.length} relations, totalCount says ${page.totalCount}`);
      }
      return out;
    }
    after = page.pageInfo.endCursor;
  }
}

// `node --import tsx src/client.ts http://127.0.0.1:8000/graphql` prints the two chains.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const endpoint = process.argv[2] ?? 'http://127.0.0.1:8000/graphql';
  const { hands, cities } = await flagHandoverChain(endpoint);
  console.log(holders(hands).join(' -> '));
  console.log(holders(cities).join(' -> '));
}
