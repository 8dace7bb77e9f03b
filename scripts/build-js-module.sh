#!/usr/bin/env bash
# Builds the JavaScript module for force systems (crates/warrant-js) into target/warrant-js/:
# an ES module, its Wasm and TypeScript types, for browsers and Node alike.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --quiet --locked -p warrant-js --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --out-dir target/warrant-js target/wasm32-unknown-unknown/wasm-release/warrant_js.wasm
wasm-opt -Oz target/warrant-js/warrant_js_bg.wasm -o target/warrant-js/warrant_js_bg.wasm
echo "built target/warrant-js/ ($(du -sh target/warrant-js | cut -f1)): warrant_js.js, warrant_js_bg.wasm, warrant_js.d.ts"
