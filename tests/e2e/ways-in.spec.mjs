// Every way in after another, in one tab: the screen always shows the verdict of the code
// just given, never the last one's. A link opened in a tab already showing the checker
// changes only the fragment (no reload), which the page must notice by itself. The camera
// pairs are in ways-in-camera.spec.mjs (they need the fake camera's browser flags).
import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { root, sample, fragment } from './samples.mjs';
import { HOST_SITE } from './playwright.config.mjs';
import { openLink, paste, choosePhoto, checkAnother, expectShowing } from './on-screen.mjs';

for (const [first, second] of [['genuine', 'revoked'], ['revoked', 'genuine']]) {
  test(`link after link: ${first} then ${second}`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openLink(page, first);
    await expectShowing(page, first);
    await openLink(page, second);
    await expectShowing(page, second, first);
    expect(errors).toEqual([]);
  });
}

test('link after link leaves no token in the tab history', async ({ page }) => {
  await page.goto('/');
  await openLink(page, 'genuine');
  await expectShowing(page, 'genuine');
  await openLink(page, 'revoked');
  await expectShowing(page, 'revoked', 'genuine');
  const tokens = [sample('genuine'), sample('revoked')].map((s) => fragment(s).slice(1, 30));
  // Each link's history entry was rewritten as it was taken: going back finds no token.
  for (let step = 0; step < 2; step++) {
    await page.goBack();
    expect(page.url()).not.toContain('#');
    for (const token of tokens) expect(page.url()).not.toContain(token);
  }
});

// One way in, then another: [way, card] given first, then [way, card] after it.
const WAYS = { link: openLink, paste, photo: choosePhoto };
for (const [[firstWay, firstCard], [thenWay, thenCard]] of [
  [['link', 'genuine'], ['paste', 'revoked']],
  [['link', 'genuine'], ['photo', 'revoked']],
  [['paste', 'genuine'], ['link', 'revoked']],
  [['photo', 'revoked'], ['link', 'genuine']],
]) {
  test(`${thenWay} after ${firstWay}`, async ({ page }) => {
    if (firstWay !== 'link') await page.goto('/');
    await WAYS[firstWay](page, firstCard);
    await expectShowing(page, firstCard);
    await WAYS[thenWay](page, thenCard);
    await expectShowing(page, thenCard, firstCard);
  });
}

test('photo after paste, and paste after photo', async ({ page }) => {
  await page.goto('/');
  await paste(page, 'genuine');
  await expectShowing(page, 'genuine');
  await choosePhoto(page, 'revoked');
  await expectShowing(page, 'revoked', 'genuine');
  await paste(page, 'genuine');
  await expectShowing(page, 'genuine', 'revoked');
});

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

test('desk: link after paste, with its own read-back script', async ({ page }) => {
  await page.goto('/desk.html');
  await page.getByLabel("Type or paste the card's code or link").fill(sample('genuine').qr_text);
  await page.keyboard.press('Enter');
  await expectShowing(page, 'genuine');
  await openLink(page, 'revoked', '/desk.html');
  await expectShowing(page, 'revoked', 'genuine');
  await expect(page.locator('[data-readback="revoked"]')).toContainText('Tom Baker');
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

test('the same link opened again gets a screen of its own, focused and announced afresh', async ({ page }) => {
  await openLink(page, 'genuine');
  await expectShowing(page, 'genuine');
  await page.locator('[data-verdict]').evaluate((e) => { e.dataset.seenBefore = 'yes'; });
  await openLink(page, 'genuine');
  await expect(page.locator('[data-verdict]:not([data-seen-before])')).toHaveCount(1);
  await expectShowing(page, 'genuine');
});

test('after a link, "Check another card" offers every way in again', async ({ page }) => {
  await openLink(page, 'genuine');
  await expectShowing(page, 'genuine');
  await checkAnother(page);
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scan the card with the camera' })).toBeFocused();
  await expect(page.locator('body')).not.toContainText('Jane Smith');
});
