// The JavaScript module in Node: every test vector gets its expected verdict, reason and
// card through `verify(qrText, lists, now)`, and bad lists throw plainly. Prints one line per
// case and "N passed, N failed". Usage: node crates/warrant-js/tests/node.mjs (after
// scripts/build-js-module.sh); package.mjs runs the same checks through the installed npm
// package by naming a file that re-exports it: node node.mjs <that file>.
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { deepStrictEqual, strictEqual, throws } from 'node:assert';

const here = new URL('.', import.meta.url);
const packaged = process.argv[2];
const module = await import(packaged ? pathToFileURL(packaged).href : '../../../target/warrant-js/warrant_js.js');
if (packaged) {
  await module.default(); // what a browser must call first; the package's Node entry did it on import
} else {
  // wasm-bindgen's --target web output, given its Wasm bytes as Node needs.
  module.initSync({ module: readFileSync(new URL('../../../target/warrant-js/warrant_js_bg.wasm', here)) });
}
const { CardDirectory, verify } = module;
const vectors = new URL('../../../tests/vectors/', here);
const bytes = (token) => new Uint8Array(Buffer.from(token, 'base64url'));
const seconds = (rfc3339) => Date.parse(rfc3339) / 1000;

let passed = 0;
let failed = 0;
function check(name, body) {
  try {
    body();
    console.log(`ok   ${name}`);
    passed += 1;
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}`);
    failed += 1;
  }
}

for (const file of readdirSync(vectors).filter((f) => f.endsWith('.json')).sort()) {
  const v = JSON.parse(readFileSync(new URL(file, vectors), 'utf8'));
  check(v.name, () => {
    const lists = { root: v.root_public_key_pem, trustList: bytes(v.trust_list), revocationLists: v.revocation_lists.map(bytes),
      ...(v.revocation_bundle && { revocationBundle: bytes(v.revocation_bundle) }) };
    const result = verify(v.qr_text, lists, seconds(v.now));
    strictEqual(result.verdict, v.expected);
    strictEqual(result.reason, v.expected_reason);
    if (v.card) {
      const c = v.card;
      deepStrictEqual(result.card, {
        issuer: c.issuer, serial: c.serial, name: c.name, rank: c.rank, number: c.number, role: c.role,
        issuedAt: seconds(c.issued_at), notBefore: seconds(c.not_before), expiresAt: seconds(c.expires_at),
      });
    } else {
      strictEqual(result.card, undefined, 'no card details before the signature is verified');
    }
    // A plain object, as a force system's code would log or store it.
    deepStrictEqual(JSON.parse(JSON.stringify(result)), result);
  });
}

// Check codes (FORMAT.md §13): the code as typed, the directory, the desk's outcome.
const codeVectors = new URL('check-codes/', vectors);
for (const file of readdirSync(codeVectors).filter((f) => f.endsWith('.json')).sort()) {
  const v = JSON.parse(readFileSync(new URL(file, codeVectors), 'utf8'));
  check(`check-codes/${v.name}`, () => {
    const lists = { root: v.root_public_key_pem, trustList: bytes(v.trust_list), revocationLists: v.revocation_lists.map(bytes) };
    const directory = new CardDirectory({ directories: [bytes(v.directory)] });
    deepStrictEqual(directory.forces, ['DEMO']);
    const out = directory.check(v.check_code, lists, seconds(v.now));
    if (v.card) {
      strictEqual(out.outcome, 'found');
      strictEqual(out.result.verdict, v.expected);
      strictEqual(out.result.card.name, v.card.name);
      strictEqual(out.result.card.serial, v.card.serial);
      strictEqual(out.code, out.code.toUpperCase());
    } else {
      strictEqual(out.outcome, v.expected);
      strictEqual(out.result, undefined, 'no card without an entry that opens');
    }
  });
}
check('a code with a character no code has names its group; a file that is not a directory throws', () => {
  const v = JSON.parse(readFileSync(new URL('code-genuine.json', codeVectors), 'utf8'));
  const directory = new CardDirectory({ directories: [bytes(v.directory)] });
  const lists = { root: v.root_public_key_pem, trustList: bytes(v.trust_list) };
  deepStrictEqual(directory.check('K7QM-2UXD-HP4A', lists, seconds(v.now)), { outcome: 'not-in-alphabet', group: 1 });
  deepStrictEqual(directory.check('K7QM-29XD', lists, seconds(v.now)), { outcome: 'wrong-length' });
  throws(() => new CardDirectory({ directories: [new TextEncoder().encode('<html>Wi-Fi sign-in</html>')] }), /directory 0: malformed/);
  throws(() => new CardDirectory({ bundle: new Uint8Array([0xa0]) }), /files.bundle/);
});

const genuine = JSON.parse(readFileSync(new URL('genuine.json', vectors), 'utf8'));
const lists = { root: genuine.root_public_key_pem, trustList: bytes(genuine.trust_list), revocationLists: [] };
check('without revocation lists the verdict stands, with a warning', () => {
  const result = verify(genuine.qr_text, lists, seconds(genuine.now));
  strictEqual(result.verdict, 'genuine');
  deepStrictEqual(result.warnings, ['no-revocation-list']);
});
check('a trust list not signed by the root throws, in words', () => {
  const other = readFileSync(new URL('../../../tests/vectors/unknown-issuer.json', here), 'utf8');
  const wrongRoot = JSON.parse(other).issuer_public_key_pem;
  throws(() => verify(genuine.qr_text, { ...lists, root: wrongRoot }, seconds(genuine.now)), /trust list/);
  throws(() => verify(genuine.qr_text, { ...lists, trustList: 'not bytes' }, seconds(genuine.now)), /Uint8Array/);
});
check('a revocation bundle that is not one throws, in words', () => {
  throws(() => verify(genuine.qr_text, { ...lists, revocationBundle: new Uint8Array([0x80]) }, seconds(genuine.now)), /revocationBundle: .*malformed/);
  throws(() => verify(genuine.qr_text, { ...lists, revocationBundle: new Uint8Array([0xa2, 0x61]) }, seconds(genuine.now)), /revocationBundle/);
  throws(() => verify(genuine.qr_text, { ...lists, revocationBundle: 'not bytes' }, seconds(genuine.now)), /revocationBundle must be a Uint8Array/);
});
// Revocation filters (FORMAT.md §14): each vector judged by its force's filter alone, given
// as a file and again inside a filters bundle.
const filterVectors = new URL('revocation-filter/', vectors);
const cborBytes = (b) => { // a CBOR byte string's head and body (the lengths a filter has)
  const head = b.length < 24 ? [0x40 + b.length] : b.length < 256 ? [0x58, b.length] : [0x59, b.length >> 8, b.length & 0xff];
  return [...head, ...b];
};
const filterBundle = (filters) => new Uint8Array([0xa2, 0x61, 0x76, 0x01, 0x67, ...Buffer.from('filters'), 0x80 + filters.length, ...filters.flatMap(cborBytes)]);
for (const file of readdirSync(filterVectors).filter((f) => f.endsWith('.json')).sort()) {
  const v = JSON.parse(readFileSync(new URL(file, filterVectors), 'utf8'));
  const base = { root: v.root_public_key_pem, trustList: bytes(v.trust_list), revocationLists: v.revocation_lists.map(bytes) };
  for (const [how, lists] of [['file', { ...base, revocationFilters: v.revocation_filters.map(bytes) }],
    ['bundle', { ...base, revocationFilterBundle: filterBundle(v.revocation_filters.map(bytes)) }]]) {
    check(`revocation-filter/${v.name} (${how})`, () => {
      const result = verify(v.qr_text, lists, seconds(v.now));
      strictEqual(result.verdict, v.expected);
      deepStrictEqual(result.warnings, []);
      strictEqual(result.card.serial, v.card.serial);
    });
  }
}
check('a filter that does not open is left out, and a filters bundle that is not one throws', () => {
  const v = JSON.parse(readFileSync(new URL('filter-revoked.json', filterVectors), 'utf8'));
  const base = { root: v.root_public_key_pem, trustList: bytes(v.trust_list) };
  const changed = bytes(v.revocation_filters[0]);
  changed[changed.length - 70] ^= 1; // in the payload: the signature no longer matches
  const result = verify(v.qr_text, { ...base, revocationFilters: [changed] }, seconds(v.now));
  strictEqual(result.verdict, 'genuine');
  deepStrictEqual(result.warnings, ['no-revocation-list']);
  throws(() => verify(v.qr_text, { ...base, revocationFilterBundle: new Uint8Array([0xa0]) }, seconds(v.now)), /revocationFilterBundle/);
  throws(() => verify(v.qr_text, { ...base, revocationFilters: ['not bytes'] }, seconds(v.now)), /revocationFilters must be a Uint8Array/);
});
check('an expired trust list throws', () => {
  throws(() => verify(genuine.qr_text, lists, seconds(genuine.now) + 400 * 86400), /trust list/);
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
