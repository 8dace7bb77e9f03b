#!/usr/bin/env bash
# Installs what the build and tests need on a fresh machine (idempotent, registries only).
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

need_apt=()
command -v bc >/dev/null || need_apt+=(bc)
python3 -c "import venv, ensurepip" 2>/dev/null || need_apt+=(python3-venv)
command -v cc >/dev/null && command -v c++ >/dev/null || need_apt+=(build-essential)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

cargo fetch --locked
