// Type-ahead on the search page: as one types the last word is a prefix
// (/api/search?partial=1) and the box offers suggestions as an ARIA
// combobox; Enter, a click or the URL search whole words.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, until, withPage } from '../lib/harness.js';

const env = setUp();

const params = (page) => new URL(page.url()).searchParams;

async function typeInto(page, text) {
  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially(text, { delay: 20 });
  await until(page, (p, q) => p.get('q') === q, text);
}

// The listbox open with an option for each of `wanted` (strings or RegExps).
async function waitForOptions(page, wanted) {
  for (const w of wanted) await page.locator('#q-suggestions [role="option"]', { hasText: w }).first().waitFor();
  assert.equal(await page.locator('#q').getAttribute('aria-expanded'), 'true');
  return page.locator('#q-suggestions [role="option"]');
}

// The /api/search requests the page makes, as URLSearchParams.
function searchRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === env.server.path('/api/search')) seen.push(url.searchParams);
  });
  return seen;
}

describe('type-ahead', () => {
  it('typing "madis" shows Madison\'s pages and offers Madison in a listbox', async (t) => {
    await withPage(env, t, async (page) => {
      const requests = searchRequests(page);
      await page.goto(env.server.url('/'));
      const box = page.locator('#q');
      assert.equal(await box.getAttribute('role'), 'combobox');
      assert.equal(await box.getAttribute('aria-expanded'), 'false');
      assert.equal(await box.getAttribute('aria-controls'), 'q-suggestions');
      await typeInto(page, 'madis');
      assert.ok(await page.locator('.hits .hit').count() > 0, 'no results while typing "madis"');
      assert.ok((await page.locator('.hits .hit').allTextContents()).some((text) => text.includes('Madison')));
      assert.equal(await page.locator('.did-you-mean').count(), 0, 'a correction for a word being typed');
      assert.equal(requests.at(-1).get('partial'), '1');
      assert.equal(params(page).get('partial'), null, 'the URL keeps whole words');
      const options = await waitForOptions(page, ['James Madison', /^Madison$/]);
      assert.equal(await page.locator('#q-suggestions').getAttribute('role'), 'listbox');
      assert.ok(await options.count() <= 10);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    });
  });

  it('Up and Down move through the suggestions and Enter searches the one highlighted', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await typeInto(page, 'madis');
      const options = await waitForOptions(page, ['James Madison']);
      const box = page.locator('#q');
      await box.press('ArrowDown');
      const first = await options.nth(0).getAttribute('id');
      assert.equal(await box.getAttribute('aria-activedescendant'), first);
      assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
      await box.press('ArrowDown');
      assert.equal(await box.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'));
      assert.equal(await options.nth(0).getAttribute('aria-selected'), 'false');
      await box.press('ArrowUp');
      assert.equal(await box.getAttribute('aria-activedescendant'), first);
      const chosen = await options.nth(0).textContent();
      await box.press('Enter');
      await until(page, (p, q) => p.get('q') === q, chosen);
      assert.equal(await box.inputValue(), chosen);
      assert.equal(await box.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('#q-suggestions').isHidden(), true);
      assert.ok(await page.locator('.hits .hit').count() > 0);
    });
  });

  it('Enter with nothing highlighted searches the whole words typed; a click searches a suggestion', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await typeInto(page, 'standing ar');
      const typed = await page.locator('.hits .hit-title').allTextContents();
      assert.ok(typed.slice(0, 3).some((title) => /Federalist|Spectator/.test(title)), typed.join(' | '));
      await waitForOptions(page, ['standing army']);
      const isSearch = (request) => new URL(request.url()).pathname === env.server.path('/api/search');
      const submitted = page.waitForRequest(isSearch);
      await page.locator('#q').press('Enter');
      assert.equal(new URL((await submitted).url()).searchParams.get('partial'), null, 'Enter searched a prefix');
      await until(page, (p) => p.get('q') === 'standing ar');
      assert.equal(await page.locator('#q-suggestions').isHidden(), true);

      await typeInto(page, 'standing arm');
      await page.locator('#q-suggestions [role="option"]', { hasText: 'standing army' }).first().click();
      await until(page, (p) => p.get('q') === 'standing army');
      assert.equal(await page.locator('#q').inputValue(), 'standing army');
      assert.equal(await page.locator('#q-suggestions').isHidden(), true);
    });
  });

  it('Escape closes the suggestions and keeps the text and the focus', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      await typeInto(page, 'madis');
      await waitForOptions(page, ['James Madison']);
      await page.locator('#q').press('ArrowDown');
      await page.locator('#q').press('Escape');
      assert.equal(await page.locator('#q-suggestions').isHidden(), true);
      assert.equal(await page.locator('#q').getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('#q').getAttribute('aria-activedescendant'), null);
      assert.equal(await page.locator('#q').inputValue(), 'madis');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    });
  });

  it('suggestions from hostile index text are shown as text', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      // The hostile fixture's headline holds a <script> and an <img onerror>.
      await typeInto(page, 'script window');
      const options = await waitForOptions(page, ['<script>']);
      assert.equal(await page.locator('#q-suggestions script, #q-suggestions img').count(), 0);
      assert.ok((await options.allTextContents()).some((text) => text.includes('<img src=x onerror=window.__pwned=2>')));
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });
});
