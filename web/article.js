// The article page: "Previous match" and "Next match" move through the
// words of the search marked in the text (doc_page.cpp), each brought to
// the middle of the screen rather than under its top edge. Without the
// script the page has the "Jump to the first" link only.

export function initMarkNav(root) {
  const nav = root.querySelector('.mark-nav');
  const marks = [...root.querySelectorAll('.doc-body mark, .doc-corrections mark')];
  if (!nav || marks.length === 0) return;
  const place = nav.querySelector('.mark-place');
  let current = -1;
  const show = (index) => {
    marks[current]?.classList.remove('current');
    current = (index + marks.length) % marks.length;
    const mark = marks[current];
    mark.classList.add('current');
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    place.textContent = `${current + 1} of ${marks.length}`;
  };
  nav.querySelector('.mark-next').addEventListener('click', () => show(current + 1));
  nav.querySelector('.mark-prev').addEventListener('click', () => show(current - 1));
  nav.hidden = false;
}
