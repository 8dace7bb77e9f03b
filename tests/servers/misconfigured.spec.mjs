// scripts/check-deployment.sh against a deliberately misconfigured nginx (a changed copy of
// deploy/nginx/snippets): exactly the broken headers, types and caching are named WRONG.
// And bad arguments and an unreachable host, said as such. (nginx project only: one
// misconfigured server is enough.)
import { test, expect, dist } from './fixtures.mjs';
import { freePort, repo, startNginx } from './start-server.mjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(repo, 'scripts/check-deployment.sh');
const check = (...args) => spawnSync(SCRIPT, args, { encoding: 'utf8', env: { ...process.env, EXPECTED_FRAME_ANCESTORS: '' } });
/// The WRONG lines of a report, as "PATH HEADER" (the header's name, or "status").
const wrongs = (report) => report.split('\n').filter((l) => l.startsWith('WRONG')).map((l) => {
  const [, path, what] = /^WRONG\s+(\S+)\s+([^:]+)/.exec(l);
  return `${path} ${what.startsWith('status') ? 'status' : what}`;
}).sort();

/// Each deliberate mistake: the file in the snippets copy, the text replaced, its
/// replacement, and the checks it must fail ("PATH HEADER"; GLUE, WASM and STYLE stand for
/// the build's hashed names, 404 the path that is not there, EVERY each path checked).
const MISTAKES = [
  ['warrant-check-common-headers.conf', 'add_header X-Content-Type-Options "nosniff" always;', '', ['EVERY X-Content-Type-Options']],
  ['warrant-check-common-headers.conf', 'max-age=63072000', 'max-age=300', ['EVERY Strict-Transport-Security']],
  ['warrant-check.conf', 'frame-ancestors $warrant_check_embed_ancestors', 'frame-ancestors *', ['/embed.html Content-Security-Policy']],
  ['warrant-check.conf', 'location = /embed.html {', 'location = /embed.html {\n    add_header Cross-Origin-Opener-Policy "same-origin" always;', ['/embed.html Cross-Origin-Opener-Policy']],
  ['warrant-check.conf', 'add_header Cross-Origin-Resource-Policy "cross-origin" always;', 'add_header Cross-Origin-Resource-Policy "same-origin" always;', ['/embed.js Cross-Origin-Resource-Policy']],
  ['warrant-check.conf', 'application/wasm           wasm;', '', ['WASM Content-Type', '/scanner.wasm Content-Type']],
  ['warrant-check.conf', 'gzip_static off;\n    include snippets/warrant-check-headers.conf;\n    add_header Cache-Control "no-cache" always;',
    'gzip_static off;\n    include snippets/warrant-check-headers.conf;\n    add_header Cache-Control "max-age=86400" always;',
    ['/lists/trust-list.cose Cache-Control', '/lists/revocations.cbor Cache-Control', '/lists/revocation-filters.cbor Cache-Control']],
  ['warrant-check.conf', 'add_header Cache-Control "public, max-age=31536000, immutable" always;', 'add_header Cache-Control "no-cache" always;',
    ['GLUE Cache-Control', 'WASM Cache-Control', 'STYLE Cache-Control']],
  ['warrant-check.conf', 'brotli_static on;\ngzip_static on;', 'brotli_static off;\ngzip_static off;',
    ['/ Content-Encoding', '/index.html Content-Encoding', '/desk.html Content-Encoding', '/officer.html Content-Encoding', '/embed.html Content-Encoding',
      'GLUE Content-Encoding', 'WASM Content-Encoding', '/scanner.wasm Content-Encoding']],
  ['warrant-check.conf', '    include snippets/warrant-check-headers.conf;\n    add_header Cache-Control "no-store" always;\n    types { }',
    '    include snippets/warrant-check-headers.conf;\n    add_header Referrer-Policy "unsafe-url" always;\n    add_header Cache-Control "no-store" always;\n    types { }',
    ['404 Referrer-Policy', '/%ff Referrer-Policy']],
];

test('a misconfigured nginx: each wrong header, type and caching rule is named, and nothing else', async () => {
  const snippets = mkdtempSync(join(tmpdir(), 'warrant-broken-snippets-'));
  cpSync(join(repo, 'deploy/nginx/snippets'), snippets, { recursive: true });
  for (const [file, from, to] of MISTAKES) {
    const path = join(snippets, file);
    const text = readFileSync(path, 'utf8');
    expect(text, `${file} no longer holds: ${from}`).toContain(from);
    writeFileSync(path, text.replace(from, to));
  }
  const server = await startNginx({ root: dist, snippets, embedAncestors: 'https://www.police.example' });
  try {
    const run = check(server.url, 'https://www.police.example');
    expect(run.status, run.stdout).toBe(1);
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    const glue = '/' + /src="\.\/([\w-]+-[0-9a-f]{1,16}\.js)"/.exec(index)[1];
    const names = {
      GLUE: glue,
      WASM: glue.replace(/\.js$/, '_bg.wasm'),
      STYLE: '/' + /href="\.\/(style-[0-9a-f]{1,16}\.css)"/.exec(index)[1],
      404: /^WRONG +(\/check-deployment-no-such-file-\d+\.js) /m.exec(run.stdout)?.[1] ?? '404',
    };
    const every = [...new Set(run.stdout.split('\n').filter((l) => /^(ok|WRONG) /.test(l)).map((l) => l.split(/ +/)[1]))];
    expect(every.length).toBe(17); // every path scripts/check-deployment.sh checks, each once
    const expected = MISTAKES.flatMap(([, , , fails]) => fails)
      .flatMap((item) => (item.startsWith('EVERY ') ? every.map((path) => item.replace('EVERY', path)) : [item]))
      .map((item) => item.replace(/^(GLUE|WASM|STYLE|404) /, (_, name) => names[name] + ' ')).sort();
    expect(wrongs(run.stdout)).toEqual(expected);
    expect(run.stdout).toMatch(new RegExp(`^\\d+ right, ${expected.length} wrong$`, 'm'));
    // What it says is what was sent.
    expect(run.stdout).toContain("Content-Security-Policy: got default-src 'none'; script-src");
    expect(run.stdout).toMatch(/WRONG +\/scanner\.wasm +Content-Type: got application\/octet-stream, want application\/wasm/);
    expect(run.stdout).toMatch(/WRONG +\/lists\/trust-list\.cose +Cache-Control: got max-age=86400, want no-cache/);
    expect(run.stdout).toMatch(/WRONG +\/embed\.js +Cross-Origin-Resource-Policy: got same-origin, want cross-origin/);
    expect(run.stdout).toMatch(/WRONG +\/sw\.js +X-Content-Type-Options: got \(missing\), want nosniff/);
    expect(run.stdout).toMatch(/WRONG +\/%ff +Referrer-Policy: got \(sent 2 times: no-referrer\|unsafe-url\), want no-referrer/);
  } finally {
    await server.stop();
    rmSync(snippets, { recursive: true, force: true });
  }
});

test('bad arguments and an unreachable host: said, exit status 2', async () => {
  for (const args of [[], ['ftp://example.org/'], ['checker.police.example'], ['http://a/', 'b', 'c']]) {
    const run = check(...args);
    expect(run.status, args.join(' ')).toBe(2);
    expect(run.stderr).toContain('usage:');
  }
  const closed = await freePort();
  const run = check(`http://127.0.0.1:${closed}/`);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`could not fetch http://127.0.0.1:${closed}/index.html`);
});
