#!/usr/bin/env bash
# A/B throughput of two server binaries on the seed, alternating them so that both see the same
# machine: each ROUNDS times, start one, wrk it for DURATION with the same query, stop it.
#
#   git worktree add /tmp/old f39f883 && (cd /tmp/old && CARGO_TARGET_DIR=/tmp/old-target cargo build --release --bin olympia-kg)
#   cargo build --release --bin olympia-kg
#   bench/ab.sh /tmp/old-target/release/olympia-kg target/release/olympia-kg
#
# Environment: DURATION (default 10s), CONNS (default 32), ROUNDS (default 2), PORT (18200).
# Needs wrk. A non-200 answer or one carrying "errors" fails the run.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/ab.sh OLD_BINARY NEW_BINARY" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18200}
LUA=$(mktemp /tmp/olympia-ab.XXXXXX.lua)
trap 'rm -f "$LUA"' EXIT
cat > "$LUA" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ entity(id: \\"tom-cruise\\") { id name kind description aliases relations(first: 10) { nodes { id predicate evidence { quote } } } } }"}'
failed = 0
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("bad answers: %d\n", failed))
end
EOF
for round in $(seq "$ROUNDS"); do
  for bin in "$1" "$2"; do
    "$bin" --addr "127.0.0.1:$PORT" --log-level error &
    pid=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done
    out=$(wrk -t1 -c"$CONNS" -d"$DURATION" -s "$LUA" "http://127.0.0.1:$PORT/graphql")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
    bad=$(echo "$out" | awk '/^bad answers/ { print $3 }')
    echo "round $round  $bin  $rps req/s  ($bad bad answers)"
    [ "$bad" = 0 ] || { echo "bad answers: the run does not count" >&2; exit 1; }
  done
done
