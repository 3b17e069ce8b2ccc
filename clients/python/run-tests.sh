#!/usr/bin/env bash
# The Python client test: ariadne-codegen's client of olympia-kg, run against the real server.
#
#   clients/python/run-tests.sh                  # from any directory
#   UPDATE_EXPECT=1 clients/python/run-tests.sh  # rewrites olympia_kg_client/ instead of checking it
#
# 1. a venv at clients/python/.venv (git-ignored; $OLYMPIA_KG_PY_VENV elsewhere) with exactly
#    requirements.txt (`pip install --require-hashes`), made again only when requirements.txt
#    or the Python interpreter changes;
# 2. olympia_kg_client/ must be what codegen.py generates from schema.graphql and
#    examples/*.graphql (generated into a temporary directory and compared);
# 3. pytest test_examples.py against $OLYMPIA_KG_BIN, else target/debug/olympia-kg (this script
#    does not build it: `cargo build --locked`, as clients/run-tests.sh does).
#
# Needs Python 3.11 or later with venv and PyPI (or a mirror pip is configured for) the first time.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="${OLYMPIA_KG_PY_VENV:-$HERE/.venv}"
PYTHON="${PYTHON:-python3}"

fail() { echo "clients/python/run-tests.sh: $*" >&2; exit 1; }

command -v "$PYTHON" >/dev/null 2>&1 ||
  fail "$PYTHON is missing: install Python 3.11 or later with venv (Debian 12: \`apt-get install -y python3 python3-venv\`), or set PYTHON=/path/to/python3"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  fail "$("$PYTHON" --version 2>&1) is too old: requirements.txt is resolved for Python 3.11 or later (Debian 12's python3 is 3.11); set PYTHON=/path/to/python3.11+"
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null ||
  fail "$PYTHON has no venv/ensurepip module: install it (Debian: \`apt-get install -y python3-venv\`)"

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PYTHONDONTWRITEBYTECODE=1

# The venv is reused while requirements.txt and the interpreter are the ones it was made with.
stamp="$( (sha256sum "$HERE/requirements.txt" | cut -d' ' -f1; "$PYTHON" -c 'import sys; print(sys.version, sys.executable)') | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$VENV/.olympia-kg-requirements" 2>/dev/null || true)" != "$stamp" ]; then
  echo "== venv $VENV: pip install --require-hashes -r requirements.txt"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" || fail "\`$PYTHON -m venv $VENV\` failed (Debian: \`apt-get install -y python3-venv\`)"
  "$VENV/bin/python" -m pip install --quiet --require-hashes -r "$HERE/requirements.txt" ||
    fail "pip could not install requirements.txt into $VENV (PyPI unreachable, or a file whose hash differs)"
  echo "$stamp" > "$VENV/.olympia-kg-requirements"
else
  echo "== venv $VENV (requirements.txt unchanged)"
fi
PY="$VENV/bin/python"
echo "== $("$PY" --version), ariadne-codegen $("$PY" -c 'from importlib.metadata import version; print(version("ariadne-codegen"))')"

cd "$HERE"
if [ "${UPDATE_EXPECT:-}" = 1 ]; then
  echo "== codegen.py (UPDATE_EXPECT=1: rewriting olympia_kg_client/)"
  "$PY" codegen.py
else
  echo "== codegen.py --check (olympia_kg_client/ must be what ariadne-codegen generates)"
  "$PY" codegen.py --check
fi

target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$REPO/$target_dir" ;; esac
export OLYMPIA_KG_BIN="${OLYMPIA_KG_BIN:-$target_dir/debug/olympia-kg}"
[ -x "$OLYMPIA_KG_BIN" ] ||
  fail "$OLYMPIA_KG_BIN is missing: run \`cargo build --locked\` in $REPO (or set OLYMPIA_KG_BIN)"

echo "== pytest test_examples.py test_exports.py (server: $OLYMPIA_KG_BIN)"
"$PY" -m pytest -q test_examples.py test_exports.py
