// The in-page half of the benchmark: run.mjs calls window.bench.frame(i) once per frame.
// Every decoder gets the same ImageData (1280×720 RGBA, as a canvas gives it) and is timed
// alone with performance.now(), so rendering the frame never counts.

import init, { set_corpus, frame_info, frame_rgba, ours, verdict_for_text } from '/pkg/decoder_bench.js';
import { scanImageData, ZBarScanner, ZBarSymbolType, ZBarConfigType } from '/zbar/index.mjs';

const W = 1280, H = 720;
let zbarScanner;

// Each returns { text, verdict? } or null. Text is what the decoder read, to catch misreads.
const decoders = {
  ours: async (image) => {
    const read = ours(image.data, W, H);
    if (!read) return null;
    const r = { text: read.text, verdict: read.verdict };
    read.free();
    return r;
  },
  // QR only, as a checker would configure it: other symbologies cost time and can misfire.
  zbar: async (image) => {
    const symbols = await scanImageData(image, zbarScanner);
    const qr = symbols.find((s) => s.type === ZBarSymbolType.ZBAR_QRCODE);
    return qr ? { text: qr.decode('utf-8') } : null;
  },
  // dontInvert: our decoder and zbar (as configured) look for dark-on-light codes only, so
  // jsQR's default second pass over an inverted image would double its time for nothing here.
  jsqr: async (image) => {
    const code = window.jsQR(image.data, W, H, { inversionAttempts: 'dontInvert' });
    return code ? { text: code.data } : null;
  },
};

async function setup(perCondition, seed) {
  await init();
  zbarScanner = await ZBarScanner.create();
  zbarScanner.setConfig(ZBarSymbolType.ZBAR_NONE, ZBarConfigType.ZBAR_CFG_ENABLE, 0);
  zbarScanner.setConfig(ZBarSymbolType.ZBAR_QRCODE, ZBarConfigType.ZBAR_CFG_ENABLE, 1);
  // Same as zbar-wasm's default scanner: bytes as they are, decoded as UTF-8 below.
  zbarScanner.setConfig(ZBarSymbolType.ZBAR_NONE, ZBarConfigType.ZBAR_CFG_BINARY, 1);
  const count = set_corpus(perCondition, BigInt(seed));
  const cards = {};
  for (let i = 0; i < count; i++) {
    const info = frame_info(i);
    cards[info.card] ??= verdict_for_text(info.expected);
    info.free();
  }
  // A few untimed calls first, so no decoder's first-call compile or allocation is counted.
  const warm = imageOf(0);
  for (let k = 0; k < 3; k++) for (const d of Object.values(decoders)) await d(warm);
  document.getElementById('status').textContent = 'ready';
  return { count, verdictsWithoutImage: cards, userAgent: navigator.userAgent };
}

function imageOf(index) {
  // wasm-bindgen returns a fresh copy: its buffer is the ImageData's own, as zbar needs.
  const rgba = frame_rgba(index);
  return new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), W, H);
}

async function frame(index) {
  const info = frame_info(index);
  const out = { index, condition: info.condition, card: info.card, expected: info.expected, results: {} };
  info.free();
  const r0 = performance.now();
  const image = imageOf(index);
  out.renderMs = performance.now() - r0;
  // The order turns with each frame, so no decoder always runs first (or last) after rendering.
  const names = Object.keys(decoders);
  for (let k = 0; k < names.length; k++) {
    const name = names[(index + k) % names.length];
    const t0 = performance.now();
    const read = await decoders[name](image);
    const ms = performance.now() - t0;
    out.results[name] = { ms, text: read ? read.text : null, verdict: read?.verdict ?? null };
  }
  return out;
}

window.bench = { setup, frame };
