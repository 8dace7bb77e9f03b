// The three browser engines people use, each from Debian or crates.io and driven over W3C
// WebDriver: Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver with MiniBrowser, under Xvfb since it has no headless mode). Every
// driver and browser path is explicit, so nothing tries to download a driver.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { Builder, Capabilities } from 'selenium-webdriver';

const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // Camera permission without a prompt; the camera itself is replaced in the page (camera.mjs).
  '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--window-size=1280,900'];

export const ENGINES = {
  chromium: {
    driver: (port) => ['/usr/bin/chromedriver', [`--port=${port}`]],
    capabilities: { browserName: 'chrome', 'goog:chromeOptions': { binary: '/usr/bin/chromium', args: CHROMIUM_FLAGS } },
  },
  firefox: {
    driver: (port) => [process.env.GECKODRIVER ?? `${homedir()}/.cargo/bin/geckodriver`, ['--port', String(port)]],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        args: ['-headless', '-width=1280', '-height=900'],
        prefs: {
          'media.navigator.streams.fake': true,
          'media.navigator.permission.disabled': true,
          // No update checks, telemetry or remote settings: the privacy audit sees only the page.
          'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false, 'browser.shell.checkDefaultBrowser': false,
        },
      },
    },
  },
  webkit: {
    // WebKitWebDriver hangs (rather than failing) without a display: always under Xvfb.
    driver: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', '/usr/bin/WebKitWebDriver', `--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        // MiniBrowser refuses the session unless --automation is among any args given.
        args: ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'],
      },
    },
  },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function waitUntilReady(url, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`driver exited with ${child.exitCode}`);
    try {
      if ((await fetch(url + '/status')).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`driver not ready at ${url} after ${seconds} s`);
}

/// Starts the engine's driver and one browser session; `quit()` ends both.
export async function launch(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}`);
  const port = await freePort();
  const [command, args] = spec.driver(port);
  // Its own process group, so quitting also ends Xvfb and the browser.
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  try {
    await waitUntilReady(url, child, 30);
    const session = new Builder().usingServer(url).withCapabilities(new Capabilities(spec.capabilities)).build();
    // Session creation is where WebKit would hang: never wait on it for ever.
    const driver = await Promise.race([
      session.then((d) => d),
      new Promise((_, reject) => setTimeout(() => reject(new Error('session not created in 60 s')), 60_000)),
    ]);
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
    driver.engine = engine;
    driver.stopDriver = async () => { await driver.quit().catch(() => {}); stop(); };
    return driver;
  } catch (e) {
    stop();
    throw new Error(`${engine}: ${e.message}\n${stderr}`);
  }
}
