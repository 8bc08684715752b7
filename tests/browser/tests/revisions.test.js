// Updated and corrected pages: the "Updated" date and the "Corrected" badge on
// results (server- and script-rendered) and on the article page, with the
// notices after the text. The demo corpus plants them on a few blog pages
// (scripts/make-corpus, revision()), The Federalist No. 48 among them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();

async function checkHits(page) {
  const hits = page.locator('.hits .hit');
  const n = await hits.count();
  assert.ok(n > 0, 'has:correction found nothing');
  assert.equal(await page.locator('.hits .hit .badge-correction').count(), n, 'a result without its badge');
  const hamilton = page.locator('.hits .hit', { hasText: 'The Federalist No. 48' });
  assert.equal(await hamilton.locator('.badge-correction').textContent(), 'Corrected');
  assert.equal(await hamilton.locator('.updated').textContent(), 'Updated 6 February 1788');
  assert.equal(await hamilton.locator('.updated time').getAttribute('datetime'), '1788-02-06');
  const href = await hamilton.locator('.badge-correction').getAttribute('href');
  const docs = env.server.path('/doc/'); // under the base path when the suite runs under one
  assert.ok(href.startsWith(docs), href);
  assert.match(href.slice(docs.length), /^[0-9a-f]{16}\?q=.*#corrections$/);
}

describe('updated and corrected pages', () => {
  it('has:correction lists only corrected pages, each with its badge and "Updated" date', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=has%3Acorrection'));
      await checkHits(page);
      // The same markup when the script renders the results.
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially('has:correction Federalist', { delay: 20 });
      await until(page, (p, q) => p.get('q') === q, 'has:correction Federalist');
      await page.locator('.hits .hit', { hasText: 'The Federalist No. 48' }).waitFor();
      await checkHits(page);
    });
  });

  it('a page without a notice has no badge, and the badge leads to the notice on the article page', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=%22standing+army%22'));
      assert.ok(await page.locator('.hits .hit').count() > 0);
      assert.equal(await page.locator('.hits .hit .badge-correction').count(), 0);
      await page.goto(env.server.url('/?q=has%3Acorrection'));
      await page.locator('.hits .hit', { hasText: 'The Federalist No. 48' }).locator('.badge-correction').click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}\?q=.*#corrections$/);
      assert.match(await page.locator('.doc-dateline').textContent(), /1 February 1788.*Updated 6 February 1788.*Corrected/);
      const notes = page.locator('#corrections p');
      assert.equal(await notes.count(), 1);
      assert.match(await notes.textContent(), /^Correction: An earlier version of this page/);
      assert.equal(await page.locator('.doc-body', { hasText: 'An earlier version of this page' }).count(), 0,
        'the notice is in the body text too');
      assert.match(await page.locator('.doc-meta').textContent(), /Updated\s*6 February 1788/);
    });
  });
});
