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
      // Hidden until the script shows it: a control that needs it.
      assert.equal(await page.locator('.facet-more:visible').count(), 0);
    }, noScript);
  });

  it('the author find box is a form that finds any author of the results', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?sort=oldest'));
      const facet = page.locator('[data-facet="author"]');
      assert.equal(await facet.locator('.facet-name', { hasText: 'Zephaniah Quarles' }).count(), 0);
      await facet.locator('.facet-find').fill('Zeph');
      await Promise.all([page.waitForURL(/author_find=Zeph/), facet.locator('.facet-find-go').click()]);
      assert.equal(new URL(page.url()).searchParams.get('sort'), 'oldest');
      await facet.locator('.facet-found', { hasText: '1 author matching' }).waitFor();
      const found = facet.locator('.facet-list a');
      assert.equal(await found.count(), 1);
      await Promise.all([page.waitForURL(/author=Zephaniah/), found.click()]);
      const url = new URL(page.url()).searchParams;
      assert.equal(url.get('author'), 'Zephaniah Quarles');
      assert.equal(url.get('sort'), 'oldest');
      assert.equal(url.has('author_find'), false);
      assert.equal(await page.locator('.hit').count(), 1);
    }, noScript);
  });

  it('the date form and sorting work by submitting and following links', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=government'));
      await page.locator('#from').fill('1788');
      await Promise.all([page.waitForURL(/from=1788/), page.locator('.date-apply').click()]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'government');
      const dates = await page.locator('.hit time:not(.updated > time)').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.ok(dates.length > 0 && dates.every((d) => d >= '1788'));
      await Promise.all([page.waitForURL(/sort=newest/), page.locator('.sort a[data-sort="newest"]').click()]);
      const sorted = await page.locator('.hit time:not(.updated > time)').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.deepEqual(sorted, [...sorted].sort().reverse());
    }, noScript);
  });
});
