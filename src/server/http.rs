//! GraphQL over HTTP, written around the executor rather than using the stock integration, so
//! that content negotiation and status codes follow the GraphQL-over-HTTP specification:
//!
//! - `POST /graphql` with `Content-Type: application/json` (415 otherwise); a JSON array is a
//!   batch (at most `max_batch` operations).
//! - `GET /graphql?query=…&variables=…&operationName=…&extensions=…` for queries only (405 for a
//!   mutation).
//! - The response is `application/graphql-response+json` when the client accepts it, else
//!   `application/json` (406 when it accepts neither). Under `application/graphql-response+json`
//!   a request that fails before execution (parse, validation, variables) gets 400; under
//!   `application/json` every well-formed request gets 200.
//! - One body limit (`--max-body-bytes`, 413 beyond), at most `--max-concurrent-requests`
//!   executing (503 with `Retry-After` when a request waited its turn in vain), and one
//!   [`RequestBudget`] per HTTP request — deadline, response bytes, estimated cost — shared by a
//!   batch's operations. The response is serialised straight into a buffer that refuses to grow
//!   past `--max-response-bytes`.

use std::io::Write;
use std::sync::Arc;

use async_graphql::{Request, Response, ServerError, Variables};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response as HttpResponse};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::AppState;
use super::metrics::{Outcome, Outcomes};
use super::response_cache::{self, Cached, Key};
use crate::codes::ErrorCode;
use crate::graph::KnowledgeGraph;
use crate::schema::{
    Admitted, ReadOnlyRequest, RequestBudget, WriteAccess, response_too_large, timeout_error,
};
use crate::store::Snapshot;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";
/// Says whether an answer came from the response cache (`HIT`) or was computed (`MISS`).
const X_CACHE: header::HeaderName = header::HeaderName::from_static("x-cache");
const JSON: &str = "application/json";

/// The media type of the response body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MediaType {
    GraphqlResponse,
    Json,
}

impl MediaType {
    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            MediaType::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
            MediaType::Json => "application/json; charset=utf-8",
        })
    }
}

/// Picks the response type from `Accept`, honouring q-values; `None` when nothing acceptable.
fn negotiate(headers: &HeaderMap) -> Option<MediaType> {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Some(MediaType::Json);
    };
    let mut best: Option<(f32, u8, MediaType)> = None;
    for part in accept.split(',') {
        let mut pieces = part.split(';');
        let range = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        // Among equal q-values, the more specific range and then graphql-response+json win.
        let candidate = match range.as_str() {
            GRAPHQL_RESPONSE => Some((3, MediaType::GraphqlResponse)),
            JSON => Some((2, MediaType::Json)),
            "application/*" | "*/*" => Some((1, MediaType::Json)),
            _ => None,
        };
        if let Some((rank, media)) = candidate
            && best.is_none_or(|(bq, br, _)| q > bq || (q == bq && rank > br))
        {
            best = Some((q, rank, media));
        }
    }
    if accept.trim().is_empty() {
        return Some(MediaType::Json);
    }
    best.map(|(_, _, media)| media)
}

/// A problem with the HTTP request itself, answered before any GraphQL runs.
fn http_error(status: StatusCode, media: MediaType, message: impl Into<String>) -> HttpResponse {
    coded_http_error(status, media, ErrorCode::BadRequest, message)
}

/// The same, with another code than `BAD_REQUEST`.
fn coded_http_error(
    status: StatusCode,
    media: MediaType,
    code: ErrorCode,
    message: impl Into<String>,
) -> HttpResponse {
    let body = json!({ "errors": [{ "message": message.into(), "extensions": { "code": code.as_str() } }] });
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, media.header());
    response.extensions_mut().insert(Outcome::error(code));
    response
}

/// The JSON shape of one GraphQL request; stricter than async-graphql's own so that a wrong
/// type is a 400 with a message rather than silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireRequest {
    #[serde(default)]
    query: Option<Value>,
    #[serde(default, rename = "operationName")]
    operation_name: Option<Value>,
    #[serde(default)]
    variables: Option<Value>,
    #[serde(default)]
    extensions: Option<Value>,
}

/// A request read from the wire, and whether its answer may be cached (not for a persisted
/// query's registration, which must reach the persisted-query store every time).
struct Incoming {
    request: Request,
    cacheable: bool,
}

fn build_request(wire: WireRequest) -> Result<Incoming, String> {
    let cacheable = !registers_a_persisted_query(&wire);
    let extensions = match wire.extensions {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map,
        Some(_) => return Err("`extensions` must be a JSON object".into()),
    };
    let query = match wire.query {
        Some(Value::String(query)) => query,
        // Automatic persisted queries send only a hash the first time round.
        None | Some(Value::Null) if extensions.contains_key("persistedQuery") => String::new(),
        None | Some(Value::Null) => {
            return Err(
                "the request has no `query`: send the GraphQL document as a string in `query`"
                    .into(),
            );
        }
        Some(_) => return Err("`query` must be a string holding a GraphQL document".into()),
    };
    let mut request = Request::new(query);
    match wire.operation_name {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) => request = request.operation_name(name),
        Some(_) => return Err("`operationName` must be a string".into()),
    }
    match wire.variables {
        None | Some(Value::Null) => {}
        Some(variables @ Value::Object(_)) => {
            request = request.variables(Variables::from_json(variables))
        }
        Some(_) => return Err("`variables` must be a JSON object mapping names to values".into()),
    }
    for (key, value) in extensions {
        let value = async_graphql::Value::from_json(value)
            .map_err(|e| format!("`extensions.{key}` is not valid: {e}"))?;
        request.extensions.insert(key, value);
    }
    Ok(Incoming { request, cacheable })
}

/// True when a request sends a query's text with its persisted-query hash.
fn registers_a_persisted_query(wire: &WireRequest) -> bool {
    let has_text = matches!(&wire.query, Some(Value::String(q)) if !q.is_empty());
    let has_hash = wire
        .extensions
        .as_ref()
        .is_some_and(|e| e.get("persistedQuery").is_some());
    has_text && has_hash
}

/// The graph version a request reads, and what the response cache knows of the request.
struct Lookup {
    snapshot: Option<Arc<Snapshot>>,
    /// The key an answer would be kept under (none when the cache is off).
    key: Option<Key>,
    /// The answer kept for it, if any.
    hit: Option<Arc<Cached>>,
}

/// Takes the graph version the request will read, and looks its text up in the response cache
/// at that version: before the request is even parsed, since the same bytes are the same
/// request.
fn look_up(state: &AppState, method: Method, text: &str) -> Lookup {
    let snapshot = state.config.live.as_ref().map(|live| live.snapshot());
    if !state.responses.enabled() {
        return Lookup {
            snapshot,
            key: None,
            hit: None,
        };
    }
    let key = Key::new(method, text).at(snapshot.as_ref().map_or(0, |s| s.version));
    let hit = state.responses.get(&key);
    Lookup {
        snapshot,
        key: Some(key),
        hit,
    }
}

/// True when the response carries only errors raised before execution began.
fn is_request_error(response: &Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty())
        && !response
            .errors
            .iter()
            .any(|e| e.message == "PersistedQueryNotFound")
}

fn response_json(response: &Response) -> Value {
    let mut value = serde_json::to_value(response).unwrap_or_else(|_| json!({}));
    if is_request_error(response)
        && let Value::Object(map) = &mut value
    {
        map.remove("data");
        // The executor's own validation errors carry no code; give them the conventional one.
        if let Some(Value::Array(errors)) = map.get_mut("errors") {
            for error in errors.iter_mut().filter_map(Value::as_object_mut) {
                let extensions = error.entry("extensions").or_insert_with(|| json!({}));
                if let Value::Object(extensions) = extensions {
                    extensions
                        .entry("code")
                        .or_insert_with(|| json!(ErrorCode::ValidationFailed.as_str()));
                }
            }
        }
    }
    value
}

/// Runs one request on `graph`, within the budget; `Err` is an HTTP answer instead (405 for a
/// mutation sent by GET).
async fn execute(
    state: &AppState,
    request: Request,
    get: bool,
    budget: &Arc<RequestBudget>,
    access: &WriteAccess,
    graph: Option<&Arc<KnowledgeGraph>>,
    admitted: &Arc<Admitted>,
) -> Result<Response, HttpResponse> {
    let mut request = request
        .data(budget.clone())
        .data(access.clone())
        .data(admitted.clone());
    if get {
        // The limiter refuses anything but a query (METHOD_NOT_ALLOWED), parsing it only once.
        request = request.data(ReadOnlyRequest);
    }
    if let Some(graph) = graph {
        // The whole operation reads one version of the graph, whatever writes commit meanwhile.
        request = request.data(graph.clone());
    }
    // The resolvers yield to the runtime as they go (see schema::budget), so this timer fires
    // even when every core is busy resolving.
    let response =
        match tokio::time::timeout(budget.remaining(), state.schema.execute(request)).await {
            Ok(response) => response,
            Err(_) => {
                return Ok(Response::from_errors(vec![timeout_error(
                    state.config.timeout,
                )]));
            }
        };
    if get && code_of(&response) == Some(ErrorCode::MethodNotAllowed.as_str()) {
        let message = response.errors[0].message.clone();
        let mut refused = coded_http_error(
            StatusCode::METHOD_NOT_ALLOWED,
            MediaType::Json,
            ErrorCode::MethodNotAllowed,
            message,
        );
        refused
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return Err(refused);
    }
    Ok(match budget.exhausted() {
        Some(error) => Response::from_errors(vec![error]),
        None => response,
    })
}

/// The `extensions.code` of a response's first error.
fn code_of(response: &Response) -> Option<&str> {
    match response.errors.first()?.extensions.as_ref()?.get("code")? {
        async_graphql::Value::String(code) => Some(code),
        _ => None,
    }
}

/// The 413 answer, for a body declared (`declared`) or found to be over `limit`.
pub(super) fn payload_too_large(limit: usize, declared: Option<u64>) -> HttpResponse {
    let message = match declared {
        Some(length) => format!(
            "the request body is {length} bytes, over the limit of {limit} (--max-body-bytes)"
        ),
        None => format!("the request body is over the limit of {limit} bytes (--max-body-bytes)"),
    };
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": ErrorCode::PayloadTooLarge.as_str() } }] });
    let mut response = (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, JSON)],
        body.to_string(),
    )
        .into_response();
    response
        .extensions_mut()
        .insert(Outcome::error(ErrorCode::PayloadTooLarge));
    response
}

/// Reads a request body up to `limit` bytes, whatever its framing.
async fn read_body(body: Body, limit: usize, media: MediaType) -> Result<Bytes, HttpResponse> {
    use http_body_util::BodyExt as _;
    match http_body_util::Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(payload_too_large(limit, None)),
        Err(e) => Err(http_error(
            StatusCode::BAD_REQUEST,
            media,
            format!("the request body could not be read: {e}"),
        )),
    }
}

/// A buffer that refuses to grow past a limit.
struct Bounded<'a> {
    out: &'a mut Vec<u8>,
    limit: usize,
}

impl Write for Bounded<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.out.len() + bytes.len() > self.limit {
            return Err(std::io::Error::other("response too large"));
        }
        self.out.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Appends one response's JSON to `out`, which may not grow past `limit`.
fn write_response(out: &mut Vec<u8>, limit: usize, response: &Response) -> Result<(), ()> {
    let writer = Bounded { out, limit };
    let written = if is_request_error(response) {
        serde_json::to_writer(writer, &response_json(response))
    } else {
        serde_json::to_writer(writer, response)
    };
    written.map_err(|_| ())
}

/// The body of a request that failed as a whole (every operation of a batch gets the error).
fn failed(media: MediaType, error: ServerError, batch: Option<usize>) -> HttpResponse {
    let response = Response::from_errors(vec![error]);
    let one = response_json(&response);
    let body = match batch {
        Some(n) => Value::Array(vec![one; n]),
        None => one,
    };
    let mut http = finish(media, status_for(media, &response), body.to_string().into());
    http.extensions_mut()
        .insert(Outcome::of(&response, is_request_error(&response)));
    http
}

/// Runs one request or a batch under one budget and one permit, and serialises the answer. All
/// of a batch reads one graph version. A single query's answer may come from, and go to, the
/// response cache.
async fn respond(
    state: &AppState,
    media: MediaType,
    incoming: Vec<Incoming>,
    batch: bool,
    get: bool,
    headers: &HeaderMap,
    lookup: Lookup,
) -> HttpResponse {
    let graph = lookup.snapshot.as_ref().map(|s| &s.graph);
    let key = match incoming.as_slice() {
        [one] if !batch && one.cacheable => lookup.key.clone(),
        _ => None,
    };
    let access = state.config.write_tokens.access(headers);
    let batch_size = batch.then_some(incoming.len());
    let Ok(Ok(_permit)) =
        tokio::time::timeout(state.config.queue_timeout, state.running.acquire()).await
    else {
        return busy(media, state.config.max_concurrent_requests);
    };
    let budget = RequestBudget::new(state.config.timeout, state.config.max_response_bytes);
    let limit = budget.max_response_bytes();
    let admitted = Arc::new(Admitted::default());
    let mut out = Vec::new();
    let mut status = StatusCode::OK;
    let mut cacheable = false;
    let mut outcomes = Outcomes::default();
    if batch {
        out.push(b'[');
    }
    for (i, one) in incoming.into_iter().enumerate() {
        let response =
            match execute(state, one.request, get, &budget, &access, graph, &admitted).await {
                Ok(response) => response,
                Err(refused) => return refused,
            };
        if !batch {
            status = status_for(media, &response);
            cacheable = response.errors.is_empty() && admitted.is_query();
        }
        outcomes.add(&response, is_request_error(&response));
        if i > 0 {
            out.push(b',');
        }
        if write_response(&mut out, limit, &response).is_err() {
            return failed(media, response_too_large(limit), batch_size);
        }
    }
    if batch {
        out.push(b']');
    }
    // Serialising counts against the deadline too.
    if budget.remaining().is_zero() {
        return failed(media, timeout_error(state.config.timeout), batch_size);
    }
    let mut response = match key.filter(|_| cacheable) {
        Some(key) => {
            let cached = Arc::new(Cached::new(out.into()));
            state.responses.insert(key, cached.clone());
            cached_answer(media, &cached, get, headers, false)
        }
        None => finish(media, status, out.into()),
    };
    response.extensions_mut().insert(outcomes.finish());
    response
}

/// A query's answer that is (`hit`) or may be cached: with its `ETag`, and bodiless (304) for a
/// GET whose `If-None-Match` names it.
fn cached_answer(
    media: MediaType,
    cached: &Cached,
    get: bool,
    headers: &HeaderMap,
    hit: bool,
) -> HttpResponse {
    let fresh = get
        && headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|tags| response_cache::matches(tags, &cached.etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        finish(media, StatusCode::OK, cached.body.clone())
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, cached.etag.clone());
    headers.insert(
        X_CACHE,
        HeaderValue::from_static(if hit { "HIT" } else { "MISS" }),
    );
    if get {
        // Stored, but revalidated before each use: a write may change the answer.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("accept"));
    }
    // Only errorless answers are cached.
    response.extensions_mut().insert(Outcome::ok());
    response
}

/// 503: every execution slot stayed busy for the whole queue timeout.
fn busy(media: MediaType, running: usize) -> HttpResponse {
    let body = json!({ "errors": [{
        "message": format!("the server is running its limit of {running} requests at once (--max-concurrent-requests); retry in a second"),
        "extensions": { "code": ErrorCode::ServerBusy.as_str() },
    }]});
    let mut response = finish(
        media,
        StatusCode::SERVICE_UNAVAILABLE,
        body.to_string().into(),
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
        .extensions_mut()
        .insert(Outcome::error(ErrorCode::ServerBusy));
    response
}

fn finish(media: MediaType, status: StatusCode, body: Bytes) -> HttpResponse {
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, media.header());
    response
}

fn status_for(media: MediaType, response: &Response) -> StatusCode {
    if media == MediaType::GraphqlResponse && is_request_error(response) {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    }
}

/// `GET /graphql`: a query in the URL.
pub(crate) async fn get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> HttpResponse {
    let Some(media) = negotiate(&headers) else {
        return http_error(
            StatusCode::NOT_ACCEPTABLE,
            MediaType::Json,
            "the Accept header allows neither application/graphql-response+json nor application/json",
        );
    };
    let lookup = look_up(&state, Method::GET, raw.as_deref().unwrap_or(""));
    if let Some(hit) = &lookup.hit {
        return cached_answer(media, hit, true, &headers, true);
    }
    let params: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or("")).unwrap_or_default();
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let json_param = |name: &str| -> Result<Option<Value>, String> {
        match param(name) {
            None => Ok(None),
            Some(text) if text.is_empty() => Ok(None),
            Some(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| format!("`{name}` is not valid JSON: {e}")),
        }
    };
    let wire = match (json_param("variables"), json_param("extensions")) {
        (Ok(variables), Ok(extensions)) => WireRequest {
            query: param("query").map(Value::String),
            operation_name: param("operationName").map(Value::String),
            variables,
            extensions,
        },
        (Err(e), _) | (_, Err(e)) => return http_error(StatusCode::BAD_REQUEST, media, e),
    };
    let request = match build_request(wire) {
        Ok(request) => request,
        Err(e) => return http_error(StatusCode::BAD_REQUEST, media, e),
    };
    respond(&state, media, vec![request], false, true, &headers, lookup).await
}

/// `POST /graphql`: one request or a batch, as JSON.
pub(crate) async fn post(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> HttpResponse {
    let Some(media) = negotiate(&headers) else {
        return http_error(
            StatusCode::NOT_ACCEPTABLE,
            MediaType::Json,
            "the Accept header allows neither application/graphql-response+json nor application/json",
        );
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence != JSON {
        let got = if content_type.is_empty() {
            "no Content-Type".to_owned()
        } else {
            format!("Content-Type {content_type:?}")
        };
        return http_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            media,
            format!("send the request as JSON with Content-Type: application/json (got {got})"),
        );
    }
    let body = match read_body(body, state.config.max_body_bytes, media).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let Ok(text) = std::str::from_utf8(&body) else {
        return http_error(
            StatusCode::BAD_REQUEST,
            media,
            "the request body is not valid UTF-8",
        );
    };
    let lookup = look_up(&state, Method::POST, text);
    if let Some(hit) = &lookup.hit {
        return cached_answer(media, hit, false, &headers, true);
    }
    let json: Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => {
            return http_error(
                StatusCode::BAD_REQUEST,
                media,
                format!("the request body is not valid JSON: {e}"),
            );
        }
    };
    let (items, batch) = match json {
        Value::Array(items) => {
            if items.is_empty() || items.len() > state.config.max_batch {
                return http_error(
                    StatusCode::BAD_REQUEST,
                    media,
                    format!(
                        "a batch must hold 1 to {} operations, got {} (limit: --max-batch)",
                        state.config.max_batch,
                        items.len()
                    ),
                );
            }
            (items, true)
        }
        json @ Value::Object(_) => (vec![json], false),
        _ => {
            return http_error(
                StatusCode::BAD_REQUEST,
                media,
                "the request body must be a JSON object {\"query\": …} (or an array of them for a batch)",
            );
        }
    };
    let mut requests = Vec::with_capacity(items.len());
    for item in items {
        match serde_json::from_value::<WireRequest>(item)
            .map_err(|e| e.to_string())
            .and_then(build_request)
        {
            Ok(request) => requests.push(request),
            Err(e) if batch => {
                return http_error(
                    StatusCode::BAD_REQUEST,
                    media,
                    format!("a batched request is malformed: {e}"),
                );
            }
            Err(e) => {
                return http_error(
                    StatusCode::BAD_REQUEST,
                    media,
                    format!("malformed GraphQL request: {e}"),
                );
            }
        }
    }
    respond(&state, media, requests, batch, false, &headers, lookup).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> Option<MediaType> {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).expect("ascii"));
        negotiate(&headers)
    }

    #[test]
    fn negotiates_the_response_type() {
        assert_eq!(negotiate(&HeaderMap::new()), Some(MediaType::Json));
        assert_eq!(accept("application/json"), Some(MediaType::Json));
        assert_eq!(
            accept("application/graphql-response+json, application/json"),
            Some(MediaType::GraphqlResponse)
        );
        assert_eq!(
            accept("application/graphql-response+json;q=0.5, application/json"),
            Some(MediaType::Json)
        );
        assert_eq!(accept("*/*"), Some(MediaType::Json));
        assert_eq!(accept("text/html"), None);
        assert_eq!(accept("application/json;q=0"), None);
    }
}
