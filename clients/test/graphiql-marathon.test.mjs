// GraphiQL follows the dataset: the server started with `--data examples/datasets/city-marathon`
// serves GraphiQL in Debian's headless Chromium (every request to another origin aborted) on that
// dataset's own tabs (its examples/*.graphql, the first by name first), runs the default tab as the
// page opens (no click) and shows the trophy chain in the result pane. The docs pane's schema is
// the marathon's: its Predicate enum and typed relationship fields, none of the seed's.
//
// The screenshot goes to clients/test-results/graphiql-marathon.png on every run and is compared
// with docs/graphiql-marathon.png (which the dataset's README shows) pixel by pixel in the browser;
// UPDATE_EXPECT=1 (or a missing file) replaces the committed one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { CLIENTS_DIR, REPO_DIR, startServer } from './server.mjs';

const DATASET = path.join(REPO_DIR, 'examples', 'datasets', 'city-marathon');
const EXAMPLES_DIR = path.join(DATASET, 'examples');
const SHOT = path.join(CLIENTS_DIR, 'test-results', 'graphiql-marathon.png');
const DOCS_SHOT = path.join(REPO_DIR, 'docs', 'graphiql-marathon.png');
// The share of pixels that may differ from the committed screenshot. Two runs on one machine
// differ in none; text covers only a few percent of the page (the seed's screenshot and this one
// differ in 2.9% of their pixels), so a different tab, query or result is well over this.
const MAX_DIFFERENT_PIXELS = 0.002;

/** The dataset's tabs, in the order the server opens them: file name order. */
const exampleFiles = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.graphql')).sort();
const operationName = (file) =>
  /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'))?.[1];

let server;
let browser;
let context;
before(async () => {
  server = await startServer(['--data', DATASET]);
  browser = await launchBrowser();
  ({ context } = browser);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Share of pixels that differ between two PNG files, compared on canvases in the browser. */
async function pixelDifference(page, a, b) {
  const urls = [a, b].map((f) => `data:image/png;base64,${readFileSync(f).toString('base64')}`);
  return page.evaluate(async ([first, second]) => {
    const load = (src) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('an image did not decode'));
      img.src = src;
    });
    const [x, y] = await Promise.all([load(first), load(second)]);
    if (x.width !== y.width || x.height !== y.height) return 1;
    const pixels = (img) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [p, q] = [pixels(x), pixels(y)];
    let different = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 48) different++;
    }
    return different / (p.length / 4);
  }, urls);
}

test('GraphiQL under --data opens on the dataset\'s own tabs and shows the default tab\'s result', async () => {
  const origin = server.base;
  const outside = [];
  const problems = [];
  const graphqlExchanges = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });

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

  // The tabs are the dataset's examples, in file name order, the trophy chain first.
  const expected = exampleFiles.map(operationName);
  assert.ok(expected.length >= 3 && expected.every(Boolean), `operation names of ${exampleFiles.join(', ')}`);
  assert.equal(expected[0], 'TrophyChain');
  const titles = await page.$$eval('.graphiql-tab', (tabs) => tabs.map((t) => t.textContent.replace(/icon$/, '').trim()));
  assert.deepEqual(titles, expected, 'one tab per example of the dataset, in file name order');
  const editor = await page.$eval('.graphiql-query-editor .CodeMirror', (el) => el.CodeMirror.getValue());
  assert.equal(editor, readFileSync(path.join(EXAMPLES_DIR, exampleFiles[0]), 'utf8'), 'the page opens on the first example');
  assert.doesNotMatch(editor, /karen-bass|HANDED_FLAG_TO/, 'none of the seed\'s tabs');

  // The default tab runs as the page opens: its result shows without pressing run.
  await page.waitForFunction(() => {
    const el = document.querySelector('.graphiql-response .CodeMirror');
    return el && el.CodeMirror.getValue().includes('Grace Wanjiru');
  }, null, { timeout: 20_000 });
  const result = await page.$eval('.graphiql-response .CodeMirror', (el) => el.CodeMirror.getValue());
  const data = JSON.parse(result).data;
  assert.deepEqual(
    [data.chain[0].subject.name, ...data.chain.map((h) => h.object.name)],
    ['Ingrid Solberg', 'Daniel Okello', 'Samuel Kiptoo', 'Grace Wanjiru'],
  );
  assert.deepEqual(data.chain.map((h) => h.qualifiers.order), [1, 2, 3]);
  const visible = await page.textContent('.graphiql-response');
  for (const name of ['Ingrid Solberg', 'Daniel Okello', 'Samuel Kiptoo', 'Grace Wanjiru']) {
    assert.ok(visible.includes(name), `${name} is rendered in the result pane`);
  }
  const runs = graphqlExchanges.filter((x) => /TrophyChain/.test(x.request?.query ?? ''));
  assert.equal(runs.length, 1, 'the default tab ran once, by itself');
  assert.equal(runs[0].status, 200);

  // The page as it opened, result shown: the screenshot the dataset's README shows.
  await page.mouse.move(0, 0);
  mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT });
  let docs;
  if (process.env.UPDATE_EXPECT === '1' || !existsSync(DOCS_SHOT)) {
    mkdirSync(path.dirname(DOCS_SHOT), { recursive: true });
    copyFileSync(SHOT, DOCS_SHOT);
    docs = `copied to ${DOCS_SHOT}`;
  } else {
    const difference = await pixelDifference(page, SHOT, DOCS_SHOT);
    docs = `${(difference * 100).toFixed(2)}% of pixels differ from ${DOCS_SHOT}`;
    assert.ok(difference <= MAX_DIFFERENT_PIXELS,
      `${SHOT} differs from ${DOCS_SHOT} in ${(difference * 100).toFixed(2)}% of its pixels (at most ${MAX_DIFFERENT_PIXELS * 100}%): look at both, and if the new one is right run \`UPDATE_EXPECT=1 clients/run-tests.sh\``);
  }
  console.log(`screenshot: ${SHOT} (${docs})`);

  // GraphiQL's schema (docs, completion) is the marathon's, not the seed's.
  const introspected = () => graphqlExchanges.find((x) => /__schema/.test(x.request?.query ?? ''));
  for (let waited = 0; !introspected() && waited < 20_000; waited += 50) await page.waitForTimeout(50);
  const introspection = introspected();
  assert.ok(introspection, 'GraphiQL introspected the schema');
  assert.equal(introspection.body?.errors, undefined, JSON.stringify(introspection.body?.errors));
  const types = introspection.body.data.__schema.types;
  const predicates = types.find((t) => t.name === 'Predicate').enumValues.map((v) => v.name);
  assert.ok(predicates.includes('HANDED_TROPHY_TO') && predicates.includes('SPONSORED'), predicates.join(' '));
  assert.ok(!predicates.includes('HANDED_FLAG_TO'), 'no seed predicate');
  const person = types.find((t) => t.name === 'Person').fields.map((f) => f.name);
  for (const field of ['handedTrophyTo', 'receivedTrophyFrom', 'coachedBy', 'handedTrophyToConnection']) {
    assert.ok(person.includes(field), `Person.${field}`);
  }
  assert.ok(!person.includes('handedFlagTo'), 'no seed typed field');

  // A second tab runs too, at once after switching to it: GraphiQL 4 would still send the first
  // tab's operation name then ("Unknown operation named \"TrophyChain\""); the page's fetcher
  // sends the document's own.
  await page.click('#graphiql-session-tab-1');
  await page.waitForFunction(() => {
    const el = document.querySelector('.graphiql-query-editor .CodeMirror');
    return el && el.CodeMirror.getValue().includes('query Mayor');
  }, null, { timeout: 20_000 });
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => {
    const el = document.querySelector('.graphiql-response .CodeMirror');
    return el && el.CodeMirror.getValue().includes('"mayorOf"');
  }, null, { timeout: 20_000 });
  const mayor = JSON.parse(await page.$eval('.graphiql-response .CodeMirror', (el) => el.CodeMirror.getValue()));
  assert.equal(mayor.errors, undefined, JSON.stringify(mayor.errors));
  assert.deepEqual(mayor.data.entity.handedTrophyTo.map((p) => p.name), ['Daniel Okello']);

  assert.deepEqual(outside, [], 'requests to other origins');
  assert.deepEqual(problems, [], 'page errors, console errors or failed requests');
  await page.close();
  await context.unroute('**/*');
});
