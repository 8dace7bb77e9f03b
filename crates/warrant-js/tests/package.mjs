// The npm package as an integrator gets it: the tarball scripts/build-js-module.sh packs is
// installed from the file, offline, into an empty scratch project; imported in Node (ESM) by
// its name; a small TypeScript example type-checks against it (`tsc --noEmit`); the browser
// entry loads given the Wasm bytes; and every check of node.mjs (every test vector) runs
// through the installed package. Prints one line per check and "N passed, N failed".
// Usage: node crates/warrant-js/tests/package.mjs [tarball] (after scripts/build-js-module.sh).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deepStrictEqual, ok, strictEqual } from 'node:assert';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const NAME = '@warrant-check/verify';
const crateVersion = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: repo, encoding: 'utf8' }))
  .packages.find((p) => p.name === 'warrant-js').version;
const tarball = process.argv[2] ?? join(repo, 'target/warrant-js', `warrant-check-verify-${crateVersion}.tgz`);
const tsc = join(repo, 'node_modules/.bin/tsc');

let passed = 0;
let failed = 0;
function check(name, body) {
  try {
    body();
    console.log(`ok   ${name}`);
    passed += 1;
  } catch (e) {
    console.log(`FAIL ${name}: ${e.message}${e.stdout ? `\n${e.stdout}` : ''}${e.stderr ? `\n${e.stderr}` : ''}`);
    failed += 1;
  }
}
const run = (cmd, args, cwd, extra = {}) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...extra });

const scratch = mkdtempSync(join(tmpdir(), 'warrant-npm-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const installed = join(scratch, 'node_modules', ...NAME.split('/'));

check(`the tarball is named for the crate's version (${crateVersion}) and its package.json says so`, () => {
  ok(existsSync(tarball), `${tarball} is missing: run scripts/build-js-module.sh`);
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], repo));
  strictEqual(manifest.name, NAME);
  strictEqual(manifest.version, crateVersion);
  strictEqual(manifest.type, 'module');
  ok(manifest.types && manifest.exports['.'].types && manifest.exports['.'].node && manifest.exports['.'].default, 'types and exports for Node and browsers');
  const files = run('tar', ['-tzf', tarball], repo).trim().split('\n').sort();
  for (const needed of ['package/README.md', 'package/node.js', 'package/package.json', 'package/warrant_js.d.ts', 'package/warrant_js.js', 'package/warrant_js_bg.wasm']) {
    ok(files.includes(needed), `${needed} is in the tarball (it holds ${files.join(', ')})`);
  }
});

check('it installs from the file into an empty project, offline, with nothing else', () => {
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'force-system', version: '1.0.0', private: true, type: 'module' }));
  // A cache of its own, empty: the install can only use the tarball.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(scratch, '.npm-cache'), tarball], scratch);
  strictEqual(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version, crateVersion);
  deepStrictEqual(readdirSync(join(scratch, 'node_modules')).filter((n) => !n.startsWith('.')), ['@warrant-check'], 'no dependencies');
});

// A file in the project that imports the package by its name, as the integrator's code does.
writeFileSync(join(scratch, 'entry.mjs'), `export * from '${NAME}';\nexport { default } from '${NAME}';\n`);

check('imported by name in Node (ESM), it is ready at once and exports everything the module does', () => {
  const script = `
    import * as pkg from '${NAME}';
    import { readFileSync } from 'node:fs';
    const raw = await import(${JSON.stringify(join(installed, 'warrant_js.js'))});
    const names = (m) => Object.keys(m).filter((k) => k !== 'default').sort();
    if (JSON.stringify(names(raw)) !== JSON.stringify(names(pkg))) throw new Error('exports differ: ' + names(raw) + ' / ' + names(pkg));
    // No init() called: the Node entry has instantiated the Wasm on import.
    const v = JSON.parse(readFileSync(${JSON.stringify(join(repo, 'tests/vectors/genuine.json'))}, 'utf8'));
    const b = (t) => new Uint8Array(Buffer.from(t, 'base64url'));
    const r = pkg.verify(v.qr_text, { root: v.root_public_key_pem, trustList: b(v.trust_list), revocationLists: v.revocation_lists.map(b) }, Date.parse(v.now) / 1000);
    console.log(import.meta.resolve('${NAME}'), r.verdict);
  `;
  const [resolved, verdict] = run('node', ['--input-type=module', '-e', script], scratch).trim().split(' ');
  ok(resolved.endsWith('/node.js'), `Node resolves the package to its Node entry (${resolved})`);
  strictEqual(verdict, 'genuine');
});

check('browsers and their bundlers get the plain module (export condition "browser"), which runs given the Wasm', () => {
  const script = `
    import init, { verify } from '${NAME}';
    import { readFileSync } from 'node:fs';
    const where = import.meta.resolve('${NAME}');
    if (!where.endsWith('/warrant_js.js')) throw new Error('resolved to ' + where);
    await init({ module_or_path: readFileSync(new URL('./warrant_js_bg.wasm', where)) });
    const v = JSON.parse(readFileSync(${JSON.stringify(join(repo, 'tests/vectors/genuine.json'))}, 'utf8'));
    const b = (t) => new Uint8Array(Buffer.from(t, 'base64url'));
    const r = verify(v.qr_text, { root: v.root_public_key_pem, trustList: b(v.trust_list), revocationLists: v.revocation_lists.map(b) }, Date.parse(v.now) / 1000);
    console.log(r.verdict);
  `;
  strictEqual(run('node', ['--conditions=browser', '--input-type=module', '-e', script], scratch).trim(), 'genuine');
});

// The TypeScript example from the package's README, as an integrator would write it.
const example = `
import init, { verify, type Card, type Lists, type Result } from '${NAME}';

export async function whoIsIt(qrText: string, lists: Lists, now?: number): Promise<string> {
  await init();
  const result: Result = verify(qrText, lists, now);
  if ((result.verdict === 'genuine' || result.verdict === 'live') && result.card) {
    const card: Card = result.card;
    const role: 'police-officer' | 'special-constable' | 'pcso' | 'police-staff' = card.role;
    return \`\${card.rank} \${card.name} (\${card.number}, \${role}), valid to \${new Date(card.expiresAt * 1000).toISOString()}\`;
  }
  return result.verdict + (result.reason ? \` (\${result.reason})\` : '') + (result.warnings.length ? \`; \${result.warnings.join(', ')}\` : '');
}

// The types are real, not any: each of these is a type error.
export function misuse(lists: Lists): void {
  // @ts-expect-error a trust list is bytes, not text
  verify('x', { ...lists, trustList: 'trust-list.cose' });
  // @ts-expect-error the root key is required
  verify('x', { trustList: new Uint8Array() });
  // @ts-expect-error a verdict is text
  const n: number = verify('x', lists).verdict;
  void n;
}
`;
writeFileSync(join(scratch, 'example.ts'), example);

check('a TypeScript example type-checks against the package (tsc --noEmit, strict, declarations checked too)', () => {
  // As a browser project: everything checked, the package's own declarations included (its
  // loader names DOM types; wasm-bindgen's classes, Symbol.dispose).
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'esnext.disposable', 'dom'], types: [], skipLibCheck: false },
    files: ['example.ts'],
  }));
  run(tsc, ['--noEmit', '-p', 'tsconfig.json'], scratch);
});

check('and as a Node project without the DOM types (skipLibCheck, as tsc --init sets)', () => {
  writeFileSync(join(scratch, 'tsconfig.node.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: true },
    files: ['example.ts'],
  }));
  run(tsc, ['--noEmit', '-p', 'tsconfig.node.json'], scratch);
});

check('a type error in the example is caught (the check above is not vacuous)', () => {
  writeFileSync(join(scratch, 'wrong.ts'), `import { verify } from '${NAME}';\nexport const v: number = verify('x', { root: '', trustList: new Uint8Array() }).verdict;\n`);
  writeFileSync(join(scratch, 'tsconfig.wrong.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
    files: ['wrong.ts'],
  }));
  let said = '';
  try {
    run(tsc, ['--noEmit', '-p', 'tsconfig.wrong.json'], scratch);
  } catch (e) {
    said = e.stdout;
  }
  ok(/wrong\.ts.*TS2322/.test(said), `tsc should refuse wrong.ts: ${said || 'it passed'}`);
});

// Every check of node.mjs (every vector, bad lists), through the installed package.
let suite = '';
try {
  suite = run('node', [join(repo, 'crates/warrant-js/tests/node.mjs'), join(scratch, 'entry.mjs')], scratch);
} catch (e) {
  suite = `${e.stdout ?? ''}${e.stderr ?? ''}`;
}
const lines = suite.trim().split('\n');
const summary = lines.at(-1).match(/^(\d+) passed, (\d+) failed$/);
for (const line of lines.slice(0, summary ? -1 : undefined)) {
  console.log(`     ${line}`);
}
if (summary && Number(summary[1]) > 0) {
  console.log(`${Number(summary[2]) ? 'FAIL' : 'ok  '} node.mjs through the installed package: ${summary[0]}`);
  passed += Number(summary[1]);
  failed += Number(summary[2]);
} else {
  console.log('FAIL node.mjs through the installed package did not run');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
