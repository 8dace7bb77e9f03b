// Every way in after another, in one tab of every engine: the screen always shows the code
// just given, never the last one's. A link opened in a tab already showing the checker
// changes only the fragment (no reload), which the page must notice by itself.
import { resolve } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { root, sample, fragment } from '../e2e/samples.mjs';
import { CARDS } from '../e2e/on-screen.mjs';

/// Opens a card's link; when the checker is already open, only the fragment changes and
/// the document stays the same (the marker proves it).
async function openLink(tab, card, path = '/') {
  const open = await tab.eval(() => location.pathname.endsWith('.html') || location.pathname === '/' ? location.href : '');
  if (!open.startsWith('http')) return tab.open(path + fragment(sample(card)));
  await tab.eval(() => { window.__sameDocument = true; });
  await tab.open(path + fragment(sample(card)));
  expect(await tab.eval(() => window.__sameDocument), 'the link reloaded the page').toBe(true);
}

async function checkAnother(tab) {
  if (await tab.count('[data-verdict]')) await (await tab.button('Check another card')).click();
}

const WAYS = {
  link: openLink,
  paste: async (tab, card) => { await checkAnother(tab); await tab.enter('#code-input', sample(card).qr_text); },
  photo: async (tab, card) => { await checkAnother(tab); await tab.upload('#photo-input', resolve(root, 'dist', sample(card).png)); },
};

/// The screen shows `card`'s verdict and details, focused, in the announced region, with
/// nothing of `previous` anywhere and no token left in the address bar.
async function expectShowing(tab, card, previous) {
  const { verdict, heading, name, rank, number } = CARDS[card];
  const screen = '.verdict-region[aria-live] [data-verdict]';
  await expect.poll(() => tab.attr(screen, 'data-verdict')).toBe(verdict);
  expect(await tab.count('[data-verdict]')).toBe(1);
  expect(await tab.text(`${screen} h2`)).toMatch(new RegExp(heading));
  expect([await tab.text(`${screen} [data-field="name"]`), await tab.text(`${screen} [data-field="rank"]`), await tab.text(`${screen} [data-field="number"]`)])
    .toEqual([name, rank, number]);
  await expect.poll(() => tab.focused(`${screen} h2`)).toBe(true);
  if (previous) {
    const body = await tab.eval(() => document.body.innerText);
    expect(body).not.toContain(CARDS[previous].name);
    expect(body).not.toContain(CARDS[previous].heading);
  }
  expect(await tab.eval(() => location.href)).not.toContain('#');
}

for (const [first, second] of [['genuine', 'revoked'], ['revoked', 'genuine']]) {
  test(`link after link: ${first} then ${second}`, async ({ tab }) => {
    await tab.open('/');
    await openLink(tab, first);
    await expectShowing(tab, first);
    await openLink(tab, second);
    await expectShowing(tab, second, first);
  });
}

test('link after link leaves no token in the tab history', async ({ tab }) => {
  await tab.open('/');
  await openLink(tab, 'genuine');
  await expectShowing(tab, 'genuine');
  await openLink(tab, 'revoked');
  await expectShowing(tab, 'revoked', 'genuine');
  const tokens = ['genuine', 'revoked'].map((c) => fragment(sample(c)).slice(1, 30));
  for (let step = 0; step < 2; step++) {
    await tab.driver.navigate().back();
    const url = await tab.eval(() => location.href);
    expect(url).not.toContain('#');
    for (const token of tokens) expect(url).not.toContain(token);
  }
});

for (const [[firstWay, firstCard], [thenWay, thenCard]] of [
  [['link', 'genuine'], ['paste', 'revoked']],
  [['link', 'genuine'], ['photo', 'revoked']],
  [['paste', 'genuine'], ['link', 'revoked']],
  [['photo', 'revoked'], ['link', 'genuine']],
  [['paste', 'genuine'], ['photo', 'revoked']],
  [['photo', 'revoked'], ['paste', 'genuine']],
]) {
  test(`${thenWay} after ${firstWay}`, async ({ tab }) => {
    await tab.open('/');
    await WAYS[firstWay](tab, firstCard);
    await expectShowing(tab, firstCard);
    await WAYS[thenWay](tab, thenCard);
    await expectShowing(tab, thenCard, firstCard);
  });
}

test('desk: link after paste, with its own read-back script', async ({ tab }) => {
  await tab.open('/desk.html');
  await tab.enter('#code-input', sample('genuine').qr_text);
  await expectShowing(tab, 'genuine');
  await openLink(tab, 'revoked', '/desk.html');
  await expectShowing(tab, 'revoked', 'genuine');
  expect(await tab.text('[data-readback="revoked"]')).toContain('Tom Baker');
});

test('the same link opened again gets a screen of its own, focused and announced afresh', async ({ tab }) => {
  await tab.open('/');
  await openLink(tab, 'genuine');
  await expectShowing(tab, 'genuine');
  await tab.eval(() => { document.querySelector('[data-verdict]').dataset.seenBefore = 'yes'; });
  await openLink(tab, 'genuine');
  await expect.poll(() => tab.count('[data-verdict]:not([data-seen-before])')).toBe(1);
  await expectShowing(tab, 'genuine');
});
