// Privacy audit in every engine: no request depends on the card or goes elsewhere, and
// nothing of a card is stored. Service workers run here as they do for people, so their
// cache is audited too.
import { test, expect, forgetEverything } from './fixtures.mjs';
import { resolve } from 'node:path';
import { watchRequests } from './requests.mjs';
import { root, sample, fragment } from '../e2e/samples.mjs';

const settle = (tab) => tab.eval(async () => {
  await navigator.serviceWorker?.ready;
  await new Promise((r) => setTimeout(r, 500));
});

/// Everything the page's origin holds, and every resource the page loaded.
const held = (tab) => tab.eval(async () => {
  const cached = [];
  for (const name of (await caches?.keys()) ?? []) {
    for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
  }
  return {
    cookies: document.cookie,
    storage: sessionStorage.length,
    // The one thing kept in storage: the verified lists, the same for everyone.
    kept: Object.keys(localStorage),
    keptLists: localStorage.getItem('warrant-check-lists') ?? '',
    databases: (await indexedDB.databases?.())?.length ?? 0,
    cached,
    loaded: performance.getEntriesByType('resource').map((e) => e.name),
  };
});

function expectNothingOfTheCards(things, cards) {
  for (const thing of things) {
    expect(thing, 'a fragment left the page').not.toContain('#');
    for (const card of cards) expect(thing).not.toContain((card.qr_text.split('#')[1] ?? card.qr_text).slice(0, 24));
  }
}

test('deep link, paste and photo: same-origin, card-independent requests; nothing of a card kept', async ({ tab }) => {
  const requests = watchRequests();
  const cards = ['genuine', 'revoked', 'expired'].map(sample);
  await tab.open('/' + fragment(cards[0]));
  expect(await tab.verdict()).toBe('genuine');
  await settle(tab);
  const afterLoad = requests.paths().length;

  await (await tab.button('Check another card')).click();
  await tab.enter('#code-input', cards[1].qr_text);
  await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');
  await (await tab.button('Check another card')).click();
  await tab.upload('#photo-input', resolve(root, 'dist', cards[2].png));
  await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('expired');
  await settle(tab);

  // Checking cards asked for nothing but the decoder and its worker, fixed files, unless the
  // service worker already held them; and the browser's own update check of /sw.js may fall
  // in this window (seen once in Firefox, in a full run), a fixed file too.
  const fixed = ['/scanner.wasm', '/scan-worker.js', '/sw.js'];
  expect(requests.paths().slice(afterLoad).filter((p) => !fixed.includes(p))).toEqual([]);
  const stored = await held(tab);
  expectNothingOfTheCards([...requests.paths(), ...stored.cached, ...stored.loaded, stored.keptLists], cards);
  expect(stored.kept).toEqual(['warrant-check-lists']);
  for (const url of [...stored.cached, ...stored.loaded]) expect(new URL(url).origin, url).toBe('http://127.0.0.1:8080');
  expect({ cookies: stored.cookies, storage: stored.storage, databases: stored.databases }).toEqual({ cookies: '', storage: 0, databases: 0 });
});

test('a visit asks for the same files whichever card it opens', async ({ tab }) => {
  const seen = [];
  for (const name of ['genuine', 'revoked', 'invalid-signature-forged']) {
    await forgetEverything(tab);
    const requests = watchRequests();
    await tab.open('/' + fragment(sample(name)));
    await tab.verdict();
    await settle(tab);
    seen.push([...new Set(requests.paths())].sort());
  }
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[2]).toEqual(seen[0]);
  expect(seen[0].filter((p) => p.startsWith('/lists/'))).toEqual(['/lists/revocation-filters.cbor', '/lists/trust-list.cose']);
});
