// axe-core (npm) run inside a page: injected with the page's CSP bypassed,
// in a browser of its own (the CSP rightly forbids test code in the page).
// Reports the violations of serious or critical impact, with
// label-content-name-mismatch (an experimental rule, which facet links
// failed) turned on.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, describe, it } from 'node:test';
import { launch, VIEWPORTS } from './browser.js';
import { docPath } from './harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page, url) {
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } },
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Every kind of page.
async function allPages(env) {
  return {
    front: '/',
    search: '/?q=standing+army',
    filtered: '/?q=liberty&author=Joseph+Addison&from=1711&to=1712',
    browse: '/?sort=oldest&page=2',
    'per page': '/?q=liberty&per_page=20',
    'no results': '/?q=zzyzx+qwertyuiop',
    'bad dates': '/?q=liberty&from=1800&to=1700',
    'past the end': '/?q=liberty&page=9999',
    'error page': '/?sort=sideways',
    'not found': '/no/such/page',
    author: '/author/Alexander%20Hamilton',
    article: await docPath(env, 'federal constitution'),
  };
}

// One test per screen size, all pages, with the script or without.
export function axeSuite(env, javaScript) {
  let browser = null;
  after(async () => browser?.close());
  describe(`axe-core ${javaScript ? 'with' : 'without'} the script`, () => {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`finds no serious or critical violation on any page at ${size} size`, async () => {
        // axe itself is a script, so the browser runs scripts; "without the
        // script" means without the pages' own: their files are refused, as
        // a browser with JavaScript off would not run them (the pages have no
        // inline script and no <noscript>). A context with JavaScript off
        // would never answer axe's evaluate.
        browser ??= await launch({ bypassCSP: true });
        const page = await browser.context.newPage();
        if (!javaScript) await page.route(/\.js(\?|$)/, (route) => route.abort());
        await page.setViewportSize(viewport);
        try {
          const found = [];
          for (const [name, path] of Object.entries(await allPages(env))) {
            for (const v of await violations(page, env.server.url(path))) found.push(`${name} (${path}): ${v}`);
          }
          assert.deepEqual(found, []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
