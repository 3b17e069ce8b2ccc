#!/usr/bin/env bash
# Quick performance regression check (CI): generates the 100k-entity dataset (seed 1, kept
# in $OLYMPIA_QUICK_DATA, default /tmp/olympia-quick-100k), then runs benches/quick.rs, which
# fails only when a figure is more than 2x its committed baseline (bench/baseline.json).
#   bench/quick.sh                          # check
#   QUICK_WRITE_BASELINE=1 bench/quick.sh   # re-measure and write the baseline
set -euo pipefail
cd "$(dirname "$0")/.."
export OLYMPIA_QUICK_DATA=${OLYMPIA_QUICK_DATA:-/tmp/olympia-quick-100k}
cargo build --release --locked --bin olympia-kg
# Generated again when missing or written by another version (the generator copies the seed's
# vocabulary, so a dataset whose vocabulary differs, or has none, predates it).
if [ ! -s "$OLYMPIA_QUICK_DATA/claims.jsonl" ] ||
  ! cmp -s seed/vocabulary.jsonl "$OLYMPIA_QUICK_DATA/vocabulary.jsonl"; then
  rm -rf "$OLYMPIA_QUICK_DATA"
  target/release/olympia-kg generate --entities 100000 --seed 1 --out "$OLYMPIA_QUICK_DATA"
fi
cargo bench --locked --bench quick
