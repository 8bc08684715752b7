// Facet lists: the first few values with "show all", a box to find a value
// among all those of the results, and arrow keys to move along a list.

import { h } from './dom.js';
import { facetItems, findSummary } from './render.js';
import { canonical, route } from './state.js';

const FIND_DELAY_MS = 200;
const NOUNS = { author: 'author', tag: 'tag' };

// The find box asks the server for the values of the whole result set with a
// word starting with what is typed (the list shows only the top ones), and
// shows them in place of the list until the box is emptied again.
function setUpFind(section, form) {
  const key = section.dataset.facet;
  const noun = NOUNS[key];
  const find = form.querySelector('.facet-find');
  const list = section.querySelector('.facet-list');
  const more = section.querySelector('.facet-more');
  const whole = [...list.children]; // the list as the page came, when not itself a find
  const loadedFinding = find.value.trim() !== '';
  let controller = null;
  let timer = 0;

  const params = () => canonical(new URLSearchParams(location.search));
  const summary = () => section.querySelector('.facet-found');

  function showWhole() {
    controller?.abort();
    summary()?.remove();
    list.replaceChildren(...whole);
    if (more) {
      more.hidden = false;
      section.classList.toggle('collapsed', more.getAttribute('aria-expanded') !== 'true');
    }
  }

  async function run() {
    clearTimeout(timer);
    const text = find.value.trim();
    if (!text && !loadedFinding) {
      showWhole();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const query = params();
    query.set('per_page', '1');
    if (text) query.set(`${key}_find`, text);
    section.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(`${route('/api/search')}?${query}`, {
        signal: controller.signal, headers: { Accept: 'application/json' },
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
      const values = data.facets?.[key] ?? [];
      list.replaceChildren(...facetItems(key, values, params(), false));
      summary()?.remove();
      if (text) {
        const found = findSummary(noun, text, values.length, params());
        found.setAttribute('role', 'status');
        form.after(found);
      }
      section.classList.remove('collapsed');
      if (more) more.hidden = true;
    } catch (error) {
      if (error.name === 'AbortError') return;
      summary()?.remove();
      form.after(h('p', { class: 'facet-found', role: 'status' }, `The ${noun}s could not be searched: ${error.message}`));
    } finally {
      section.removeAttribute('aria-busy');
    }
  }

  find.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, FIND_DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  section.addEventListener('click', (event) => {
    if (!event.target.closest('.facet-find-clear') || loadedFinding) return;
    event.preventDefault();
    find.value = '';
    showWhole();
    find.focus();
  });
}

function setUp(section) {
  const more = section.querySelector('.facet-more');
  const form = section.querySelector('.facet-find-form');
  if (more) {
    section.classList.add('collapsed');
    more.hidden = false;
    const count = section.querySelectorAll('.facet-list li').length;
    more.addEventListener('click', () => {
      const collapsed = section.classList.toggle('collapsed');
      more.setAttribute('aria-expanded', String(!collapsed));
      more.textContent = collapsed ? `Show all ${count}` : 'Show fewer';
    });
  }
  if (form && NOUNS[section.dataset.facet]) setUpFind(section, form);
}

export function initFacets(root) {
  for (const section of root.querySelectorAll('.facet')) setUp(section);
}

// Up and down arrows move along a list of links (results, facet values).
export function listKeys(event) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const link = event.target.closest?.('a');
  if (!link) return;
  const list = link.closest('.facet-list, .hits, .similar-list');
  if (!list) return;
  const selector = list.classList.contains('hits') ? '.hit-title a' : 'a';
  const links = [...list.querySelectorAll(selector)].filter((a) => a.offsetParent !== null);
  let at = links.indexOf(link);
  if (at < 0) at = links.findIndex((a) => a.closest('li') === link.closest('li'));
  const to = at + (event.key === 'ArrowDown' ? 1 : -1);
  if (at < 0 || to < 0 || to >= links.length) return;
  event.preventDefault();
  links[to].focus();
}
