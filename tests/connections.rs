//! Connection hygiene (issue 9), black-box over real TCP: slowloris heads and idle keep-alive
//! connections are cut at the header-read timeout, oversized heads are refused, connections
//! over the cap are closed at once while the others keep working, a client that stops reading
//! is cut at the write timeout, and shutdown has a deadline, in the library and in the binary.
//!
//! Every test starts its own server with small timeouts, so the file runs in seconds. Times are
//! asserted with a lower bound (the limit really is the cause, not an instant close) and a
//! generous upper bound (the machine may be busy); `--nocapture` prints the observed ones.
//! Observing a close needs a read, so the test that has a client that never reads (the write
//! timeout) watches the cut through the connection cap instead: with one connection allowed,
//! a probe is served again the moment the server lets the non-reader go.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use olympia_kg::server::{Config, Connections, MAX_HEADER_BYTES};
use olympia_kg::{dataset, schema, server};

const MS: Duration = Duration::from_millis(1);

/// The upper bound on a close that a 300 ms limit (or none) should cause: they take 300-330 ms
/// here, up to a second when the machine is saturated (two cores, a wrk load beside the tests).
const LATE: Duration = Duration::from_secs(2);

/// The GraphiQL script, the largest asset the server sends (about 1 MB).
const BIG_ASSET: &str = "/graphiql/graphiql.min.js";
const BIG_ASSET_BYTES: usize = include_bytes!("../assets/graphiql/graphiql.min.js").len();

const HEALTH: &[u8] = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

/// A server with these connection limits (and the defaults otherwise), running for the rest of
/// the test process; returns its address.
fn start(connections: Connections) -> SocketAddr {
    let server = common::start_with(
        Config {
            connections,
            ..Config::default()
        },
        schema::SchemaConfig::default(),
    );
    server
        .base
        .trim_start_matches("http://")
        .parse()
        .expect("an address")
}

/// Limits with a header-read timeout of `header_ms` and the rest at their defaults.
fn header_timeout(header_ms: u64) -> Connections {
    Connections {
        header_read_timeout: Duration::from_millis(header_ms),
        ..Connections::default()
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connects");
    stream.set_nodelay(true).expect("nodelay");
    stream
}

/// How a connection ended, seen from the client.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum End {
    /// The server closed it (FIN): `read` returned 0.
    Eof,
    /// The server reset it (RST): `read` failed with ECONNRESET.
    Reset,
    /// Still open when the test stopped waiting.
    Open,
}

/// Reads until the server closes the connection or `limit` has passed since `since`; returns
/// what arrived, how it ended and when (measured from `since`).
fn read_until_closed(
    stream: &mut TcpStream,
    since: Instant,
    limit: Duration,
) -> (Vec<u8>, End, Duration) {
    let mut received = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let left = limit.saturating_sub(since.elapsed());
        if left.is_zero() {
            return (received, End::Open, since.elapsed());
        }
        stream.set_read_timeout(Some(left)).expect("read timeout");
        match stream.read(&mut buf) {
            Ok(0) => return (received, End::Eof, since.elapsed()),
            Ok(n) => received.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return (received, End::Open, since.elapsed());
            }
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted
                ) =>
            {
                return (received, End::Reset, since.elapsed());
            }
            Err(e) => panic!("unexpected read error: {e}"),
        }
    }
}

/// One HTTP/1.1 response, read off a keep-alive connection by its `Content-Length`.
#[derive(Debug)]
struct Response {
    status: u16,
    /// The head, lowercased (status line and headers).
    head: String,
    body: Vec<u8>,
}

/// Reads one response (head and `Content-Length` body) within 5 s; `None` if the connection
/// ends first.
fn read_response(stream: &mut TcpStream) -> Option<Response> {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("read timeout");
    let mut data = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return None,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_lowercase();
    let status = head.get(9..12)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().expect("a number"))
        .unwrap_or_else(|| panic!("a content-length in {head:?}"));
    let mut body = data[head_end..].to_vec();
    while body.len() < length {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return None,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    assert_eq!(body.len(), length, "no bytes past the response ({head})");
    Some(Response { status, head, body })
}

/// Sends `GET /health` on `stream` and asserts a 200 comes back.
fn health_on(stream: &mut TcpStream) {
    stream.write_all(HEALTH).expect("writes");
    let response = read_response(stream).expect("a response");
    assert_eq!(response.status, 200, "{}", response.head);
    assert_eq!(response.body, br#"{"status":"ok"}"#);
}

/// Sends `GET /health` on `stream`: whether a 200 came back (false if the connection ended).
fn try_health(stream: &mut TcpStream) -> bool {
    if stream.write_all(HEALTH).is_err() {
        return false;
    }
    read_response(stream).is_some_and(|r| r.status == 200)
}

/// A POST of a GraphQL query: the head and the body.
fn graphql_post(query: &str) -> (String, Vec<u8>) {
    let body = serde_json::json!({ "query": query })
        .to_string()
        .into_bytes();
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    (head, body)
}

/// The server closed a connection without a byte, at a 300 ms timeout: not before (so the
/// timeout closed it, not something else) and not long after.
fn assert_cut_at_the_timeout(received: &[u8], at: Duration) {
    assert!(
        received.is_empty(),
        "{:?}",
        String::from_utf8_lossy(received)
    );
    assert!(at >= 250 * MS, "closed after {at:?}, before the timeout");
    assert!(at < LATE, "closed only after {at:?}");
}

#[test]
fn a_head_never_finished_is_cut_at_the_header_read_timeout() {
    let addr = start(header_timeout(300));
    let mut stream = connect(addr);
    let opened = Instant::now();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .expect("writes");
    let (received, end, at) = read_until_closed(&mut stream, opened, Duration::from_secs(3));
    eprintln!("slowloris: {end:?} after {} ms", at.as_millis());
    // hyper closes without answering (no 408): a FIN, no bytes.
    assert_eq!(end, End::Eof);
    assert_cut_at_the_timeout(&received, at);
}

#[test]
fn a_head_sent_a_line_at_a_time_gets_no_more_time() {
    // The timeout bounds the whole head, not the gap between bytes: a client trickling a header
    // line every 50 ms is cut at the same 300 ms.
    let addr = start(header_timeout(300));
    let mut stream = connect(addr);
    let opened = Instant::now();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .expect("writes");
    let mut writer = stream.try_clone().expect("a second handle");
    let trickle = std::thread::spawn(move || {
        let mut lines = 0;
        while opened.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(50 * MS);
            if writer.write_all(b"X-Slow: 1\r\n").is_err() {
                break;
            }
            lines += 1;
        }
        lines
    });
    let (received, end, at) = read_until_closed(&mut stream, opened, Duration::from_secs(3));
    let _ = stream.shutdown(Shutdown::Both);
    let lines = trickle.join().expect("the writer");
    eprintln!(
        "trickled head: {end:?} after {} ms ({lines} lines sent)",
        at.as_millis()
    );
    // A FIN, or a reset when a trickled line reached the closed socket first.
    assert!(matches!(end, End::Eof | End::Reset), "{end:?}");
    assert_cut_at_the_timeout(&received, at);
}

#[test]
fn an_idle_keep_alive_connection_is_cut_at_the_header_read_timeout() {
    let addr = start(header_timeout(300));
    let mut stream = connect(addr);
    let opened = Instant::now();
    // Three requests 200 ms apart: the connection outlives one timeout, because each period
    // counts from the end of the previous response.
    health_on(&mut stream);
    for _ in 0..2 {
        std::thread::sleep(200 * MS);
        health_on(&mut stream);
    }
    let answered = Instant::now();
    assert!(opened.elapsed() >= 400 * MS);
    let (received, end, at) = read_until_closed(&mut stream, answered, Duration::from_secs(3));
    eprintln!(
        "idle keep-alive: {end:?} {} ms after the last response ({} ms after opening)",
        at.as_millis(),
        opened.elapsed().as_millis()
    );
    assert_eq!(end, End::Eof);
    assert_cut_at_the_timeout(&received, at);
}

/// hyper's answer to a head over `max_buf_size`: exactly a 431 with no body, and `Connection:
/// close`.
fn assert_431(text: &str) {
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("http/1.1 431 request header fields too large"),
        "{text:?}"
    );
    let mut headers: Vec<&str> = lines.take_while(|l| !l.is_empty()).collect();
    headers.sort_unstable();
    assert_eq!(headers.len(), 3, "{text:?}");
    assert_eq!(headers[0], "connection: close", "{text:?}");
    assert_eq!(headers[1], "content-length: 0", "{text:?}");
    assert!(headers[2].starts_with("date: "), "{text:?}");
    assert!(text.ends_with("\r\n\r\n"), "{text:?}");
}

#[test]
fn an_oversized_head_gets_431_and_the_connection_closes() {
    let addr = start(Connections::default());
    let start_line = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: ";

    // A head just under the cap is served.
    let mut stream = connect(addr);
    let mut head = start_line.to_vec();
    head.resize(MAX_HEADER_BYTES - 1024, b'a');
    head.extend_from_slice(b"\r\n\r\n");
    stream.write_all(&head).expect("writes");
    let response = read_response(&mut stream).expect("a response");
    assert_eq!(response.status, 200, "{}", response.head);

    // A head of exactly the cap, unfinished: hyper reads all of it, answers 431 with an empty
    // body and closes (a FIN: nothing is left unread).
    let mut stream = connect(addr);
    let mut head = start_line.to_vec();
    head.resize(MAX_HEADER_BYTES, b'a');
    let sent = Instant::now();
    stream.write_all(&head).expect("writes");
    let (received, end, at) = read_until_closed(&mut stream, sent, Duration::from_secs(3));
    let text = String::from_utf8_lossy(&received).to_lowercase();
    eprintln!("64 KiB head: {end:?} after {} ms: {text:?}", at.as_millis());
    assert_431(&text);
    assert_eq!(end, End::Eof);
    assert!(at < LATE, "{at:?}");

    // Far over the cap (16 MiB sent, more than the kernel buffers take): the same 431, then the
    // close; hyper never reads past 64 KiB, so the client cannot write the rest (a reset or a
    // broken pipe), and its end is a FIN or, when the bytes left unread make the kernel reset
    // the connection first, a reset.
    let mut stream = connect(addr);
    let mut head = start_line.to_vec();
    head.resize(16 * 1024 * 1024, b'a');
    let mut writer = stream.try_clone().expect("a second handle");
    let sender = std::thread::spawn(move || writer.write_all(&head).map_err(|e| e.kind()));
    let sent = Instant::now();
    let (received, end, at) = read_until_closed(&mut stream, sent, Duration::from_secs(3));
    let written = sender.join().expect("the writer");
    let text = String::from_utf8_lossy(&received).to_lowercase();
    eprintln!(
        "16 MiB head: {end:?} after {} ms, write {written:?}: {text:?}",
        at.as_millis()
    );
    assert_431(&text);
    assert!(matches!(end, End::Eof | End::Reset), "{end:?}");
    assert!(at < LATE, "{at:?}");
    assert!(
        matches!(
            written,
            Err(ErrorKind::BrokenPipe | ErrorKind::ConnectionReset)
        ),
        "the server took the whole 16 MiB head: {written:?}"
    );

    // The server is still there.
    health_on(&mut connect(addr));
}

#[test]
fn connections_over_the_cap_are_closed_at_once_and_the_others_keep_working() {
    let addr = start(Connections {
        max_connections: 4,
        ..Connections::default()
    });
    let mut held: Vec<TcpStream> = (0..4).map(|_| connect(addr)).collect();
    // The fifth is accepted and closed without a byte.
    let mut fifth = connect(addr);
    let opened = Instant::now();
    let (received, end, at) = read_until_closed(&mut fifth, opened, Duration::from_secs(3));
    eprintln!("over the cap: {end:?} after {} ms", at.as_millis());
    assert_eq!(end, End::Eof);
    assert!(received.is_empty());
    assert!(at < 500 * MS, "closed only after {at:?}");

    // The four are served, and still hold their places afterwards (keep-alive).
    for stream in &mut held {
        health_on(stream);
    }
    let mut sixth = connect(addr);
    let (_, end, _) = read_until_closed(&mut sixth, Instant::now(), Duration::from_secs(3));
    assert_eq!(end, End::Eof, "a fifth connection after the requests");

    // Once they close, four new connections are served again, as soon as the server has seen
    // the closes (it has not always done so by the next accept: retry until it has).
    drop(held);
    let closed = Instant::now();
    let mut tries = 0;
    loop {
        tries += 1;
        let mut again: Vec<TcpStream> = (0..4).map(|_| connect(addr)).collect();
        if again.iter_mut().all(try_health) {
            break;
        }
        assert!(
            closed.elapsed() < Duration::from_secs(3),
            "four connections are still not served {:?} after the four closed",
            closed.elapsed()
        );
        drop(again);
        std::thread::sleep(20 * MS);
    }
    eprintln!(
        "four served again {} ms after the four closed (try {tries})",
        closed.elapsed().as_millis()
    );
}

#[test]
fn a_client_that_stops_reading_is_cut_at_the_write_timeout() {
    // One connection allowed: while the slow reader holds it, probes are refused, so the moment
    // a probe is served again is the moment the server cut the slow reader.
    let addr = start(Connections {
        max_connections: 1,
        write_timeout: 300 * MS,
        ..Connections::default()
    });
    // 20 pipelined requests for the 1 MB script: 20 MB, far more than the loopback socket
    // buffers hold (a few MB), and the client never reads.
    const REQUESTS: usize = 20;
    let mut slow = connect(addr);
    let request = format!("GET {BIG_ASSET} HTTP/1.1\r\nHost: x\r\n\r\n").repeat(REQUESTS);
    slow.write_all(request.as_bytes()).expect("writes");
    let sent = Instant::now();

    let mut refused = 0;
    let cut = loop {
        std::thread::sleep(25 * MS);
        if try_health(&mut connect(addr)) {
            break sent.elapsed();
        }
        refused += 1;
        assert!(
            sent.elapsed() < Duration::from_secs(5),
            "the slow reader still holds its connection after {:?}",
            sent.elapsed()
        );
    };

    // Reading now gets what the kernel buffers held when the server gave up, then the end.
    let (received, end, _) = read_until_closed(&mut slow, Instant::now(), Duration::from_secs(5));
    eprintln!(
        "slow reader: cut {} ms after its requests ({refused} probes refused meanwhile); it then read {} of {} bytes and {end:?}",
        cut.as_millis(),
        received.len(),
        REQUESTS * BIG_ASSET_BYTES
    );
    assert!(refused >= 1, "the slow reader did not hold its connection");
    assert!(
        cut >= 250 * MS,
        "cut after {cut:?}, before the write timeout"
    );
    assert!(cut < LATE, "cut only after {cut:?}");
    assert!(matches!(end, End::Eof | End::Reset), "{end:?}");
    assert!(
        received.starts_with(b"HTTP/1.1 200 OK\r\n"),
        "{:?}",
        String::from_utf8_lossy(&received[..received.len().min(200)])
    );
    assert!(
        received.len() < REQUESTS * BIG_ASSET_BYTES,
        "the whole answer arrived: the server never blocked"
    );
}

/// A server that stops when told: `stop` resolves the shutdown future given to `server::run`,
/// and `stopped` reports when `run` has returned (its thread then ends).
struct Stoppable {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    stopped: mpsc::Receiver<std::io::Result<()>>,
    thread: Option<JoinHandle<()>>,
}

fn start_stoppable(connections: Connections) -> Stoppable {
    let (addr_tx, addr_rx) = mpsc::channel();
    let (stop, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let (stopped_tx, stopped) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
        let result = runtime.block_on(async move {
            let graph = Arc::new(dataset::load_embedded().expect("the seed dataset loads"));
            let schema = schema::build_schema(graph, schema::SchemaConfig::default());
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("an ephemeral port");
            addr_tx
                .send(listener.local_addr().expect("bound"))
                .expect("the test waits");
            let config = Config {
                connections: connections.clone(),
                ..Config::default()
            };
            server::run(listener, server::app(schema, config), connections, async {
                let _ = stop_rx.await;
            })
            .await
        });
        let _ = stopped_tx.send(result);
    });
    Stoppable {
        addr: addr_rx.recv().expect("the server reports its address"),
        stop: Some(stop),
        stopped,
        thread: Some(thread),
    }
}

impl Stoppable {
    fn stop(&mut self) -> Instant {
        self.stop
            .take()
            .expect("stopped once")
            .send(())
            .expect("the server listens for its stop");
        Instant::now()
    }

    /// Waits up to `limit` for `run` to return; returns when it did.
    fn wait_stopped(&mut self, since: Instant, limit: Duration) -> Duration {
        let result = self
            .stopped
            .recv_timeout(limit)
            .unwrap_or_else(|_| panic!("run() has not returned {limit:?} after the stop"));
        let at = since.elapsed();
        result.expect("run() ends without an error");
        self.thread
            .take()
            .expect("one thread")
            .join()
            .expect("the server thread ends");
        at
    }
}

#[test]
fn shutdown_finishes_requests_in_flight_and_cuts_the_rest_at_its_deadline() {
    let mut server = start_stoppable(Connections {
        header_read_timeout: Duration::from_secs(60),
        shutdown_timeout: 500 * MS,
        ..Connections::default()
    });
    let addr = server.addr;
    // A connection with a head it never finishes: only the shutdown deadline ends it.
    let mut stuck = connect(addr);
    stuck
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .expect("writes");
    // A request in flight: its head and half its body are in when the shutdown begins.
    let (head, body) = graphql_post(r#"{ entity(id: "tom-cruise") { name } }"#);
    let mut busy = connect(addr);
    busy.write_all(head.as_bytes()).expect("writes");
    busy.write_all(&body[..body.len() / 2]).expect("writes");
    // An idle keep-alive connection: closed at once by the shutdown.
    let mut idle = connect(addr);
    health_on(&mut idle);
    std::thread::sleep(100 * MS);

    let stopped_at = server.stop();
    let (_, idle_end, idle_at) = read_until_closed(&mut idle, stopped_at, Duration::from_secs(3));
    // New connections are refused: the listener is closed.
    std::thread::sleep(100 * MS);
    let refused = TcpStream::connect(addr);
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.kind() == ErrorKind::ConnectionRefused),
        "{refused:?}"
    );
    // The request in flight completes, and its connection then closes.
    busy.write_all(&body[body.len() / 2..]).expect("writes");
    let response = read_response(&mut busy).expect("the request in flight is answered");
    let answered = stopped_at.elapsed();
    assert_eq!(response.status, 200, "{}", response.head);
    let json: serde_json::Value = serde_json::from_slice(&response.body).expect("JSON");
    assert_eq!(json["data"]["entity"]["name"], "Tom Cruise", "{json}");
    let (_, busy_end, _) = read_until_closed(&mut busy, stopped_at, Duration::from_secs(3));

    let returned = server.wait_stopped(stopped_at, Duration::from_secs(3));
    let (_, stuck_end, _) = read_until_closed(&mut stuck, stopped_at, Duration::from_secs(1));
    eprintln!(
        "shutdown: idle connection {idle_end:?} after {} ms, request in flight answered after {} ms (connection then {busy_end:?}), run() returned after {} ms, the unfinished head {stuck_end:?}",
        idle_at.as_millis(),
        answered.as_millis(),
        returned.as_millis()
    );
    assert!(
        response.head.contains("\r\nconnection: close\r\n"),
        "{}",
        response.head
    );
    assert_eq!(idle_end, End::Eof);
    assert!(idle_at < 500 * MS, "the idle connection lasted {idle_at:?}");
    assert_eq!(busy_end, End::Eof);
    // The unfinished head held run() up to the deadline, and no longer.
    assert!(returned >= 450 * MS, "run() returned after {returned:?}");
    assert!(returned < 2000 * MS, "run() returned after {returned:?}");
    assert!(matches!(stuck_end, End::Eof | End::Reset), "{stuck_end:?}");
}

#[test]
fn shutdown_with_nothing_open_returns_at_once() {
    let mut server = start_stoppable(Connections {
        shutdown_timeout: Duration::from_secs(10),
        ..Connections::default()
    });
    // One request, closed before the stop: no connection is left to wait for.
    let mut stream = connect(server.addr);
    health_on(&mut stream);
    drop(stream);
    std::thread::sleep(100 * MS);
    let stopped_at = server.stop();
    let returned = server.wait_stopped(stopped_at, Duration::from_secs(3));
    eprintln!("shutdown with nothing open: {} ms", returned.as_millis());
    assert!(returned < 500 * MS, "run() returned after {returned:?}");
}

/// The binary, serving on `addr` with `args`; stdout and stderr piped.
fn spawn_binary(addr: &str, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_olympia-kg"))
        .args(["serve", "--addr", addr, "--log-level", "info"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// Waits up to `limit` for `child` to exit; returns its status, stdout and stderr.
fn wait_exit(mut child: Child, limit: Duration) -> (std::process::ExitStatus, String, String) {
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output");
            panic!(
                "the binary did not exit within {limit:?}; stdout {}; stderr {}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(10 * MS);
    };
    let output = child.wait_with_output().expect("output");
    (
        status,
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_binary_names_addr_when_the_port_is_taken() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("a port");
    let addr = taken.local_addr().expect("bound").to_string();
    let child = spawn_binary(&addr, &[]);
    let (status, _, stderr) = wait_exit(child, Duration::from_secs(30));
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot listen on {addr}")),
        "{stderr}"
    );
    assert!(stderr.contains("--addr"), "{stderr}");
}

#[test]
fn the_binary_exits_on_sigterm_within_the_shutdown_timeout() {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("a port")
        .local_addr()
        .expect("bound")
        .port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let mut child = spawn_binary(&addr.to_string(), &["--shutdown-timeout-ms", "500"]);
    // Ready when it answers (the dataset loads before the port opens).
    let started = Instant::now();
    loop {
        if let Ok(mut stream) = TcpStream::connect(addr) {
            health_on(&mut stream);
            break;
        }
        if let Some(status) = child.try_wait().expect("waits") {
            let (_, stdout, stderr) = wait_exit(child, Duration::from_secs(1));
            panic!("the binary exited with {status}: {stdout} {stderr}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the binary did not open {addr}"
        );
        std::thread::sleep(50 * MS);
    }
    let mut stuck = connect(addr);
    stuck
        .write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        .expect("writes");
    std::thread::sleep(100 * MS);

    let signalled = Instant::now();
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let (status, stdout, stderr) = wait_exit(child, Duration::from_secs(3));
    let exited = signalled.elapsed();
    let (_, stuck_end, _) = read_until_closed(&mut stuck, signalled, Duration::from_secs(1));
    eprintln!(
        "binary: exited {} ms after SIGTERM with {status}; the unfinished head {stuck_end:?}",
        exited.as_millis()
    );
    let logs = format!("{stdout}{stderr}");
    assert!(status.success(), "{status}: {logs}");
    assert!(exited >= 450 * MS, "exited after {exited:?}: {logs}");
    assert!(exited < Duration::from_secs(3), "exited after {exited:?}");
    assert!(logs.contains("shutdown signal received"), "{logs}");
    assert!(
        logs.contains("still open after the shutdown timeout of 500 ms"),
        "{logs}"
    );
    assert!(logs.contains("stopped"), "{logs}");
    assert!(matches!(stuck_end, End::Eof | End::Reset), "{stuck_end:?}");
}
