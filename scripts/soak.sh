#!/usr/bin/env bash
# Soak: normal queries mixed with hostile ones (deep nesting, alias overload, cost bombs,
# fragment cycles, circular introspection, huge hop counts, field duplication, malformed JSON,
# oversized bodies, oversized batches) at full concurrency on loopback, for a bounded time.
# Fails on any 5xx, any socket error, a normal query that did not get its data, or resident
# memory that grows by more than 20% between the first and the last minute.
#
#   scripts/soak.sh [SECONDS] [CONNECTIONS]     (defaults: 60 s, 64 connections; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
connections="${2:-64}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

cargo build --release --locked --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/olympia-kg --addr "127.0.0.1:$port" --log-level warn &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.05; done

rss() { awk '/VmRSS/ { print $2 }' "/proc/$server/status"; }
# Warm up, so that allocator arenas and caches exist before the baseline.
wrk -t2 -c"$connections" -d5s -s scripts/soak/mix.lua "http://127.0.0.1:$port/graphql" >/dev/null
before=$(rss)
peak=$before
( while kill -0 $server 2>/dev/null; do r=$(rss); echo "$r"; sleep 1; done ) > /tmp/soak-rss.$$ &
sampler=$!
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/soak/mix.lua "http://127.0.0.1:$port/graphql")
kill $sampler 2>/dev/null || true
after=$(rss)
peak=$(sort -n /tmp/soak-rss.$$ | tail -1)
rm -f /tmp/soak-rss.$$
echo "$out"
# The server still answers a normal query afterwards.
answer=$(curl -s -H 'content-type: application/json' -d '{"query":"{ entity(id: \"tom-cruise\") { name } }"}' "http://127.0.0.1:$port/graphql")
echo "after the soak: $answer"
echo "rss: before ${before} KiB, after ${after} KiB, peak ${peak} KiB"

line=$(echo "$out" | grep '^soak:')
field() { echo "$line" | grep -oE "[0-9]+ $1" | head -1 | cut -d' ' -f1; }
total=$(field "requests")
normal_ok=$(field "normal answered")
normal_failed=$(field "normal with")
s5xx=$(field "5xx")
sockets=$(field "socket errors")
status=0
[ "$s5xx" = 0 ] || { echo "FAIL: $s5xx responses were 5xx"; status=1; }
[ "$sockets" = 0 ] || { echo "FAIL: $sockets socket errors (dropped connections)"; status=1; }
[ "$normal_failed" = 0 ] || { echo "FAIL: $normal_failed normal queries got errors"; status=1; }
[ "$normal_ok" -gt 0 ] || { echo "FAIL: no normal query answered"; status=1; }
[[ "$answer" == *'"Tom Cruise"'* ]] || { echo "FAIL: the server no longer answers"; status=1; }
[ "$after" -le $((before * 12 / 10 + 1024)) ] || { echo "FAIL: RSS grew from $before to $after KiB"; status=1; }
[ $status = 0 ] && echo "soak passed: $total requests, $normal_ok normal answers, 0 5xx, 0 socket errors"
exit $status
