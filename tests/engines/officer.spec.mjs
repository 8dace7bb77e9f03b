// The officer page in every engine: a non-extractable Ed25519 key made by WebCrypto and
// kept in IndexedDB, enrolment through `warrant-issuer enrol`, a live code the checker calls
// live, and stale once its moment has passed; the screen kept on where the engine can.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { expectNoViolations } from './audit.mjs';
import { root, sample } from '../e2e/samples.mjs';

const issuer = resolve(root, 'target/release/warrant-issuer');

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

test('enrol this phone, show a live code: live now, stale two minutes later', async ({ tab }) => {
  await tab.open('/officer.html');
  await (await tab.button("Make this phone's key")).click();
  await tab.element('#officer-card');
  expect(await tab.eval(storedKey)).toEqual({ extractable: false, algorithm: 'Ed25519', exported: false });

  await (await tab.element('#officer-card')).sendKeys(sample('genuine').qr_text);
  await (await tab.button('Make the enrolment request')).click();
  const request = await (await tab.element('#enrol-request')).getAttribute('value');
  await (await tab.element('#officer-credential')).sendKeys(enrol(request));
  await (await tab.button('Save it on this phone')).click();
  await tab.element('figure.live-code svg');
  expect(await tab.text('figure.live-code figcaption')).toBe('Police Constable 1234 Jane Smith');
  await expectNoViolations(tab, 'officer page, live code');
  const code = await tab.attr('figure.live-code', 'data-qr-text');
  const wakeLock = await tab.eval(() => 'wakeLock' in navigator);
  const askedToKeepOn = await tab.eval(() => document.body.innerText.includes('Keep this screen on while you show the code.'));
  if (!wakeLock) expect(askedToKeepOn, 'no Wake Lock: the page must ask to keep the screen on').toBe(true);
  console.log(`${tab.engine}: Wake Lock ${wakeLock ? 'present' : 'absent'}; page asks to keep the screen on: ${askedToKeepOn}`);

  // The checker, on another phone, pasted the code at once: live.
  await tab.open('/');
  await tab.enter('#code-input', code);
  expect(await tab.verdict()).toBe('live');
  expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');

  // The same code later: stale, never live. The page's clock is moved on two minutes;
  // Firefox keeps a WebDriver script's changes to built-ins like Date.now to the script
  // itself, so there the test waits out the 30-second window for real.
  await tab.open('/');
  await tab.element('#code-input');
  if (tab.engine === 'firefox') await new Promise((r) => setTimeout(r, 32_000));
  else await tab.eval(() => { const real = Date.now; Date.now = () => real() + 120_000; });
  await tab.enter('#code-input', code);
  expect(await tab.verdict()).toBe('live-stale');

  // After a reload the phone still holds its key and credential.
  await tab.open('/officer.html');
  await tab.element('figure.live-code svg');
});
