// Building DOM nodes without HTML strings: every text the API returns goes in as text, never
// as markup.

/**
 * `el('p', { className: 'x' }, 'text', child)`: an element with properties and children
 * (`dataset` entries are copied, since the property itself cannot be assigned). Null, undefined
 * and false children are skipped, so optional parts can be written inline.
 */
export function el(tag, { dataset = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}
