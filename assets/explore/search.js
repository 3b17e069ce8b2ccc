// A search box that suggests entities as you type (the API's `search`), usable from the
// keyboard alone: the ARIA combobox pattern (arrow keys move through the suggestions, Enter
// picks one, Escape closes them) with the choice kept on the input.

import { run } from './api.js';
import { kindName } from './drawing.js';

const DEBOUNCE_MS = 120;
const SUGGESTIONS = 8;

/**
 * Makes `input` (role=combobox) suggest entities in `listbox`. `onChoose({ id, name, kind })`
 * runs when one is picked. Returns `{ resolve, set }`: `resolve()` is the chosen entity, or the
 * best match for what was typed, or null; `set(entity)` shows an entity as chosen.
 */
export function attachSearch(input, listbox, onChoose = () => {}) {
  let results = [];
  let active = -1;
  let chosen = null;
  let pending = null;
  let timer = null;

  function close() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render() {
    listbox.replaceChildren(...results.map((entity, i) => {
      const option = document.createElement('li');
      option.id = `${listbox.id}-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(i === active));
      option.dataset.id = entity.id;
      const name = document.createElement('span');
      name.textContent = entity.name;
      const kind = document.createElement('span');
      kind.className = `kind kind-${entity.kind}`;
      kind.textContent = kindName(entity.kind);
      option.append(name, kind);
      // mousedown, not click: it lands before the input's blur closes the list.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(entity);
      });
      return option;
    }));
    const open = results.length > 0 && document.activeElement === input;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listbox.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function lookup() {
    const text = input.value.trim();
    if (!text) {
      results = [];
      pending = Promise.resolve([]);
      render();
      return pending;
    }
    const asked = text;
    pending = run('ExploreSearch', { text: asked.slice(0, 200), first: SUGGESTIONS })
      .then((data) => {
        if (input.value.trim() === asked) {
          results = data.search;
          active = -1;
          render();
        }
        return data.search;
      })
      .catch(() => []);
    return pending;
  }

  function choose(entity) {
    chosen = entity;
    input.value = entity.name;
    close();
    onChoose(entity);
  }

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    timer = setTimeout(lookup, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!results.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + results.length) % results.length;
      render();
      listbox.children[active]?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && !listbox.hidden && active >= 0) {
      e.preventDefault();
      choose(results[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);

  return {
    /** The chosen entity, else the best match for the text (waiting for the search). */
    async resolve() {
      if (chosen && chosen.name === input.value) return chosen;
      clearTimeout(timer);
      const found = await lookup();
      close();
      return found[0] ?? null;
    },
    set(entity) {
      chosen = entity;
      input.value = entity ? entity.name : '';
      close();
    },
  };
}
