// The details pane: a relation's claims with their quotes, a path's hops with the evidence for
// each, and a source's text with the quoted span highlighted and scrolled into view.

import { run, source } from './api.js';
import { kindName } from './drawing.js';
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);

/** True when every quote of a relation comes from the headlines printed after a report. */
export const headlineOnly = (evidence) => evidence.length > 0 && evidence.every((e) => e.section === 'HEADLINES');

/** UTF-16 index (JavaScript's) of the `scalars`-th Unicode scalar value of `text` (the API's offsets). */
function utf16Index(text, scalars) {
  let i = 0;
  for (let n = 0; n < scalars && i < text.length; n++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

function entityText(entity) {
  return el('span', { className: 'entity-ref' }, entity.name, el('span', { className: `kind kind-${entity.kind}` }, kindName(entity.kind)));
}

function badges(relation) {
  const out = el('span', { className: 'badges' });
  if (relation.inferred) out.append(el('span', { className: 'badge inferred', title: 'Joined from several sentences rather than stated by one' }, 'inferred'));
  if (headlineOnly(relation.evidence)) out.append(el('span', { className: 'badge headline', title: 'Only a related-article headline states it' }, 'headline only'));
  return out;
}

/** One quote, with its source and a button that opens it in place. */
function quoteItem(evidence) {
  const open = el('button', { type: 'button', className: 'link' }, 'Show in source');
  open.addEventListener('click', () => showInSource(evidence));
  const where = evidence.section === 'HEADLINES' ? ' (headlines)' : '';
  return el('li', { className: 'quote' },
    el('blockquote', {}, `“${evidence.quote}”`),
    el('p', { className: 'meta' }, `${evidence.source.title || evidence.source.id}${where} · `, open));
}

function qualifierText(q) {
  if (!q) return null;
  const parts = [];
  if (q.order !== null && q.order !== undefined) parts.push(`step ${q.order}`);
  if (q.role) parts.push(`as ${q.role}`);
  if (q.medal) parts.push(`${q.medal.toLowerCase()} medal`);
  if (q.when) parts.push(`on ${q.when}`);
  if (q.place) parts.push(`at ${q.place.name}`);
  if (q.event) parts.push(`during ${q.event.name}`);
  if (q.note) parts.push(q.note);
  return parts.length ? el('p', { className: 'meta' }, parts.join(' · ')) : null;
}

function hide(...ids) {
  for (const id of ids) $(id).hidden = true;
}

/**
 * Shows an entity `{ name, kind, description }` and `summary` (how much of its neighbourhood is
 * drawn) in place of any claims or hops.
 */
export function showEntity(entity, summary) {
  hide('intro', 'claims', 'hops', 'source');
  const pane = $('entity');
  pane.hidden = false;
  pane.replaceChildren(
    el('h2', {}, entityText(entity)),
    entity.description ? el('p', {}, entity.description) : null,
    el('p', { className: 'meta' }, `${summary[0].toUpperCase()}${summary.slice(1)} Click one to read the sentence that states it.`));
}

/**
 * Opens the claims of the relations `ids` (the clicked edge first, then any others drawn
 * between the same two entities), and the first quote of the first one in its source.
 */
export async function showClaims(ids, describe) {
  hide('intro', 'hops', 'entity');
  const pane = $('claims');
  pane.hidden = false;
  pane.replaceChildren(el('p', { className: 'meta' }, 'Loading the evidence…'));
  const relations = (await Promise.all(ids.map((id) => run('ExploreRelation', { id })))).map((d) => d.relation).filter(Boolean);
  if (!relations.length) {
    pane.replaceChildren(el('p', {}, 'This relation is no longer in the graph.'));
    return;
  }
  const first = relations[0];
  pane.replaceChildren(
    el('h2', {}, entityText(first.subject), ' → ', entityText(first.object)),
    el('p', { className: 'meta' }, relations.length === 1 ? '1 claim' : `${relations.length} claims between them`),
    el('ol', { className: 'claims' }, ...relations.map((r) => el('li', { className: 'claim', dataset: { relation: r.id } },
      el('h3', {}, el('code', {}, r.predicate), ' ', badges(r)),
      describe(r.predicate) ? el('p', { className: 'meta' }, describe(r.predicate)) : null,
      qualifierText(r.qualifiers),
      el('ul', { className: 'quotes', ariaLabel: `Quotes for ${r.predicate}` }, ...r.evidence.map(quoteItem))))));
  if (first.evidence.length) await showInSource(first.evidence[0]);
}

/**
 * Lists steps `{ from, to, relation, forward, throughQualifier, label }` (a path's hops, a
 * chain's steps, or relations side by side), each with its quotes, under `title`. `label`
 * (`Hop 1`, `Step 2`) is shown before a step when given.
 */
export function showHops(title, steps) {
  hide('intro', 'claims', 'source', 'entity');
  const pane = $('hops');
  pane.hidden = false;
  pane.replaceChildren(
    el('h2', {}, title),
    el('ul', { className: 'hops' }, ...steps.map((step) => {
      const how = step.throughQualifier
        ? `${step.relation.predicate}, through its ${step.throughQualifier.toLowerCase()}`
        : step.relation.predicate;
      return el('li', { className: 'hop', dataset: { relation: step.relation.id } },
        el('h3', {}, step.label ? el('span', { className: 'hop-number' }, `${step.label} `) : null, entityText(step.from), el('span', { className: 'arrow' }, step.forward ? ` —${how}→ ` : ` ←${how}— `), entityText(step.to), ' ', badges(step.relation)),
        el('ul', { className: 'quotes', ariaLabel: `Evidence for ${step.from.name} ${how} ${step.to.name}` }, ...step.relation.evidence.map(quoteItem)));
    })));
}

/**
 * Shows the source of `evidence` with its quote marked, and scrolls the mark into view.
 * Offsets are the API's (Unicode scalar values), turned into JavaScript's UTF-16 indexes.
 */
export async function showInSource(evidence) {
  const pane = $('source');
  const text = $('source-text');
  pane.hidden = false;
  text.replaceChildren(el('p', { className: 'meta' }, 'Loading the source…'));
  const src = await source(evidence.source.id);
  if (!src) {
    text.replaceChildren(el('p', {}, 'This source is no longer in the graph.'));
    return;
  }
  $('source-title').textContent = src.title || src.id;
  $('source-meta').textContent = [src.outlet, src.publicationDate, src.id].filter(Boolean).join(' · ');
  const start = utf16Index(src.text, evidence.start);
  const end = utf16Index(src.text, evidence.end);
  const mark = el('mark', { id: 'quote-mark' }, src.text.slice(start, end));
  text.replaceChildren(src.text.slice(0, start), mark, src.text.slice(end));
  // Scroll the text box to the mark, then the details pane to the text box; never the window
  // (scrollIntoView would move the whole page under the header).
  text.scrollTop = 0;
  scrollWithin(text, mark, 'center');
  scrollWithin(pane.closest('.details'), pane, 'nearest');
}

/**
 * Scrolls `container` so that `child` is in view: centred, or moved by the least when
 * `nearest`. Only `container` scrolls.
 */
function scrollWithin(container, child, block) {
  const outer = container.getBoundingClientRect();
  const inner = child.getBoundingClientRect();
  if (block === 'center') {
    container.scrollTop += inner.top - outer.top - (container.clientHeight - inner.height) / 2;
  } else if (inner.top < outer.top) {
    container.scrollTop -= outer.top - inner.top;
  } else if (inner.bottom > outer.bottom) {
    container.scrollTop += Math.min(inner.bottom - outer.bottom, inner.top - outer.top);
  }
}

/** Back to the introduction: nothing selected. */
export function reset() {
  hide('entity', 'claims', 'hops', 'source');
  $('intro').hidden = false;
}
