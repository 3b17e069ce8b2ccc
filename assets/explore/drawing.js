// The graph drawing: cytoscape.js (the global `cytoscape`, vendored in this folder) with the
// explorer's look. Nodes are entities coloured by kind, plus one "+ N more" node per hub whose
// relations are not all fetched; edges are relations labelled with their predicate, dashed when
// inferred and faded when they rest only on headlines. Knows nothing of GraphQL.

/** Fill colour per entity kind (Tableau 10); the legend and the list view use the same names. */
export const KIND_COLOURS = {
  PERSON: '#4e79a7',
  GROUP: '#f28e2b',
  COUNTRY: '#59a14f',
  PLACE: '#76b7b2',
  ORGANIZATION: '#b07aa1',
  EVENT: '#e15759',
  WORK: '#edc948',
};

/** `ORGANIZATION` → `organization`: how a kind reads in labels. */
export const kindName = (kind) => kind.toLowerCase();

/** Nodes from which a layout runs fewer rounds. */
const LARGE = 80;

/** The zoom from which edges show their predicates. */
const LABEL_ZOOM = 0.85;

/** The most a layout zooms in to fit a small drawing. */
const MAX_FIT_ZOOM = 1.15;

const STYLE = [
  {
    selector: 'node.entity',
    style: {
      'background-color': (n) => KIND_COLOURS[n.data('kind')] || '#9ca3af',
      'border-width': 1.5,
      'border-color': '#1f2937',
      width: 26,
      height: 26,
      label: 'data(name)',
      color: '#111827',
      'font-size': 12,
      'font-family': 'system-ui, sans-serif',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2.5,
      'text-wrap': 'ellipsis',
      'text-max-width': 170,
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node.entity.focus', style: { width: 40, height: 40, 'border-width': 3, 'font-size': 14, 'font-weight': 'bold' } },
  { selector: 'node.entity.expanded', style: { 'border-width': 3 } },
  {
    selector: 'node.more',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f3f4f6',
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-color': '#4b5563',
      label: 'data(label)',
      color: '#111827',
      'font-size': 12,
      'font-weight': 'bold',
      'font-family': 'system-ui, sans-serif',
      'text-valign': 'center',
      'text-halign': 'center',
      width: 'data(width)',
      height: 26,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#6b7280',
      'target-arrow-color': '#6b7280',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      color: '#1f2937',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': 1.5,
    },
  },
  // Zoomed out, a crowd of predicates hides the lines: they show again from LABEL_ZOOM, and
  // on the selected edge and a path's edges always.
  { selector: 'edge.quiet', style: { 'text-opacity': 0 } },
  { selector: 'edge.inferred', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
  { selector: 'edge.headline-only', style: { opacity: 0.45, 'line-style': 'dotted' } },
  { selector: 'edge.to-more', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', label: '', opacity: 0.6 } },
  { selector: 'edge.selected', style: { 'text-opacity': 1, width: 4, 'line-color': '#b45309', 'target-arrow-color': '#b45309', 'z-index': 10, color: '#78350f', 'font-weight': 'bold' } },
  { selector: '.dimmed', style: { opacity: 0.3 } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#b45309', opacity: 1 } },
  { selector: 'edge.on-path', style: { 'text-opacity': 1, width: 4.5, 'line-color': '#c2410c', 'target-arrow-color': '#c2410c', opacity: 1, 'z-index': 9, color: '#7c2d12', 'font-size': 11, 'font-weight': 'bold' } },
  { selector: '.hidden', style: { display: 'none' } },
];

/**
 * A drawing in `container`. `on` holds the callbacks: `entity(id)` when an entity node is
 * clicked (or tapped), `more(ownerId)` for a "+ N more" node, `relation(edgeId)` for an edge.
 */
export function createDrawing(container, on) {
  const cy = cytoscape({
    container,
    style: STYLE,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  cy.on('tap', 'node.entity', (e) => on.entity(e.target.id()));
  cy.on('tap', 'node.more', (e) => on.more(e.target.data('owner')));
  cy.on('tap', 'edge.relation', (e) => on.relation(e.target.id()));
  let quiet = false;
  const quieten = () => {
    quiet = cy.zoom() < LABEL_ZOOM;
    cy.edges().toggleClass('quiet', quiet);
  };
  cy.on('zoom', () => (cy.zoom() < LABEL_ZOOM) !== quiet && quieten());
  const filters = { inferred: true, headlines: true };

  /**
   * Where a new node goes before the layout: on a ring around the node it was reached from,
   * just outside that node's neighbours already drawn (so a hub's next page starts clear of
   * the last one and the layout has little to undo). Rings are measured once per layout.
   */
  const rings = new Map();
  function near(id) {
    const from = id && cy.getElementById(id);
    if (!from || from.empty()) return { x: 0, y: 0 };
    const p = from.position();
    if (!rings.has(id)) {
      const reach = from.neighborhood('node').reduce((r, n) => Math.max(r, Math.hypot(n.position('x') - p.x, n.position('y') - p.y)), 0);
      rings.set(id, reach + 60);
    }
    // The golden angle spreads siblings evenly, and the same steps give the same drawing.
    const angle = cy.nodes().length * 2.39996;
    const radius = rings.get(id);
    return { x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) };
  }

  function applyFilters() {
    cy.batch(() => {
      cy.edges('.relation').forEach((edge) => {
        const hide = (!filters.inferred && edge.hasClass('inferred')) || (!filters.headlines && edge.hasClass('headline-only'));
        edge.toggleClass('hidden', hide);
      });
      // An entity only reached through hidden relations goes too; the ones the user opened,
      // and a path's, stay.
      cy.nodes('.entity').forEach((node) => {
        const kept = node.hasClass('focus') || node.hasClass('expanded') || node.hasClass('on-path');
        const linked = node.connectedEdges('.relation').some((e) => !e.hasClass('hidden'));
        node.toggleClass('hidden', !kept && !linked && node.connectedEdges('.relation').nonempty());
      });
    });
  }

  return {
    cy,

    /** Adds an entity `{ id, name, kind }` (once), placed beside `from` when given. */
    addEntity(entity, from) {
      let node = cy.getElementById(entity.id);
      if (node.empty()) {
        node = cy.add({ group: 'nodes', classes: 'entity', data: { id: entity.id, name: entity.name, kind: entity.kind }, position: near(from) });
      }
      return node;
    },

    /**
     * Adds a relation `{ id, predicate, inferred, headlineOnly, subject, object }` (ids) as an
     * edge, once. `key` names the edge when it is not the relation's id (a path's step through
     * a qualifier joins the subject to a place, not to the object).
     */
    addRelation(relation, { key = relation.id, source = relation.subject, target = relation.object, label = relation.predicate } = {}) {
      if (cy.getElementById(key).nonempty()) return;
      const classes = ['relation'];
      if (relation.inferred) classes.push('inferred');
      if (relation.headlineOnly) classes.push('headline-only');
      cy.add({ group: 'edges', classes: classes.join(' '), data: { id: key, source, target, label, relation: relation.id } });
      applyFilters();
    },

    /** Shows "+ N more" beside `owner` (N relations not fetched yet), or removes it at 0. */
    setMore(owner, count) {
      const id = `more:${owner}`;
      cy.remove(cy.getElementById(id));
      if (count <= 0) return;
      const label = `+ ${count.toLocaleString('en')} more`;
      // Sized to its label by hand: cytoscape's `width: label` is deprecated.
      const width = 16 + 7.5 * label.length;
      cy.add({ group: 'nodes', classes: 'more', data: { id, owner, label, width }, position: near(owner) });
      cy.add({ group: 'edges', classes: 'to-more', data: { id: `${id}:edge`, source: owner, target: id } });
    },

    /** Marks an entity as the view's centre, or as one whose neighbourhood is drawn. */
    mark(id, className) {
      cy.getElementById(id).addClass(className);
    },

    /** Highlights `nodes` and `edges` (ids) as a path, and dims everything else. */
    highlight(nodes, edges) {
      cy.batch(() => {
        cy.elements().removeClass('on-path').addClass('dimmed');
        for (const id of [...nodes, ...edges]) cy.getElementById(id).removeClass('dimmed').addClass('on-path');
      });
      applyFilters();
    },

    /** Marks `id` as the edge whose evidence is open (none for null). */
    select(id) {
      cy.edges('.selected').removeClass('selected');
      if (id) cy.getElementById(id).addClass('selected');
    },

    /** The drawn relation edges between the two ends of edge `id`, `id` first. */
    parallel(id) {
      const edge = cy.getElementById(id);
      if (edge.empty()) return [];
      const ends = edge.connectedNodes();
      const others = ends.edgesWith(ends).filter((e) => e.hasClass('relation') && e.id() !== id && !e.hasClass('hidden'));
      return [edge, ...others.toArray()];
    },

    setFilters(next) {
      Object.assign(filters, next);
      applyFilters();
    },

    /**
     * Lays the drawing out: cytoscape's force-directed `cose`, starting from where the nodes
     * are (new ones sit beside the node they came from), so an expansion moves the rest little.
     * Nodes repel by their labels' width too, which keeps labels apart past a hundred nodes.
     */
    layout() {
      rings.clear();
      const visible = cy.elements().not('.hidden');
      visible.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: true,
        // Room at the top for the status line that sits over the drawing.
        padding: 64,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 100,
        nodeRepulsion: () => 30000,
        edgeElasticity: () => 80,
        gravity: 0.25,
        // Each round costs the square of the nodes: past LARGE nodes, half the rounds (the
        // layout starts from the last one, new nodes outside it, so they settle it) keep a hub's
        // next page well inside a second.
        numIter: visible.nodes().length > LARGE ? 500 : 1000,
        componentSpacing: 60,
      }).run();
      // A handful of nodes would be fitted at a zoom where labels shout: keep to life size.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center(visible);
      }
      quieten();
    },

    clear() {
      cy.elements().remove();
    },
  };
}
