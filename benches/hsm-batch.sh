#!/usr/bin/env bash
# Issues 47,000 cards with the release build, signed through a PKCS#11 token (a throwaway
# SoftHSM2 token in a temporary folder, CKM_EDDSA), then the same CSV with a key file, and
# reports the wall time and cards per second of each. Rendering and writing ~94,000 files
# dominate both; crates/warrant-issuer/examples/hsm_sign_speed.rs times the signing alone.
# Usage: benches/hsm-batch.sh [rows] [runs] [token|both]; assumes scripts/setup.sh has run
# (softhsm2). scripts/test.sh runs `47000 1 token`: the batch through the token only.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-47000}
runs=${2:-3}
which=${3:-both}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --locked -p warrant-issuer --quiet
tool=${CARGO_TARGET_DIR:-target}/release/warrant-issuer

mkdir "$work/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$work/tokens" > "$work/softhsm2.conf"
export SOFTHSM2_CONF="$work/softhsm2.conf"
export WARRANT_PKCS11_MODULE=${WARRANT_PKCS11_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
export WARRANT_PKCS11_PIN=bench-user-pin
softhsm2-util --init-token --free --label bench --pin "$WARRANT_PKCS11_PIN" --so-pin bench-so-pin >/dev/null
token_key='pkcs11:token=bench;object=force-2026;type=private'
"$tool" keygen --pkcs11 "$token_key" "$work/token-force" >/dev/null
"$tool" keygen "$work/file-force" >/dev/null
python3 benches/staff_csv.py "$rows" > "$work/staff.csv"

# Times `runs` batches, deleting each one's cards before the next, and reports the fastest:
# the machine's other load and the disk's writeback only ever add time.
time_batch() {
  local what=$1 key=$2
  local start end seconds all=() fastest
  for _ in $(seq "$runs"); do
    # The previous run's files are flushed first, so that their writeback is not timed here.
    sync
    start=$(date +%s.%N)
    "$tool" batch --key "$key" --issuer MPS --checker-address https://check.police.uk/ \
      --record "$work/issued.jsonl" --csv "$work/staff.csv" --expires 2030-01-01 --out-dir "$work/out" >/dev/null
    end=$(date +%s.%N)
    [ "$(tail -n +2 "$work/out/manifest.csv" | wc -l)" -eq "$rows" ] || { echo "the manifest is short" >&2; exit 1; }
    [ "$(tail -n +2 "$work/issued.jsonl" | wc -l)" -eq "$rows" ] || { echo "the record of issued cards is short" >&2; exit 1; }
    rm -rf "$work/out" "$work/issued.jsonl"
    all+=("$(printf '%.2f' "$(echo "$end - $start" | bc)")")
  done
  fastest=$(printf '%s\n' "${all[@]}" | sort -n | head -1)
  printf '%s: %d cards in %.2f s, %.0f cards/s on %d cores (fastest of %d runs: %s s)\n' \
    "$what" "$rows" "$fastest" "$(echo "$rows / $fastest" | bc -l)" "$(nproc)" "$runs" "${all[*]}"
}
time_batch "PKCS#11 (SoftHSM $(softhsm2-util --version))" "$token_key"
[ "$which" = token ] || time_batch "key file" "$work/file-force.key.pem"
