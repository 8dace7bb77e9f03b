#!/usr/bin/env bash
# Verifies the test vectors with Python's pycose (see verify_vectors.py), in a private venv.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${WARRANT_VENV:-$here/../../.venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pycose, cbor2, argon2" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
exec "$venv/bin/python" "$here/verify_vectors.py"
