// What an iPhone needs that WebKit can show here: a camera video that plays inline and
// muted, layouts at 390x844 and 320 px, room for a notch and the home bar when the page
// fills the screen, and an installable app that opens on its own.
import { test, expect } from './fixtures.mjs';
import { useCardVideo } from './camera.mjs';
import { expectNoSidewaysScroll } from './audit.mjs';
import { sample, fragment } from '../e2e/samples.mjs';

test('the camera video plays inline, muted and by itself (iOS will not play it otherwise)', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#start-camera');
  await useCardVideo(tab, 'nothing.y4m');
  await tab.click('#start-camera');
  await tab.element('[data-camera="scanning"] video');
  const video = await tab.eval(async () => {
    const v = document.querySelector('[data-camera="scanning"] video');
    for (let i = 0; i < 50 && (v.paused || v.videoWidth === 0); i++) await new Promise((r) => setTimeout(r, 100));
    return { playsinline: v.hasAttribute('playsinline'), muted: v.muted, autoplay: v.autoplay, playing: !v.paused, width: v.videoWidth };
  });
  expect(video).toEqual({ playsinline: true, muted: true, autoplay: true, playing: true, width: 1280 });
});

for (const [width, height] of [[390, 844], [320, 640]]) {
  test(`a phone ${width} px wide: nothing sideways, controls large enough to tap`, async ({ tab }) => {
    const got = await tab.setSize(width, height);
    expect(got).toBe(tab.engine === 'webkit' ? Math.max(width, 447) : width);
    for (const path of ['/', '/' + fragment(sample('genuine'))]) {
      await tab.open('/robots-none.txt');
      await tab.open(path);
      if (path !== '/') expect(await tab.verdict()).toBe('genuine');
      await expectNoSidewaysScroll(tab, `${path} at ${width}px`);
      // Apple's 44-point touch target (WCAG 2.2 AA asks for 24).
      const small = await tab.eval(() => [...document.querySelectorAll('main button, main label[for="photo-input"]')]
        .filter((b) => b.getBoundingClientRect().height > 0 && b.getBoundingClientRect().height < 44)
        .map((b) => `${b.textContent.trim()}: ${b.getBoundingClientRect().height.toFixed(0)} px`));
      expect(small, `${path} at ${width}px`).toEqual([]);
    }
  });
}

test('the page fills the screen and keeps clear of the notch and home bar', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#start-camera');
  const layout = await tab.eval(() => ({
    viewport: document.querySelector('meta[name="viewport"]').content,
    // The engine kept the declarations: one it could not parse would be dropped.
    insetRules: [...document.styleSheets].flatMap((s) => [...s.cssRules])
      .filter((r) => /safe-area-inset-(left|right)/.test(r.cssText)).map((r) => r.selectorText).sort(),
    // With no notch (insets of 0) the padding is the usual 1rem.
    padding: ['left', 'right', 'bottom'].map((side) => getComputedStyle(document.querySelector('main'))[`padding-${side}`]),
  }));
  expect(layout).toEqual({
    viewport: 'width=device-width, initial-scale=1, viewport-fit=cover',
    insetRules: ['header.site', 'main'],
    padding: ['16px', '16px', '16px'],
  });
});

test('installable: the manifest opens the checker on its own, with icons the engine can draw', async ({ tab }) => {
  await tab.open('/');
  await tab.element('#start-camera');
  const app = await tab.eval(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    const manifest = await (await fetch(link.href)).json();
    const icons = [];
    for (const icon of manifest.icons) {
      const blob = await (await fetch(new URL(icon.src, link.href))).blob();
      const image = new Image();
      image.src = URL.createObjectURL(blob);
      await image.decode();
      icons.push(`${icon.src} ${image.naturalWidth}x${image.naturalHeight}`);
    }
    const touch = new Image();
    touch.src = document.querySelector('link[rel="apple-touch-icon"]').href;
    await touch.decode();
    return {
      display: manifest.display,
      start: new URL(manifest.start_url, link.href).origin === location.origin,
      scope: new URL(manifest.scope ?? '.', link.href).pathname,
      icons: icons.length,
      touchIcon: touch.naturalWidth >= 180,
    };
  });
  expect(app).toEqual({ display: 'standalone', start: true, scope: '/', icons: expect.any(Number), touchIcon: true });
  expect(app.icons).toBeGreaterThanOrEqual(2);
});
