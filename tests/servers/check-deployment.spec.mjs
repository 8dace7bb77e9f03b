// scripts/check-deployment.sh against real servers: all right for nginx and Caddy as
// deploy/ configures them, and the frame-ancestors it expects. (A misconfigured server:
// misconfigured.spec.mjs.)
import { test, expect } from './fixtures.mjs';
import { repo } from './start-server.mjs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(repo, 'scripts/check-deployment.sh');
const check = (...args) => spawnSync(SCRIPT, args, { encoding: 'utf8', env: { ...process.env, EXPECTED_FRAME_ANCESTORS: '' } });
/// The WRONG lines of a report, as "PATH HEADER" (the header's name, or "status").
const wrongs = (report) => report.split('\n').filter((l) => l.startsWith('WRONG')).map((l) => {
  const [, path, what] = /^WRONG\s+(\S+)\s+([^:]+)/.exec(l);
  return `${path} ${what.startsWith('status') ? 'status' : what}`;
}).sort();

test('all right for the server as deploy/ configures it', async ({ sites }) => {
  const run = check(sites.checker.url, sites.embedAncestors);
  expect(run.stdout).not.toContain('WRONG');
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const [, right, wrong] = /^(\d+) right, (\d+) wrong$/m.exec(run.stdout);
  expect(Number(wrong)).toBe(0);
  // 16 paths, each with its status, type and headers.
  expect(Number(right)).toBeGreaterThan(150);
  for (const path of ['/', '/index.html', '/embed.html', '/desk.html', '/officer.html', '/sw.js', '/manifest.webmanifest', '/scanner.wasm', '/lists/trust-list.cose', '/lists/revocation-filters.cbor', '/lists/revocations.cbor', '/%ff']) {
    expect(run.stdout).toMatch(new RegExp(`^ok +${path.replace(/[.]/g, '\\.')} +status`, 'm'));
  }
  expect(run.stdout).toMatch(/^ok +\/warrant-check-[0-9a-f]{1,16}_bg\.wasm +Content-Type: application\/wasm$/m);
  expect(run.stdout).toMatch(/^ok +\/check-deployment-no-such-file-\d+\.js +status 404$/m);
});

test('the frame-ancestors a force expects: from the argument or EXPECTED_FRAME_ANCESTORS, else \'none\'', async ({ sites }) => {
  // The server lets the example site frame embed.html; a check expecting nobody says so.
  const strict = check(sites.checker.url);
  expect(strict.status).toBe(1);
  expect(wrongs(strict.stdout)).toEqual(['/embed.html Content-Security-Policy']);
  expect(strict.stdout).toContain(`frame-ancestors ${sites.embedAncestors}, want`);
  const fromEnv = spawnSync(SCRIPT, [sites.checker.url], { encoding: 'utf8', env: { ...process.env, EXPECTED_FRAME_ANCESTORS: sites.embedAncestors } });
  expect(fromEnv.status, fromEnv.stdout).toBe(0);
});
