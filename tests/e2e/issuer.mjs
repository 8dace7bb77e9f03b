// What the identity team does with an officer phone's enrolment request, for the browser
// tests of both suites: `warrant-issuer enrol` with the demo force's key and its register of
// revoked cards (a revoked card's officer is refused a live code).
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from './samples.mjs';

/// The tool as scripts/build-checker.sh built it (in CARGO_TARGET_DIR when that is set).
export const issuer = resolve(root, process.env.CARGO_TARGET_DIR || 'target', 'release/warrant-issuer');

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

/// A bundle of revocation filters (what the checker page fetches) holding the DEMO force's
/// filter signed now, from its record of issued cards (demo-out/issued-DEMO.jsonl) and a
/// register revoking the given card: what the identity team publishes after `revoke`
/// (`warrant-issuer filter`, `filter-bundle`). The sample cards were issued months before the
/// filter's coverage time, so the card is revoked by the filter's bits, not by its recent list.
export function filterBundleRevoking(qrText) {
  const serial = JSON.parse(execFileSync(issuer, ['inspect', qrText])).serial;
  const dir = mkdtempSync(join(tmpdir(), 'filter-'));
  try {
    const key = resolve(root, 'demo-out/demo-force.key.pem');
    execFileSync(issuer, ['revoke', '--key', key, '--issuer', 'DEMO', '--register', join(dir, 'register.txt'), '--serial', serial, '--out', join(dir, 'list.cose')]);
    execFileSync(issuer, ['filter', '--key', key, '--issuer', 'DEMO', '--register', join(dir, 'register.txt'),
      '--record', resolve(root, 'demo-out/issued-DEMO.jsonl'), '--out', join(dir, 'filter.cose')]);
    execFileSync(issuer, ['filter-bundle', '--trust-list', resolve(root, 'demo-out/trust-list.cose'), '--root', resolve(root, 'demo-out/demo-root.pub.pem'),
      '--out', join(dir, 'revocation-filters.cbor'), join(dir, 'filter.cose')]);
    return readFileSync(join(dir, 'revocation-filters.cbor'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// The DEMO keys are derived from public labels (crates/warrant-issuer/src/samples.rs), so a
/// test can sign as the DEMO root: PKCS#8 and SPKI PEM of the key for `label`.
function demoKey(label) {
  const seed = createHash('sha256').update(`warrant-check demo key: ${label}`).digest();
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  return { key: key.export({ format: 'pem', type: 'pkcs8' }), pub: createPublicKey(key).export({ format: 'pem', type: 'spki' }) };
}

/// A DEMO trust list signed now by the DEMO root (`warrant-issuer trust-list`): the demo
/// force's two keys, the second withdrawn from `withdrawnFrom` (RFC 3339) if given.
export function trustListSignedNow({ withdrawnFrom } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'trust-'));
  try {
    writeFileSync(join(dir, 'root.key.pem'), demoKey('root').key);
    writeFileSync(join(dir, 'current.pub.pem'), demoKey('force current').pub);
    writeFileSync(join(dir, 'withdrawn.pub.pem'), demoKey('force withdrawn').pub);
    const window = { not_before: '2020-01-01', not_after: '2035-01-01' };
    const withdrawn = { public_key: 'withdrawn.pub.pem', ...window, ...(withdrawnFrom ? { withdrawn_from: withdrawnFrom } : {}) };
    writeFileSync(join(dir, 'forces.json'), JSON.stringify({ forces: [{ id: 'DEMO', name: 'Demonstration Police (DEMO, not a real force)',
      keys: [{ public_key: 'current.pub.pem', ...window }, withdrawn] }] }));
    execFileSync(issuer, ['trust-list', '--root-key', join(dir, 'root.key.pem'), '--forces', join(dir, 'forces.json'), '--out', join(dir, 'trust-list.cose')]);
    return readFileSync(join(dir, 'trust-list.cose'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
