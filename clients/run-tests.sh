#!/usr/bin/env bash
# Runs every client test of olympia-kg against the real server binary:
#   the graphql-http audit, codegen (up to date) + tsc --noEmit, graphql-js validate and the
#   GraphQL Inspector diff, Apollo Client, persisted queries, CORS, GraphiQL in headless Chromium;
#   the same for the second dataset, examples/datasets/city-marathon (its own schema and tabs);
#   then the typed clients of the other ecosystems: Python (clients/python, ariadne-codegen) and
#   Rust (clients/rust, graphql_client), each generated from schema.graphql and examples/.
#
#   clients/run-tests.sh                 # from any directory
#   UPDATE_EXPECT=1 clients/run-tests.sh # also rewrites src/generated/, docs/graphiql.png and
#                                        # docs/graphiql-marathon.png
#
# Needs Node.js 20+ with npm, Debian's Chromium at /usr/bin/chromium (or $CHROMIUM_PATH) and cargo.
set -euo pipefail

CLIENTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$CLIENTS/.." && pwd)"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH

fail() { echo "run-tests.sh: $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 ||
  fail "node is missing: install Node.js 20 or later with npm (NodeSource's nodejs 20 package for Debian; Debian 12's own nodejs is 18, too old)"
command -v npm >/dev/null 2>&1 ||
  fail "npm is missing: install Node.js 20 or later with npm (NodeSource's nodejs 20 package for Debian includes npm)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] ||
  fail "node $(node --version) is too old: install Node.js 20 or later (NodeSource's nodejs 20 package for Debian)"
[ -x "$CHROMIUM_PATH" ] ||
  fail "$CHROMIUM_PATH is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\` (the tests never download a browser)"
command -v cargo >/dev/null 2>&1 || fail "cargo is missing: install Rust with rustup (https://rustup.rs)"

echo "== node $(node --version), npm $(npm --version), $("$CHROMIUM_PATH" --version 2>/dev/null || echo "$CHROMIUM_PATH")"

echo "== cargo build --locked (the server binary)"
(cd "$REPO" && cargo build --locked)
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$REPO/$target_dir" ;; esac
export OLYMPIA_KG_BIN="$target_dir/debug/olympia-kg"

cd "$CLIENTS"

echo "== npm ci"
npm ci --no-audit --no-fund

if [ "${UPDATE_EXPECT:-}" = 1 ]; then
  echo "== graphql-codegen (UPDATE_EXPECT=1: rewriting src/generated/)"
  npx --no-install graphql-codegen --config codegen.ts
  npx --no-install graphql-codegen --config codegen.marathon.ts
else
  echo "== graphql-codegen --check (src/generated/ must be what codegen.ts generates)"
  npx --no-install graphql-codegen --config codegen.ts --check ||
    fail "src/generated/ is stale: run \`UPDATE_EXPECT=1 clients/run-tests.sh\` (or \`npm run codegen\` in clients/) and commit it"
  echo "== graphql-codegen --check --config codegen.marathon.ts (src/generated/marathon/, the city-marathon dataset)"
  npx --no-install graphql-codegen --config codegen.marathon.ts --check ||
    fail "src/generated/marathon/ is stale: run \`UPDATE_EXPECT=1 clients/run-tests.sh\` and commit it"
fi

echo "== tsc --noEmit"
npx --no-install tsc --noEmit

echo "== node --test"
node --import tsx --test --test-reporter=spec test/*.test.mjs

echo "== Python: ariadne-codegen client (clients/python/run-tests.sh)"
bash "$CLIENTS/python/run-tests.sh"

if [ -f "$CLIENTS/rust/run-tests.sh" ]; then
  echo "== Rust: graphql_client crate (clients/rust/run-tests.sh)"
  bash "$CLIENTS/rust/run-tests.sh"
fi
