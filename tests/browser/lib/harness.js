// What every browser test file shares: one server and one browser per file,
// a fresh page per test, the console watched for errors, and a screenshot
// of the page when a test fails (in $OPED_SCREENSHOTS, or a folder under
// $TMPDIR, named after the test).

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { launch } from './browser.js';
import { startServer, testIndex } from './server.js';

const SHOTS = process.env.OPED_SCREENSHOTS || join(tmpdir(), 'oped-browser-failures');

export function setUp() {
  const env = {};
  before(async () => {
    env.index = testIndex();
    env.server = await startServer(env.index.db);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.noScript?.close();
    await env.server?.stop();
    env.index?.cleanup();
  });
  return env;
}

function fileName(name) {
  return `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 100)}.png`;
}

// An article's link: "/doc/" + the public id (a hash of the page's URL, the
// same in every index of the same pages) of the newest page `query` finds.
export async function docPath(env, query = '') {
  const response = await fetch(env.server.url(`/api/search?per_page=1&q=${encodeURIComponent(query)}`));
  const body = await response.json();
  assert.ok(body.results.length > 0, `no page found for "${query}"`);
  return `/doc/${encodeURIComponent(body.results[0].id)}`;
}

// Runs `fn(page)` in a new page; afterwards no console error or page error
// may have been logged, but those matching `allow` (a response the test
// asked for, such as a 404).
export async function withPage(env, t, fn, { allow = [], javaScript = true, viewport } = {}) {
  if (!javaScript) env.noScript ??= await launch({ javaScriptEnabled: false });
  const page = await (javaScript ? env.browser : env.noScript).context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  try {
    await fn(page);
    const unexpected = errors.filter((e) => !allow.some((re) => re.test(e)));
    assert.deepEqual(unexpected, [], 'the browser console logged errors');
  } catch (error) {
    mkdirSync(SHOTS, { recursive: true });
    const path = join(SHOTS, fileName(t.name));
    await page.screenshot({ path, fullPage: true }).catch(() => {});
    error.message += `\n  screenshot: ${path}\n  url: ${page.url()}`;
    throw error;
  } finally {
    await page.close();
  }
}

// Waits until `predicate(URLSearchParams, arg)` holds for the page's URL and
// the results shown are those of that URL (the script marks #results
// aria-busy from the change of URL until they are). Polled from here: the
// page's CSP rightly forbids evaluating test code as a string inside it.
export async function until(page, predicate, arg, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (predicate(new URL(page.url()).searchParams, arg) &&
        await page.evaluate(() => !document.querySelector('#results[aria-busy]'))) {
      return;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate} (at ${page.url()})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
