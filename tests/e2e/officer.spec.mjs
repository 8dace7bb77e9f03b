// The officer page (officer.html) on a work phone: a non-extractable key made in the
// browser, enrolment through `warrant-issuer enrol` with the demo force's key, then a live
// code that the checker calls `live` now and `live-stale` two minutes later.
import { test, expect, chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectNoViolations } from './audit.mjs';
import { root, sample, verdictOf } from './samples.mjs';

const issuer = resolve(root, 'target/release/warrant-issuer');

/// What the identity team does with the phone's request: `warrant-issuer enrol`.
function enrol(request) {
  const dir = mkdtempSync(join(tmpdir(), 'enrol-'));
  try {
    writeFileSync(join(dir, 'request.json'), request);
    execFileSync(issuer, ['enrol', '--key', resolve(root, 'demo-out/demo-force.key.pem'), '--issuer', 'DEMO',
      '--request', join(dir, 'request.json'), '--out', join(dir, 'phone.txt')]);
    return readFileSync(join(dir, 'phone.txt'), 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// The officer page on a new phone, taken through every step up to its live code: make the
/// key, ask for enrolment for the genuine sample card, save the credential the tool signs.
async function enrolThisPhone(page) {
  await page.goto('/officer.html');
  await page.getByRole('button', { name: "Make this phone's key" }).click();
  await page.getByLabel("Your warrant card's code or link").fill(sample('genuine').qr_text);
  await page.getByRole('button', { name: 'Make the enrolment request' }).click();
  const credential = enrol(await page.locator('#enrol-request').inputValue());
  await page.getByLabel('The credential from your identity team').fill(credential);
  await page.getByRole('button', { name: 'Save it on this phone' }).click();
}

/// The phone's key pair as stored, and whether its private half can be exported.
const storedKey = () => new Promise((resolve, reject) => {
  const open = indexedDB.open('warrant-officer');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction('phone').objectStore('phone').get('key');
    get.onsuccess = async () => {
      const pair = get.result;
      let exported = false;
      try { await crypto.subtle.exportKey('pkcs8', pair.privateKey); exported = true; } catch { /* refused, as it must be */ }
      resolve({ extractable: pair.privateKey.extractable, algorithm: pair.privateKey.algorithm.name, exported });
    };
  };
});

test('enrol a phone, show a live code: live now, stale two minutes later, and the key never leaves', async ({ page, browser }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/officer.html');
  await expect(page.locator('h1')).toHaveText('Live code for police officers');
  await page.getByRole('button', { name: "Make this phone's key" }).click();

  // The private key exists only as a non-extractable WebCrypto key: no script can read it.
  await expect(page.getByLabel("Your warrant card's code or link")).toBeVisible();
  expect(await page.evaluate(storedKey)).toEqual({ extractable: false, algorithm: 'Ed25519', exported: false });

  // A wrong paste is said plainly.
  await page.getByLabel("Your warrant card's code or link").fill('https://shop.example/');
  await page.getByRole('button', { name: 'Make the enrolment request' }).click();
  await expect(page.locator('[data-problem="officer-not-a-card"]')).toBeVisible();

  const card = sample('genuine').qr_text;
  await page.getByLabel("Your warrant card's code or link").fill(card);
  await page.getByRole('button', { name: 'Make the enrolment request' }).click();
  const request = await page.locator('#enrol-request').inputValue();
  expect(JSON.parse(request).card).toBe(card);
  await expect(page.getByRole('img', { name: 'Enrolment request for your identity team' })).toBeVisible();
  await expectNoViolations(page, 'officer page, enrolment request shown');

  const credential = enrol(request);
  await page.getByLabel('The credential from your identity team').fill(credential);
  await page.getByRole('button', { name: 'Save it on this phone' }).click();
  const figure = page.locator('figure.live-code');
  await expect(figure).toBeVisible();
  await expect(figure.locator('figcaption')).toHaveText('Police Constable 1234 Jane Smith');
  await expect(figure.getByRole('img', { name: 'Live code' })).toBeVisible();
  const first = await figure.getAttribute('data-qr-text');
  expect(first.startsWith(new URL('/', page.url()).href + '#0o')).toBe(true);
  await expectNoViolations(page, 'officer page, live code');

  // The checker, on another phone: live now.
  const checker = await browser.newPage();
  await checker.goto(first);
  expect(await verdictOf(checker)).toBe('live');
  await expect(checker.locator('[data-field="name"]')).toHaveText('Jane Smith');

  // The same code, captured and shown two minutes later: stale, never live.
  const later = await browser.newContext({ serviceWorkers: 'block' });
  const replay = await later.newPage();
  await replay.clock.install({ time: Date.now() + 120_000 });
  await replay.clock.resume();
  await replay.goto(first);
  expect(await verdictOf(replay)).toBe('live-stale');
  await later.close();

  // The code changes every few seconds.
  await expect.poll(() => figure.getAttribute('data-qr-text'), { timeout: 12_000 }).not.toBe(first);

  // After a reload the phone still holds its key and credential: the live code comes back.
  await page.reload();
  await expect(page.locator('figure.live-code')).toBeVisible();
  // Nothing the page fetched depends on the card or carries any of it.
  const token = card.slice(card.indexOf('#') + 1);
  for (const url of requests) {
    expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    expect(url).not.toContain(token.slice(0, 24));
    expect(url).not.toContain(credential.slice(0, 24));
  }
});

test('a credential for another phone is refused in words', async ({ page }) => {
  await page.goto('/officer.html');
  await page.getByRole('button', { name: "Make this phone's key" }).click();
  await page.getByLabel("Your warrant card's code or link").fill(sample('genuine').qr_text);
  await page.getByRole('button', { name: 'Make the enrolment request' }).click();
  const request = JSON.parse(await page.locator('#enrol-request').inputValue());
  // Enrolled for some other phone's key.
  const pem = readFileSync(resolve(root, 'demo-out/demo-root.pub.pem'), 'utf8');
  request.device_key = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64').subarray(-32).toString('base64url');
  const credential = enrol(JSON.stringify(request));
  await page.getByLabel('The credential from your identity team').fill(credential);
  await page.getByRole('button', { name: 'Save it on this phone' }).click();
  await expect(page.locator('[data-problem="officer-other-phone"]')).toHaveText(
    'That credential is for another phone. Ask your identity team to enrol this one.');
  await expect(page.locator('figure.live-code')).toHaveCount(0);
});

/// A 1280×720 greyscale frame of the officer's phone as another phone's camera sees it:
/// the screen's live code about 330 px wide, a little soft, on a dark phone in a dim hall.
async function cameraFrameOfScreen(page) {
  return page.evaluate(async () => {
    const svg = document.querySelector('figure.live-code svg');
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg));
    await image.decode();
    const canvas = new OffscreenCanvas(1280, 720);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#3a3a3a';
    ctx.fillRect(0, 0, 1280, 720);
    ctx.fillStyle = '#111';
    ctx.fillRect(440, 110, 400, 560); // the phone
    ctx.filter = 'blur(0.8px)';
    ctx.drawImage(image, 475, 200, 330, 330);
    const { data } = ctx.getImageData(0, 0, 1280, 720);
    const luma = new Array(1280 * 720);
    for (let i = 0; i < luma.length; i++) luma[i] = Math.round(0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]);
    return luma;
  });
}

/// Writes frames as Y4M (I420 with neutral chroma), which Chromium's fake camera plays.
function writeY4m(path, luma, frames) {
  const chroma = Buffer.alloc(640 * 360, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma), chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from('YUV4MPEG2 W1280 H720 F30:1 Ip A1:1 C420jpeg\n'), ...Array(frames).fill(frame)]));
}

test('a camera reads the live code from the officer phone\'s screen: live', async ({ page, baseURL }) => {
  await enrolThisPhone(page);
  await expect(page.locator('figure.live-code svg')).toBeVisible();

  // A video of the screen, as another phone's camera sees it, made now (the code is fresh).
  const dir = mkdtempSync(join(tmpdir(), 'live-video-'));
  const video = join(dir, 'officer-screen.y4m');
  writeY4m(video, await cameraFrameOfScreen(page), 20);
  const camera = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage', '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
  try {
    const checker = await camera.newPage({ baseURL, serviceWorkers: 'block' });
    await checker.goto('/');
    await checker.getByRole('button', { name: 'Scan the card with the camera' }).click();
    expect(await verdictOf(checker)).toBe('live');
    await expect(checker.locator('[data-field="name"]')).toHaveText('Jane Smith');
  } finally {
    await camera.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the live code keeps the screen on, asks again when the page comes back, and says so where it cannot', async ({ page }) => {
  await page.addInitScript(() => {
    window.__wakeLocks = 0;
    Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: async () => { window.__wakeLocks += 1; return {}; } } });
  });
  await enrolThisPhone(page);
  await expect(page.locator('figure.live-code')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__wakeLocks)).toBe(1);
  await expect(page.getByText('Keep this screen on while you show the code.')).toHaveCount(0);
  // Hidden (the lock is released by the browser), then visible again: asked for again.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => page.evaluate(() => window.__wakeLocks)).toBe(2);

  // A browser with no Wake Lock: the page says to keep the screen on.
  await page.addInitScript(() => Object.defineProperty(navigator, 'wakeLock', { value: undefined }));
  await page.reload();
  await expect(page.locator('figure.live-code')).toBeVisible();
  await expect(page.getByText('Keep this screen on while you show the code.')).toBeVisible();
});
