// A photo of the card, chosen or dropped: the QR code is found on the device.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root, sample, verdictOf } from './samples.mjs';

const png = (name) => resolve(root, 'dist', sample(name).png);

test('choosing a photo of a genuine card', async ({ page }) => {
  await page.goto('/');
  await page.locator('#photo-input').setInputFiles(png('genuine'));
  expect(await verdictOf(page)).toBe('genuine');
});

test('choosing a photo of a revoked card', async ({ page }) => {
  await page.goto('/');
  await page.locator('#photo-input').setInputFiles(png('revoked'));
  expect(await verdictOf(page)).toBe('revoked');
});

test('dropping a photo on the page', async ({ page }) => {
  await page.goto('/');
  const bytes = [...readFileSync(png('expired'))];
  const drop = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'card.png', { type: 'image/png' }));
    return dt;
  }, bytes);
  await page.locator('.photo').dispatchEvent('dragover', { dataTransfer: drop });
  await page.locator('.photo').dispatchEvent('drop', { dataTransfer: drop });
  expect(await verdictOf(page)).toBe('expired');
});

test('a photo with no QR code says it could not read one', async ({ page }) => {
  await page.goto('/');
  const picture = await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } });
  await page.locator('#photo-input').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: picture });
  expect(await verdictOf(page)).toBe('unreadable');
});

test('a file that is not an image says it could not read one', async ({ page }) => {
  await page.goto('/');
  await page.locator('#photo-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  expect(await verdictOf(page)).toBe('unreadable');
});
