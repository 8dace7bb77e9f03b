// A checker server of a test's own (tools/serve.mjs on dist/), to be killed as the network
// is cut: for the offline tests of both suites.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { root } from './samples.mjs';

export async function startServer(port, dir = 'dist') {
  const server = spawn('node', ['tools/serve.mjs', dir, String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ready, fail) => {
    server.stdout.on('data', (d) => String(d).includes('serving') && ready());
    server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return server;
}

export async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.on('exit', r));
  server.kill();
  await exited;
}

/// A checker of a test's own on a copy of dist/, whose files (the lists) the test may replace
/// while it runs, and whose pages first run `hook` (a script's source), as a browser would
/// that lacks an API or whose clock is wrong. `stop()` ends it and removes the copy.
export async function startCopy(port, hook) {
  const dir = mkdtempSync(join(tmpdir(), 'checker-copy-'));
  cpSync(resolve(root, 'dist'), dir, { recursive: true });
  if (hook) {
    writeFileSync(join(dir, 'test-hook.js'), hook);
    for (const page of ['index.html', 'desk.html', 'embed.html', 'officer.html']) {
      const path = join(dir, page);
      const html = readFileSync(path, 'utf8');
      if (!html.includes('<head>')) throw new Error(`${page}: no <head> to put the hook in`);
      writeFileSync(path, html.replace('<head>', '<head><script src="test-hook.js"></script>'));
    }
  }
  const server = await startServer(port, dir);
  return {
    origin: `http://127.0.0.1:${port}`,
    dir,
    /// Replaces a published file, as the force's web team or a stale cache would.
    publish: (path, bytes) => writeFileSync(join(dir, path), bytes),
    stop: async () => {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
