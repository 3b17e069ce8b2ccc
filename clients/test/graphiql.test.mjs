// GraphiQL in a real browser: Debian's Chromium (/usr/bin/chromium, never a downloaded build),
// driven by playwright-core, opens the server's own GraphiQL page with every request to another
// origin aborted, finds the default query (the flag handover chain) run as the page opens and
// the chain in the result pane. Its screenshot is docs/graphiql.png, which the README shows.
//
// The screenshot is written to clients/test-results/graphiql.png on every run; it replaces
// docs/graphiql.png only when UPDATE_EXPECT=1 (or when that file is missing), so running the
// tests does not churn a committed binary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { CLIENTS_DIR, REPO_DIR, repoFile, startServer } from './server.mjs';

const SHOT = path.join(CLIENTS_DIR, 'test-results', 'graphiql.png');
const DOCS_SHOT = path.join(REPO_DIR, 'docs', 'graphiql.png');

let server;
let browser;
let context;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context } = browser);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Aborts (and records) every request whose origin is not `origin`. */
async function blockOtherOrigins(ctx, origin, outside) {
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
}

test('GraphiQL, offline, opens on the flag handover chain with its result', async () => {
  const origin = server.base;
  const outside = [];
  const problems = [];
  const graphqlExchanges = [];
  await blockOtherOrigins(context, origin, outside);

  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname !== '/graphql' || r.request().method() !== 'POST') return;
    const body = await r.json().catch(() => null);
    graphqlExchanges.push({ status: r.status(), request: r.request().postDataJSON(), body });
  });

  await page.goto(`${origin}/`, { waitUntil: 'load' });
  assert.equal(await page.title(), 'olympia-kg · GraphiQL');
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
  const editor = await page.$eval('.graphiql-query-editor .CodeMirror', (el) => el.CodeMirror.getValue());
  assert.match(editor, /query FlagHandoverChain/, 'the page opens on the flag handover chain');
  const tabs = await page.$$('.graphiql-tab');
  const exampleCount = readdirSync(path.join(REPO_DIR, 'examples')).filter((f) => f.endsWith('.graphql')).length;
  assert.equal(tabs.length, exampleCount, 'one tab per example query');

  // The page runs the default tab as it opens: the result shows without pressing run.
  await page.waitForFunction(() => {
    const el = document.querySelector('.graphiql-response .CodeMirror');
    return el && el.CodeMirror.getValue().includes('Los Angeles');
  }, null, { timeout: 20_000 });
  const result = await page.$eval('.graphiql-response .CodeMirror', (el) => el.CodeMirror.getValue());
  const data = JSON.parse(result).data;
  const holders = (chain) => [chain[0].subject.name, ...chain.map((h) => h.object.name)];
  assert.deepEqual(holders(data.hands), ['Simone Biles', 'Tom Cruise'], 'hand to hand');
  assert.deepEqual(holders(data.cities), ['Paris', 'Los Angeles'], 'host city to host city');
  assert.deepEqual(data, JSON.parse(repoFile('examples/flag-handover-chain.json')).data);
  // What a person sees: the visible text of the result pane, not only the editor's model.
  const visible = await page.textContent('.graphiql-response');
  for (const name of ['Simone Biles', 'Tom Cruise', 'Paris', 'Los Angeles']) assert.ok(visible.includes(name), `${name} is rendered in the result pane`);

  // Introspection succeeded (the docs and autocompletion depend on it).
  const introspected = () => graphqlExchanges.find((x) => /__schema/.test(x.request?.query ?? ''));
  for (let waited = 0; !introspected() && waited < 20_000; waited += 50) await page.waitForTimeout(50);
  const introspection = introspected();
  assert.ok(introspection, 'GraphiQL introspected the schema');
  assert.equal(introspection.status, 200);
  assert.equal(introspection.body?.errors, undefined, JSON.stringify(introspection.body?.errors));
  const run = graphqlExchanges.find((x) => /FlagHandoverChain/.test(x.request?.query ?? ''));
  assert.equal(run?.status, 200);

  mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT });
  let docs = `${DOCS_SHOT} kept; UPDATE_EXPECT=1 replaces it`;
  if (process.env.UPDATE_EXPECT === '1' || !existsSync(DOCS_SHOT)) {
    mkdirSync(path.dirname(DOCS_SHOT), { recursive: true });
    copyFileSync(SHOT, DOCS_SHOT);
    docs = `copied to ${DOCS_SHOT}`;
  }
  console.log(`screenshot: ${SHOT} (${docs})`);
  console.log(`requests to other origins: ${outside.length}`);

  assert.deepEqual(outside, [], 'requests to other origins');
  assert.deepEqual(problems, [], 'page errors, console errors or failed requests');
  await page.close();
  await context.unroute('**/*');
});

/** A one-page web server on localhost, standing in for a frontend app's origin. */
async function appServer() {
  const srv = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>app</title>');
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  // "localhost" and "127.0.0.1" are different origins; both are loopback, so Chromium's
  // private-network rules (a public page may not call loopback) stay out of the way.
  return { origin: `http://localhost:${srv.address().port}`, close: () => new Promise((r) => { srv.close(r); srv.closeAllConnections(); }) };
}

test('in the browser, a page on an allowed origin may call the API; a page on another may not', async () => {
  const [app, other] = await Promise.all([appServer(), appServer()]);
  const cors = await startServer(['--cors-origins', app.origin]);
  try {
    const local = new Set([new URL(cors.base).origin, app.origin, other.origin]);
    const outside = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (local.has(new URL(url).origin)) return route.continue();
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    const call = (endpoint) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: '{ entity(id: "simone-biles") { name } }' }),
      }).then((r) => r.json(), (e) => ({ failed: String(e) }));

    const allowed = await context.newPage();
    await allowed.goto(`${app.origin}/`);
    assert.deepEqual(await allowed.evaluate(call, cors.graphql), { data: { entity: { name: 'Simone Biles' } } },
      `fetch from ${app.origin} (allowed) to ${cors.graphql}`);
    await allowed.close();

    const refused = await context.newPage();
    const consoleErrors = [];
    refused.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await refused.goto(`${other.origin}/`);
    const answer = await refused.evaluate(call, cors.graphql);
    assert.match(answer.failed ?? '', /TypeError/, `fetch from ${other.origin} (not allowed): ${JSON.stringify(answer)}`);
    assert.ok(consoleErrors.some((e) => /CORS policy/.test(e) && /Access-Control-Allow-Origin/i.test(e)),
      `Chromium reports the missing Access-Control-Allow-Origin: ${consoleErrors.join(' | ')}`);
    await refused.close();
    assert.deepEqual(outside, [], 'requests to other origins');
  } finally {
    await context.unroute('**/*');
    await Promise.all([cors.stop(), app.close(), other.close()]);
  }
});
