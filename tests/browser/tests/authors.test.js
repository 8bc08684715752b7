// One author under many bylines, and the writer's bio line (issue 13 items 2
// and 4). The demo corpus prints Samuel Johnson's name in four ways
// (scripts/make-corpus, BYLINE_FORMS) and ends some pages with a bio line
// (author_bio(), gazette_bio()).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, withPage } from '../lib/harness.js';

const env = setUp();

// The extractor writes "SAMUEL JOHNSON" and "Johnson, Samuel" as the name
// (indexer/src/authors.cpp), so two forms reach the index.
const k_forms = ['Dr. Samuel Johnson', 'Samuel Johnson'];

describe('authors and their bylines', () => {
  it('any byline opens one author page that lists every byline form and outlet with counts', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/author/Johnson%2C%20Samuel'));
      assert.equal(await page.locator('h1.author-name').textContent(), 'Samuel Johnson');
      const stats = await page.locator('.author-stats').textContent();
      const articles = Number(stats.match(/^(\d+) articles, /)[1]);
      assert.ok(articles >= 103, stats);
      const forms = page.locator('[aria-labelledby="author-bylines"] .facet-list li');
      const names = (await forms.locator('.facet-name').allTextContents()).sort();
      assert.deepEqual(names, k_forms);
      const counts = (await forms.locator('.facet-count').allTextContents()).map((c) => Number(c.replace(/\D/g, '')));
      // A byline form counts the pages that print it; the articles count a
      // syndicated piece once, as the search by author does.
      const total = async (collapse) =>
        (await (await fetch(env.server.url(`/api/search?author=Samuel+Johnson&per_page=1&collapse=${collapse}`))).json()).total;
      assert.equal(articles, await total(1), 'his articles are the pieces his search finds');
      assert.equal(counts.reduce((a, b) => a + b, 0), await total(0), 'every page of his under one of his bylines');
      const outlets = page.locator('[aria-labelledby="author-outlets"] .facet-list li', { hasText: 'The Rambler' });
      assert.equal(Number((await outlets.locator('.facet-count').textContent()).replace(/\D/g, '')), 103);
      // Another byline of his is the same page.
      await page.goto(env.server.url('/author/SAMUEL%20JOHNSON'));
      assert.equal(await page.locator('h1.author-name').textContent(), 'Samuel Johnson');
    });
  });

  it('the author facet counts him once, and choosing him finds every byline', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=rambler'));
      const johnson = page.locator('.facet[data-facet="author"] .facet-list a', { hasText: 'Samuel Johnson' });
      assert.equal(await johnson.count(), 1, 'one entry for all his bylines');
      await johnson.click();
      await page.waitForURL((url) => url.searchParams.get('author') === 'Samuel Johnson');
      await page.locator('.hits .hit').first().waitFor();
      const bylines = new Set(await page.locator('.hit .hit-authors').allTextContents());
      assert.ok(bylines.size >= 2, `only ${[...bylines]}`);
    });
  });

  it("the author page shows the latest bio line, and an article page its own after the text", async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/author/Samuel%20Johnson'));
      assert.match(await page.locator('.author-bio').textContent(), /Samuel Johnson is |The writer is /);
      await page.goto(env.server.url('/?q=bio%3Alexicographer'));
      const hits = page.locator('.hits .hit');
      assert.ok(await hits.count() > 0, 'bio:lexicographer found nothing');
      await page.locator('.hit-title a').first().click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}/);
      const bio = await page.locator('aside.doc-bio').textContent();
      assert.match(bio, /lexicographer/);
      assert.equal(await page.locator('.doc-body', { hasText: bio.trim() }).count(), 0, 'the bio is in the text too');
    });
  });
});
