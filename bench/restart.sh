#!/usr/bin/env bash
# How long a restart takes (BENCHMARKS.md, "Writes" and "The compact layout"): starts the
# release binary with the given serve arguments on a free port ROUNDS times (default 3), and
# prints for each start the seconds until /health answers, the resident memory then, and how
# the graph was made (read from the snapshot, or built from the store's records). Each server
# is stopped with SIGTERM (a clean stop, which writes the snapshot when the graph changed).
#   bench/restart.sh --db /tmp/kg-1m.sqlite                 # from the snapshot
#   ROUNDS=1 bench/restart.sh --db /tmp/kg-1m.sqlite --no-snapshot
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/olympia-kg
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 1; }
log=$(mktemp)
pid=
trap 'rm -f "$log"; [ -z "$pid" ] || kill "$pid" 2>/dev/null || true' EXIT
for round in $(seq 1 "${ROUNDS:-3}"); do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  started=$(date +%s.%N)
  "$bin" serve "$@" --addr "127.0.0.1:$port" --log-format json > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 $pid 2>/dev/null || { echo "the server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  answered=$(date +%s.%N)
  rss=$(awk '/^VmRSS/ {printf "%.0f MB", $2 * 1024 / 1e6}' "/proc/$pid/status")
  how=$(grep -o '"message":"\(graph read from the snapshot\|not using the snapshot[^"]*\)"' "$log" | head -1 | cut -d'"' -f4 || true)
  echo "start $round: answering after $(echo "$answered - $started" | bc) s, resident $rss; ${how:-graph built from the records (no snapshot)}"
  kill -TERM $pid
  wait $pid || true
  pid=
done
