// The desk's time from a check code typed to its verdict on screen, in headless Chromium:
// Enter pressed in the box (a keydown listener's performance.now()) to the verdict's element
// in the page (a MutationObserver), for each code in turn, each as a new caller (Escape), so
// that every code's keys are derived again (Argon2id). Also prints the page's own
// `warrant-code-check` measures (typed to verdict computed) and the desk's first-load bytes
// (page, directory and what its service worker keeps). Median of the runs; no thresholds.
// Usage: node benches/desk-code.mjs URL [ROUNDS]   (serve dist/ first; URL ends with /)
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:8080/';
const rounds = Number(process.argv[3] ?? 5);
const index = await (await fetch(new URL('samples.json', base))).json();
const codes = [...index.samples.filter((s) => s.check_code && s.in_directory).map((s) => s.check_code), index.check_codes.unknown];

const profile = mkdtempSync(join(tmpdir(), 'desk-code-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
const page = context.pages()[0] ?? await context.newPage();
const sizes = [];
context.on('requestfinished', async (request) => {
  const s = await request.sizes();
  const by = request.serviceWorker() || !request.frame ? 'service worker' : 'page';
  sizes.push([new URL(request.url()).pathname, s.responseBodySize + s.responseHeadersSize, by]);
});
await page.goto(new URL('desk.html', base).href, { waitUntil: 'networkidle' });
await page.waitForSelector('[data-directory="loaded"]');
await page.evaluate(() => navigator.serviceWorker.ready);
await page.waitForTimeout(1500);
const directory = sizes.find(([p]) => p.endsWith('/lists/directories.cbor'));
for (const by of ['page', 'service worker']) {
  const mine = sizes.filter((r) => r[2] === by);
  console.log(`desk first load by the ${by}: ${mine.reduce((n, r) => n + r[1], 0)} bytes, ${mine.length} requests`);
}
console.log(`  of which the card directory (lists/directories.cbor): ${directory?.[1] ?? 0} bytes`);

await page.evaluate(() => {
  window.__times = [];
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__typed = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__typed !== undefined && document.querySelector('[data-verdict], [data-code-result]:not([data-code-result="busy"])')) {
      window.__times.push(performance.now() - window.__typed);
      window.__typed = undefined;
    }
  }).observe(document.body, { childList: true, subtree: true });
});
for (let round = 0; round < rounds; round++) {
  for (const code of codes) {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-verdict], [data-code-result]', { state: 'detached' });
    await page.fill('#code-input', code);
    await page.press('#code-input', 'Enter');
    await page.waitForFunction((n) => window.__times.length >= n, round * codes.length + codes.indexOf(code) + 1);
  }
}
const times = await page.evaluate(() => window.__times);
const measures = await page.evaluate(() => performance.getEntriesByName('warrant-code-check').map((e) => e.duration));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`${times.length} codes (${codes.length} per round: ${codes.length - 1} found, 1 in no directory)`);
console.log(`code typed (Enter) to verdict on screen: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}`);
console.log(`warrant-code-check (Enter to verdict computed, keys derived each time): median ${median(measures).toFixed(1)} ms`);
await context.close();
rmSync(profile, { recursive: true, force: true });
