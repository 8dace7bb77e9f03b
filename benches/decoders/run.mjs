// Our decoder (decode and verify) against zbar-wasm, jsQR and ZXing-js, in one headless
// Chromium run: card-frames (full 1280×720 RGBA per call), the same scenes with no card (the
// time an empty frame costs), and the photo corpus crates/qr-scan/tests/photos (QR codes of
// any kind, reads and misreads per category). --photos-only or --no-photos runs one half.
//
// One command, from the repository root (after scripts/setup.sh):
//   benches/decoders.sh [--per-condition 25] [--seed 2026]
// which runs:
//   cd benches/decoders && cargo build --release --target wasm32-unknown-unknown --target-dir ../../target/bench-decoders
//   wasm-bindgen --target web --out-dir target/bench-decoders/pkg target/bench-decoders/wasm32-unknown-unknown/release/decoder_bench.wasm
//   wasm-opt -Oz target/bench-decoders/pkg/decoder_bench_bg.wasm -o target/bench-decoders/pkg/decoder_bench_bg.wasm
//   node benches/decoders/run.mjs --per-condition 25 --seed 2026
// Per-frame results go to target/bench-decoders/results-<seed>-<per-condition>.json.
//
// Frames are rendered in the page by the Wasm build of crates/card-frames; only the decode
// calls are timed. Every request the page makes is to 127.0.0.1: anything else is refused
// and counted.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = process.env.DECODER_BENCH_OUT ?? path.join(root, 'target/bench-decoders');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const perCondition = option('per-condition', 25);
const seed = option('seed', 2026);
// One empty frame (the scene of a card frame without the card) per this many card frames.
const emptyEvery = option('empty-every', 4);
const flag = (name) => process.argv.includes(`--${name}`);
const withFrames = !flag('photos-only');
const withPhotos = !flag('no-photos');
const photoDir = path.join(root, 'crates/qr-scan/tests/photos');

// URL prefix → folder. Only these are served.
const mounts = {
  '/bench/': path.join(here, 'page'),
  '/pkg/': path.join(out, 'pkg'),
  '/zbar/': path.join(root, 'node_modules/@undecaf/zbar-wasm/dist'),
  '/jsqr/': path.join(root, 'node_modules/jsqr/dist'),
  '/zxing/': path.join(root, 'node_modules/@zxing/library/umd'),
  '/photos/': photoDir,
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png' };

function serve(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
  const file = prefix && path.join(mounts[prefix], path.normalize(url.pathname.slice(prefix.length)));
  if (!file || !file.startsWith(mounts[prefix]) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  fs.createReadStream(file).pipe(res);
}

const DECODERS = [
  ['ours', 'ours (decode + verify)'],
  ['zbar', 'zbar-wasm 0.11.0 (QR only)'],
  ['jsqr', 'jsQR 1.4.0 (dontInvert; photos: attemptBoth)'],
  ['zxing', '@zxing/library 0.23.0 (TRY_HARDER)'],
];

// The photo corpus: <category>--<name>.png with its text(s), <category>--<name>[.2].txt.
function photoCorpus() {
  return fs
    .readdirSync(photoDir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((file) => {
      const stem = file.slice(0, -4);
      const texts = [fs.readFileSync(path.join(photoDir, `${stem}.txt`), 'utf8')];
      const second = path.join(photoDir, `${stem}.2.txt`);
      if (fs.existsSync(second)) texts.push(fs.readFileSync(second, 'utf8'));
      return { file, category: stem.split('--')[0], texts };
    });
}

function photoTable(photos, results) {
  const categories = [...new Set(photos.map((p) => p.category))];
  const lines = [`### Photos (${photos.length} pictures of QR codes of any kind; reads / pictures, misreads after the slash in brackets)`, ''];
  lines.push(`| decoder | read /${photos.length} | ${categories.join(' | ')} | misreads | median ms | p90 ms |`);
  lines.push(`|---|---|${categories.map(() => '---').join('|')}|---|---|---|`);
  for (const [key, label] of DECODERS) {
    const ok = (p, r) => r.results[key].text !== null && p.texts.includes(r.results[key].text);
    const bad = (p, r) => r.results[key].text !== null && !p.texts.includes(r.results[key].text);
    const cells = categories.map((c) => {
      const these = photos.map((p, i) => [p, results[i]]).filter(([p]) => p.category === c);
      const misread = these.filter(([p, r]) => bad(p, r)).length;
      return `${these.filter(([p, r]) => ok(p, r)).length}/${these.length}${misread ? ` (${misread} misread)` : ''}`;
    });
    const reads = photos.filter((p, i) => ok(p, results[i])).length;
    const misreads = photos.filter((p, i) => bad(p, results[i])).length;
    const ms = results.map((r) => r.results[key].ms).sort((a, b) => a - b);
    lines.push(`| ${key === 'ours' ? 'ours (decode only: photos are not cards)' : label} | ${reads} | ${cells.join(' | ')} | ${misreads} | ${quantile(ms, 0.5).toFixed(1)} | ${quantile(ms, 0.9).toFixed(1)} |`);
  }
  return lines.join('\n');
}

// Time a 720p frame costs each decoder: frames with no code, card frames ours does not
// read, and card frames ours reads.
function costTable(frames, empties) {
  const sets = [
    ['empty frames (no card)', empties],
    ['card frames ours does not read', frames.filter((f) => f.results.ours.text !== f.expected)],
    ['card frames ours reads', frames.filter((f) => f.results.ours.text === f.expected)],
  ];
  const lines = ['### Time a 1280×720 frame costs (median / p90 ms)', ''];
  lines.push(`| decoder | ${sets.map(([name, set]) => `${name} (${set.length})`).join(' | ')} |`);
  lines.push(`|---|${sets.map(() => '---').join('|')}|`);
  for (const [key, label] of DECODERS) {
    const cells = sets.map(([, set]) => {
      const ms = set.map((f) => f.results[key].ms).sort((a, b) => a - b);
      return `${quantile(ms, 0.5).toFixed(1)} / ${quantile(ms, 0.9).toFixed(1)}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

// Nearest rank: the median of 400 is the 200th fastest, p90 the 360th.
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

function table(title, frames, conditions) {
  const lines = [`### ${title} (${frames.length} frames)`, ''];
  lines.push(`| decoder | read /${frames.length} | ${conditions.join(' | ')} | misreads | median ms | p90 ms |`);
  lines.push(`|---|---|${conditions.map(() => '---').join('|')}|---|---|---|`);
  for (const [key, label] of DECODERS) {
    const ok = (f) => f.results[key].text === f.expected;
    const perCond = conditions.map((c) => {
      const these = frames.filter((f) => f.condition === c);
      return `${these.filter(ok).length}/${these.length}`;
    });
    const misreads = frames.filter((f) => f.results[key].text !== null && !ok(f)).length;
    const ms = frames.map((f) => f.results[key].ms).sort((a, b) => a - b);
    lines.push(`| ${label} | ${frames.filter(ok).length} | ${perCond.join(' | ')} | ${misreads} | ${quantile(ms, 0.5).toFixed(1)} | ${quantile(ms, 0.9).toFixed(1)} |`);
  }
  return lines.join('\n');
}

const server = http.createServer(serve);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let offMachine = 0;
try {
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(`${origin}/`)) return route.continue();
    offMachine += 1;
    console.error(`refused: ${route.request().url()}`);
    return route.abort();
  });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => window.bench);
  const photos = withPhotos ? photoCorpus() : [];
  const setup = await page.evaluate(([n, s, files]) => window.bench.setup(n, s, files), [perCondition, seed, photos.map((p) => p.file)]);
  const count = withFrames ? setup.count : 0;

  const frames = [];
  const empties = [];
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    frames.push(await page.evaluate((index) => window.bench.frame(index), i));
    if (emptyEvery > 0 && i % emptyEvery === 0) empties.push(await page.evaluate((index) => window.bench.empty(index), i));
    if ((i + 1) % 25 === 0) {
      const left = ((Date.now() - started) / (i + 1)) * (count - i - 1);
      console.error(`${i + 1}/${count} frames, about ${Math.round(left / 1000)} s left`);
    }
  }
  const photoResults = [];
  for (let i = 0; i < photos.length; i++) photoResults.push(await page.evaluate((index) => window.bench.photo(index), i));
  fs.writeFileSync(path.join(out, `results-${seed}-${perCondition}.json`), JSON.stringify({ setup, frames, empties, photos: photoResults }, null, 1));

  console.log(`# Decoders: ${count} card frames (${perCondition} per condition and card, seed ${seed}), ${empties.length} empty frames, 1280×720 RGBA per call; ${photos.length} photos`);
  console.log(`${setup.userAgent}`);
  console.log(`requests refused for leaving 127.0.0.1: ${offMachine}`);
  if (count > 0) {
    const conditions = [...new Set(frames.map((f) => f.condition))];
    const cards = [...new Set(frames.map((f) => f.card))];
    const render = frames.map((f) => f.renderMs).sort((a, b) => a - b);
    const verdicts = {};
    for (const f of frames) {
      const v = f.results.ours.verdict;
      if (v) verdicts[v] = (verdicts[v] ?? 0) + 1;
    }
    console.log(`verdict of each card's text without an image: ${JSON.stringify(setup.verdictsWithoutImage)}`);
    console.log(`verdicts of our reads: ${JSON.stringify(verdicts)}`);
    console.log(`frame rendering (not timed in the table): median ${quantile(render, 0.5).toFixed(0)} ms; wall time ${Math.round((Date.now() - started) / 1000)} s`);
    console.log('');
    console.log(table('All frames', frames, conditions));
    for (const card of cards) {
      console.log('');
      console.log(table(`Card: ${card}`, frames.filter((f) => f.card === card), conditions));
    }
    console.log('');
    console.log(costTable(frames, empties));
    for (const [key] of DECODERS) {
      for (const f of frames.filter((f) => f.results[key].text !== null && f.results[key].text !== f.expected)) {
        console.log(`misread by ${key}: frame ${f.index} (${f.condition}, ${f.card}): ${JSON.stringify(f.results[key].text)}`);
      }
      for (const f of empties.filter((f) => f.results[key].text !== null)) {
        console.log(`misread by ${key}: empty frame ${f.index}: ${JSON.stringify(f.results[key].text)}`);
      }
    }
  }
  if (photos.length > 0) {
    console.log('');
    console.log(photoTable(photos, photoResults));
    for (const [key] of DECODERS) {
      const missed = photos.filter((p, i) => !p.texts.includes(photoResults[i].results[key].text)).map((p) => p.file);
      console.log(`not read by ${key}: ${missed.join(' ')}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
