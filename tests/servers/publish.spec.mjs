// `warrant-issuer publish` over a web root served by nginx (and Caddy), as the daily timer
// runs it (deploy/systemd/): each run re-signs the demo force's list and revocation filter
// from its register (and record of issued cards) and rebuilds both bundles in the served
// lists/; a page already open picks up the new filter when it next fetches its lists; a run
// that fails leaves the served lists as they were.
// Needs the release warrant-issuer that scripts/build-checker.sh builds (with dist/).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, dist } from './fixtures.mjs';
import { repo, start } from './start-server.mjs';
import { sample, fragment, verdictOf } from '../e2e/samples.mjs';

const issuer = resolve(repo, process.env.CARGO_TARGET_DIR ?? 'target', 'release/warrant-issuer');
const demo = (file) => resolve(repo, 'demo-out', file);

/// How many serials a register holds (lines beginning with one).
const serialsIn = (register) => readFileSync(register, 'utf8').split('\n').filter((line) => /^[0-9a-f]+\b/i.test(line)).length;

/// Runs the tool; its exit status and what it said.
function tool(args) {
  const run = spawnSync(issuer, args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return run;
}

test('publish run twice over a served web root: an open page picks up the new list; a failed run in between changes nothing served', async ({ page, serverKind }) => {
  const root = mkdtempSync(join(tmpdir(), 'warrant-publish-root-'));
  const work = mkdtempSync(join(tmpdir(), 'warrant-publish-work-'));
  cpSync(dist, root, { recursive: true });
  // The force's register, as the demo keeps it (the revoked sample's serial in it).
  const register = join(work, 'revoked-DEMO.txt');
  copyFileSync(demo('revoked-DEMO.txt'), register);
  const record = join(work, 'issued-DEMO.jsonl');
  copyFileSync(demo('issued-DEMO.jsonl'), record);
  const publish = (key = demo('demo-force.key.pem')) => tool(['publish', '--key', key, '--issuer', 'DEMO', '--register', register,
    '--root', demo('demo-root.pub.pem'), '--web-root', root, '--record', record]);
  const server = await start[serverKind]({ root });
  try {
    // What the page fetches: the filters bundle. The lists bundle is served beside it, for
    // other systems, from the same register.
    const served = async (file = 'revocation-filters.cbor') => {
      const answer = await fetch(`${server.origin}/lists/${file}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      return Buffer.from(await answer.arrayBuffer());
    };
    const onDisk = (file = 'revocation-filters.cbor') => readFileSync(join(root, 'lists', file));

    // First run: nothing new revoked, the list is signed again and served.
    const first = publish();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('lists/revocations-DEMO.cose, lists/revocations.cbor, lists/revocation-filter-DEMO.cose, lists/revocation-filters.cbor');
    expect(first.stdout).toContain(`${serialsIn(register)} serials revoked by DEMO`);
    const firstBundle = await served();
    expect(firstBundle.equals(onDisk())).toBe(true);
    expect(firstBundle.equals(readFileSync(join(dist, 'lists/revocation-filters.cbor')))).toBe(false);
    expect((await served('revocations.cbor')).equals(onDisk('revocations.cbor'))).toBe(true);
    expect((await served('revocations.cbor')).equals(readFileSync(join(dist, 'lists/revocations.cbor')))).toBe(false);

    const genuine = sample('genuine');
    await page.goto(`${server.origin}/${fragment(genuine)}`);
    expect(await verdictOf(page)).toBe('genuine');
    await page.waitForLoadState('networkidle');

    // The card is reported lost: its serial goes into the register.
    const serial = JSON.parse(tool(['inspect', genuine.qr_text]).stdout).serial;
    appendFileSync(register, `${serial}  # lost\n`);
    // The next run is signed in a later second, so its list is newer (a page takes only newer lists).
    const signedAt = Math.floor(Date.now() / 1000);
    await expect.poll(() => Math.floor(Date.now() / 1000), { intervals: [100] }).toBeGreaterThan(signedAt);

    // A run with a key the trust list does not give the force fails and changes nothing.
    expect(tool(['keygen', join(work, 'stranger')]).status).toBe(0);
    const failed = publish(join(work, 'stranger.key.pem'));
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('nothing was published');
    expect(failed.stderr).toContain("is not one of DEMO's keys in the trust list");
    expect((await served()).equals(firstBundle)).toBe(true);
    let fetched = page.waitForResponse((r) => r.url().endsWith('/lists/revocation-filters.cbor'));
    // The page fetches its lists again on load, every ten minutes and when back online.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    expect((await fetched).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'genuine');

    // Second run: the new list is served, and the open page picks it up.
    const second = publish();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`${serialsIn(register)} serials revoked by DEMO`);
    const secondBundle = await served();
    expect(secondBundle.equals(onDisk())).toBe(true);
    expect(secondBundle.equals(firstBundle)).toBe(false);
    fetched = page.waitForResponse((r) => r.url().endsWith('/lists/revocation-filters.cbor'));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    expect((await fetched).status()).toBe(200);
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'revoked');
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
});
