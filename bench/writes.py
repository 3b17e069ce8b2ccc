#!/usr/bin/env python3
"""What a write costs, and what writes cost readers (BENCHMARKS.md, "Writes").

On a fresh SQLite store filled from a dataset (the embedded seed, or --data DIR):

1. start-up: the import that fills a new store, then a restart that loads the store's records
   (--no-snapshot) and one that reads the graph snapshot the first start wrote;
2. write latency: --writes sequential mutations of each kind, p50/p99 as the client sees them
   (HTTP included; every write is fsync'd before it answers): `addEntities` of one new entity
   (its name is then looked for in every source text), `addSource` of a short article naming
   two entities of the dataset, and `addClaims` of two relation claims quoting it;
3. read p99 with and without writes: wrk (1 thread, 8 connections, --seconds) on an entity
   lookup, once alone and once while a client streams writes back to back.

    bench/writes.py                                  # the seed
    bench/writes.py --data /tmp/olympia-quick-100k   # the generated 100k dataset

Needs the release binary (cargo build --release) and wrk (Debian: apt-get install wrk).
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

SECRET = "bench-secret-0123456789abcdef"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, db, data, port, timeout_ms=10000, snapshot=True):
    args = [binary, "serve", "--db", db, "--addr", f"127.0.0.1:{port}", "--log-level", "warn",
            "--timeout-ms", str(timeout_ms)]
    if data:
        args += ["--data", data]
    if not snapshot:
        args += ["--no-snapshot"]
    env = dict(os.environ, OLYMPIA_WRITE_TOKENS=f"bench:{SECRET}")
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:
        if proc.poll() is not None:
            sys.exit(f"the server exited: {proc.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return proc, time.perf_counter() - started
        except OSError:
            time.sleep(0.02)


def resident_mb(proc):
    """The server's resident set size (Linux), in MB."""
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def stop(proc):
    # A clean stop writes the graph snapshot when the graph changed: minutes at most.
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=600)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def post(port, query, variables=None, token=True):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {SECRET}"
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, headers)
    with urllib.request.urlopen(request, timeout=600) as response:
        answer = json.load(response)
    if answer.get("errors"):
        sys.exit(f"unexpected errors: {answer['errors']}")
    return answer


ADD = "mutation($e: [AddEntityInput!]!) { addEntities(input: $e) { graphVersion } }"


# Tells this run's writes from those of an earlier run on a kept store (--db).
RUN = format(int(time.time()), "x")


def write(port, n):
    entity = {"id": f"bench-{RUN}-{n}", "kind": "PERSON", "name": f"Bench Person {RUN} {n}"}
    started = time.perf_counter()
    post(port, ADD, {"e": [entity]})
    return time.perf_counter() - started


SOURCE = "mutation($s: AddSourceInput!) { addSource(input: $s) { graphVersion } }"
CLAIMS = "mutation($c: [ClaimInput!]!) { addClaims(input: $c) { graphVersion ids } }"


class Article:
    """A short article about the subject and object of the dataset's first claim, and two
    claims quoting it (a note qualifier makes each new)."""

    def __init__(self, data):
        claims = os.path.join(data, "claims.jsonl") if data else "seed/claims.jsonl"
        entities = os.path.join(data, "entities.jsonl") if data else "seed/entities.jsonl"
        with open(claims) as f:
            first = json.loads(next(line for line in f if line.strip() and not line.startswith("#")))
        self.subject, self.predicate, self.object = first["subject"], first["predicate"], first["object"]
        names = {}
        with open(entities) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    e = json.loads(line)
                    if e["id"] in (self.subject, self.object):
                        names[e["id"]] = e["name"]
        self.names = names

    def source(self, port, n):
        a, b = self.names[self.subject], self.names[self.object]
        self.sentences = [f"Bench report {RUN} {n}: {a} was seen with {b}.", f"Later, {b} spoke of {a} again ({RUN} {n})."]
        source = {"id": f"bench-report-{RUN}-{n}", "title": f"Bench report {n}", "language": "en",
                  "text": " ".join(self.sentences)}
        started = time.perf_counter()
        post(port, SOURCE, {"s": source})
        return time.perf_counter() - started

    def claims(self, port, n):
        claims = [
            {"subject": self.subject, "predicate": self.predicate, "object": self.object,
             "qualifiers": {"note": f"bench {RUN} {n}.{k}"},
             "evidence": [{"source": f"bench-report-{RUN}-{n}", "quote": sentence}]}
            for k, sentence in enumerate(self.sentences)
        ]
        started = time.perf_counter()
        post(port, CLAIMS, {"c": claims})
        return time.perf_counter() - started


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wrk(port, seconds, entity):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    body = json.dumps({"query": "query($id: ID!) { entity(id: $id) { id name } }", "variables": {"id": entity}})
    script.write(
        'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {json.dumps(body)}\n"
    )
    script.close()
    out = subprocess.run(
        ["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", script.name, f"http://127.0.0.1:{port}/graphql"],
        capture_output=True, text=True, check=True,
    ).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return rps, float(p99.group(1)) * scale


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="target/release/olympia-kg")
    parser.add_argument("--data", help="dataset directory (default: the embedded seed)")
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--entity", help="the entity the readers look up (default: tom-cruise, or the dataset's first)")
    parser.add_argument("--db", help="keep the store in this file: reused (no import) when it exists")
    parser.add_argument("--timeout-ms", type=int, default=10000,
                        help="the server's request timeout (its default, 10000); the first write after a start "
                             "builds the write indexes, which takes longer than that on a large store")
    args = parser.parse_args()
    if args.entity is None:
        args.entity = "tom-cruise"
        if args.data:
            with open(os.path.join(args.data, "entities.jsonl")) as f:
                first = next(line for line in f if line.strip() and not line.startswith("#"))
            args.entity = json.loads(first)["id"]

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or os.path.join(tmp, "kg.sqlite")
        port = free_port()
        imported = "reused"
        if not os.path.exists(db):
            proc, import_s = start(args.binary, db, args.data, port)
            stop(proc)
            imported = f"{import_s:.2f} s"
        proc, records_s = start(args.binary, db, None, port, args.timeout_ms, snapshot=False)
        records_mb = resident_mb(proc)
        stop(proc)
        proc, load_s = start(args.binary, db, None, port, args.timeout_ms)
        size = os.path.getsize(db)
        snapshot = db + ".snapshot"
        snapshot_mb = os.path.getsize(snapshot) / 1e6 if os.path.exists(snapshot) else float("nan")
        print(f"store: import {imported}, file {size / 1e6:.1f} MB, snapshot {snapshot_mb:.1f} MB")
        print(f"start from the store's records (--no-snapshot): {records_s:.2f} s, resident after it {records_mb:.0f} MB")
        print(f"start from the snapshot: {load_s:.2f} s, resident after it {resident_mb(proc):.0f} MB")
        try:
            article = Article(args.data)
            first = write(port, "first")
            print(f"first write after the start (waits for the write indexes): {first * 1000:.1f} ms")
            kinds = {"addEntities, 1 entity": [], "addSource, 2 sentences": [], "addClaims, 2 claims": []}
            for n in range(args.writes):
                kinds["addEntities, 1 entity"].append(write(port, n))
                kinds["addSource, 2 sentences"].append(article.source(port, n))
                kinds["addClaims, 2 claims"].append(article.claims(port, n))
            for kind, latencies in kinds.items():
                print(
                    f"write ({kind}): p50 {percentile(latencies, 50) * 1000:.1f} ms, "
                    f"p99 {percentile(latencies, 99) * 1000:.1f} ms over {args.writes} writes"
                )
            alone = wrk(port, args.seconds, args.entity)
            stop_flag = threading.Event()
            during = []

            def stream():
                n = args.writes
                while not stop_flag.is_set():
                    during.append(write(port, n))
                    n += 1

            writer = threading.Thread(target=stream)
            writer.start()
            busy = wrk(port, args.seconds, args.entity)
            stop_flag.set()
            writer.join()
            print(f"reads alone: {alone[0]:.0f} req/s, p99 {alone[1]:.2f} ms")
            print(
                f"reads during a write stream ({len(during)} writes in {args.seconds} s): "
                f"{busy[0]:.0f} req/s, p99 {busy[1]:.2f} ms"
            )
            time.sleep(15)  # the allocator hands freed pages back within its 10 s decay
            print(f"resident at the end, 15 s after the last request: {resident_mb(proc):.0f} MB")
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
