// The JavaScript module for force systems (crates/warrant-js, built into target/warrant-js by
// scripts/build-js-module.sh) on a page of its own in every engine: it verifies with the
// lists the page passes, a revocation bundle included, and fetches only its own two files.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { watchRequests } from './requests.mjs';
import { root } from '../e2e/samples.mjs';
import { RUN } from './engines.config.mjs';

const vector = (name) => JSON.parse(readFileSync(resolve(root, `tests/vectors/${name}.json`), 'utf8'));

const VECTORS = ['genuine', 'revoked', 'revoked-through-bundle', 'live', 'live-stale-replayed', 'malformed-truncated'];

// A force system's page, as files of its own: the checker's server sends every response its
// strict Content-Security-Policy (no inline script), so the page's code is a module file.
const PAGE = `<!doctype html><html lang="en"><title>A force system</title><link rel="icon" href="data:,"><script type="module" src="force-system.js"></script></html>`;
const SCRIPT = `import init, { verify } from './warrant_js.js';
await init();
const bytes = (token) => Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const vectors = await (await fetch('vectors.json')).json();
const results = vectors.map((v) => verify(v.qr_text, {
  root: v.root_public_key_pem, trustList: bytes(v.trust_list), revocationLists: v.revocation_lists.map(bytes),
  ...(v.revocation_bundle && { revocationBundle: bytes(v.revocation_bundle) }),
}, Date.parse(v.now) / 1000));
document.documentElement.dataset.results = JSON.stringify(results);
`;
const HARNESS = ['force-system.html', 'force-system.js', 'vectors.json'];
// One folder per run (engines.config.mjs), so that engines run side by side never share one.
const HARNESS_DIR = `warrant-js-${RUN}`;

test.beforeAll(() => {
  // Served beside the card videos (engines.config.mjs: TEST_MEDIA), from the checker's origin.
  const dir = resolve(root, 'target/e2e', HARNESS_DIR);
  mkdirSync(dir, { recursive: true });
  for (const file of ['warrant_js.js', 'warrant_js_bg.wasm']) cpSync(resolve(root, 'target/warrant-js', file), resolve(dir, file));
  writeFileSync(resolve(dir, 'force-system.html'), PAGE);
  writeFileSync(resolve(dir, 'force-system.js'), SCRIPT);
  writeFileSync(resolve(dir, 'vectors.json'), JSON.stringify(VECTORS.map(vector)));
});

test('a force system verifies cards with the module, which makes no requests of its own', async ({ tab }) => {
  const requests = watchRequests();
  await tab.open(`/test-media/${HARNESS_DIR}/force-system.html`);
  await expect.poll(() => tab.attr('html', 'data-results'), { timeout: 15_000 }).not.toBeNull();
  const results = JSON.parse(await tab.attr('html', 'data-results'));
  expect(results.map((r) => r.verdict)).toEqual(['genuine', 'revoked', 'revoked', 'live', 'live-stale', 'malformed']);
  expect(results[0].card).toMatchObject({ name: 'Jane Smith', rank: 'Police Constable', number: '1234', role: 'police-officer' });
  expect(results[5]).toEqual({ verdict: 'malformed', reason: 'truncated', warnings: [] });
  // Beside the force system's own page, script and data: the module's two files, nothing else.
  const own = requests.paths().filter((p) => !HARNESS.some((file) => p.endsWith('/' + file)));
  expect(own).toEqual([`/test-media/${HARNESS_DIR}/warrant_js.js`, `/test-media/${HARNESS_DIR}/warrant_js_bg.wasm`]);
});
