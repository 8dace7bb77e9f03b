// A picture made to make the decoder work, given as a photo in every engine: 2000x2000,
// tiled with QR finder patterns (2 px modules, 2 px apart), tens of thousands of them. The
// public page and the desk must say the photo could not be read, in the usual time, and the
// page must keep answering while the decoder works (it runs in a worker). The PNG is made
// here; how long each answer took is printed, not asserted.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { test, expect } from './fixtures.mjs';
import { SCRATCH } from './engines.config.mjs';
import { root, sample } from '../e2e/samples.mjs';

const SIDE = 2000;
const MODULE = 2;

/// A greyscale PNG of finder patterns: dark centre and outer ring, light ring, light gaps.
function finderTilesPng() {
  const period = 8 * MODULE;
  const rows = Buffer.alloc(SIDE * (SIDE + 1));
  for (let y = 0; y < SIDE; y++) {
    rows[y * (SIDE + 1)] = 0; // filter: none
    for (let x = 0; x < SIDE; x++) {
      const mx = Math.floor((x % period) / MODULE);
      const my = Math.floor((y % period) / MODULE);
      const light = mx >= 7 || my >= 7 || Math.min(mx, my, 6 - mx, 6 - my) === 1;
      rows[y * (SIDE + 1) + 1 + x] = light ? 255 : 0;
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = resolve(SCRATCH, 'finder-tiles.png');
writeFileSync(png, finderTilesPng());

/// Gives the picture as a photo and returns how long the verdict took, in ms.
async function answerTime(tab) {
  const started = Date.now();
  await tab.upload('#photo-input', png);
  expect(await tab.verdict()).toBe('unreadable');
  return Date.now() - started;
}

/// How long the decoder took on the last photo, as the page measured it.
const decodeTime = (tab) => tab.eval(() => performance.getEntriesByName('warrant-photo-decode').at(-1)?.duration);

for (const page of ['/', '/desk.html']) {
  test(`a picture tiled with finder patterns could not be read, on ${page}`, async ({ tab }) => {
    await tab.open(page);
    await tab.element('#photo-input');
    const answer = await answerTime(tab);
    console.log(`${tab.engine} ${page}: finder-tile picture answered "unreadable" in ${answer} ms (decoder ${Math.round(await decodeTime(tab))} ms)`);
    // And the next photo is read as usual.
    await (await tab.button(page === '/' ? 'Check another card' : 'Next caller')).click();
    await tab.upload('#photo-input', resolve(root, 'dist', sample('genuine').png));
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('genuine');
  });
}

test('the page keeps answering while the decoder works on the picture', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#photo-input');
  // A timer that marks the page's timeline each time it runs. While the page's own thread
  // is busy (a decoder on it), no timer can run.
  await tab.eval(() => { setInterval(() => performance.mark('test-tick'), 10); });
  await answerTime(tab);
  const { ticks, decode } = await tab.eval(() => {
    const read = performance.getEntriesByName('warrant-photo-decode').at(-1);
    const during = performance.getEntriesByName('test-tick').filter((t) => t.startTime > read.startTime && t.startTime < read.startTime + read.duration);
    return { ticks: during.length, decode: read.duration };
  });
  console.log(`${tab.engine}: ${ticks} timer ticks while the decoder worked for ${Math.round(decode)} ms`);
  expect(ticks).toBeGreaterThan(0);
});

test('where no worker can be used, photos are read on the page, the picture too', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#photo-input');
  // As in a browser or host that refuses workers: nothing can be sent to one.
  await tab.eval(() => { Worker.prototype.postMessage = () => { throw new DOMException('refused', 'SecurityError'); }; });
  await tab.upload('#photo-input', resolve(root, 'dist', sample('genuine').png));
  expect(await tab.verdict()).toBe('genuine');
  await (await tab.button('Check another card')).click();
  await tab.eval(() => { setInterval(() => performance.mark('test-tick'), 10); });
  const answer = await answerTime(tab);
  const ticks = await tab.eval(() => {
    const read = performance.getEntriesByName('warrant-photo-decode').at(-1);
    return performance.getEntriesByName('test-tick').filter((t) => t.startTime > read.startTime && t.startTime < read.startTime + read.duration).length;
  });
  console.log(`${tab.engine}, on the page: finder-tile picture answered "unreadable" in ${answer} ms (decoder ${Math.round(await decodeTime(tab))} ms)`);
  // On the page's own thread no timer runs while the decoder works: what the worker avoids.
  expect(ticks).toBe(0);
});

test('a photo the worker does not answer in time reads as unreadable, and a fresh worker reads the next', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#photo-input');
  // The first image sent to the worker is lost, as if the decoder never finished with it.
  await tab.eval(() => {
    const post = Worker.prototype.postMessage;
    let images = 0;
    Worker.prototype.postMessage = function (message, transfer) {
      if (message && message.luma && images++ === 0) return undefined;
      return post.call(this, message, transfer);
    };
  });
  const started = Date.now();
  await tab.upload('#photo-input', resolve(root, 'dist', sample('genuine').png));
  expect(await tab.verdict()).toBe('unreadable');
  console.log(`${tab.engine}: an unanswered photo gave up after ${Date.now() - started} ms`);
  await (await tab.button('Check another card')).click();
  await tab.upload('#photo-input', resolve(root, 'dist', sample('genuine').png));
  await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('genuine');
});
