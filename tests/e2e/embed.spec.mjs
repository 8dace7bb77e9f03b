// A force's website embeds the checker with two lines. Served from another port (another
// origin), the host page and its scripts must learn nothing but the frame's height and,
// when asked, the verdict's name; the frame stores nothing and fetches only from the
// checker's origin; a force colour that fails contrast is refused.
import { test, expect } from '@playwright/test';
import { expectNoViolations, expectNoSidewaysScroll, plain } from './audit.mjs';
import { sample } from './samples.mjs';
import { HOST_SITE } from './playwright.config.mjs';
import { reachIntoFrame } from './host-page.mjs';

const HOST = HOST_SITE + '/';
const CHECKER = 'http://127.0.0.1:8080';

// Service workers allowed, to prove the frame registers none.
test.use({ serviceWorkers: 'allow' });

/// A "tag manager" on the host page: records every message the page receives (and tries
/// every way into the frame: reachIntoFrame).
function spyOnHost() {
  if (location.port !== '8081') return;
  window.__seen = [];
  window.addEventListener('message', (e) => window.__seen.push({ origin: e.origin, data: JSON.parse(JSON.stringify(e.data)) }));
}

/// Opens the example host page; with `attributes`, its placeholder is replaced by one with
/// those (as a site that builds its page in script would add it).
async function openHost(page, attributes) {
  await page.addInitScript(spyOnHost);
  await page.goto(HOST);
  if (attributes) {
    await page.locator('iframe').waitFor();
    await page.evaluate((attributes) => {
      const old = document.querySelector('[data-warrant-check]');
      const placeholder = document.createElement('div');
      for (const [name, value] of Object.entries(attributes)) placeholder.setAttribute(name, value);
      old.replaceWith(placeholder);
    }, { 'data-warrant-check': '', ...attributes });
  }
  const frame = page.frameLocator('iframe[title="Police warrant card checker"]');
  await frame.locator('[data-lang]').first().waitFor();
  return frame;
}

const checkerFrame = (page) => page.frames().find((f) => f.url().startsWith(CHECKER + '/embed.html'));

test('embedded from another origin: the host learns the size and the verdict name, nothing else', async ({ page, context }) => {
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), frame: r.frame().url() }));
  const frame = await openHost(page);
  const card = sample('genuine');
  await frame.getByLabel("Type or paste the card's code or link").fill(card.qr_text);
  await frame.getByLabel("Type or paste the card's code or link").press('Enter');
  await expect(frame.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');
  await expect(frame.locator('[data-field="name"]')).toHaveText('Jane Smith');
  await expect(page.locator('#host-verdict')).toHaveText('The checker reported: genuine');

  // The frame is as tall as its content: no inner scrolling, no gap.
  await expect.poll(async () => {
    const outer = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
    const inner = await checkerFrame(page).evaluate(() => document.documentElement.scrollHeight);
    return Math.abs(outer - inner);
  }).toBeLessThanOrEqual(1);

  // A script on the host page cannot reach in...
  expect(await page.evaluate(reachIntoFrame)).toEqual({
    contentDocument: 'null', document: 'SecurityError', location: 'SecurityError', storage: 'SecurityError',
  });
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('Jane Smith');
  // ...and what came out is only sizes and the verdict's name, from the checker's origin.
  const seen = await page.evaluate(() => window.__seen);
  expect(seen.length).toBeGreaterThan(0);
  for (const { origin, data } of seen) {
    expect(origin).toBe(CHECKER);
    if (data.type === 'warrant-check:size') expect(Object.keys(data).sort()).toEqual(['height', 'type']);
    else expect(data).toEqual({ type: 'warrant-check:verdict', verdict: 'genuine' });
  }
  const token = card.qr_text.split('#')[1];
  for (const text of ['Jane', 'Smith', '1234', token.slice(0, 20)]) {
    expect(JSON.stringify(seen.filter((m) => m.data.type !== 'warrant-check:size'))).not.toContain(text);
  }

  // The frame fetched only from the checker's origin, nothing card-dependent; the host page
  // only from itself and the checker (embed.js).
  for (const { url, frame: from } of requests) {
    expect(url).not.toContain(token.slice(0, 20));
    if (from.startsWith(CHECKER)) expect(new URL(url).origin, url).toBe(CHECKER);
    else expect([HOST_SITE, CHECKER]).toContain(new URL(url).origin);
  }
  expect(requests.some((r) => r.url === CHECKER + '/lists/trust-list.cose')).toBe(true);

  // Nothing stored by the frame: no cookies, storage, caches or service worker.
  const stored = await checkerFrame(page).evaluate(async () => ({
    cookies: document.cookie,
    storage: localStorage.length + sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  expect(stored).toEqual({ cookies: '', storage: 0, databases: 0, caches: 0, workers: 0 });
  expect(await context.cookies()).toEqual([]);

  // The force's name and colour.
  await expect.poll(async () => plain(await frame.locator('header.site .brand').textContent())).toBe('Warrant Check, on the Dyfed-Powys Police website');
  expect(await checkerFrame(page).evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#00567d');
});

test('a force colour that fails WCAG AA contrast is refused with a console warning', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const frame = await openHost(page, { 'data-force-name': 'Dyfed-Powys Police', 'data-colour': '#ffdd00' });
  await expect.poll(async () => plain(await frame.locator('header.site .brand').textContent())).toBe('Warrant Check, on the Dyfed-Powys Police website');
  expect(await checkerFrame(page).evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#1d4f91');
  await expect.poll(() => warnings.join('\n')).toMatch(/force colour was refused.*contrast of 1\.\d\d:1/);
});

test('only the listed force sites may frame the checker, and only embed.html', async ({ request }) => {
  const csp = async (path) => (await request.get(CHECKER + path)).headers()['content-security-policy'];
  expect(await csp('/embed.html')).toContain(`frame-ancestors ${HOST_SITE}`);
  expect(await csp('/index.html')).toContain("frame-ancestors 'none'");
  expect(await csp('/desk.html')).toContain("frame-ancestors 'none'");
  const script = await request.get(CHECKER + '/embed.js');
  expect(script.headers()['cross-origin-resource-policy']).toBe('cross-origin');
});

// Welsh when asked, keyboard into the frame, no shared verdict unless asked, and the isolation
// test above: tests/engines/embed-offline.spec.mjs, in every engine.

for (const [viewport, label] of [[{ width: 390, height: 844 }, 'phone'], [{ width: 320, height: 640 }, '320px'], [{ width: 640, height: 400 }, '200% zoom of 1280x800']]) {
  test(`axe on the host page with the embedded checker, ${label}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const frame = await openHost(page);
    await expectNoViolations(page, `embedded, start, ${label}`);
    await frame.getByLabel("Type or paste the card's code or link").fill(sample('genuine').qr_text);
    await frame.getByLabel("Type or paste the card's code or link").press('Enter');
    await expect(frame.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');
    await expectNoViolations(page, `embedded, genuine, ${label}`);
    await expectNoSidewaysScroll(page, `embedded at ${label}`);
  });
}

test('bytes an embedded checker transfers on a first visit (reported, not asserted)', async ({ page }) => {
  const sizes = [];
  page.on('requestfinished', async (r) => {
    const s = await r.sizes();
    sizes.push({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  await openHost(page);
  await page.waitForLoadState('networkidle');
  const checker = sizes.filter((s) => s.url.startsWith(CHECKER));
  const total = checker.reduce((n, s) => n + s.bytes, 0);
  for (const s of checker) console.log(`${String(s.bytes).padStart(8)}  ${new URL(s.url).pathname}`);
  console.log(`embedded checker, first visit: ${total} bytes (${(total / 1024).toFixed(1)} KiB) from the checker's origin in ${checker.length} requests`);
  expect(checker.length).toBeGreaterThan(0);
});
