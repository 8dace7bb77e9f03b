// The JavaScript module for force systems (crates/warrant-js, built into target/warrant-js by
// scripts/build-js-module.sh) on a page of its own in every engine: it verifies with the
// lists the page passes, a revocation bundle included, and fetches only its own two files.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { watchRequests } from './requests.mjs';
import { root } from '../e2e/samples.mjs';

const vector = (name) => JSON.parse(readFileSync(resolve(root, `tests/vectors/${name}.json`), 'utf8'));

test.beforeAll(() => {
  // Served beside the card videos (engines.config.mjs: TEST_MEDIA), from the checker's origin.
  mkdirSync(resolve(root, 'target/e2e/warrant-js'), { recursive: true });
  for (const file of ['warrant_js.js', 'warrant_js_bg.wasm']) {
    cpSync(resolve(root, 'target/warrant-js', file), resolve(root, 'target/e2e/warrant-js', file));
  }
});

test('a force system verifies cards with the module, which makes no requests of its own', async ({ tab }) => {
  await tab.open('/robots-none.txt'); // a page with no app on it
  const requests = watchRequests();
  const results = await tab.eval(async (vectors) => {
    // A module script on the page, as a force system would load it. Everything it passes the
    // module is made on the page itself (Firefox keeps a WebDriver script's objects apart).
    const script = document.createElement('script');
    script.type = 'module';
    script.textContent = `
      import init, { verify } from '/test-media/warrant-js/warrant_js.js';
      await init();
      const bytes = (token) => Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const results = ${JSON.stringify(vectors)}.map((v) => verify(v.qr_text, {
        root: v.root_public_key_pem, trustList: bytes(v.trust_list), revocationLists: v.revocation_lists.map(bytes),
        ...(v.revocation_bundle && { revocationBundle: bytes(v.revocation_bundle) }),
      }, Date.parse(v.now) / 1000));
      document.body.dataset.results = JSON.stringify(results);`;
    document.head.append(script);
    for (let i = 0; i < 100 && !document.body.dataset.results; i++) await new Promise((r) => setTimeout(r, 50));
    return JSON.parse(document.body.dataset.results ?? 'null');
  }, ['genuine', 'revoked', 'revoked-through-bundle', 'live', 'live-stale-replayed', 'malformed-truncated'].map(vector));
  expect(results.map((r) => r.verdict)).toEqual(['genuine', 'revoked', 'revoked', 'live', 'live-stale', 'malformed']);
  expect(results[0].card).toMatchObject({ name: 'Jane Smith', rank: 'Police Constable', number: '1234', role: 'police-officer' });
  expect(results[5]).toEqual({ verdict: 'malformed', reason: 'truncated', warnings: [] });
  expect(requests.paths()).toEqual(['/test-media/warrant-js/warrant_js.js', '/test-media/warrant-js/warrant_js_bg.wasm']);
});
