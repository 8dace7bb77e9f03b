// Privacy audit: through every way in, record every request and every storage write.
// No request may go to another origin or depend on a card; nothing may be stored but the
// verified lists, the same for everyone.
import { test, expect } from '@playwright/test';
import { resolve } from 'node:path';
import { root, sample, fragment, verdictOf } from './samples.mjs';

const ORIGIN = 'http://127.0.0.1:8080';

/// Records requests and storage writes for one page; returns the logs.
async function audit(page) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__writes = [];
    const note = (what) => window.__writes.push(what);
    for (const storage of [Storage.prototype]) {
      const set = storage.setItem;
      storage.setItem = function (k, v) { note('storage:' + k); return set.call(this, k, v); };
    }
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(Document.prototype, 'cookie', {
      get() { return cookie.get.call(this); },
      set(v) { note('cookie:' + v); cookie.set.call(this, v); },
    });
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, ...rest) { note('indexeddb:' + name); return open.call(this, name, ...rest); };
    if (self.CacheStorage) {
      const cacheOpen = CacheStorage.prototype.open;
      CacheStorage.prototype.open = function (name) { note('cache:' + name); return cacheOpen.call(this, name); };
    }
    document.addEventListener('securitypolicyviolation', (e) => note('csp-violation:' + e.violatedDirective + ' ' + e.blockedURI));
  });
  return requests;
}

async function stored(page) {
  return page.evaluate(async () => ({
    writes: [...new Set(window.__writes)],
    cookies: document.cookie,
    local: Object.keys(localStorage),
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
}

function expectNothingLeaks(requests, cards) {
  for (const url of requests) {
    expect(new URL(url).origin, url).toBe(ORIGIN);
    expect(url, 'a request carries a fragment').not.toContain('#');
    for (const card of cards) {
      const token = card.qr_text.split('#')[1] ?? card.qr_text;
      expect(url).not.toContain(token.slice(0, 24));
    }
  }
}

// The page keeps one thing: the lists it verified (src/trust_store.rs), the same for everyone.
const onlyTheLists = { writes: ['storage:warrant-check-lists'], cookies: '', local: ['warrant-check-lists'], session: 0, databases: 0, caches: 0 };

test('deep link, paste and photo: only same-origin, card-independent requests, nothing of a card stored', async ({ page, context }) => {
  const requests = await audit(page);
  const genuine = sample('genuine');
  const revoked = sample('revoked');

  await page.goto('/' + fragment(genuine));
  expect(await verdictOf(page)).toBe('genuine');
  await page.waitForLoadState('networkidle');
  const afterLoad = [...requests];

  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.getByLabel("Type or paste the card's code or link").fill(revoked.qr_text);
  await page.keyboard.press('Enter');
  expect(await verdictOf(page)).toBe('revoked');

  await page.getByRole('button', { name: 'Check another card' }).click();
  await page.locator('#photo-input').setInputFiles(resolve(root, 'dist', sample('expired').png));
  expect(await verdictOf(page)).toBe('expired');
  await page.waitForLoadState('networkidle');

  // Checking cards made no requests but two, the same for everyone: the decoder and the
  // worker it runs in, fetched with the first photo (src/browser/scanner.rs). Everything else
  // is the load itself.
  expect(requests.slice(afterLoad.length).map((u) => new URL(u).pathname)).toEqual(['/scan-worker.js', '/scanner.wasm']);
  expect(requests.slice(0, afterLoad.length)).toEqual(afterLoad);
  expectNothingLeaks(requests, [genuine, revoked, sample('expired')]);
  expect(await stored(page)).toEqual(onlyTheLists);
  const kept = await page.evaluate(() => localStorage.getItem('warrant-check-lists'));
  expect(kept.split('\n')[0]).toBe('warrant-check saved lists 1');
  for (const card of [genuine, revoked, sample('expired')]) expect(kept).not.toContain(card.qr_text.split('#')[1].slice(0, 24));
  expect(await context.cookies()).toEqual([]);
});

test('the requests a visit makes are the same whichever card it opens', async ({ browser }) => {
  const seen = [];
  for (const name of ['genuine', 'revoked', 'invalid-signature-forged']) {
    const page = await browser.newPage();
    const requests = await audit(page);
    await page.goto('/' + fragment(sample(name)));
    await verdictOf(page);
    await page.waitForLoadState('networkidle');
    seen.push([...requests].sort());
    await page.close();
  }
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[2]).toEqual(seen[0]);
  // And they are the page, its code, its style and the published lists.
  expect(seen[0].map((u) => new URL(u).pathname).filter((p) => p.startsWith('/lists/')).sort()).toEqual(['/lists/revocation-filters.cbor', '/lists/trust-list.cose']);
});

test('the page is served with a strict Content-Security-Policy and no referrer', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
});

test('camera refused or missing: said plainly, other ways offered, nothing requested', async ({ page }) => {
  // This browser has no camera (no fake device in this project).
  const requests = await audit(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const before = requests.length;
  await page.getByRole('button', { name: 'Scan the card with the camera' }).click();
  const camera = page.locator('[data-camera="unavailable"], [data-camera="refused"]');
  await expect(camera).toBeVisible();
  await expect(camera.getByRole('status')).toContainText(/photo of the card or type the code/);
  await expect(page.getByLabel("Type or paste the card's code or link")).toBeVisible();
  await expect(page.getByText('Use a photo of the card', { exact: true })).toBeVisible();
  // At most the decoder and its worker, which start loading as the camera is asked for: the
  // same files for everyone.
  expect(requests.slice(before).map((u) => new URL(u).pathname).filter((p) => p !== '/scanner.wasm' && p !== '/scan-worker.js')).toEqual([]);
  expect(await stored(page)).toEqual(onlyTheLists);
});
