// A caller on a landline reads the check code printed on the card, and the desk finds the
// card in the card directory and judges it exactly as a scan, in every engine: a batch card's
// code typed loosely, a revoked card's, a typo, an unknown code, a directory still loading or
// missing, offline after one visit, English and Welsh; the desk fetches only the whole
// directory, the same whatever is typed; the public page sends a code to 101.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, forgetEverything, forgetOrigin } from './fixtures.mjs';
import { Key } from './tab.mjs';
import { watchRequests } from './requests.mjs';
import { expectNoViolations } from './audit.mjs';
import { deskKept } from './kept.mjs';
import { root, sample, index } from '../e2e/samples.mjs';
import { startCopy, startServer, stopServer } from '../e2e/server.mjs';
import { issuer } from '../e2e/issuer.mjs';

const codes = index.check_codes; // { unknown, mistyped }: neither opens a card

/// A code as staff type it while a caller reads: lower case, a space between the first two
/// groups and a dash before the last, 0 typed as the letter o and 1 as the letter l.
const loosely = (code) => {
  const [a, b, c] = code.split('-');
  return ` ${a} ${b}-${c} `.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
};

/// The desk's answer to the code typed: a verdict (the card found) or a code result.
async function answer(tab) {
  await tab.element('[data-verdict], [data-code-result]:not([data-code-result="busy"])');
  return tab.eval(() => document.querySelector('[data-verdict]')?.dataset.verdict ?? document.querySelector('[data-code-result]').dataset.codeResult);
}

/// Opens the desk and waits until its card directory has loaded.
async function openDesk(tab, path = '/desk.html') {
  await tab.open(path);
  await tab.element('[data-directory="loaded"]');
}

const freePort = () => new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => done(port));
  });
});

const plain = (text) => text.replace(/[\u2066-\u2069]/g, '');

test('a card by its code: the question for the caller, the scan\'s verdict and script; a revoked card; Escape', async ({ tab }) => {
  await tab.setSize(1440, 900);
  const requests = watchRequests();
  await openDesk(tab);
  await expect.poll(() => tab.focused('#code-input')).toBe(true);
  await tab.press(sample('genuine').check_code.toLowerCase(), Key.ENTER);
  expect(await answer(tab)).toBe('genuine');
  expect(plain(await tab.text('[data-code-confirm]'))).toBe('Ask the caller: “Does the card say Police Constable Jane Smith, number 1234, Demonstration Police (DEMO, not a real force)?”');
  expect(await tab.attr('[data-code-typed]', 'data-code-typed')).toBe(sample('genuine').check_code);
  expect(await tab.text('[data-readback="genuine"]')).toMatch(/^This is a genuine card for Police Constable 1234 Jane Smith of Demonstration Police/);
  expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');
  await expectNoViolations(tab, 'desk, a card found by its code');

  // The same words as a scan: the desk's verdict for the card's QR text is the same screen.
  await tab.press(Key.ESCAPE);
  await expect.poll(() => tab.count('[data-verdict], [data-code-result]')).toBe(0);
  await expect.poll(() => tab.focused('#code-input')).toBe(true);
  expect(await tab.eval(() => document.querySelector('#code-input').value)).toBe('');
  expect(await tab.eval(() => document.body.innerText)).not.toContain('Jane Smith');

  await tab.enter('#code-input', sample('revoked').check_code);
  expect(await answer(tab)).toBe('revoked');
  expect(plain(await tab.text('[data-code-confirm]'))).toContain('Tom Baker');
  expect(await tab.text('[data-readback="revoked"]')).toContain('has been cancelled and must not be accepted');
  // Spelled out on request, from the keyboard.
  await tab.eval(() => document.querySelector('details.spell summary').focus());
  await tab.press(Key.ENTER);
  await expect.poll(() => tab.eval(() => document.querySelector('details.spell').open)).toBe(true);
  const [a] = sample('revoked').check_code.split('-');
  expect(await tab.text(`[data-spelled="${a}"]`)).toMatch(/^(\w|-)+(, (\w|-)+){3}$/);
  await (await tab.button('Next caller (Esc)')).click();
  await expect.poll(() => tab.count('[data-verdict], [data-code-result]')).toBe(0);

  // Nothing typed asked the server for anything: the directory was fetched whole, once.
  expect(requests.paths().filter((p) => p === '/lists/directories.cbor')).toHaveLength(1);
  for (const path of requests.paths()) {
    for (const code of [sample('genuine').check_code, sample('revoked').check_code]) {
      expect(path.toUpperCase().replaceAll('-', '')).not.toContain(code.replaceAll('-', '').slice(0, 8));
    }
  }
});

test('a typo asks for the code again and never says forged; an unknown code may be forged', async ({ tab }) => {
  await openDesk(tab);
  await tab.enter('#code-input', codes.mistyped);
  expect(await answer(tab)).toBe('typo');
  expect(await tab.attr('[data-code-error]', 'data-code-error')).toBe('check-failed');
  expect(await tab.text('[data-code-result] h2')).toContain('Check the code with the caller');
  expect((await tab.text('[data-code-result]')).toLowerCase()).not.toMatch(/forged|fake/);
  expect(await tab.count('[data-verdict]')).toBe(0);
  await expectNoViolations(tab, 'desk, a typo');

  // A U is never in a code: the group is named, and a V suggested.
  const [a, b, c] = sample('genuine').check_code.split('-');
  await tab.enter('#code-input', `${a}-${b.slice(0, 3)}U-${c}`);
  await expect.poll(() => tab.attr('[data-code-error]', 'data-code-error')).toBe('not-in-alphabet');
  expect(plain(await tab.text('[data-code-error]'))).toBe(`Group 2 (${b.slice(0, 3)}U) looks wrong: “U” is never used in a check code. The caller may have said “V”.`);
  expect(await tab.text('mark[data-wrong-group]')).toBe(`${b.slice(0, 3)}U`);

  // One symbol short.
  await tab.enter('#code-input', sample('genuine').check_code.slice(0, -1));
  await expect.poll(() => tab.attr('[data-code-error]', 'data-code-error')).toBe('wrong-length');

  await tab.enter('#code-input', codes.unknown);
  await expect.poll(() => tab.attr('[data-code-result]', 'data-code-result')).toBe('not-found');
  expect(await tab.text('[data-code-result] h2')).toContain('No card has this code');
  expect(await tab.text('[data-code-result] .meaning')).toContain('The card may be forged, or it may be from a police force whose directory is not loaded here');
  await expectNoViolations(tab, 'desk, a code in no directory');
});

test('in Welsh: the card found and read back in Welsh, the digits spelled in Welsh; a typo', async ({ tab }) => {
  await openDesk(tab, '/desk.html?lang=cy');
  expect(await tab.attr('html', 'lang')).toBe('cy');
  await tab.enter('#code-input', sample('genuine').check_code);
  expect(await answer(tab)).toBe('genuine');
  expect(plain(await tab.text('[data-code-confirm]'))).toBe('Gofynnwch i\'r galwr: “Ydy\'r cerdyn yn dweud Police Constable Jane Smith, rhif 1234, Demonstration Police (DEMO, not a real force)?”');
  expect(await tab.text('[data-readback="genuine"]')).toMatch(/^Mae hwn yn gerdyn dilys ar gyfer Police Constable 1234 Jane Smith/);
  // Every group spelled out, a digit as a Welsh word.
  const welshDigits = ['Dim', 'Un', 'Dau', 'Tri', 'Pedwar', 'Pump', 'Chwech', 'Saith', 'Wyth', 'Naw'];
  for (const group of sample('genuine').check_code.split('-')) {
    const spelled = (await tab.text(`[data-spelled="${group}"]`)).split(', ');
    expect(spelled).toHaveLength(4);
    [...group].forEach((c, i) => { if (/\d/.test(c)) expect(spelled[i]).toBe(welshDigits[Number(c)]); });
  }
  await expectNoViolations(tab, 'desk in Welsh, a card found by its code');

  await tab.enter('#code-input', codes.mistyped);
  await expect.poll(() => tab.attr('[data-code-result]', 'data-code-result')).toBe('typo');
  expect(await tab.text('[data-code-result] h2')).toContain("Gwiriwch y cod gyda'r galwr");
  await tab.enter('#code-input', codes.unknown);
  await expect.poll(() => tab.attr('[data-code-result]', 'data-code-result')).toBe('not-found');
  expect(await tab.text('[data-code-result] h2')).toContain('Nid oes gan unrhyw gerdyn y cod hwn');
  await expectNoViolations(tab, 'desk in Welsh, a code in no directory');
});

test('the desk asks for the same files whatever code is typed: the whole directory, nothing else', async ({ tab }) => {
  const seen = [];
  for (const typed of [sample('genuine').check_code, codes.unknown, codes.mistyped]) {
    await forgetEverything(tab);
    const requests = watchRequests();
    await openDesk(tab);
    await deskKept(tab);
    const beforeTyping = requests.paths().length;
    await tab.enter('#code-input', typed);
    await answer(tab);
    await tab.eval(() => new Promise((r) => setTimeout(r, 300)));
    expect(requests.paths().slice(beforeTyping), `typing ${typed} asked for nothing`).toEqual([]);
    seen.push([...new Set(requests.paths())].sort());
    // Nothing of the code, nor of any card, is stored but the lists and the directory.
    const held = await tab.eval(async () => ({ kept: Object.keys(localStorage), session: sessionStorage.length, caches: await caches.keys() }));
    expect(held.kept).toEqual(['warrant-check-lists']);
    expect(held.session).toBe(0);
    expect(held.caches.filter((n) => !n.startsWith('warrant-check-app-'))).toEqual(['warrant-desk-directory']);
  }
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[2]).toEqual(seen[0]);
  expect(seen[0].filter((p) => p.startsWith('/lists/'))).toEqual(['/lists/directories.cbor', '/lists/revocation-filters.cbor', '/lists/trust-list.cose']);
});

test('while the directory loads, or when it cannot be had, the desk says so, never "not found"', async ({ tab }) => {
  // The directory answers six seconds late (a slow line).
  const slow = await startCopy(await freePort(), `{ const fetch = window.fetch; window.fetch = function (input, init) {
    const late = String(input?.url ?? input).includes('directories.cbor');
    return late ? new Promise((r) => setTimeout(r, 6000)).then(() => fetch.call(this, input, init)) : fetch.call(this, input, init); }; }`);
  try {
    await tab.open(`${slow.origin}/desk.html`);
    await tab.element('[data-directory="loading"]');
    await tab.enter('#code-input', sample('genuine').check_code);
    await expect.poll(() => tab.attr('[data-code-result]', 'data-code-result')).toBe('directory-loading');
    expect(await tab.text('[data-code-result] h2')).toContain('The card directory is still loading');
    // Looked up as soon as the directory arrives.
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict'), { timeout: 15_000 }).toBe('genuine');
    expect(await tab.count('[data-code-result]')).toBe(0);
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await slow.stop();
  }
  const missing = await startCopy(await freePort());
  try {
    rmSync(join(missing.dir, 'lists/directories.cbor'));
    await tab.open(`${missing.origin}/desk.html?lang=cy`);
    await tab.element('[data-directory="unavailable"]');
    await tab.enter('#code-input', codes.unknown);
    await expect.poll(() => tab.attr('[data-code-result]', 'data-code-result')).toBe('directory-unavailable');
    expect(await tab.text('[data-code-result]')).not.toContain('Nid oes gan unrhyw gerdyn y cod hwn');
    await expectNoViolations(tab, 'desk in Welsh, no directory');
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await missing.stop();
  }
});

test('after one visit the desk finds cards by code with no signal', async ({ tab }) => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer(port);
  try {
    await tab.open(`${origin}/desk.html`);
    await tab.element('[data-directory="loaded"]');
    await deskKept(tab);
    await stopServer(server);

    // A new navigation (not a reload, which Firefox sends past the service worker).
    await tab.open(`${origin}/robots-none.txt`).catch(() => {});
    await tab.open(`${origin}/desk.html`);
    await tab.element('[data-directory="loaded"]');
    await tab.enter('#code-input', loosely(sample('genuine').check_code));
    expect(await answer(tab)).toBe('genuine');
    await tab.enter('#code-input', sample('revoked').check_code);
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');
    await tab.enter('#code-input', codes.unknown);
    await expect.poll(() => tab.attr('[data-code-result]', 'data-code-result')).toBe('not-found');
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await stopServer(server);
  }
});

test('a batch card, found by the code printed on it, typed loosely (case, spaces, dashes, O for 0)', async ({ tab }) => {
  // The identity team issues a batch (warrant-issuer batch), rebuilds the force's directory
  // from its record of issued cards and bundles it, as it publishes.
  const work = mkdtempSync(join(tmpdir(), 'desk-batch-'));
  const demo = (name) => resolve(root, 'demo-out', name);
  const checker = await startCopy(await freePort());
  try {
    copyFileSync(demo('issued-DEMO.jsonl'), join(work, 'issued-DEMO.jsonl'));
    const rows = Array.from({ length: 24 }, (_, i) => `Officer ${String.fromCharCode(65 + i)} Batch,Police Constable,${5100 + i},police-officer`);
    writeFileSync(join(work, 'staff.csv'), ['name,rank,number,role', ...rows].join('\n') + '\n');
    execFileSync(issuer, ['batch', '--key', demo('demo-force.key.pem'), '--issuer', 'DEMO', '--checker-address', `${checker.origin}/`,
      '--record', join(work, 'issued-DEMO.jsonl'), '--csv', join(work, 'staff.csv'), '--expires', '2030-01-01', '--out-dir', join(work, 'batch')]);
    execFileSync(issuer, ['directory', '--record', join(work, 'issued-DEMO.jsonl'), '--out', join(work, 'directory-DEMO.cbor')]);
    execFileSync(issuer, ['bundle', '--directories', '--trust-list', demo('trust-list.cose'), '--root', demo('demo-root.pub.pem'),
      '--out', join(work, 'directories.cbor'), join(work, 'directory-DEMO.cbor')]);
    checker.publish('lists/directories.cbor', readFileSync(join(work, 'directories.cbor')));

    const [header, ...lines] = readFileSync(join(work, 'batch/manifest.csv'), 'utf8').trim().split('\n');
    const column = header.split(',');
    const cards = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [column[i], v])));
    // A card whose code has a 0 or a 1, so that typing o or l for it is tried.
    const card = cards.find((c) => /[01]/.test(c.check_code));
    expect(card, 'a batch card with a 0 or 1 in its code').toBeTruthy();

    await tab.open(`${checker.origin}/desk.html`);
    await tab.element('[data-directory="loaded"]');
    await tab.enter('#code-input', loosely(card.check_code));
    expect(await answer(tab)).toBe('genuine');
    expect(await tab.attr('[data-code-typed]', 'data-code-typed')).toBe(card.check_code);
    expect(await tab.text('[data-field="name"]')).toBe(card.name);
    expect(await tab.text('[data-field="number"]')).toBe(card.number);
    expect(plain(await tab.text('[data-code-confirm]'))).toContain(`${card.rank} ${card.name}, number ${card.number}`);
    // The demo's cards are still in the rebuilt directory.
    await tab.enter('#code-input', sample('revoked').check_code);
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('the public page: a check code is for the police call centre (101), and no directory is fetched', async ({ tab }) => {
  const requests = watchRequests();
  await tab.open('/');
  await tab.enter('#code-input', sample('genuine').check_code);
  expect(await tab.verdict()).toBe('check-code');
  expect(await tab.text('[data-verdict] h2')).toContain('only the police can look it up');
  expect(await tab.text('.advice')).toContain('Call 101');
  expect(await tab.text('.advice')).toContain('999');
  await expectNoViolations(tab, 'public page, a check code');
  await tab.open('/?lang=cy');
  await tab.enter('#code-input', loosely(codes.unknown));
  expect(await tab.verdict()).toBe('check-code');
  expect(await tab.text('.advice')).toContain('Ffoniwch 101');
  await tab.eval(async () => { await navigator.serviceWorker?.ready; await new Promise((r) => setTimeout(r, 500)); });
  // Neither the directory nor the desk's code (its Wasm carries the directory's).
  expect(requests.paths().filter((p) => /directories|warrant-desk|desk-/.test(p))).toEqual([]);
  const loaded = await tab.eval(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  expect(loaded.filter((p) => /directories|warrant-desk/.test(p))).toEqual([]);
});
