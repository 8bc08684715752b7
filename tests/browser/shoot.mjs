// Screenshots of the main pages at desktop and phone sizes, for looking at.
// Usage: node shoot.mjs BASE_URL OUT_DIR

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, VIEWPORTS } from './lib/browser.js';

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node shoot.mjs BASE_URL OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const pages = {
  front: '/',
  results: '/?q=standing+army',
  filtered: '/?q=liberty&author=Joseph+Addison&from=1711&to=1712',
  author: '/author/Alexander%20Hamilton',
  article: null, // the first result of a search, reached as a reader would
  empty: '/?q=zzyzx+qwertyuiop',
};

const browser = await launch();
try {
  const page = await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error(`console: ${m.text()}`); });
  page.on('pageerror', (e) => console.error(`pageerror: ${e.message}`));
  await page.goto(new URL('/?q=federal+constitution', base).href);
  pages.article = new URL(await page.locator('.hit-title a').first().getAttribute('href'), base).pathname +
    new URL(await page.locator('.hit-title a').first().getAttribute('href'), base).search;
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(new URL(path, base).href);
      await page.waitForLoadState('networkidle');
      const file = join(out, `${name}-${size}.png`);
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
