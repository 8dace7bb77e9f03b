// The browser suite in the three engines people use (Chromium, Firefox ESR, WebKitGTK),
// driven over WebDriver (tests/engines/drivers.mjs). Playwright is only the test runner
// here: it cannot drive Debian's Firefox or WebKit.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// When scripts/engines.sh runs one engine per process (each in a network namespace of its
// own, so each has its own 127.0.0.1:8080), ENGINES_RUN names the run: files the tests write
// are kept apart, so that one engine never reads a file another is writing.
export const RUN = process.env.ENGINES_RUN ?? 'all';
export const SCRATCH = resolve(root, 'target/engines', RUN);
export const REQUEST_LOG = resolve(SCRATCH, 'requests.log');
mkdirSync(SCRATCH, { recursive: true });

export default defineConfig({
  testDir: '.',
  testMatch: /\.spec\.mjs$/,
  // scripts/engines.sh leaves the camera videos' tests out of the engines' side-by-side run
  // (they are timed by the video playing, and three engines at once starve them of CPU) and
  // runs them after, one engine at a time.
  testIgnore: process.env.ENGINES_SKIP ? new RegExp(process.env.ENGINES_SKIP) : undefined,
  timeout: 90_000,
  workers: 1,
  // A browser session that dies mid-test (seen once in WebKitGTK under Xvfb, at a click) is
  // retried once in a new session; the run lists it as flaky, and test.sh says so.
  retries: 1,
  reporter: [['list']],
  webServer: [
    // The same servers as tests/e2e, plus a log of every request (the privacy audit reads
    // it: WebDriver cannot watch requests in every engine) and the card videos.
    { command: 'node tools/serve.mjs dist 8080', env: { EMBED_ANCESTORS: 'http://127.0.0.1:8081', REQUEST_LOG, TEST_MEDIA: resolve(root, 'target/e2e') },
      cwd: root, url: 'http://127.0.0.1:8080/', reuseExistingServer: false },
    { command: 'node tools/serve-example.mjs 8081 http://127.0.0.1:8080/', cwd: root, url: 'http://127.0.0.1:8081/', reuseExistingServer: false },
  ],
  projects: ['chromium', 'firefox', 'webkit'].map((engine) => ({ name: engine, use: { engine } })),
});
