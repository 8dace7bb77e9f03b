#!/usr/bin/env bash
# Checks a live Warrant Check site: fetches its pages, scripts, Wasm, manifest, lists and a
# path that is not there, and says for each whether every header and MIME type is right
# (what tools/serve.mjs and deploy/ send; docs/HOSTING.md says why each matters).
# Usage: scripts/check-deployment.sh URL [FRAME_ANCESTORS]
#   URL              the checker's address, e.g. https://checker.police.example/
#   FRAME_ANCESTORS  the sites allowed to frame embed.html, as the server sends them
#                    (default: $EXPECTED_FRAME_ANCESTORS, else 'none')
# Prints one line per check ("ok" or "WRONG", the path, the header), then "N right, N wrong".
# Exit status: 0 if all is right, 1 if anything is wrong, 2 if it could not check at all.
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [[ ! "$1" =~ ^https?:// ]]; then
  echo "usage: $0 URL [FRAME_ANCESTORS]  (URL starting with https:// or http://)" >&2
  exit 2
fi
base=${1%/}
ancestors=${2:-${EXPECTED_FRAME_ANCESTORS:-"'none'"}}
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

POLICY="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'"
PAGE_CSP="$POLICY; frame-ancestors 'none'"
EMBED_CSP="$POLICY; frame-ancestors $ancestors"
PERMISSIONS='camera=(self), microphone=(), geolocation=()'
YEAR=31536000

right=0
wrong=0
path=
ok() { printf 'ok     %-44s %s\n' "$path" "$1"; right=$((right + 1)); }
bad() { printf 'WRONG  %-44s %s\n' "$path" "$1"; wrong=$((wrong + 1)); }

# fetch PATH: the answer to a GET of PATH, sent as written and asking for brotli or gzip as
# a browser does, redirects not followed. Sets $status, and the answer's headers in
# $values (NAME in lower case: its values joined by "|") and $count (NAME: how many).
declare -A values count
fetch() {
  path=$1
  status=$(curl -sS --path-as-is --max-time 30 -o /dev/null -D "$tmp/headers" -w '%{http_code}' \
    -H 'Accept-Encoding: br, gzip' "$base$1" 2>"$tmp/error") || status=000
  values=()
  count=()
  local line name value
  while IFS= read -r line; do
    line=${line%$'\r'}
    [[ "$line" =~ ^([A-Za-z0-9-]+):[[:space:]]*(.*[^[:space:]])?[[:space:]]*$ ]] || continue
    name=${BASH_REMATCH[1],,}
    value=${BASH_REMATCH[2]}
    if [ -n "${count[$name]:-}" ]; then values[$name]+="|$value"; count[$name]=$((count[$name] + 1))
    else values[$name]=$value; count[$name]=1; fi
  done < "$tmp/headers"
}
# one NAME: the header's one value, or a note that it is missing or sent more than once.
one() {
  local name=${1,,}
  case ${count[$name]:-0} in
    0) echo "(missing)" ;;
    1) echo "${values[$name]}" ;;
    *) echo "(sent ${count[$name]} times: ${values[$name]})" ;;
  esac
}
has() { # VALUE REGEX: does a comma-separated header value hold a token matching REGEX?
  [[ ",${1// /}," =~ ,($2)(,|;|=) || ",${1// /}," =~ ,($2), ]]
}

expect_status() { # wanted code, or 4xx
  if [ "$status" = 000 ]; then bad "no answer: $(head -c 200 "$tmp/error")"; return 1; fi
  if [[ "$status" == $1 || ( "$1" == 4xx && "$status" =~ ^4[0-9][0-9]$ ) ]]; then ok "status $status"; else bad "status $status, want $1"; fi
}
expect_header() { # NAME VALUE: exactly this value, once
  local got; got=$(one "$1")
  if [ "$got" = "$2" ]; then ok "$1: $2"; else bad "$1: got $got, want $2"; fi
}
expect_absent() {
  local got; got=$(one "$1")
  if [ "$got" = "(missing)" ]; then ok "$1: not sent ($2)"; else bad "$1: got $got, want none ($2)"; fi
}
expect_type() { # MEDIA-TYPE REGEX, description
  local got media; got=$(one Content-Type)
  media=${got%%;*}; media=${media,,}; media=${media//[[:space:]]/}
  if [[ "$media" =~ ^($1)$ ]]; then ok "Content-Type: $got"; else bad "Content-Type: got $got, want $2"; fi
}
max_age() { # the max-age=N of a header value, or nothing
  [[ ",${1// /}" =~ [,\;]max-age=\"?([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}
expect_hsts() {
  local got age; got=$(one Strict-Transport-Security)
  age=$(max_age "$got")
  if [ -n "$age" ] && [ "$age" -ge "$YEAR" ]; then ok "Strict-Transport-Security: $got"
  else bad "Strict-Transport-Security: got $got, want max-age of at least $YEAR (a year)"; fi
}
expect_revalidated() { # Cache-Control that makes every use ask the server first
  local got; got=$(one Cache-Control)
  if has "${got,,}" 'no-cache|no-store'; then ok "Cache-Control: $got"
  elif [ "$(max_age "${got,,}")" = 0 ] && has "${got,,}" 'must-revalidate'; then ok "Cache-Control: $got"
  else bad "Cache-Control: got $got, want no-cache (revalidated on every use: $1)"; fi
}
expect_immutable() {
  local got age; got=$(one Cache-Control)
  age=$(max_age "${got,,}")
  if [ -n "$age" ] && [ "$age" -ge "$YEAR" ] && has "${got,,}" immutable; then ok "Cache-Control: $got"
  else bad "Cache-Control: got $got, want public, max-age=$YEAR, immutable (its name changes with its content)"; fi
}
expect_compressed() {
  local got vary; got=$(one Content-Encoding); vary=${values[vary]:-}
  if [[ "$got" == br || "$got" == gzip ]]; then
    ok "Content-Encoding: $got"
    if has "${vary,,}" 'accept-encoding|\*'; then ok "Vary: ${vary//|/, }"
    else bad "Vary: got ${vary:-(missing)}, want Accept-Encoding (a cache must not give this to a browser without $got)"; fi
  else bad "Content-Encoding: got $got, want br or gzip for a browser that accepts them"; fi
}
# The headers every answer carries; $1 says which file (page, embed, embed-script, error).
expect_security() {
  case $1 in
    embed) expect_header Content-Security-Policy "$EMBED_CSP"
           expect_absent Cross-Origin-Opener-Policy "the embed lives inside force sites' pages" ;;
    *)     expect_header Content-Security-Policy "$PAGE_CSP"
           expect_header Cross-Origin-Opener-Policy same-origin ;;
  esac
  if [ "$1" = embed-script ]; then expect_header Cross-Origin-Resource-Policy cross-origin
  else expect_header Cross-Origin-Resource-Policy same-origin; fi
  expect_header Referrer-Policy no-referrer
  expect_header Permissions-Policy "$PERMISSIONS"
  expect_header X-Content-Type-Options nosniff
  expect_hsts
}

HTML='text/html'
JS='text/javascript|application/javascript'

# The build's hashed file names, from the page itself.
if ! curl -sS --max-time 30 -o "$tmp/index.html" "$base/index.html" 2>"$tmp/error"; then
  echo "could not fetch $base/index.html: $(cat "$tmp/error")" >&2
  exit 2
fi
glue=$(grep -oE 'src="\./[A-Za-z0-9_-]+-[0-9a-f]{1,16}\.js"' "$tmp/index.html" | head -1 | sed -E 's/^src="\.\/(.*)"$/\1/')
style=$(grep -oE 'href="\./[A-Za-z0-9_-]+-[0-9a-f]{1,16}\.css"' "$tmp/index.html" | head -1 | sed -E 's/^href="\.\/(.*)"$/\1/')

echo "Checking $base/ (embed.html framable by: $ancestors)"
for page in / /index.html /desk.html /officer.html; do
  fetch "$page"; expect_status 200 || continue
  expect_type "$HTML" "text/html"; expect_security page; expect_revalidated "a page names the build's files"; expect_compressed
done
fetch /embed.html
if expect_status 200; then expect_type "$HTML" "text/html"; expect_security embed; expect_revalidated "a page names the build's files"; expect_compressed; fi
fetch /embed.js
if expect_status 200; then expect_type "$JS" "text/javascript"; expect_security embed-script; expect_revalidated "force sites load it by this name"; fi
fetch /sw.js
if expect_status 200; then expect_type "$JS" "text/javascript"; expect_security page; expect_revalidated "a new build reaches phones through it"; fi
fetch /manifest.webmanifest
if expect_status 200; then expect_type 'application/manifest\+json' "application/manifest+json"; expect_security page; expect_revalidated "its name never changes"; fi
if [ -n "$glue" ]; then
  fetch "/$glue"
  if expect_status 200; then expect_type "$JS" "text/javascript"; expect_security page; expect_immutable; expect_compressed; fi
  fetch "/${glue%.js}_bg.wasm"
  if expect_status 200; then expect_type 'application/wasm' "application/wasm (else no streaming compile)"; expect_security page; expect_immutable; expect_compressed; fi
else
  path=/index.html; bad "names no build script (<script type=\"module\" src=\"./NAME-HASH.js\">): is this the checker?"
fi
if [ -n "$style" ]; then
  fetch "/$style"
  if expect_status 200; then expect_type 'text/css' "text/css"; expect_security page; expect_immutable; fi
fi
fetch /scanner.wasm
if expect_status 200; then expect_type 'application/wasm' "application/wasm (else no streaming compile)"; expect_security page; expect_revalidated "its name never changes"; expect_compressed; fi
fetch /lists/trust-list.cose
if expect_status 200; then expect_type 'application/cose' "application/cose"; expect_security page; expect_revalidated "publishing replaces it; a stale list is a rollback"; fi
fetch /lists/revocation-filters.cbor
if expect_status 200; then expect_type 'application/cbor' "application/cbor"; expect_security page; expect_revalidated "publishing replaces it; a stale filter is a rollback"; fi
fetch /lists/revocations.cbor
if expect_status 200; then expect_type 'application/cbor' "application/cbor"; expect_security page; expect_revalidated "publishing replaces it; a stale list is a rollback"; fi
fetch "/check-deployment-no-such-file-$$.js"
if expect_status 404; then expect_security page; expect_revalidated "an error is not kept"; fi
fetch /%ff
if expect_status 4xx; then expect_security page; fi

echo
echo "$right right, $wrong wrong"
[ "$wrong" -eq 0 ]
