// Facet lists: the first few values with "show all", a box to find a value
// in a long list, and arrow keys to move along a list.

function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function setUp(section) {
  const more = section.querySelector('.facet-more');
  const find = section.querySelector('.facet-find');
  const items = [...section.querySelectorAll('.facet-list li')];
  if (more) {
    section.classList.add('collapsed');
    more.hidden = false;
    const count = items.length;
    more.addEventListener('click', () => {
      const collapsed = section.classList.toggle('collapsed');
      more.setAttribute('aria-expanded', String(!collapsed));
      more.textContent = collapsed ? `Show all ${count}` : 'Show fewer';
    });
  }
  if (find) {
    find.hidden = false;
    const none = document.createElement('p');
    none.className = 'facet-none';
    none.hidden = true;
    none.textContent = 'None of these match.';
    section.querySelector('.facet-list').after(none);
    find.addEventListener('input', () => {
      const wanted = fold(find.value.trim());
      let shown = 0;
      for (const li of items) {
        const match = !wanted || fold(li.querySelector('.facet-name').textContent).includes(wanted);
        li.hidden = !match;
        if (match) shown++;
      }
      // While finding, every match shows, not only the first few.
      section.classList.toggle('finding', wanted !== '');
      if (more) {
        more.hidden = wanted !== '';
        section.classList.toggle('collapsed', wanted === '' && more.getAttribute('aria-expanded') !== 'true');
      }
      none.hidden = shown > 0;
    });
  }
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
