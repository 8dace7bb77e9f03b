// The call-centre desk: keyboard first, a read-back script, photos pasted from the
// clipboard or dropped anywhere, and "next caller" (Escape) that leaves nothing behind.
import { test, expect } from '@playwright/test';
import { expectNoViolations, expectNoSidewaysScroll, plain } from './audit.mjs';
import { sample, verdictOf } from './samples.mjs';

test.use({ viewport: { width: 1440, height: 900 } });

const box = (page) => page.getByLabel("Type or paste the card's code or link");

test('focus starts in the paste box; Enter checks; the script reads back the card', async ({ page }) => {
  await page.goto('/desk.html');
  await expect(box(page)).toBeFocused();
  await page.keyboard.insertText(sample('genuine').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('genuine');
  const script = plain(await page.locator('[data-readback="genuine"]').textContent());
  expect(script).toMatch(/^This is a genuine card for Police Constable 1234 Jane Smith of Demonstration Police \(DEMO, not a real force\)\. It is valid until \d{1,2} [A-Z][a-z]+ \d{4}\./);
  await expect(page.locator('h1')).toHaveText("Call-centre desk: check a caller's warrant card");
  // Wide screen: the input and the result sit side by side.
  const input = await page.locator('.desk-input').boundingBox();
  const result = await page.locator('.desk-result').boundingBox();
  expect(result.x).toBeGreaterThan(input.x + input.width - 1);
});

test('Escape is "next caller": nothing of the last caller stays on the page', async ({ page }) => {
  await page.goto('/desk.html');
  await box(page).fill(sample('revoked').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('revoked');
  await expect(page.locator('[data-readback]')).toContainText('cancelled');
  const name = await page.locator('[data-field="name"]').textContent();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue('');
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(name);
  expect(await page.locator('#photo-input').evaluate((i) => i.files.length)).toBe(0);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length)).toBe(0);

  // The button does the same, for a mouse.
  await box(page).fill(sample('expired').qr_text);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Next caller (Esc)' }).click();
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(box(page)).toBeFocused();
});

// Photos pasted or dropped at the desk: tests/engines/desk.spec.mjs, in every engine.

for (const [viewport, label] of [[{ width: 1440, height: 900 }, 'wide'], [{ width: 640, height: 400 }, '200% zoom of 1280x800'], [{ width: 320, height: 640 }, '320px']]) {
  test(`axe on the desk, waiting and with a verdict, ${label}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/desk.html');
    await expectNoViolations(page, `desk waiting at ${label}`);
    await box(page).fill(sample('genuine').qr_text);
    await page.keyboard.press('Enter');
    expect(await verdictOf(page)).toBe('genuine');
    await expectNoViolations(page, `desk genuine at ${label}`);
    await expectNoSidewaysScroll(page, `desk at ${label}`);
    await page.goto('/desk.html?lang=cy');
    await page.locator('#code-input').fill(sample('revoked').qr_text);
    await page.keyboard.press('Enter');
    expect(await verdictOf(page)).toBe('revoked');
    await expectNoViolations(page, `desk revoked in Welsh at ${label}`);
  });
}

test('the desk lays out right to left in the pseudo-locale without breaking', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/desk.html?lang=ar-XB');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await box(page).fill(sample('genuine').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('genuine');
  // Two columns, mirrored: the way in on the right, the result and its script on the left.
  const input = await page.locator('#code-input').boundingBox();
  const verdict = await page.locator('[data-verdict]').boundingBox();
  expect(verdict.x + verdict.width).toBeLessThanOrEqual(input.x + 1);
  await expect(page.locator('[data-field="name"]')).toHaveText('Jane Smith');
  await expectNoSidewaysScroll(page, 'desk in ar-XB');
  await expectNoViolations(page, 'desk in ar-XB, genuine');
});

test('a photo of a live code sent by a caller is too old, and the script says why', async ({ page }) => {
  await page.goto('/desk.html');
  await box(page).fill(sample('live-stale-replayed').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('live-stale');
  await expect(page.locator('#verdict-title')).toContainText('Live code not made just now');
  const script = plain(await page.locator('[data-readback="live-stale"]').textContent());
  expect(script).toMatch(/^This live code, for Police Constable 1234 Jane Smith of Demonstration Police \(DEMO, not a real force\), was not made just now/);
  expect(script).toContain('A photo of a live code is always too old');
});

test('the genuine card screen says a card can be copied and offers the live code', async ({ page }) => {
  await page.goto('/desk.html');
  await box(page).fill(sample('genuine').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('genuine');
  await expect(page.locator('.advice')).toContainText('A card can be copied. To be sure, ask the officer to show the live code on their work phone, and scan it.');
});
