#!/usr/bin/env python3
"""Connection abuse for scripts/soak.sh, run alongside the wrk mix (standard library only).

For the whole run it keeps open, replacing each one the server closes:
  * slowloris sockets: a request head started and never finished, a header line trickled
    every second (the header-read timeout must cut them, counted from the connection's open);
  * idle keep-alive sockets: one GET /health answered, then silence (the header-read timeout
    must cut them, counted from the end of the response);
  * slow readers: a few pipelined requests for the 1 MB GraphiQL script, never read (the write
    timeout must cut them once the socket buffers are full; the cut is seen on the server's side
    of the socket in /proc/net/tcp, then the client reads what arrived: a truncated stream);
and every few seconds it opens a burst of connections past --max-connections (the ones over
the cap must be closed at once, without a byte; the others are served).

It prints one line per kind (how many the server closed and how fast) and exits 1 if a
connection outlived its limit, a connection over the cap was not refused, or a slow reader got
its whole answer.

  abuse.py --port PORT --seconds S --max-connections CAP --wrk-connections C \
           --header-timeout-ms MS --write-timeout-ms MS [--slowloris N] [--idle N] [--slow-readers N]
"""

import argparse
import errno
import os
import selectors
import socket
import statistics
import sys
import time

ASSET = "/graphiql/graphiql.min.js"
HEAD_START = b"GET /health HTTP/1.1\r\nHost: soak\r\nUser-Agent: slowloris\r\n"
HEALTH = b"GET /health HTTP/1.1\r\nHost: soak\r\n\r\n"
ESTABLISHED = "01"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--max-connections", type=int, required=True, help="the server's cap")
    p.add_argument("--wrk-connections", type=int, required=True, help="connections wrk keeps open")
    p.add_argument("--header-timeout-ms", type=int, required=True)
    p.add_argument("--write-timeout-ms", type=int, required=True)
    p.add_argument("--slowloris", type=int, default=64)
    p.add_argument("--idle", type=int, default=32)
    p.add_argument("--slow-readers", type=int, default=8)
    p.add_argument("--pipelined", type=int, default=8, help="asset requests per slow reader")
    p.add_argument("--burst-every", type=float, default=4.0, help="seconds between bursts")
    p.add_argument("--burst-extra", type=int, default=16, help="connections past the cap per burst")
    p.add_argument("--quiet", action="store_true", help="no report, only the exit status")
    return p.parse_args()


class Conn:
    """One abusive connection."""

    def __init__(self, kind, sock, now):
        self.kind = kind
        self.sock = sock
        self.port = sock.getsockname()[1]
        self.opened = now
        self.since = now  # what its limit counts from
        self.received = bytearray()
        self.answered = False  # idle: its one response arrived
        self.last_trickle = now
        self.closed_at = None
        self.how = None  # "eof" | "reset"


def server_side_states(server_port):
    """State of the server's end of each loopback connection, by client port (Linux)."""
    states = {}
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(path) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    local, remote, state = fields[1], fields[2], fields[3]
                    if int(local.rsplit(":", 1)[1], 16) == server_port:
                        states[int(remote.rsplit(":", 1)[1], 16)] = state
        except OSError:
            pass
    return states


def summary(values):
    if not values:
        return "none"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return "min %.0f / median %.0f / p95 %.0f / max %.0f ms" % (
        values[0] * 1000,
        statistics.median(values) * 1000,
        p95 * 1000,
        values[-1] * 1000,
    )


def main():
    a = parse_args()
    addr = (a.host, a.port)
    header_timeout = a.header_timeout_ms / 1000
    write_timeout = a.write_timeout_ms / 1000
    # A connection closed this soon was refused at the cap (a burst filled it), not timed out.
    refused_within = min(0.5, header_timeout / 2)
    # Limits plus slack for a loaded machine (2 cores shared with wrk and the server).
    header_deadline = header_timeout + 2.0
    write_deadline = write_timeout + 3.0
    burst_hold = min(1.0, header_timeout / 2)
    held_target = a.slowloris + a.idle + a.slow_readers
    if a.wrk_connections + held_target + 8 > a.max_connections:
        sys.exit(
            "abuse.py: %d wrk + %d held abusive connections leave no room under --max-connections %d"
            % (a.wrk_connections, held_target, a.max_connections)
        )

    sel = selectors.DefaultSelector()
    live = {}  # fd -> Conn (slowloris, idle, burst: watched for reads)
    slow = []  # slow readers: never read until cut
    bursts = []  # dicts: sockets, opened, stats
    stats = {
        "slowloris": {"opened": 0, "cut": [], "refused": 0, "answered": 0, "late": 0},
        "idle": {"opened": 0, "cut": [], "refused": 0, "answered": 0, "late": 0},
        "slow": {"opened": 0, "cut": [], "bytes": [], "whole": 0, "late": 0, "unseen": 0},
        "burst": {"bursts": 0, "opened": 0, "refused": 0, "accepted": 0, "refused_in": [], "no_refusal": 0},
        "connect_errors": 0,
    }
    failures = []
    slow_request = ("GET %s HTTP/1.1\r\nHost: soak\r\n\r\n" % ASSET).encode() * a.pipelined
    proc_net = os.path.exists("/proc/net/tcp")

    def connect():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(2)
        try:
            s.connect(addr)
        except OSError:
            stats["connect_errors"] += 1
            s.close()
            return None
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return s

    def open_watched(kind, payload):
        s = connect()
        if s is None:
            return None
        try:
            s.sendall(payload)
        except OSError:
            pass  # refused at the cap already: the read below sees the close
        s.setblocking(False)
        c = Conn(kind, s, time.monotonic())
        live[s.fileno()] = c
        sel.register(s, selectors.EVENT_READ, c)
        return c

    def finish(c, how, now):
        """Forgets a closed connection; `how` is "eof" or "reset" (the server closed it) or
        "client" (this script did)."""
        c.closed_at = now
        c.how = how
        sel.unregister(c.sock)
        del live[c.sock.fileno()]
        c.sock.close()
        if c.kind in ("slowloris", "idle") and how != "client":
            st = stats[c.kind]
            if c.received and not c.answered:
                st["answered"] += 1  # the server wrote something to an unfinished head
            if now - c.opened < refused_within and not (c.kind == "idle" and c.answered):
                st["refused"] += 1
            else:
                st["cut"].append(now - c.since)

    def on_readable(c, now):
        try:
            data = c.sock.recv(65536)
        except (ConnectionResetError, ConnectionAbortedError):
            finish(c, "reset", now)
            return
        except BlockingIOError:
            return
        if not data:
            finish(c, "eof", now)
            return
        c.received += data
        if c.kind == "idle" and not c.answered:
            end = c.received.find(b"\r\n\r\n")
            if end >= 0:
                head = c.received[:end].decode("latin-1").lower()
                length = 0
                for line in head.split("\r\n"):
                    if line.startswith("content-length:"):
                        length = int(line.split(":", 1)[1])
                if len(c.received) >= end + 4 + length:
                    c.answered = True
                    c.since = now  # idle from here
                    c.received.clear()

    def drain(s, expected):
        """Reads what a cut slow reader's socket still holds; returns (bytes, ended)."""
        s.settimeout(5)
        total = 0
        try:
            while True:
                data = s.recv(1 << 20)
                if not data:
                    return total, True
                total += len(data)
                if total >= expected:
                    return total, False
        except (ConnectionResetError, ConnectionAbortedError):
            return total, True
        except socket.timeout:
            return total, False

    def check_slow(now):
        states = server_side_states(a.port) if proc_net else {}
        for entry in list(slow):
            s, opened, port = entry
            state = states.get(port) if proc_net else None
            cut = proc_net and state != ESTABLISHED
            if not cut and now - opened < write_deadline:
                continue
            slow.remove(entry)
            st = stats["slow"]
            expected = a.pipelined * asset_bytes[0]
            total, ended = drain(s, expected)
            s.close()
            st["bytes"].append(total)
            if cut:
                st["cut"].append(now - opened)
                if total >= expected:
                    st["whole"] += 1
            elif proc_net or not ended or total >= expected:
                st["late"] += 1
            else:
                st["unseen"] += 1  # cut at some time before write_deadline

    def open_slow():
        s = connect()
        if s is None:
            return
        try:
            s.sendall(slow_request)
        except OSError:
            s.close()
            return
        stats["slow"]["opened"] += 1
        slow.append((s, time.monotonic(), s.getsockname()[1]))

    # The asset's size, to tell a truncated stream from a whole one.
    asset_bytes = [0]
    probe = connect()
    if probe is None:
        sys.exit("abuse.py: cannot connect to %s:%d" % addr)
    probe.sendall(("HEAD %s HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n" % ASSET).encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = probe.recv(4096)
        if not chunk:
            break
        head += chunk
    probe.close()
    for line in head.decode("latin-1").lower().split("\r\n"):
        if line.startswith("content-length:"):
            asset_bytes[0] = int(line.split(":", 1)[1])
    if not asset_bytes[0]:
        sys.exit("abuse.py: %s has no content-length (is GraphiQL off?): %r" % (ASSET, head[:200]))

    started = time.monotonic()
    next_burst = started + min(a.burst_every, a.seconds / 3)
    burst = None
    while True:
        now = time.monotonic()
        if now - started >= a.seconds and burst is None:
            break
        # Keep every kind at its count (not while a burst fills the cap).
        if burst is None:
            kinds = {"slowloris": 0, "idle": 0}
            for c in live.values():
                if c.kind in kinds:
                    kinds[c.kind] += 1
            for _ in range(a.slowloris - kinds["slowloris"]):
                if open_watched("slowloris", HEAD_START):
                    stats["slowloris"]["opened"] += 1
            for _ in range(a.idle - kinds["idle"]):
                if open_watched("idle", HEALTH):
                    stats["idle"]["opened"] += 1
            for _ in range(a.slow_readers - len(slow)):
                open_slow()
        # Bursts past the cap.
        if burst is None and now >= next_burst and now + burst_hold + 0.5 < started + a.seconds:
            # Held connections the server will close by its timeouts while the burst lasts free
            # their slots then, so they are not counted: a burst must still pass the cap after
            # a batch of them expires together.
            window = now + burst_hold + 0.25
            held = sum(
                1 for c in live.values() if c.kind != "burst" and c.since + header_timeout > window
            ) + sum(1 for (_, opened, _) in slow if opened + write_timeout > window)
            n = a.max_connections - a.wrk_connections - held + a.burst_extra
            burst = {"opened": now, "conns": []}
            for _ in range(n):
                c = open_watched("burst", b"")
                if c:
                    burst["conns"].append(c)
            stats["burst"]["bursts"] += 1
            stats["burst"]["opened"] += len(burst["conns"])
        if burst is not None and (now - burst["opened"] >= burst_hold or now - started >= a.seconds):
            refused = [c for c in burst["conns"] if c.closed_at is not None and not c.received]
            st = stats["burst"]
            st["refused"] += len(refused)
            st["refused_in"].extend(c.closed_at - c.opened for c in refused)
            if not refused:
                st["no_refusal"] += 1
            for c in burst["conns"]:
                if c.closed_at is None:
                    st["accepted"] += 1
                    finish(c, "client", now)
            burst = None
            next_burst = now + a.burst_every
        # Trickle the slowloris heads.
        for c in list(live.values()):
            if c.kind == "slowloris" and now - c.last_trickle >= 1.0:
                c.last_trickle = now
                try:
                    c.sock.send(b"X-Trickle: 1\r\n")
                except BlockingIOError:
                    pass
                except OSError:
                    pass  # closed: the read sees it
        for key, _ in sel.select(timeout=0.05):
            on_readable(key.data, time.monotonic())
        now = time.monotonic()
        # Overdue: a connection the server should have closed by now.
        for c in list(live.values()):
            if c.kind == "slowloris" or (c.kind == "idle" and c.answered):
                if now - c.since > header_deadline:
                    stats[c.kind]["late"] += 1
                    finish(c, "client", now)
        check_slow(now)

    # The end: close everything still open (not counted), then report.
    for c in list(live.values()):
        sel.unregister(c.sock)
        c.sock.close()
    live.clear()
    for s, _, _ in slow:
        s.close()

    for kind, limit, what in (
        ("slowloris", header_timeout, "unfinished heads"),
        ("idle", header_timeout, "idle keep-alive connections"),
    ):
        st = stats[kind]
        if st["late"]:
            failures.append("%d %s outlived the header-read timeout by more than %.0f s" % (st["late"], what, header_deadline - limit))
        if st["answered"]:
            failures.append("the server answered %d %s" % (st["answered"], what))
        if not st["cut"] and a.seconds > header_deadline + 1:
            failures.append("none of the %s was closed by the server" % what)
    st = stats["slow"]
    if st["late"]:
        failures.append("%d slow readers were not cut within %.0f s of the write timeout" % (st["late"], write_deadline - write_timeout))
    if st["whole"]:
        failures.append("%d slow readers received their whole answer (the server never blocked)" % st["whole"])
    if a.slow_readers and not st["cut"] and not st["unseen"] and a.seconds > write_deadline + 1:
        failures.append("no slow reader was cut")
    st = stats["burst"]
    if st["no_refusal"]:
        failures.append("%d bursts past the cap had no connection refused" % st["no_refusal"])
    slow_refusals = [t for t in st["refused_in"] if t > 0.5]
    if slow_refusals:
        failures.append("%d connections over the cap took more than 500 ms to be closed" % len(slow_refusals))

    if not a.quiet:
        for kind, what in (("slowloris", "unfinished heads"), ("idle", "idle keep-alive")):
            st = stats[kind]
            print(
                "abuse: %d %s opened, %d closed by the server at the header-read timeout (%d ms): %s after %s; %d refused at the cap during bursts; %d late"
                % (st["opened"], what, len(st["cut"]), a.header_timeout_ms, summary(st["cut"]),
                   "opening" if kind == "slowloris" else "the response", st["refused"], st["late"])
            )
        st = stats["slow"]
        if proc_net:
            cut_text = "%d cut by the server (write timeout %d ms): %s after the requests" % (len(st["cut"]), a.write_timeout_ms, summary(st["cut"]))
        else:
            cut_text = "%d cut (no /proc/net/tcp: seen only as truncated streams)" % st["unseen"]
        got = sorted(st["bytes"])
        print(
            "abuse: %d slow readers of %d x %s (%d bytes each), %s; then read %s of their %d bytes; %d whole; %d late"
            % (st["opened"], a.pipelined, ASSET, asset_bytes[0], cut_text,
               ("%d-%d" % (got[0], got[-1])) if got else "none", a.pipelined * asset_bytes[0], st["whole"], st["late"])
        )
        st = stats["burst"]
        print(
            "abuse: %d bursts past the cap of %d (%d wrk + %d held + %d extra): %d connections, %d refused (closed without a byte, %s after the connect), %d accepted"
            % (st["bursts"], a.max_connections, a.wrk_connections, held_target, a.burst_extra, st["opened"],
               st["refused"], summary(st["refused_in"]), st["accepted"])
        )
        if stats["connect_errors"]:
            print("abuse: %d connects failed" % stats["connect_errors"])
        for f in failures:
            print("abuse: FAIL: " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as e:
        if e.errno == errno.EMFILE:
            sys.exit("abuse.py: too many open files: raise ulimit -n")
        raise
