// Giving the checker a code by each way in, and checking that the screen shows that code's
// verdict and card and nothing of the card before it. Shared by ways-in.spec.mjs and
// ways-in-camera.spec.mjs (the camera needs its own browser flags).
import { expect } from '@playwright/test';
import { resolve } from 'node:path';
import { root, sample, fragment } from './samples.mjs';

/// What the demo's sample cards say (crates/warrant-issuer/src/samples.rs).
export const CARDS = {
  genuine: { verdict: 'genuine', heading: 'Genuine card', name: 'Jane Smith', rank: 'Police Constable', number: '1234' },
  revoked: { verdict: 'revoked', heading: 'Cancelled card', name: 'Tom Baker', rank: 'PCSO', number: '7788' },
};

/// Back from a verdict to the ways in, as a person does before the next card.
export async function checkAnother(page) {
  const again = page.getByRole('button', { name: 'Check another card' });
  if (await again.count()) await again.click();
}

/// Opens a card's link. When a page of the checker is already open in the tab, only the
/// fragment changes: no reload, the same document (which the marker proves).
export async function openLink(page, card, path = '/') {
  const opened = await page.evaluate(() => location.href).catch(() => 'about:blank');
  const url = path + fragment(sample(card));
  if (!opened.startsWith('http')) return page.goto(url);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.goto(url);
  expect(await page.evaluate(() => window.__sameDocument), 'the link reloaded the page').toBe(true);
}

export async function choosePhoto(page, card) {
  await checkAnother(page);
  await page.locator('#photo-input').setInputFiles(resolve(root, 'dist', sample(card).png));
}

/// The screen shows `card`'s verdict and details, in the region screen readers announce,
/// with focus on it, and none of `previous` (the card given before) is left anywhere.
export async function expectShowing(page, card, previous) {
  const { verdict, heading, name, rank, number } = CARDS[card];
  const region = page.locator('.verdict-region[aria-live]');
  const screen = region.locator('[data-verdict]');
  await expect(screen).toHaveAttribute('data-verdict', verdict);
  await expect(page.locator('[data-verdict]')).toHaveCount(1);
  await expect(screen.getByRole('heading', { level: 2 })).toHaveText(new RegExp(heading));
  await expect(screen.locator('[data-field="name"]')).toHaveText(name);
  await expect(screen.locator('[data-field="rank"]')).toHaveText(rank);
  await expect(screen.locator('[data-field="number"]')).toHaveText(number);
  await expect(screen.getByRole('heading', { level: 2 })).toBeFocused();
  if (previous) {
    const old = CARDS[previous];
    await expect(page.locator('body')).not.toContainText(old.name);
    await expect(page.locator('body')).not.toContainText(old.heading);
  }
  // The token never stays in the address bar.
  expect(await page.evaluate(() => location.hash)).toBe('');
  expect(page.url()).not.toContain('#');
}
