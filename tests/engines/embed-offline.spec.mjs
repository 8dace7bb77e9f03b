// A force website embedding the checker, and the checker with no signal, in every engine.
import { resolve } from 'node:path';
import { test, expect, forgetOrigin } from './fixtures.mjs';
import { Key } from './tab.mjs';
import { watchRequests } from './requests.mjs';
import { expectNoViolations } from './audit.mjs';
import { root, sample, fragment } from '../e2e/samples.mjs';
import { startServer, stopServer } from '../e2e/server.mjs';
import { reachIntoFrame } from '../e2e/host-page.mjs';
import { openHostWith } from './host-page.mjs';
import { deskKept } from './kept.mjs';

const HOST = 'http://127.0.0.1:8081/';
const CHECKER = 'http://127.0.0.1:8080';

test('embedded on a force site: the host learns the size and the verdict name, nothing else', async ({ tab }) => {
  const requests = watchRequests();
  // Tall enough that the code box inside the frame is in view: WebKitGTK's driver does not
  // scroll an element inside a frame into view before typing into it.
  await tab.setSize(1280, 1100);
  await tab.open(HOST);
  // A "tag manager" on the host page: every message it receives, every way into the frame.
  await tab.eval(() => {
    window.__seen = [];
    window.addEventListener('message', (e) => window.__seen.push({ origin: e.origin, data: JSON.parse(JSON.stringify(e.data)) }));
  });
  const frame = await tab.element('iframe[title="Police warrant card checker"]');
  await tab.driver.switchTo().frame(frame);
  const card = sample('genuine');
  await tab.enter('#code-input', card.qr_text);
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');
  const inside = await tab.eval(async () => ({
    cookies: document.cookie,
    storage: localStorage.length + sessionStorage.length,
    databases: (await indexedDB.databases?.())?.length ?? 0,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
    origins: [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).origin))],
  }));
  expect(inside).toEqual({ cookies: '', storage: 0, databases: 0, caches: 0, workers: 0, origins: [CHECKER] });
  await expectNoViolations(tab, 'embedded checker, genuine');
  await tab.driver.switchTo().defaultContent();

  await expect.poll(() => tab.text('#host-verdict')).toBe('The checker reported: genuine');
  expect(await tab.eval(reachIntoFrame)).toEqual({ contentDocument: 'null', document: 'SecurityError', location: 'SecurityError', storage: 'SecurityError' });
  const seen = await tab.eval(() => window.__seen);
  expect(seen.length).toBeGreaterThan(0);
  for (const { origin, data } of seen) {
    expect(origin).toBe(CHECKER);
    if (data.type === 'warrant-check:size') expect(Object.keys(data).sort()).toEqual(['height', 'type']);
    else expect(data).toEqual({ type: 'warrant-check:verdict', verdict: 'genuine' });
  }
  expect(await tab.eval(() => document.body.innerText)).not.toContain('Jane Smith');
  const token = card.qr_text.split('#')[1].slice(0, 20);
  for (const path of requests.paths()) expect(path).not.toContain(token);
  expect(requests.paths()).toContain('/lists/trust-list.cose');
});

test('embedded in Welsh when asked; keyboard reaches into the frame; axe finds nothing', async ({ tab }) => {
  await openHostWith(tab, { 'data-force-name': 'Dyfed-Powys Police', 'data-lang': 'cy', 'data-share-verdict': '' });
  expect(await tab.attr('html', 'lang')).toBe('cy');
  await expect.poll(() => tab.text('header.site .brand')).toBe('Gwirio Gwarant, ar wefan Dyfed-Powys Police');
  await tab.driver.switchTo().defaultContent();
  // From the host page's heading, Tab goes into the frame's first control.
  await tab.eval(() => { const h = document.querySelector('h1'); h.tabIndex = -1; h.focus(); });
  await tab.press(Key.TAB);
  await tab.driver.switchTo().frame(await tab.element('iframe[title="Police warrant card checker"]'));
  await expect.poll(() => tab.eval(() => document.hasFocus() && document.activeElement.textContent.trim())).toBe('English');
  await tab.enter('#code-input', sample('revoked').qr_text);
  expect(await tab.verdict()).toBe('revoked');
  await expectNoViolations(tab, 'embedded checker in Welsh, revoked');
});

test('without data-share-verdict the host learns only the size; a colour failing contrast is refused', async ({ tab }) => {
  await openHostWith(tab, { 'data-force-name': 'Dyfed-Powys Police', 'data-colour': '#ffdd00' });
  await expect.poll(() => tab.text('header.site .brand')).toBe('Warrant Check, on the Dyfed-Powys Police website');
  expect(await tab.eval(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#1d4f91');
  await tab.enter('#code-input', sample('revoked').qr_text);
  expect(await tab.verdict()).toBe('revoked');
  await tab.driver.switchTo().defaultContent();
  await new Promise((r) => setTimeout(r, 300));
  const types = await tab.eval(() => window.__seen);
  expect(types.length).toBeGreaterThan(0);
  expect([...new Set(types)]).toEqual(['warrant-check:size']);
  expect(await tab.text('#host-verdict')).toBe('');
});

const OFFLINE_PORT = 8093;

test('one visit, then the server is gone: the checker still opens and checks cards', async ({ tab }) => {
  const origin = `http://127.0.0.1:${OFFLINE_PORT}`;
  const server = await startServer(OFFLINE_PORT);
  try {
    await tab.open(origin + '/');
    await tab.eval(async () => {
      await navigator.serviceWorker.ready;
      // The app (the decoder too) kept by the service worker; the lists, once verified, by the page.
      for (let i = 0; i < 100; i++) {
        if (localStorage.getItem('warrant-check-lists')?.includes('revocation-filter ') && await caches.match('scanner.wasm')) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the lists and the decoder were never kept');
    });
    // The desk is kept by its own first visit (a call-centre PC opens the desk, and the
    // public page's visitors never download it).
    await tab.open(`${origin}/desk.html`);
    await deskKept(tab);
    await stopServer(server);

    // A new navigation (not a reload, which Firefox sends past the service worker).
    await tab.open(`${origin}/robots-none.txt`).catch(() => {});
    await tab.open(`${origin}/${fragment(sample('genuine'))}`);
    expect(await tab.verdict()).toBe('genuine');
    expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');
    expect(Number(await tab.attr('[data-revocation-age]', 'data-revocation-age'))).toBeGreaterThanOrEqual(0);

    await (await tab.button('Check another card')).click();
    await tab.enter('#code-input', sample('revoked').qr_text);
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');
    // A photo too: the decoder was precached.
    await (await tab.button('Check another card')).click();
    await tab.upload('#photo-input', resolve(root, 'dist', sample('expired').png));
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('expired');

    await tab.open(`${origin}/desk.html?lang=cy`);
    await tab.enter('#code-input', sample('expired').qr_text);
    expect(await tab.verdict()).toBe('expired');
    expect(await tab.attr('html', 'lang')).toBe('cy');
    await expectNoViolations(tab, 'offline desk in Welsh');
  } finally {
    // This origin's worker and caches must not outlive the test (its own retry included).
    await forgetOrigin(tab).catch(() => {});
    await stopServer(server);
  }
});
