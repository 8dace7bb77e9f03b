// The page's snapshot is replaced by fresher signed lists and revocation filters from its own
// origin, and a verdict already on screen is redone with them; what the built-in root does not
// vouch for is refused.
import { test, expect } from '@playwright/test';
import { sample, fragment, verdictOf } from './samples.mjs';
import { filterBundleRevoking } from './issuer.mjs';

test('a card revoked after the page was built turns from genuine to revoked when the fresh filter arrives', async ({ page }) => {
  const genuine = sample('genuine');
  const fresh = filterBundleRevoking(genuine.qr_text);
  let release;
  const held = new Promise((r) => { release = r; });
  // Hold the fresh filter back until the snapshot's verdict is on screen.
  await page.route('**/lists/revocation-filters.cbor', async (route) => {
    await held;
    await route.fulfill({ body: fresh, contentType: 'application/cbor' });
  });
  await page.goto('/' + fragment(genuine));
  expect(await verdictOf(page)).toBe('genuine');
  release();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'revoked');
});

test('a tampered filter from the server is refused and the snapshot stands', async ({ page }) => {
  const fresh = filterBundleRevoking(sample('genuine').qr_text);
  fresh[fresh.length - 1] ^= 1;
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route('**/lists/revocation-filters.cbor', (route) => route.fulfill({ body: fresh, contentType: 'application/cbor' }));
  await page.goto('/' + fragment(sample('genuine')));
  await page.waitForLoadState('networkidle');
  expect(await verdictOf(page)).toBe('genuine');
  expect(warnings.join('\n')).toContain('refused the fetched revocation filter (invalid-signature)');
});

test('offline on first check: the built-in snapshot still checks cards', async ({ page }) => {
  await page.route('**/lists/**', (route) => route.abort());
  await page.goto('/' + fragment(sample('revoked')));
  expect(await verdictOf(page)).toBe('revoked');
});
