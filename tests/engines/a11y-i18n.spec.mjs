// Accessibility and languages in every engine: axe on every verdict screen at phone width,
// 320 px and the 200% zoom of a laptop, in English and Welsh; keyboard-only use; the
// right-to-left pseudo-locale.
import { test, expect } from './fixtures.mjs';
import { Key } from './tab.mjs';
import { expectNoViolations, expectNoSidewaysScroll } from './audit.mjs';
import { resolve } from 'node:path';
import { root, samples, sample, fragment } from '../e2e/samples.mjs';

/// The viewport asked for; in WebKitGTK, whose windows are never narrower than 447 CSS
/// pixels, the narrowest it has (its narrow layout is the same CSS as at 320).
async function expectViewport(tab, width, height) {
  const got = await tab.setSize(width, height);
  expect(got).toBe(tab.engine === 'webkit' ? Math.max(width, 447) : width);
}

const screens = [
  ['start', ''],
  ...[...new Map(samples.filter((s) => s.qr_text.startsWith('http://127.0.0.1:8080/#')).map((s) => [s.expected, s])).values()]
    .map((s) => [s.expected, fragment(s)]),
];

for (const [width, height, label] of [[390, 844, 'phone'], [320, 640, '320px'], [640, 400, '200% zoom of 1280x800']]) {
  for (const lang of ['en', 'cy']) {
    test(`axe, every screen, ${lang}, ${label}`, async ({ tab }) => {
      await expectViewport(tab, width, height);
      for (const [name, path] of screens) {
        await tab.open('/robots-none.txt'); // a new document each time, not a fragment change
        await tab.open(`/?lang=${lang}` + path);
        if (name !== 'start') expect(await tab.verdict()).toBe(name);
        else await tab.element('#start-camera');
        expect(await tab.attr('html', 'lang')).toBe(lang === 'cy' ? 'cy' : 'en-GB');
        await expectNoViolations(tab, `${name} (${lang}) at ${label}`);
        await expectNoSidewaysScroll(tab, `${name} (${lang}) at ${label}`);
      }
    });
  }
}

test('Welsh: the verdict, dates and advice', async ({ tab }) => {
  await tab.open('/?lang=cy' + fragment(sample('genuine')));
  expect(await tab.verdict()).toBe('genuine');
  expect(await tab.text('h1')).toBe('Gwirio cerdyn gwarant yr heddlu');
  expect(await tab.eval(() => document.title)).toBe('Gwirio cerdyn gwarant yr heddlu');
  expect(await tab.text('[data-verdict] h2')).toContain('Cerdyn dilys');
  expect(await tab.text('[data-field="expires"]')).toMatch(/^\d{1,2} \S+ \d{4}$/);
  expect(await tab.text('[data-verdict]')).toContain('ffoniwch 101');
});

test('keyboard only: paste, check, read, next card', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#start-camera');
  const order = [];
  for (let i = 0; i < 4; i++) {
    await tab.press(Key.TAB);
    order.push(await tab.eval(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  expect(order).toEqual(['Cymraeg', 'start-camera', 'photo-input', 'code-input']);
  await tab.press(sample('revoked').qr_text, Key.ENTER);
  expect(await tab.verdict()).toBe('revoked');
  await expect.poll(() => tab.focused('#verdict-title')).toBe(true);
  await tab.press(Key.TAB);
  expect(await tab.eval(() => document.activeElement.textContent.trim())).toBe('Check another card');
  await tab.press(Key.ENTER);
  await expect.poll(() => tab.count('[data-verdict]')).toBe(0);
  await expect.poll(() => tab.focused('#start-camera')).toBe(true);
});

for (const [width, height] of [[320, 640], [1280, 800]]) {
  test(`right to left (ar-XB) lays out without breaking at ${width}px`, async ({ tab }) => {
    await expectViewport(tab, width, height);
    await tab.open('/?lang=ar-XB' + fragment(sample('genuine')));
    expect(await tab.verdict()).toBe('genuine');
    expect(await tab.attr('html', 'dir')).toBe('rtl');
    expect(await tab.text('[data-field="name"]')).toBe('Jane Smith');
    const layout = await tab.eval(() => {
      const box = (css) => document.querySelector(css).getBoundingClientRect();
      const heading = box('[data-verdict] h2');
      const symbol = box('[data-verdict] h2 .symbol');
      const main = box('main');
      return {
        symbolAtRight: symbol.right > heading.right - symbol.width - 2,
        switchAtLeft: box('.language-switch button').left < main.left + main.width / 2,
        outside: [...document.querySelectorAll('main *')].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1);
        }).map((e) => e.tagName + '.' + e.className),
      };
    });
    expect(layout).toEqual({ symbolAtRight: true, switchAtLeft: true, outside: [] });
    await expectNoSidewaysScroll(tab, `ar-XB at ${width}px`);
    await expectNoViolations(tab, `ar-XB at ${width}px`);
  });
}

test('axe: not a card, an unreadable photo, and no camera', async ({ tab }) => {
  await tab.open('/');
  await tab.enter('#code-input', 'https://shop.example/');
  expect(await tab.verdict()).toBe('not-a-card');
  await expectNoViolations(tab, 'not-a-card');
  await (await tab.button('Check another card')).click();
  await tab.upload('#photo-input', resolve(root, 'www/icons/icon-512.png'));
  await expect.poll(() => tab.attr('[data-verdict]', 'data-verdict')).toBe('unreadable');
  await expectNoViolations(tab, 'unreadable');
  await (await tab.button('Check another card')).click();
  await tab.eval(() => { MediaDevices.prototype.getUserMedia = async () => { throw new DOMException('none', 'NotFoundError'); }; });
  await tab.click('#start-camera');
  await tab.element('[data-camera="unavailable"]');
  await expectNoViolations(tab, 'camera unavailable');
});

test('switch to Welsh by keyboard; ?lang=cy chooses Welsh', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#start-camera');
  await tab.press(Key.TAB);
  expect(await tab.eval(() => document.activeElement.textContent.trim())).toBe('Cymraeg');
  await tab.press(Key.ENTER);
  await expect.poll(() => tab.attr('html', 'lang')).toBe('cy');
  expect(await tab.text('label[for="code-input"]')).toBe('Teipiwch neu gludwch god neu ddolen y cerdyn');

  await tab.open('/?lang=cy');
  await tab.enter('#code-input', 'https://shop.example/');
  expect(await tab.verdict()).toBe('not-a-card');
  expect(await tab.text('[data-verdict] h2')).toContain('Nid cod cerdyn gwarant yw hwn');
});

test('switching to English redoes the verdict on screen; the pseudo-locale is never offered', async ({ tab }) => {
  await tab.open('/?lang=cy' + fragment(sample('revoked')));
  expect(await tab.verdict()).toBe('revoked');
  expect(await tab.text('[data-verdict] h2')).toContain("Cerdyn wedi'i ganslo");
  await (await tab.button('English')).click();
  await expect.poll(() => tab.attr('html', 'lang')).toBe('en-GB');
  expect(await tab.text('[data-verdict] h2')).toContain('Cancelled card');
  expect(await tab.text('h1')).toBe('Check a police warrant card');
  expect(await tab.eval(() => [...document.querySelectorAll('.language-switch button')].map((b) => [b.textContent.trim(), b.lang])))
    .toEqual([['Cymraeg', 'cy']]);
});
