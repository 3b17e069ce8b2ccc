// The explorer's only way to the data: the public GraphQL API, with the operations of
// assets/explore/explore.graphql (the server puts them in the page's JSON block, one per name;
// codegen checks the same file against the schema).

const config = JSON.parse(document.getElementById('explore-config').textContent);

/** An answer with GraphQL errors, or an HTTP failure, as one error with a readable message. */
export class ApiError extends Error {}

/**
 * Runs one operation of explore.graphql by name and resolves to its `data`. Rejects with an
 * ApiError carrying the server's first error message (its `extensions.code` in brackets).
 */
export async function run(name, variables = {}) {
  const query = config.operations[name];
  if (!query) throw new ApiError(`the page has no operation named ${name}`);
  let response;
  try {
    response = await fetch(config.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, operationName: name, variables }),
    });
  } catch (e) {
    throw new ApiError(`the server did not answer (${e.message})`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status} without a GraphQL answer`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first.extensions?.code ? ` [${first.extensions.code}]` : '';
    throw new ApiError(`${first.message}${code}`);
  }
  if (!response.ok || !body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}

const sources = new Map();

/** A source's text and metadata, asked once per page view (texts never change under a quote). */
export function source(id) {
  if (!sources.has(id)) {
    const pending = run('ExploreSource', { id }).then((d) => d.source);
    pending.catch(() => sources.delete(id));
    sources.set(id, pending);
  }
  return sources.get(id);
}
