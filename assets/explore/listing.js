// The drawing as a list, for screen readers and keyboards: every entity drawn with its
// relations, both ways, each a button that does what a click on the drawing does. Hidden
// relations (the filters) are left out here too.

import { el } from './dom.js';
import { kindName } from './drawing.js';

/**
 * Rewrites `list` (a <ul>) from the drawing `cy`. `on` holds the same callbacks as the drawing:
 * `entity(id)`, `more(ownerId)`, `relation(edgeId)`.
 */
export function renderListing(list, cy, on) {
  const name = (node) => node.data('name');
  const entities = cy.nodes('.entity').not('.hidden').sort((a, b) => {
    const rank = (n) => (n.hasClass('focus') ? 0 : n.hasClass('expanded') ? 1 : 2);
    return rank(a) - rank(b) || name(a).localeCompare(name(b));
  });
  list.replaceChildren(...entities.map((node) => {
    const id = node.id();
    const state = node.hasClass('expanded') || node.hasClass('focus') ? 'relations shown' : 'not expanded';
    const open = el('button', { type: 'button', className: 'link entity-button', ariaLabel: `${name(node)}, ${kindName(node.data('kind'))}, ${state}: expand` }, name(node));
    open.addEventListener('click', () => on.entity(id));
    const edges = node.connectedEdges('.relation').not('.hidden');
    const relations = edges.map((edge) => {
      const outgoing = edge.source().id() === id;
      const other = outgoing ? edge.target() : edge.source();
      const predicate = edge.data('label');
      const marks = [edge.hasClass('inferred') && 'inferred', edge.hasClass('headline-only') && 'headline only', edge.hasClass('on-path') && 'on the path'].filter(Boolean);
      const text = outgoing ? `${predicate} → ${name(other)}` : `${name(other)} → ${predicate}`;
      const button = el('button', {
        type: 'button',
        className: 'link',
        ariaLabel: `${outgoing ? `${name(node)} ${predicate} ${name(other)}` : `${name(other)} ${predicate} ${name(node)}`}${marks.length ? ` (${marks.join(', ')})` : ''}: read the evidence`,
      }, text);
      button.addEventListener('click', () => on.relation(edge.id()));
      return el('li', {}, button, marks.length ? el('span', { className: 'meta' }, ` (${marks.join(', ')})`) : null);
    });
    const more = cy.getElementById(`more:${id}`);
    if (more.nonempty()) {
      const button = el('button', { type: 'button', className: 'link' }, `${more.data('label')}: load the next page`);
      button.addEventListener('click', () => on.more(id));
      relations.push(el('li', {}, button));
    }
    return el('li', { className: 'listed-entity' },
      open, ' ', el('span', { className: `kind kind-${node.data('kind')}` }, kindName(node.data('kind'))),
      relations.length ? el('ul', { ariaLabel: `Relations of ${name(node)}` }, ...relations) : null);
  }));
}
