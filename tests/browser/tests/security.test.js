// The hostile fixture page (tests/browser/fixtures/hostile.html) puts
// <script>, onerror= and friends in its title, body, outlet, tag and URL.
// Every page must show them as text and run none of them; user input must
// never come back as markup either.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docPath, setUp, until, withPage } from '../lib/harness.js';

const env = setUp();

// Nothing injected ran, and the page holds no element it did not mean to.
async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected script ran');
  // The one module, and on an article page its JSON-LD: data, never run, and whole JSON.
  const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((ss) => ss.map((s) => s.getAttribute('src')));
  assert.deepEqual(scripts, [env.server.path('/app.js')]);
  for (const data of await page.locator('script[type="application/ld+json"]').allTextContents()) JSON.parse(data);
  assert.equal(await page.locator('main img, main svg[onload], main b, main [onerror], main [onload]').count(), 0);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => !/^\s*javascript:/i.test(h)), 'a javascript: link');
}

describe('hostile content', () => {
  for (const [how, javaScript] of [['rendered by the server', false], ['rendered by the script', true]]) {
    it(`a page with <script> and onerror= in its fields shows them as text (${how})`, async (t) => {
      await withPage(env, t, async (page) => {
        if (javaScript) {
          await page.goto(env.server.url('/'));
          await page.locator('#q').pressSequentially('zanzibar', { delay: 20 });
          await until(page, (p) => p.get('q') === 'zanzibar');
          await page.locator('.hit-title', { hasText: 'Zanzibar' }).waitFor();
        } else {
          await page.goto(env.server.url('/?q=zanzibar'));
        }
        const title = page.locator('.hit-title').first();
        assert.equal(await title.textContent(),
          'Zanzibar <script>window.__pwned=1</script> <img src=x onerror=window.__pwned=2> headline');
        const snippet = page.locator('.hit-snippet').first();
        assert.deepEqual(await snippet.evaluate((p) => [...p.children].map((c) => c.tagName)).then((tags) => [...new Set(tags)]), ['MARK']);
        assert.match(await snippet.textContent(), /<script>window.__pwned=7<\/script>|onerror=/);
        assert.equal(await page.locator('.hit-site').first().textContent(), 'Hostile <b>Gazette</b> & Co');
        await page.locator('[data-facet="tag"] .facet-name', { hasText: '<svg onload=window.__pwned=6>' }).waitFor();
        await page.locator('[data-facet="tag"] .facet-list a').first().click();
        await page.locator('.chip', { hasText: 'Tag: <svg onload=window.__pwned=6>' }).waitFor();
        await assertInert(page);
      }, { javaScript });
    });
  }

  it('the hostile article page shows its title and text as text', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=zanzibar'));
      await page.locator('.hit-title a').first().click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}/);
      assert.match(await page.locator('h1.doc-title').textContent(), /<script>window.__pwned=1<\/script>/);
      assert.match(await page.locator('.doc-body').textContent(), /<img src=x\s+onerror=window.__pwned=8>/);
      assert.match(await page.locator('.doc-body').textContent(), /<b>and all<\/b>/);
      assert.match(await page.locator('#cite-chicago').textContent(), /<script>/);
      assert.match(await page.title(), /<script>/);
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.equal(ld.headline, await page.locator('h1.doc-title').textContent());
      await assertInert(page);
    });
  });

  it('what the user typed is never reflected as markup', async (t) => {
    await withPage(env, t, async (page) => {
      const q = '"><script>window.__pwned=10</script><img src=x onerror=window.__pwned=11>';
      await page.goto(env.server.url(`/?q=${encodeURIComponent(q)}&author=${encodeURIComponent('<i>x</i>')}`));
      assert.equal(await page.locator('#q').inputValue(), q);
      await page.locator('.chip', { hasText: 'Author: <i>x</i>' }).waitFor();
      await page.locator('.empty q').waitFor();
      assert.equal(await page.locator('.empty q').textContent(), q);
      await page.goto(env.server.url(`${await docPath(env)}?q=${encodeURIComponent(q)}`));
      assert.match(await page.locator('.masthead-search input').inputValue(), /<script>/);
      await page.goto(env.server.url(`/author/${encodeURIComponent('<img src=x onerror=window.__pwned=12>')}`));
      await page.locator('.error-panel', { hasText: '<img src=x' }).waitFor();
      await assertInert(page);
    }, { allow: [/status of 404/] });
  });

  it('the feed of the hostile page is well-formed XML with the markup escaped', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=zanzibar'));
      const feed = await page.evaluate(async (feedPath) => {
        const text = await (await fetch(`${feedPath}?q=zanzibar&tag=${encodeURIComponent('<svg onload=window.__pwned=6>')}`)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          title: doc.querySelector('entry > title')?.textContent,
          elements: [...doc.querySelectorAll('*')].map((e) => e.localName),
        };
      }, env.server.path('/feed'));
      assert.equal(feed.error, null);
      assert.match(feed.title, /^Zanzibar <script>/);
      assert.ok(!feed.elements.includes('script') && !feed.elements.includes('img'));
    });
  });
});
