#!/usr/bin/env bash
# What a typed relationship field costs over the generic `relations` connection it stands for:
# one server on the seed, two queries asking for the same entities (California's natives), each
# under the same wrk load, alternated ROUNDS times.
#
#   cargo build --release --bin olympia-kg
#   bench/typed-fields.sh [BINARY]        # default target/release/olympia-kg
#
# Environment: DURATION (default 10s), CONNS (default 32), ROUNDS (default 2), PORT (18210).
# Needs wrk. A non-200 answer or one carrying "errors" fails the run.
set -euo pipefail
BIN=${1:-target/release/olympia-kg}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$BIN" ] || { echo "$BIN is missing: cargo build --release --bin olympia-kg" >&2; exit 1; }
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18210}
TMP=$(mktemp -d /tmp/olympia-typed.XXXXXX)
"$BIN" --addr "127.0.0.1:$PORT" --log-level error &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done

script() { # name, JSON body
  cat > "$TMP/$1.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$2'
failed = 0
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("bad answers: %d\n", failed))
end
EOF
}
script typed '{"query":"{ entity(id: \"california\") { ... on Place { homeOf { id name } } } }"}'
script relations '{"query":"{ entity(id: \"california\") { relations(predicates: [NATIVE_OF], direction: INCOMING) { nodes { subject { id name } } } } }"}'

for round in $(seq "$ROUNDS"); do
  for name in relations typed; do
    out=$(wrk -t1 -c"$CONNS" -d"$DURATION" -s "$TMP/$name.lua" "http://127.0.0.1:$PORT/graphql")
    rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
    bad=$(echo "$out" | awk '/^bad answers/ { print $3 }')
    printf 'round %s  %-9s  %s req/s  (%s bad answers)\n' "$round" "$name" "$rps" "$bad"
    [ "$bad" = 0 ] || { echo "bad answers: the run does not count" >&2; exit 1; }
  done
done
