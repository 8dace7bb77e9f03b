// Real-browser tests of the built checker (dist/, from scripts/build-checker.sh), in
// Debian's Chromium: Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE = 'http://127.0.0.1:8080/';
export const HOST_SITE = 'http://127.0.0.1:8081';
const quiet = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  // Service workers are tested on their own (offline.spec.mjs, a persistent profile); here
  // every test sees the network, so routes and request audits see every request.
  use: { baseURL: BASE, serviceWorkers: 'block', launchOptions: { executablePath: '/usr/bin/chromium', args: quiet } },
  webServer: [
    // The checker, framable (embed.html only) by the example force site on another port.
    { command: 'node tools/serve.mjs dist 8080', env: { EMBED_ANCESTORS: HOST_SITE }, cwd: root, url: BASE, reuseExistingServer: true },
    { command: `node tools/serve-example.mjs 8081 ${BASE}`, cwd: root, url: HOST_SITE + '/', reuseExistingServer: true },
  ],
  projects: [
    { name: 'page', testIgnore: /camera\.spec/ },
    // Chromium's fake camera, fed a video of the genuine sample card (large; as held at a
    // door, 15–20 cm away, a version-10 code about 165 px wide; large but smeared by a
    // moving hand), or of an empty doorway.
    ...[['camera', 'card.y4m'], ['camera-door', 'card-door.y4m'], ['camera-moving', 'card-moving.y4m'], ['camera-empty', 'nothing.y4m']].map(([name, video]) => ({
      name,
      testMatch: /camera\.spec/,
      use: {
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [...quiet, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
            `--use-file-for-fake-video-capture=${resolve(root, 'target/e2e', video)}`],
        },
      },
    })),
  ],
});
