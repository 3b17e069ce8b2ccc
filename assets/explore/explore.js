// The explorer: wires the search boxes, the drawing, the list view and the details pane
// together, and keeps what is on screen in the URL (`#focus=…&open=…&edge=…`, `#path=a,b`,
// `#preset=…`, `&hide=inferred,headlines`) so that a view can be shared and comes back on load.

import { run, ApiError } from './api.js';
import { createDrawing, KIND_COLOURS, kindName } from './drawing.js';
import { el } from './dom.js';
import { headlineOnly, reset, showClaims, showEntity, showHops } from './evidence.js';
import { renderListing } from './listing.js';
import { attachSearch } from './search.js';

/** Relations fetched per click: a hub shows this many and "+ N more", never all of them. */
const PAGE = 24;
/** Relations drawn around each entity of a path, as context. */
const CONTEXT = 6;
/** Longest path looked for (the API allows 6). */
const MAX_HOPS = 6;

/**
 * The stories one click away, as data: each names the predicates it needs, and shows only when
 * the dataset served has them (the seed does). Their queries are the generic ExploreChain and
 * ExploreRelated, so nothing here is baked into a query.
 */
const PRESETS = [
  {
    key: 'flag-handover',
    label: 'The flag handover chain',
    needs: ['HANDED_FLAG_TO', 'HANDED_GAMES_TO'],
    chains: [
      { title: 'Hand to hand', from: 'simone-biles', predicate: 'HANDED_FLAG_TO', direction: 'BOTH' },
      { title: 'City to city', from: 'paris', predicate: 'HANDED_GAMES_TO', direction: 'OUTGOING' },
    ],
  },
  {
    key: 'california-performers',
    label: 'The performers linked to California',
    needs: ['NATIVE_OF'],
    related: { to: 'california', predicates: ['NATIVE_OF'], direction: 'OUTGOING' },
  },
];

const $ = (id) => document.getElementById(id);

/** What is on screen, as the URL says it. */
const view = { focus: null, path: null, preset: null, open: [], edge: null, hide: new Set() };
/** Per expanded entity: the cursor of its next page, and how many of its relations are drawn. */
const pages = new Map();
const descriptions = new Map();
/** Bumped by every new view, so that answers to an abandoned one are dropped. */
let generation = 0;

const on = {
  entity: (id) => act(() => expand(id, { record: true })),
  more: (id) => act(() => expand(id, { more: true })),
  relation: (edgeId) => act(() => selectRelation(edgeId)),
};
const drawing = createDrawing($('graph'), on);
// For tests and the browser console: the drawing, and how long the last expansion took from
// its request to its layout.
window.explorer = { cy: drawing.cy, lastExpandMs: null };

function status(text, { error = false } = {}) {
  const box = $('status');
  box.textContent = text;
  box.classList.toggle('error', error);
}

/** Runs a user action: its failure shows in the status line, never as an uncaught error. */
async function act(action) {
  try {
    await action();
  } catch (e) {
    status(e instanceof ApiError ? `The server said: ${e.message}` : `Something went wrong: ${e.message}`, { error: true });
    if (!(e instanceof ApiError)) console.warn(e);
  }
}

function relationOf(node) {
  return {
    id: node.id,
    predicate: node.predicate,
    inferred: node.inferred,
    headlineOnly: headlineOnly(node.evidence),
    subject: node.subject.id,
    object: node.object.id,
  };
}

function redraw() {
  drawing.layout();
  renderListing($('listing'), drawing.cy, on);
}

/** Starts an empty view. */
function clearView() {
  generation++;
  drawing.clear();
  pages.clear();
  Object.assign(view, { focus: null, path: null, preset: null, open: [], edge: null });
  reset();
}

/**
 * Fetches the next `first` of `id`'s relations and adds them to the drawing, without laying it
 * out. False when the view changed meanwhile or no entity has the id.
 */
async function loadPage(id, first) {
  const known = pages.get(id);
  const asked = generation;
  const data = await run('ExploreNeighbourhood', { id, first, after: known?.endCursor ?? null });
  if (asked !== generation) return false;
  const entity = data.entity;
  if (!entity) {
    status(`No entity has the id “${id}”.`, { error: true });
    return false;
  }
  const { edges, totalCount, pageInfo } = entity.relations;
  drawing.cy.batch(() => {
    drawing.addEntity(entity);
    drawing.mark(id, 'expanded');
    for (const edge of edges) {
      drawing.addEntity(edge.neighbor, id);
      drawing.addRelation(relationOf(edge.node));
    }
  });
  const drawn = (known?.drawn ?? 0) + edges.length;
  pages.set(id, { endCursor: pageInfo.endCursor, hasNext: pageInfo.hasNextPage, drawn, total: totalCount, entity });
  drawing.setMore(id, pageInfo.hasNextPage ? totalCount - drawn : 0);
  return true;
}

/**
 * Draws the next page of `id`'s relations (the first when it was never expanded; nothing when
 * it was and `more` is false). `record` keeps the expansion in the URL.
 */
async function expand(id, { more = false, record = false } = {}) {
  const known = pages.get(id);
  if (known && (!more || !known.hasNext)) {
    status(describeEntity(id));
    showEntity(known.entity, `${drawnText(id)}.`);
    return;
  }
  const started = performance.now();
  status(`Loading the relations of ${drawing.cy.getElementById(id).data('name') ?? id}…`);
  if (!(await loadPage(id, PAGE))) return;
  if (record && !view.open.includes(id) && id !== view.focus) view.open.push(id);
  redraw();
  window.explorer.lastExpandMs = performance.now() - started;
  status(describeEntity(id));
  showEntity(pages.get(id).entity, `${drawnText(id)}.`);
  writeHash();
}

/** "all 6 relations drawn", "24 of 2,382 relations drawn": how much of `id`'s neighbourhood is on screen. */
function drawnText(id) {
  const page = pages.get(id);
  const n = (count) => count.toLocaleString('en');
  return page.drawn === page.total ? `all ${n(page.total)} relations drawn` : `${n(page.drawn)} of ${n(page.total)} relations drawn`;
}

function describeEntity(id) {
  const page = pages.get(id);
  if (!page) return '';
  return `${page.entity.name} (${kindName(page.entity.kind)}): ${drawnText(id)}. ${drawing.cy.nodes('.entity').length} entities on screen.`;
}

/** The search box's choice: a new view centred on the entity. */
async function focus(id) {
  clearView();
  view.focus = id;
  await expand(id);
  drawing.mark(id, 'focus');
  renderListing($('listing'), drawing.cy, on);
  writeHash();
}

/** Opens the evidence of the relation drawn as `edgeId` (and of the others between its ends). */
async function selectRelation(edgeId) {
  const edges = drawing.parallel(edgeId);
  if (!edges.length) return;
  drawing.select(edgeId);
  view.edge = edgeId;
  writeHash();
  const ids = [...new Set(edges.map((e) => e.data('relation')))];
  await showClaims(ids, (predicate) => descriptions.get(predicate));
}

/** Draws steps `{ from, to, relation, forward, throughQualifier }` and highlights them. */
function drawSteps(steps) {
  const nodes = new Set();
  const edges = [];
  drawing.cy.batch(() => {
    for (const step of steps) {
      const r = step.relation;
      drawing.addEntity(step.from);
      drawing.addEntity(step.to, step.from.id);
      nodes.add(step.from.id).add(step.to.id);
      const relation = { id: r.id, predicate: r.predicate, inferred: r.inferred, headlineOnly: headlineOnly(r.evidence), subject: r.subject.id, object: r.object.id };
      if (step.throughQualifier) {
        // The step joins the relation's subject to the place or event it names.
        const key = `${r.id}~${step.throughQualifier}`;
        const [source, target] = step.forward ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
        drawing.addRelation(relation, { key, source, target, label: `${r.predicate} (${step.throughQualifier.toLowerCase()})` });
        edges.push(key);
      } else {
        drawing.addRelation(relation);
        edges.push(r.id);
      }
    }
  });
  drawing.highlight([...nodes], edges);
  redraw();
}

/** The path finder: the shortest path between two entities, its hops highlighted and listed. */
async function findPath(from, to) {
  clearView();
  view.path = [from, to];
  writeHash();
  const asked = generation;
  status('Looking for the shortest path…');
  const data = await run('ExplorePath', { from, to, maxHops: MAX_HOPS });
  if (asked !== generation) return;
  if (!data.path) {
    status(`No path of at most ${MAX_HOPS} relations joins them (or an id names nothing).`, { error: true });
    return;
  }
  const { steps } = data.path;
  if (steps.length) {
    paths.from.set(steps[0].from);
    paths.to.set(steps[steps.length - 1].to);
  }
  // A few relations of every entity on the path, dimmed behind the hops, say where it runs.
  const onPath = [...new Set(steps.flatMap((step) => [step.from.id, step.to.id]))];
  const loaded = await Promise.all(onPath.map((id) => loadPage(id, CONTEXT)));
  if (asked !== generation || !loaded.every(Boolean)) return;
  drawSteps(steps);
  const names = [steps[0]?.from.name, ...steps.map((s) => s.to.name)].filter(Boolean);
  showHops(`Path: ${names.join(' → ')}`, steps.map((step, i) => ({ ...step, label: `Hop ${i + 1}` })));
  status(`A path of ${data.path.length} ${data.path.length === 1 ? 'hop' : 'hops'}: ${names.join(' → ')}. Click a node to expand it.`);
}

/** A story of PRESETS: its relations drawn and highlighted, its steps listed with evidence. */
async function showPreset(key) {
  const preset = PRESETS.find((p) => p.key === key);
  if (!preset) return;
  clearView();
  view.preset = key;
  writeHash();
  const asked = generation;
  status(`Loading ${preset.label.toLowerCase()}…`);
  let steps = [];
  if (preset.chains) {
    const answers = await Promise.all(preset.chains.map(({ from, predicate, direction }) => run('ExploreChain', { from, predicate, direction })));
    steps = answers.flatMap((d, i) => d.chain.map((relation, n) => ({
      from: relation.subject,
      to: relation.object,
      relation,
      forward: true,
      label: `${preset.chains[i].title}, step ${relation.qualifiers.order ?? n + 1}:`,
    })));
  } else if (preset.related) {
    const data = await run('ExploreRelated', preset.related);
    steps = data.related.flatMap((r) => r.path.relations).map((relation) => ({ from: relation.subject, to: relation.object, relation, forward: true }));
  }
  if (asked !== generation) return;
  drawSteps(steps);
  showHops(preset.label, steps);
  status(`${preset.label}: ${steps.length} relations, each with its evidence on the right.`);
}

// --- The URL -------------------------------------------------------------------------------

function writeHash() {
  const params = new URLSearchParams();
  if (view.path) params.set('path', view.path.join(','));
  else if (view.preset) params.set('preset', view.preset);
  else if (view.focus) params.set('focus', view.focus);
  if (view.open.length) params.set('open', view.open.join(','));
  if (view.edge) params.set('edge', view.edge);
  if (view.hide.size) params.set('hide', [...view.hide].sort().join(','));
  const hash = params.toString().replaceAll('%2C', ',');
  if (hash !== location.hash.slice(1)) history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
}

/** Rebuilds the view the URL describes (on load, and when someone edits or pastes a URL). */
async function restore() {
  const params = new URLSearchParams(location.hash.slice(1));
  const list = (key) => (params.get(key) || '').split(',').filter(Boolean);
  view.hide = new Set(list('hide').filter((h) => h === 'inferred' || h === 'headlines'));
  $('show-inferred').checked = !view.hide.has('inferred');
  $('show-headlines').checked = !view.hide.has('headlines');
  drawing.setFilters({ inferred: !view.hide.has('inferred'), headlines: !view.hide.has('headlines') });
  const [from, to] = list('path');
  if (from && to) await findPath(from, to);
  else if (params.get('preset')) await showPreset(params.get('preset'));
  else if (params.get('focus')) await focus(params.get('focus'));
  else return;
  for (const id of list('open')) await expand(id, { record: true });
  const edge = params.get('edge');
  if (edge && drawing.cy.getElementById(edge).nonempty()) await selectRelation(edge);
  writeHash();
}

// --- Wiring --------------------------------------------------------------------------------

const search = attachSearch($('search'), $('search-results'), (entity) => act(() => focus(entity.id)));
$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  act(async () => {
    const entity = await search.resolve();
    if (entity) {
      search.set(entity);
      await focus(entity.id);
    } else {
      status(`No entity matches “${$('search').value}”.`, { error: true });
    }
  });
});

const paths = {
  from: attachSearch($('path-from'), $('path-from-results')),
  to: attachSearch($('path-to'), $('path-to-results')),
};
$('path-form').addEventListener('submit', (e) => {
  e.preventDefault();
  act(async () => {
    const [from, to] = await Promise.all([paths.from.resolve(), paths.to.resolve()]);
    if (!from || !to) {
      status(`No entity matches “${(from ? $('path-to') : $('path-from')).value}”.`, { error: true });
      return;
    }
    await findPath(from.id, to.id);
  });
});

for (const [box, key] of [[$('show-inferred'), 'inferred'], [$('show-headlines'), 'headlines']]) {
  box.addEventListener('change', () => {
    if (box.checked) view.hide.delete(key);
    else view.hide.add(key);
    drawing.setFilters({ [key]: box.checked });
    redraw();
    writeHash();
  });
}

$('legend').replaceChildren(...Object.entries(KIND_COLOURS).map(([kind, colour]) =>
  el('li', {}, el('span', { className: 'dot', style: `background:${colour}` }), kindName(kind))));

window.addEventListener('hashchange', () => act(restore));

act(async () => {
  const { predicates } = await run('ExploreVocabulary');
  for (const p of predicates) descriptions.set(p.predicate, p.description);
  const available = PRESETS.filter((p) => p.needs.every((n) => descriptions.has(n)));
  const box = document.querySelector('#presets .preset-buttons');
  box.replaceChildren(...available.map((preset) => {
    const button = el('button', { type: 'button', dataset: { preset: preset.key } }, preset.label);
    button.addEventListener('click', () => act(() => showPreset(preset.key)));
    return button;
  }));
  $('presets').hidden = available.length === 0;
  await restore();
  document.body.dataset.ready = 'true';
});
