// The camera after another way in, and another way in while the camera is on (Chromium's
// fake camera: card.y4m shows the genuine sample card, nothing.y4m an empty doorway).
// Named *camera.spec* so that only the camera projects of playwright.config.mjs run it.
import { test, expect } from '@playwright/test';
import { watchTracks } from './fixtures.mjs';
import { openLink, checkAnother, expectShowing } from './on-screen.mjs';

test.beforeEach(async ({ page }) => watchTracks(page));

const scan = (page) => page.getByRole('button', { name: 'Scan the card with the camera' });

test('camera after link: the scanned card replaces the linked one', async ({ page }) => {
  test.skip(test.info().project.name !== 'camera', 'needs a card in view');
  await openLink(page, 'revoked');
  await expectShowing(page, 'revoked');
  await checkAnother(page);
  await scan(page).click();
  await expectShowing(page, 'genuine', 'revoked');
  await expect(page.locator('video')).toHaveCount(0);
  expect(await page.evaluate(() => window.__liveTracks())).toBe(0);
});

test('a link opened while the camera is looking: its verdict, the camera off and not back', async ({ page }) => {
  test.skip(test.info().project.name !== 'camera-empty', 'needs a camera with no card in view');
  await page.goto('/');
  await scan(page).click();
  await expect(page.locator('[data-camera="scanning"]')).toBeVisible();
  await openLink(page, 'revoked');
  await expectShowing(page, 'revoked');
  await expect(page.locator('video')).toHaveCount(0);
  expect(await page.evaluate(() => window.__liveTracks())).toBe(0);
  // The next card starts from the ways in; the camera does not turn itself back on.
  await checkAnother(page);
  await expect(scan(page)).toBeVisible();
  await expect(page.locator('video')).toHaveCount(0);
  expect(await page.evaluate(() => window.__tracksOpened())).toBe(1);
});
