#!/usr/bin/env bash
# The lists at national scale (issue 13): 50 forces, 300,000 cards, 3% revoked. Writes the
# signed lists (one per force, and the bundle a checker fetches), times opening them and
# verifying a card with all of them held, and reports what they add to a first visit (brotli).
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
const sizes = (paths) => paths.reduce(([raw, compressed], p) => { const b = readFileSync(p); return [raw + b.length, compressed + br(b)]; }, [0, 0]);
const [trustRaw, trustBr] = sizes([`${dir}/trust-list.cose`]);
console.log(`trust list: ${trustRaw} bytes, ${trustBr} brotli`);
const perForce = readdirSync(`${dir}/per-force`).map((n) => `${dir}/per-force/${n}`);
const [listsRaw, listsBr] = sizes(perForce);
console.log(`one list per force: ${perForce.length} files, ${listsRaw} bytes, ${listsBr} brotli; with the trust list ${perForce.length + 1} requests, ${listsBr + trustBr} brotli`);
const [bundleRaw, bundleBr] = sizes([`${dir}/revocations.cbor`]);
console.log(`the bundle the checker fetches (revocations.cbor): ${bundleRaw} bytes, ${bundleBr} brotli; with the trust list 2 requests, ${bundleBr + trustBr} brotli`);
JS
