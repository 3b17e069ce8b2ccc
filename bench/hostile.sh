#!/usr/bin/env bash
# Hostile-client figures (the README's reliability section): the reproductions of issue 9 sent to
# the release binary, with the answer's status, code and size and the server's resident memory;
# then a normal query's throughput alone and while four connections loop the heaviest query the
# limits allow, side by side in one run.
#
#   bench/hostile.sh            (DURATION seconds per throughput run, default 10; needs wrk)
#
# Fails when a reproduction is answered with data, when resident memory passes 200 MB, or when
# the normal query keeps less than MIN_RATIO (default 0.5, the issue's target) of its throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
MIN_RATIO=${MIN_RATIO:-0.5}
PORT=${PORT:-18100}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

cargo build --release --locked --quiet --bin olympia-kg
WORK=$(mktemp -d /tmp/olympia-hostile.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The response cache is off: a hostile client defeats it at will (another alias, a space), so
# the heavy loop must run the query every time, as it would against the worst client.
target/release/olympia-kg --addr "127.0.0.1:$PORT" --log-level error --max-body-bytes 30000000 \
  --response-cache-bytes 0 &
SERVER=$!
PIDS+=("$SERVER")
URL="http://127.0.0.1:$PORT/graphql"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER/status"; }
peak_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER/status"; }

# The request bodies, written by Python (JSON quoting, hashes, a 2.29 MB body).
python3 - "$WORK" <<'PY'
import hashlib, json, sys
work = sys.argv[1]
def write(name, body):
    with open(f"{work}/{name}.json", "w") as f:
        json.dump(body, f)
chain = 'entity(id:"paris") { mentions { source { mentions { source { mentions { source { text } } } } } } }'
write("amplification", {"query": "{ " + " ".join(f"a{i}: {chain}" for i in range(4)) + " }"})
inner = 'entity(id:"paris"){mentions{entity{mentions{entity{mentions{source{text}}}}}}}'
write("batch", [{"query": "{ " + " ".join(f"a{i}: {inner}" for i in range(4)) + " }"}] * 10)
apq = "query($n:Int){entities(first:$n){nodes{id relations(first:$n){nodes{id subject{relations(first:$n){nodes{id}}}}}}}}"
ext = {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(apq.encode()).hexdigest()}}
write("apq-register", {"query": apq, "variables": {"n": 1}, "extensions": ext})
write("apq-replay", {"variables": {"n": 100}, "extensions": ext})
write("apq-missing", {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(b"query($id: ID!){ entity(id: $id) { name } }").hexdigest()}}})
write("big-body", {"query": "{ stats { entities } }", "variables": {"pad": "x" * 2_290_000}})
write("first-1e10", {"query": "query($n: Int) { entities(first: $n) { nodes { id } } }", "variables": {"n": 1e10}})
write("literal-1.0", {"query": "{ entities(first: 1.0) { nodes { id } } }"})
heavy = "{ a: entities(first: 94) { nodes { mentions { source { text } } } } b: entities(last: 94) { nodes { mentions { source { text } } } } }"
write("heavy", {"query": heavy})
write("normal", {"query": '{ entity(id: "tom-cruise") { id name kind description aliases } }'})
for name in ("heavy", "normal"):
    body = open(f"{work}/{name}.json").read()
    with open(f"{work}/{name}.lua", "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n')
        f.write(f"wrk.body = {json.dumps(body)}\n")
        f.write('failed = 0\nfunction response(status, headers, body)\n'
                '  if status ~= 200 or body:find(\'"errors"\', 1, true) then failed = failed + 1 end\nend\n'
                'function done(summary, latency, requests)\n'
                '  io.write(string.format("bad answers: %d\\n", failed))\nend\n')
PY

echo "== reproductions (release binary, seed dataset; RSS at start $(rss_mb) MB)"
printf '%-14s %-7s %-28s %12s %10s\n' case status code bytes "RSS MB"
failures=0
send() {
  local name=$1 expect=$2
  local out="$WORK/$name.out"
  local status
  status=$(curl -s -o "$out" -w '%{http_code}' -H 'content-type: application/json' --data-binary "@$WORK/$name.json" "$URL")
  local code
  code=$(python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
items = d if isinstance(d, list) else [d]
codes = sorted({e.get("extensions", {}).get("code", "?") for i in items for e in i.get("errors", [])})
print(",".join(codes) if codes else ("data" if any(i.get("data") for i in items) else "-"))' "$out")
  printf '%-14s %-7s %-28s %12s %10s\n' "$name" "$status" "$code" "$(stat -c %s "$out")" "$(rss_mb)"
  if [ "$code" != "$expect" ]; then echo "  expected $expect"; failures=$((failures + 1)); fi
}
send amplification QUERY_TOO_COMPLEX
send batch QUERY_TOO_COMPLEX
send apq-register data
send apq-replay QUERY_TOO_COMPLEX
send apq-missing PERSISTED_QUERY_NOT_FOUND
send big-body data
send first-1e10 BAD_USER_INPUT
send literal-1.0 GRAPHQL_VALIDATION_FAILED
send heavy data
echo "heaviest allowed query: $(stat -c %s "$WORK/heavy.out") bytes of answer"
echo "resident after the reproductions: $(rss_mb) MB (peak $(peak_mb) MB)"
if awk -v r="$(peak_mb)" 'BEGIN { exit !(r > 200) }'; then echo "peak RSS over 200 MB"; failures=$((failures + 1)); fi

rps() { awk '/^Requests\/sec/ { print $2 }'; }
echo
echo "== a normal query alone, then while 4 connections loop the heaviest allowed query (${DURATION}s each)"
alone=$(wrk -t1 -c8 -d"${DURATION}s" -s "$WORK/normal.lua" "$URL")
alone_rps=$(echo "$alone" | rps)
wrk -t1 -c4 -d"$((DURATION + 2))s" -s "$WORK/heavy.lua" "$URL" > "$WORK/heavy.wrk" &
HEAVY=$!
sleep 1
loaded=$(wrk -t1 -c8 -d"${DURATION}s" -s "$WORK/normal.lua" "$URL")
loaded_rps=$(echo "$loaded" | rps)
wait "$HEAVY"
heavy_rps=$(rps < "$WORK/heavy.wrk")
echo "normal alone:          $alone_rps req/s ($(echo "$alone" | grep 'bad answers'))"
echo "normal under the loop: $loaded_rps req/s ($(echo "$loaded" | grep 'bad answers'))"
echo "heavy loop:            $heavy_rps req/s ($(grep 'bad answers' "$WORK/heavy.wrk"))"
ratio=$(awk -v a="$alone_rps" -v b="$loaded_rps" 'BEGIN { printf "%.2f", b / a }')
echo "normal throughput kept under the heavy loop: ${ratio}x (target >= 0.5; this run fails below $MIN_RATIO)"
echo "resident after the load: $(rss_mb) MB (peak $(peak_mb) MB)"
if awk -v r="$ratio" -v m="$MIN_RATIO" 'BEGIN { exit !(r < m) }'; then failures=$((failures + 1)); fi
exit $((failures > 0))
