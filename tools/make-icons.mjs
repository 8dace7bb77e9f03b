// Draws the checker's app icons (a white tick on the police-blue of the page's theme) and
// writes them as PNGs, by hand, so that no image tool or dependency is needed.
// Usage: node tools/make-icons.mjs   (writes www/icons/; the PNGs are committed)
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../www/icons/', import.meta.url);
const BLUE = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];
// The tick, in units of the icon's side: a short stroke down-right, a long one up-right.
const TICK = [[0.27, 0.53], [0.43, 0.69], [0.74, 0.35]];
const TICK_HALF_WIDTH = 0.055;
const CORNER_RADIUS = 0.2;

// Distance from (px, py) to the segment from a to b.
function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Signed distance (negative inside) from (px, py) to a square of side `size` at the origin
// with corners rounded to radius r.
function roundedSquareDistance(px, py, size, r) {
  const h = size / 2;
  const qx = Math.abs(px - h) - (h - r), qy = Math.abs(py - h) - (h - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// Coverage of a pixel by a shape, from the signed distance (in pixels) at its centre: a
// one-pixel-wide ramp across the edge, which is what 16x supersampling converges to.
const coverage = (d) => Math.max(0, Math.min(1, 0.5 - d));

// Renders one icon. maskable: full-bleed opaque square, tick scaled into the central 80%
// (the safe zone, a circle of radius 40%, which any platform mask keeps).
function render(size, maskable) {
  const channels = maskable ? 3 : 4;
  const pixels = Buffer.alloc(size * size * channels);
  const scale = maskable ? 0.8 : 1;
  const points = TICK.map(([x, y]) => [(0.5 + (x - 0.5) * scale) * size, (0.5 + (y - 0.5) * scale) * size]);
  const halfWidth = TICK_HALF_WIDTH * scale * size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5, cy = y + 0.5;
      const d = Math.min(segmentDistance(cx, cy, points[0], points[1]), segmentDistance(cx, cy, points[1], points[2]));
      const tick = coverage(d - halfWidth);
      const o = (y * size + x) * channels;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * tick);
      if (!maskable) pixels[o + 3] = Math.round(255 * coverage(roundedSquareDistance(cx, cy, size, CORNER_RADIUS * size)));
    }
  }
  return png(size, size, channels, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

// Filters each scanline with whichever of the five PNG filters gives the smallest sum of
// absolute (signed) bytes: the usual heuristic, and good for flat colours with smooth edges.
function filterScanlines(width, height, bpp, pixels) {
  const stride = width * bpp;
  const out = Buffer.alloc(height * (stride + 1));
  const zero = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const line = pixels.subarray(y * stride, (y + 1) * stride);
    const prior = y ? pixels.subarray((y - 1) * stride, y * stride) : zero;
    let best = null, bestScore = Infinity;
    for (let type = 0; type < 5; type++) {
      const f = Buffer.alloc(stride + 1);
      f[0] = type;
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? line[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
        let predictor = 0;
        if (type === 1) predictor = a;
        else if (type === 2) predictor = b;
        else if (type === 3) predictor = (a + b) >> 1;
        else if (type === 4) {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        const v = (line[i] - predictor) & 0xff;
        f[i + 1] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) { best = f; bestScore = score; }
    }
    best.copy(out, y * (stride + 1));
  }
  return out;
}

function png(width, height, channels, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 4 ? 6 : 2; // colour type: RGBA or RGB
  // compression, filter and interlace methods: all 0 (the only defined ones; no interlace)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(filterScanlines(width, height, channels, pixels), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]]) {
  const data = render(size, maskable);
  writeFileSync(new URL(name, OUT), data);
  console.log(`www/icons/${name}: ${size}x${size}, ${data.length} bytes`);
}

// The page's favicon: the same drawing as a few hundred bytes of SVG, so that a first visit
// does not fetch a 4 KB PNG for a 16-pixel tab icon. Round caps and joins, as the PNGs'
// distance-to-segment tick has.
const hex = (rgb) => '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
const pct = (v) => Math.round(v * 1000) / 10;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">`
  + `<rect width="100" height="100" rx="${pct(CORNER_RADIUS)}" fill="${hex(BLUE)}"/>`
  + `<path d="M${TICK.map(([x, y]) => `${pct(x)} ${pct(y)}`).join(' ')}" fill="none" stroke="${hex(WHITE)}" `
  + `stroke-width="${pct(2 * TICK_HALF_WIDTH)}" stroke-linecap="round" stroke-linejoin="round"/></svg>\n`;
writeFileSync(new URL('icon.svg', OUT), svg);
console.log(`www/icons/icon.svg: ${svg.length} bytes`);
