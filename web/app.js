// oped's script: enhancements over server-rendered pages, which work
// without it. Loaded as a module (no inline script: the CSP forbids it).

import { initCopyButtons } from './cite.js';
import { initFacets, listKeys } from './facets.js';
import { initSearch } from './search.js';
import { attachTimeline } from './timeline.js';

document.documentElement.classList.add('js');

function init() {
  const page = document.body.dataset.page;
  initFacets(document);
  if (page === 'search') {
    initSearch();
  } else {
    attachTimeline(document.getElementById('timeline'), (url) => location.assign(url));
  }
  initCopyButtons(document);
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
