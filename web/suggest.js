// Suggestions under the search box, from /api/suggest, as an ARIA combobox:
// the box keeps the focus, Up and Down move through the list (announced
// through aria-activedescendant), Enter on a highlighted suggestion searches
// it, Enter otherwise searches what was typed, Escape closes the list, a
// click on a suggestion searches it. Requests wait for a pause in typing and
// an answer to an older text is dropped. Suggestions are index text: they go
// in as text nodes only.

import { h } from './dom.js';
import { route } from './state.js';

const SUGGEST_DELAY_MS = 120;
const MAX_TEXT = 100; // the server's k_max_suggest_bytes

export function initSuggest(input, { onChoose }) {
  const list = h('ul', { id: `${input.id}-suggestions`, class: 'suggestions', role: 'listbox', 'aria-label': 'Suggestions' });
  list.hidden = true;
  input.after(list);
  input.parentElement.classList.add('has-suggestions');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let timer = 0;
  let asked = 0; // the number of the latest request; older answers are dropped
  let controller = null;
  let active = -1;

  const options = () => [...list.children];

  function highlight(index) {
    const all = options();
    const places = all.length + 1; // the options, and back in the box (-1)
    active = (((index + 1) % places) + places) % places - 1;
    all.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function close() {
    clearTimeout(timer);
    controller?.abort();
    asked += 1;
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function show(texts) {
    list.replaceChildren(...texts.map((text, i) =>
      h('li', { id: `${list.id}-${i}`, role: 'option', class: 'suggestion', 'aria-selected': 'false' }, text)));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = texts.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  }

  function choose(li) {
    input.value = li.textContent;
    close();
    onChoose(input.value);
  }

  async function ask(text) {
    controller?.abort();
    controller = new AbortController();
    const number = ++asked;
    try {
      const response = await fetch(`${route('/api/suggest')}?q=${encodeURIComponent(text)}`, {
        signal: controller.signal, headers: { Accept: 'application/json' },
      });
      if (!response.ok) return;
      const [, texts] = await response.json();
      if (number !== asked || document.activeElement !== input || input.value.trim() !== text) return;
      show(Array.isArray(texts) ? texts.filter((t) => typeof t === 'string' && t !== text) : []);
    } catch (error) {
      if (error.name !== 'AbortError') close(); // no suggestions is no error for the reader
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text === '' || new TextEncoder().encode(text).length > MAX_TEXT) {
      close();
      return;
    }
    timer = setTimeout(() => ask(text), SUGGEST_DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const open = !list.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        choose(options()[active]);
      } else {
        close(); // the form searches what was typed
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault(); // closes the list, keeps the text
      event.stopPropagation();
      close();
    }
  });

  // A press on a suggestion must not take the focus from the box first.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const li = event.target.closest('li[role="option"]');
    if (li) choose(li);
  });
  input.addEventListener('blur', close);
  input.form?.addEventListener('submit', close);
}
