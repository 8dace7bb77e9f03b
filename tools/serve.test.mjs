// tools/serve.mjs answers odd requests (a malformed escape, `..`, a NUL, a folder, nothing
// there) with a 4xx and the same security headers as a file it serves, never a 500 or a
// bare answer. Starts the server on a free port over a small folder of its own; prints one
// line per case and "N passed, N failed". Usage: node tools/serve.test.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepStrictEqual, ok, strictEqual } from 'node:assert';

const SECURITY_HEADERS = ['content-security-policy', 'referrer-policy', 'permissions-policy', 'x-content-type-options',
  'cross-origin-resource-policy', 'cross-origin-opener-policy'];

const site = mkdtempSync(join(tmpdir(), 'serve-test-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>checker</title>\n');
mkdirSync(join(site, 'lists'));
writeFileSync(join(site, 'lists', 'trust-list.cose'), 'list');
// Beside the served folder, where a path escaping it would land.
const outside = `${site}-secret.txt`;
writeFileSync(outside, 'not to be served');

const server = spawn(process.execPath, [new URL('serve.mjs', import.meta.url).pathname, site, '0', '127.0.0.1'],
  { stdio: ['ignore', 'pipe', 'pipe'] });
let serverErrors = '';
server.stderr.on('data', (d) => { serverErrors += d; });
const port = await new Promise((ready, fail) => {
  server.stdout.on('data', (d) => {
    const bound = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(d));
    if (bound) ready(Number(bound[1]));
  });
  server.on('exit', (code) => fail(new Error(`server exited ${code}: ${serverErrors}`)));
});

/// The answer to a request for `path`, sent exactly as written (no client-side cleaning).
function get(path, method = 'GET') {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const securityOf = (headers) => Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]]));

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
    passed += 1;
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}`);
    failed += 1;
  }
}

try {
  // What every answer must carry: the headers of a page the server serves.
  const page = await get('/');
  await check('a file is served with its security headers', () => {
    strictEqual(page.status, 200);
    ok(page.headers['content-security-policy'].includes("default-src 'none'"), page.headers['content-security-policy']);
    for (const name of SECURITY_HEADERS) ok(page.headers[name], `no ${name}`);
  });

  const odd = [
    ['/%ff', 400, 'a malformed percent-escape'],
    ['/%', 400, 'a lone percent sign'],
    ['/index.html%e0%a4', 400, 'a cut-short UTF-8 escape'],
    ['/a%00b', 400, 'a NUL byte'],
    ['/..%2f..%2fetc%2fpasswd', 403, 'an escaped `..` path leaving the folder'],
    [`/..%2f${outside.split('/').pop()}`, 403, 'an escaped `..` to the file beside the folder'],
    ['/../../etc/passwd', 404, 'a plain `..` path (resolved inside the folder by the URL)'],
    ['/%2e%2e/%2e%2e/etc/passwd', 404, 'an escaped-dot `..` path (resolved inside the folder by the URL)'],
    ['/nothing-here.js', 404, 'a file that is not there'],
    ['/lists', 404, 'a folder named without its slash'],
    ['//evil.example/x', 404, 'a path that looks like another host'],
  ];
  for (const [path, status, what] of odd) {
    await check(`${what} (${path}) is a ${status} with the security headers`, async () => {
      const answer = await get(path);
      strictEqual(answer.status, status);
      deepStrictEqual(securityOf(answer.headers), securityOf(page.headers));
      ok(!answer.body.includes('not to be served'), 'served the file outside the folder');
      ok(!answer.body.includes(site), `the answer names the server's folder: ${answer.body}`);
    });
  }
  await check('a HEAD request for a malformed escape is a 400 with the security headers', async () => {
    const answer = await get('/%ff', 'HEAD');
    strictEqual(answer.status, 400);
    deepStrictEqual(securityOf(answer.headers), securityOf(page.headers));
  });
  await check('a file in a subfolder is still served', async () => {
    const answer = await get('/lists/trust-list.cose');
    strictEqual(answer.status, 200);
    strictEqual(answer.body, 'list');
  });
  await check('the server logged no error for any of them', () => strictEqual(serverErrors, ''));
} finally {
  server.kill();
  rmSync(site, { recursive: true, force: true });
  rmSync(outside, { force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
