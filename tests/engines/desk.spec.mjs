// The call-centre desk in every engine: focus starts in the code box, Enter checks, a
// read-back script, Escape for the next caller leaves nothing behind.
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
