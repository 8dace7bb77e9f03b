#!/usr/bin/env bash
# Builds the checker into dist/ with the DEMO trust data: demo keys, lists and sample cards
# from `warrant-issuer demo` (in demo-out/), baked in and published beside the page.
# Usage: scripts/build-checker.sh [checker address, default http://127.0.0.1:8080/]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
address=${1:-http://127.0.0.1:8080/}

cargo run --quiet --release --locked -p warrant-issuer -- demo --out demo-out --checker-address "$address"
WARRANT_TRUST_DIR="$PWD/demo-out" trunk build --release --offline
node tools/finish-dist.mjs dist demo-out
rm -rf dist/samples
cp -r demo-out/samples dist/samples
cp demo-out/samples.json dist/samples.json
echo "checker built in dist/ ($(du -sh dist | cut -f1)); samples at dist/samples/"
