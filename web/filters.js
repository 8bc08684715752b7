// The filters panel on a phone (web/search.css: below 52rem the facets are a
// panel over the page). Without the script the "Filters" link opens it as
// its :target and "Show results" closes it; with the script both toggle the
// class "open" instead, focus moves into the panel and back, the page
// behind is inert while it is open, and Escape closes it.

const $ = (id) => document.getElementById(id);

export function panelOpen() {
  return Boolean($('facets')?.classList.contains('open'));
}

// What is behind the panel: everything in the page but the panel.
function behind() {
  const main = document.querySelector('main');
  return [...document.body.children].filter((el) => el !== main)
    .concat([...(main?.children ?? [])].filter((el) => !el.classList.contains('layout')))
    .concat([...document.querySelectorAll('.layout > :not(#facets)')]);
}

function setOpen(open) {
  const panel = $('facets');
  if (!panel) return;
  panel.classList.toggle('open', open);
  for (const el of behind()) el.inert = open;
  for (const toggle of document.querySelectorAll('.filters-toggle')) toggle.setAttribute('aria-expanded', String(open));
}

export function openPanel() {
  setOpen(true);
  const title = document.querySelector('.facets-title');
  title?.setAttribute('tabindex', '-1');
  title?.focus();
}

// `focus`: 'toggle' (back to the opener) or null (the caller moves it).
export function closePanel(focus = 'toggle') {
  if (!panelOpen()) return;
  setOpen(false);
  if (focus === 'toggle') document.querySelector('.filters-toggle')?.focus();
}

export function initFiltersPanel() {
  for (const toggle of document.querySelectorAll('.filters-toggle')) toggle.setAttribute('aria-expanded', 'false');
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (event.target.closest?.('.filters-toggle')) {
      event.preventDefault();
      openPanel();
    } else if (event.target.closest?.('.facets-close')) {
      event.preventDefault();
      closePanel();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panelOpen()) closePanel();
  });
  // A link to the open panel (its URL without the script) opens it.
  if (location.hash === '#facets') openPanel();
}
