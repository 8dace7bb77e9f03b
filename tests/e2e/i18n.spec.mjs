// Languages: English and Welsh from the browser's settings, the URL or the visible switch.
// (Every screen audited in Welsh, and the right-to-left layout: tests/engines.)
import { test, expect } from '@playwright/test';
import { plain } from './audit.mjs';
import { sample, fragment, verdictOf } from './samples.mjs';

const WELSH_MONTH = /^\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}$/;

test.describe('a browser set to Welsh', () => {
  test.use({ locale: 'cy-GB' });

  test('gets the checker in Welsh, verdict and dates included', async ({ page }) => {
    await page.goto('/' + fragment(sample('genuine')));
    expect(await verdictOf(page)).toBe('genuine');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.locator('h1')).toHaveText('Gwirio cerdyn gwarant yr heddlu');
    await expect(page).toHaveTitle('Gwirio cerdyn gwarant yr heddlu');
    await expect(page.locator('[data-verdict] h2')).toContainText('Cerdyn dilys');
    await expect(page.locator('[data-field="expires"]')).toHaveText(WELSH_MONTH);
    await expect(page.locator('[data-field="name"]')).toHaveText('Jane Smith');
    await expect(page.locator('[data-verdict]')).toContainText('ffoniwch 101');
    await expect(page.locator('.list-status')).toContainText('Diweddarwyd');
  });

  test('can switch to English, and the verdict on screen follows', async ({ page }) => {
    await page.goto('/' + fragment(sample('revoked')));
    await expect(page.locator('[data-verdict] h2')).toContainText("Cerdyn wedi'i ganslo");
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.locator('[data-verdict] h2')).toContainText('Cancelled card');
    await expect(page.locator('h1')).toHaveText('Check a police warrant card');
    await expect(page.getByRole('button', { name: 'Cymraeg' })).toHaveAttribute('lang', 'cy');
  });
});

// Every screen audited in Welsh, and the right-to-left layout: tests/engines/a11y-i18n.spec.mjs.

test.describe('right-to-left pseudo-locale (ar-XB)', () => {
  test('the pseudo-locale is never offered in the switch', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.language-switch button')).toHaveCount(1);
    await expect(page.locator('.language-switch button')).toHaveText('Cymraeg');
  });
});

test('read-back and list age are translated too', async ({ page }) => {
  await page.goto('/desk.html?lang=cy');
  await page.locator('#code-input').fill(sample('genuine').qr_text);
  await page.keyboard.press('Enter');
  const script = plain(await page.locator('[data-readback]').textContent());
  expect(script).toMatch(/^Mae hwn yn gerdyn dilys ar gyfer Police Constable 1234 Jane Smith o Demonstration Police \(DEMO, not a real force\)\. Mae'n ddilys tan \d{1,2} \S+ \d{4}\./);
});
