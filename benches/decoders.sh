#!/bin/sh
# Builds the decoder benchmark's Wasm and runs it in headless Chromium (see benches/decoders/run.mjs).
# Usage: benches/decoders.sh [--per-condition 25] [--seed 2026]; assumes scripts/setup.sh has run.
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/bench-decoders
# Its own workspace and target dir: the main workspace's lock file and builds stay untouched.
(cd benches/decoders && cargo build --release --target wasm32-unknown-unknown --target-dir ../../$out)
wasm-bindgen --target web --out-dir $out/pkg $out/wasm32-unknown-unknown/release/decoder_bench.wasm
# As Trunk does for the checker (data-wasm-opt="z"), so ours is timed as users get it.
wasm-opt -Oz $out/pkg/decoder_bench_bg.wasm -o $out/pkg/decoder_bench_bg.wasm
exec node benches/decoders/run.mjs "$@"
