// The search page's state is its URL: the same parameters as /api/search,
// kept in one order so that equal states have equal URLs.

// Where the pages are: "/", or "/archive/" when oped serves them under a
// base path (oped serve --base-path). This file is served from there, so its
// own URL says; every link and request the scripts make goes through route().
export const BASE = new URL('./', import.meta.url).pathname;

// "/doc/x" -> BASE + "doc/x"; "/" -> BASE.
export function route(path) {
  return BASE + path.replace(/^\/+/, '');
}

export const KEYS = ['q', 'author', 'site', 'tag', 'year', 'genre', 'from', 'to', 'sort', 'page', 'per_page', 'spell',
  'literal', 'collapse'];
export const FILTER_KEYS = ['author', 'site', 'tag', 'year', 'genre', 'from', 'to'];

// Other names a genre is typed by, and the stored name each stands for
// (schema.cpp, canonical_genre).
const GENRES = ['opinion', 'editorial', 'letter', 'analysis', 'news', 'review', 'other'];
const GENRE_ALIASES = {
  'op-ed': 'opinion', oped: 'opinion', column: 'opinion', columns: 'opinion', opinions: 'opinion',
  editorials: 'editorial', letters: 'letter', reviews: 'review', report: 'news', reporting: 'news',
};

// "Letters" -> "letter"; a name that is no genre stays as typed (the API
// refuses it, saying which names there are).
export function canonicalGenre(value) {
  const folded = value.trim().toLowerCase();
  if (GENRES.includes(folded)) return folded;
  return Object.hasOwn(GENRE_ALIASES, folded) ? GENRE_ALIASES[folded] : value;
}

// The state in its one spelling: keys in order, no empty values, genres by
// their stored names (links.cpp, SearchLink).
export function canonical(params) {
  const out = new URLSearchParams();
  for (const key of KEYS) {
    for (const typed of params.getAll(key)) {
      const value = key === 'genre' ? canonicalGenre(typed) : typed;
      if (value && !out.getAll(key).includes(value)) out.append(key, value);
    }
  }
  return out;
}

// A route ("/", "/feed") with the state's parameters.
export function pageUrl(params, path = '/') {
  return withParams(route(path), params);
}

// A path already under BASE (one read from a link) with the parameters.
export function withParams(pathname, params) {
  const qs = canonical(params).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

// A copy of `params` changed by `edit(copy)`.
export function edited(params, edit) {
  const copy = new URLSearchParams(params);
  edit(copy);
  return canonical(copy);
}

export function removeValue(params, key, value) {
  const kept = params.getAll(key).filter((v) => v !== value);
  params.delete(key);
  for (const v of kept) params.append(key, v);
}

export function addValue(params, key, value) {
  if (!params.getAll(key).includes(value)) params.append(key, value);
}

export function toggled(params, key, value) {
  return edited(params, (p) => {
    if (p.getAll(key).includes(value)) removeValue(p, key, value);
    else addValue(p, key, value);
    p.delete('page');
  });
}

export function isFront(params) {
  return !['q', ...FILTER_KEYS].some((k) => params.getAll(k).some((v) => v));
}
