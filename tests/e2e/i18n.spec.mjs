// A browser set to Welsh gets Welsh (Playwright's locale, which WebDriver cannot set in every
// engine). Switching language, the Welsh read-back, every screen audited in Welsh, and the
// right-to-left layout run in all three engines: tests/engines.
import { test, expect } from '@playwright/test';
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
});
