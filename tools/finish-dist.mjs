// After `trunk build`: replaces Trunk's inline loader, so that the page runs under a
// Content-Security-Policy with no 'unsafe-inline' on any static host, by a start at the end
// of wasm-bindgen's glue module (minified), inlines the tab icon, and copies the signed lists into dist/lists/ for the checker's refresh. Then makes the checker installable
// and usable offline: copies the web app manifest, icons, embed.js and the decoder's worker
// (scan-worker.js) from www/, writes the
// embed.html page, and writes dist/sw.js from the www/sw.js template with the list of files
// to precache, the officer page's and desk's files to keep on use, and a version hash of them.
// Usage: node tools/finish-dist.mjs DIST TRUST_DIR
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const [dist, trustDir] = process.argv.slice(2);
const indexPath = join(dist, 'index.html');

// Makes wasm-bindgen's glue module start the app itself, instead of Trunk's inline loader
// (which a Content-Security-Policy without 'unsafe-inline' forbids, and a file of its own
// would cost every first visit a request), and minifies it.
async function finishPage(page) {
  const path = join(dist, page);
  let html = readFileSync(path, 'utf8');
  const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
  let loader = '';
  html = html.replace(inline, (_, body) => { loader += body; return ''; });
  const wasm = /module_or_path:\s*'(\.\/[\w-]+_bg\.wasm)'/.exec(loader);
  if (!wasm) throw new Error('no inline loader of the Wasm found in ' + path);

  // Minified, the glue is 1.5 KB (brotli) less on every first visit. The page preloads it
  // with an integrity hash, which is recomputed here. Property names are left alone: the
  // Wasm imports them by name.
  const glue = /<link rel="modulepreload" href="\.\/([\w-]+\.js)"([^>]*) integrity="([^"]+)"/.exec(html);
  if (!glue) throw new Error('no modulepreload of the wasm-bindgen glue in ' + path);
  const gluePath = join(dist, glue[1]);
  const source = readFileSync(gluePath, 'utf8');
  if (!/export \{[^}]*__wbg_init as default/.test(source)) throw new Error(glue[1] + ': no __wbg_init to start the app with');
  const started = source + `\nawait __wbg_init({ module_or_path: '${wasm[1]}' });\n`;
  const minified = await minify(started, { module: true, compress: true, mangle: true });
  writeFileSync(gluePath, minified.code);
  const integrity = 'sha384-' + createHash('sha384').update(minified.code).digest('base64');
  html = html.replace(glue[0], glue[0].replace(glue[3], integrity));
  html = html.replace('</head>', `<script type="module" src="./${glue[1]}" crossorigin="anonymous" integrity="${integrity}"></script></head>`);

  // The tab's icon inline: a data: URL (allowed by img-src) instead of a request of its own.
  const icon = readFileSync(join(www, 'icons', 'icon.svg'), 'utf8').trim();
  html = html.replace('href="icons/icon.svg"', `href="data:image/svg+xml,${encodeURIComponent(icon)}"`);
  writeFileSync(path, html);
}

// www/ is found beside this script, whatever the working directory.
const www = fileURLToPath(new URL('../www/', import.meta.url));
await finishPage('index.html');
// The officer page and the desk are entry points of their own (src/officer_main.rs,
// src/desk_main.rs), built beside it: the same loader, integrity and icon treatment.
if (existsSync(join(dist, 'officer.html'))) await finishPage('officer.html');
if (existsSync(join(dist, 'desk.html'))) await finishPage('desk.html');

mkdirSync(join(dist, 'lists'), { recursive: true });
// The checker fetches the trust list and the bundle of every force's revocation filter
// (warrant-issuer filter-bundle); each force's own filter is published beside them, and so
// are the forces' revocation lists and their bundle (warrant-issuer bundle), which other
// systems read during the move from lists to filters (docs/FORMAT.md §14.6). The desk also
// fetches the bundle of card directories (warrant-issuer bundle --directories), whole; each
// force's own directory (warrant-issuer directory) is published beside it too. Never the
// record of issued cards the directories are built from: it is the identity team's, and
// holds every code.
const FETCHED_LISTS = ['trust-list.cose', 'revocation-filters.cbor', 'revocations.cbor', 'directories.cbor'];
for (const name of FETCHED_LISTS) {
  if (!existsSync(join(trustDir, name))) throw new Error(`no ${name} in ${trustDir} (see docs/ISSUER.md: warrant-issuer trust-list, bundle, filter-bundle, directory)`);
}
for (const name of readdirSync(trustDir)) {
  if (FETCHED_LISTS.includes(name) || /^(revocations|revocation-filter)-[A-Za-z0-9_-]+\.cose$/.test(name) || /^directory-[A-Za-z0-9_-]+\.cbor$/.test(name)) {
    copyFileSync(join(trustDir, name), join(dist, 'lists', name));
  }
}
console.log('dist finished: the app starts from its glue module, lists copied');

// Installable and offline.
copyFileSync(join(www, 'manifest.webmanifest'), join(dist, 'manifest.webmanifest'));
mkdirSync(join(dist, 'icons'), { recursive: true });
for (const name of readdirSync(join(www, 'icons'))) {
  if (/\.(png|svg)$/.test(name)) copyFileSync(join(www, 'icons', name), join(dist, 'icons', name));
}
// embed.js runs on a force's own site to frame embed.html: published, but not part of the app.
if (existsSync(join(www, 'embed.js'))) copyFileSync(join(www, 'embed.js'), join(dist, 'embed.js'));
// The app picks its layout from the page's path, so the embedded page is the same file.
copyFileSync(indexPath, join(dist, 'embed.html'));
// The officer page alone loads officer.js, its hold on the phone's key (WebCrypto, IndexedDB).
copyFileSync(join(www, 'officer.js'), join(dist, 'officer.js'));
// The decoder runs in a worker of its own (src/browser/scanner.rs), which fetches scanner.wasm:
// both are app files, precached below.
copyFileSync(join(www, 'scan-worker.js'), join(dist, 'scan-worker.js'));

// Precache the app shell: every file directly in dist/ and the icons. Never the lists (the
// page keeps the lists it has verified itself: src/trust_store.rs) nor the samples.
const NOT_PRECACHED = new Set(['sw.js', 'samples.json', 'embed.js']);
const officerOnly = (name) => /^(officer\.html|officer\.js|qr-encode\.wasm|warrant-officer-[\w-]+\.(js|wasm))$/.test(name);
// The desk's page, Wasm and styles: call-centre PCs only. The desk asks for them to be kept
// as soon as the worker runs (PAGE_FILES), so it opens offline after its first visit.
const deskOnly = (name) => /^(desk\.html|desk-[0-9a-f]+\.css|warrant-desk-[\w-]+\.(js|wasm))$/.test(name);
const files = [
  ...readdirSync(dist).filter((name) => !NOT_PRECACHED.has(name) && !officerOnly(name) && !deskOnly(name) && statSync(join(dist, name)).isFile()),
  ...readdirSync(join(dist, 'icons')).map((name) => 'icons/' + name),
].sort();
const hash = createHash('sha256');
let bytes = 0;
const onUse = readdirSync(dist).filter(officerOnly).sort();
const deskFiles = readdirSync(dist).filter(deskOnly).sort();
// The officer page's and desk's files count towards the version too, so that a new build
// replaces them.
for (const name of deskFiles) onUse.push(name);
for (const name of [...files, ...onUse]) {
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
  [/^const ON_USE = \[\];$/m, `const ON_USE = ${JSON.stringify(onUse)};`],
  [/^const PAGE_FILES = \{\};$/m, `const PAGE_FILES = ${JSON.stringify({ desk: deskFiles })};`],
]) {
  if (!pattern.test(sw)) throw new Error(`www/sw.js: no line matching ${pattern} to fill in`);
  sw = sw.replace(pattern, () => line);
}
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`sw.js version ${version}: ${files.length} files precached (${bytes} bytes), plus ./`);
