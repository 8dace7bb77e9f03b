#!/usr/bin/env bash
# The alternatives weighed for revocation filters (docs/FORMAT.md §14), on the national figures
# of benches/national.sh (50 forces, 299,987 cards, 3% of each force's revoked):
#  - Mozilla's clubcard 0.3.4 (crates.io), one block per force, serialized with bincode as
#    Firefox's CRLite does; its own solution vectors and the serialized size, build and lookup
#    time, and wrong answers over every issued serial;
#  - a Bloom-filter cascade (CRLite v1), in Python, its level-1 rate searched per force.
# The filter adopted is measured by benches/national.sh (crates/warrant-core/examples/national_filters.rs).
# Needs the crates.io registry for clubcard, rand and bincode. Takes about 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/filter-alternatives"
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-../../target}/filter-alternatives cargo run --quiet --release --manifest-path clubcard/Cargo.toml
python3 bloom_cascade.py
node -e 'const z=require("zlib"),b=require("fs").readFileSync(require("os").tmpdir()+"/clubcard-national.bincode");console.log(`clubcard bincode: ${b.length} bytes, ${z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length} brotli`)'
