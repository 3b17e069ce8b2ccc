//! Prometheus metrics at `GET /metrics`, in the OpenMetrics text format (prometheus-client):
//! requests by route and outcome, their durations, requests in flight, the live graph's version
//! and size, the process's resident memory, and the caches' hits, misses and bytes.
//!
//! [`track`] is a middleware around every route: it times each request and counts it once, by
//! the [`Outcome`] the GraphQL handler attached to its response (or, for any other response, by
//! its HTTP status). Values that already exist elsewhere (the graph's version, resident memory)
//! are read when a scrape asks for them, never copied on the request path. This module only
//! observes: it never changes a response, and a request is never refused for its sake.

use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{
    DescriptorEncoder, EncodeLabelSet, EncodeLabelValue, EncodeMetric, LabelValueEncoder,
};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge};
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

/// Longest error code kept as a label value; codes are the server's own `SCREAMING_SNAKE_CASE`
/// names, and anything else (a longer or differently shaped code) is counted as [`OTHER`].
const MAX_CODE_CHARS: usize = 40;

/// The label value standing for every error code not of the form `[A-Z_]{1,40}`.
const OTHER: &str = "OTHER";

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
            Some("/" | "/graphiql/{asset}") => Route::Graphiql,
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

/// How a request ended, as a whole (the `outcome` label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Verdict {
    /// Data and no errors.
    Ok,
    /// Data and errors (or a batch whose operations did not all end alike).
    Partial,
    /// Errors and no data, or an HTTP error.
    Error,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Partial => "partial",
            Verdict::Error => "error",
        }
    }
}

impl EncodeLabelValue for Verdict {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> fmt::Result {
        EncodeLabelValue::encode(&self.as_str(), encoder)
    }
}

/// How a GraphQL request ended, attached by the handler to its HTTP response as an extension
/// for [`track`] to count (extensions are not sent to the client).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Ok, partial or error.
    pub(crate) outcome: Verdict,
    /// The first error's `extensions.code` (empty when ok), already bounded as a label value.
    pub(crate) code: String,
}

impl Outcome {
    /// No errors.
    pub(crate) fn ok() -> Outcome {
        Outcome {
            outcome: Verdict::Ok,
            code: String::new(),
        }
    }

    /// No data, the error `code`.
    pub(crate) fn error(code: &str) -> Outcome {
        Outcome {
            outcome: Verdict::Error,
            code: bounded_code(code),
        }
    }

    /// One operation's response; `request_error` when it failed before execution, whose
    /// errors the handler answers with `GRAPHQL_VALIDATION_FAILED` when they carry no code.
    pub(crate) fn of(response: &async_graphql::Response, request_error: bool) -> Outcome {
        let Some(first) = response.errors.first() else {
            return Outcome::ok();
        };
        let code = first
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .and_then(|code| match code {
                async_graphql::Value::String(code) => Some(code.as_str()),
                _ => None,
            });
        let code = match code {
            Some(code) => code,
            None if request_error => "GRAPHQL_VALIDATION_FAILED",
            None => "",
        };
        Outcome {
            outcome: if response.data == async_graphql::Value::Null {
                Verdict::Error
            } else {
                Verdict::Partial
            },
            code: bounded_code(code),
        }
    }

    /// A response that carries no outcome, by its status: informational (a WebSocket upgrade's
    /// 101) and success are ok, anything else an error coded `HTTP_<status>` (not passed
    /// through [`bounded_code`], whose alphabet has no digits: a status is one of at most 900).
    fn of_status(status: StatusCode) -> Outcome {
        if status.is_informational() || status.is_success() {
            Outcome::ok()
        } else {
            Outcome {
                outcome: Verdict::Error,
                code: format!("HTTP_{}", status.as_u16()),
            }
        }
    }

    /// This outcome followed by `next` in the same batch: alike stays alike, a mix is partial,
    /// and the code is the first error's.
    fn then(self, next: Outcome) -> Outcome {
        Outcome {
            outcome: if self.outcome == next.outcome {
                self.outcome
            } else {
                Verdict::Partial
            },
            code: if self.code.is_empty() {
                next.code
            } else {
                self.code
            },
        }
    }
}

/// The outcome of a request's operations, one by one (one for a single request, each of a
/// batch's in order).
#[derive(Debug, Default)]
pub(crate) struct Outcomes(Option<Outcome>);

impl Outcomes {
    /// Adds the next operation's response.
    pub(crate) fn add(&mut self, response: &async_graphql::Response, request_error: bool) {
        let next = Outcome::of(response, request_error);
        self.0 = Some(match self.0.take() {
            None => next,
            Some(so_far) => so_far.then(next),
        });
    }

    /// The request's outcome: ok when every operation was.
    pub(crate) fn finish(self) -> Outcome {
        self.0.unwrap_or_else(Outcome::ok)
    }
}

/// `code` when it has the shape of the server's codes, else [`OTHER`]; so that the number of
/// time series stays bounded whatever an error carries.
fn bounded_code(code: &str) -> String {
    let valid = !code.is_empty()
        && code.len() <= MAX_CODE_CHARS
        && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
    if valid { code } else { OTHER }.to_owned()
}

/// Which cache a lookup went to (the `cache` label).
// The document and response caches being written will call `Metrics::cache` and
// `Metrics::cache_bytes`; until then only the unit tests do.
#[allow(dead_code)]
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

#[derive(Clone, Debug, PartialEq, Eq, Hash, EncodeLabelSet)]
struct CacheLabels {
    cache: Cache,
    result: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, EncodeLabelSet)]
struct CacheOnlyLabels {
    cache: Cache,
}

/// Every metric the server keeps, and the registry that encodes them.
pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram, fn() -> Histogram>,
    in_flight: Gauge,
    cache_requests: Family<CacheLabels, Counter>,
    cache_bytes: Family<CacheOnlyLabels, Gauge>,
}

impl Metrics {
    /// The metrics of a server whose graph is `live` (its version and size are read at each
    /// scrape; without one they are left out).
    pub(crate) fn new(live: Option<Arc<Live>>) -> Metrics {
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
        let cache_requests = Family::<CacheLabels, Counter>::default();
        registry.register(
            "cache_requests",
            "Cache lookups, by cache (document, response) and result (hit, miss)",
            cache_requests.clone(),
        );
        let cache_bytes = Family::<CacheOnlyLabels, Gauge>::default();
        registry.register_with_unit(
            "cache",
            "Bytes each cache holds",
            Unit::Bytes,
            cache_bytes.clone(),
        );
        registry.register_collector(Box::new(AtScrape { live }));
        Metrics {
            registry,
            requests,
            durations,
            in_flight,
            cache_requests,
            cache_bytes,
        }
    }

    /// Counts one lookup in `cache`.
    #[allow(dead_code)] // see `Cache`
    pub(crate) fn cache(&self, cache: Cache, hit: bool) {
        let result = if hit { "hit" } else { "miss" };
        self.cache_requests
            .get_or_create(&CacheLabels { cache, result })
            .inc();
    }

    /// Sets the bytes `cache` holds now.
    #[allow(dead_code)] // see `Cache`
    pub(crate) fn cache_bytes(&self, cache: Cache, bytes: u64) {
        self.cache_bytes
            .get_or_create(&CacheOnlyLabels { cache })
            .set(i64::try_from(bytes).unwrap_or(i64::MAX));
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

/// The metrics read when a scrape asks for them. (`Registry::register` ends each help text
/// with a full stop; these are written with theirs.)
struct AtScrape {
    live: Option<Arc<Live>>,
}

impl fmt::Debug for AtScrape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtScrape")
            .field("live", &self.live.is_some())
            .finish()
    }
}

impl Collector for AtScrape {
    fn encode(&self, mut encoder: DescriptorEncoder) -> fmt::Result {
        if let Some(live) = &self.live {
            let snapshot = live.snapshot();
            let graph = &snapshot.graph;
            let gauges = [
                (
                    "graph_version",
                    "The live graph's version: 1 after the import that filled the store, one more per write since (0 without a store).",
                    snapshot.version,
                ),
                (
                    "graph_entities",
                    "Entities in the live graph.",
                    graph.entities().len() as u64,
                ),
                (
                    "graph_claims",
                    "Relation claims in the live graph (quantity claims not included).",
                    graph.claims().len() as u64,
                ),
            ];
            for (name, help, value) in gauges {
                encode_gauge(&mut encoder, name, help, None, value)?;
            }
        }
        if let Some(bytes) = resident_bytes() {
            encode_gauge(
                &mut encoder,
                "process_resident_memory",
                "Resident set size of the server process (Linux: /proc/self/statm).",
                Some(&Unit::Bytes),
                bytes,
            )?;
        }
        Ok(())
    }
}

fn encode_gauge(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    unit: Option<&Unit>,
    value: u64,
) -> fmt::Result {
    let gauge = ConstGauge::new(value);
    let metric = encoder.encode_descriptor(name, help, unit, gauge.metric_type())?;
    gauge.encode(metric)
}

/// The process's resident set size: resident pages (`/proc/self/statm`, second field) times
/// the page size. `None` where there is no procfs.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * page_size()?)
}

/// The page size, from the auxiliary vector the kernel gave the process (`AT_PAGESZ`); read
/// once. Not assumed to be 4 KiB: arm64 kernels may use 16 or 64 KiB pages.
fn page_size() -> Option<u64> {
    static PAGE_SIZE: OnceLock<Option<u64>> = OnceLock::new();
    *PAGE_SIZE.get_or_init(|| {
        const AT_PAGESZ: usize = 6;
        const WORD: usize = std::mem::size_of::<usize>();
        let auxv = std::fs::read("/proc/self/auxv").ok()?;
        let word = |bytes: &[u8]| {
            usize::from_ne_bytes(bytes.try_into().expect("chunks of two words split in two"))
        };
        auxv.chunks_exact(2 * WORD)
            .find(|entry| word(&entry[..WORD]) == AT_PAGESZ)
            .map(|entry| word(&entry[WORD..]) as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
        text.lines().find(|l| l.starts_with(prefix))
    }

    #[test]
    fn codes_are_bounded() {
        assert_eq!(bounded_code("GRAPHQL_PARSE_FAILED"), "GRAPHQL_PARSE_FAILED");
        assert_eq!(bounded_code(&"A".repeat(40)), "A".repeat(40));
        assert_eq!(bounded_code(&"A".repeat(41)), OTHER);
        assert_eq!(bounded_code(""), OTHER);
        assert_eq!(bounded_code("lower_case"), OTHER);
        assert_eq!(bounded_code("HTTP_415"), OTHER);
        assert_eq!(bounded_code("CODE WITH SPACES"), OTHER);
    }

    #[test]
    fn statuses_without_an_outcome() {
        assert_eq!(
            Outcome::of_status(StatusCode::SWITCHING_PROTOCOLS),
            Outcome::ok()
        );
        assert_eq!(Outcome::of_status(StatusCode::OK), Outcome::ok());
        assert_eq!(
            Outcome::of_status(StatusCode::NOT_FOUND),
            Outcome {
                outcome: Verdict::Error,
                code: "HTTP_404".into()
            }
        );
    }

    fn error(code: Option<&str>) -> async_graphql::ServerError {
        let mut error = async_graphql::ServerError::new("failed", None);
        if let Some(code) = code {
            let mut extensions = async_graphql::ErrorExtensionValues::default();
            extensions.set("code", code);
            error.extensions = Some(extensions);
        }
        error
    }

    fn partial(code: &str) -> async_graphql::Response {
        let mut response = async_graphql::Response::new(
            async_graphql::Value::from_json(serde_json::json!({ "entity": null })).expect("JSON"),
        );
        response.errors.push(error(Some(code)));
        response
    }

    #[test]
    fn outcomes_of_responses_and_batches() {
        let ok = async_graphql::Response::new(
            async_graphql::Value::from_json(serde_json::json!({ "entity": { "id": "x" } }))
                .expect("JSON"),
        );
        let failed = async_graphql::Response::from_errors(vec![error(Some("TIMEOUT"))]);
        let uncoded = async_graphql::Response::from_errors(vec![error(None)]);

        assert_eq!(Outcome::of(&ok, false), Outcome::ok());
        assert_eq!(Outcome::of(&failed, false), Outcome::error("TIMEOUT"));
        assert_eq!(
            Outcome::of(&uncoded, true),
            Outcome::error("GRAPHQL_VALIDATION_FAILED")
        );
        assert_eq!(Outcome::of(&uncoded, false), Outcome::error(OTHER));
        assert_eq!(
            Outcome::of(&partial("NOT_FOUND"), false),
            Outcome {
                outcome: Verdict::Partial,
                code: "NOT_FOUND".into()
            }
        );

        let batch = |responses: &[&async_graphql::Response]| {
            let mut outcomes = Outcomes::default();
            for response in responses {
                outcomes.add(response, false);
            }
            outcomes.finish()
        };
        assert_eq!(batch(&[&ok, &ok]), Outcome::ok());
        assert_eq!(
            batch(&[&failed, &failed]),
            Outcome::error("TIMEOUT"),
            "all failed: an error"
        );
        assert_eq!(
            batch(&[&ok, &failed, &partial("NOT_FOUND")]),
            Outcome {
                outcome: Verdict::Partial,
                code: "TIMEOUT".into()
            },
            "a mix is partial, with the first error's code"
        );
        assert_eq!(Outcomes::default().finish(), Outcome::ok());
    }

    #[test]
    fn cache_lookups_and_bytes_are_exposed() {
        let metrics = Metrics::new(None);
        metrics.cache(Cache::Document, true);
        metrics.cache(Cache::Document, true);
        metrics.cache(Cache::Response, false);
        metrics.cache_bytes(Cache::Response, 12_345);
        let text = metrics.encode().expect("encodes");
        assert_eq!(
            line(
                &text,
                r#"olympia_cache_requests_total{cache="document",result="hit"} "#
            ),
            Some(r#"olympia_cache_requests_total{cache="document",result="hit"} 2"#)
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
                r#"olympia_cache_requests_total{cache="document",result="miss"}"#
            ),
            None
        );
        assert_eq!(
            line(&text, r#"olympia_cache_bytes{cache="response"} "#),
            Some(r#"olympia_cache_bytes{cache="response"} 12345"#)
        );
        // No live graph: no graph gauges.
        assert_eq!(line(&text, "olympia_graph_version"), None);
        assert!(text.ends_with("# EOF\n"), "{text}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn resident_memory_agrees_with_proc_status() {
        let status = std::fs::read_to_string("/proc/self/status").expect("procfs");
        let vm_rss_kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("a VmRSS line");
        let bytes = resident_bytes().expect("Linux has /proc/self/statm");
        // Read a moment apart, so allow for the test's own allocations in between.
        let (low, high) = (vm_rss_kib * 1024 / 2, vm_rss_kib * 1024 * 2);
        assert!(
            (low..high).contains(&bytes),
            "statm gives {bytes} bytes, status {vm_rss_kib} KiB"
        );
        assert!(page_size().is_some_and(|p| p.is_power_of_two() && p >= 4096));
    }
}
