// The officer page in every engine: a non-extractable Ed25519 key made by WebCrypto and
// kept in IndexedDB, enrolment through `warrant-issuer enrol`, a live code the checker calls
// live, and stale once its moment has passed; the screen kept on where the engine can.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { useCardVideo } from './camera.mjs';
import { watchRequests } from './requests.mjs';
import { expectNoViolations } from './audit.mjs';
import { root, sample } from '../e2e/samples.mjs';
import { enrol } from '../e2e/issuer.mjs';

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
  const requests = watchRequests();
  const request = await enrolThisPhone(tab);
  expect(await tab.eval(storedKey)).toEqual({ extractable: false, algorithm: 'Ed25519', exported: false });
  expect(JSON.parse(request).card).toBe(sample('genuine').qr_text);
  await expectNoViolations(tab, 'officer page, enrolment request shown');
  const credential = enrol(request);
  await (await tab.element('#officer-credential')).sendKeys(credential);
  await (await tab.button('Save it on this phone')).click();
  await tab.element('figure.live-code svg');
  expect(await tab.text('figure.live-code figcaption')).toBe('Police Constable 1234 Jane Smith');
  await expectNoViolations(tab, 'officer page, live code');
  const code = await tab.attr('figure.live-code', 'data-qr-text');
  const wakeLock = await tab.eval(() => 'wakeLock' in navigator);
  const askedToKeepOn = await tab.eval(() => document.body.innerText.includes('Keep this screen on while you show the code.'));
  if (!wakeLock) expect(askedToKeepOn, 'no Wake Lock: the page must ask to keep the screen on').toBe(true);
  console.log(`${tab.engine}: Wake Lock ${wakeLock ? 'present' : 'absent'}; page asks to keep the screen on: ${askedToKeepOn}`);
  // The code changes every few seconds.
  await expect.poll(() => tab.attr('figure.live-code', 'data-qr-text'), { timeout: 12_000 }).not.toBe(code);

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
  // Nothing asked of the server carried the card, the credential or a code.
  for (const path of requests.paths()) {
    for (const secret of [sample('genuine').qr_text.split('#')[1], credential, code.split('#')[1]]) expect(path).not.toContain(secret.slice(0, 24));
  }
});

/// The officer page of a new phone: its key made, its enrolment request (returned) shown.
async function enrolThisPhone(tab) {
  await tab.open('/officer.html');
  await (await tab.button("Make this phone's key")).click();
  await (await tab.element('#officer-card')).sendKeys(sample('genuine').qr_text);
  await (await tab.button('Make the enrolment request')).click();
  const request = await (await tab.element('#enrol-request')).getAttribute('value');
  return request;
}

test('a credential for another phone is refused in words', async ({ tab }) => {
  const request = JSON.parse(await enrolThisPhone(tab));
  // Enrolled for some other phone's key.
  const pem = readFileSync(resolve(root, 'demo-out/demo-root.pub.pem'), 'utf8');
  request.device_key = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64').subarray(-32).toString('base64url');
  await (await tab.element('#officer-credential')).sendKeys(enrol(JSON.stringify(request)));
  await (await tab.button('Save it on this phone')).click();
  await tab.element('[data-problem="officer-other-phone"]');
  expect(await tab.text('[data-problem="officer-other-phone"]')).toBe('That credential is for another phone. Ask your identity team to enrol this one.');
  expect(await tab.count('figure.live-code')).toBe(0);
});

test("a camera reads the live code from the officer phone's screen: live", async ({ tab }) => {
  const request = await enrolThisPhone(tab);
  await (await tab.element('#officer-credential')).sendKeys(enrol(request));
  await (await tab.button('Save it on this phone')).click();
  await tab.element('figure.live-code svg');
  // The screen as another phone's camera sees it: the code about 330 px wide in a 1280x720
  // frame, a little soft, on a dark phone in a dim hall. Drawn by this engine.
  const luma = await tab.eval(async () => {
    const svg = document.querySelector('figure.live-code svg');
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1280;
    canvas.height = 720;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#3a3a3a';
    ctx.fillRect(0, 0, 1280, 720);
    ctx.fillStyle = '#111';
    ctx.fillRect(440, 110, 400, 560);
    ctx.filter = 'blur(0.8px)';
    ctx.drawImage(image, 475, 200, 330, 330);
    const { data } = ctx.getImageData(0, 0, 1280, 720);
    let text = '';
    for (let i = 0; i < data.length; i += 4) text += String.fromCharCode(Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]));
    return btoa(text);
  });
  const frame = Buffer.from(luma, 'base64');
  const chroma = Buffer.alloc(640 * 360, 128);
  const one = Buffer.concat([Buffer.from('FRAME\n'), frame, chroma, chroma]);
  mkdirSync(resolve(root, 'target/e2e'), { recursive: true });
  const video = `officer-screen-${tab.engine}.y4m`;
  writeFileSync(resolve(root, 'target/e2e', video), Buffer.concat([Buffer.from('YUV4MPEG2 W1280 H720 F10:1 Ip A1:1 C420jpeg\n'), one, one]));

  await tab.open('/');
  await tab.element('#start-camera');
  await useCardVideo(tab, video);
  await tab.click('#start-camera');
  expect(await tab.verdict(20_000)).toBe('live');
  expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');
});
