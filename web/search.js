// The search page, enhanced: results follow the search box as one types
// (the last word read as a prefix until the search is submitted), filters,
// sorting, pages and the timeline update in place from /api/search, and the
// URL follows every state so each can be bookmarked, shared, and reached
// again with back and forward.

import { h, plural } from './dom.js';
import { initFacets } from './facets.js';
import { closePanel, panelOpen } from './filters.js';
import { facetsHead, markDates, renderFacets, renderResults, resultsHeading } from './render.js';
import { BASE, canonical, edited, isFront, pageUrl, route } from './state.js';
import { attachTimeline, renderTimeline } from './timeline.js';

const TYPING_DELAY_MS = 250;

let controller = null; // the fetch in flight, aborted by a newer one
let typingEntry = false; // the history entry being typed into
let typingTimer = 0;

const $ = (id) => document.getElementById(id);

function currentParams() {
  return canonical(new URLSearchParams(location.search));
}

function pageTitle(params) {
  if (isFront(params)) return 'oped';
  const q = params.get('q');
  if (q) return `\u201c${q}\u201d \u00b7 oped`;
  const authors = params.getAll('author');
  return authors.length === 1 ? `Articles by ${authors[0]} \u00b7 oped` : 'Articles \u00b7 oped';
}

function syncForm(params, { keepQuery }) {
  const form = $('search');
  const q = $('q');
  if (!keepQuery && document.activeElement !== q) q.value = params.get('q') ?? '';
  for (const id of ['from', 'to']) {
    const input = $(id);
    if (input && document.activeElement !== input) input.value = params.get(id) ?? '';
  }
  for (const old of form.querySelectorAll('input.keep')) old.remove();
  for (const key of ['author', 'site', 'tag', 'year', 'genre', 'sort', 'per_page']) {
    for (const value of params.getAll(key)) form.append(h('input', { type: 'hidden', name: key, value, class: 'keep' }));
  }
}

function showError(message) {
  const section = h('section', { id: 'results', class: 'results' },
    h('div', { class: 'error-panel', role: 'alert' },
      h('h2', {}, 'That search could not be run'), h('p', {}, message),
      h('p', {}, h('a', { href: location.href }, 'Try again'))));
  $('results').replaceWith(section);
  $('live-status').textContent = message;
}

// `dateError`: the dates of `typed` (the URL's state) were refused, and
// `params` is that state without them (search_answer.hpp says why).
function render(data, params, focus, { dateError = null, typed = params } = {}) {
  document.title = pageTitle(params);
  const front = isFront(params);
  const heading = $('page-heading');
  heading.textContent = front ? 'An archive of opinion' : 'Search the archive';
  heading.className = front ? 'intro-title' : 'visually-hidden';
  $('intro').hidden = !front;
  const bins = data.timeline?.bins ?? [];
  if (front && bins.length > 0) {
    const span = `${bins[0].period.slice(0, 4)}\u2013${bins[bins.length - 1].period.slice(0, 4)}`;
    $('intro').textContent =
      `${plural(data.total, 'essay and article', 'essays and articles')}, ${span}. Search them, or browse by author, outlet and date.`;
  }
  const panel = document.querySelector('.timeline-panel');
  const figure = renderTimeline(data.timeline, params, isFront(params) ? 'Articles' : 'Matching articles');
  if (panel) {
    $('timeline').replaceWith(figure);
    attachTimeline(figure, (url) => navigate(new URL(url, location.href).searchParams, { focus: 'timeline' }));
  }
  $('results').replaceWith(renderResults(data, params));
  const facets = $('facets');
  facets.replaceChildren(...(data.total > 0 ? [facetsHead()] : []), renderFacets(data.facets, params));
  for (const toggle of document.querySelectorAll('.filters-toggle')) toggle.setAttribute('aria-expanded', String(panelOpen()));
  initFacets(facets);
  markDates(dateError, typed);
  const status = `${plural(data.total, 'article', 'articles')}. ${resultsHeading(params)}.`;
  $('live-status').textContent = dateError ? `These dates were not applied: ${dateError.message}. ${status}` : status;
  restoreFocus(focus);
}

// After an update the element that had focus may have been replaced: put
// focus on its counterpart, or on the results heading.
function restoreFocus(focus) {
  if (!focus) return;
  let target = null;
  if (focus.facet) {
    target = [...document.querySelectorAll(`.facet[data-facet="${focus.facet}"] .facet-list a`)]
      .find((a) => a.querySelector('.facet-name').textContent === focus.value);
  } else if (focus === 'timeline') {
    target = document.querySelector('#timeline a.tl-bin[tabindex="0"]');
  }
  target ??= $('results-heading');
  target?.focus({ preventScroll: focus !== 'results' });
  if (focus === 'results') $('results')?.scrollIntoView({ block: 'start' });
}

// `partial`: the text is still being typed, so the server reads its last
// word as a prefix; the URL, and so a reload or a bookmark, keeps whole words.
async function load(params, focus = null, partial = false) {
  controller?.abort();
  controller = new AbortController();
  // Busy until the new results replace these: readers and tests wait on it.
  $('results')?.setAttribute('aria-busy', 'true');
  document.querySelector('.hits')?.classList.add('loading');
  let response;
  const ask = async (state, extra = {}) => {
    const query = canonical(state);
    if (partial) query.set('partial', '1');
    for (const [key, value] of Object.entries(extra)) query.set(key, value);
    response = await fetch(`${route('/api/search')}?${query}`, {
      signal: controller.signal, headers: { Accept: 'application/json' },
    });
    return response.json();
  };
  try {
    let data = await ask(params);
    let asked = params;
    let shown = params;
    let dateError = null;
    let pastDeepest = false;
    // Put right in place, as the server's page does (search_answer.hpp):
    // refused dates are searched without, a page too deep as past the end.
    for (let fixes = 0; !response.ok && fixes < 2; fixes++) {
      const param = data?.error?.param;
      if (!dateError && (param === 'from' || param === 'to')) {
        dateError = data.error;
        const drop = (p) => { p.delete('from'); p.delete('to'); };
        shown = edited(shown, drop);
        asked = edited(asked, drop);
        data = await ask(asked, { literal: '1' });
      } else if (!pastDeepest && param === 'page' && /^0*[1-9]\d*$/.test(params.get('page') ?? '')) {
        pastDeepest = true;
        asked = edited(asked, (p) => p.delete('page'));
        data = await ask(asked, dateError ? { literal: '1' } : {});
      } else {
        break;
      }
    }
    if (!response.ok) {
      showError(data?.error?.message ?? `The server answered ${response.status}.`);
      return;
    }
    if (pastDeepest) data.results = [];
    render(data, shown, focus, { dateError, typed: params });
  } catch (error) {
    if (error.name === 'AbortError') return;
    showError(response ? `The server answered ${response.status}.` : 'The archive could not be reached. Check the connection and try again.');
  }
}

// Go to a state: a new history entry (or the typing entry), then fetch.
function navigate(params, { focus = null, typing = false, partial = false } = {}) {
  const url = pageUrl(params);
  if (typing && typingEntry) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  typingEntry = typing;
  syncForm(params, { keepQuery: typing });
  return load(params, focus, partial);
}

function onType() {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const q = $('q').value;
    const params = currentParams();
    if ((params.get('q') ?? '') === q.trim() || q.length > 1024) return;
    // A space after the last word says it is finished.
    const partial = q.trim() !== '' && !/\s$/.test(q);
    navigate(edited(params, (p) => { p.set('q', q.trim()); p.delete('page'); p.delete('spell'); }), { typing: true, partial });
  }, TYPING_DELAY_MS);
}

function onSubmit(event) {
  event.preventDefault();
  clearTimeout(typingTimer);
  const params = edited(currentParams(), (p) => {
    const q = $('q').value.trim();
    if (q !== (p.get('q') ?? '')) p.delete('spell'); // a new query is corrected again
    p.set('q', q);
    for (const id of ['from', 'to']) p.set(id, $(id)?.value.trim() ?? '');
    p.delete('page');
  });
  // Enter in the search box leaves the focus there; the dates' Apply moves it to the results.
  navigate(params, { focus: document.activeElement === $('q') ? null : 'results' });
}

function onDateChange(event) {
  if (!event.target.checkValidity()) return;
  const params = edited(currentParams(), (p) => { p.set(event.target.id, event.target.value.trim()); p.delete('page'); });
  navigate(params);
}

// Links to another state of this page are followed in place.
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.getAttribute('href').startsWith('#')) return;
  const url = new URL(link.getAttribute('href'), location.href);
  if (url.origin !== location.origin || url.pathname !== BASE || link.closest('.masthead, .site-footer')) return;
  event.preventDefault();
  let focus = 'results';
  const facet = link.closest('.facet');
  if (facet && panelOpen()) {
    // On a phone a choice closes the panel and shows the results.
    closePanel(null);
  } else if (facet) {
    focus = { facet: facet.dataset.facet, value: link.querySelector('.facet-name')?.textContent };
  } else if (link.closest('#timeline')) {
    focus = 'timeline';
  } else if (link.closest('.sort, .per-page, .chips, .did-you-mean, .empty')) {
    focus = 'heading';
  }
  navigate(canonical(url.searchParams), { focus });
}

export function initSearch() {
  const form = $('search');
  if (!form || !$('results')) return;
  form.addEventListener('submit', onSubmit);
  $('q').addEventListener('input', onType);
  for (const id of ['from', 'to']) $(id)?.addEventListener('change', onDateChange);
  document.querySelector('main').addEventListener('click', onClick);
  attachTimeline($('timeline'), (url) => navigate(new URL(url, location.href).searchParams, { focus: 'timeline' }));
  window.addEventListener('popstate', () => {
    typingEntry = false;
    const params = currentParams();
    syncForm(params, { keepQuery: false });
    if (document.activeElement === $('q')) $('q').value = params.get('q') ?? '';
    load(params);
  });
}
