// The search tips: every example in them finds something in the demo
// archive (a tip that finds nothing teaches that the syntax fails).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setUp, withPage } from '../lib/harness.js';

const env = setUp();

describe('search tips', () => {
  it('every example finds at least one article', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/'));
      const examples = await page.locator('.help-list code').allTextContents();
      assert.ok(examples.length >= 7, `only ${examples.length} examples`);
      const empty = [];
      for (const q of examples) {
        const response = await fetch(env.server.url(`/api/search?per_page=1&q=${encodeURIComponent(q)}`));
        assert.equal(response.status, 200, q);
        const body = await response.json();
        if (body.total === 0) empty.push(q);
      }
      assert.deepEqual(empty, [], 'examples that find nothing');
    });
  });
});
