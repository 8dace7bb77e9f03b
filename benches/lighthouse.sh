#!/usr/bin/env bash
# Lighthouse mobile scores of the served checker (serve dist/ first, e.g. scripts/demo.sh).
# Lighthouse is installed from npm into target/lighthouse, outside the test dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
url=${1:-http://127.0.0.1:8080/}
[ -x target/lighthouse/node_modules/.bin/lighthouse ] || npm install --prefix target/lighthouse lighthouse --no-audit --no-fund
CHROME_PATH=/usr/bin/chromium target/lighthouse/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path=target/lighthouse/report.json \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
node -e "const r=require('./target/lighthouse/report.json');for(const [k,v] of Object.entries(r.categories))console.log(k, Math.round(v.score*100));for(const k of ['first-contentful-paint','largest-contentful-paint','total-blocking-time','cumulative-layout-shift','total-byte-weight'])console.log(k, r.audits[k].displayValue)"
