// The checker as a visitor meets it behind nginx or Caddy (deploy/), in Chromium: every
// sample's verdict by link, the privacy audit, the embed's framing rules, a list replaced on
// disk reaching an open page, and offline use after one visit.
import { chromium } from '@playwright/test';
import { test, expect, dist } from './fixtures.mjs';
import { FLAGS } from './servers.config.mjs';
import { start } from './start-server.mjs';
import { samples, sample, fragment, verdictOf } from '../e2e/samples.mjs';
import { filterBundleRevoking } from '../e2e/issuer.mjs';
import { reachIntoFrame } from '../e2e/host-page.mjs';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINKED = 'http://127.0.0.1:8080/#';

test('every sample card gets its expected verdict by its link (or, not being a link, pasted)', async ({ page, sites }) => {
  const seen = {};
  const expected = {};
  for (const s of samples) {
    expected[s.name] = s.expected;
    await page.goto('about:blank');
    if (s.qr_text.startsWith(LINKED)) {
      await page.goto(`${sites.checker.origin}/${fragment(s)}`);
    } else {
      await page.goto(`${sites.checker.origin}/`);
      await page.getByLabel("Type or paste the card's code or link").fill(s.qr_text);
      await page.keyboard.press('Enter');
    }
    seen[s.name] = await verdictOf(page);
  }
  expect(seen).toEqual(expected);
  expect(samples.filter((s) => s.qr_text.startsWith(LINKED)).length).toBeGreaterThanOrEqual(15);
});

/// Records every request and every storage write or CSP violation of one page.
async function audit(page) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__writes = [];
    const note = (what) => window.__writes.push(what);
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { note('storage:' + k); return set.call(this, k, v); };
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(Document.prototype, 'cookie', {
      get() { return cookie.get.call(this); },
      set(v) { note('cookie:' + v); cookie.set.call(this, v); },
    });
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, ...rest) { note('indexeddb:' + name); return open.call(this, name, ...rest); };
    document.addEventListener('securitypolicyviolation', (e) => note('csp-violation:' + e.violatedDirective + ' ' + e.blockedURI));
  });
  return requests;
}

test('privacy: only same-origin, card-independent requests; the server\'s CSP blocks nothing the page does; nothing of a card stored', async ({ page, context, sites }) => {
  const origin = sites.checker.origin;
  const requests = await audit(page);
  const cards = [sample('genuine'), sample('revoked'), sample('expired')];
  await page.goto(`${origin}/${fragment(cards[0])}`);
  expect(await verdictOf(page)).toBe('genuine');
  await page.waitForLoadState('networkidle');
  const afterLoad = requests.length;
  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.getByLabel("Type or paste the card's code or link").fill(cards[1].qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('revoked');
  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.locator('#photo-input').setInputFiles(join(dist, cards[2].png));
  expect(await verdictOf(page)).toBe('expired');
  await page.waitForLoadState('networkidle');

  // Checking cards fetched only the decoder and its worker, the same for everyone.
  expect(requests.slice(afterLoad).map((u) => new URL(u).pathname)).toEqual(['/scan-worker.js', '/scanner.wasm']);
  expect(requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/lists/')).sort()).toEqual(['/lists/revocation-filters.cbor', '/lists/trust-list.cose']);
  for (const url of requests) {
    expect(new URL(url).origin, url).toBe(origin);
    expect(url).not.toContain('#');
    for (const card of cards) expect(url).not.toContain((card.qr_text.split('#')[1] ?? card.qr_text).slice(0, 24));
  }
  const stored = await page.evaluate(async () => ({
    writes: [...new Set(window.__writes)],
    cookies: document.cookie,
    local: Object.keys(localStorage),
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  expect(stored).toEqual({ writes: ['storage:warrant-check-lists'], cookies: '', local: ['warrant-check-lists'], session: 0, databases: 0, caches: 0 });
  expect(await context.cookies()).toEqual([]);
});

const FRAME_TITLE = 'iframe[title="Police warrant card checker"]';

test('embed: a listed force site frames embed.html; the frame checks cards, fetches only from the checker, and cannot be reached into', async ({ page, sites }) => {
  const { checker, allowed } = sites;
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), frame: r.frame().url() }));
  await page.goto(allowed.url);
  const frame = page.frameLocator(FRAME_TITLE);
  const card = sample('genuine');
  await frame.getByLabel("Type or paste the card's code or link").fill(card.qr_text);
  await frame.getByLabel("Type or paste the card's code or link").press('Enter');
  await expect(frame.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');
  await expect(page.locator('#host-verdict')).toHaveText('The checker reported: genuine');
  expect(await page.evaluate(reachIntoFrame)).toEqual({ contentDocument: 'null', document: 'SecurityError', location: 'SecurityError', storage: 'SecurityError' });
  for (const { url, frame: from } of requests) {
    if (from.startsWith(checker.origin)) expect(new URL(url).origin, url).toBe(checker.origin);
    else expect([allowed.origin, checker.origin]).toContain(new URL(url).origin);
  }
  expect(requests.some((r) => r.url === `${checker.origin}/embed.html` || r.url.startsWith(`${checker.origin}/embed.html?`))).toBe(true);
});

/// The console's CSP refusals of frames, as Chromium reports them ("Framing 'ORIGIN/'
/// violates the following Content Security Policy directive: "frame-ancestors …"").
function refusals(page) {
  const seen = [];
  page.on('console', (m) => { if (/^Framing .* violates .*frame-ancestors/.test(m.text())) seen.push(m.text().trim()); });
  return seen;
}
const errorPages = (page) => page.frames().filter((f) => f.url() === 'chrome-error://chromewebdata/').length;

test('embed: a site not on the list cannot frame embed.html', async ({ page, sites }) => {
  const { checker, refused, embedAncestors } = sites;
  const seen = refusals(page);
  await page.goto(refused.url);
  await page.locator(FRAME_TITLE).waitFor({ state: 'attached' });
  expect(await page.locator(FRAME_TITLE).getAttribute('src')).toMatch(new RegExp(`^${checker.origin}/embed\\.html\\?`));
  await expect.poll(() => seen).toEqual([`Framing '${checker.origin}/' violates the following Content Security Policy directive: "frame-ancestors ${embedAncestors}". The request has been blocked.`]);
  // The frame holds Chromium's error page, never the checker.
  await expect.poll(() => errorPages(page)).toBe(1);
  expect(page.frames().map((f) => f.url()).filter((u) => u.startsWith(checker.origin))).toEqual([]);
  expect(await page.locator('#host-verdict').textContent()).toBe('');
});

test('embed: even a listed site cannot frame the checker\'s other pages', async ({ page, sites }) => {
  const { checker, allowed } = sites;
  const seen = refusals(page);
  await page.goto(allowed.url);
  await page.frameLocator(FRAME_TITLE).locator('[data-lang]').first().waitFor();
  const paths = ['/index.html', '/desk.html', '/officer.html', '/'];
  for (const [i, path] of paths.entries()) {
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, checker.origin + path);
    await expect.poll(() => errorPages(page), path).toBe(i + 1);
  }
  expect(seen).toEqual(paths.map(() => `Framing '${checker.origin}/' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked.`));
  expect(page.frames().map((f) => f.url()).filter((u) => u.startsWith(checker.origin)).map((u) => new URL(u).pathname)).toEqual(['/embed.html']);
});

/// The checker behind this project's server over a copy of dist/ the test may change.
async function checkerOnCopy(serverKind, embedAncestors) {
  const root = mkdtempSync(join(tmpdir(), 'warrant-served-'));
  cpSync(dist, root, { recursive: true });
  const server = await start[serverKind]({ root, embedAncestors });
  return {
    ...server,
    root,
    /// Replaces a published file as a publisher does: written beside it, then renamed over it.
    publish: (path, bytes) => {
      writeFileSync(join(root, path + '.new'), bytes);
      renameSync(join(root, path + '.new'), join(root, path));
    },
    stop: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

test('a list replaced on disk reaches a page already open, when it next fetches its lists', async ({ page, serverKind }) => {
  const checker = await checkerOnCopy(serverKind);
  try {
    const genuine = sample('genuine');
    const fetched = [];
    page.on('response', (r) => { if (r.url().endsWith('/lists/revocation-filters.cbor')) fetched.push(r.status()); });
    await page.goto(`${checker.origin}/${fragment(genuine)}`);
    expect(await verdictOf(page)).toBe('genuine');
    await expect.poll(() => fetched.length).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');

    checker.publish('lists/revocation-filters.cbor', filterBundleRevoking(genuine.qr_text));
    // The page fetches its lists again on load, every ten minutes and when back online.
    const again = page.waitForResponse((r) => r.url().endsWith('/lists/revocation-filters.cbor'));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    expect((await again).status()).toBe(200);
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'revoked');
  } finally {
    await checker.stop();
  }
});

test('offline after one visit: the server gone and the browser offline, the checker opens and checks cards', async ({ serverKind }) => {
  const checker = await start[serverKind]({ root: dist });
  const profile = mkdtempSync(join(tmpdir(), 'warrant-servers-offline-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: FLAGS, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(checker.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      for (let i = 0; i < 100; i++) {
        if (localStorage.getItem('warrant-check-lists')?.includes('revocation-filter ')) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('lists never kept');
    });
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/scanner.wasm');
    expect(cached.some((p) => /_bg\.wasm$/.test(p))).toBe(true);

    await checker.stop();
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${checker.origin}/${fragment(sample('genuine'))}`);
    await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');
    await expect(offline.locator('[data-field="name"]')).toHaveText('Jane Smith');
    await expect(offline.locator('[data-offline]')).toBeVisible();
    await offline.getByRole('button', { name: 'Check another card' }).click();
    await offline.getByLabel("Type or paste the card's code or link").fill(sample('revoked').qr_text);
    await offline.keyboard.press('Enter');
    await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'revoked');
    await offline.getByRole('button', { name: 'Check another card' }).click();
    await offline.locator('#photo-input').setInputFiles(join(dist, sample('expired').png));
    await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'expired');
  } finally {
    await context.close();
    await checker.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
