#!/usr/bin/env bash
# Sets up, builds the checker with a DEMO trust list and sample cards, and serves it on
# http://127.0.0.1:8080/ (sample cards: http://127.0.0.1:8080/samples/). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
./scripts/setup.sh
./scripts/build-checker.sh "http://127.0.0.1:$port/"
echo "Open http://127.0.0.1:$port/ (checker) and http://127.0.0.1:$port/samples/ (sample cards)."
exec node tools/serve.mjs dist "$port"
