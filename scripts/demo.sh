#!/usr/bin/env bash
# Makes the DEMO force's keys, trust list, revocation list and one sample card per verdict
# in demo-out/, and verifies the genuine sample. DEMO keys are public: never trust them.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo run --release --locked -p warrant-issuer -- demo --out demo-out "$@"
