// Bytes a first visit transfers (as sent, compressed), measured in headless Chromium with
// an empty cache: the page itself, then what its service worker fetches as it installs
// (the offline copy, which includes the decoder the page fetches when a camera starts or a
// photo is given). Bodies and headers are shown apart: HTTP/1.1 sends every header in
// full, while HTTP/2 and 3, as real hosts use, compress repeated ones to a few bytes.
// Usage: node benches/first-visit.mjs [URL]   (serve dist/ first)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const profile = mkdtempSync(join(tmpdir(), 'first-visit-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
const page = context.pages()[0] ?? await context.newPage();
const rows = [];
context.on('requestfinished', async (request) => {
  const sizes = await request.sizes();
  rows.push({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize,
    body: sizes.responseBodySize, headers: sizes.responseHeadersSize,
    by: request.serviceWorker() || !request.frame ? 'service worker' : 'page' });
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.locator('#start-camera').waitFor();
await page.evaluate(() => navigator.serviceWorker.ready);
await page.waitForTimeout(1000);
for (const by of ['page', 'service worker']) {
  const mine = rows.filter((r) => r.by === by);
  const sum = (key) => mine.reduce((n, r) => n + r[key], 0);
  for (const r of mine) console.log(`${String(r.bytes).padStart(8)}  ${r.path}`);
  console.log(`${String(sum('bytes')).padStart(8)}  total by the ${by} (${(sum('bytes') / 1024).toFixed(1)} KiB), ${mine.length} requests:`
    + ` bodies ${sum('body')}, headers ${sum('headers')}\n`);
}
const decoder = rows.find((r) => r.path.endsWith('/scanner.wasm'));
if (decoder) console.log(`${String(decoder.body).padStart(8)}  the decoder (scanner.wasm, body), which the page fetches when a camera starts or a photo is given`);
await context.close();
rmSync(profile, { recursive: true, force: true });
