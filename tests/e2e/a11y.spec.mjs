// Accessibility: axe-core (WCAG 2.2 A/AA rules) on every screen, at phone width and at
// 200% zoom, plus keyboard-only use.
import { test, expect } from '@playwright/test';
import { expectNoViolations, expectNoSidewaysScroll } from './audit.mjs';
import { samples, fragment, verdictOf } from './samples.mjs';

const screens = [
  ['start', '/'],
  ...[...new Map(samples.filter((s) => s.qr_text.startsWith('http://127.0.0.1:8080/#')).map((s) => [s.expected, s])).values()]
    .map((s) => [s.expected, '/' + fragment(s)]),
];

for (const [viewport, label] of [[{ width: 390, height: 844 }, 'phone'], [{ width: 320, height: 640 }, '320px'], [{ width: 640, height: 400 }, '200% zoom of 1280x800']]) {
  test.describe(label, () => {
    test.use({ viewport });
    for (const [name, path] of screens) {
      test(`axe: ${name}`, async ({ page }) => {
        await page.goto(path);
        if (name !== 'start') expect(await verdictOf(page)).toBe(name);
        await expectNoViolations(page, `${name} at ${label}`);
        await expectNoSidewaysScroll(page, `${name} at ${label}`);
      });
    }
  });
}

test('axe: not a card, unreadable photo, and camera unavailable screens', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel("Type or paste the card's code or link").fill('https://shop.example/');
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('not-a-card');
  await expectNoViolations(page, 'not-a-card');
  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.locator('#photo-input').setInputFiles({ name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('x') });
  expect(await verdictOf(page)).toBe('unreadable');
  await expectNoViolations(page, 'unreadable');
  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.getByRole('button', { name: 'Scan the card with the camera' }).click();
  await expect(page.locator('[data-camera="unavailable"], [data-camera="refused"]')).toBeVisible();
  await expectNoViolations(page, 'camera unavailable');
});

test('the verdict is in a live region and takes focus', async ({ page }) => {
  await page.goto('/');
  const region = page.locator('[aria-live="assertive"]');
  await expect(region).toHaveCount(1);
  await page.getByLabel("Type or paste the card's code or link").fill(samples[0].qr_text);
  await page.keyboard.press('Enter');
  await expect(region.locator('[data-verdict]')).toHaveCount(1);
  await expect(page.locator('#verdict-title')).toBeFocused();
});

test('keyboard only: paste, check, read, next card', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Scan the card with the camera' }).waitFor();
  // Tab order: language switch, camera button, photo input, code box.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cymraeg' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Scan the card with the camera' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#photo-input')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel("Type or paste the card's code or link")).toBeFocused();
  await page.keyboard.insertText(samples.find((s) => s.expected === 'revoked').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('revoked');
  await expect(page.locator('#verdict-title')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check another card' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scan the card with the camera' })).toBeFocused();
});
