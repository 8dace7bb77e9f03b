// The JavaScript module for force systems (crates/warrant-js, built into target/warrant-js by
// scripts/build-js-module.sh) in a browser, on a force system's own page: it verifies with
// the lists the page passes, and fetches nothing but its own two files.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './samples.mjs';

const SYSTEM = 'http://crm.force.example';
const files = {
  '/': ['text/html', '<!doctype html><html lang="en"><title>Force CRM</title><h1>Caller check</h1></html>'],
  '/warrant_js.js': ['text/javascript', readFileSync(resolve(root, 'target/warrant-js/warrant_js.js'))],
  '/warrant_js_bg.wasm': ['application/wasm', readFileSync(resolve(root, 'target/warrant-js/warrant_js_bg.wasm'))],
};
const vector = (name) => JSON.parse(readFileSync(resolve(root, `tests/vectors/${name}.json`), 'utf8'));

test('a force system verifies cards in the browser with the module, which makes no requests of its own', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route(`${SYSTEM}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ contentType: file[0], body: file[1] }) : route.fulfill({ status: 404 });
  });
  await page.goto(SYSTEM + '/');
  const results = await page.evaluate(async (vectors) => {
    const module = await import('/warrant_js.js');
    await module.default();
    const bytes = (token) => Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    return vectors.map((v) => module.verify(v.qr_text, {
      root: v.root_public_key_pem, trustList: bytes(v.trust_list), revocationLists: v.revocation_lists.map(bytes),
    }, Date.parse(v.now) / 1000));
  }, ['genuine', 'revoked', 'live', 'live-stale-replayed', 'malformed-truncated'].map(vector));
  expect(results.map((r) => r.verdict)).toEqual(['genuine', 'revoked', 'live', 'live-stale', 'malformed']);
  expect(results[0].card).toMatchObject({ name: 'Jane Smith', rank: 'Police Constable', number: '1234', role: 'police-officer' });
  expect(results[4]).toEqual({ verdict: 'malformed', reason: 'truncated', warnings: [] });
  expect(requests.map((u) => new URL(u).pathname)).toEqual(['/', '/warrant_js.js', '/warrant_js_bg.wasm']);
});
