// A verdict nothing can bend, in every engine: what the checker verified is never undone by
// an older list, a Wi-Fi portal's page, a reload, a new tab or going offline; a browser with
// no service workers still gets its verdict; a wrong clock is said, and never judged with.
// Each test runs its own checker on a copy of dist/ (tests/e2e/server.mjs), whose lists it
// replaces as a stale cache or hostile network would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, forgetOrigin } from './fixtures.mjs';
import { sample, fragment } from '../e2e/samples.mjs';
import { startCopy } from '../e2e/server.mjs';
import { filterBundleRevoking, trustListSignedNow } from '../e2e/issuer.mjs';
import { deskKept } from './kept.mjs';

/// Waits until the page has fetched its bundle of revocation filters (the last of its two
/// files) and has had a moment to take it: a rolled-back filter would only show after that.
const afterListsFetched = (tab) => tab.eval(async () => {
  const fetched = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/lists/revocation-filters.cbor'));
  for (let i = 0; i < 150 && !fetched(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!fetched()) throw new Error('the page never fetched its lists');
  await new Promise((r) => setTimeout(r, 500));
});

/// A page load of `url` (not a fragment change of the page already open).
async function load(tab, checker, path) {
  await tab.open(`${checker.origin}/robots-none.txt`).catch(() => {});
  await tab.open(`${checker.origin}/${path}`);
}

/// What the page keeps on the device: the kinds of its saved lines (`src/saved_lists.rs`).
const keptKinds = (tab) => tab.eval(() => [...new Set((localStorage.getItem('warrant-check-lists') ?? '').split('\n').slice(1).map((l) => l.split(' ')[0]).filter(Boolean))].sort());

test('the page judges by the forces\' revocation filters: the revoked sample revoked, the genuine one genuine', async ({ tab }) => {
  const checker = await startCopy(8099);
  try {
    await load(tab, checker, fragment(sample('revoked')));
    await afterListsFetched(tab);
    expect(await tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');
    await load(tab, checker, fragment(sample('genuine')));
    await afterListsFetched(tab);
    expect(await tab.attr('[data-verdict]', 'data-verdict')).toBe('genuine');
    // What it verified and kept is the DEMO force's filter, and no revocation list: the
    // revoked card was revoked by the filter.
    expect(await keptKinds(tab)).toEqual(['filter-mark', 'floor', 'revocation-filter', 'trust-list', 'trust-mark']);
    const lists = await tab.eval(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/lists/')));
    expect(lists).not.toContain('/lists/revocations.cbor');
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
  }
});

test('an older filter or a portal page never undoes a revocation: after a reload, in a new tab, offline', async ({ tab }) => {
  const checker = await startCopy(8094);
  const genuine = sample('genuine');
  const older = readFileSync(join(checker.dir, 'lists/revocation-filters.cbor'));
  try {
    checker.publish('lists/revocation-filters.cbor', filterBundleRevoking(genuine.qr_text));
    await load(tab, checker, fragment(genuine));
    await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');

    // A stale cache replays the older bundle (validly signed, unexpired) to a reload.
    checker.publish('lists/revocation-filters.cbor', older);
    await load(tab, checker, fragment(genuine));
    expect(await tab.verdict()).toBe('revoked');
    await afterListsFetched(tab);
    expect(await tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');

    // A Wi-Fi portal answers for the bundle with its login page, to a new tab.
    checker.publish('lists/revocation-filters.cbor', '<html><body>Log in to use the Wi-Fi</body></html>');
    await tab.driver.switchTo().newWindow('tab');
    await load(tab, checker, fragment(genuine));
    expect(await tab.verdict()).toBe('revoked');
    await afterListsFetched(tab);
    expect(await tab.attr('[data-verdict]', 'data-verdict')).toBe('revoked');

    // Offline: the server is gone; the service worker has the app (the desk's files since
    // the desk's own first visit), the page its own lists.
    await tab.eval(() => navigator.serviceWorker.ready);
    await load(tab, checker, 'desk.html');
    await deskKept(tab);
    await checker.stop();
    await load(tab, checker, fragment(genuine));
    expect(await tab.verdict()).toBe('revoked');
    await load(tab, checker, `desk.html${fragment(genuine)}`);
    expect(await tab.verdict()).toBe('revoked');
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
  }
});

test('an older trust list, validly signed, never brings a withdrawn key back', async ({ tab }) => {
  const checker = await startCopy(8095);
  const card = sample('issuer-key-invalid'); // signed by the demo key after its withdrawal
  const beforeWithdrawal = trustListSignedNow();
  await new Promise((r) => setTimeout(r, 1100)); // the next list is a second newer
  const withdrawal = trustListSignedNow({ withdrawnFrom: '2020-06-01T00:00:00Z' });
  try {
    checker.publish('lists/trust-list.cose', withdrawal);
    await load(tab, checker, fragment(card));
    await afterListsFetched(tab);
    expect(await tab.attr('[data-verdict]', 'data-verdict')).toBe('issuer-key-invalid');

    checker.publish('lists/trust-list.cose', beforeWithdrawal);
    await load(tab, checker, fragment(card));
    await afterListsFetched(tab);
    expect(await tab.attr('[data-verdict]', 'data-verdict')).toBe('issuer-key-invalid');
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
  }
});

test('no service-worker API (private windows, in-app browsers): every page still gives its verdict', async ({ tab }) => {
  const checker = await startCopy(8096, 'delete Navigator.prototype.serviceWorker;');
  try {
    await load(tab, checker, fragment(sample('genuine')));
    expect(await tab.eval(() => 'serviceWorker' in navigator)).toBe(false);
    expect(await tab.verdict()).toBe('genuine');
    await load(tab, checker, 'desk.html');
    await tab.enter('#code-input', sample('revoked').qr_text);
    expect(await tab.verdict()).toBe('revoked');
    await load(tab, checker, `embed.html${fragment(sample('expired'))}`);
    expect(await tab.verdict()).toBe('expired');
    await load(tab, checker, 'officer.html');
    expect(await tab.eval(() => 'serviceWorker' in navigator)).toBe(false);
    await (await tab.button("Make this phone's key")).click();
    await (await tab.element('#officer-card')).sendKeys(sample('genuine').qr_text);
    await (await tab.button('Make the enrolment request')).click();
    expect(JSON.parse(await (await tab.element('#enrol-request')).getAttribute('value')).card).toBe(sample('genuine').qr_text);
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
  }
});

const YEAR_MS = 365 * 86_400_000;
/// The page's clock moved by `ms`, as on a phone whose date is wrong.
const clockMovedBy = (ms) => `{ const now = Date.now; Date.now = () => now() + (${ms}); }`;

test('a clock three years slow is said to be wrong, and an expired card is still expired', async ({ tab }) => {
  const checker = await startCopy(8097, clockMovedBy(-3 * YEAR_MS));
  try {
    await load(tab, checker, fragment(sample('expired')));
    expect(await tab.verdict()).toBe('expired');
    expect(await tab.text('[data-clock="behind"]')).toMatch(/^This device's clock is wrong\. It says \d{1,2} [A-Z][a-z]+ \d{4}, but the date is at least/);
    await load(tab, checker, `desk.html?lang=cy${fragment(sample('genuine'))}`);
    expect(await tab.verdict()).toBe('genuine');
    expect(await tab.text('[data-clock="behind"]')).toMatch(/^Mae cloc y ddyfais hon yn anghywir\./);
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
  }
});

test('a clock three years fast: the page says to check the date, not only to reconnect', async ({ tab }) => {
  const checker = await startCopy(8098, clockMovedBy(3 * YEAR_MS));
  try {
    await load(tab, checker, fragment(sample('genuine')));
    expect(await tab.verdict()).toBe('no-trust-list');
    await afterListsFetched(tab);
    expect(await tab.text('[data-clock="ahead"]')).toMatch(/^Check this device's date\. It says \d{1,2} [A-Z][a-z]+ \d{4}, and every list of police forces this checker has ran out on/);
  } finally {
    await forgetOrigin(tab).catch(() => {});
    await checker.stop();
  }
});
