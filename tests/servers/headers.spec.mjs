// Every file type in dist/, as nginx or Caddy serves it with deploy/'s configuration: the
// security headers, Content-Type and Cache-Control tools/serve.mjs sends for the same path
// (the reference, asked beside it), plus HSTS, and the build's precompressed .br or .gz
// sent as such (decompressing to the file itself). Odd paths get a plain 4xx with the same
// headers. And the shipped site files, unchanged, pass the servers' own checks.
import { test, expect, dist } from './fixtures.mjs';
import { checkShippedCaddyfile, checkShippedNginxSite } from './start-server.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const SECURITY = ['content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy',
  'referrer-policy', 'permissions-policy', 'x-content-type-options'];
const HSTS = 'max-age=63072000; includeSubDomains';

/// The raw answer to `path`, sent exactly as written, body as sent (not decompressed).
function get(origin, path, { encoding, method = 'GET' } = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, method, headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const pick = (headers, names) => Object.fromEntries(names.map((name) => [name, headers[name]]));

function* filesIn(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesIn(path);
    else if (!/\.(br|gz)$/.test(entry.name)) yield '/' + relative(dist, path).split(sep).join('/');
  }
}
const byType = new Map();
for (const path of filesIn(dist)) byType.set(extname(path), [...(byType.get(extname(path)) ?? []), path]);
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);

test('dist/ holds every file type the configurations know, and the build precompressed them', () => {
  expect([...byType.keys()].sort()).toEqual(['.cbor', '.cose', '.css', '.html', '.js', '.json', '.png', '.svg', '.wasm', '.webmanifest']);
  for (const [type, paths] of byType) {
    for (const path of paths) {
      const precompressed = COMPRESSIBLE.has(type) && !path.startsWith('/lists/');
      // Every compressible file shrinks with brotli but a few tiny icons may not; the pages,
      // scripts and Wasm always do.
      if (precompressed && /\.(html|js|wasm|css|webmanifest)$/.test(path)) expect(existsSync(join(dist, path + '.br')), path + '.br').toBe(true);
      if (!precompressed) expect(existsSync(join(dist, path + '.br')) || existsSync(join(dist, path + '.gz')), `${path} has a .br or .gz`).toBe(false);
    }
  }
});

for (const [type, paths] of [...byType].sort()) {
  test(`every ${type} file: the reference's headers, type and caching, HSTS, precompressed copies sent as such (${paths.length} files)`, async ({ sites }) => {
    const { checker, reference } = sites;
    for (const path of paths) {
      const file = readFileSync(join(dist, path));
      const answer = await get(checker.origin, path, { encoding: 'br, gzip' });
      // (The reference compresses as it answers; its headers are the same either way.)
      const expected = await get(reference.origin, path);
      expect(answer.status, path).toBe(200);
      expect(pick(answer.headers, [...SECURITY, 'content-type', 'cache-control']), path)
        .toEqual(pick(expected.headers, [...SECURITY, 'content-type', 'cache-control']));
      expect(answer.headers['strict-transport-security'], path).toBe(HSTS);

      // Brotli when the build wrote a .br, else gzip when it wrote a .gz, else the file.
      const wanted = existsSync(join(dist, path + '.br')) ? 'br' : existsSync(join(dist, path + '.gz')) ? 'gzip' : undefined;
      expect(answer.headers['content-encoding'], path).toBe(wanted);
      const decoded = wanted === 'br' ? brotliDecompressSync(answer.body) : wanted === 'gzip' ? gunzipSync(answer.body) : answer.body;
      expect(decoded.equals(file), `${path}: the body is the file`).toBe(true);
      if (wanted) {
        expect(answer.headers.vary, path).toMatch(/accept-encoding/i);
        expect(answer.body.equals(readFileSync(join(dist, path + (wanted === 'br' ? '.br' : '.gz')))), `${path}: the build's own copy`).toBe(true);
      }
      if (existsSync(join(dist, path + '.gz'))) {
        const gzip = await get(checker.origin, path, { encoding: 'gzip' });
        expect(gzip.headers['content-encoding'], path).toBe('gzip');
        expect(gunzipSync(gzip.body).equals(file), `${path}: the gzip body is the file`).toBe(true);
      }
      const plain = await get(checker.origin, path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(file), `${path}: the uncompressed body is the file`).toBe(true);
    }
  });
}

test('a folder\'s address serves its index.html, with the page\'s headers', async ({ sites }) => {
  for (const [path, file] of [['/', '/index.html'], ['/samples/', '/samples/index.html']]) {
    const answer = await get(sites.checker.origin, path);
    const expected = await get(sites.reference.origin, path);
    expect(answer.status, path).toBe(200);
    expect(answer.body.equals(readFileSync(join(dist, file))), path).toBe(true);
    expect(pick(answer.headers, [...SECURITY, 'content-type', 'cache-control'])).toEqual(pick(expected.headers, [...SECURITY, 'content-type', 'cache-control']));
  }
});

// Odd requests (tools/serve.test.mjs's), and what the server does with each.
const ODD = [
  ['/%ff', 'a malformed percent-escape'],
  ['/index.html%e0%a4', 'a cut-short UTF-8 escape'],
  ['/a%00b', 'a NUL byte'],
  ['/..%2f..%2fetc%2fpasswd', 'an escaped `..` path'],
  ['/..%2fCargo.toml', 'an escaped `..` to a file beside the web root'],
  ['/../Cargo.toml', 'a plain `..` to a file beside the web root'],
  ['/../../etc/passwd', 'a plain `..` path'],
  ['/%2e%2e/%2e%2e/etc/passwd', 'an escaped-dot `..` path'],
  ['/nothing-here.js', 'a file that is not there'],
  ['/warrant-check-0123456789abcdef.js', 'a hashed name that is not there'],
  ['/lists/nothing.cose', 'a list that is not there'],
  ['/lists', 'a folder named without its slash'],
  ['/lists/', 'a folder with no index.html'],
  ['//evil.example/x', 'a path that looks like another host'],
  ['/index.html.br', 'a precompressed copy asked for by name'],
  ['/warrant-check.wasm.gz', 'a precompressed copy of nothing'],
];

for (const [path, what] of ODD) {
  test(`${what} (${path}): a plain 4xx with the page's headers, nothing from outside the root`, async ({ sites }) => {
    const answer = await get(sites.checker.origin, path);
    const page = await get(sites.reference.origin, '/nothing-here');
    expect(answer.status, path).toBeGreaterThanOrEqual(400);
    expect(answer.status, path).toBeLessThan(500);
    expect(pick(answer.headers, SECURITY)).toEqual(pick(page.headers, SECURITY));
    expect(answer.headers['strict-transport-security']).toBe(HSTS);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body.length).toBeLessThan(100);
    for (const secret of ['root:', '[workspace]', dist]) expect(String(answer.body)).not.toContain(secret);
  });
}

test('a lone `%` (/%): a 400', async ({ sites, serverKind }) => {
  const answer = await get(sites.checker.origin, '/%');
  expect(answer.status).toBe(400);
  if (serverKind === 'nginx') {
    const page = await get(sites.reference.origin, '/nothing-here');
    expect(pick(answer.headers, SECURITY)).toEqual(pick(page.headers, SECURITY));
  } else {
    // Go's HTTP server refuses a request line it cannot parse before Caddy sees it: its own
    // plain-text 400 without the site's headers (no configuration reaches it;
    // docs/HOSTING.md). Plain text with nothing in it.
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(String(answer.body)).toBe('400 Bad Request');
  }
});

test('a HEAD request for a malformed escape is a 4xx with the headers', async ({ sites }) => {
  const answer = await get(sites.checker.origin, '/%ff', { method: 'HEAD' });
  const page = await get(sites.reference.origin, '/nothing-here');
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(pick(answer.headers, SECURITY)).toEqual(pick(page.headers, SECURITY));
});

test('the shipped site configuration, unchanged, passes the server\'s own check', async ({ serverKind }) => {
  if (serverKind === 'nginx') expect(await checkShippedNginxSite()).toContain('test is successful');
  else expect(await checkShippedCaddyfile()).toContain('Valid configuration');
});
