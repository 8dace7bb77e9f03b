// Every sample card, opened by its link and pasted into the code box, gets its expected
// verdict; the card's details show for a genuine card and never for a failure.
import { test, expect } from './fixtures.mjs';
import { samples, sample, fragment } from '../e2e/samples.mjs';

const CODE_BOX = '#code-input';

for (const s of samples) {
  if (s.qr_text.startsWith('http://127.0.0.1:8080/#')) {
    test(`deep link: ${s.name} → ${s.expected}`, async ({ tab }) => {
      await tab.open('/' + fragment(s));
      expect(await tab.verdict()).toBe(s.expected);
      // The token leaves the address bar.
      expect(await tab.eval(() => location.href)).not.toContain('#');
    });
  }

  test(`paste: ${s.name} → ${s.expected}`, async ({ tab }) => {
    await tab.open('/');
    await tab.enter(CODE_BOX, s.qr_text);
    expect(await tab.verdict()).toBe(s.expected);
  });
}

test('genuine shows the details to compare, focused and announced', async ({ tab }) => {
  await tab.open('/' + fragment(sample('genuine')));
  expect(await tab.verdict()).toBe('genuine');
  const card = '.verdict-region[aria-live] [data-verdict="genuine"]';
  expect(await tab.text(`${card} h2`)).toMatch(/Genuine card/);
  expect(await tab.text(`${card} [data-field="name"]`)).toBe('Jane Smith');
  expect(await tab.text(`${card} [data-field="rank"]`)).toBe('Police Constable');
  expect(await tab.text(`${card} [data-field="number"]`)).toBe('1234');
  await expect.poll(() => tab.focused('#verdict-title')).toBe(true);
});

test('a failure says what to do and shows no card details', async ({ tab }) => {
  await tab.open('/' + fragment(sample('invalid-signature-forged')));
  expect(await tab.verdict()).toBe('invalid-signature');
  expect(await tab.count('[data-field="name"]')).toBe(0);
  expect(await tab.text('[data-verdict]')).toContain('999');
});

test('nonsense, huge and hostile input gets a verdict, never a blank page', async ({ tab }) => {
  await tab.open('/');
  for (const [text, expected] of [
    ['hello', 'not-a-card'],
    ['0o' + 'A'.repeat(5000), 'malformed'],
    ['0o\u202Eevil', 'malformed'],
    ['https://x.example/#0o%%%', 'malformed'],
    ['ḫttps://x/#0oAA', 'not-a-card'],
  ]) {
    await tab.enter('#code-input', text);
    expect(await tab.verdict(), text.slice(0, 20)).toBe(expected);
    await (await tab.button('Check another card')).click();
  }
});
