#!/usr/bin/env bash
# Every test, from a fresh machine: installs what is missing, then runs
#  1. the Rust tests (core: unit, property, vectors, Wycheproof; issuer CLI; widget logic;
#     the QR decoder on synthetic camera frames),
#  2. a 47,000-card batch signed through a SoftHSM2 token (PKCS#11), the wasm32 build of the
#     core and a compile check of the fuzz targets,
#  3. the independent Python (pycose) check of the test vectors,
#  4. the widget's component tests (wasm-bindgen-test) in Chromium, Firefox ESR and WebKitGTK,
#     and the JavaScript module for force systems in Node (every vector), also as the npm
#     package installed from its tarball (offline) and type-checked with tsc,
#     and the static server's answers to odd paths (4xx, security headers) in Node,
#  5. the built checker end to end in all three engines (tests/engines, over WebDriver):
#     every verdict by deep link and paste, the camera playing videos of a card (large, as
#     held at a door 15–20 cm away, moving, none), photos, the privacy and storage audits,
#     axe-core at phone width, 320 px and 200% zoom, keyboard-only use, Welsh and
#     right-to-left, the desk, the embed's isolation, offline use, the officer page and
#     iPhone needs; beside them (each suite in a network namespace of its own, where the
#     machine allows it) Chromium-only depth with Playwright (tests/e2e): request
#     interception, clocks, clipboard, installability, benchmarks, then Chromium's own fake
#     camera alone after; and behind Debian's nginx and Caddy with deploy/'s site configurations (tests/servers):
#     headers of every file type, odd paths, the privacy audit, embed framing, a list
#     published to an open page, offline use, every sample, scripts/check-deployment.sh,
#     and `warrant-issuer publish` run twice into the served lists/ (a failed run between).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0
failed=0

step() { printf '\n== %s (at %s)\n' "$*" "$(date +%T)"; }
fail_step() { echo "FAILED: $*"; failed=$((failed + 1)); }
sum() { paste -sd+ | sed 's/^$/0/' | bc; }
count_cargo() { # adds up "test result: ... N passed; M failed" lines of a cargo test log
  passed=$((passed + $(grep -a '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1/' | sum)))
  failed=$((failed + $(grep -a '^test result:' "$1" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\2/' | sum)))
}
summary_tests() { # name, log file, command...: a suite that ends with "N passed, N failed"
  local name=$1 file=$2
  shift 2
  "$@" 2>&1 | tee "$file"
  local line
  line=$(tail -n 1 "$file")
  if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
  else
    fail_step "$name did not run"
  fi
}
count_playwright() { # name, log file, exit status: counts a Playwright test runner's summary
  local name=$1 file=$2 status=$3 p f k
  p=$(grep -aE '^\s+[0-9]+ passed' "$file" | tail -1 | grep -oE '[0-9]+' | head -1)
  f=$(grep -aE '^\s+[0-9]+ failed' "$file" | tail -1 | grep -oE '[0-9]+' | head -1)
  # Flaky: failed once, then passed when retried (tests/engines retries once).
  k=$(grep -aE '^\s+[0-9]+ flaky' "$file" | tail -1 | grep -oE '[0-9]+' | head -1)
  [ -z "$k" ] || echo "NOTE: $k flaky in $name (passed when retried; listed above)"
  passed=$((passed + ${p:-0} + ${k:-0})); failed=$((failed + ${f:-0}))
  [ "$status" -eq 0 ] || [ -n "$f" ] || fail_step "$name (did not run)"
}
playwright_tests() { # name, log file, Playwright arguments...: a suite run by Playwright's test runner
  local name=$1 file=$2
  shift 2
  npx playwright test "$@" 2>&1 | tee "$file"
  count_playwright "$name" "$file" "${PIPESTATUS[0]}"
}
# A network namespace of its own gives a suite its own 127.0.0.1 (ports 8080/8081 free), so
# suites that are mostly waiting on browsers can run side by side (as root, or with user
# namespaces; scripts/engines.sh does the same for the three engines).
can_isolate() { unshare --net true 2>/dev/null && command -v ip >/dev/null; }
in_own_network() { unshare --net bash -c 'ip link set lo up && exec "$@"' _ "$@"; }
cargo_tests() { # name, log file, command...
  local name=$1 file=$2
  shift 2
  "$@" 2>&1 | tee "$file"
  local status=${PIPESTATUS[0]}
  count_cargo "$file"
  [ "$status" -eq 0 ] || grep -aq '^test result: FAILED' "$file" || fail_step "$name (did not build or run)"
}

step "set-up"
if ! ./scripts/setup.sh; then echo "set-up failed"; echo "0 passed, 1 failed"; exit 1; fi

step "Rust tests, native (core, issuer tool, widget logic, decoder on camera frames)"
cargo_tests "cargo test" "$log/cargo.txt" cargo test --workspace --locked

step "47,000 cards issued through a SoftHSM2 token (every card in the manifest; the rate reported, not asserted)"
if benches/hsm-batch.sh 47000 1 token; then passed=$((passed + 1)); else fail_step "47,000-card batch through the token"; fi

step "core builds for wasm32-unknown-unknown (no I/O)"
if cargo build -p warrant-core --target wasm32-unknown-unknown --profile wasm-release --locked; then passed=$((passed + 1)); else fail_step "wasm32 build"; fi

step "fuzz targets still compile"
if CARGO_TARGET_DIR=target/fuzz-check cargo check --manifest-path fuzz/Cargo.toml --quiet; then passed=$((passed + 1)); else fail_step "fuzz check"; fi

step "test vectors checked by an independent implementation (Python pycose)"
summary_tests "independent vector check" "$log/py.txt" tests/independent/run.sh

# One build of the component tests, run by wasm-bindgen-test-runner in each engine (it picks
# the browser from the driver variable it is given).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
step "widget components in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo_tests "component tests, Chromium" "$log/wasm.txt" cargo test --locked --profile wasm-test --target wasm32-unknown-unknown --test components
step "widget components in headless Firefox ESR"
GECKODRIVER="$HOME/.cargo/bin/geckodriver" \
  cargo_tests "component tests, Firefox" "$log/wasm-firefox.txt" cargo test --locked --profile wasm-test --target wasm32-unknown-unknown --test components
step "widget components in WebKitGTK (under Xvfb: it has no headless mode)"
SAFARIDRIVER=/usr/bin/WebKitWebDriver \
  cargo_tests "component tests, WebKit" "$log/wasm-webkit.txt" timeout 600 xvfb-run -a cargo test --locked --profile wasm-test --target wasm32-unknown-unknown --test components
unset CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER

step "the JavaScript module for force systems, in Node (every vector), and its npm package"
if ./scripts/build-js-module.sh; then
  summary_tests "JS module tests" "$log/js.txt" node crates/warrant-js/tests/node.mjs
  # The npm package as an integrator installs it (from the tarball, offline), imports it and
  # type-checks against it; then every check above through it (~20 s).
  summary_tests "npm package tests" "$log/npm.txt" node crates/warrant-js/tests/package.mjs
else
  fail_step "JS module build"
fi

step "the static server answers odd paths (bad escapes, .., NUL) with a 4xx and its security headers (Node)"
summary_tests "static server tests" "$log/serve.txt" node tools/serve.test.mjs

step "build the checker with the demo trust list, and the fake camera's videos"
if ./scripts/build-checker.sh && mkdir -p target/e2e \
  && genuine=$(node -e "const s=require('./dist/samples.json').samples.find(s=>s.name==='genuine');process.stdout.write(s.qr_text)") \
  && cargo run --quiet --release --locked -p card-frames --bin card-video -- "$genuine" target/e2e/card.y4m 10 \
  && cargo run --quiet --release --locked -p card-frames --bin card-video -- "$genuine" target/e2e/card-door.y4m 10 2.9 \
  && cargo run --quiet --release --locked -p card-frames --bin card-video -- "$genuine" target/e2e/card-moving.y4m 6 4 10 \
  && cargo run --quiet --release --locked -p card-frames --bin card-video -- "" target/e2e/nothing.y4m 4; then
  e2e=tests/e2e/playwright.config.mjs
  servers=tests/servers/servers.config.mjs
  if can_isolate; then
    # The browser suites spend most of their time waiting on pages, so the Chromium-only page
    # tests and the nginx/Caddy suite run in the background beside the three engines, each in
    # a network namespace of its own; their logs are printed when they end. Everything timed
    # by a video playing (the cameras) runs after, alone.
    ( in_own_network npx playwright test --config "$e2e" --project page > "$log/e2e-page.txt" 2>&1
      echo $? > "$log/e2e-page.status"
      in_own_network npx playwright test --config "$servers" > "$log/servers.txt" 2>&1
      echo $? > "$log/servers.status" ) &
    beside=$!
    step "end to end in Chromium, Firefox ESR and WebKitGTK (WebDriver; tests/engines; the engines side by side), with the Chromium-only page tests (tests/e2e) and the nginx/Caddy suite (tests/servers) beside them"
    summary_tests "engines suite" "$log/engines.txt" ./scripts/engines.sh
    wait "$beside"
    step "(ran beside the engines) end to end, Chromium-only depth (Playwright; tests/e2e, page tests)"
    cat "$log/e2e-page.txt"
    count_playwright "playwright (page)" "$log/e2e-page.txt" "$(cat "$log/e2e-page.status" 2>/dev/null || echo 1)"
    step "(ran beside the engines) the checker behind Debian's nginx and Caddy with deploy/'s configurations (Chromium; tests/servers)"
    cat "$log/servers.txt"
    count_playwright "servers suite" "$log/servers.txt" "$(cat "$log/servers.status" 2>/dev/null || echo 1)"
    step "end to end, Chromium's fake camera playing the card videos (Playwright; tests/e2e, alone)"
    playwright_tests "playwright (camera)" "$log/e2e-camera.txt" --config "$e2e" --project 'camera*'
  else
    step "end to end in Chromium, Firefox ESR and WebKitGTK (WebDriver; tests/engines)"
    summary_tests "engines suite" "$log/engines.txt" ./scripts/engines.sh
    step "end to end, Chromium-only depth (Playwright; tests/e2e)"
    playwright_tests "playwright" "$log/e2e.txt" --config "$e2e"
    step "the checker behind Debian's nginx and Caddy with deploy/'s configurations (Chromium; tests/servers)"
    playwright_tests "servers suite" "$log/servers.txt" --config "$servers"
  fi
else
  fail_step "checker build"
fi

echo
echo "(all of it took $((SECONDS / 60)) min $((SECONDS % 60)) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
