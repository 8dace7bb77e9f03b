// The suite's fixtures: one browser session per worker in the project's engine, and a tab
// that starts every test on a blank page of this origin with nothing left from the last.
import { test as base, expect } from '@playwright/test';
import { launch } from './drivers.mjs';
import { Tab, BASE } from './tab.mjs';

export { expect };

export const test = base.extend({
  engine: ['chromium', { option: true, scope: 'worker' }],
  driver: [async ({ engine }, use) => {
    const driver = await launch(engine);
    await use(driver);
    await driver.stopDriver();
  }, { scope: 'worker', timeout: 120_000 }],
  tab: async ({ driver }, use) => {
    const tab = new Tab(driver);
    await forgetEverything(tab);
    await use(tab);
    await tab.closeOthers();
  },
});

/// Service workers, caches and storage from earlier tests would change what the next one
/// sees (and requests), so each test starts from none.
export async function forgetEverything(tab) {
  await tab.open(BASE + '/robots-none.txt');
  // Only once the blank page is the document: if the last test's page were still there (a
  // checker at '/'), the next test's link would reach it as a change of fragment, not a
  // fresh load, and its verdict would be read off the last test's screen. (Seen once in
  // WebKitGTK: a genuine card's first test read 'invalid-signature' in 0.4 s, the verdict
  // the test before had left on screen.)
  // Asked of the driver, not of the page: a script sent while WebKitGTK's document is being
  // replaced can wait forever (seen as a 30 s timeout in this very wait).
  await tab.driver.wait(async () => new URL(await tab.driver.getCurrentUrl()).pathname === '/robots-none.txt', 10_000, 'the blank page never loaded');
  await forgetOrigin(tab);
}

/// Forgets what the open page's origin holds: its service workers, caches and storage.
export async function forgetOrigin(tab) {
  await tab.eval(async () => {
    for (const r of (await navigator.serviceWorker?.getRegistrations()) ?? []) await r.unregister();
    for (const k of (await self.caches?.keys()) ?? []) await caches.delete(k);
    for (const db of (await indexedDB.databases?.()) ?? []) indexedDB.deleteDatabase(db.name);
    localStorage.clear();
    sessionStorage.clear();
  });
}
