// The timeline chart: bars of matching articles per year or month, drawn
// like the server draws them; choosing a bar or dragging across bars sets
// the from/to dates. Arrow keys move between bars.

import { h, s, plural, readableDate } from './dom.js';
import { edited, pageUrl, withParams } from './state.js';

const BIN = 10;
const BAR = 8;
const HEIGHT = 100;
const MIN_BINS_WIDE = 12;
// As the server draws it (parts.cpp, render_timeline): a bin is at least a
// 24 px target on a phone; axis labels thinned to fit, one every `step` bins.
const TAP_PX = 24;
const WIDE_PX = 480;
const NARROW_PX = 330;
const LABEL_PX = { year: 44, month: 72 };

function label(unit, period) {
  return unit === 'month' ? readableDate(period) : period;
}

function axisLabel(unit, period) {
  if (unit !== 'month') return period;
  const [month, year] = readableDate(period).split(' ');
  return `${month.slice(0, 3)} ${year}`;
}

const labelStep = (labelPx, binPx) => Math.max(1, Math.ceil(labelPx / binPx));

export function renderTimeline(timeline, params, caption) {
  const unit = timeline?.unit ?? 'year';
  const bins = timeline?.bins ?? [];
  const figure = h('figure', { class: 'timeline', id: 'timeline', 'data-unit': unit });
  if (bins.length === 0) {
    figure.append(h('figcaption', { class: 'timeline-caption' }, 'Nothing to chart: no dated article matches.'));
    return figure;
  }
  const peak = Math.max(...bins.map((b) => b.count));
  const first = label(unit, bins[0].period);
  const last = label(unit, bins[bins.length - 1].period);
  const span = bins.length > 1 ? `${first}\u2013${last}` : first;
  figure.append(h('figcaption', { class: 'timeline-caption' },
    h('span', { class: 'timeline-title' }, `${caption} per ${unit}, ${span}`),
    h('span', { class: 'timeline-readout', 'aria-hidden': 'true' }),
    h('span', { class: 'timeline-hint' }, 'Choose a bar, or drag across bars, to set the dates.')));
  const slots = Math.max(bins.length, MIN_BINS_WIDE);
  const width = slots * BIN;
  const offset = Math.floor((width - bins.length * BIN) / 2);
  const svg = s('svg', {
    class: 'timeline-chart', viewBox: `0 0 ${width} ${HEIGHT}`, width: slots * TAP_PX, preserveAspectRatio: 'none',
    role: 'group', 'aria-label': `${caption} per ${unit}`,
  });
  bins.forEach((bin, i) => {
    const x = offset + i * BIN;
    const text = `${label(unit, bin.period)}: ${plural(bin.count, 'article', 'articles')}`;
    const hit = s('rect', { class: 'tl-hit', x, y: 0, width: BIN, height: HEIGHT });
    if (bin.count === 0) {
      svg.append(s('g', { class: 'tl-bin tl-empty', 'data-period': bin.period, 'data-count': 0 }, s('title', {}, text), hit));
      return;
    }
    const href = pageUrl(edited(params, (p) => { p.set('from', bin.period); p.set('to', bin.period); p.delete('page'); }));
    const barHeight = Math.max(2, (bin.count * (HEIGHT - 4)) / peak);
    svg.append(s('a', { class: 'tl-bin', href, 'data-period': bin.period, 'data-count': bin.count, 'aria-label': text },
      s('title', {}, text), hit,
      s('rect', { class: 'tl-bar', x: (x + (BIN - BAR) / 2).toFixed(1), y: (HEIGHT - barHeight).toFixed(1), width: BAR, height: barHeight.toFixed(1) })));
  });
  const labelPx = LABEL_PX[unit] ?? LABEL_PX.year;
  const wideStep = labelStep(labelPx, WIDE_PX / slots);
  const narrowStep = labelStep(labelPx, Math.max(TAP_PX, NARROW_PX / slots));
  const pads = () => Array.from({ length: slots - bins.length }, () => h('span', { class: 'tl-pad' }));
  const axis = h('div', { class: 'timeline-axis', 'aria-hidden': 'true' }, pads());
  bins.forEach((bin, i) => {
    const wide = i % wideStep === 0;
    const narrow = i % narrowStep === 0;
    const cls = ['tl-tick', wide ? 'tl-wide' : '', narrow ? 'tl-narrow' : ''].filter(Boolean).join(' ');
    axis.append(h('span', { class: cls }, wide || narrow ? axisLabel(unit, bin.period) : ''));
  });
  axis.append(...pads());
  figure.append(h('div', { class: 'timeline-plot' }, h('div', { class: 'timeline-track' }, svg, axis)));
  return figure;
}

// The URL for a range of periods, from any bar's link (they differ only in from/to).
function rangeUrl(svg, from, to) {
  const link = svg.querySelector('a.tl-bin');
  if (!link) return null;
  const url = new URL(link.getAttribute('href'), location.href);
  const params = edited(url.searchParams, (p) => { p.set('from', from); p.set('to', to); p.delete('page'); });
  return withParams(url.pathname, params);
}

// Dragging and keys. `navigate(url)` follows a link (the search page
// fetches instead of loading a page).
export function attachTimeline(figure, navigate) {
  const svg = figure?.querySelector('.timeline-chart');
  if (!svg) return;
  const bins = [...svg.querySelectorAll('.tl-bin')];
  const links = bins.filter((b) => b.tagName.toLowerCase() === 'a');
  links.forEach((a, i) => a.setAttribute('tabindex', i === links.length - 1 ? '0' : '-1'));

  // The value of the bar under the pointer or the focus, on screen.
  const readout = figure.querySelector('.timeline-readout');
  const show = (bin) => {
    if (!readout) return;
    readout.textContent = bin ? bin.querySelector('title')?.textContent ?? '' : '';
  };
  svg.addEventListener('pointerover', (event) => show(event.target.closest?.('.tl-bin')));
  svg.addEventListener('pointerleave', () => show(svg.querySelector('.tl-bin:focus')));
  svg.addEventListener('focusin', (event) => show(event.target.closest?.('.tl-bin')));
  svg.addEventListener('focusout', () => show(null));

  let start = -1;
  let current = -1;
  let dragged = false;
  const binAt = (event) => {
    const rect = svg.getBoundingClientRect();
    const units = svg.viewBox.baseVal.width;
    const offset = Math.floor((units - bins.length * BIN) / 2);
    const x = ((event.clientX - rect.left) / rect.width) * units - offset;
    return Math.min(bins.length - 1, Math.max(0, Math.floor(x / BIN)));
  };
  const paint = () => {
    const [lo, hi] = [Math.min(start, current), Math.max(start, current)];
    bins.forEach((b, i) => b.classList.toggle('selected', start >= 0 && i >= lo && i <= hi));
  };
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    start = current = binAt(event);
    dragged = false;
  });
  svg.addEventListener('pointermove', (event) => {
    if (start < 0) return;
    const at = binAt(event);
    if (at !== current) {
      current = at;
      // Capture only once a drag begins, so a plain click still reaches its bar.
      if (!dragged) svg.setPointerCapture(event.pointerId);
      dragged = true;
      paint();
    }
  });
  const finish = () => {
    if (start < 0) return;
    const [lo, hi] = [Math.min(start, current), Math.max(start, current)];
    start = -1;
    if (!dragged) {
      paint();
      return;
    }
    const url = rangeUrl(svg, bins[lo].dataset.period, bins[hi].dataset.period);
    if (url) navigate(url);
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', () => { start = -1; dragged = false; paint(); });
  // A drag ends with a click on the bar under the pointer: not a choice of it.
  svg.addEventListener('click', (event) => {
    if (dragged) {
      event.preventDefault();
      event.stopPropagation();
      dragged = false;
    }
  }, true);
  svg.addEventListener('keydown', (event) => {
    const at = links.indexOf(event.target.closest?.('a.tl-bin'));
    if (at < 0) return;
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: links.length - 1 }[event.key];
    if (to === undefined || to < 0 || to >= links.length) return;
    event.preventDefault();
    links[at].setAttribute('tabindex', '-1');
    links[to].setAttribute('tabindex', '0');
    links[to].focus();
  });
}
