#!/usr/bin/env bash
# The server's resident memory once it has settled (BENCHMARKS.md, "The compact layout"):
# starts the release binary with the given serve arguments on a free port, waits until it
# answers, then prints VmRSS at once, after 20 s and 60 s idle (the allocator hands the loader's
# freed pages back within its 10 s decay), and after 200 queries.
#   bench/resident.sh --data /tmp/olympia-1m
#   OLYMPIA_WRITE_TOKENS=bench:0123456789abcdef0123 bench/resident.sh --db /tmp/kg-1m.sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/olympia-kg
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve "$@" --addr "127.0.0.1:$port" --log-level warn > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 $pid 2>/dev/null || { echo "the server exited" >&2; exit 1; }
  sleep 0.5
done
rss() { awk '/^VmRSS/ {printf "%.0f MB", $2 * 1024 / 1e6}' "/proc/$pid/status"; }
echo "answering after $(( $(date +%s) - started )) s: resident $(rss)"
sleep 20; echo "20 s idle: resident $(rss)"
sleep 40; echo "60 s idle: resident $(rss)"
for _ in $(seq 1 200); do
  curl -s "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
    -d '{"query":"{ search(text: \"a\", first: 5) { name } }"}' > /dev/null
done
echo "after 200 queries: resident $(rss)"
