// The in-page half of the benchmark: run.mjs calls window.bench.frame(i) once per frame.
// Every decoder gets the same ImageData (1280×720 RGBA, as a canvas gives it) and is timed
// alone with performance.now(), so rendering the frame never counts.

import init, { set_corpus, frame_info, frame_rgba, empty_rgba, ours, ours_text, verdict_for_text } from '/pkg/decoder_bench.js';
import { scanImageData, ZBarScanner, ZBarSymbolType, ZBarConfigType } from '/zbar/index.mjs';

let zbarScanner, zbarPhotoScanner;
// The photo corpus's file names (served under /photos/).
let photos = [];

// Each returns { text, verdict? } or null. Text is what the decoder read, to catch misreads.
// `image` is an ImageData (RGBA as a canvas gives it); `photo` is true for the photo corpus.
const decoders = {
  // Card frames: decode and verify, as the checker does after a camera frame. Photos are
  // codes of any kind, not cards: the text alone.
  ours: async (image, photo) => {
    if (photo) {
      const text = ours_text(image.data, image.width, image.height);
      return text === undefined ? null : { text };
    }
    const read = ours(image.data, image.width, image.height);
    if (!read) return null;
    const r = { text: read.text, verdict: read.verdict };
    read.free();
    return r;
  },
  // QR only, as a checker would configure it: other symbologies cost time and can misfire.
  // Card frames: bytes as they are, read as UTF-8 (the card's text is ASCII). Photos: zbar's
  // own conversion of the text to UTF-8 (its character-set guess), as a photo reader uses it.
  zbar: async (image, photo) => {
    const symbols = await scanImageData(image, photo ? zbarPhotoScanner : zbarScanner);
    const qr = symbols.find((s) => s.type === ZBarSymbolType.ZBAR_QRCODE);
    return qr ? { text: qr.decode('utf-8') } : null;
  },
  // Card frames: dontInvert, since our decoder and zbar (as configured) look for dark-on-light
  // codes only and jsQR's second pass over an inverted image would double its time for
  // nothing. Photos: its default (attemptBoth), as a photo reader would use it.
  jsqr: async (image, photo) => {
    const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: photo ? 'attemptBoth' : 'dontInvert' });
    return code ? { text: code.data } : null;
  },
  // @zxing/library's QR reader with TRY_HARDER, on its own green-favouring luma (as its
  // canvas luminance source computes it), counted in its time.
  zxing: async (image) => {
    const { data, width, height } = image;
    const luma = new Uint8ClampedArray(width * height);
    for (let i = 0, j = 0; i < luma.length; i++, j += 4) luma[i] = (data[j] + 2 * data[j + 1] + data[j + 2]) >> 2;
    const bitmap = new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.RGBLuminanceSource(luma, width, height)));
    try {
      return { text: zxingReader.decode(bitmap, zxingHints).getText() };
    } catch (e) {
      if (e instanceof ZXing.NotFoundException || e instanceof ZXing.ChecksumException || e instanceof ZXing.FormatException) return null;
      throw e;
    }
  },
};

const ZXing = window.ZXing;
const zxingReader = new ZXing.QRCodeReader();
const zxingHints = new Map([[ZXing.DecodeHintType.TRY_HARDER, true]]);

async function setup(perCondition, seed, photoFiles) {
  photos = photoFiles;
  await init();
  zbarScanner = await ZBarScanner.create();
  zbarScanner.setConfig(ZBarSymbolType.ZBAR_NONE, ZBarConfigType.ZBAR_CFG_ENABLE, 0);
  zbarScanner.setConfig(ZBarSymbolType.ZBAR_QRCODE, ZBarConfigType.ZBAR_CFG_ENABLE, 1);
  // Same as zbar-wasm's default scanner: bytes as they are, decoded as UTF-8 below.
  zbarScanner.setConfig(ZBarSymbolType.ZBAR_NONE, ZBarConfigType.ZBAR_CFG_BINARY, 1);
  zbarPhotoScanner = await ZBarScanner.create();
  zbarPhotoScanner.setConfig(ZBarSymbolType.ZBAR_NONE, ZBarConfigType.ZBAR_CFG_ENABLE, 0);
  zbarPhotoScanner.setConfig(ZBarSymbolType.ZBAR_QRCODE, ZBarConfigType.ZBAR_CFG_ENABLE, 1);
  zbarPhotoScanner.setConfig(ZBarSymbolType.ZBAR_NONE, ZBarConfigType.ZBAR_CFG_BINARY, 0);
  const count = set_corpus(perCondition, BigInt(seed));
  const cards = {};
  for (let i = 0; i < count; i++) {
    const info = frame_info(i);
    cards[info.card] ??= verdict_for_text(info.expected);
    info.free();
  }
  // A few untimed calls first, so no decoder's first-call compile or allocation is counted.
  const warm = imageOf(0);
  for (let k = 0; k < 3; k++) for (const d of Object.values(decoders)) await d(warm, k === 2);
  document.getElementById('status').textContent = 'ready';
  return { count, verdictsWithoutImage: cards, userAgent: navigator.userAgent };
}

function imageOf(index) {
  // wasm-bindgen returns a fresh copy: its buffer is the ImageData's own, as zbar needs.
  const rgba = frame_rgba(index);
  return new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), 1280, 720);
}

// Runs every decoder on one image, timed alone; the order turns with `turn`, so no decoder
// always runs first (or last) after the image is made.
async function runAll(image, turn, photo) {
  const results = {};
  const names = Object.keys(decoders);
  for (let k = 0; k < names.length; k++) {
    const name = names[(turn + k) % names.length];
    const t0 = performance.now();
    const read = await decoders[name](image, photo);
    const ms = performance.now() - t0;
    results[name] = { ms, text: read ? read.text : null, verdict: read?.verdict ?? null };
  }
  return results;
}

async function frame(index) {
  const info = frame_info(index);
  const out = { index, condition: info.condition, card: info.card, expected: info.expected };
  info.free();
  const r0 = performance.now();
  const image = imageOf(index);
  out.renderMs = performance.now() - r0;
  out.results = await runAll(image, index, false);
  return out;
}

// The scene of frame `index` with no card in it.
async function empty(index) {
  const rgba = empty_rgba(index);
  const image = new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), 1280, 720);
  return { index, results: await runAll(image, index, false) };
}

// Photo `index` of the corpus, decoded by the browser and drawn on a canvas, as the page
// reads a chosen photo (transparent parts on white).
async function photo(index) {
  const file = photos[index];
  const blob = await (await fetch(`/photos/${encodeURIComponent(file)}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  const image = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  return { index, file, width: image.width, height: image.height, results: await runAll(image, index, true) };
}

window.bench = { setup, frame, empty, photo };
