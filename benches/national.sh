#!/usr/bin/env bash
# The lists at national scale: 50 forces, 300,000 cards, 3% revoked. Writes the signed lists
# (one per force, and the bundle a checker fetches), times opening them and verifying a card
# with all of them held, and reports what they add to a first visit (brotli). Then the same
# revocations as signed revocation filters (docs/FORMAT.md §14; examples/national_filters.rs).
# Then the card directories for the desk (docs/FORMAT.md §13): the same 50 forces' records of
# issued cards (crates/warrant-issuer/examples/national_records.rs), each force's directory
# built with `warrant-issuer directory` (every code's keys derived: Argon2id, on both cores),
# the bundle of them (`bundle --directories`), their bytes raw and brotli, and the time to
# rebuild the largest force's directory after one new card. Takes about 10 minutes on 2 cores.
# Usage: benches/national.sh [--long-name]   (one 61-character name per force: see the example)
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

# Revocation filters (docs/FORMAT.md §14): the same forces, serials and revocations, each
# force's filter built from every serial it issued and signed, and their bundle; bytes raw and
# brotli per force and national, build and lookup time, and every issued serial asked of its
# force's filter: the count of wrong answers must be 0 (the example fails otherwise).
cargo run --quiet --release --locked -p warrant-core --example national_filters -- "$out/filters"
node --input-type=module - "$out" <<'JS'
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
const dir = process.argv[2];
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const files = readdirSync(`${dir}/filters/per-force`).sort().map((n) => [n, readFileSync(`${dir}/filters/per-force/${n}`)]);
const sizes = files.map(([n, b]) => [n, b.length, br(b)]);
const others = sizes.slice(1);
const range = (i) => `${Math.min(...others.map((s) => s[i]))}-${Math.max(...others.map((s) => s[i]))}`;
console.log(`filter per force: F00 (47,000 cards) ${sizes[0][1]} bytes, ${sizes[0][2]} brotli; each of the other ${others.length} ${range(1)} bytes, ${range(2)} brotli`);
console.log(`one filter per force: ${files.length} files, ${sizes.reduce((a, s) => a + s[1], 0)} bytes, ${sizes.reduce((a, s) => a + s[2], 0)} brotli`);
const bundle = readFileSync(`${dir}/filters/revocation-filters.cbor`);
const lists = readFileSync(`${dir}/revocations.cbor`);
console.log(`the filters bundle (revocation-filters.cbor): ${bundle.length} bytes, ${br(bundle)} brotli, against ${br(lists)} brotli for the lists bundle`);
JS

# The card directories.
target=${CARGO_TARGET_DIR:-target}
cargo build --quiet --release --locked -p warrant-issuer --bin warrant-issuer --example national_records
tool=$target/release/warrant-issuer
dirs=$out/directories
"$target/release/examples/national_records" "$dirs" "$@"
start=$(date +%s.%N)
for record in "$dirs"/records/issued-*.jsonl; do
  force=$(basename "$record" .jsonl); force=${force#issued-}
  "$tool" directory --record "$record" --out "$dirs/directory-$force.cbor" >> "$dirs/built.txt"
done
end=$(date +%s.%N)
derive=$(sed -n "s/.*derived [0-9]* new codes' keys in \([0-9.]*\) s.*/\1/p" "$dirs/built.txt" | paste -sd+ | bc)
echo "directories: 50 forces built from their records in $(echo "$end - $start" | bc) s, of which $derive s deriving every code's keys (Argon2id 4 MiB, $(nproc) cores)"
grep directory-F00 "$dirs/built.txt"
start=$(date +%s.%N)
"$tool" bundle --directories --trust-list "$dirs/trust-list.cose" --root "$dirs/root.pub.pem" --out "$dirs/directories.cbor" "$dirs"/directory-F*.cbor
end=$(date +%s.%N)
echo "bundle --directories: $(echo "$end - $start" | bc) s"
"$tool" issue --key "$dirs/F00.key.pem" --issuer F00 --checker-address https://check.police.uk/ --record "$dirs/records/issued-F00.jsonl" \
  --name "Jane Smith" --rank "Police Constable" --number 1234 --role police-officer --expires 2031-01-01 --out-dir "$dirs/new-card" > /dev/null
start=$(date +%s.%N)
"$tool" directory --record "$dirs/records/issued-F00.jsonl" --out "$dirs/directory-F00.cbor"
end=$(date +%s.%N)
echo "rebuilding F00's directory after one new card: $(echo "$end - $start" | bc) s wall time"
node --input-type=module - "$dirs" <<'JS'
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
const dir = process.argv[2];
// Quality 9, not 11: sealed entries are random bytes, which no quality compresses, and 11
// takes minutes on 60 MB (it is checked at 11 on the smallest file below).
const br = (b, quality = 9) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
const files = readdirSync(dir).filter((n) => /^directory-F\d+\.cbor$/.test(n)).sort();
let raw = 0, compressed = 0;
for (const name of files) { const b = readFileSync(`${dir}/${name}`); raw += b.length; compressed += br(b); }
const f00 = readFileSync(`${dir}/directory-F00.cbor`);
console.log(`the largest force's directory (F00, 47,001 cards): ${f00.length} bytes (${mb(f00.length)}), ${br(f00)} brotli`);
const small = readFileSync(`${dir}/${files[files.length - 1]}`);
console.log(`a ${files[files.length - 1]} of the others: ${small.length} bytes, ${br(small)} brotli at quality 9, ${br(small, 11)} at quality 11`);
console.log(`one directory per force: ${files.length} files, ${raw} bytes (${mb(raw)}), ${compressed} brotli (${mb(compressed)})`);
const bundle = readFileSync(`${dir}/directories.cbor`);
console.log(`the national bundle (directories.cbor): ${bundle.length} bytes (${mb(bundle.length)}), ${br(bundle)} brotli (${mb(br(bundle))})`);
JS
