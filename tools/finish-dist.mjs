// After `trunk build`: moves Trunk's inline loader into boot.js, so that the page runs under
// a Content-Security-Policy with no 'unsafe-inline' on any static host, minifies
// wasm-bindgen's glue, and copies the signed lists into dist/lists/ for the checker's refresh. Then makes the checker installable
// and usable offline: copies the web app manifest, icons and embed.js from www/, writes the
// desk.html and embed.html pages, and writes dist/sw.js from the www/sw.js template with the
// list of files to precache and a version hash of them.
// Usage: node tools/finish-dist.mjs DIST TRUST_DIR
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const [dist, trustDir] = process.argv.slice(2);
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let boot = '';
html = html.replace(inline, (_, body) => { boot += body + '\n'; return ''; });
if (!boot) throw new Error('no inline loader found in ' + indexPath);
writeFileSync(join(dist, 'boot.js'), boot);
html = html.replace('</head>', '<script type="module" src="./boot.js"></script></head>');

// wasm-bindgen's glue as it comes is readable, with comments: minified, it is 3–4 KB (brotli)
// less on every first visit. The page preloads it with an integrity hash, which is
// recomputed here. Property names are left alone: the Wasm imports them by name.
const glue = /<link rel="modulepreload" href="\.\/([\w-]+\.js)"([^>]*) integrity="([^"]+)"/.exec(html);
if (!glue) throw new Error('no modulepreload of the wasm-bindgen glue in ' + indexPath);
const gluePath = join(dist, glue[1]);
const minified = await minify(readFileSync(gluePath, 'utf8'), { module: true, compress: true, mangle: true });
writeFileSync(gluePath, minified.code);
const integrity = 'sha384-' + createHash('sha384').update(minified.code).digest('base64');
html = html.replace(glue[0], glue[0].replace(glue[3], integrity));
writeFileSync(indexPath, html);

mkdirSync(join(dist, 'lists'), { recursive: true });
for (const name of readdirSync(trustDir)) {
  if (name === 'trust-list.cose' || /^revocations-[A-Za-z0-9_-]+\.cose$/.test(name)) {
    copyFileSync(join(trustDir, name), join(dist, 'lists', name));
  }
}
console.log(`dist finished: loader in boot.js (${boot.length} bytes), lists copied`);

// Installable and offline. www/ is found beside this script, whatever the working directory.
const www = fileURLToPath(new URL('../www/', import.meta.url));
copyFileSync(join(www, 'manifest.webmanifest'), join(dist, 'manifest.webmanifest'));
mkdirSync(join(dist, 'icons'), { recursive: true });
for (const name of readdirSync(join(www, 'icons'))) {
  if (/\.(png|svg)$/.test(name)) copyFileSync(join(www, 'icons', name), join(dist, 'icons', name));
}
// embed.js runs on a force's own site to frame embed.html: published, but not part of the app.
if (existsSync(join(www, 'embed.js'))) copyFileSync(join(www, 'embed.js'), join(dist, 'embed.js'));
// The app picks its layout from the page's path, so the other pages are the same file.
for (const page of ['desk.html', 'embed.html']) copyFileSync(indexPath, join(dist, page));

// Precache the app shell: every file directly in dist/, the icons, and the lists as
// published with this build, so that one visit is enough to check offline even though the
// page fetched its lists before the service worker took over. Later lists are fetched
// network first and the last good ones kept. Never the samples.
const NOT_PRECACHED = new Set(['sw.js', 'samples.json', 'embed.js']);
const files = [
  ...readdirSync(dist).filter((name) => !NOT_PRECACHED.has(name) && statSync(join(dist, name)).isFile()),
  ...readdirSync(join(dist, 'icons')).map((name) => 'icons/' + name),
  ...readdirSync(join(dist, 'lists')).filter((name) => name.endsWith('.cose')).map((name) => 'lists/' + name),
].sort();
const hash = createHash('sha256');
let bytes = 0;
for (const name of files) {
  const data = readFileSync(join(dist, name));
  bytes += data.length;
  hash.update(name + '\0').update(String(data.length) + '\0').update(data);
}
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files];
let sw = readFileSync(join(www, 'sw.js'), 'utf8');
for (const [pattern, line] of [
  [/^const PRECACHE = \[\];$/m, `const PRECACHE = ${JSON.stringify(precache)};`],
  [/^const VERSION = 'dev';$/m, `const VERSION = '${version}';`],
]) {
  if (!pattern.test(sw)) throw new Error(`www/sw.js: no line matching ${pattern} to fill in`);
  sw = sw.replace(pattern, () => line);
}
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`sw.js version ${version}: ${files.length} files precached (${bytes} bytes), plus ./`);
