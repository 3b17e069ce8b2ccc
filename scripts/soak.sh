#!/usr/bin/env bash
# Soak: normal queries mixed with hostile ones (deep nesting, alias overload, cost bombs,
# fragment cycles, circular introspection, huge hop counts, field duplication, malformed JSON,
# oversized bodies, oversized batches) at full concurrency on loopback, for a bounded time, while
# scripts/soak/abuse.py abuses connections the whole time: unfinished (slowloris) heads, idle
# keep-alive connections, clients that never read a 1 MB answer, and bursts of connections past
# the cap.
# Fails on any 5xx, any socket error of the normal load (wrk), a normal query that did not get
# its data, resident memory that grows by more than 20% between the baseline and the end, a
# panic in the server's log, or an abusive connection the server did not close in time (an
# unfinished head or idle connection past the header-read timeout, a non-reader past the write
# timeout, a connection over the cap not refused at once).
#
#   scripts/soak.sh [SECONDS] [CONNECTIONS]     (defaults: 60 s, 64 connections; needs wrk)
#
# The server runs with --max-connections 256 and header-read and write timeouts of 2 s (so the
# abuse is cut many times within the run); SOAK_MAX_CONNECTIONS, SOAK_HEADER_TIMEOUT_MS and
# SOAK_WRITE_TIMEOUT_MS change them, SOAK_SLOWLORIS, SOAK_IDLE and SOAK_SLOW_READERS the number of
# abusive connections held. wrk's CONNECTIONS plus those held must stay under the cap: wrk opens
# its connections before the abuse starts and keeps them alive, so the bursts that fill the cap
# never refuse wrk (a wrk reconnect during a burst would be refused and fail the soak).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
connections="${2:-64}"
cap="${SOAK_MAX_CONNECTIONS:-256}"
header_ms="${SOAK_HEADER_TIMEOUT_MS:-2000}"
write_ms="${SOAK_WRITE_TIMEOUT_MS:-2000}"
slowloris="${SOAK_SLOWLORIS:-64}"
idle="${SOAK_IDLE:-32}"
slow_readers="${SOAK_SLOW_READERS:-8}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing: apt-get install -y python3"; exit 1; }
held=$((slowloris + idle + slow_readers))
[ $((connections + held + 8)) -le "$cap" ] || {
  echo "$connections wrk connections + $held abusive ones do not fit under --max-connections $cap: raise SOAK_MAX_CONNECTIONS"
  exit 1
}

cargo build --release --locked --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
tmp=$(mktemp -d)
target/release/olympia-kg --addr "127.0.0.1:$port" --log-level warn \
  --max-connections "$cap" --header-read-timeout-ms "$header_ms" --write-timeout-ms "$write_ms" \
  >"$tmp/server.log" 2>&1 &
server=$!
trap 'kill $server ${sampler:-} ${load:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.05; done

abuse() { # abuse SECONDS [--quiet]
  python3 scripts/soak/abuse.py --port "$port" --seconds "$1" --max-connections "$cap" \
    --wrk-connections "$connections" --header-timeout-ms "$header_ms" --write-timeout-ms "$write_ms" \
    --slowloris "$slowloris" --idle "$idle" --slow-readers "$slow_readers" "${@:2}"
}
rss() { awk '/VmRSS/ { print $2 }' "/proc/$server/status"; }
# Warm up, so that allocator arenas, caches and connection buffers exist before the baseline.
wrk -t2 -c"$connections" -d5s -s scripts/soak/mix.lua "http://127.0.0.1:$port/graphql" >/dev/null &
load=$!
sleep 1
abuse 3 --quiet || true
wait $load
before=$(rss)
( while kill -0 $server 2>/dev/null; do r=$(rss); echo "$r"; sleep 1; done ) > "$tmp/rss" &
sampler=$!
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/soak/mix.lua "http://127.0.0.1:$port/graphql" >"$tmp/wrk" &
load=$!
# wrk's connections are open after a second; the abuse stops a second before wrk does.
sleep 1
abuse_status=0
abuse_out=$(abuse $((seconds > 3 ? seconds - 2 : 1))) || abuse_status=$?
wait $load
out=$(cat "$tmp/wrk")
kill $sampler 2>/dev/null || true
after=$(rss)
peak=$(sort -n "$tmp/rss" | tail -1)
echo "$out"
echo "$abuse_out"
# The server still answers a normal query afterwards.
answer=$(curl -s -H 'content-type: application/json' -d '{"query":"{ entity(id: \"tom-cruise\") { name } }"}' "http://127.0.0.1:$port/graphql")
echo "after the soak: $answer"
echo "rss: before ${before} KiB, after ${after} KiB, peak ${peak} KiB"
refusals=$(grep -c 'refused .* connections' "$tmp/server.log" || true)
echo "server log: $(wc -l <"$tmp/server.log") lines, $refusals of them cap refusals (--max-connections $cap; logged at most once a second)"
grep -v 'refused .* connections' "$tmp/server.log" | head -20 || true

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
[ "$abuse_status" = 0 ] || { echo "FAIL: the connection abuse found a connection the server did not close in time (abuse: FAIL lines above)"; status=1; }
! grep -q 'panicked' "$tmp/server.log" || { echo "FAIL: the server panicked (its log above)"; status=1; }
[ $status = 0 ] && echo "soak passed: $total requests, $normal_ok normal answers, 0 5xx, 0 socket errors; every abusive connection closed in time"
exit $status
