// The officer page's hold on the screen (Wake Lock), in Chromium: the lock is replaced before
// the page's own scripts run (an init script, which WebDriver cannot add in every engine),
// to see it asked for again and to take it away.
import { test, expect } from '@playwright/test';
import { sample } from './samples.mjs';
import { enrol } from './issuer.mjs';

/// The officer page on a new phone, taken through every step up to its live code: make the
/// key, ask for enrolment for the genuine sample card, save the credential the tool signs.
async function enrolThisPhone(page) {
  await page.goto('/officer.html');
  await page.getByRole('button', { name: "Make this phone's key" }).click();
  await page.getByLabel("Your warrant card's code or link").fill(sample('genuine').qr_text);
  await page.getByRole('button', { name: 'Make the enrolment request' }).click();
  const credential = enrol(await page.locator('#enrol-request').inputValue());
  await page.getByLabel('The credential from your identity team').fill(credential);
  await page.getByRole('button', { name: 'Save it on this phone' }).click();
}

// Enrolment, the non-extractable key, live then stale, the code changing, and requests:
// tests/engines/officer.spec.mjs, in every engine.

// A credential for another phone, and a camera reading the live code off the officer's
// screen: tests/engines/officer.spec.mjs, in every engine.

test('the live code keeps the screen on, asks again when the page comes back, and says so where it cannot', async ({ page }) => {
  await page.addInitScript(() => {
    window.__wakeLocks = 0;
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: async () => { window.__wakeLocks += 1; return {}; } } });
  });
  await enrolThisPhone(page);
  await expect(page.locator('figure.live-code')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__wakeLocks)).toBe(1);
  await expect(page.getByText('Keep this screen on while you show the code.')).toHaveCount(0);
  // Hidden (the lock is released by the browser), then visible again: asked for again.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => page.evaluate(() => window.__wakeLocks)).toBe(2);

  // A browser with no Wake Lock: the page says to keep the screen on.
  await page.addInitScript(() => Object.defineProperty(navigator, 'wakeLock', { value: undefined }));
  await page.reload();
  await expect(page.locator('figure.live-code')).toBeVisible();
  await expect(page.getByText('Keep this screen on while you show the code.')).toBeVisible();
});
