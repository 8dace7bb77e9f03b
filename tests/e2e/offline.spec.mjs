// Offline and installable: after one visit the checker opens and checks cards with the
// network cut (its server killed and the browser set offline), says how old its list of
// cancelled cards is, and the browser finds it installable. A persistent profile, since
// service workers and installability need one, and a server of its own to kill.
import { test, expect, chromium } from '@playwright/test';
import { startServer, stopServer } from './server.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, sample, fragment } from './samples.mjs';
import { expectNoViolations, plain } from './audit.mjs';

const PORT = 8093;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/// Records when the first verdict appears, in ms since the navigation started.
const watchVerdict = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-verdict]')) {
      window.__verdictAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

let server, context, profile;

test.beforeAll(async () => {
  server = await startServer(PORT);
  profile = mkdtempSync(join(tmpdir(), 'warrant-offline-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: FLAGS, serviceWorkers: 'allow', baseURL: ORIGIN });
  await context.addInitScript(watchVerdict);
});

test.afterAll(async () => {
  await context?.close();
  if (server) await stopServer(server);
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('one visit, then the network is cut: the checker still opens and checks cards', async () => {
  const page = await context.newPage();
  await page.goto(ORIGIN + '/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // Installed: the app shell precached by the service worker, the verified lists kept by
    // the page itself.
    for (let i = 0; i < 100; i++) {
      if (localStorage.getItem('warrant-check-lists')?.includes('revocation-filter ')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('lists never kept');
  });
  // The installed app's data: the app's own files, nothing else (never an unverified list).
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  for (const path of cached) {
    expect(path).toMatch(/^\/(|index\.html|desk\.html|embed\.html|manifest\.webmanifest|icons\/[\w-]+\.(png|svg)|[\w-]+\.(js|css|wasm))$/);
  }
  expect(cached).toContain('/scanner.wasm');
  expect(await page.evaluate(() => sessionStorage.length + document.cookie.length)).toBe(0);
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['warrant-check-lists']);
  // The desk's own files are not downloaded by the public page's visitors: it is kept by its
  // own first visit, with its card directory.
  expect(cached.filter((p) => /desk/.test(p))).toEqual([]);
  await page.goto(ORIGIN + '/desk.html');
  await page.evaluate(async () => {
    for (let i = 0; i < 150; i++) {
      const paths = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      if (paths.includes('/desk.html') && paths.some((p) => /^\/warrant-desk-\w+_bg\.wasm$/.test(p)) && paths.includes('/lists/directories.cbor')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the desk was never kept');
  });

  // Network cut: the server is gone and the browser is offline.
  await stopServer(server);
  await context.setOffline(true);

  const offline = await context.newPage();
  await offline.goto(ORIGIN + '/' + fragment(sample('genuine')));
  await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');
  await expect(offline.locator('[data-field="name"]')).toHaveText('Jane Smith');
  const verdictAt = await offline.evaluate(() => window.__verdictAt);
  console.log(`time to first verdict offline (deep link, from navigation start): ${verdictAt.toFixed(0)} ms`);
  test.info().annotations.push({ type: 'offline first verdict ms', description: verdictAt.toFixed(0) });

  // It says it is offline and how old its list of cancelled cards is.
  await expect(offline.locator('[data-offline]')).toBeVisible();
  expect(plain(await offline.locator('[data-revocation-age]').textContent()))
    .toMatch(/^List of cancelled cards last updated (less than an hour|\d+ hours?|\d+ days?) ago \(\d{1,2} [A-Z][a-z]+ \d{4}\)\.$/);
  expect(Number(await offline.locator('[data-revocation-age]').getAttribute('data-revocation-age'))).toBeGreaterThanOrEqual(0);
  await expectNoViolations(offline, 'offline, genuine');

  // Revoked cards are still caught from the saved list.
  await offline.getByRole('button', { name: 'Check another card' }).click();
  await offline.getByLabel("Type or paste the card's code or link").fill(sample('revoked').qr_text);
  await offline.keyboard.press('Enter');
  await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'revoked');

  // A photo is read offline too: the decoder, which the page fetches only when needed,
  // was precached by the service worker.
  await offline.getByRole('button', { name: 'Check another card' }).click();
  await offline.locator('#photo-input').setInputFiles(join(root, 'dist', sample('genuine').png));
  await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');

  // The desk and Welsh work offline too.
  await offline.goto(ORIGIN + '/desk.html?lang=cy');
  await expect(offline.locator('html')).toHaveAttribute('lang', 'cy');
  await offline.locator('#code-input').fill(sample('expired').qr_text);
  await offline.keyboard.press('Enter');
  await expect(offline.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'expired');
  await expect(offline.locator('.list-status')).toContainText('Rydych all-lein');
  await expectNoViolations(offline, 'offline desk in Welsh, expired');

  // Back online: the server returns and the lists are fetched again in the background.
  server = await startServer(PORT);
  await context.setOffline(false);
  const refetched = offline.waitForRequest((r) => r.url().endsWith('/lists/trust-list.cose'));
  await offline.evaluate(() => window.dispatchEvent(new Event('online')));
  await refetched;
  await expect(offline.locator('[data-offline]')).toHaveCount(0);
});

test('the browser finds the checker installable', async () => {
  if (server.exitCode !== null || server.signalCode !== null) server = await startServer(PORT);
  const page = await context.newPage();
  await page.goto(ORIGIN + '/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { errors, url } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  expect(url).toBe(ORIGIN + '/manifest.webmanifest');
});

test('the officer page, once opened, opens again with no signal: its files are kept on first use', async () => {
  if (server.exitCode !== null || server.signalCode !== null) server = await startServer(PORT);
  await context.setOffline(false);
  const page = await context.newPage();
  await page.goto(ORIGIN + '/officer.html');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Once the worker controls the page, a reload fetches the officer's files through it.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await page.getByRole('button', { name: "Make this phone's key" }).click();
  await expect(page.getByLabel("Your warrant card's code or link")).toBeVisible();
  const kept = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls.filter((p) => /officer|qr-encode/.test(p)).sort();
  });
  expect(kept).toEqual(expect.arrayContaining(['/officer.html', '/officer.js']));
  expect(kept.some((p) => /^\/warrant-officer-\w+_bg\.wasm$/.test(p))).toBe(true);

  await stopServer(server);
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(ORIGIN + '/officer.html');
  // The app, its words and the phone's key all there: it asks for the card next.
  await expect(offline.getByLabel("Your warrant card's code or link")).toBeVisible();
  await context.setOffline(false);
  server = await startServer(PORT);
});
