// Issue 12, item 2: one outlet, one name. The demo's Spectator pages give two
// names ("The Spectator" and, on a quarter of them, "The Spectator
// Archive") on one site: the outlet facet lists "The Spectator" once, with
// every page, and filtering by either name finds them all, each shown as
// "The Spectator". With the script and without.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { until, setUp, withPage } from '../lib/harness.js';

const env = setUp();
const noScript = { javaScript: false };

const count = async (page) => Number((await page.locator('.summary-count').textContent()).replace(/\D/g, ''));
const siteNames = (page) => page.locator('[data-facet="site"] .facet-name').allTextContents();
const siteCount = async (page, name) => {
  const link = page.locator('[data-facet="site"] li', {
    has: page.locator('.facet-name', { hasText: new RegExp(`^${name}$`) }),
  });
  return Number((await link.locator('.facet-count').textContent()).replace(/\D/g, ''));
};

async function oneOutletOneName(page, { javaScript }) {
  await page.goto(env.server.url('/?q=spectator'));
  if (javaScript) await until(page, (p) => p.get('q') === 'spectator');
  const names = await siteNames(page);
  assert.equal(names.filter((n) => n === 'The Spectator').length, 1, `outlets listed: ${names.join(', ')}`);
  assert.ok(!names.includes('The Spectator Archive'), `outlets listed: ${names.join(', ')}`);
  assert.equal(new Set(names).size, names.length, 'each outlet once');
  const spectator = await siteCount(page, 'The Spectator');

  for (const name of ['The Spectator', 'The Spectator Archive']) {
    await page.goto(env.server.url(`/?q=spectator&site=${encodeURIComponent(name)}`));
    if (javaScript) await until(page, (p, n) => p.get('site') === n, name);
    assert.equal(await count(page), spectator, `filtered by ${name}`);
    const shown = await page.locator('.hit .hit-site').allTextContents();
    assert.ok(shown.length > 0);
    for (const site of shown) assert.equal(site.trim(), 'The Spectator', `a result filtered by ${name}`);
  }
}

describe('one outlet, one name', () => {
  it('the outlet facet lists one entry per site, and either name filters the whole site (script)', async (t) => {
    await withPage(env, t, (page) => oneOutletOneName(page, { javaScript: true }));
  });

  it('the outlet facet lists one entry per site, and either name filters the whole site (no script)', async (t) => {
    await withPage(env, t, (page) => oneOutletOneName(page, { javaScript: false }), noScript);
  });
});
