// Author pages, article pages with citations, the feed, OpenSearch and
// suggestions.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docPath, setUp, withPage } from '../lib/harness.js';

const env = setUp();

describe('author and article pages', () => {
  it('an author page lists their articles newest first, with timeline, outlets and distinctive words', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/author/James%20Madison'));
      assert.equal(await page.locator('h1.author-name').textContent(), 'James Madison');
      assert.match(await page.locator('.author-stats').textContent(), /^\d+ articles, /);
      assert.ok(await page.locator('#timeline a.tl-bin').count() > 0);
      assert.ok(await page.locator('[aria-labelledby="author-outlets"] .facet-list li').count() > 0);
      assert.ok(await page.locator('.term-list li').count() >= 5);
      const dates = await page.locator('.hit time:not(.updated > time):not(.copies time)').evaluateAll((ts) => ts.map((e) => e.getAttribute('datetime')));
      assert.ok(dates.length > 0);
      assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
      const names = await page.locator('.hit .hit-authors').allTextContents();
      assert.ok(names.every((n) => n.includes('James Madison')));
      // A distinctive word searches within their articles.
      const word = page.locator('.term-list a').first();
      const term = await word.textContent();
      await word.click();
      await page.waitForURL((url) => url.searchParams.get('q') === term && url.searchParams.get('author') === 'James Madison');
      assert.ok(await page.locator('.hit').count() > 0);
    });
  });

  it('an article page shows the text with the search words marked, details, more like this and citations', async (t) => {
    await withPage(env, t, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(env.server.url('/?q=federal+judiciary&author=Alexander+Hamilton'));
      const title = await page.locator('.hit-title').first().textContent();
      await page.locator('.hit-title a').first().click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}\?q=federal/);
      assert.equal(await page.locator('h1.doc-title').textContent(), title);
      assert.ok(await page.locator('.doc-body mark').count() > 0, 'no marked words');
      assert.equal(await page.locator('.doc-byline a').first().textContent(), 'Alexander Hamilton');
      assert.ok(await page.locator('.similar-list li').count() > 0);
      const chicago = await page.locator('#cite-chicago').textContent();
      assert.ok(chicago.startsWith('Hamilton, Alexander. \u201c'), chicago);
      assert.ok(chicago.includes(title));
      assert.match(await page.locator('#cite-mla').textContent(), /^Hamilton, Alexander\. \u201c.*\d{4}, .*\.$/);
      assert.match(await page.locator('#cite-apa').textContent(), /^Hamilton, A\. \(\d{4}, [A-Z][a-z]+ \d+\)\. /);
      assert.match(await page.locator('#cite-bibtex').textContent(), /^@article\{hamilton\d{4}\w+,\n  author\s+= \{Hamilton, Alexander\},/);
      assert.equal(await page.locator('.cite-text i').first().evaluate((e) => getComputedStyle(e).fontStyle), 'italic');
      await page.locator('button.copy[data-copy="cite-apa"]').click();
      await page.locator('button.copy[data-copy="cite-apa"]', { hasText: 'Copied' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await page.locator('#cite-apa').innerText()).trim());
      // Back to the search it came from.
      await page.locator('.doc-back a').click();
      await page.waitForURL((url) => url.pathname === env.server.path('/') && url.searchParams.get('q') === 'federal judiciary');
    });
  });

  it('a missing article or author is a readable 404 page', async (t) => {
    await withPage(env, t, async (page) => {
      let response = await page.goto(env.server.url('/doc/0123456789abcdef'));
      assert.equal(response.status(), 404);
      await page.locator('.error-panel h1', { hasText: 'Not found' }).waitFor();
      // A numeric link from before public ids is not redirected, and says why.
      response = await page.goto(env.server.url('/doc/1'));
      assert.equal(response.status(), 404);
      await page.locator('.error-panel', { hasText: 'old link by number' }).waitFor();
      response = await page.goto(env.server.url('/author/Nobody%20At%20All'));
      assert.equal(response.status(), 404);
      await page.locator('.error-panel', { hasText: 'Nobody At All' }).waitFor();
      response = await page.goto(env.server.url('/no/such/page'));
      assert.equal(response.status(), 404);
      await page.locator('.error-panel h1', { hasText: 'Not found' }).waitFor();
    }, { allow: [/status of 404/] });
  });

  it('the feed of a search is well-formed Atom, newest first, and linked from the results', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty&author=Joseph+Addison'));
      const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
      assert.equal(href, await page.locator('.feed-link a').getAttribute('href'));
      const result = await page.evaluate(async (url) => {
        const response = await fetch(url);
        const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
        return {
          type: response.headers.get('content-type'),
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.namespaceURI,
          updated: [...doc.querySelectorAll('entry > updated')].map((e) => e.textContent),
          authors: [...doc.querySelectorAll('entry > author > name')].map((e) => e.textContent),
        };
      }, href);
      assert.equal(result.error, null);
      assert.match(result.type, /^application\/atom\+xml/);
      assert.equal(result.root, 'http://www.w3.org/2005/Atom');
      assert.ok(result.updated.length > 0);
      assert.deepEqual(result.updated, [...result.updated].sort().reverse());
      assert.ok(result.authors.every((a) => a === 'Joseph Addison'));
    });
  });

  it('OpenSearch: the description is linked from every page and suggestions complete names and words', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url(await docPath(env)));
      const href = await page.locator('link[rel="search"]').getAttribute('href');
      assert.equal(href, env.server.path('/opensearch.xml'));
      const description = await page.evaluate(async (url) => {
        const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        return [...doc.querySelectorAll('Url')].map((u) => u.getAttribute('template'));
      }, href);
      assert.ok(description.includes(`${env.server.url('/')}?q={searchTerms}`), description.join(' '));
      assert.ok(description.includes(`${env.server.url('/api/suggest')}?q={searchTerms}`), description.join(' '));
      const suggestions = await page.evaluate(async (url) => (await fetch(url)).json(), env.server.path('/api/suggest?q=madi'));
      assert.equal(suggestions[0], 'madi');
      assert.ok(suggestions[1].includes('James Madison'));
      assert.ok(suggestions[1].length <= 10);
    });
  });

  // Under $OPED_TEST_BASE_PATH this is the point of the run; at the root it
  // checks the same links start with "/".
  it('every link, form, script and style is under the base path, as served and as the script renders it', async (t) => {
    const urls = (page) => page.locator('[href], [src], [action]').evaluateAll((es) => es.map(
      (e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action')));
    const local = (u) => !u.startsWith('#') && !/^https?:/.test(u);
    await withPage(env, t, async (page) => {
      for (const path of ['/', '/?q=liberty&author=Joseph+Addison', '/author/James%20Madison', await docPath(env, 'liberty')]) {
        await page.goto(env.server.url(path));
        const found = (await urls(page)).filter(local);
        assert.ok(found.length > 20, path);
        assert.deepEqual(found.filter((u) => !u.startsWith(env.server.path('/'))), [], path);
      }
      // Rendered by the script from /api/search: results, facets, pages, the feed link.
      await page.goto(env.server.url('/'));
      await page.locator('#q').fill('liberty');
      await page.waitForURL((url) => url.pathname === env.server.path('/') && url.searchParams.get('q') === 'liberty');
      await page.locator('.hit').first().waitFor();
      const rendered = (await urls(page)).filter(local);
      assert.deepEqual(rendered.filter((u) => !u.startsWith(env.server.path('/'))), []);
      // A facet link followed in place, then an article.
      await page.locator('.facet[data-facet="author"] .facet-list a').first().click();
      await page.waitForURL((url) => url.searchParams.has('author'));
      await page.locator('.hit-title a').first().click();
      await page.waitForURL((url) => url.pathname.startsWith(env.server.path('/doc/')));
      assert.ok(await page.locator('h1.doc-title').count() === 1);
    });
  });
});
