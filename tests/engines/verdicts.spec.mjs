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

test('genuine: the caveat, the demo banner, and advice after the details it points at, in English and Welsh', async ({ tab }) => {
  for (const [lang, words] of [['en', 'name, rank and number above'], ['cy', "y rheng a'r rhif uchod"]]) {
    await tab.open('/robots-none.txt');
    await tab.open(`/?lang=${lang}` + fragment(sample('genuine')));
    expect(await tab.verdict()).toBe('genuine');
    const page = await tab.eval((words) => {
      const v = document.querySelector('[data-verdict="genuine"]');
      return {
        advice: [...v.querySelectorAll('.advice li')].filter((li) => li.textContent.includes(words)).length,
        detailsFirst: Boolean(v.querySelector('.card-details').compareDocumentPosition(v.querySelector('.advice')) & Node.DOCUMENT_POSITION_FOLLOWING),
        expires: v.querySelector('[data-field="expires"]').textContent.trim(),
        banner: document.querySelector('.demo-banner')?.textContent ?? '',
      };
    }, words);
    expect(page.advice, lang).toBe(1);
    expect(page.detailsFirst, lang).toBe(true);
    expect(page.expires).toMatch(/^\d{1,2} \S+ \d{4}$/);
    expect(page.banner).toContain('DEMO');
  }
  expect(await tab.text('[data-verdict]')).toContain('ffoniwch 101');
  await tab.open('/' + fragment(sample('genuine')));
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('[data-verdict]')).toContain('does not mean you must let anyone in');
});

test('a bare token as typed is checked; a link to another website is checked with a warning', async ({ tab }) => {
  const token = sample('genuine').qr_text.split('#')[1];
  await tab.open('/');
  await tab.enter('#code-input', `  ${token}  `);
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.count('[data-warning="foreign-address"]')).toBe(0);
  await (await tab.button('Check another card')).click();
  await tab.enter('#code-input', `https://check-police.example/#${token}`);
  await expect.poll(() => tab.count('[data-warning="foreign-address"]')).toBe(1);
  expect(await tab.text('[data-warning="foreign-address"]')).toContain('look-alike');
});
