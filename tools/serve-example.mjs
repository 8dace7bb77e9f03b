// Serves the example force website (examples/force-site/) that embeds the checker, with
// the headers a careful force site sends: scripts and frames only from itself and the
// checker, camera delegated to the checker's frame.
// Usage: node tools/serve-example.mjs PORT CHECKER_ORIGIN [HOST]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port = '8081', checker = 'http://127.0.0.1:8080', host = '127.0.0.1'] = process.argv.slice(2);
const checkerOrigin = new URL(checker).origin;
const root = fileURLToPath(new URL('../examples/force-site/', import.meta.url));
const FILES = { '/': 'index.html', '/index.html': 'index.html', '/site.css': 'site.css', '/site.js': 'site.js' };
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${checkerOrigin}`,
  `frame-src ${checkerOrigin}`,
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

createServer(async (req, res) => {
  const name = FILES[new URL(req.url, 'http://x').pathname];
  if (!name) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
  let body = await readFile(join(root, name));
  if (name.endsWith('.html')) body = Buffer.from(String(body).replaceAll('{{CHECKER_ORIGIN}}', checkerOrigin));
  res.writeHead(200, {
    'Content-Type': TYPES[extname(name)],
    'Content-Security-Policy': CSP,
    'Permissions-Policy': `camera=(self "${checkerOrigin}")`,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}).listen(Number(port), host, () => console.log(`serving example force site on http://${host}:${port}/ (checker ${checkerOrigin})`));
