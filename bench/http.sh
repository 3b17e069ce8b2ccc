#!/usr/bin/env bash
# End-to-end HTTP benchmark on loopback: a query mix (entity lookup, relations page, 2-hop
# neighbourhood, shortest path) against the GraphQL server, each compared in the same run with a
# plain axum handler that returns the very same response bytes (examples/plain_axum.rs).
#
# Two cases per query:
#   repeated  the same request over and over (after the first, answered by the response cache);
#   varied    the same document with other variables on every request (a list of entity ids
#             cycled through), against a second server started with --response-cache-bytes 0:
#             no answer is ever reused, only the parsed document is (the document cache).
#
#   bench/http.sh                 # the embedded seed dataset
#   bench/http.sh /tmp/kg100k     # a generated dataset (olympia-kg generate --out /tmp/kg100k)
#
# Environment: DURATION (default 10s per run), CONNS (default 32), PORT (default 18000), QUERIES
# (default "entity relations neighborhood2 path").
# Needs wrk (Debian: apt-get install -y wrk; installed here when running as root). When oha is
# installed (cargo install oha), also measures p50/p99 latency open-loop at 50% and 90% of peak.
# A response with HTTP status other than 200 or carrying "errors" counts as a failure and fails
# the script: an error is not a fast answer.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${1:-}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
PORT=${PORT:-18000}
PLAIN_PORT=$((PORT + 1))
WORK=$(mktemp -d /tmp/olympia-http-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "wrk is missing: apt-get install -y wrk" >&2; exit 1
  fi
fi

cargo build --release --locked --bin olympia-kg --example plain_axum >&2
BIN=target/release/olympia-kg
PLAIN=target/release/examples/plain_axum

# Ids to query: the seed's, or entities of the generated dataset (an early one is a hub).
if [ -z "$DATA" ]; then
  A=tom-cruise; B=snoop-dogg; C=emmanuel-macron; ARGS=()
else
  pick() { sed -n "$1p" "$DATA/entities.jsonl" | sed 's/^{"id": "\([^"]*\)".*/\1/'; }
  A=$(pick 1000); B=$(pick 20000); C=$(pick 30000); ARGS=(--data "$DATA")
fi

declare -A QUERY
QUERY[entity]="{ entity(id: \"$A\") { id name kind description aliases } }"
QUERY[relations]="{ entity(id: \"$A\") { relations(first: 10) { totalCount edges { direction neighbor { id name } node { id predicate } } } } }"
QUERY[neighborhood2]="{ neighborhood(id: \"$A\", hops: 2, first: 100) { complete nodes { distance entity { id name } } } }"
QUERY[path]="{ path(from: \"$B\", to: \"$C\", maxHops: 6) { length steps { relation { id predicate } forward to { id } } } }"
# QUERIES picks some of them, e.g. QUERIES="entity relations".
read -r -a NAMES <<<"${QUERIES:-entity relations neighborhood2 path}"

# The same documents with their ids as variables, for the varied case.
declare -A VARIED
VARIED[entity]='query($a: ID!) { entity(id: $a) { id name kind description aliases } }'
VARIED[relations]='query($a: ID!) { entity(id: $a) { relations(first: 10) { totalCount edges { direction neighbor { id name } node { id predicate } } } } }'
VARIED[neighborhood2]='query($a: ID!) { neighborhood(id: $a, hops: 2, first: 100) { complete nodes { distance entity { id name } } } }'
VARIED[path]='query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { length steps { relation { id predicate } forward to { id } } } }'
ENTITIES=${DATA:-seed}/entities.jsonl

UNCACHED_PORT=$((PORT + 2))
"$BIN" serve --addr "127.0.0.1:$PORT" --log-level warn --no-graphiql "${ARGS[@]}" &
PIDS+=($!)
"$BIN" serve --addr "127.0.0.1:$UNCACHED_PORT" --log-level warn --no-graphiql --response-cache-bytes 0 "${ARGS[@]}" &
PIDS+=($!)
for port in "$PORT" "$UNCACHED_PORT"; do
  for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$port/graphql?query=%7B__typename%7D" && break; sleep 0.1; done
done

# Request bodies for the varied case, one per line: 1,000 entities (the seed's all), each paired
# with the one 500 lines on for the path's other end.
grep -v '^#' "$ENTITIES" | grep -o '"id": *"[^"]*"' | sed -n '1,1000p' | sed 's/.*"\([^"]*\)"$/\1/' > "$WORK/ids"
awk 'NR == FNR {id[NR] = $0; n = NR; next} END {for (i = 1; i <= n; i++) print id[i] "\t" id[(i + 499) % n + 1]}' "$WORK/ids" "$WORK/ids" > "$WORK/pairs"
for name in "${NAMES[@]}"; do
  while IFS=$'\t' read -r a b; do
    jq -cn --arg q "${VARIED[$name]}" --arg a "$a" --arg b "$b" \
      'if ($q | contains("$b")) then {query: $q, variables: {a: $a, b: $b}} else {query: $q, variables: {a: $a}} end'
  done < "$WORK/pairs" > "$WORK/$name.varied"
done

mkdir -p "$WORK/bodies"
for name in "${NAMES[@]}"; do
  jq -cn --arg q "${QUERY[$name]}" '{query: $q}' > "$WORK/$name.req"
  curl -sf -H 'content-type: application/json' --data-binary "@$WORK/$name.req" \
    "http://127.0.0.1:$PORT/graphql" > "$WORK/bodies/$name.json"
  if grep -q '"errors"' "$WORK/bodies/$name.json"; then
    echo "query $name answers with errors: $(head -c 300 "$WORK/bodies/$name.json")" >&2; exit 1
  fi
done

"$PLAIN" "127.0.0.1:$PLAIN_PORT" "$WORK/bodies" 2>/dev/null &
PIDS+=($!)
for _ in $(seq 1 100); do curl -s -o /dev/null -X POST "http://127.0.0.1:$PLAIN_PORT/plain/entity" && break; sleep 0.1; done

# wrk script: POST a request body, counting non-200 answers and answers carrying "errors". The
# body file holds one request (the repeated case), or, with "each" after it, one request per line,
# each request the next (the varied case).
cat > "$WORK/post.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  bad = 0
  bodies = {}
  if args[2] == "each" then
    for line in io.lines(args[1]) do table.insert(bodies, line) end
  else
    local f = io.open(args[1], "rb"); table.insert(bodies, f:read("*a")); f:close()
  end
  i = math.random(#bodies)
end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[i])
end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("BAD %d\nP50 %.3f\nP99 %.3f\n", total, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA

run() { # url body-file [each] -> "req/s p50ms p99ms bad"
  local out
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" -s "$WORK/post.lua" "$1" -- "$2" "${3:-}")
  local rps bad p50 p99
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  bad=$(awk '/^BAD/ {print $2}' <<<"$out")
  p50=$(awk '/^P50/ {print $2}' <<<"$out")
  p99=$(awk '/^P99/ {print $2}' <<<"$out")
  echo "$rps $p50 $p99 $bad"
}

echo "dataset: ${DATA:-seed (embedded)}; wrk -t2 -c$CONNS -d$DURATION; $(nproc) cores shared by client and servers"
printf '%-14s %-9s %12s %12s %7s %10s %10s\n' query case graphql_rps plain_rps ratio p50_ms p99_ms
failed=0
for name in "${NAMES[@]}"; do
  read -r p_rps _ _ p_bad < <(run "http://127.0.0.1:$PLAIN_PORT/plain/$name" "$WORK/$name.req")
  read -r g_rps g_p50 g_p99 g_bad < <(run "http://127.0.0.1:$PORT/graphql" "$WORK/$name.req")
  read -r v_rps v_p50 v_p99 v_bad < <(run "http://127.0.0.1:$UNCACHED_PORT/graphql" "$WORK/$name.varied" each)
  for row in "repeated $g_rps $g_p50 $g_p99" "varied $v_rps $v_p50 $v_p99"; do
    read -r case rps p50 p99 <<<"$row"
    ratio=$(awk -v a="$rps" -v b="$p_rps" 'BEGIN {printf "%.2f", a / b}')
    printf '%-14s %-9s %12s %12s %7s %10s %10s\n' "$name" "$case" "$rps" "$p_rps" "$ratio" "$p50" "$p99"
  done
  if [ "$g_bad" != 0 ] || [ "$p_bad" != 0 ] || [ "$v_bad" != 0 ]; then
    echo "  $name: $g_bad repeated, $v_bad varied GraphQL and $p_bad plain responses were errors" >&2; failed=1
  fi
  if command -v oha >/dev/null; then
    for pct in 50 90; do
      rate=$(awk -v r="$g_rps" -v p="$pct" 'BEGIN {printf "%d", r * p / 100}')
      oha -z "$DURATION" -q "$rate" --latency-correction --no-tui -m POST -T application/json \
        -D "$WORK/$name.req" "http://127.0.0.1:$PORT/graphql" |
        awk -v n="$name" -v p="$pct" -v r="$rate" '/50.00% in/ {p50=$3 " " $4} /99.00% in/ {p99=$3 " " $4} END {printf "  %s open loop at %s%% of peak (%s req/s): p50 %s, p99 %s\n", n, p, r, p50, p99}'
    done
  fi
done
exit $failed
