// With JavaScript off the server-rendered pages still search, filter, page
// through results and pick dates: every control is a link or a GET form.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, withPage } from '../lib/harness.js';

const env = setUp();
const noScript = { javaScript: false };

describe('without JavaScript', () => {
  it('the search form, facets, timeline bars and pages all work as plain links and forms', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await page.locator('#q').fill('standing army');
      await Promise.all([page.waitForURL(/q=standing\+army/), page.locator('#q').press('Enter')]);
      assert.ok(await page.locator('.hit').count() > 0);
      assert.ok(await page.locator('.hit-snippet mark').count() > 0);

      const author = page.locator('[data-facet="author"] .facet-list a').first();
      const name = await author.locator('.facet-name').textContent();
      const expected = Number((await author.locator('.facet-count').textContent()).replace(/\D/g, ''));
      await Promise.all([page.waitForURL(/author=/), author.click()]);
      assert.equal(new URL(page.url()).searchParams.get('author'), name);
      assert.equal(Number((await page.locator('.summary-count').textContent()).replace(/\D/g, '')), expected);

      const bar = page.locator('#timeline a.tl-bin').first();
      const period = await bar.getAttribute('data-period');
      await Promise.all([page.waitForURL(/from=/), bar.click()]);
      assert.equal(new URL(page.url()).searchParams.get('from'), period);
      assert.equal(await page.locator('#from').inputValue(), period);

      await page.goto(env.server.url('/?q=liberty'));
      await Promise.all([page.waitForURL(/page=2/), page.locator('.pagination a[rel="next"]').click()]);
      assert.equal(await page.locator('ol.hits').getAttribute('start'), '11');
      // Hidden until the script shows them: controls that need it.
      assert.equal(await page.locator('.facet-find:visible').count(), 0);
      assert.equal(await page.locator('.facet-more:visible').count(), 0);
    }, noScript);
  });

  it('the date form and sorting work by submitting and following links', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=government'));
      await page.locator('#from').fill('1788');
      await Promise.all([page.waitForURL(/from=1788/), page.locator('.date-apply').click()]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'government');
      const dates = await page.locator('.hit time').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.ok(dates.length > 0 && dates.every((d) => d >= '1788'));
      await Promise.all([page.waitForURL(/sort=newest/), page.locator('.sort a[data-sort="newest"]').click()]);
      const sorted = await page.locator('.hit time').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.deepEqual(sorted, [...sorted].sort().reverse());
    }, noScript);
  });
});
