// What the identity team does with an officer phone's enrolment request, for the browser
// tests of both suites: `warrant-issuer enrol` with the demo force's key and its register of
// revoked cards (a revoked card's officer is refused a live code).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from './samples.mjs';

const issuer = resolve(root, 'target/release/warrant-issuer');

/// The device credential (text) the tool signs for the request (JSON text).
export function enrol(request) {
  const dir = mkdtempSync(join(tmpdir(), 'enrol-'));
  try {
    writeFileSync(join(dir, 'request.json'), request);
    execFileSync(issuer, ['enrol', '--key', resolve(root, 'demo-out/demo-force.key.pem'), '--issuer', 'DEMO',
      '--register', resolve(root, 'demo-out/revoked-DEMO.txt'), '--request', join(dir, 'request.json'), '--out', join(dir, 'phone.txt')]);
    return readFileSync(join(dir, 'phone.txt'), 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
