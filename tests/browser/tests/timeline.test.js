// Issue 12 item 9 (and item 3's tap targets): the timeline's labels sit
// under their bars at any number of bars, thinned so they never overlap;
// the value of the bar under the pointer or focus is shown on the page; the
// drag hint shows only where dragging works; on a phone each bar is at
// least a 24 px target.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VIEWPORTS } from '../lib/browser.js';
import { setUp, withPage } from '../lib/harness.js';

const env = setUp();

// Pages whose timelines have many bars (years), a few dozen (months), a few, and one.
const CHARTS = ['/', '/?q=liberty&from=1711&to=1712', '/?q=liberty&from=1711-03&to=1711-06', '/?q=liberty&from=1711-05&to=1711-05'];

// Each shown label's text box and the box of the bar above it.
async function labelsAndBars(page) {
  return page.evaluate(() => {
    const bars = [...document.querySelectorAll('#timeline .tl-bin .tl-hit')].map((r) => r.getBoundingClientRect());
    return [...document.querySelectorAll('#timeline .tl-tick')].map((tick, i) => {
      if (getComputedStyle(tick).visibility === 'hidden' || !tick.textContent) return null;
      const range = document.createRange();
      range.selectNodeContents(tick);
      const text = range.getBoundingClientRect();
      return { i, label: tick.textContent, left: text.left, right: text.right, bar: { left: bars[i].left, right: bars[i].right } };
    }).filter(Boolean);
  });
}

describe('timeline', () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`labels sit under their bars and never overlap, at any number of bars (${size})`, async (t) => {
      await withPage(env, t, async (page) => {
        for (const path of CHARTS) {
          await page.goto(env.server.url(path));
          const bins = await page.locator('#timeline .tl-bin').count();
          assert.ok(bins > 0, path);
          const labels = await labelsAndBars(page);
          assert.ok(labels.length >= Math.min(bins, 2), `${path}: ${labels.length} labels for ${bins} bars`);
          assert.equal(labels[0].i, 0, `${path}: the first bar has no label`);
          for (const l of labels) {
            const centre = (l.left + l.right) / 2;
            assert.ok(centre >= l.bar.left - 0.5 && centre <= l.bar.right + 0.5, `${path}: ${l.label} is not under its bar`);
          }
          for (let k = 1; k < labels.length; k++) {
            assert.ok(labels[k].left >= labels[k - 1].right, `${path}: ${labels[k - 1].label} and ${labels[k].label} overlap`);
          }
          // Thinned evenly: the same number of bars between labels.
          const gaps = new Set(labels.slice(1).map((l, k) => l.i - labels[k].i));
          assert.ok(gaps.size <= 1, `${path}: uneven labels ${[...gaps]}`);
        }
      }, { viewport });
    });
  }

  it('the value of the hovered or focused bar is shown on the page, and the drag hint only with the script', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const readout = page.locator('#timeline .timeline-readout');
      assert.ok(await page.locator('#timeline .timeline-hint').isVisible());
      const bar = page.locator('#timeline a.tl-bin').nth(1);
      await bar.hover();
      assert.equal(await readout.textContent(), await bar.getAttribute('aria-label'));
      assert.ok(await readout.isVisible());
      const last = page.locator('#timeline a.tl-bin').last();
      await last.focus();
      assert.equal(await readout.textContent(), await last.getAttribute('aria-label'));
    });
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      assert.equal(await page.locator('#timeline .timeline-hint').isVisible(), false, 'a drag hint where nothing can be dragged');
    }, { javaScript: false });
  });

  it('on a phone each bar is a target at least 24 px wide and tall, and the page does not scroll sideways', async (t) => {
    await withPage(env, t, async (page) => {
      for (const path of ['/', '/?q=liberty', '/author/Alexander%20Hamilton']) {
        await page.goto(env.server.url(path));
        const boxes = await page.locator('#timeline a.tl-bin .tl-hit').evaluateAll((rects) =>
          rects.map((r) => r.getBoundingClientRect()).map((b) => ({ width: b.width, height: b.height })));
        assert.ok(boxes.length > 0, path);
        const small = boxes.filter((b) => b.width < 24 - 0.01 || b.height < 24);
        assert.deepEqual(small, [], `${path}: bars smaller than 24 px`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= VIEWPORTS.phone.width, path);
      }
    }, { viewport: VIEWPORTS.phone });
  });
});
