// The call-centre desk in every engine: focus starts in the code box, Enter checks, a
// read-back script, Escape or the button for the next caller leaves nothing behind, photos
// pasted or dropped, Welsh, right to left, and narrow screens.
import { test, expect } from './fixtures.mjs';
import { Key } from './tab.mjs';
import { expectNoViolations, expectNoSidewaysScroll } from './audit.mjs';
import { sample } from '../e2e/samples.mjs';

test('keyboard: type, Enter, read back, Escape for the next caller', async ({ tab }) => {
  await tab.setSize(1440, 900);
  await tab.open('/desk.html');
  await expect.poll(() => tab.focused('#code-input')).toBe(true);
  await tab.press(sample('genuine').qr_text, Key.ENTER);
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('[data-readback="genuine"]')).toMatch(/^This is a genuine card for Police Constable 1234 Jane Smith of Demonstration Police \(DEMO, not a real force\)\. It is valid until \d{1,2} [A-Z][a-z]+ \d{4}\./);
  const beside = await tab.eval(() => document.querySelector('.desk-result').getBoundingClientRect().left >= document.querySelector('.desk-input').getBoundingClientRect().right - 1);
  expect(beside, 'input and result side by side on a wide screen').toBe(true);
  await expectNoViolations(tab, 'desk, genuine');

  await tab.press(Key.ESCAPE);
  await expect.poll(() => tab.count('[data-verdict]')).toBe(0);
  await expect.poll(() => tab.focused('#code-input')).toBe(true);
  expect(await tab.eval(() => document.querySelector('#code-input').value)).toBe('');
  expect(await tab.eval(() => document.body.innerText)).not.toContain('Jane Smith');
  // Nothing of the caller's card is kept: only the lists, the same for everyone.
  expect(await tab.eval(() => document.querySelector('#photo-input').files.length + sessionStorage.length + document.cookie.length)).toBe(0);
  expect(await tab.eval(() => Object.keys(localStorage))).toEqual(['warrant-check-lists']);
  expect(await tab.eval(() => localStorage.getItem('warrant-check-lists'))).not.toContain(sample('genuine').qr_text.split('#')[1].slice(0, 24));

  // The button does the same, for a mouse.
  await tab.enter('#code-input', sample('expired').qr_text);
  expect(await tab.verdict()).toBe('expired');
  await (await tab.button('Next caller (Esc)')).click();
  await expect.poll(() => tab.count('[data-verdict]')).toBe(0);
  await expect.poll(() => tab.focused('#code-input')).toBe(true);
});

test('Welsh, 200% zoom: a cancelled card and its script', async ({ tab }) => {
  await tab.setSize(640, 400);
  await tab.open('/desk.html?lang=cy');
  await tab.enter('#code-input', sample('revoked').qr_text);
  expect(await tab.verdict()).toBe('revoked');
  expect(await tab.attr('html', 'lang')).toBe('cy');
  expect(await tab.count('[data-readback="revoked"]')).toBe(1);
  await expectNoViolations(tab, 'desk, revoked, Welsh, 200%');
  await expectNoSidewaysScroll(tab, 'desk at 200%');
});

test('a photo of a live code sent by a caller is too old, and the script says why', async ({ tab }) => {
  await tab.open('/desk.html');
  await tab.enter('#code-input', sample('live-stale-replayed').qr_text);
  expect(await tab.verdict()).toBe('live-stale');
  expect(await tab.text('[data-readback="live-stale"]')).toContain('A photo of a live code is always too old');
});

// Firefox gives a page-made ClipboardEvent an empty clipboard whatever it was made with
// (only a real paste carries files), so a paste cannot be acted out there.
const pasteSkip = (tab) => test.skip(tab.engine === 'firefox', 'Firefox empties the clipboard of a page-made paste event');

test('a photo pasted from the clipboard is checked', async ({ tab }) => {
  pasteSkip(tab);
  await tab.open('/desk.html');
  await tab.element('#code-input');
  await tab.sendFile(['paste'], '#code-input', '/samples/genuine.png');
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('[data-readback]')).toContain('genuine card');
});

test('a photo dropped anywhere on the page is checked, once', async ({ tab }) => {
  await tab.open('/desk.html');
  await tab.element('#code-input');
  await tab.sendFile(['drop'], 'main > h1', '/samples/expired.png');
  expect(await tab.verdict()).toBe('expired');
  expect(await tab.text('[data-readback]')).toContain('expired on');
  await tab.press(Key.ESCAPE);
  await expect.poll(() => tab.count('[data-verdict]')).toBe(0);
  // Dropped on the photo box itself it is read once, not twice.
  await tab.sendFile(['drop'], '.photo', '/samples/genuine.png');
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.eval(() => performance.getEntriesByName('warrant-verify').length)).toBe(2);
});

test('a pasted picture with no code, or not a picture, gets a script asking for a clearer photo', async ({ tab }) => {
  pasteSkip(tab);
  await tab.open('/desk.html');
  await tab.element('#code-input');
  await tab.sendFile(['paste'], 'body', '/icons/icon-192.png');
  expect(await tab.verdict()).toBe('unreadable');
  expect(await tab.text('[data-readback]')).toContain('clearer photo');
  await tab.press(Key.ESCAPE);
  await expect.poll(() => tab.count('[data-verdict]')).toBe(0);
  await tab.sendFile(['paste'], 'body', '/manifest.webmanifest');
  expect(await tab.verdict()).toBe('unreadable');
});

test('the desk in Welsh reads back in Welsh, and lays out right to left in the pseudo-locale', async ({ tab }) => {
  await tab.open('/desk.html?lang=cy');
  await tab.enter('#code-input', sample('genuine').qr_text);
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('[data-readback]')).toMatch(/^Mae hwn yn gerdyn dilys ar gyfer Police Constable 1234 Jane Smith o Demonstration Police \(DEMO, not a real force\)\. Mae'n ddilys tan \d{1,2} \S+ \d{4}\./);
  expect(await tab.text('.list-status')).toContain('Diweddarwyd');

  await tab.setSize(1440, 900);
  await tab.open('/desk.html?lang=ar-XB');
  await expect.poll(() => tab.attr('html', 'dir')).toBe('rtl');
  await tab.enter('#code-input', sample('genuine').qr_text);
  expect(await tab.verdict()).toBe('genuine');
  // Two columns, mirrored: the way in on the right, the result and its script on the left.
  const mirrored = await tab.eval(() => document.querySelector('[data-verdict]').getBoundingClientRect().right <= document.querySelector('#code-input').getBoundingClientRect().left + 1);
  expect(mirrored).toBe(true);
  await expectNoSidewaysScroll(tab, 'desk in ar-XB');
  await expectNoViolations(tab, 'desk in ar-XB, genuine');
});

test('at 320 px the desk has no sideways scroll, and a genuine card offers the live code', async ({ tab }) => {
  await tab.setSize(320, 640);
  await tab.open('/desk.html');
  await expectNoViolations(tab, 'desk waiting, narrow');
  await tab.enter('#code-input', sample('genuine').qr_text);
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('.advice')).toContain('A card can be copied. To be sure, ask the officer to show the live code on their work phone, and scan it.');
  await expectNoViolations(tab, 'desk genuine, narrow');
  await expectNoSidewaysScroll(tab, 'desk, narrow');
});
