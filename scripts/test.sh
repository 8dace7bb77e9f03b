#!/usr/bin/env bash
# Every test, from a fresh machine: installs what is missing, then runs the Rust tests
# (unit, property, vectors, Wycheproof, CLI), the wasm32 build of the core, and the
# independent Python check of the vectors. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0
failed=0

step() { printf '\n== %s\n' "$*"; }
count_cargo() { # sums "test result: ... N passed; M failed" lines of a cargo test log
  local p f
  p=$(grep -a '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1/' | paste -sd+ | bc)
  f=$(grep -a '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\2/' | paste -sd+ | bc)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
}
fail_step() { echo "FAILED: $*"; failed=$((failed + 1)); }

step "set-up"
./scripts/setup.sh || { echo "set-up failed"; echo "0 passed, 1 failed"; exit 1; }

step "Rust tests (core and issuer tool)"
cargo test --workspace --locked 2>&1 | tee "$log/cargo.txt"
status=${PIPESTATUS[0]}
count_cargo "$log/cargo.txt"
[ "$status" -eq 0 ] || grep -aq '^test result: FAILED' "$log/cargo.txt" || fail_step "cargo test (build error)"

step "core builds for wasm32-unknown-unknown (no I/O, no std)"
if cargo build -p warrant-core --target wasm32-unknown-unknown --release --locked; then passed=$((passed + 1)); else fail_step "wasm32 build"; fi

step "fuzz targets still compile"
if cargo check --manifest-path fuzz/Cargo.toml --quiet; then passed=$((passed + 1)); else fail_step "fuzz check"; fi

step "test vectors checked by an independent implementation (Python pycose)"
tests/independent/run.sh 2>&1 | tee "$log/py.txt"
line=$(tail -n 1 "$log/py.txt")
if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
  fail_step "independent vector check did not run"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
