// Ways in that race each other, in Chromium: a photo still being read (held back by an init
// script, which WebDriver cannot add in every engine) when a link comes, or Escape at the
// desk; the embedded host told of each verdict in turn. Every way in after another is in
// all three engines (tests/engines/ways-in.spec.mjs); the camera pairs are in
// ways-in-camera.spec.mjs (they need the fake camera's browser flags).
import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { root, sample } from './samples.mjs';
import { HOST_SITE } from './playwright.config.mjs';
import { openLink, choosePhoto, checkAnother, expectShowing } from './on-screen.mjs';

/// Photos are read only when the test lets them (`__releasePhotos()`), so another code can
/// be given while one is still being read. `__pixelReads` counts images read into pixels,
/// after which the photo's code is found and handed on in the same task.
async function holdPhotos(page) {
  await page.addInitScript(() => {
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    window.__releasePhotos = release;
    window.__photosHeld = 0;
    window.__pixelReads = 0;
    const createImageBitmap = window.createImageBitmap;
    window.createImageBitmap = function (...args) {
      window.__photosHeld += 1;
      return released.then(() => createImageBitmap.apply(window, args));
    };
    const getImageData = CanvasRenderingContext2D.prototype.getImageData;
    CanvasRenderingContext2D.prototype.getImageData = function (...args) {
      window.__pixelReads += 1;
      return getImageData.apply(this, args);
    };
  });
}

/// Lets the held photo be read and waits until the page has done with its code.
async function finishHeldPhoto(page) {
  await page.evaluate(() => window.__releasePhotos());
  await page.waitForFunction(() => window.__pixelReads >= 1);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('a photo still being read when a link is opened does not cover the link\'s verdict', async ({ page }) => {
  await holdPhotos(page);
  await page.goto('/');
  await choosePhoto(page, 'genuine');
  await page.waitForFunction(() => window.__photosHeld === 1);
  await expect(page.getByRole('status').filter({ hasText: 'Looking for the code in the photo' })).toBeVisible();
  await openLink(page, 'revoked');
  await expectShowing(page, 'revoked');
  await finishHeldPhoto(page);
  expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('revoked');
  await expectShowing(page, 'revoked', 'genuine');
});

test('desk: the next caller (Escape) never gets the last caller\'s photo', async ({ page }) => {
  await holdPhotos(page);
  await page.goto('/desk.html');
  await page.locator('#photo-input').setInputFiles(resolve(root, 'dist', sample('genuine').png));
  await page.waitForFunction(() => window.__photosHeld === 1);
  await page.keyboard.press('Escape');
  await finishHeldPhoto(page);
  await expect(page.locator('.desk-waiting')).toBeVisible();
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Jane Smith');
});

test('embedded: the host is told the verdict of each code in turn', async ({ page }) => {
  await page.addInitScript(() => {
    if (location.port !== '8081') return;
    window.__verdicts = [];
    document.addEventListener('warrant-check-verdict', (e) => window.__verdicts.push(e.detail.verdict));
  });
  await page.goto(HOST_SITE + '/');
  const frame = page.frameLocator('iframe[title="Police warrant card checker"]');
  const box = frame.getByLabel("Type or paste the card's code or link");
  await box.fill(sample('genuine').qr_text);
  await box.press('Enter');
  await expect(frame.locator('[data-field="name"]')).toHaveText('Jane Smith');
  await expect(page.locator('#host-verdict')).toHaveText('The checker reported: genuine');

  await frame.getByRole('button', { name: 'Check another card' }).click();
  await frame.locator('#photo-input').setInputFiles(resolve(root, 'dist', sample('revoked').png));
  await expect(frame.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'revoked');
  await expect(frame.locator('[data-field="name"]')).toHaveText('Tom Baker');
  await expect(frame.locator('body')).not.toContainText('Jane Smith');
  await expect(page.locator('#host-verdict')).toHaveText('The checker reported: revoked');
  expect(await page.evaluate(() => window.__verdicts)).toEqual(['genuine', 'revoked']);
});

test('after a link, "Check another card" offers every way in again', async ({ page }) => {
  await openLink(page, 'genuine');
  await expectShowing(page, 'genuine');
  await checkAnother(page);
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scan the card with the camera' })).toBeFocused();
  await expect(page.locator('body')).not.toContainText('Jane Smith');
});
