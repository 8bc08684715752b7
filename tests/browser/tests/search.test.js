// The search page with JavaScript on: results as one types, facets, the
// timeline, dates, pages, sorting, history, and readable errors.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();

const params = (page) => new URL(page.url()).searchParams;
const count = async (page) => Number((await page.locator('.summary-count').textContent()).replace(/\D/g, ''));

async function typeQuery(page, text) {
  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially(text, { delay: 20 });
  await until(page, (p, q) => p.get('q') === q, text);
}

describe('search page', () => {
  it('typing a query shows ranked results with <mark> in snippets, without reloading', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await page.evaluate(() => { window.notReloaded = true; });
      await typeQuery(page, 'standing army');
      await page.locator('.results-heading', { hasText: 'Results' }).waitFor();
      assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page reloaded');
      assert.equal(params(page).get('q'), 'standing army');
      const hits = page.locator('.hits .hit');
      assert.ok(await hits.count() > 0, 'no results');
      assert.ok(await page.locator('.hit-snippet mark').count() > 0, 'no <mark> in snippets');
      assert.ok(await count(page) >= await hits.count());
      assert.match(await page.title(), /standing army/);
    });
  });

  it('clicking an author facet filters the results, and the count matches the facet', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=constitution'));
      const value = page.locator('[data-facet="author"] .facet-list li:not(.active) a').nth(1);
      const name = await value.locator('.facet-name').textContent();
      const expected = Number((await value.locator('.facet-count').textContent()).replace(/\D/g, ''));
      await value.click();
      await until(page, (p, n) => p.getAll('author').includes(n), name);
      await page.locator('.chip', { hasText: `Author: ${name}` }).waitFor();
      assert.equal(await count(page), expected);
      const authors = await page.locator('.hit .hit-authors').allTextContents();
      assert.ok(authors.every((a) => a.includes(name)), `a result not by ${name}`);
      assert.equal(await page.locator('[data-facet="author"] li.active .facet-name').textContent(), name);
    });
  });

  it('clicking a timeline bar sets the date range', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const bar = page.locator('#timeline a.tl-bin').nth(2);
      const period = await bar.getAttribute('data-period');
      const expected = Number(await bar.getAttribute('data-count'));
      await bar.click();
      await until(page, (s, p) => s.get('from') === p, period);
      assert.equal(params(page).get('to'), period);
      assert.equal(await page.locator('#from').inputValue(), period);
      assert.equal(await page.locator('#to').inputValue(), period);
      assert.equal(await count(page), expected);
      await page.locator('.chip', { hasText: 'Dates:' }).waitFor();
    });
  });

  it('dragging across timeline bars sets a range from the first to the last', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      const bars = page.locator('#timeline a.tl-bin');
      const first = bars.first();
      const last = bars.nth(2);
      const [from, to] = [await first.getAttribute('data-period'), await last.getAttribute('data-period')];
      const a = await first.boundingBox();
      const b = await last.boundingBox();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height - 4);
      await page.mouse.down();
      await page.mouse.move((a.x + b.x) / 2, a.y + a.height - 4, { steps: 4 });
      await page.mouse.move(b.x + b.width / 2, b.y + b.height - 4, { steps: 4 });
      await page.mouse.up();
      await until(page, (p, [f, l]) => p.get('from') === f && p.get('to') === l, [from, to]);
      await page.locator('.chip', { hasText: 'Dates:' }).waitFor();
    });
  });

  it('the date inputs set an exact range', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=government'));
      await page.locator('#from').fill('1787-11');
      await page.locator('#to').fill('1787-12-31');
      await page.locator('.date-apply').click();
      await until(page, (p) => p.get('to') === '1787-12-31');
      assert.equal(params(page).get('from'), '1787-11');
      const dates = await page.locator('.hit time:not(.updated > time)').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.ok(dates.length > 0);
      assert.ok(dates.every((d) => d >= '1787-11-01' && d <= '1787-12-31'), `dates out of range: ${dates}`);
    });
  });

  it('pagination and sorting change the page in the URL and the order of results', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      const firstTitle = await page.locator('.hit-title').first().textContent();
      await page.locator('.pagination a[rel="next"]').click();
      await until(page, (p) => p.get('page') === '2');
      await page.locator('.pagination a[aria-current="page"]', { hasText: '2' }).waitFor();
      assert.equal(await page.locator('ol.hits').getAttribute('start'), '11');
      assert.notEqual(await page.locator('.hit-title').first().textContent(), firstTitle);
      await page.locator('.sort a[data-sort="oldest"]').click();
      await until(page, (p) => p.get('sort') === 'oldest');
      assert.equal(params(page).get('page'), null, 'sorting should go back to page 1');
      await page.locator('.sort a[aria-current][data-sort="oldest"]').waitFor();
      const dates = await page.locator('.hit time:not(.updated > time)').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    });
  });

  it('back and forward restore each state', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await typeQuery(page, 'militia');
      const total = await count(page);
      await page.locator('[data-facet="author"] .facet-list a').first().click();
      await until(page, (p) => p.has('author'));
      await page.locator('.chip').first().waitFor();
      const filtered = await count(page);
      assert.ok(filtered < total);

      await page.goBack();
      await until(page, (p) => !p.has('author'));
      assert.equal(await count(page), total);
      assert.equal(await page.locator('.chip').count(), 0);
      assert.equal(await page.locator('#q').inputValue(), 'militia');

      await page.goBack();
      await until(page, (p) => !p.has('q'));
      await page.locator('#intro:not([hidden])').waitFor();
      assert.equal(await page.locator('#q').inputValue(), '');

      await page.goForward();
      await until(page, (p) => p.get('q') === 'militia');
      await page.goForward();
      await until(page, (p) => p.has('author'));
      await page.locator('.chip').first().waitFor();
      assert.equal(await count(page), filtered);
    });
  });

  it('removing a chip and "clear all" drop filters', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty&author=Joseph+Addison&from=1711&to=1712'));
      assert.equal(await page.locator('.chip').count(), 2);
      await page.locator('.chip', { hasText: 'Dates' }).click();
      await until(page, (p) => !p.has('from'));
      assert.equal(await page.locator('.chip').count(), 1);
      await page.locator('.chips-clear').click();
      await until(page, (p) => !p.has('author'));
      assert.equal(params(page).get('q'), 'liberty');
      assert.equal(await page.locator('.chip').count(), 0);
    });
  });

  it('an author list can be expanded, and searched among all the authors of the results', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      const facet = page.locator('[data-facet="author"]');
      const visible = () => facet.locator('.facet-list li:visible').count();
      assert.equal(await visible(), 8);
      await facet.locator('.facet-more').click();
      assert.equal(await visible(), 50);
      await facet.locator('.facet-more').click();
      // The 60 signers of fixtures/many-signers.html put this one past the 50 listed.
      assert.equal(await facet.locator('.facet-name', { hasText: 'Zephaniah Quarles' }).count(), 0);
      await facet.locator('.facet-find').pressSequentially('zeph', { delay: 20 });
      await facet.locator('.facet-found', { hasText: '1 author matching \u201czeph\u201d' }).waitFor();
      assert.equal(await visible(), 1);
      const found = facet.locator('.facet-list li:visible a');
      assert.equal(await found.locator('.facet-name').textContent(), 'Zephaniah Quarles');
      assert.equal(new URL(page.url()).search, '', 'finding changed the URL');
      await found.click();
      await until(page, (p) => p.get('author') === 'Zephaniah Quarles');
      assert.equal(await count(page), 1);
      assert.equal(await page.locator('.hit-title').textContent(), 'A Petition of the Inhabitants of the Town of Concord');
      assert.equal(await page.locator('[data-facet="author"] li.active .facet-name').textContent(), 'Zephaniah Quarles');
    });
  });

  it('the author find box searches within the query, says when nothing matches, and clears', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberties'));
      const facet = page.locator('[data-facet="author"]');
      const find = facet.locator('.facet-find');
      const listed = await facet.locator('.facet-list li').count();
      await find.fill('pope');
      await find.press('Enter');
      await facet.locator('.facet-found', { hasText: 'author matching' }).waitFor();
      const names = await facet.locator('.facet-list .facet-name').allTextContents();
      assert.deepEqual(names, ['Alexander Pope']);
      await find.fill('nobody at all');
      await facet.locator('.facet-found', { hasText: 'No author matches \u201cnobody at all\u201d' }).waitFor();
      assert.equal(await facet.locator('.facet-list li').count(), 0);
      await facet.locator('.facet-find-clear').click();
      assert.equal(await find.inputValue(), '');
      assert.equal(await facet.locator('.facet-found').count(), 0);
      assert.equal(await facet.locator('.facet-list li').count(), listed);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'liberties');
    });
  });

  it('no results: says so, offers a way out of the filters', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=zzyzxqwerty'));
      await page.locator('.empty', { hasText: 'No articles match' }).waitFor();
      await page.goto(env.server.url('/?q=constitution&author=John+Byrom'));
      await page.locator('.empty a.unfiltered').waitFor();
    });
  });

  it('a misspelling shows the correction\'s results, and the words as typed on request', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=constitushun'));
      assert.equal(await page.locator('.showing-corrected a.corrected').textContent(), 'constitution');
      assert.ok(await page.locator('.hit').count() > 0);
      const original = page.locator('.search-instead a.original');
      assert.equal(await original.textContent(), 'constitushun');
      // Rendered by the script this time: the same notice, the same way back.
      await original.click();
      await until(page, (p) => p.get('q') === 'constitushun' && p.get('spell') === '0');
      await page.locator('.empty', { hasText: 'No articles match' }).waitFor();
      const offered = page.locator('.empty a.corrected');
      assert.equal(await offered.textContent(), 'constitution');
      await offered.click();
      await until(page, (p) => p.get('q') === 'constitution' && !p.has('spell'));
      assert.ok(await page.locator('.hit').count() > 0);
      // As one types, the last word is a prefix and nothing is corrected;
      // Enter searches the whole words, corrected when they find nothing.
      await page.locator('#q').fill('Hamliton');
      await page.locator('#q').press('Enter');
      await until(page, (p) => p.get('q') === 'Hamliton');
      await page.locator('.showing-corrected a.corrected', { hasText: 'Hamilton' }).waitFor();
      assert.equal(await page.locator('.search-instead a.original').textContent(), 'Hamliton');
    });
  });

  it('time in the words is a date filter, said on the page, with a way to search the words', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await page.locator('#q').fill('liberty in 1787');
      await page.locator('#q').press('Enter');
      await until(page, (p) => p.get('q') === 'liberty in 1787');
      // Rendered by the script: the reading, and only pages of 1787.
      await page.locator('.time-words .time-reading', { hasText: 'Published in 1787' }).waitFor();
      const days = await page.locator('.hit time:not(.updated > time)').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
      assert.ok(days.length > 0, 'no results');
      for (const day of days) assert.ok(day.startsWith('1787'), `a result of ${day}`);
      await page.locator('.time-words a.search-literally').click();
      await until(page, (p) => p.get('literal') === '1');
      await page.locator('.summary-count').waitFor();
      assert.equal(await page.locator('.time-words').count(), 0);
      // Without the script: the server writes the same reading.
      await page.goto(env.server.url('/?q=liberty+since+1788'));
      assert.equal(await page.locator('.time-reading').textContent(), 'Published since 1 January 1788');
    });
  });

  it('a server error shows a readable message, not a blank page', async (t) => {
    await withPage(env, t, async (page) => {
      const refused = await page.goto(env.server.url('/?sort=sideways'));
      assert.equal(refused.status(), 400);
      await page.locator('.error-panel', { hasText: 'sort must be relevance, newest or oldest' }).waitFor();
      // A bad date is marked where it is, and put right there.
      const response = await page.goto(env.server.url('/?from=not-a-date'));
      assert.equal(response.status(), 200);
      await page.locator('#date-error', { hasText: 'from must be a date' }).waitFor();
      assert.equal(await page.locator('#from').getAttribute('aria-invalid'), 'true');
      await page.locator('#from').fill('1787');
      await page.locator('#from').press('Enter');
      await until(page, (p) => p.get('from') === '1787');
      assert.ok(await page.locator('.hit').count() > 0);
      assert.ok(await page.locator('#timeline a.tl-bin').count() > 0);
      assert.equal(await page.locator('#date-error').count(), 0);
      await page.goto(env.server.url('/?q=liberty'));
      await page.route('**/api/search?*', (route) => route.fulfill({
        status: 500, contentType: 'application/json',
        body: '{"error":{"code":"internal","message":"internal error","param":null}}',
      }));
      await typeQuery(page, 'liberty tree');
      await page.locator('.error-panel[role="alert"]', { hasText: 'internal error' }).waitFor();
    }, { allow: [/status of 400/, /status of 500/] });
  });

  it('the front page shows the newest articles, top authors and the whole timeline', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await page.locator('h1#page-heading.intro-title').waitFor();
      assert.equal(await page.locator('.results-heading').textContent(), 'Newest articles');
      const dates = await page.locator('.hit time:not(.updated > time)').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
      assert.ok(await page.locator('#timeline a.tl-bin').count() > 5);
      assert.equal(await page.locator('[data-facet="author"] .facet-name').first().textContent(), 'Joseph Addison');
    });
  });
});
