// Genres (issue 13 item 3), with JavaScript on and off: the genre facet
// narrows the results to one genre, each result and the article page show the
// genre's label, and the label leads to the genre's search. The demo files the
// papers that open with a reader's letter under "Letters to the Editor"
// (scripts/make-corpus, file_by_genre), which oped reads as letters.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();
const noScript = { javaScript: false };

const count = async (page) => Number((await page.locator('.summary-count').textContent()).replace(/\D/g, ''));
const genreValue = (page, label) => page.locator('[data-facet="genre"] .facet-list a', {
  has: page.locator('.facet-name', { hasText: new RegExp(`^${label}$`) }),
});
const genreCount = async (page, label) =>
  Number((await genreValue(page, label).locator('.facet-count').textContent()).replace(/\D/g, ''));

async function narrowToLetters(page, { javaScript }) {
  await page.goto(env.server.url('/?q=spectator'));
  const all = await count(page);
  const letters = await genreCount(page, 'Letter');
  assert.ok(letters > 0 && letters < all, `${letters} letters of ${all}`);
  assert.ok(await genreCount(page, 'Opinion') > 0, 'the essays are opinion');
  const link = genreValue(page, 'Letter');
  if (javaScript) {
    await link.click();
    await until(page, (p) => p.getAll('genre').includes('letter'));
  } else {
    await Promise.all([page.waitForURL(/genre=letter/), link.click()]);
  }
  assert.equal(await count(page), letters, 'the facet narrowed to its count');
  const hits = page.locator('.hits .hit');
  const n = await hits.count();
  assert.ok(n > 0);
  assert.deepEqual(await page.locator('.hits .hit .hit-genre').allTextContents(), Array(n).fill('Letter'));
  assert.deepEqual(await page.locator('[data-facet="genre"] li.active .facet-name').allTextContents(), ['Letter']);
  assert.equal(await page.locator('.chip', { hasText: 'Genre: Letter' }).count(), 1);
  // Disjunctive: the other genres are still offered, to be added.
  assert.ok(await page.locator('[data-facet="genre"] li:not(.active)').count() > 0);
}

describe('genres', () => {
  it('the genre facet narrows the results, each labelled (script)', async (t) => {
    await withPage(env, t, (page) => narrowToLetters(page, { javaScript: true }));
  });

  it('the genre facet narrows the results, each labelled (no script)', async (t) => {
    await withPage(env, t, (page) => narrowToLetters(page, { javaScript: false }), noScript);
  });

  it('genre: in the query finds the same, and the results the script renders carry the label', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?genre=letter'));
      const letters = await count(page);
      await page.goto(env.server.url('/'));
      await page.locator('#q').pressSequentially('genre:letter', { delay: 20 });
      await until(page, (p, q) => p.get('q') === q, 'genre:letter');
      await page.locator('.hits .hit .hit-genre').first().waitFor();
      assert.equal(await count(page), letters);
      const n = await page.locator('.hits .hit').count();
      assert.deepEqual(await page.locator('.hits .hit .hit-genre').allTextContents(), Array(n).fill('Letter'));
    });
  });

  for (const javaScript of [true, false]) {
    it(`a genre typed by another name reads as its stored name, and the facet removes it (${javaScript ? 'script' : 'no script'})`,
      async (t) => {
        await withPage(env, t, async (page) => {
          await page.goto(env.server.url('/?q=spectator'));
          const all = await count(page);
          if (javaScript) {
            // The script renders this state itself: the words typed after
            // the page loaded with the genre.
            await page.goto(env.server.url('/?genre=Letters'));
            await page.locator('#q').pressSequentially('spectator', { delay: 20 });
            await until(page, (p) => p.get('q') === 'spectator');
          } else {
            await page.goto(env.server.url('/?q=spectator&genre=Letters'));
          }
          const letters = await count(page);
          assert.ok(letters > 0 && letters < all, `${letters} letters of ${all}`);
          assert.deepEqual(await page.locator('[data-facet="genre"] li.active .facet-name').allTextContents(), ['Letter']);
          assert.deepEqual(await page.locator('.chip', { hasText: 'Genre:' }).allTextContents().then(
            (texts) => texts.map((s) => s.replace(/\s+/g, ' ').trim().match(/Genre: \w+/)[0])), ['Genre: Letter']);
          const chosen = page.locator('[data-facet="genre"] li.active a');
          if (javaScript) {
            await chosen.click();
            await until(page, (p) => p.getAll('genre').length === 0);
          } else {
            await Promise.all([page.waitForURL((url) => !url.search.includes('genre=')), chosen.click()]);
          }
          assert.equal(await count(page), all, 'choosing the chosen genre removed the filter');
        }, javaScript ? {} : noScript);
      });
  }

  it('the article page shows the genre in its kicker, linking to the genre', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?genre=review'));
      assert.equal(await count(page), 2, 'the two papers filed under Reviews');
      await page.locator('.hits .hit .hit-title a').first().click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}/);
      const genre = page.locator('.doc-kicker a.doc-genre');
      assert.equal(await genre.textContent(), 'Review');
      assert.match(await page.locator('.doc-meta').textContent(), /Genre\s*Review/);
      await Promise.all([page.waitForURL(/genre=review/), genre.click()]);
      assert.equal(await count(page), 2);
    });
  });
});
