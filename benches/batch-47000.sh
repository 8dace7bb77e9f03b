#!/usr/bin/env bash
# Issues 47,000 cards (SVG + PNG + manifest, and the record of issued cards) from a generated CSV with the release build,
# as a force would for its whole staff, and reports the wall time and output size.
# Usage: benches/batch-47000.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-47000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --locked -p warrant-issuer --quiet
tool=${CARGO_TARGET_DIR:-target}/release/warrant-issuer
"$tool" keygen "$work/force" >/dev/null
python3 benches/staff_csv.py "$rows" > "$work/staff.csv"
start=$(date +%s.%N)
"$tool" batch --key "$work/force.key.pem" --issuer MPS --checker-address https://check.police.uk/ \
  --record "$work/issued.jsonl" --csv "$work/staff.csv" --expires 2030-01-01 --out-dir "$work/out"
end=$(date +%s.%N)
echo "rows: $rows, wall time: $(echo "$end - $start" | bc) s on $(nproc) cores, output: $(du -sh "$work/out" | cut -f1)"
echo "QR versions: $(cut -d, -f10 "$work/out/manifest.csv" | tail -n +2 | sort | uniq -c | tr '\n' ' ')"
