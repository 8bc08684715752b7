// The search page's regions rebuilt from an /api/search response, with the
// same markup the server writes (searcher/http/src/search_page.cpp,
// parts.cpp, facets_html.cpp), so one stylesheet serves both.

import { h, externalUrl, formatCount, plural, readableDate, snippetNodes } from './dom.js';
import { FILTER_KEYS, addValue, canonical, edited, isFront, pageUrl, removeValue, route, toggled } from './state.js';

const FACET_VISIBLE = 8;
const FIND_MAX_BYTES = 100;
const MAX_DEPTH = 10000;

export function authorUrl(name) {
  return route(`/author/${encodeURIComponent(name)}`);
}

// The article page reached from a search, as the server writes it
// (parts.cpp, doc_link): the search's state carried, and the result's place
// in the whole list (`rank`, from 1), for the way back and the neighbours.
export function docLink(id, params, rank) {
  const qs = canonical(params);
  if (rank) qs.append('rank', String(rank));
  const query = qs.toString();
  return route(`/doc/${encodeURIComponent(id)}`) + (query ? `?${query}` : '');
}

function took(ms) {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
}

// "Also ran in The X (date), The Y (date)": the piece's other copies, as
// parts.cpp's copies_line writes them.
function copiesLine(copies, params) {
  const line = h('p', { class: 'copies' }, 'Also ran in ');
  copies.forEach((copy, i) => {
    if (i > 0) line.append(', ');
    const name = copy.site || copy.title || '(untitled)';
    line.append(h('a', { href: docLink(copy.id, params, 0), class: 'copy-link', title: copy.title }, name));
    if (copy.published) {
      const day = copy.published.slice(0, 10);
      line.append(' (', h('time', { datetime: day }, readableDate(day)), ')');
    }
  });
  return line;
}

// "opinion" -> "Opinion" (schema.cpp, genre_label).
export function genreLabel(genre) {
  return genre ? genre[0].toUpperCase() + genre.slice(1) : '';
}

// The genre as a link to its search (parts.cpp, genre_link); null for none
// or "other".
export function genreLink(genre, cls) {
  if (!genre || genre === 'other') return null;
  return h('a', { class: `genre genre-${genre} ${cls}`, href: pageUrl(new URLSearchParams({ genre })) },
    genreLabel(genre));
}

function hit(result, params, rank) {
  const here = docLink(result.id, params, rank);
  const meta = h('p', { class: 'hit-meta' });
  const parts = [];
  const genre = genreLink(result.genre, 'hit-genre');
  if (genre) parts.push(genre);
  if (result.authors?.length) {
    const span = h('span', { class: 'hit-authors' });
    result.authors.forEach((name, i) => {
      if (i > 0) span.append(i + 1 === result.authors.length ? ' and ' : ', ');
      const link = pageUrl(edited(params, (p) => { addValue(p, 'author', name); p.delete('page'); }));
      span.append(h('a', { href: link, class: 'author-link' }, name));
    });
    parts.push(span);
  }
  if (result.published) {
    const day = result.published.slice(0, 10);
    parts.push(h('time', { datetime: day }, readableDate(day)));
  }
  if (result.updated) {
    const day = result.updated.slice(0, 10);
    parts.push(h('span', { class: 'updated' }, 'Updated ', h('time', { datetime: day }, readableDate(day))));
  }
  if (result.site) parts.push(h('span', { class: 'hit-site' }, result.site));
  if (result.corrections?.length) {
    parts.push(h('a', { class: 'badge badge-correction', href: `${here}#corrections`,
      title: 'The page carries a correction notice' }, 'Corrected'));
  }
  parts.forEach((part, i) => {
    if (i > 0) meta.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' \u00b7 '));
    meta.append(part);
  });
  const title = result.title || '(untitled)';
  const original = externalUrl(result.url);
  const links = h('p', { class: 'hit-links' });
  if (original) {
    links.append(h('a', { href: original, class: 'hit-source', rel: 'noopener noreferrer external' }, 'source \u2197',
      h('span', { class: 'visually-hidden' }, `: the original of ${title}`)));
    links.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' \u00b7 '));
  }
  links.append(h('a', { href: `${here}#cite`, class: 'hit-cite' }, 'Cite', h('span', { class: 'visually-hidden' }, ` ${title}`)));
  return h('li', { class: 'hit' },
    h('h3', { class: 'hit-title' }, h('a', { href: here }, title)),
    meta,
    result.copies?.length ? copiesLine(result.copies, params) : null,
    result.snippet ? h('p', { class: 'hit-snippet' }, snippetNodes(result.snippet)) : null,
    links);
}

function sortLinks(params, browsing) {
  const current = params.get('sort') || (browsing ? 'newest' : 'relevance');
  const nav = h('nav', { class: 'sort', 'aria-label': 'Sort order' }, h('span', { class: 'sort-label' }, 'Sort:'));
  for (const [value, text] of [['relevance', 'Relevance'], ['newest', 'Newest'], ['oldest', 'Oldest']]) {
    if (browsing && value === 'relevance') continue;
    const href = pageUrl(edited(params, (p) => {
      if (value === 'relevance') p.delete('sort'); else p.set('sort', value);
      p.delete('page');
    }));
    nav.append(h('a', { href, 'aria-current': current === value ? 'true' : null, 'data-sort': value }, text));
  }
  return nav;
}

// The page sizes offered, as the server writes them (search_page.cpp, per_page_links).
const PAGE_SIZES = [10, 20, 50];
const DEFAULT_PER_PAGE = 10;

function perPageLinks(params, current) {
  const nav = h('nav', { class: 'per-page', 'aria-label': 'Results per page' }, h('span', { class: 'sort-label' }, 'Per page:'));
  for (const size of PAGE_SIZES) {
    const href = pageUrl(edited(params, (p) => {
      if (size === DEFAULT_PER_PAGE) p.delete('per_page'); else p.set('per_page', String(size));
      p.delete('page');
    }));
    nav.append(h('a', { href, 'aria-current': size === current ? 'true' : null, 'data-per-page': String(size) }, String(size)));
  }
  return nav;
}

// The filters in force, each as [label, the state without it]
// (facets_html.cpp, filter_chips).
export function filterChips(params) {
  const chips = [];
  for (const [key, name] of [['author', 'Author'], ['site', 'Outlet'], ['tag', 'Tag'], ['year', 'Year']]) {
    for (const value of params.getAll(key)) {
      chips.push([`${name}: ${value}`, edited(params, (p) => { removeValue(p, key, value); p.delete('page'); })]);
    }
  }
  for (const value of params.getAll('genre')) {
    chips.push([`Genre: ${genreLabel(value.toLowerCase())}`,
      edited(params, (p) => { removeValue(p, 'genre', value); p.delete('page'); })]);
  }
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (from || to) {
    const text = from === to ? readableDate(from)
      : `${from ? readableDate(from) : '\u2026'} \u2013 ${to ? readableDate(to) : '\u2026'}`;
    chips.push([`Dates: ${text}`, edited(params, (p) => { p.delete('from'); p.delete('to'); p.delete('page'); })]);
  }
  return chips;
}

export function renderChips(params) {
  const chips = filterChips(params);
  if (chips.length === 0) return null;
  const list = h('ul', { class: 'chips', 'aria-label': 'Filters in force' });
  for (const [text, without] of chips) {
    list.append(h('li', {}, h('a', { class: 'chip', href: pageUrl(without), 'aria-label': `Remove filter ${text}` },
      h('span', { class: 'chip-label' }, text), h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '\u00d7'))));
  }
  const cleared = edited(params, (p) => { for (const k of [...FILTER_KEYS, 'page']) p.delete(k); });
  list.append(h('li', {}, h('a', { class: 'chips-clear', href: pageUrl(cleared) }, 'Clear all')));
  return list;
}

// On a phone, the link that opens the filters panel, with the number of
// filters in force (search_page.cpp writes the same).
function filtersToggle(params) {
  const active = filterChips(params).length;
  return h('a', { class: 'filters-toggle', href: '#facets', 'aria-controls': 'facets' },
    active === 0 ? 'Filters' : `Filters (${active})`);
}

// The filters panel's head, shown on a phone (search_page.cpp writes the same).
export function facetsHead() {
  return h('div', { class: 'facets-head' }, h('h2', { class: 'facets-title' }, 'Filters'),
    h('a', { class: 'facets-close', href: '#results' }, 'Show results'));
}

// No matches: what to do next, as the server writes it (search_page.cpp,
// empty_results).
function emptyResults(data, params) {
  const q = params.get('q') ?? '';
  const box = h('div', { class: 'empty' });
  box.append(q ? h('h3', {}, 'No articles match ', h('q', {}, q), '.') : h('h3', {}, 'No articles match these filters.'));
  if (data.corrected) {
    const fixed = edited(params, (p) => { p.set('q', data.corrected); p.delete('page'); p.delete('spell'); });
    box.append(h('p', {}, 'Did you mean ', h('a', { href: pageUrl(fixed), class: 'corrected' }, data.corrected), '?'));
  }
  const filters = filterChips(params);
  if (filters.length > 0) {
    box.append(h('p', { id: 'remove-filters-label' }, 'Remove a filter:'));
    box.append(h('ul', { class: 'remove-filters', 'aria-labelledby': 'remove-filters-label' },
      filters.map(([text, without]) => h('li', {}, h('a', { href: pageUrl(without), class: 'remove-filter' }, `Remove ${text}`)))));
    if (q) {
      const wordsOnly = edited(params, (p) => { for (const k of [...FILTER_KEYS, 'page']) p.delete(k); });
      box.append(h('p', {}, h('a', { href: pageUrl(wordsOnly), class: 'unfiltered' }, 'Search all articles for these words')));
    }
  }
  if (q) box.append(h('p', {}, 'Check the spelling, try fewer words, or join alternatives with OR.'));
  box.append(h('p', {}, h('a', { href: route('/'), class: 'browse-all' }, 'Browse all articles, newest first')));
  return box;
}

// A page past the last: no more results, and the way to the last page
// (search_page.cpp, past_end).
function pastEnd(data, params) {
  const last = lastPage(data.total, data.per_page);
  const toLast = edited(params, (p) => { if (last <= 1) p.delete('page'); else p.set('page', String(last)); });
  return h('div', { class: 'empty past-end' },
    h('h3', {}, 'No more results'),
    h('p', {}, `Page ${params.get('page') ?? ''} is past the end: the last page of these ${plural(data.total, 'article', 'articles')} is page ${formatCount(last)}.`),
    h('p', {}, h('a', { href: pageUrl(toLast), class: 'last-page' }, `Go to the last page (page ${formatCount(last)})`)));
}

// Dates the server refused ({param, message} of /api/search's error), or
// null: the date fields marked, with the message beside them, as the server
// writes them (search_page.cpp, date_range).
export function markDates(error, params) {
  const range = document.querySelector('.date-range');
  if (!range) return;
  range.querySelector('#date-error')?.remove();
  range.classList.toggle('invalid', Boolean(error));
  const marked = { from: Boolean(error) && (error.param === 'from' || Boolean(params.get('from'))), to: error?.param === 'to' };
  for (const id of ['from', 'to']) {
    const input = range.querySelector(`#${id}`);
    if (!input) continue;
    if (marked[id]) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'date-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }
  if (error) range.append(h('p', { id: 'date-error', class: 'field-error' }, `These dates were not applied: ${error.message}.`));
}

// The results are for the query's spelling correction: say so, and link to
// the words as typed, searched with the correction turned off.
function spellingNotice(data, params) {
  const fixed = edited(params, (p) => { p.set('q', data.corrected); p.delete('page'); p.delete('spell'); });
  const typed = edited(params, (p) => { p.set('q', data.query); p.delete('page'); p.set('spell', '0'); });
  return h('div', { class: 'spelling' },
    h('p', { class: 'showing-corrected' }, 'Showing results for ',
      h('a', { href: pageUrl(fixed), class: 'corrected' }, h('strong', {}, data.corrected))),
    h('p', { class: 'search-instead' }, 'Search instead for ',
      h('a', { href: pageUrl(typed), class: 'original' }, data.query)));
}

function pagination(page, last, params) {
  if (last <= 1) return null;
  const nav = h('nav', { class: 'pagination', 'aria-label': 'Pages of results' });
  const to = (p) => pageUrl(edited(params, (c) => { if (p <= 1) c.delete('page'); else c.set('page', String(p)); }));
  if (page > 1) nav.append(h('a', { href: to(page - 1), rel: 'prev', class: 'page-prev' }, '\u2190 Previous'));
  let shown = 0;
  for (let p = 1; p <= last; p++) {
    const near = p === 1 || p === last || (p + 2 >= page && p <= page + 2);
    if (!near) {
      if (shown + 1 === p) nav.append(h('span', { class: 'page-gap', 'aria-hidden': 'true' }, '\u2026'));
      continue;
    }
    shown = p;
    nav.append(h('a', { href: to(p), 'aria-current': p === page ? 'page' : null, class: 'page-num' }, String(p)));
  }
  if (page < last) nav.append(h('a', { href: to(page + 1), rel: 'next', class: 'page-next' }, 'Next \u2192'));
  return nav;
}

export function lastPage(total, perPage) {
  return Math.max(1, Math.min(Math.ceil(total / perPage), Math.floor(MAX_DEPTH / perPage)));
}

export function resultsHeading(params) {
  if (isFront(params)) return 'Newest articles';
  return params.get('q') ? 'Results' : 'Articles';
}

// Time read from the words as a date filter ("since 2016"), as the server writes it.
function timeWordsNotice(data, params) {
  const t = data.time_words;
  const literal = edited(params, (p) => { p.delete('page'); p.set('literal', '1'); });
  const reading = t.reading.charAt(0).toUpperCase() + t.reading.slice(1);
  return h('p', { class: 'time-words' },
    h('span', { class: 'time-reading' }, reading),
    ` (read from \u201C${t.text}\u201D) `,
    h('a', { href: pageUrl(literal), class: 'search-literally' }, `Search \u201C${data.query}\u201D as words`));
}

export function renderResults(data, params) {
  const browsing = !params.get('q');
  const section = h('section', { id: 'results', class: 'results', 'aria-labelledby': 'results-heading' });
  const summary = h('p', { class: 'summary' },
    h('span', { class: 'summary-count' }, `${data.total_is_exact ? '' : 'About '}${plural(data.total, 'article', 'articles')}`));
  const first = (data.page - 1) * data.per_page + 1;
  if (data.results.length > 0 && data.total > data.per_page) {
    summary.append(h('span', { class: 'summary-range' },
      `, showing ${formatCount(first)}\u2013${formatCount(first + data.results.length - 1)}`));
  }
  summary.append(h('span', { class: 'summary-took' }, ` in ${took(data.took_ms)}`));
  section.append(h('div', { class: 'results-head' },
    h('h2', { id: 'results-heading', class: 'results-heading', tabindex: '-1' }, resultsHeading(params)),
    summary, data.total > 0 ? sortLinks(params, browsing) : null,
    data.total > PAGE_SIZES[0] || params.has('per_page') ? perPageLinks(params, data.per_page) : null,
    data.total > 0 ? filtersToggle(params) : null));
  section.append(renderChips(params) ?? '');
  const authors = params.getAll('author');
  if (authors.length === 1) {
    section.append(h('p', { class: 'author-callout' },
      h('a', { href: authorUrl(authors[0]) }, `About ${authors[0]}: timeline, outlets, distinctive words`)));
  }
  if (data.showing_corrected) {
    section.append(spellingNotice(data, params));
  } else if (data.corrected && data.total > 0) {
    const fixed = edited(params, (p) => { p.set('q', data.corrected); p.delete('page'); p.delete('spell'); });
    section.append(h('p', { class: 'did-you-mean' }, 'Did you mean ',
      h('a', { href: pageUrl(fixed), class: 'corrected' }, data.corrected), '?'));
  }
  if (data.time_words) section.append(timeWordsNotice(data, params));
  if (data.notice) section.append(h('p', { class: 'notice' }, data.notice));
  const beyond = data.results.length === 0 && data.total > 0;
  if (data.results.length === 0) {
    section.append(data.total === 0 ? emptyResults(data, params) : pastEnd(data, params));
  } else {
    const list = h('ol', { class: 'hits', start: first });
    // Articles open with the words the results are for marked.
    const shown = data.showing_corrected ? edited(params, (p) => p.set('q', data.corrected)) : params;
    data.results.forEach((result, i) => list.append(hit(result, shown, first + i)));
    section.append(list);
  }
  if (!beyond) section.append(pagination(data.page, lastPage(data.total, data.per_page), params) ?? '');
  const feed = edited(params, (p) => { p.delete('page'); p.delete('sort'); p.delete('per_page'); });
  section.append(h('p', { class: 'feed-link' },
    h('a', { href: pageUrl(feed, '/feed'), type: 'application/atom+xml' }, 'Atom feed of these articles, newest first')));
  return section;
}

// The find box, as the server writes it: a GET form of the page's state and
// the text to find (web/facets.js answers it from /api/search instead).
export function findForm(key, label, params, value = '') {
  const form = h('form', { class: 'facet-find-form', action: route('/'), method: 'get', 'aria-label': label });
  for (const [name, v] of canonical(params)) form.append(h('input', { type: 'hidden', name, value: v }));
  form.append(
    h('input', { type: 'search', class: 'facet-find', name: `${key}_find`, value, placeholder: label, 'aria-label': label,
      maxlength: FIND_MAX_BYTES, autocomplete: 'off', spellcheck: 'false' }),
    h('button', { type: 'submit', class: 'facet-find-go' }, 'Find'));
  return form;
}

// What a find found, and the way back to the whole list.
export function findSummary(noun, find, found, params) {
  const text = found === 0 ? `No ${noun} matches \u201c${find}\u201d. `
    : `${plural(found, noun, `${noun}s`)} matching \u201c${find}\u201d. `;
  return h('p', { class: 'facet-found' }, text,
    h('a', { href: pageUrl(params), class: 'facet-find-clear' }, `Show all ${noun}s`));
}

// The <li> of each value, the first FACET_VISIBLE shown when `collapsible`.
export function facetItems(key, values, params, collapsible) {
  return values.map((v, i) => {
    const active = params.getAll(key).includes(v.value);
    const cls = [collapsible && i >= FACET_VISIBLE ? 'extra' : '', active ? 'active' : ''].filter(Boolean).join(' ');
    // Read by its visible text, as the server writes it (parts.cpp,
    // facet_value); it lands on the results.
    const shown = key === 'genre' ? genreLabel(v.value) : v.value;
    return h('li', { class: cls || null },
      h('a', { href: `${pageUrl(toggled(params, key, v.value))}#results`, 'aria-current': active ? 'true' : null },
        h('span', { class: 'facet-name' }, shown), ' ',
        h('span', { class: 'facet-count' }, formatCount(v.count),
          h('span', { class: 'visually-hidden' }, v.count === 1 ? ' article' : ' articles')),
        active ? h('span', { class: 'visually-hidden' }, ' (selected; choose to remove)') : null));
  });
}

function facetSection(key, heading, find, values, params) {
  if (!values?.length) return null;
  const id = `facet-${key}`;
  const section = h('section', { class: 'facet', 'data-facet': key, 'aria-labelledby': id },
    h('h2', { id, class: 'facet-heading' }, heading));
  const collapsible = values.length > FACET_VISIBLE;
  if (find && collapsible) section.append(findForm(key, find, params));
  section.append(h('ul', { class: 'facet-list' }, facetItems(key, values, params, collapsible)));
  if (collapsible) {
    section.append(h('button', { type: 'button', class: 'facet-more', 'aria-expanded': 'false', hidden: 'hidden' },
      `Show all ${values.length}`));
  }
  return section;
}

export function renderFacets(facets, params) {
  const frag = document.createDocumentFragment();
  for (const section of [
    facetSection('author', 'Authors', 'Find an author', facets?.author, params),
    facetSection('genre', 'Genres', '', facets?.genre, params),
    facetSection('site', 'Outlets', '', facets?.site, params),
    facetSection('tag', 'Tags', 'Find a tag', facets?.tag, params),
  ]) {
    if (section) frag.append(section);
  }
  return frag;
}
