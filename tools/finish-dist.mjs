// After `trunk build`: moves Trunk's inline loader into boot.js so that the page runs under
// a Content-Security-Policy with no 'unsafe-inline' on any static host, and copies the
// signed lists into dist/lists/ for the checker's refresh.
// Usage: node tools/finish-dist.mjs DIST TRUST_DIR
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist, trustDir] = process.argv.slice(2);
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let boot = '';
html = html.replace(inline, (_, body) => { boot += body + '\n'; return ''; });
if (!boot) throw new Error('no inline loader found in ' + indexPath);
writeFileSync(join(dist, 'boot.js'), boot);
html = html.replace('</head>', '<script type="module" src="./boot.js"></script></head>');
writeFileSync(indexPath, html);

mkdirSync(join(dist, 'lists'), { recursive: true });
for (const name of readdirSync(trustDir)) {
  if (name === 'trust-list.cose' || /^revocations-[A-Za-z0-9_-]+\.cose$/.test(name)) {
    copyFileSync(join(trustDir, name), join(dist, 'lists', name));
  }
}
console.log(`dist finished: loader in boot.js (${boot.length} bytes), lists copied`);
