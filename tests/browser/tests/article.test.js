// The archive's article page as the place a result leads to (issue 12):
// the title opens it with the words marked and the original is a secondary
// "source" link, server- and script-rendered alike; the way back keeps every
// parameter of the search; previous and next result, across pages; "Cite"
// and the RIS file; "next match" scrolls each mark into view with a margin.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();

// A link's parameters, without the fragment, as a sorted list of pairs.
function paramsOf(href) {
  const url = new URL(href, 'http://x.example');
  return [...url.searchParams.entries()].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

async function firstHit(page) {
  const hit = page.locator('.hits .hit').first();
  return {
    title: await hit.locator('.hit-title a').textContent(),
    href: await hit.locator('.hit-title a').getAttribute('href'),
    source: await hit.locator('.hit-source').getAttribute('href'),
    rel: await hit.locator('.hit-source').getAttribute('rel'),
    cite: await hit.locator('.hit-cite').getAttribute('href'),
  };
}

describe('the article page', () => {
  it('a result title opens the archive page with the words marked; source ↗ is the original; script and server agree', async (t) => {
    await withPage(env, t, async (page) => {
      const api = await (await fetch(env.server.url('/api/search?q=standing+army'))).json();
      await page.goto(env.server.url('/?q=standing+army'));
      const served = await firstHit(page);
      // The script renders the same results when the words change and come back.
      await page.locator('#q').fill('standing armies');
      await until(page, (p) => p.get('q') === 'standing armies');
      await page.locator('#q').fill('standing army');
      await until(page, (p) => p.get('q') === 'standing army');
      const rendered = await firstHit(page);
      for (const hit of [served, rendered]) {
        assert.equal(new URL(hit.href, 'http://x.example').pathname, env.server.path(`/doc/${api.results[0].id}`));
        assert.deepEqual(paramsOf(hit.href), [['q', 'standing army'], ['rank', '1']]);
        assert.equal(hit.source, api.results[0].url);
        assert.equal(hit.rel, 'noopener noreferrer external');
        assert.equal(hit.cite, `${hit.href}#cite`);
      }
      assert.equal(rendered.title, served.title);
      await page.locator('.hit-title a').first().click();
      await page.waitForURL((url) => url.pathname === env.server.path(`/doc/${api.results[0].id}`));
      assert.equal(await page.locator('h1.doc-title').textContent(), served.title);
      assert.ok(await page.locator('.doc-body mark').count() > 0, 'no marked words');
      assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'),
        env.server.url(`/doc/${api.results[0].id}`));
    });
  });

  for (const javaScript of [true, false]) {
    it(`the way back keeps page, filters, sort and dates; previous and next result cross pages (${javaScript ? 'script' : 'no script'})`, async (t) => {
      await withPage(env, t, async (page) => {
        const search = '/?q=liberty&from=1700&to=1800&sort=oldest&page=2';
        await page.goto(env.server.url(search));
        // The last result of page 2 (rank 20): its next is rank 21, on page 3.
        const last = page.locator('.hits .hit').last();
        await last.locator('.hit-title a').click();
        await page.waitForURL((url) => url.searchParams.get('rank') === '20');
        assert.equal(await page.locator('.doc-nav-place').textContent(), 'Result 20');
        await page.locator('.doc-results-nav a[rel="next"]').click();
        await page.waitForURL((url) => url.searchParams.get('rank') === '21');
        assert.equal(new URL(page.url()).searchParams.get('page'), '3');
        await page.locator('.doc-results-nav a[rel="prev"]').click();
        await page.waitForURL((url) => url.searchParams.get('rank') === '20');
        await page.locator('.doc-back-link').click();
        await page.waitForURL((url) => url.pathname === env.server.path('/'));
        assert.deepEqual(paramsOf(page.url()), paramsOf(search));
        assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), '2');
      }, { javaScript });
    });
  }

  it('browsing without words keeps the way back too', async (t) => {
    await withPage(env, t, async (page) => {
      const search = '/?author=Alexander+Hamilton&sort=oldest';
      await page.goto(env.server.url(search));
      await page.locator('.hits .hit-title a').nth(1).click();
      await page.waitForURL((url) => url.searchParams.get('rank') === '2');
      assert.equal(await page.locator('.doc-back-link').textContent(), '\u2190 Back to the articles');
      assert.ok(await page.locator('.doc-author-nav a').count() > 0, 'no earlier or later article by the author');
      await page.locator('.doc-back-link').click();
      await page.waitForURL((url) => url.pathname === env.server.path('/'));
      assert.deepEqual(paramsOf(page.url()), paramsOf(search));
    });
  });

  it('"Cite" leads to the citations, which cite the archive page, and the RIS file downloads', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=federal+judiciary'));
      await page.locator('.hit-cite').first().click();
      await page.waitForURL((url) => url.hash === '#cite');
      assert.ok(await page.locator('#cite').isVisible());
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      assert.ok((await page.locator('#cite-chicago').textContent()).includes(` ${canonical}.`));
      const authors = await page.locator('.doc-byline a').allTextContents();
      const cited = await page.locator('meta[name="citation_author"]').evaluateAll((ms) => ms.map((m) => m.content));
      assert.deepEqual(cited, authors);
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.equal(ld['@type'], 'NewsArticle');
      assert.equal(ld.url, canonical);
      const ris = await page.locator('a.cite-ris-file').getAttribute('href');
      const response = await fetch(new URL(ris, page.url()));
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^application\/x-research-info-systems/);
      const record = await response.text();
      assert.match(record, /^TY {2}- NEWS\r\n/);
      assert.ok(record.includes(`UR  - ${canonical}\r\n`));
      assert.match(record, /ER {2}- \r\n$/);
    }, { javaScript: false });
  });

  it('"next match" and "previous match" bring each marked word into view, not under the edge', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      await page.locator('.hit-title a').first().click();
      await page.waitForURL((url) => url.pathname.startsWith(env.server.path('/doc/')));
      const marks = await page.locator('.doc-body mark').count();
      assert.ok(marks >= 2, `only ${marks} marks`);
      const inView = async (n) => {
        const end = Date.now() + 5000;
        for (;;) {
          const box = await page.locator('.doc-body mark').nth(n).evaluate((m) => {
            const r = m.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, height: innerHeight, current: m.classList.contains('current') };
          });
          if (box.current && box.top >= 48 && box.bottom <= box.height - 48) return;
          if (Date.now() > end) throw new Error(`mark ${n} not in view: ${JSON.stringify(box)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await page.locator('.mark-next').click();
      await inView(0);
      await page.locator('.mark-next').click();
      await inView(1);
      assert.equal(await page.locator('.mark-place').textContent(), `2 of ${marks}`);
      await page.locator('.mark-prev').click();
      await inView(0);
      await page.locator('.mark-prev').click();
      await inView(marks - 1); // round to the last
    }, { viewport: { width: 390, height: 844 } });
  });
});
