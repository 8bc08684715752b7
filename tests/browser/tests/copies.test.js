// Syndicated copies: one result per piece with "Also ran in" naming the other
// outlets, earliest first (server- and script-rendered alike); collapse=0
// lists each copy; the article page names the others too. The demo corpus
// plants reprints (scripts/make-corpus, plant_reprints): The Federalist
// No. 39 (Independent Journal, 16 January 1788) ran again in The Provincial
// Post (28 January) and Lakeside Herald (9 February; its pages name it "Lakeside
// Herald Archive"), under other headlines.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();
const ALSO_RAN = 'Also ran in The Provincial Post (28 January 1788), Lakeside Herald (9 February 1788)';

async function checkLine(page) {
  const hit = page.locator('.hits .hit', { hasText: 'The Federalist No. 39' });
  await hit.waitFor();
  assert.equal((await hit.locator('.copies').textContent()).trim(), ALSO_RAN);
  const links = hit.locator('.copies a.copy-link');
  assert.equal(await links.count(), 2);
  const docs = env.server.path('/doc/');
  for (let i = 0; i < 2; i += 1) {
    const href = await links.nth(i).getAttribute('href');
    assert.ok(href.startsWith(docs), href);
  }
  // The copies are not results of their own.
  assert.equal(await page.locator('.hits .hit', { hasText: 'Who Speaks for Senate?' }).count(), 0);
}

describe('syndicated copies', () => {
  it('a piece is one result that says where else it ran, as the server and the script render it', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=%22Federalist+No.+39%22'));
      await checkLine(page);
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially('Federalist No. 39 republican', { delay: 20 });
      await until(page, (p, q) => p.get('q') === q, 'Federalist No. 39 republican');
      await checkLine(page);
    });
  });

  it('collapse=0 lists each copy, and a copy\'s page names the others', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=senate&collapse=0&site=Lakeside+Herald+Archive'));
      const copy = page.locator('.hits .hit', { hasText: 'Who Speaks for Senate?' });
      await copy.waitFor();
      assert.match(await copy.locator('.copies').textContent(),
        /^Also ran in Independent Journal \(16 January 1788\), The Provincial Post \(28 January 1788\)$/);
      await copy.locator('.hit-title a').click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}/);
      assert.match(await page.locator('.doc-header .copies').textContent(), /^Also ran in Independent Journal/);
      await page.locator('.doc-header .copies a', { hasText: 'Independent Journal' }).click();
      await page.waitForURL(/\/doc\/[0-9a-f]{16}/);
      assert.match(await page.locator('h1').textContent(), /The Federalist No. 39/);
    });
  });
});
