// Shared accessibility checks: axe-core with the WCAG 2.2 A/AA rules and best practice,
// and no sideways scrolling.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function expectNoViolations(page, what) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, what).toEqual([]);
}

/// Nothing may need sideways scrolling (320 CSS pixels wide, or 200% zoom).
export async function expectNoSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

/// Text as a person reads it: without the invisible bidi isolation marks Fluent puts
/// around card details.
export const plain = (text) => text.replace(/[\u2066-\u2069]/g, '');
