// A static server for the built checker, with the headers a force's web server should send:
// a strict Content-Security-Policy, no referrer, camera only for this origin, and brotli or
// gzip compression. Usage: node tools/serve.mjs [DIR] [PORT] [HOST]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { appendFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8080);
const host = process.argv[4] ?? '127.0.0.1';
// The force sites allowed to frame embed.html (space-separated origins); nobody by default.
const embedAncestors = process.env.EMBED_ANCESTORS?.trim() || "'none'";
// Tests in browsers without request interception read what was asked for here: one
// "METHOD path" line per request (paths only; a query or fragment would show as well).
const requestLog = process.env.REQUEST_LOG;
// Tests give every engine's camera the same card video from here (same origin, as the page's
// connect-src allows); unset outside tests.
const testMedia = process.env.TEST_MEDIA && resolve(process.env.TEST_MEDIA);

export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/// The same policy for the embeddable page, framable by the listed force sites only.
const EMBED_CSP = CSP.replace("frame-ancestors 'none'", `frame-ancestors ${embedAncestors}`);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.cose': 'application/cose', '.cbor': 'application/cbor', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt', '.cbor']);
const cache = new Map();

async function body(path, encoding) {
  const key = path + ':' + encoding;
  const modified = (await stat(path)).mtimeMs;
  const hit = cache.get(key);
  if (hit && hit.modified === modified) return hit.data;
  const raw = await readFile(path);
  const data = encoding === 'br'
    ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : encoding === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
  cache.set(key, { modified, data });
  return data;
}

/// The headers every response carries, errors included: a browser applies the policy of
/// whatever it is given, and an error page without it would be a page without a CSP.
function securityHeaders(path) {
  const embedPage = path === '/embed.html';
  const headers = {
    'Content-Security-Policy': embedPage ? EMBED_CSP : CSP,
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    'X-Content-Type-Options': 'nosniff',
    // embed.js is loaded by force sites' pages; nothing else is for other origins.
    'Cross-Origin-Resource-Policy': path === '/embed.js' ? 'cross-origin' : 'same-origin',
  };
  if (!embedPage) headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  return headers;
}

/// A plain-text answer that is not a file: it says only its status, never a path or an error.
function refuse(res, status, text) {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    ...securityHeaders(''),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/// The request's path, percent-decoded; null if it cannot be (a malformed escape like %ff
/// or a lone %), which is the client's error, not the server's.
function requestPath(url) {
  try {
    return decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  if (requestLog) appendFileSync(requestLog, `${req.method} ${req.url}\n`);
  try {
    let path = requestPath(req.url);
    // A NUL byte names no file, and the file system would refuse it with an exception.
    if (path === null || path.includes('\0')) { refuse(res, 400, 'bad request'); return; }
    if (path.endsWith('/')) path += 'index.html';
    const media = testMedia && path.startsWith('/test-media/');
    const base = media ? testMedia : root;
    const file = normalize(join(base, media ? path.slice('/test-media'.length) : path));
    if (file !== base && !file.startsWith(base + sep)) { refuse(res, 403, 'forbidden'); return; }
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) { refuse(res, 404, 'not found'); return; }
    const ext = extname(file);
    const accepts = req.headers['accept-encoding'] ?? '';
    const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    const headers = {
      ...securityHeaders(path),
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      // Lists and the page revalidate; hashed build files can be cached for good.
      'Cache-Control': /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Vary': 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    const data = await body(file, encoding);
    headers['Content-Length'] = data.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : data);
  } catch (e) {
    // Logged here, not sent: an error's text can name files on the server.
    console.error(`${req.method} ${req.url}: ${e.stack ?? e}`);
    if (res.headersSent) res.destroy();
    else refuse(res, 500, 'internal error');
  }
});
// The port actually bound (port 0 picks a free one, as the server's own test does).
server.listen(port, host, () => console.log(`serving ${root} on http://${host}:${server.address().port}/`));
