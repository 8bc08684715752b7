// Keyboard use, focus, landmarks and labels, and a phone-sized screen.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VIEWPORTS } from '../lib/browser.js';
import { docPath, setUp, until, withPage } from '../lib/harness.js';

const env = setUp();

describe('accessibility', () => {
  it('has landmarks, a label for every control, and one h1', async (t) => {
    await withPage(env, t, async (page) => {
      for (const path of ['/', '/?q=liberty', '/author/Samuel%20Johnson', await docPath(env)]) {
        await page.goto(env.server.url(path));
        assert.equal(await page.locator('main').count(), 1, path);
        assert.equal(await page.locator('header.masthead').count(), 1, path);
        assert.equal(await page.locator('h1').count(), 1, path);
        const unlabelled = await page.locator('input:not([type="hidden"]), button, select').evaluateAll((els) =>
          els.filter((e) => !e.labels?.length && !e.getAttribute('aria-label') && !e.textContent.trim()).map((e) => e.outerHTML));
        assert.deepEqual(unlabelled, [], path);
      }
      await page.goto(env.server.url('/?q=liberty'));
      assert.equal(await page.locator('[role="search"]').count(), 1);
      assert.equal(await page.locator('aside[aria-label]').count(), 1);
    });
  });

  it('the keyboard reaches the search box, moves through results and facets, and focus is visible', async (t) => {
    await withPage(env, t, async (page) => {
      await page.goto(env.server.url('/?q=liberty'));
      await page.locator('body').press('/');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
      await page.locator('.hit-title a').first().focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.closest('.hit') === document.querySelectorAll('.hit')[1]), true);
      await page.keyboard.press('ArrowUp');
      assert.equal(await page.evaluate(() => document.activeElement.closest('.hit') === document.querySelector('.hit')), true);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'no visible focus');
      await page.locator('[data-facet="author"] .facet-list a').first().focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.closest('li') === document.querySelectorAll('[data-facet="author"] .facet-list li')[1]), true);
      // A facet chosen from the keyboard keeps the focus on it after the update.
      await page.keyboard.press('Enter');
      await until(page, (p) => p.has('author'));
      await page.locator('[data-facet="author"] li.active').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.classList.contains('active')), true);
      // Arrow keys move along the timeline's bars.
      const bars = page.locator('#timeline a.tl-bin');
      await bars.last().focus();
      await page.keyboard.press('ArrowLeft');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('tabindex')), '0');
      assert.equal(await page.evaluate(() => {
        const all = [...document.querySelectorAll('#timeline a.tl-bin')];
        return all.indexOf(document.activeElement) === all.length - 2;
      }), true);
    });
  });

  it('fits a phone-sized screen without sideways scrolling', async (t) => {
    await withPage(env, t, async (page) => {
      for (const path of ['/', '/?q=liberty&author=Joseph+Addison', '/author/Alexander%20Hamilton', await docPath(env)]) {
        await page.goto(env.server.url(path));
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= VIEWPORTS.phone.width, `${path} is ${wide}px wide`);
      }
      // The filters are a panel that "Filters" opens (layout.test.js has more).
      await page.goto(env.server.url('/?q=liberty'));
      await page.locator('.filters-toggle').click();
      await page.locator('[data-facet="author"] .facet-heading').waitFor({ state: 'visible' });
    }, { viewport: VIEWPORTS.phone });
  });
});
