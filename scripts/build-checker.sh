#!/usr/bin/env bash
# Builds the checker into dist/ with the DEMO trust data: demo keys, lists and sample cards
# from `warrant-issuer demo` (in demo-out/), baked in and published beside the page.
# Usage: scripts/build-checker.sh [checker address, default http://127.0.0.1:8080/]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
address=${1:-http://127.0.0.1:8080/}
# Cargo's output directory: CARGO_TARGET_DIR when set (each agent or CI job its own), else target/.
target=${CARGO_TARGET_DIR:-target}

cargo run --quiet --release --locked -p warrant-issuer -- demo --out demo-out --checker-address "$address"
WARRANT_TRUST_DIR="$PWD/demo-out" trunk build --release --offline
# The officer page is the app's own entry point (src/officer_main.rs), so that the public
# page does not carry its code: built beside, then moved in (Trunk empties its dist first).
WARRANT_TRUST_DIR="$PWD/demo-out" trunk build --release --offline --dist "$target/officer-dist" www/officer.html
cp "$target/officer-dist/index.html" dist/officer.html
cp "$target"/officer-dist/warrant-officer-* dist/
# So is the call-centre desk (src/desk_main.rs), which alone carries the card directory's
# code (Argon2id, ChaCha20-Poly1305) to find a card by its check code, and its own styles.
WARRANT_TRUST_DIR="$PWD/demo-out" trunk build --release --offline --dist "$target/desk-dist" www/desk.html
cp "$target/desk-dist/index.html" dist/desk.html
cp "$target"/desk-dist/warrant-desk-* "$target"/desk-dist/desk-*.css dist/
# The QR decoder is a module of its own, fetched when a camera starts or a photo is given
# (src/browser/scanner.rs): optimised as Trunk optimises the page's Wasm.
cargo build --quiet --locked -p scanner-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm-opt -Oz --strip-debug --strip-producers "$target/wasm32-unknown-unknown/wasm-release/scanner_wasm.wasm" -o dist/scanner.wasm
# And the QR encoder, which only the officer page fetches, to draw its live code.
cargo build --quiet --locked -p qr-encode-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm-opt -Oz --strip-debug --strip-producers "$target/wasm32-unknown-unknown/wasm-release/qr_encode_wasm.wasm" -o dist/qr-encode.wasm
node tools/finish-dist.mjs dist demo-out
rm -rf dist/samples
cp -r demo-out/samples dist/samples
cp demo-out/samples.json dist/samples.json
# A .br and a .gz beside each compressible file, for nginx and Caddy to send as they are
# (deploy/, docs/HOSTING.md); never in lists/, which publishing replaces.
node tools/precompress.mjs dist
echo "checker built in dist/ ($(du -sh dist | cut -f1)); samples at dist/samples/"
