// A checker server of a test's own (tools/serve.mjs on dist/), to be killed as the network
// is cut: for the offline tests of both suites.
import { spawn } from 'node:child_process';
import { root } from './samples.mjs';

export async function startServer(port) {
  const server = spawn('node', ['tools/serve.mjs', 'dist', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
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
