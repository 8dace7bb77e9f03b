// The camera and photos in every engine. The camera plays a card video through a canvas
// stream (camera.mjs): large, as held at a door 15–20 cm away (a code about 165 px wide in
// a 1280x720 frame), smeared by a moving hand, or an empty doorway.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { SCRATCH } from './engines.config.mjs';
import { useCardVideo } from './camera.mjs';
import { root, sample } from '../e2e/samples.mjs';

const png = (name) => resolve(root, 'dist', sample(name).png);
const scanning = '[data-camera="scanning"]';

async function startCamera(tab, video) {
  await tab.open('/');
  await tab.element('#start-camera');
  if (video) await useCardVideo(tab, video);
  await tab.click('#start-camera');
}

for (const video of ['card.y4m', 'card-door.y4m']) {
  test(`camera: ${video} gives the card's verdict and turns the camera off`, async ({ tab }) => {
    await startCamera(tab, video);
    expect(await tab.verdict(30_000)).toBe('genuine');
    expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');
    expect(await tab.eval(() => window.__tracksOpened())).toBe(1);
    await expect.poll(() => tab.count('video')).toBe(0);
    expect(await tab.eval(() => window.__liveTracks())).toBe(0);
  });
}

test('camera: a code smeared by a moving hand asks to hold still, in words', async ({ tab }) => {
  await startCamera(tab, 'card-moving.y4m');
  await expect.poll(() => tab.attr(`${scanning} [role="status"]`, 'data-hint'), { timeout: 20_000 }).toBe('hold-still');
  expect(await tab.text(`${scanning} [role="status"]`)).toBe('A code is in view. Hold the card and the phone still for a moment.');
  expect(await tab.count('[data-verdict]')).toBe(0);
});

test('camera: with no card in view it keeps looking, and stops when asked or hidden', async ({ tab }) => {
  await startCamera(tab, 'nothing.y4m');
  await tab.element(scanning);
  await expect.poll(() => tab.eval(() => performance.getEntriesByName('warrant-frame-decode').length), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  expect(await tab.count('[data-verdict]')).toBe(0);
  // This camera has no torch (nor has any in Firefox or desktop WebKit): none is offered.
  expect(await tab.count(`${scanning} button[aria-pressed]`)).toBe(0);
  await (await tab.button('Stop the camera')).click();
  await expect.poll(() => tab.count('video')).toBe(0);
  expect(await tab.eval(() => window.__liveTracks())).toBe(0);

  await tab.click('#start-camera');
  await tab.element(scanning);
  await tab.eval(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => tab.count('video')).toBe(0);
  expect(await tab.eval(() => window.__liveTracks())).toBe(0);
});

for (const [error, state] of [['NotAllowedError', 'refused'], ['NotFoundError', 'unavailable']]) {
  test(`camera ${state}: said plainly, with the other ways in offered`, async ({ tab }) => {
    await tab.open('/');
    await tab.element('#start-camera');
    await tab.eval((error) => { MediaDevices.prototype.getUserMedia = async () => { throw new DOMException('test', error); }; }, error);
    await tab.click('#start-camera');
    await tab.element(`[data-camera="${state}"]`);
    expect(await tab.text(`[data-camera="${state}"] [role="status"]`)).toMatch(/photo (of the card )?or type the code/);
    expect(await tab.count('#code-input')).toBe(1);
  });
}

test('photo: choosing photos of a genuine and a revoked card', async ({ tab }) => {
  await tab.open('/');
  await tab.upload('#photo-input', png('genuine'));
  expect(await tab.verdict()).toBe('genuine');
  await (await tab.button('Check another card')).click();
  await tab.upload('#photo-input', png('revoked'));
  await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');
});

test('photo: dropped on the page', async ({ tab }) => {
  await tab.open('/');
  await tab.element('.photo');
  await tab.sendFile(['dragover', 'drop'], '.photo', '/' + sample('expired').png);
  expect(await tab.verdict()).toBe('expired');
});

test('photo: a file that is not an image, and a picture with no code, say they could not be read', async ({ tab }) => {
  writeFileSync(resolve(SCRATCH, 'notes.png'), 'not an image');
  await tab.open('/');
  await tab.upload('#photo-input', resolve(SCRATCH, 'notes.png'));
  expect(await tab.verdict()).toBe('unreadable');
  await (await tab.button('Check another card')).click();
  await tab.upload('#photo-input', resolve(root, 'www/icons/icon-512.png'));
  await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('unreadable');
});
