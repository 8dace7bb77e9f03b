// The package's entry in Node (and other runtimes that read the "node" export condition).
// Node has no fetch for files, so the Wasm is read from beside this file and instantiated
// when the package is imported: every export can be called at once. The default export,
// which a browser awaits before the first call, is kept so that the same code runs in both.
import { readFileSync } from 'node:fs';
import { initSync } from './warrant_js.js';

const instance = initSync({ module: readFileSync(new URL('./warrant_js_bg.wasm', import.meta.url)) });

export * from './warrant_js.js';

/** Nothing left to do in Node: the Wasm was instantiated on import. */
export default async function init() {
  return instance;
}
