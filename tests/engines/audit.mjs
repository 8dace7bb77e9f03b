// Accessibility checks any engine can run: axe-core put into the page by the driver (not
// subject to the page's CSP), with the WCAG 2.2 A/AA rules and best practice, and no
// sideways scrolling.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';
import { TAGS } from '../e2e/audit.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function expectNoViolations(tab, what) {
  await tab.driver.executeScript(axeSource);
  const { found, passed } = await tab.eval(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      found: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      passed: results.passes.length,
    };
  }, TAGS);
  expect(found, `${what} in ${tab.engine}`).toEqual([]);
  expect(passed, `axe ran no rules on ${what} in ${tab.engine}`).toBeGreaterThan(10);
}

/// Nothing may need sideways scrolling (320 CSS pixels wide, or 200% zoom).
export async function expectNoSidewaysScroll(tab, what) {
  const overflow = await tab.eval(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} in ${tab.engine}`).toBeLessThanOrEqual(0);
}
