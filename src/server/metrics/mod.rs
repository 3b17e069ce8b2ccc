//! Prometheus metrics at `GET /metrics`, in the OpenMetrics text format (prometheus-client):
//! requests by route and outcome, their durations, requests in flight, the live graph's version
//! and size, the process's resident memory, and the caches' hits, misses and bytes.
//!
//! [`track`] is a middleware around every route: it times each request and counts it once, by
//! the [`Outcome`] the GraphQL handler attached to its response (or, for any other response, by
//! its HTTP status). Values that already exist elsewhere (the graph's version, resident memory)
//! are read when a scrape asks for them, never copied on the request path. This module only
//! observes: it never changes a response, and a request is never refused for its sake.

mod outcome;
mod scraped;

pub(crate) use outcome::{Outcome, Outcomes, Verdict};
pub(crate) use scraped::Caches;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::{Registry, Unit};

use super::AppState;
use crate::store::Live;

/// The media type prometheus-client encodes (it has no encoder for the classic
/// `text/plain; version=0.0.4` format; Prometheus reads both).
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Upper bounds of the request-duration buckets, in seconds: 100 µs to 10 s in 1-2.5-5 steps.
const DURATION_BUCKETS: [f64; 16] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0,
];

/// Which route served a request (the `route` label). A bounded set, so that a client cannot
/// make new time series by asking for new paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Route {
    Graphql,
    Graphiql,
    Health,
    Metrics,
    Other,
}

impl Route {
    /// The route a request matched (axum's matched path; none for a 404).
    fn of(matched: Option<&MatchedPath>) -> Route {
        match matched.map(MatchedPath::as_str) {
            Some("/graphql") => Route::Graphql,
            Some("/" | "/graphiql/{asset}" | "/explore" | "/explore/{asset}") => Route::Graphiql,
            Some("/health") => Route::Health,
            Some("/metrics") => Route::Metrics,
            _ => Route::Other,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Route::Graphql => "graphql",
            Route::Graphiql => "graphiql",
            Route::Health => "health",
            Route::Metrics => "metrics",
            Route::Other => "other",
        }
    }
}

impl EncodeLabelValue for Route {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> fmt::Result {
        EncodeLabelValue::encode(&self.as_str(), encoder)
    }
}

/// Which cache a figure is about (the `cache` label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Cache {
    /// Parsed and validated documents.
    Document,
    /// Whole serialised responses.
    Response,
}

impl EncodeLabelValue for Cache {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> fmt::Result {
        let name = match self {
            Cache::Document => "document",
            Cache::Response => "response",
        };
        EncodeLabelValue::encode(&name, encoder)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RequestLabels {
    route: Route,
    outcome: Verdict,
    code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RouteLabels {
    route: Route,
}

/// Every metric the server keeps, and the registry that encodes them.
pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram, fn() -> Histogram>,
    in_flight: Gauge,
}

impl Metrics {
    /// The metrics of a server whose graph is `live` and whose caches are `caches` (the graph's
    /// version and size and the caches' counts are read at each scrape; without a graph its
    /// gauges are left out).
    pub(crate) fn new(live: Option<Arc<Live>>, caches: scraped::Caches) -> Metrics {
        let mut registry = Registry::with_prefix("olympia");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route, outcome (ok, partial, error) and first error code",
            requests.clone(),
        );
        let durations: Family<RouteLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(|| Histogram::new(DURATION_BUCKETS));
        registry.register_with_unit(
            "http_request_duration",
            "Time from a request reaching the server to its response being ready, by route",
            Unit::Seconds,
            durations.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "http_requests_in_flight",
            "Requests being handled now (scrapes of /metrics left out)",
            in_flight.clone(),
        );
        registry.register_collector(Box::new(scraped::AtScrape { live, caches }));
        Metrics {
            registry,
            requests,
            durations,
            in_flight,
        }
    }

    fn record(&self, route: Route, outcome: Outcome, took: Duration) {
        self.requests
            .get_or_create(&RequestLabels {
                route,
                outcome: outcome.outcome,
                code: outcome.code,
            })
            .inc();
        self.durations
            .get_or_create(&RouteLabels { route })
            .observe(took.as_secs_f64());
    }

    /// The exposition, in the OpenMetrics text format.
    fn encode(&self) -> Result<String, fmt::Error> {
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// Counts a request in flight until dropped, so that a request whose client went away (its
/// future dropped mid-way) is not left counted.
struct InFlight<'a>(&'a Gauge);

impl<'a> InFlight<'a> {
    fn start(gauge: &'a Gauge) -> InFlight<'a> {
        gauge.inc();
        InFlight(gauge)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// The middleware: counts the request in flight, times it, and counts its outcome.
///
/// The time ends when the response is ready, before its body is sent (the GraphQL handler's
/// bodies are complete by then); a WebSocket upgrade counts once, as its 101 response, and the
/// socket's life after it is not timed.
pub(crate) async fn track(
    State(metrics): State<Arc<Metrics>>,
    request: Request,
    next: Next,
) -> Response {
    let route = Route::of(request.extensions().get::<MatchedPath>());
    // A scrape would otherwise always see itself in flight.
    let _in_flight = (route != Route::Metrics).then(|| InFlight::start(&metrics.in_flight));
    let started = Instant::now();
    let response = next.run(request).await;
    let outcome = response
        .extensions()
        .get::<Outcome>()
        .cloned()
        .unwrap_or_else(|| Outcome::of_status(response.status()));
    metrics.record(route, outcome, started.elapsed());
    response
}

/// `GET /metrics`.
pub(crate) async fn scrape(State(state): State<Arc<AppState>>) -> Response {
    match state.metrics.encode() {
        Ok(text) => {
            let mut response = text.into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
            response
        }
        Err(e) => {
            tracing::error!("cannot encode the metrics: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::response_cache::ResponseCache;

    fn line<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
        text.lines().find(|l| l.starts_with(prefix))
    }

    #[test]
    fn cache_lookups_and_bytes_are_exposed() {
        let documents = Arc::new(crate::schema::DocumentCache::new(1 << 20));
        let responses = Arc::new(ResponseCache::new(1 << 20));
        let key = || crate::server::response_cache::Key::new(axum::http::Method::POST, "{ a }");
        responses.get(&key());
        responses.insert(
            key(),
            Arc::new(crate::server::response_cache::Cached::new("{}".into())),
        );
        responses.get(&key());
        responses.get(&key());
        let metrics = Metrics::new(
            None,
            scraped::Caches {
                documents: Some(documents),
                responses: responses.clone(),
            },
        );
        let text = metrics.encode().expect("encodes");
        assert_eq!(
            line(
                &text,
                r#"olympia_cache_requests_total{cache="response",result="hit"} "#
            ),
            Some(r#"olympia_cache_requests_total{cache="response",result="hit"} 2"#)
        );
        assert_eq!(
            line(
                &text,
                r#"olympia_cache_requests_total{cache="response",result="miss"} "#
            ),
            Some(r#"olympia_cache_requests_total{cache="response",result="miss"} 1"#)
        );
        assert_eq!(
            line(
                &text,
                r#"olympia_cache_requests_total{cache="document",result="miss"} "#
            ),
            Some(r#"olympia_cache_requests_total{cache="document",result="miss"} 0"#)
        );
        let bytes = responses.stats().bytes;
        assert!(bytes > 0);
        assert_eq!(
            line(&text, r#"olympia_cache_bytes{cache="response"} "#),
            Some(format!(r#"olympia_cache_bytes{{cache="response"}} {bytes}"#).as_str())
        );
        assert_eq!(
            line(&text, r#"olympia_cache_entries{cache="response"} "#),
            Some(r#"olympia_cache_entries{cache="response"} 1"#)
        );
        // No live graph: no graph gauges.
        assert_eq!(line(&text, "olympia_graph_version"), None);
        assert!(text.ends_with("# EOF\n"), "{text}");
    }
}
