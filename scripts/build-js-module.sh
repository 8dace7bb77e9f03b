#!/usr/bin/env bash
# Builds the JavaScript module for force systems (crates/warrant-js) into target/warrant-js/:
# an ES module, its Wasm and TypeScript types, for browsers and Node alike. Then packs it as
# the npm package @warrant-check/verify (package.json, Node entry and README from
# crates/warrant-js/npm/, the version from the crate) into
# target/warrant-js/warrant-check-verify-<version>.tgz. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/warrant-js
cargo build --quiet --locked -p warrant-js --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --out-dir "$out" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/warrant_js.wasm"
wasm-opt -Oz "$out/warrant_js_bg.wasm" -o "$out/warrant_js_bg.wasm"
echo "built $out/ ($(du -sh "$out" --exclude=package --exclude='*.tgz' | cut -f1)): warrant_js.js, warrant_js_bg.wasm, warrant_js.d.ts"

# The npm package: whatever wasm-bindgen wrote, plus crates/warrant-js/npm/.
version=$(cargo metadata --no-deps --format-version 1 --offline \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).packages.find(p=>p.name==="warrant-js").version))')
pkg="$out/package"
rm -rf "$pkg" "$out"/warrant-check-verify-*.tgz
mkdir -p "$pkg"
cp -r "$out"/warrant_js* crates/warrant-js/npm/node.js crates/warrant-js/npm/README.md "$pkg/"
[ ! -d "$out/snippets" ] || cp -r "$out/snippets" "$pkg/"
node -e 'const p=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));p.version=process.argv[2];process.stdout.write(JSON.stringify(p,null,2)+"\n")' \
  crates/warrant-js/npm/package.json "$version" > "$pkg/package.json"
tgz=$(cd "$pkg" && npm pack --silent --pack-destination .. | tail -n 1)
echo "packed $out/$tgz ($(du -h "$out/$tgz" | cut -f1)): npm install ./$tgz"
