// The example force page (tools/serve-example.mjs) for the embed tests: the page with its
// placeholder replaced by one of the test's, as a site that builds its page in script adds it.
export const HOST = 'http://127.0.0.1:8081/';
export const FRAME = 'iframe[title="Police warrant card checker"]';

/// The host page with a placeholder with `attributes`; every message the host page receives
/// is recorded (`window.__seen`: their types; `window.__sizes`: the heights told). Returns
/// inside the new frame, once its checker is running.
export async function openHostWith(tab, attributes) {
  await tab.setSize(1280, 1100); // the frame's controls in view (WebKitGTK's driver needs it)
  await tab.open(HOST);
  await tab.element('iframe');
  // The page's own frame is replaced only once its checker is running (its first message),
  // and this resolves once the new frame has loaded: WebKitGTK's driver, working while a
  // frame is removed or loads, now and then hangs for good.
  await tab.eval(() => new Promise((resolve) => {
    addEventListener('message', () => resolve(), { once: true });
    setTimeout(() => resolve(), 3000); // the message came before this listener
  }));
  await tab.eval((attributes) => new Promise((resolve) => {
    window.__seen = [];
    window.__sizes = [];
    window.addEventListener('message', (e) => {
      window.__seen.push(e.data?.type);
      if (e.data?.type === 'warrant-check:size') window.__sizes.push(e.data.height);
    });
    const old = document.querySelector('[data-warrant-check]');
    const placeholder = document.createElement('div');
    for (const [name, value] of Object.entries(attributes)) placeholder.setAttribute(name, value);
    new MutationObserver((_, observer) => {
      const frame = placeholder.querySelector('iframe');
      if (!frame) return;
      observer.disconnect();
      frame.addEventListener('load', () => resolve(), { once: true });
    }).observe(placeholder, { childList: true });
    old.replaceWith(placeholder);
  }), { 'data-warrant-check': '', ...attributes });
  await tab.driver.switchTo().frame(await tab.element(FRAME));
  await tab.element('[data-lang]');
}
