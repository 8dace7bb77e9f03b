// Languages: English and Welsh from the browser's settings, the URL or the visible switch,
// every screen audited in Welsh, and a right-to-left pseudo-locale (ar-XB) that must not
// break the layout.
import { test, expect } from '@playwright/test';
import { expectNoViolations, expectNoSidewaysScroll, plain } from './audit.mjs';
import { samples, sample, fragment, verdictOf } from './samples.mjs';

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

test('an English browser can switch to Welsh by keyboard, and ?lang=cy chooses Welsh', async ({ page }) => {
  await page.goto('/');
  const toWelsh = page.getByRole('button', { name: 'Cymraeg' });
  await toWelsh.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByLabel('Teipiwch neu gludwch god neu ddolen y cerdyn')).toBeVisible();

  await page.goto('/?lang=cy');
  await expect(page.getByRole('button', { name: "Sganio'r cerdyn gyda'r camera" })).toBeVisible();
  await page.getByLabel('Teipiwch neu gludwch god neu ddolen y cerdyn').fill('https://shop.example/');
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('not-a-card');
  await expect(page.locator('[data-verdict] h2')).toContainText('Nid cod cerdyn gwarant yw hwn');
});

// One of each verdict that has a deep link, in Welsh, at phone width and at 320px.
const screens = [
  ['start', '/?lang=cy'],
  ...[...new Map(samples.filter((s) => s.qr_text.startsWith('http://127.0.0.1:8080/#')).map((s) => [s.expected, s])).values()]
    .map((s) => [s.expected, '/?lang=cy' + fragment(s)]),
];
for (const [viewport, label] of [[{ width: 390, height: 844 }, 'phone'], [{ width: 320, height: 640 }, '320px']]) {
  test(`axe in Welsh, every screen, ${label}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const [name, path] of screens) {
      await page.goto('about:blank');
      await page.goto(path);
      if (name !== 'start') expect(await verdictOf(page)).toBe(name);
      await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
      await expectNoViolations(page, `${name} in Welsh at ${label}`);
      await expectNoSidewaysScroll(page, `${name} in Welsh at ${label}`);
    }
  });
}

test.describe('right-to-left pseudo-locale (ar-XB)', () => {
  for (const [viewport, label] of [[{ width: 320, height: 640 }, '320px'], [{ width: 1280, height: 800 }, 'desktop']]) {
    test(`lays out right to left without breaking, ${label}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/?lang=ar-XB' + fragment(sample('genuine')));
      expect(await verdictOf(page)).toBe('genuine');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar-XB');
      // Words are shown right to left, card details untouched.
      expect(await page.locator('[data-verdict] h2').textContent()).toContain('\u202E');
      await expect(page.locator('[data-field="name"]')).toHaveText('Jane Smith');
      // Mirrored: the symbol sits at the right of the heading, the language switch at the left.
      const heading = await page.locator('[data-verdict] h2').boundingBox();
      const symbol = await page.locator('[data-verdict] h2 .symbol').boundingBox();
      expect(symbol.x + symbol.width).toBeGreaterThan(heading.x + heading.width - symbol.width - 2);
      const main = await page.locator('main').boundingBox();
      const switcher = await page.locator('.language-switch button').first().boundingBox();
      expect(switcher.x).toBeLessThan(main.x + main.width / 2);
      // Labels are on the right of the details they name.
      const dt = await page.locator('.card-details dt').first().boundingBox();
      const dd = await page.locator('.card-details dd').first().boundingBox();
      if (viewport.width > 400) expect(dt.x).toBeGreaterThan(dd.x);
      await expectNoSidewaysScroll(page, `ar-XB at ${label}`);
      await expectNoViolations(page, `ar-XB at ${label}`);
      // Nothing is pushed outside the page on either side.
      const outside = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1);
      }).map((e) => e.tagName + '.' + e.className));
      expect(outside).toEqual([]);
    });
  }

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
