// Building DOM from data without ever parsing it as HTML: text goes in as
// text nodes, attributes through setAttribute. The one exception, search
// snippets, is rebuilt from text and <mark> nodes (snippetNodes).

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

// h('a', {href: '/x', class: 'y'}, 'text', childNode, ...)
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  return append(el, children);
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

function decode(text) {
  return text.replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]);
}

// A snippet is escaped text with <mark> around matches. Only the marks
// become elements; everything else, whatever it looks like, stays text.
export function snippetNodes(snippet) {
  const frag = document.createDocumentFragment();
  let mark = null;
  let last = 0;
  const put = (text) => {
    if (text) (mark ?? frag).append(document.createTextNode(decode(text)));
  };
  for (const m of String(snippet).matchAll(/<mark>|<\/mark>/g)) {
    put(snippet.slice(last, m.index));
    if (m[0] === '<mark>' && !mark) {
      mark = document.createElement('mark');
      frag.append(mark);
    } else if (m[0] === '</mark>') {
      mark = null;
    }
    last = m.index + m[0].length;
  }
  put(snippet.slice(last));
  return frag;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

// "1787-10-27" -> "27 October 1787"; "1787-10" -> "October 1787".
export function readableDate(iso) {
  const text = String(iso ?? '');
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31) return `${+m[3]} ${MONTHS[m[2] - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${MONTHS[m[2] - 1]} ${m[1]}`;
  return text;
}

export function formatCount(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n, one, many) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

// An article's own URL when it is http(s); else null.
export function externalUrl(url) {
  return typeof url === 'string' && /^https?:\/\/[^\s\x00-\x1f\x7f]+$/i.test(url) && url.length <= 2048 ? url : null;
}
