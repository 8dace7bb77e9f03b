#!/bin/sh
# Builds the decoder benchmark's Wasm and runs it in headless Chromium (see benches/decoders/run.mjs).
# Usage: benches/decoders.sh [--per-condition 25] [--seed 2026] [--empty-every 4] [--photos-only | --no-photos];
# assumes scripts/setup.sh has run.
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Its own workspace and target dir (DECODER_BENCH_OUT, else target/bench-decoders): the main
# workspace's lock file and builds stay untouched.
out=${DECODER_BENCH_OUT:-$PWD/target/bench-decoders}
export DECODER_BENCH_OUT="$out"
(cd benches/decoders && cargo build --release --target wasm32-unknown-unknown --target-dir "$out")
wasm-bindgen --target web --out-dir "$out/pkg" "$out/wasm32-unknown-unknown/release/decoder_bench.wasm"
# As Trunk does for the checker (data-wasm-opt="z"), so ours is timed as users get it.
wasm-opt -Oz "$out/pkg/decoder_bench_bg.wasm" -o "$out/pkg/decoder_bench_bg.wasm"
exec node benches/decoders/run.mjs "$@"
