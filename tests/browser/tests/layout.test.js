// Issue 12 items 3 and 4: the results near the top at 1280x900, the filters
// first (the left column, and the tab order), a page size of 10, 20 or 50;
// on a phone the filters a panel opened by "Filters (n)", with the script
// and without, and a choice that lands on the results.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VIEWPORTS } from '../lib/browser.js';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();
const noScript = { javaScript: false };

// Where the page is scrolled to has `locator` in view.
async function inView(page, locator) {
  const box = await locator.boundingBox();
  return box !== null && box.y >= -1 && box.y < page.viewportSize().height;
}

describe('layout', () => {
  it('at 1280x900 the first result starts high, under a compact timeline, with the filters to its left', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=standing+army'));
      const first = await page.locator('.hit').first().boundingBox();
      assert.ok(first.y < 400, `the first result starts at y=${first.y}`);
      const facets = await page.locator('#facets').boundingBox();
      const results = await page.locator('#results').boundingBox();
      assert.ok(facets.x + facets.width <= results.x, 'the filters are not the left column');
      assert.ok((await page.locator('.timeline-chart').boundingBox()).height <= 60, 'the timeline is not compact');
    });
  });

  for (const javaScript of [true, false]) {
    it(`the tab order follows the columns: filters, then the timeline, then the results (${javaScript ? 'script' : 'no script'})`, async (t) => {
      await withPage(env, t, async (page) => {
        await page.goto(env.server.url('/?q=liberty'));
        await page.locator('#q').focus();
        const seen = [];
        for (let i = 0; i < 400 && !seen.includes('hit'); i++) {
          await page.keyboard.press('Tab');
          seen.push(await page.evaluate(() => {
            const el = document.activeElement;
            if (el.closest('#facets')) return 'facets';
            if (el.closest('.timeline-panel')) return 'timeline';
            if (el.closest('.hit')) return 'hit';
            return 'other';
          }));
        }
        const order = seen.filter((s, i) => s !== 'other' && s !== seen[i - 1]);
        assert.deepEqual(order.filter((s, i) => order.indexOf(s) === i), ['facets', 'timeline', 'hit']);
        // An author's facts are to the right of their articles, and after them.
        await page.goto(env.server.url('/author/Alexander%20Hamilton'));
        const aside = await page.locator('aside.facets').boundingBox();
        const articles = await page.locator('.results').boundingBox();
        assert.ok(aside.x >= articles.x + articles.width, 'the author facts are not the right column');
      }, { javaScript });
    });
  }

  it('a page size of 10, 20 or 50 is chosen, and kept by pages and filters', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      assert.equal(await page.locator('.hit').count(), 10);
      await page.locator('.per-page a[data-per-page="20"]').click();
      await until(page, (p) => p.get('per_page') === '20');
      assert.equal(await page.locator('.hit').count(), 20);
      assert.equal(await page.locator('.per-page a[aria-current]').textContent(), '20');
      assert.match(await page.locator('.pagination a[rel="next"]').getAttribute('href'), /per_page=20/);
      assert.match(await page.locator('[data-facet="author"] .facet-list a').first().getAttribute('href'), /per_page=20/);
      await page.locator('.pagination a[rel="next"]').click();
      await until(page, (p) => p.get('page') === '2');
      assert.equal(await page.locator('ol.hits').getAttribute('start'), '21');
    });
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      await Promise.all([page.waitForURL(/per_page=50/), page.locator('.per-page a[data-per-page="50"]').click()]);
      assert.ok(await page.locator('.hit').count() > 20);
      const refused = await page.goto(env.server.url('/?q=liberty&per_page=500'));
      assert.equal(refused.status(), 400);
      assert.match(await page.locator('.error-panel').textContent(), /per_page must be a whole number from 1 to 100/);
    }, { ...noScript, allow: [/status of 400/] });
  });

  for (const javaScript of [true, false]) {
    it(`on a phone "Filters (n)" opens the filters over the page, and a choice lands on the results (${javaScript ? 'script' : 'no script'})`, async (t) => {
      await withPage(env, t, async (page) => {
        await page.goto(env.server.url('/?q=liberty&author=Joseph+Addison'));
        const toggle = page.locator('.filters-toggle');
        assert.equal((await toggle.textContent()).trim(), 'Filters (1)');
        const heading = page.locator('[data-facet="author"] .facet-heading');
        assert.equal(await heading.isVisible(), false, 'the filters show before they are asked for');
        // Near the top of the page, not after the results.
        assert.ok((await toggle.boundingBox()).y < VIEWPORTS.phone.height, 'the Filters button is below the first screen');
        await toggle.click();
        await heading.waitFor({ state: 'visible' });
        if (javaScript) {
          assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
          assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('#facets'))), true);
        } else {
          await page.waitForURL(/#facets$/);
        }
        // "Show results" closes it.
        await page.locator('.facets-close').click();
        await heading.waitFor({ state: 'hidden' });
        await toggle.click();
        await heading.waitFor({ state: 'visible' });
        const other = page.locator('[data-facet="author"] .facet-list li:not(.active) a').first();
        const name = await other.locator('.facet-name').textContent();
        await other.scrollIntoViewIfNeeded();
        await other.click();
        if (javaScript) {
          await until(page, (p, n) => p.getAll('author').includes(n), name);
        } else {
          await page.waitForURL(/#results$/);
          assert.ok(new URL(page.url()).searchParams.getAll('author').includes(name));
        }
        await heading.waitFor({ state: 'hidden' });
        assert.ok(await inView(page, page.locator('#results-heading')), 'the results are not in view');
        assert.equal((await page.locator('.filters-toggle').textContent()).trim(), 'Filters (2)');
      }, { viewport: VIEWPORTS.phone, javaScript });
    });
  }
});
