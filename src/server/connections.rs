//! The connection layer under the router: accepts TCP connections up to a cap and serves each
//! with hyper's HTTP/1 under a header-read timeout, a write timeout and a header size bound, and
//! stops with a deadline. `axum::serve` offers none of these knobs, so this replaces it.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tokio_io_timeout::TimeoutStream;

/// Largest request head (request line and headers) a connection buffers: nginx's
/// `large_client_header_buffers` allow 4 × 8 KiB; hyper's own default is about 400 KiB, which let
/// a few thousand unfinished requests hold gigabytes.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// How connections are bounded. Defaults follow common reverse proxies (see the README's
/// reliability section for each anchor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connections {
    /// Most connections open at once; more are closed as they arrive, with a log line.
    pub max_connections: usize,
    /// Time a client has to send a request's complete head, counted from when the connection
    /// can take a request: when it opens, or when the previous response ended. So it also closes
    /// idle keep-alive connections (hyper times the two as one).
    pub header_read_timeout: Duration,
    /// Longest a write to the client may wait (the client not reading) before the connection is
    /// closed.
    pub write_timeout: Duration,
    /// After a shutdown signal, how long open requests may run before the remaining connections
    /// are cut and the process exits.
    pub shutdown_timeout: Duration,
}

impl Default for Connections {
    fn default() -> Self {
        Connections {
            max_connections: 512,
            header_read_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(60),
            shutdown_timeout: Duration::from_secs(10),
        }
    }
}

/// Pending connections the kernel queues for `accept` (capped by `net.core.somaxconn`). The
/// standard library's 128 overflows when a burst of a few hundred clients connects at once: the
/// kernel then drops their handshake's last packet and they wait a second for its retransmission
/// (nginx on Linux queues 511, Go `somaxconn`).
pub const LISTEN_BACKLOG: u32 = 1024;

/// Binds `addr` and listens with a backlog of [`LISTEN_BACKLOG`].
pub fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// The most open files this process may hold, where the platform says (Linux).
pub fn open_files_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Serves `app` on `listener` until `shutdown` resolves; then stops accepting, lets open
/// requests finish for up to `limits.shutdown_timeout`, and cuts what is left.
pub async fn run(
    listener: TcpListener,
    app: Router,
    limits: Connections,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let (closing, closed) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut refused = Refusals::default();
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    accept_failed(&e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        while connections.try_join_next().is_some() {}
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            refused.note(limits.max_connections);
            drop(stream);
            continue;
        };
        connections.spawn(serve_connection(
            stream,
            app.clone(),
            limits.clone(),
            closed.clone(),
            permit,
        ));
    }
    drop(listener);
    let _ = closing.send(true);
    let open = connections.len();
    if open > 0 {
        tracing::info!(
            "waiting up to {} ms for {open} open connections (--shutdown-timeout-ms)",
            limits.shutdown_timeout.as_millis()
        );
    }
    let drained = tokio::time::timeout(limits.shutdown_timeout, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            "{} connections still open after the shutdown timeout of {} ms (--shutdown-timeout-ms); closing them",
            connections.len(),
            limits.shutdown_timeout.as_millis()
        );
        connections.shutdown().await;
    }
    Ok(())
}

/// Accept errors: per-connection ones are skipped; running out of file descriptors is logged
/// and retried after a pause (the cap should keep it from happening: set `--max-connections`
/// below `ulimit -n`).
async fn accept_failed(error: &io::Error) {
    use io::ErrorKind::*;
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted
    ) {
        return;
    }
    tracing::error!(
        "accept failed: {error}; retrying in 100 ms (if this says too many open files, lower --max-connections or raise ulimit -n)"
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// Connections refused at the cap, logged at most once a second.
#[derive(Default)]
struct Refusals {
    since_log: u64,
    last_log: Option<Instant>,
}

impl Refusals {
    fn note(&mut self, cap: usize) {
        self.since_log += 1;
        if self
            .last_log
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(1))
        {
            tracing::warn!(
                "refused {} connections: {cap} are open, the limit (--max-connections)",
                self.since_log
            );
            self.since_log = 0;
            self.last_log = Some(Instant::now());
        }
    }
}

async fn serve_connection(
    stream: TcpStream,
    app: Router,
    limits: Connections,
    mut closing: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let mut stream = TimeoutStream::new(stream);
    stream.set_write_timeout(Some(limits.write_timeout));
    let io = TokioIo::new(Box::pin(stream));
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .max_buf_size(MAX_HEADER_BYTES);
    let connection = builder
        .serve_connection(io, TowerToHyperService::new(app))
        .with_upgrades();
    tokio::pin!(connection);
    let shutting_down = async {
        let _ = closing.wait_for(|closing| *closing).await;
    };
    let result = tokio::select! {
        result = connection.as_mut() => result,
        () = shutting_down => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if let Err(e) = result {
        tracing::debug!("connection closed: {e}");
    }
}
