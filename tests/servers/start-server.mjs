// Starts the checker behind Debian's nginx or Caddy with the site configurations in deploy/,
// as the current user, on a free local port, with a temporary prefix for its pid, logs and
// temp files (no root needed, nothing under /etc or /var touched). A reusable module: the
// server tests here use it, and so may any test that needs a real web server over a web root
// (e.g. publishing lists into one).
//
//   const server = await startNginx({ root, embedAncestors });   // or startCaddy(...)
//   server.origin    // http://127.0.0.1:PORT
//   await server.stop();
//
// What is substituted, and how: the files in deploy/ are used as they are. nginx includes
// deploy/nginx/snippets/warrant-check.conf (which includes the header snippets beside it)
// from a generated server block; Caddy imports deploy/caddy/warrant-check.caddy from a
// generated site block. The generated block holds only what a force's own block holds in
// deploy/nginx/sites-available/warrant-check.conf or deploy/caddy/Caddyfile, for this
// machine: the address (plain HTTP on 127.0.0.1:PORT instead of the force's HTTPS host
// name and certificate), the root, and the list of sites allowed to frame embed.html.
// checkShippedNginxSite() and checkShippedCaddyfile() check those two files themselves
// (`nginx -t`, `caddy validate`), unchanged.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NGINX = '/usr/sbin/nginx';
export const CADDY = '/usr/bin/caddy';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/// A port nobody listens on now (the kernel's pick, released for the server to bind).
export async function freePort() {
  const probe = createServer();
  await new Promise((ready) => probe.listen(0, '127.0.0.1', ready));
  const { port } = probe.address();
  await new Promise((closed) => probe.close(closed));
  return port;
}

/// Resolves once something answers HTTP on the port; fails if the process exits first or
/// nothing answers within `ms`.
async function answering(port, child, logs, ms = 15_000) {
  const deadline = Date.now() + ms;
  let exited = null;
  child.on('exit', (code, signal) => { exited = `exited ${code ?? signal}`; });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server ${exited}: ${logs()}`);
    const ok = await new Promise((done) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'HEAD', timeout: 1000 }, (res) => { res.resume(); done(true); });
      req.on('error', () => done(false));
      req.on('timeout', () => { req.destroy(); done(false); });
      req.end();
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered on port ${port} within ${ms} ms: ${logs()}`);
}

function stopper(child, dir) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

/// nginx's quoting of a value for `set`: double quotes, with " and \ escaped.
const nginxString = (text) => `"${text.replace(/[\\"]/g, (c) => '\\' + c)}"`;

/// The main configuration a test's nginx runs with, in `dir`: what Debian's /etc/nginx/nginx.conf
/// gives a site (the brotli module, an http block), with pid, logs and temp files in `dir`.
function nginxMain(dir, http) {
  // As root, nginx's workers would become `nobody`, who cannot read a temporary web root.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : '';
  return `${user}pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
worker_processes 1;
load_module ${BROTLI_MODULE};
events { worker_connections 256; }
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    sendfile on;
${http}
}
`;
}

/// The checker behind nginx: `root` is the web root (dist/ or a copy), `embedAncestors` the
/// sites allowed to frame embed.html (as a force writes them: origins, or 'none'),
/// `snippets` the folder of site snippets (deploy/nginx/snippets unless a test gives a
/// changed copy).
export async function startNginx({ root, embedAncestors = "'none'", port, snippets = join(repo, 'deploy/nginx/snippets') } = {}) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'warrant-nginx-'));
  // Relative includes (`include snippets/...`) are found beside the main configuration, as
  // in /etc/nginx.
  symlinkSync(resolve(snippets), join(dir, 'snippets'));
  writeFileSync(join(dir, 'site.conf'), `server {
    listen 127.0.0.1:${port};
    root ${resolve(root)};
    set $warrant_check_embed_ancestors ${nginxString(embedAncestors)};
    include snippets/warrant-check.conf;
}
`);
  writeFileSync(join(dir, 'nginx.conf'), nginxMain(dir, `    include ${dir}/site.conf;`));
  let output = '';
  const child = spawn(NGINX, ['-p', dir + '/', '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const stop = stopper(child, dir);
  try {
    await answering(port, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { kind: 'nginx', port, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/`, dir, stop };
}

/// The checker behind Caddy: as startNginx.
export async function startCaddy({ root, embedAncestors = "'none'", port, site = join(repo, 'deploy/caddy/warrant-check.caddy') } = {}) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'warrant-caddy-'));
  // No admin endpoint (several may run at once); certificates and saved configuration stay
  // in the temporary folder.
  writeFileSync(join(dir, 'Caddyfile'), `{
	admin off
}

http://127.0.0.1:${port} {
	root * ${resolve(root)}
	vars embed_ancestors "${embedAncestors.replace(/["\\]/g, (c) => '\\' + c)}"
	import ${resolve(site)}
}
`);
  let output = '';
  const home = join(dir, 'home');
  mkdirSync(home);
  const child = spawn(CADDY, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
  });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const stop = stopper(child, dir);
  try {
    await answering(port, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { kind: 'caddy', port, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/`, dir, stop, logs: () => output };
}

export const start = { nginx: startNginx, caddy: startCaddy };

const run = promisify(execFile);

/// `nginx -t` over deploy/nginx/sites-available/warrant-check.conf as shipped (HTTPS on 443
/// with Debian's snakeoil certificate, the force's host name and root), in a prefix where
/// `snippets/` holds deploy/nginx/snippets and Debian's snakeoil.conf. Returns nginx's output.
export async function checkShippedNginxSite() {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-nginx-t-'));
  try {
    mkdirSync(join(dir, 'snippets'));
    const ours = join(repo, 'deploy/nginx/snippets');
    for (const name of readdirSync(ours)) symlinkSync(join(ours, name), join(dir, 'snippets', name));
    symlinkSync('/etc/nginx/snippets/snakeoil.conf', join(dir, 'snippets', 'snakeoil.conf'));
    writeFileSync(join(dir, 'nginx.conf'), nginxMain(dir, `    include ${join(repo, 'deploy/nginx/sites-available/warrant-check.conf')};`));
    const { stdout, stderr } = await run(NGINX, ['-t', '-p', dir + '/', '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]);
    return stdout + stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// `caddy validate` over deploy/caddy/Caddyfile as shipped. Returns Caddy's output.
export async function checkShippedCaddyfile() {
  const dir = mkdtempSync(join(tmpdir(), 'warrant-caddy-v-'));
  try {
    const { stdout, stderr } = await run(CADDY, ['validate', '--config', join(repo, 'deploy/caddy/Caddyfile'), '--adapter', 'caddyfile'],
      { env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') } });
    return stdout + stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// tools/serve.mjs, the reference for the headers, on a free port over `root`.
export async function startReference({ root, embedAncestors = "'none'" }) {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [join(repo, 'tools/serve.mjs'), resolve(root), String(port), '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EMBED_ANCESTORS: embedAncestors } });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const dir = mkdtempSync(join(tmpdir(), 'warrant-ref-'));
  const stop = stopper(child, dir);
  try {
    await answering(port, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { kind: 'serve.mjs', port, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/`, stop };
}

/// The example force site (tools/serve-example.mjs) embedding the checker at `checkerOrigin`,
/// on `port` or a free one.
export async function startForceSite(checkerOrigin, port) {
  port ??= await freePort();
  let output = '';
  const child = spawn(process.execPath, [join(repo, 'tools/serve-example.mjs'), String(port), checkerOrigin, '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const dir = mkdtempSync(join(tmpdir(), 'warrant-site-'));
  const stop = stopper(child, dir);
  try {
    await answering(port, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/`, stop };
}
