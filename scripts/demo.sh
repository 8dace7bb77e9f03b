#!/usr/bin/env bash
# Sets up, builds the checker with a DEMO trust list and sample cards, and serves it on
# http://127.0.0.1:8080/ (sample cards: /samples/, call-centre desk: /desk.html), with an
# example force website embedding it on http://127.0.0.1:8081/. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}
site_port=${SITE_PORT:-8081}
./scripts/setup.sh
./scripts/build-checker.sh "http://127.0.0.1:$port/"
node tools/serve-example.mjs "$site_port" "http://127.0.0.1:$port" &
site=$!
trap 'kill $site 2>/dev/null' EXIT
echo "Open http://127.0.0.1:$port/ (checker), http://127.0.0.1:$port/desk.html (call-centre desk),"
echo "http://127.0.0.1:$port/samples/ (sample cards) and http://127.0.0.1:$site_port/ (a force website embedding it)."
EMBED_ANCESTORS="http://127.0.0.1:$site_port http://localhost:$site_port" node tools/serve.mjs dist "$port"
