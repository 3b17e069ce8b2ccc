#!/usr/bin/env bash
# The Rust client test of olympia-kg (clients/rust): graphql_client compiles every
# examples/*.graphql against schema.graphql, then tests/live.rs runs them against the real server
# binary and compares the typed responses with the committed examples/*.json.
#
#   clients/rust/run-tests.sh        # from any directory
#
# The server binary is $OLYMPIA_KG_BIN when set (clients/run-tests.sh sets it after building);
# otherwise this script runs `cargo build --locked` at the repository root (a no-op when it is
# up to date) and uses <root target dir>/debug/olympia-kg.
#
# This crate is its own package (its own [workspace] and Cargo.lock), built into
# <root target dir>/clients-rust: under the root's ignored target/ (or under $CARGO_TARGET_DIR when
# that is set for the root), so a cache of the root's target dir keeps it too, while its build
# never waits on the root build's lock. Set CLIENTS_RUST_TARGET_DIR to put it elsewhere.
#
# Needs cargo (with rustfmt and clippy, as the root's scripts/test does).
set -euo pipefail

CRATE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$CRATE/../.." && pwd)"

fail() { echo "clients/rust/run-tests.sh: $*" >&2; exit 1; }

command -v cargo >/dev/null 2>&1 || fail "cargo is missing: install Rust with rustup (https://rustup.rs)"

root_target="${CARGO_TARGET_DIR:-target}"
case "$root_target" in /*) ;; *) root_target="$REPO/$root_target" ;; esac

if [ -n "${OLYMPIA_KG_BIN:-}" ]; then
  case "$OLYMPIA_KG_BIN" in /*) ;; *) OLYMPIA_KG_BIN="$PWD/$OLYMPIA_KG_BIN" ;; esac
  [ -x "$OLYMPIA_KG_BIN" ] ||
    fail "OLYMPIA_KG_BIN=$OLYMPIA_KG_BIN is not an executable: build the server with \`cargo build --locked\` in $REPO, or unset OLYMPIA_KG_BIN to let this script build it"
  echo "== server binary: $OLYMPIA_KG_BIN (from OLYMPIA_KG_BIN)"
else
  echo "== cargo build --locked (the server binary, at the repository root)"
  (cd "$REPO" && cargo build --locked) || fail "building the server failed (cargo build --locked in $REPO)"
  OLYMPIA_KG_BIN="$root_target/debug/olympia-kg"
  [ -x "$OLYMPIA_KG_BIN" ] || fail "$OLYMPIA_KG_BIN is missing after cargo build --locked"
fi
export OLYMPIA_KG_BIN

CARGO_TARGET_DIR="${CLIENTS_RUST_TARGET_DIR:-$root_target/clients-rust}"
export CARGO_TARGET_DIR
cd "$CRATE"
echo "== clients/rust: graphql_client $(sed -n '/^name = "graphql_client"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock), target dir $CARGO_TARGET_DIR"

echo "== clients/rust: cargo fmt --check"
cargo fmt -- --check || fail "clients/rust is not formatted: run \`cargo fmt\` in $CRATE"

echo "== clients/rust: cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings ||
  fail "clippy failed in clients/rust (a compile error here means an example no longer compiles against schema.graphql, see above)"

echo "== clients/rust: cargo test --locked (compile every example, run them against the server)"
cargo test --locked || fail "the Rust client tests failed (see above)"
