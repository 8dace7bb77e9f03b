#!/usr/bin/env bash
# The lists at national scale (issue 13): 50 forces, 300,000 cards, 3% revoked. Writes the
# signed lists as a checker would fetch them, times opening them and verifying a card with
# all of them held, and reports what they would add to a checker's first visit (brotli).
# Usage: benches/national.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --quiet --release --locked -p warrant-core --example national_scale -- "$out"
node --input-type=module - "$out" <<'JS'
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
const dir = process.argv[2];
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
let raw = 0, compressed = 0, files = 0;
for (const name of readdirSync(dir)) {
  const bytes = readFileSync(`${dir}/${name}`);
  raw += bytes.length; compressed += br(bytes); files += 1;
  if (name === 'trust-list.cose') console.log(`trust list: ${bytes.length} bytes, ${br(bytes)} brotli`);
}
console.log(`all lists: ${files} files, ${raw} bytes, ${compressed} brotli: what a first visit fetches on top of the page, in ${files} requests`);
JS
