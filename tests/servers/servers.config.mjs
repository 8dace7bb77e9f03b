// The built checker (dist/) behind real web servers: Debian's nginx and Caddy with the site
// configurations in deploy/ (tests/servers/start-server.mjs), one project each, in Debian's
// Chromium. After scripts/build-checker.sh; scripts/test.sh runs it after tests/e2e.
import { defineConfig } from '@playwright/test';

export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export default defineConfig({
  testDir: '.',
  testMatch: /\.spec\.mjs$/,
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: { serviceWorkers: 'block', launchOptions: { executablePath: '/usr/bin/chromium', args: FLAGS } },
  projects: [
    { name: 'nginx', use: { serverKind: 'nginx' } },
    // A misconfigured server for scripts/check-deployment.sh: one (nginx) is enough.
    { name: 'caddy', use: { serverKind: 'caddy' }, testIgnore: /misconfigured\.spec/ },
  ],
});
