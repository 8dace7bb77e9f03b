// Every sample card through the deep link and the paste box gives its expected verdict.
import { test, expect } from '@playwright/test';
import { samples, sample, fragment, verdictOf } from './samples.mjs';

test('the demo publishes a sample for every verdict', () => {
  const expected = new Set(samples.map((s) => s.expected));
  for (const name of ['genuine', 'revoked', 'expired', 'not-yet-valid', 'unknown-issuer', 'issuer-key-invalid', 'invalid-signature', 'malformed', 'not-a-card']) {
    expect(expected, `no sample for ${name}`).toContain(name);
  }
});

// Every sample by deep link and paste, in all three engines: tests/engines/verdicts.spec.mjs.

test('genuine shows the details to compare, and the caveat', async ({ page }) => {
  const s = sample('genuine');
  await page.goto('/' + fragment(s));
  const verdict = page.locator('[data-verdict="genuine"]');
  await expect(verdict.getByRole('heading', { level: 2 })).toHaveText(/Genuine card/);
  await expect(verdict.locator('[data-field="name"]')).toHaveText('Jane Smith');
  await expect(verdict.locator('[data-field="rank"]')).toHaveText('Police Constable');
  await expect(verdict.locator('[data-field="number"]')).toHaveText('1234');
  await expect(verdict.locator('[data-field="force"]')).toContainText('Demonstration Police');
  await expect(verdict.locator('[data-field="expires"]')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(verdict).toContainText('does not mean you must let anyone in');
  await expect(page.locator('.demo-banner')).toContainText('DEMO');
});

test('the genuine advice points at the details where they are, in English and Welsh', async ({ page }) => {
  for (const [lang, words] of [['en', 'name, rank and number above'], ['cy', "y rheng a'r rhif uchod"]]) {
    await page.goto(`/?lang=${lang}` + fragment(sample('genuine')));
    const verdict = page.locator('[data-verdict="genuine"]');
    await expect(verdict.locator('.advice li').filter({ hasText: words })).toHaveCount(1);
    // Read top to bottom, the details come before the advice that points back at them.
    const detailsFirst = await verdict.evaluate((v) =>
      Boolean(v.querySelector('.card-details').compareDocumentPosition(v.querySelector('.advice')) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(detailsFirst, lang).toBe(true);
  }
});

test('a bare token, as typed, is checked', async ({ page }) => {
  await page.goto('/');
  const token = sample('genuine').qr_text.split('#')[1];
  await page.getByLabel("Type or paste the card's code or link").fill(`  ${token}  `);
  await page.getByRole('button', { name: 'Check this code' }).click();
  expect(await verdictOf(page)).toBe('genuine');
});

test('a code pointing at another website is still checked, with a warning', async ({ page }) => {
  await page.goto('/');
  const token = sample('genuine').qr_text.split('#')[1];
  await page.getByLabel("Type or paste the card's code or link").fill(`https://check-police.example/#${token}`);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('genuine');
  await expect(page.locator('[data-warning="foreign-address"]')).toContainText('look-alike');
  // No warning for this checker's own address.
  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.getByLabel("Type or paste the card's code or link").fill(sample('genuine').qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('genuine');
  await expect(page.locator('[data-warning="foreign-address"]')).toHaveCount(0);
});
