// Bytes a first visit transfers (as sent, compressed), measured in headless Chromium with
// an empty cache. Usage: node benches/first-visit.mjs [URL]   (serve dist/ first)
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Network.enable');
const sizes = new Map();
cdp.on('Network.responseReceived', (e) => sizes.set(e.requestId, { url: e.response.url, bytes: 0 }));
cdp.on('Network.loadingFinished', (e) => { if (sizes.has(e.requestId)) sizes.get(e.requestId).bytes = e.encodedDataLength; });
await page.goto(url, { waitUntil: 'networkidle' });
await page.locator('#start-camera').waitFor();
let total = 0;
for (const { url: u, bytes } of sizes.values()) {
  total += bytes;
  console.log(`${String(bytes).padStart(8)}  ${new URL(u).pathname}`);
}
console.log(`${String(total).padStart(8)}  total bytes on the wire (${(total / 1024).toFixed(1)} KiB), ${sizes.size} requests`);
await browser.close();
