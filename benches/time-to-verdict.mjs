// Time to a first verdict by link: a sample card's link opened with a cold cache (a new
// browser context each time: no HTTP cache, service worker or saved lists) in headless
// Chromium, the network and the CPU slowed through the DevTools protocol
// (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), timed from navigation
// start (performance.timeOrigin) to the verdict's heading on screen (`[data-verdict] h2`,
// as the engine tests find it; the frame after it was inserted). Each run also records every
// verdict the page showed until the network went quiet, so a verdict that changes after it
// was first shown is reported. Then the bytes of a first visit by file (as sent, compressed),
// those the page fetched before its verdict apart from the rest.
//
// Usage: node benches/time-to-verdict.mjs [DIST_DIR | URL] [--runs N] [--profiles none,4g,3g]
//   DIST_DIR (default dist) is served with tools/serve.mjs on a free port; a URL is used as it
//   is. The card is the genuine sample of DIST_DIR's (or URL's) samples.json, opened as
//   `<checker>#<token>`. benches/national-checker.sh builds a national-scale DIST_DIR.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', 5));
const wanted = option('--profiles', 'none,4g,3g').split(',');
const target = args[0] ?? 'dist';

// Throughput in bytes per second, as the protocol takes it; latency is added to each request.
const PROFILES = {
  none: { label: 'no throttling', network: null, cpu: 1 },
  '4g': { label: 'slow 4G (1.6 Mbps down, 750 kbps up, 150 ms RTT), CPU 4x',
    network: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }, cpu: 4 },
  '3g': { label: '3G (400 kbps down and up, 400 ms RTT), CPU 6x',
    network: { latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 }, cpu: 6 },
};
for (const p of wanted) if (!PROFILES[p]) throw new Error(`unknown profile ${p} (none, 4g, 3g)`);

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

let server;
let base;
if (/^https?:\/\//.test(target)) {
  base = new URL('./', target).href;
} else {
  const port = await freePort();
  const serve = fileURLToPath(new URL('../tools/serve.mjs', import.meta.url));
  server = spawn(process.execPath, [serve, target, String(port), '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
    server.on('exit', (code) => reject(new Error(`tools/serve.mjs exited (${code})`)));
  });
  base = `http://127.0.0.1:${port}/`;
}
const samples = await (await fetch(new URL('samples.json', base))).json();
const genuine = samples.samples.find((s) => s.expected === 'genuine');
if (!genuine) throw new Error('no genuine sample in samples.json');
const link = `${base}#${genuine.qr_text.split('#')[1]}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'] });

// Runs in the page before its own scripts: notes when the verdict's heading first appears (and
// paints: the next animation frame), and every verdict shown after.
const WATCH = () => {
  const seen = [];
  window.__verdicts = seen;
  const look = () => {
    if (window.__appStarted == null && document.querySelector('#app > :not(noscript)')) window.__appStarted = performance.now();
    const v = document.querySelector('[data-verdict]');
    const name = v && v.querySelector('h2') ? v.getAttribute('data-verdict') : null;
    if (name && seen.at(-1)?.name !== name) {
      const entry = { name, inserted: performance.now(), painted: null, heading: v.querySelector('h2').textContent.trim() };
      seen.push(entry);
      requestAnimationFrame(() => { entry.painted = performance.now(); });
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
};

async function once(profile, recordBytes) {
  const context = await browser.newContext();
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const rows = [];
  if (recordBytes) {
    context.on('requestfinished', async (request) => {
      const at = Date.now();
      const sizes = await request.sizes();
      rows.push({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        body: sizes.responseBodySize, at, by: request.serviceWorker() || !request.frame ? 'service worker' : 'page' });
    });
  }
  await page.goto(link, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__verdicts?.[0]?.painted != null, null, { timeout: 120_000, polling: 50 });
  const verdictAt = Date.now();
  // Until the page's own fetches (the lists) are done, so a later change of verdict shows.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(profile.network ? 2 * profile.network.latency + 500 : 500);
  const seen = await page.evaluate(() => window.__verdicts);
  // Where the time went: the page's own response, and its Wasm (the largest file it waits for).
  const split = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm') && !r.name.endsWith('/scanner.wasm'));
    return { html: nav.responseEnd, started: window.__appStarted ?? null, files: Math.max(nav.responseEnd, ...wasm.map((r) => r.responseEnd)) };
  });
  await context.close();
  return { ms: seen[0].painted, split, seen, rows, verdictAt };
}

const fmt = (ms) => (ms / 1000).toFixed(2);
// One run not counted: the server compresses each file when first asked (tools/serve.mjs).
await once(PROFILES.none, false);
console.log(`time to verdict: ${link.slice(0, base.length + 12)}… (${runs} runs each, cold cache; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores)`);
let bytes;
for (const name of wanted) {
  const profile = PROFILES[name];
  const times = [];
  const splits = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(profile, name === 'none' && i === 0);
    if (r.rows.length) bytes = r;
    const names = r.seen.map((s) => s.name);
    if (names[0] !== 'genuine' || names.length !== 1) console.log(`  run ${i + 1}: verdicts shown ${names.join(' -> ')} (expected genuine, once)`);
    times.push(r.ms);
    splits.push(r.split);
  }
  times.sort((a, b) => a - b);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${profile.label.padEnd(62)} min ${fmt(times[0])} s  median ${fmt(median(times))} s  max ${fmt(times.at(-1))} s   [${times.map(fmt).join(', ')}]`);
  console.log(`${''.padEnd(62)} medians: page received ${fmt(median(splits.map((s) => s.html)))} s, its Wasm ${fmt(median(splits.map((s) => s.files)))} s, first render ${fmt(median(splits.map((s) => s.started ?? NaN)))} s, then ${fmt(median(times) - median(splits.map((s) => s.files)))} s to the verdict on screen`);
}
if (bytes) {
  console.log('\nfirst-visit bytes by file (as sent: body + headers), no throttling; * done before the verdict:');
  for (const by of ['page', 'service worker']) {
    const mine = bytes.rows.filter((r) => r.by === by);
    for (const r of mine) console.log(`${String(r.bytes).padStart(8)} ${r.at <= bytes.verdictAt ? '*' : ' '} ${r.path}`);
    const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
    console.log(`${String(sum(mine)).padStart(8)}   total by the ${by}, ${mine.length} requests (bodies ${mine.reduce((n, r) => n + r.body, 0)}); before the verdict ${sum(mine.filter((r) => r.at <= bytes.verdictAt))}\n`);
  }
}
await browser.close();
server?.kill();
