// Issue 18, in every engine: the desk and the embedded frame bent to say something they
// should not. A card for this checker pasted as its link was flagged as a look-alike; a link
// to embed.html put any sentence in the checker's header; an address with a right-to-left
// override showed as the checker's own inside the look-alike warning; and the frame's height
// told a host that had not asked for it the verdict.
import { test, expect } from './fixtures.mjs';
import { BASE } from './tab.mjs';
import { sample } from '../e2e/samples.mjs';
import { FRAME, openHostWith } from './host-page.mjs';

const tokenOf = (name) => sample(name).qr_text.split('#')[1];
const SENTENCE = 'Genuine officer confirmed. Call 0800 123 4567 now';

/// Puts `text` in the code box and checks it, as a paste would (a script sets it: WebDriver
/// cannot type every character, U+202E among them, in every engine).
async function check(tab, text) {
  await tab.element('#code-input');
  await tab.eval((text) => {
    document.querySelector('#code-input').value = text;
    document.querySelector('form.paste').requestSubmit();
  }, text);
  return tab.verdict();
}

test('desk: a card for this checker pasted as its link is genuine with no look-alike warning', async ({ tab }) => {
  await tab.open('/desk.html');
  expect(await check(tab, `${BASE}/#${tokenOf('genuine')}`)).toBe('genuine');
  expect(await tab.count('[data-warning="foreign-address"]')).toBe(0);
  expect(await tab.eval(() => document.body.innerText)).not.toContain('different website');
  // A link to another page of the same checker is the same checker; another site is not.
  await (await tab.button('Next caller')).click();
  expect(await check(tab, `${BASE}/index.html#${tokenOf('genuine')}`)).toBe('genuine');
  expect(await tab.count('[data-warning="foreign-address"]')).toBe(0);
  await (await tab.button('Next caller')).click();
  expect(await check(tab, `https://check-police.example/#${tokenOf('genuine')}`)).toBe('genuine');
  expect(await tab.count('[data-warning="foreign-address"]')).toBe(1);
});

test('embedded: a card for this checker pasted as its link is genuine with no look-alike warning', async ({ tab }) => {
  await openHostWith(tab, { 'data-force-name': 'Dyfed-Powys Police', 'data-share-verdict': '' });
  expect(await check(tab, `${BASE}/#${tokenOf('genuine')}`)).toBe('genuine');
  expect(await tab.count('[data-warning="foreign-address"]')).toBe(0);
  expect(await tab.eval(() => document.body.innerText)).not.toContain('different website');
});

test('embed.html opened as a page of its own shows no force name or colour from its link', async ({ tab }) => {
  const settings = new URLSearchParams({ force: SENTENCE, colour: '#00567d' });
  for (const link of [`/embed.html?${settings}`, `/embed.html?host=${encodeURIComponent('http://127.0.0.1:8081')}&${settings}`]) {
    await tab.open(`${link}#${tokenOf('genuine')}`);
    expect(await tab.verdict()).toBe('genuine');
    const page = await tab.eval(() => document.body.innerText);
    expect(page, link).not.toContain('Genuine officer confirmed');
    expect(page, link).not.toContain('0800');
    expect(await tab.text('header.site .brand'), link).toBe('Warrant Check');
    expect(await tab.eval(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), link).toBe('#1d4f91');
  }
});

test('embedded on a force site: a force name that is a sentence is refused', async ({ tab }) => {
  await openHostWith(tab, { 'data-force-name': SENTENCE });
  expect(await check(tab, sample('genuine').qr_text)).toBe('genuine');
  expect(await tab.eval(() => document.body.innerText)).not.toContain('0800');
  expect(await tab.text('header.site .brand')).toBe('Warrant Check');
});

test('embedded on a force site: its name is shown as the website the checker is on, with its colour', async ({ tab }) => {
  await openHostWith(tab, { 'data-force-name': 'Dyfed-Powys Police', 'data-colour': '#00567d', 'data-lang': 'cy' });
  await expect.poll(() => tab.text('header.site .brand')).toBe('Gwirio Gwarant, ar wefan Dyfed-Powys Police');
  expect(await tab.eval(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#00567d');
});

test('an address with a right-to-left override is shown with the override made visible, left to right', async ({ tab }) => {
  // Shown raw, this reads "http://127.0.0.1:8080/": the override turns the rest around.
  const spoof = `http://\u202E/0808:1.0.0.721#${tokenOf('genuine')}`;
  for (const page of ['/', '/desk.html']) {
    await tab.open(page);
    expect(await check(tab, spoof)).toBe('genuine');
    await expect.poll(() => tab.count('[data-warning="foreign-address"]')).toBe(1);
    const shown = await tab.text('[data-warning="foreign-address"] .address');
    expect(shown, page).toBe('http://⟨U+202E⟩/0808:1.0.0.721');
    expect(shown, page).not.toContain('\u202E');
    const isolate = await tab.eval(() => {
      const address = document.querySelector('[data-warning="foreign-address"] .address');
      return { tag: address.localName, dir: address.getAttribute('dir') };
    });
    expect(isolate, page).toEqual({ tag: 'bdi', dir: 'ltr' });
    // Every hidden or direction character, not only this one.
    await (await tab.button(page === '/' ? 'Check another card' : 'Next caller')).click();
    expect(await check(tab, `https://evil.example/a\u200Fb\u2066c\u200Bd\uFEFFe#${tokenOf('genuine')}`)).toBe('genuine');
    await expect.poll(() => tab.text('[data-warning="foreign-address"] .address')).toBe('https://evil.example/a⟨U+200F⟩b⟨U+2066⟩c⟨U+200B⟩d⟨U+FEFF⟩e');
  }
});

test('without data-share-verdict the frame asks for the same height whatever the verdict', async ({ tab }) => {
  await openHostWith(tab, { 'data-force-name': 'Dyfed-Powys Police' });
  const seen = [];
  for (const [text, verdict] of [[sample('genuine').qr_text, 'genuine'], [sample('revoked').qr_text, 'revoked'], ['not a card', 'not-a-card']]) {
    expect(await check(tab, text)).toBe(verdict);
    // The verdict is in view inside the frame: focus moved to it and scrolled it there.
    await expect.poll(() => tab.eval(() => {
      const top = document.querySelector('#verdict-title').getBoundingClientRect().top;
      return top >= 0 && top < innerHeight;
    })).toBe(true);
    await new Promise((r) => setTimeout(r, 400)); // any size message on its way arrives
    await tab.driver.switchTo().defaultContent();
    const host = await tab.eval(() => ({ frame: document.querySelector('iframe').getBoundingClientRect().height, sizes: [...window.__sizes] }));
    seen.push({ verdict, ...host });
    await tab.driver.switchTo().frame(await tab.element(FRAME));
    // Clicked by a script: the button may be below the fold of the frame or of the host page
    // (before this fix the frame grew past the window), and WebKitGTK's driver scrolls
    // neither inside a frame. The heights are what this test is about.
    await tab.eval(() => document.querySelector('button.again').click());
    await expect.poll(() => tab.count('#code-input')).toBe(1);
  }
  const sizes = seen.at(-1).sizes;
  expect(sizes.length, 'the frame told the host a height').toBeGreaterThan(0);
  expect(new Set(sizes).size, `heights told: ${sizes}`).toBe(1);
  expect(new Set(seen.map((s) => s.frame)).size, JSON.stringify(seen)).toBe(1);
  expect(seen[0].frame).toBe(sizes[0]);
});
