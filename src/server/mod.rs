//! The HTTP server: the axum application (GraphQL over HTTP, GraphiQL and the explorer with
//! their assets, health, Prometheus metrics), its middleware (metrics, body limit, timeout, CORS, tracing), the
//! connection layer and graceful shutdown.
//!
//! `app` builds the router and `run` serves it on a listener it is given, so tests spawn the
//! real server on `127.0.0.1:0`.

mod connections;
pub mod explore;
pub mod graphiql;
mod http;
mod metrics;
pub(crate) mod response_cache;
mod tokens;
mod ws;

pub use connections::{Connections, MAX_HEADER_BYTES, listen, open_files_limit, run};
pub use graphiql::Tab;
pub use tokens::{MIN_SECRET_CHARS, WriteTokens};

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::schema::KgSchema;

/// How the server behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Serve GraphiQL to browsers at `/` and `/graphql`, and the explorer at `/explore`.
    pub graphiql: bool,
    /// Serve Prometheus metrics at `/metrics` (requests are counted either way).
    pub metrics: bool,
    /// GraphiQL's tabs, the default one first ([`graphiql::dataset_tabs`] picks them for a
    /// dataset; the seed's by default).
    pub graphiql_tabs: Vec<Tab>,
    /// Largest request body, in bytes (413 beyond).
    pub max_body_bytes: usize,
    /// Most operations in one batched request.
    pub max_batch: usize,
    /// Longest a request (a whole batch) may take, serialising its answer included.
    pub timeout: Duration,
    /// Largest response body, in bytes (a whole batch).
    pub max_response_bytes: usize,
    /// Most GraphQL requests executing at once; more wait up to `queue_timeout`, then get 503.
    pub max_concurrent_requests: usize,
    /// How long a request waits for a turn when `max_concurrent_requests` are running.
    pub queue_timeout: Duration,
    /// Origins allowed by CORS (`*` for any); none means same-origin only.
    pub cors_origins: Vec<String>,
    /// How connections are bounded (used by [`run`]).
    pub connections: Connections,
    /// The graph writes may change (the same one the schema was built with by
    /// `schema::build_live_schema`): each request reads the version current when it starts.
    /// Without one, the schema's own graph is served.
    pub live: Option<Arc<crate::store::Live>>,
    /// Who may write (none: writes are refused with `WRITES_DISABLED`).
    pub write_tokens: WriteTokens,
    /// Most subscription (WebSocket) connections open at once; more get HTTP 503.
    pub max_websockets: usize,
    /// Bytes of answers the response cache may hold (0 turns it off).
    pub response_cache_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            graphiql: true,
            metrics: true,
            graphiql_tabs: graphiql::seed_tabs(),
            max_body_bytes: 64 * 1024,
            max_batch: 10,
            timeout: Duration::from_secs(10),
            max_response_bytes: 4 * 1024 * 1024,
            max_concurrent_requests: 64,
            queue_timeout: Duration::from_secs(1),
            cors_origins: Vec::new(),
            connections: Connections::default(),
            live: None,
            write_tokens: WriteTokens::default(),
            max_websockets: 256,
            response_cache_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    schema: KgSchema,
    config: Config,
    /// The GraphiQL page, rendered once with its tabs.
    graphiql_page: axum::body::Bytes,
    /// One permit per GraphQL request executing.
    running: Semaphore,
    /// One permit per subscription connection open.
    websockets: Arc<Semaphore>,
    /// Answers already given, by graph version and request.
    responses: Arc<response_cache::ResponseCache>,
    /// What `/metrics` exposes.
    metrics: Arc<metrics::Metrics>,
}

/// The application: every route and middleware, ready to serve.
pub fn app(schema: KgSchema, config: Config) -> Router {
    let cors = cors(&config.cors_origins);
    let body_limit = config.max_body_bytes;
    // The GraphQL handler answers its own timeout with a GraphQL error; this one, later, covers
    // what happens outside it (a request body that never finishes arriving, a long queue).
    let transport_timeout = config.timeout + config.queue_timeout + Duration::from_secs(1);
    let graphiql = config.graphiql;
    let running = Semaphore::new(config.max_concurrent_requests.max(1));
    let page = if graphiql {
        axum::body::Bytes::from(graphiql::page_html(&config.graphiql_tabs))
    } else {
        axum::body::Bytes::new()
    };
    let websockets = Arc::new(Semaphore::new(config.max_websockets));
    let responses = Arc::new(response_cache::ResponseCache::new(
        config.response_cache_bytes,
    ));
    let serve_metrics = config.metrics;
    let caches = metrics::Caches {
        documents: schema.data::<Arc<crate::schema::DocumentCache>>().cloned(),
        responses: responses.clone(),
    };
    let metrics = Arc::new(metrics::Metrics::new(config.live.clone(), caches));
    let state = Arc::new(AppState {
        responses,
        schema,
        config,
        graphiql_page: page,
        running,
        websockets,
        metrics: metrics.clone(),
    });
    let mut router = Router::new()
        .route("/graphql", get(graphql_get).post(http::post))
        .route("/health", get(health));
    if graphiql {
        router = router
            .route("/", get(graphiql_page))
            .route("/graphiql/{asset}", get(graphiql::asset))
            // The explorer is a browser tool like GraphiQL, so the same switch turns it off.
            .route("/explore", get(explore::page))
            .route("/explore/{asset}", get(explore::asset));
    }
    if serve_metrics {
        // Outside the GraphQL handler, so never behind `max_concurrent_requests`.
        router = router.route("/metrics", get(metrics::scrape));
    }
    let mut router = router
        .with_state(state)
        .layer(axum::middleware::from_fn(move |request, next| {
            refuse_oversized(request, next, body_limit)
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            transport_timeout,
        ))
        .layer(TraceLayer::new_for_http());
    if let Some(cors) = cors {
        router = router.layer(cors);
    }
    // Outermost, so that it counts what the layers inside answer too (413, 408).
    router.layer(axum::middleware::from_fn_with_state(
        metrics,
        metrics::track,
    ))
}

fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
            .allow_headers([header::CONTENT_TYPE, header::ACCEPT, header::AUTHORIZATION])
            .max_age(Duration::from_secs(3600)),
    )
}

/// `GET /graphql`: subscriptions for a WebSocket upgrade, GraphiQL for a browser that asks for
/// HTML without a query, GraphQL otherwise.
async fn graphql_get(
    state: axum::extract::State<Arc<AppState>>,
    request: axum::extract::Request,
) -> axum::response::Response {
    if ws::is_upgrade(request.headers()) {
        return ws::upgrade(state.0, request).await;
    }
    let headers = request.headers().clone();
    let raw = axum::extract::RawQuery(request.uri().query().map(str::to_owned));
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if state.config.graphiql && wants_html && raw.0.as_deref().is_none_or(|q| !q.contains("query="))
    {
        return graphiql_page(state).await.into_response();
    }
    http::get(state, headers, raw).await
}

/// The GraphiQL page, with the tabs of the dataset served.
async fn graphiql_page(
    state: axum::extract::State<Arc<AppState>>,
) -> axum::response::Html<axum::body::Bytes> {
    axum::response::Html(state.graphiql_page.clone())
}

/// Bodies up to this size that declare a length over the limit are read and discarded before
/// the 413, so that the connection stays usable (closing with unread data makes the kernel reset
/// it, and the client may lose the 413 itself). Larger ones are refused at once and the
/// connection is closed.
const DRAIN_UP_TO: u64 = 1024 * 1024;

/// Answers 413 at once for a request whose `Content-Length` is over `limit` (the GraphQL handler
/// enforces the same limit on bodies of undeclared length as it reads them).
async fn refuse_oversized(
    request: axum::extract::Request,
    next: axum::middleware::Next,
    limit: usize,
) -> axum::response::Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let Some(length) = declared.filter(|&n| n > limit as u64) else {
        return next.run(request).await;
    };
    let mut response = http::payload_too_large(limit, Some(length));
    if length <= DRAIN_UP_TO {
        let _ = axum::body::to_bytes(request.into_body(), DRAIN_UP_TO as usize).await;
    } else {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// `GET /health`: 200 while the server is up (the graph is loaded before the port opens).
async fn health() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"status":"ok"}"#,
    )
}

/// Resolves on Ctrl-C or SIGTERM.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    // The handlers are installed now, not when the future is first polled: the accept loop may
    // serve a request (a readiness probe) before it polls its shutdown branch, and a SIGTERM
    // sent after that answer would otherwise meet the default action and kill the process.
    #[cfg(unix)]
    let signals = {
        use tokio::signal::unix::{SignalKind, signal};
        [SignalKind::terminate(), SignalKind::interrupt()].map(|kind| signal(kind).ok())
    };
    async move {
        #[cfg(unix)]
        {
            let [terminate, interrupt] = signals;
            let wait = |signal: Option<tokio::signal::unix::Signal>| async move {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(terminate) => {},
                () = wait(interrupt) => {},
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutdown signal received, finishing in-flight requests");
    }
}
