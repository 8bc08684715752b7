// oped's script: enhancements over server-rendered pages, which work
// without it. Loaded as a module (no inline script: the CSP forbids it).

import { initMarkNav } from './article.js';
import { initCopyButtons } from './cite.js';
import { initFacets, listKeys } from './facets.js';
import { initFiltersPanel } from './filters.js';
import { initSearch } from './search.js';
import { initSuggest } from './suggest.js';
import { attachTimeline } from './timeline.js';

document.documentElement.classList.add('js');

// The search tips open over the page; Escape or a click elsewhere closes them.
function initHelp() {
  const help = document.querySelector('.search-help');
  if (!help) return;
  help.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && help.open) {
      help.open = false;
      help.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (help.open && !help.contains(event.target)) help.open = false;
  });
}

function init() {
  const page = document.body.dataset.page;
  initFacets(document);
  if (page === 'search') {
    initFiltersPanel();
    initSearch();
  } else {
    attachTimeline(document.getElementById('timeline'), (url) => location.assign(url));
  }
  const box = document.getElementById('q') ?? document.getElementById('masthead-q');
  if (box?.form) initSuggest(box, { onChoose: () => box.form.requestSubmit() });
  initCopyButtons(document);
  if (page === 'doc') initMarkNav(document);
  initHelp();
  document.addEventListener('keydown', (event) => {
    // "/" goes to the search box, as on many sites.
    const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const box = document.getElementById('q') ?? document.getElementById('masthead-q');
      if (box) {
        event.preventDefault();
        box.focus();
        box.select();
      }
      return;
    }
    if (!typing) listKeys(event);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
