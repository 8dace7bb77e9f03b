// Every sample card through the deep link and the paste box gives its expected verdict.
import { test, expect } from '@playwright/test';
import { samples, sample, fragment, verdictOf } from './samples.mjs';

test('the demo publishes a sample for every verdict', () => {
  const expected = new Set(samples.map((s) => s.expected));
  for (const name of ['genuine', 'revoked', 'expired', 'not-yet-valid', 'unknown-issuer', 'issuer-key-invalid', 'invalid-signature', 'malformed', 'not-a-card']) {
    expect(expected, `no sample for ${name}`).toContain(name);
  }
});

for (const s of samples) {
  test(`deep link: ${s.name} → ${s.expected}`, async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Only QR texts that are links to this checker open it; others are pasted (below).
    test.skip(!s.qr_text.startsWith('http://127.0.0.1:8080/#'), 'not a link to this checker');
    await page.goto('/' + fragment(s));
    expect(await verdictOf(page)).toBe(s.expected);
    // The token is gone from the address bar and from history.
    expect(page.url()).not.toContain('#');
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(errors).toEqual([]);
  });

  test(`paste: ${s.name} → ${s.expected}`, async ({ page }) => {
    await page.goto('/');
    await page.getByLabel("Type or paste the card's code or link").fill(s.qr_text);
    await page.keyboard.press('Enter');
    expect(await verdictOf(page)).toBe(s.expected);
  });
}

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

test('failures say what to do: 999 and 101, and show no card details', async ({ page }) => {
  await page.goto('/' + fragment(sample('invalid-signature-forged')));
  const verdict = page.locator('[data-verdict="invalid-signature"]');
  await expect(verdict).toContainText('999');
  await expect(verdict).toContainText('101');
  await expect(verdict.locator('[data-field]')).toHaveCount(0);
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

test('nonsense, huge and hostile input gets a verdict, never a blank page', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const box = page.getByLabel("Type or paste the card's code or link");
  for (const [text, expected] of [
    ['hello', 'not-a-card'],
    ['0o' + 'A'.repeat(5000), 'malformed'],
    ['0o\u202Eevil', 'malformed'],
    ['https://x.example/#0o%%%', 'malformed'],
    ['ḫttps://x/#0oAA', 'not-a-card'],
  ]) {
    await box.fill(text);
    await page.keyboard.press('Enter');
    expect(await verdictOf(page), text.slice(0, 20)).toBe(expected);
    await page.getByRole('button', { name: 'Check another card' }).click();
  }
  expect(errors).toEqual([]);
});
