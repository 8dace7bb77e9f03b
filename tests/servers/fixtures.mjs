// What every server test gets, once per project (nginx or Caddy): the checker on dist/
// behind that server, framable by one example force site (`allowed`, tools/serve-example.mjs
// on another port) and not by another (`refused`), and tools/serve.mjs on dist/ with the
// same frame-ancestors as the reference for headers.
import { test as base, expect } from '@playwright/test';
import { freePort, repo, start, startForceSite, startReference } from './start-server.mjs';
import { resolve } from 'node:path';

export { expect };
export const dist = resolve(repo, 'dist');

export const test = base.extend({
  serverKind: ['nginx', { option: true, scope: 'worker' }],
  sites: [async ({ serverKind }, use) => {
    const allowedPort = await freePort();
    const embedAncestors = `http://127.0.0.1:${allowedPort}`;
    const started = [];
    try {
      const checker = await start[serverKind]({ root: dist, embedAncestors });
      started.push(checker);
      const allowed = await startForceSite(checker.origin, allowedPort);
      started.push(allowed);
      const refused = await startForceSite(checker.origin);
      started.push(refused);
      const reference = await startReference({ root: dist, embedAncestors });
      started.push(reference);
      await use({ checker, allowed, refused, reference, embedAncestors });
    } finally {
      for (const server of started.reverse()) await server.stop();
    }
  }, { scope: 'worker', timeout: 60_000 }],
});
