#!/usr/bin/env bash
# Runs the end-to-end suite in the three engines (tests/engines) against the built dist/.
#
# The engines run side by side, one Playwright process each, when this machine can give each
# process a network namespace of its own (`unshare --net`, as root or with user namespaces):
# each then has its own 127.0.0.1, so all three serve the checker on ports 8080 and 8081, as
# the sample cards' links say, without meeting. Files the tests write are kept apart by
# ENGINES_RUN (tests/engines/engines.config.mjs). The camera tests, which play videos in real
# time, then run on their own, one engine at a time. Otherwise, or with ENGINES_PARALLEL=0,
# the engines run one after another in one process.
#
# Extra arguments go to Playwright (e.g. a spec file). Ends with "N passed, N failed", after a
# "NOTE: N flaky" line if a test passed only when retried.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
config=tests/engines/engines.config.mjs
logs=target/engines/logs
mkdir -p "$logs"
rm -f "$logs"/*.txt

# Playwright's own summary lines: "  12 passed (3.1m)", "  1 flaky", "  2 failed".
count() { grep -aE "^\s+[0-9]+ $2" "$1" | tail -1 | grep -oE '[0-9]+' | head -1; }

in_own_network() { unshare --net bash -c 'ip link set lo up && exec "$@"' _ "$@"; }

# The camera tests play card videos in real time and wait for what the scanner makes of them:
# they run alone, after the side-by-side run, so that no other engine takes their CPU.
timed_by_video='camera-photo\.spec\.mjs'

if [ "${ENGINES_PARALLEL:-1}" != 0 ] && unshare --net true 2>/dev/null && command -v ip >/dev/null; then
  echo "engines side by side, each in its own network namespace: chromium, firefox, webkit"
  pids=()
  for engine in chromium firefox webkit; do
    ( ENGINES_RUN=$engine ENGINES_SKIP=$timed_by_video in_own_network npx playwright test --config "$config" --project="$engine" "$@" 2>&1 \
        | sed -u "s/^/[$engine] /" | tee "$logs/$engine.txt" >/dev/null
      exit "${PIPESTATUS[0]}" ) &
    pids+=($!)
  done
  # Progress as it comes, without interleaving half lines.
  tail -q -n +1 -F "$logs"/chromium.txt "$logs"/firefox.txt "$logs"/webkit.txt 2>/dev/null &
  tailer=$!
  status=0
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  sleep 1
  kill "$tailer" 2>/dev/null
  wait "$tailer" 2>/dev/null
  if [ $# -eq 0 ]; then
    echo "the camera videos' tests, one engine at a time"
    in_own_network npx playwright test --config "$config" camera-photo.spec.mjs 2>&1 | tee "$logs/camera.txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  fi
else
  echo "engines one after another (no network namespace here, or ENGINES_PARALLEL=0)"
  npx playwright test --config "$config" "$@" 2>&1 | tee "$logs/all.txt"
  status=${PIPESTATUS[0]}
fi

passed=0; failed=0; flaky=0
for log in "$logs"/*.txt; do
  sed -i 's/^\[[a-z]*\] //' "$log"
  p=$(count "$log" passed); f=$(count "$log" failed); k=$(count "$log" flaky)
  if [ -z "$p$f$k" ]; then
    echo "$(basename "$log" .txt): the suite did not run (see above)"
    failed=$((failed + 1))
  fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); flaky=$((flaky + ${k:-0}))
done
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
[ "$flaky" -eq 0 ] || echo "NOTE: $flaky flaky (passed when retried; listed above)"
echo "$((passed + flaky)) passed, $failed failed"
