// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of the built
// checker, for a web server to send as they are (nginx's brotli_static and gzip_static,
// Caddy's file_server precompressed: deploy/, docs/HOSTING.md) instead of compressing each
// answer itself. A copy is kept only when smaller than the file.
// Never in lists/: the lists are replaced on every publish, and a server would keep sending
// a stale .br of an old list as if it were the new one; any found there are deleted.
// Run after everything else is written into dist/ (scripts/build-checker.sh does).
// Usage: node tools/precompress.mjs DIST
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2];
if (!dist) throw new Error('usage: node tools/precompress.mjs DIST');
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt', '.cbor']);
const SIDECARS = ['.br', '.gz'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let written = 0;
let before = 0;
let after = 0;
for (const path of [...files(dist)]) {
  const inLists = relative(dist, path).split(/[\\/]/)[0] === 'lists';
  if (SIDECARS.includes(extname(path))) {
    if (inLists) rmSync(path);
    continue;
  }
  if (inLists || !COMPRESSIBLE.has(extname(path))) continue;
  const raw = readFileSync(path);
  const { mtime } = statSync(path);
  const copies = {
    '.br': brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    '.gz': gzipSync(raw, { level: 9 }),
  };
  before += raw.length;
  after += Math.min(raw.length, copies['.br'].length);
  for (const [ext, data] of Object.entries(copies)) {
    if (data.length >= raw.length) { rmSync(path + ext, { force: true }); continue; }
    writeFileSync(path + ext, data);
    // The copy carries the file's time, so Last-Modified is the same whichever is sent.
    utimesSync(path + ext, mtime, mtime);
    written += 1;
  }
}
console.log(`precompressed: ${written} .br/.gz copies written; ${before} bytes are ${after} with brotli`);
