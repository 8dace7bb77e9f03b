// Reads QR codes off the page's thread: the decoder (scanner.wasm, crates/scanner-wasm) runs
// here, so that however long an image takes, the page keeps answering taps and keys, and the
// page can stop an image that takes too long by ending this worker (src/browser/scanner.rs).
// A plain script, not a module, so that every browser the checker serves can start it.
//
// Once started it fetches and compiles the decoder, then says { ready: true } (or
// { ready: false } if the decoder cannot be had, as offline on a first visit). Then, for
// each { width, height, luma } (luma an ArrayBuffer of width × height grey levels, given
// over rather than copied), it answers { text, seen_module_px }: the code's text or null,
// and how big a code's modules looked when one was seen but not read (or null). A fault in
// the decoder answers { text: null, seen_module_px: null, fault: true }, and a fresh
// instance reads the next image.
'use strict';

const decoder = fetch(new URL('scanner.wasm', self.location), { cache: 'no-cache', credentials: 'omit', mode: 'same-origin' })
  .then((response) => {
    if (!response.ok) throw new Error('scanner.wasm: ' + response.status);
    return response.arrayBuffer();
  })
  .then((bytes) => WebAssembly.compile(bytes));
let instance = null;

decoder.then(
  () => self.postMessage({ ready: true }),
  () => self.postMessage({ ready: false }),
);

self.onmessage = async (event) => {
  const { width, height, luma } = event.data;
  try {
    instance ??= await WebAssembly.instantiate(await decoder, {});
    const exports = instance.exports;
    const pixels = new Uint8Array(luma);
    // Pointers come back as i32: read them as unsigned.
    const at = exports.image_buffer(pixels.length) >>> 0;
    new Uint8Array(exports.memory.buffer, at, pixels.length).set(pixels);
    const length = exports.scan(width, height);
    const seen = exports.seen_module_px();
    const text = length > 0
      ? new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(exports.memory.buffer, exports.text() >>> 0, length))
      : null;
    self.postMessage({ text, seen_module_px: Number.isFinite(seen) ? seen : null });
  } catch (error) {
    instance = null;
    self.postMessage({ text: null, seen_module_px: null, fault: true });
  }
};
