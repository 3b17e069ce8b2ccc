//! The HTTP server: the axum application (GraphQL over HTTP, GraphiQL and its assets, health),
//! its middleware (body limit, timeout, CORS, tracing) and graceful shutdown.
//!
//! `app` builds the router and `run` serves it on a listener it is given, so tests spawn the
//! real server on `127.0.0.1:0`.

mod graphiql;
mod http;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::schema::KgSchema;

/// How the server behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Serve GraphiQL to browsers at `/` and `/graphql`.
    pub graphiql: bool,
    /// Largest request body, in bytes (413 beyond).
    pub max_body_bytes: usize,
    /// Most operations in one batched request.
    pub max_batch: usize,
    /// Longest a request may take before it is answered with 408/504.
    pub timeout: Duration,
    /// Origins allowed by CORS (`*` for any); none means same-origin only.
    pub cors_origins: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            graphiql: true,
            max_body_bytes: 64 * 1024,
            max_batch: 10,
            timeout: Duration::from_secs(10),
            cors_origins: Vec::new(),
        }
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    schema: KgSchema,
    config: Config,
}

/// The application: every route and middleware, ready to serve.
pub fn app(schema: KgSchema, config: Config) -> Router {
    let cors = cors(&config.cors_origins);
    let body_limit = config.max_body_bytes;
    let timeout = config.timeout;
    let graphiql = config.graphiql;
    let state = Arc::new(AppState { schema, config });
    let mut router = Router::new()
        .route("/graphql", get(graphql_get).post(http::post))
        .route("/health", get(health));
    if graphiql {
        router = router
            .route("/", get(graphiql::page))
            .route("/graphiql/{asset}", get(graphiql::asset));
    }
    let mut router = router
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(axum::middleware::from_fn(move |request, next| {
            refuse_oversized(request, next, body_limit)
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(TraceLayer::new_for_http());
    if let Some(cors) = cors {
        router = router.layer(cors);
    }
    router
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

/// `GET /graphql`: GraphiQL for a browser that asks for HTML without a query, GraphQL otherwise.
async fn graphql_get(
    state: axum::extract::State<Arc<AppState>>,
    headers: axum::http::HeaderMap,
    raw: axum::extract::RawQuery,
) -> axum::response::Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if state.config.graphiql && wants_html && raw.0.as_deref().is_none_or(|q| !q.contains("query="))
    {
        return graphiql::page().await.into_response();
    }
    http::get(state, headers, raw).await
}

/// Bodies up to this size that declare a length over the limit are read and discarded before
/// the 413, so that the connection stays usable (closing with unread data makes the kernel reset
/// it, and the client may lose the 413 itself). Larger ones are refused at once and the
/// connection is closed.
const DRAIN_UP_TO: u64 = 1024 * 1024;

/// Answers 413 for a request whose `Content-Length` is over `limit` (tower-http's
/// `RequestBodyLimitLayer` behind it enforces the limit on bodies of undeclared length).
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
    let message = format!(
        r#"{{"errors":[{{"message":"the request body is {length} bytes, over the limit of {limit} (--max-body-bytes)","extensions":{{"code":"PAYLOAD_TOO_LARGE"}}}}]}}"#
    );
    let mut response = (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "application/json")],
        message,
    )
        .into_response();
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

/// Serves `app` on `listener` until `shutdown` resolves, then finishes in-flight requests.
pub async fn run(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received, finishing in-flight requests");
}
