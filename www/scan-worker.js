// Reads QR codes off the page's thread: the decoder (scanner.wasm, crates/scanner-wasm) runs
// here, so that however long an image takes, the page keeps answering taps and keys, and the
// page can stop an image that takes too long by ending this worker (src/browser/scanner.rs).
// A plain script, not a module, so that every browser the checker serves can start it.
//
// It starts fetching and compiling the decoder at once. Asked { id, hello: true }, it answers
// { id, ready: true } once it has the decoder, or { id, ready: false } if it cannot be had
// (offline on a first visit). Asked { id, width, height, luma } (luma an ArrayBuffer of width × height
// grey levels, given over rather than copied), it answers { id, text, seen_module_px }: the
// code's text or null, and how big a code's modules looked when one was seen but not read
// (or null). A fault in the decoder answers with fault: true and no text, and a fresh
// instance reads the next image.
'use strict';

const decoder = fetch(new URL('scanner.wasm', self.location), { cache: 'no-cache', credentials: 'omit', mode: 'same-origin' })
  .then((response) => {
    if (!response.ok) throw new Error('scanner.wasm: ' + response.status);
    return response.arrayBuffer();
  })
  .then((bytes) => WebAssembly.compile(bytes));
// Not an unhandled rejection before anyone asks: the answer to { hello } says it.
decoder.catch(() => {});
let instance = null;

self.onmessage = async (event) => {
  const { id, hello, width, height, luma } = event.data;
  if (hello) {
    self.postMessage({ id, ready: await decoder.then(() => true, () => false) });
    return;
  }
  try {
    instance = instance || await WebAssembly.instantiate(await decoder, {});
    const exports = instance.exports;
    const pixels = new Uint8Array(luma);
    // Pointers come back as i32: read them as unsigned.
    const at = exports.image_buffer(pixels.length) >>> 0;
    new Uint8Array(exports.memory.buffer, at, pixels.length).set(pixels);
    const length = exports.scan(width, height);
    const seen = exports.seen_module_px();
    const text = length > 0
      ? new TextDecoder().decode(new Uint8Array(exports.memory.buffer, exports.text() >>> 0, length))
      : null;
    self.postMessage({ id, text, seen_module_px: Number.isFinite(seen) ? seen : null });
  } catch (error) {
    instance = null;
    self.postMessage({ id, text: null, seen_module_px: null, fault: true });
  }
};
