#!/usr/bin/env bash
# The public checker built with national-scale trust data, for benches/time-to-verdict.mjs:
# the trust list, revocation lists and revocation filters of benches/national.sh (50 forces,
# 299,987 cards, 3% revoked: crates/warrant-core/examples/national_scale.rs and
# national_filters.rs, dated now so they are current),
# baked in and published beside the page as scripts/build-checker.sh does with the demo's,
# and a samples.json naming one genuine card of the largest force. Only the public page is
# built (the officer page and desk are fetched by nobody on a first visit); the desk's
# directory bundle is the demo's (finish-dist publishes one; nothing here reads it).
# Writes OUT/trust and OUT/dist, never dist/. Serve OUT/dist with tools/serve.mjs.
# Usage: benches/national-checker.sh [OUT, default $CARGO_TARGET_DIR/national-checker]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target=${CARGO_TARGET_DIR:-target}
out=$(realpath -m "${1:-$target/national-checker}")
trust=$out/trust
dist=$out/dist
rm -rf "$trust" "$dist"
mkdir -p "$trust"

now=$(date +%s)
cargo run --quiet --release --locked -p warrant-core --example national_scale -- "$trust" "$now"
# The same forces' revocation filters (docs/FORMAT.md §14), signed with the same keys at the
# same time: what the page fetches (revocation-filters.cbor) and bakes in.
cargo run --quiet --release --locked -p warrant-core --example national_filters -- "$trust/filters" "$now" >/dev/null
# The checker bakes in and publishes revocations-*.cose and revocation-filter-*.cose from the
# folder's top (build.rs, finish-dist.mjs); the examples write them under per-force/.
cp "$trust"/per-force/revocations-*.cose "$trust"/filters/per-force/revocation-filter-*.cose "$trust"/filters/revocation-filters.cbor "$trust"/
[ -f demo-out/directories.cbor ] || cargo run --quiet --release --locked -p warrant-issuer -- demo --out demo-out
cp demo-out/directories.cbor "$trust"/

WARRANT_TRUST_DIR="$trust" trunk build --release --offline --dist "$dist"
cargo build --quiet --locked -p scanner-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm-opt -Oz --strip-debug --strip-producers "$target/wasm32-unknown-unknown/wasm-release/scanner_wasm.wasm" -o "$dist/scanner.wasm"
node tools/finish-dist.mjs "$dist" "$trust"
node -e '
const [token, out] = process.argv.slice(1);
require("node:fs").writeFileSync(out, JSON.stringify({ samples: [{ name: "genuine", expected: "genuine",
  description: "A genuine, current card of the largest force (F00), national-scale lists.", qr_text: "https://check.police.uk/#" + token }] }, null, 2));
' "$(cat "$trust/card.token")" "$dist/samples.json"
node tools/precompress.mjs "$dist"
echo "national checker built in $dist ($(du -sh "$dist" | cut -f1))"
