#!/usr/bin/env bash
# Installs what the build and tests need on a fresh machine (idempotent, registries only):
# the wasm32 target, Trunk and wasm-bindgen from crates.io, wasm-opt and the browser-test
# libraries from npm, Chromium, Firefox ESR, WebKitGTK, OpenSSL, Python's cryptography, nginx
# and Caddy from Debian, geckodriver from crates.io. Nothing downloads its own binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

need_apt=()
command -v bc >/dev/null || need_apt+=(bc)
python3 -c "import venv, ensurepip" 2>/dev/null || need_apt+=(python3-venv)
# The key-file tests round-trip keys through OpenSSL and Python's cryptography.
command -v openssl >/dev/null || need_apt+=(openssl)
python3 -c "import cryptography" 2>/dev/null || need_apt+=(python3-cryptography)
# The PKCS#11 tests sign through a throwaway SoftHSM2 token (module and softhsm2-util).
{ [ -e /usr/lib/softhsm/libsofthsm2.so ] && command -v softhsm2-util; } >/dev/null || need_apt+=(softhsm2)
{ command -v cc && command -v c++; } >/dev/null || need_apt+=(build-essential)
command -v node >/dev/null || need_apt+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
# The other two engines people use: Firefox ESR and WebKitGTK (its WebDriver and MiniBrowser,
# which have no headless mode, so an X server in memory too).
[ -x /usr/bin/firefox-esr ] || need_apt+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || need_apt+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || need_apt+=(xvfb)
command -v xauth >/dev/null || need_apt+=(xauth)
# The checker behind real web servers (tests/servers, deploy/): Debian's nginx with its
# brotli_static module, and Caddy, run as the current user on local ports; curl for
# scripts/check-deployment.sh. (Where Debian starts services on install, its default sites
# take port 80; the tests use neither.)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need_apt+=(libnginx-mod-http-brotli-static)
[ -x /usr/bin/caddy ] || need_apt+=(caddy)
command -v curl >/dev/null || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

# Firefox's WebDriver, from crates.io (0.37.1 verified with Firefox ESR 153).
geckodriver --version 2>/dev/null | grep -q '^geckodriver 0.37' || cargo install --locked geckodriver --version 0.37.1

# Trunk 0.22 needs a newer rustc than this machine's; 0.21.14 is verified to work.
if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
  cargo install --locked trunk --version 0.21.14
fi
# Trunk uses the wasm-bindgen on PATH only if it matches Cargo.lock exactly.
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen\$"; then
  cargo install wasm-bindgen-cli --version "$bindgen"   # --locked fails for this crate here
fi

[ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/terser ] && [ -d node_modules/selenium-webdriver ] && [ -x node_modules/.bin/tsc ] || npm ci --no-audit --no-fund
cargo fetch --locked
