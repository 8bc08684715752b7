// Issue 12, items 5 and 8, with JavaScript on and off: a second author added
// from the facet (disjunctive facets: a filtered field's values count as if
// it were not filtered), and mistakes answered in place: a date range
// backwards, a page past the end, no results.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();
const noScript = { javaScript: false };
// The script asks /api/search first, which refuses these with 400 (its
// contract), then searches what the page shows.
const refused = { allow: [/status of 400/] };

const count = async (page) => Number((await page.locator('.summary-count').textContent()).replace(/\D/g, ''));
const facetValue = (page, name) => page.locator('[data-facet="author"] .facet-list a', {
  has: page.locator('.facet-name', { hasText: new RegExp(`^${name}$`) }),
});
const facetCount = async (page, name) =>
  Number((await facetValue(page, name).locator('.facet-count').textContent()).replace(/\D/g, ''));

// Goes to `path` the way the script's own links do (history and popstate),
// so the page is the script's rendering, not the server's.
async function scriptGoto(page, path) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await until(page, (p, want) => `?${p}` === new URL(want, 'http://x').search, path);
}

// Thomas Paine and Samuel Johnson never wrote together: with Paine chosen,
// Johnson is no co-author of the results, and is listed all the same.
async function addSecondAuthor(page, { javaScript }) {
  await page.goto(env.server.url('/?q=liberty'));
  const paine = await facetCount(page, 'Thomas Paine');
  const johnson = await facetCount(page, 'Samuel Johnson');
  const follow = async (name) => {
    const link = facetValue(page, name);
    if (javaScript) {
      await link.click();
      await until(page, (p, n) => p.getAll('author').includes(n), name);
    } else {
      await Promise.all([page.waitForURL(new RegExp(`author=${name.split(' ')[0]}`)), link.click()]);
    }
  };
  await follow('Thomas Paine');
  assert.equal(await count(page), paine);
  assert.equal(await facetCount(page, 'Samuel Johnson'), johnson, 'Johnson not listed with his own count');
  await follow('Samuel Johnson');
  const url = new URL(page.url()).searchParams;
  assert.deepEqual(url.getAll('author').sort(), ['Samuel Johnson', 'Thomas Paine']);
  assert.equal(await count(page), paine + johnson, 'two authors are either one');
  const active = await page.locator('[data-facet="author"] li.active .facet-name').allTextContents();
  assert.deepEqual(active.sort(), ['Samuel Johnson', 'Thomas Paine']);
  assert.equal(await facetCount(page, 'Thomas Paine'), paine);
  for (const authors of await page.locator('.hit .hit-authors').allTextContents()) {
    assert.ok(/Thomas Paine|Samuel Johnson/.test(authors), `a result by ${authors}`);
  }
  // Another author still widens the choice.
  assert.ok(await page.locator('[data-facet="author"] li:not(.active)').count() > 0);
}

async function expectDatesMarked(page, liberty) {
  for (const id of ['from', 'to']) {
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-describedby'), 'date-error', id);
  }
  assert.match(await page.locator('.date-range #date-error').textContent(),
    /These dates were not applied: to \(1787\) is before from \(1788\)\./);
  assert.equal(await page.locator('#from').inputValue(), '1788');
  assert.equal(await page.locator('#to').inputValue(), '1787');
  // The rest of the page: the query's results, without the dates.
  assert.equal(await count(page), liberty);
  assert.ok(await page.locator('.hit').count() > 0);
  assert.equal(await page.locator('.error-panel').count(), 0);
  assert.equal(await page.locator('.chip', { hasText: 'Dates:' }).count(), 0);
  assert.equal(await page.locator('[data-facet="author"] a[href*="from="]').count(), 0);
}

async function expectPastEnd(page, liberty) {
  const box = page.locator('.past-end');
  assert.equal(await box.locator('h3').textContent(), 'No more results');
  const last = Math.ceil(liberty / 10);
  assert.match(await box.textContent(), new RegExp(`Page 9999 is past the end: the last page of these ${liberty} articles is page ${last}\\.`));
  const link = box.locator('a.last-page');
  assert.equal(await link.textContent(), `Go to the last page (page ${last})`);
  assert.equal(new URL(await link.getAttribute('href'), 'http://x').searchParams.get('page'), String(last));
  assert.equal(await page.locator('.hit').count(), 0);
  assert.equal(await page.locator('.pagination').count(), 0);
  return last;
}

const NO_RESULTS = '/?q=constitushun&author=Samuel+Johnson&from=1750&spell=0';

async function expectWaysOut(page) {
  const box = page.locator('.empty');
  await box.locator('h3', { hasText: 'No articles match' }).waitFor();
  assert.equal(await box.locator('a.corrected').textContent(), 'constitution');
  const removals = box.locator('ul.remove-filters a.remove-filter');
  assert.deepEqual(await removals.allTextContents(), ['Remove Author: Samuel Johnson', 'Remove Dates: 1750 \u2013 \u2026']);
  const withoutAuthor = new URL(await removals.first().getAttribute('href'), 'http://x').searchParams;
  assert.equal(withoutAuthor.has('author'), false);
  assert.equal(withoutAuthor.get('from'), '1750');
  assert.equal(await box.locator('a.unfiltered').count(), 1);
  assert.equal(await box.locator('a.browse-all').getAttribute('href'), env.server.path('/'));
}

describe('more than one author, and errors in place', () => {
  it('a second author is added by clicking the facet (script)', async (t) => {
    await withPage(env, t, (page) => addSecondAuthor(page, { javaScript: true }));
  });

  it('a second author is added by following the facet link (no script)', async (t) => {
    await withPage(env, t, (page) => addSecondAuthor(page, { javaScript: false }), noScript);
  });

  it('a date range backwards marks the date fields and shows the results without it (no script)', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const liberty = await count(page);
      const response = await page.goto(env.server.url('/?q=liberty&from=1788&to=1787'));
      assert.equal(response.status(), 200);
      await expectDatesMarked(page, liberty);
    }, noScript);
  });

  it('a date range backwards marks the date fields and shows the results without it (script)', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const liberty = await count(page);
      await page.locator('#from').fill('1788');
      await page.locator('#to').fill('1787');
      await page.locator('.date-apply').click();
      await until(page, (p) => p.get('from') === '1788' && p.get('to') === '1787');
      await page.locator('#date-error').waitFor();
      await expectDatesMarked(page, liberty);
      // Put right, the marks go.
      await page.locator('#to').fill('1790');
      await page.locator('.date-apply').click();
      await until(page, (p) => p.get('to') === '1790');
      assert.equal(await page.locator('#date-error').count(), 0);
      assert.equal(await page.locator('#to').getAttribute('aria-invalid'), null);
      await page.locator('.chip', { hasText: 'Dates:' }).waitFor();
    }, refused);
  });

  it('page=9999 says there are no more results and links to the last page (no script)', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const liberty = await count(page);
      const response = await page.goto(env.server.url('/?q=liberty&page=9999'));
      assert.equal(response.status(), 200);
      const last = await expectPastEnd(page, liberty);
      await Promise.all([page.waitForURL(new RegExp(`page=${last}$`)), page.locator('a.last-page').click()]);
      assert.ok(await page.locator('.hit').count() > 0);
      assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), String(last));
    }, noScript);
  });

  it('page=9999 says there are no more results and links to the last page (script)', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const liberty = await count(page);
      await scriptGoto(page, '/?q=liberty&page=9999');
      const last = await expectPastEnd(page, liberty);
      await page.locator('a.last-page').click();
      await until(page, (p, l) => p.get('page') === String(l), last);
      assert.ok(await page.locator('.hit').count() > 0);
      assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), String(last));
    }, refused);
  });

  it('no results offers the correction, a link removing each filter, and browsing (no script)', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url(NO_RESULTS));
      await expectWaysOut(page);
      await Promise.all([page.waitForURL((u) => !u.searchParams.has('author')), page.locator('a.remove-filter').first().click()]);
      assert.equal(new URL(page.url()).searchParams.get('from'), '1750');
    }, noScript);
  });

  it('no results offers the correction, a link removing each filter, and browsing (script)', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      await scriptGoto(page, NO_RESULTS);
      await expectWaysOut(page);
      await page.locator('a.remove-filter').first().click();
      await until(page, (p) => !p.has('author') && p.get('from') === '1750');
    });
  });
});
