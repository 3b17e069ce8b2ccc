//! The one helper every black-box test uses: the real server, spawned on an ephemeral port,
//! spoken to over HTTP.

#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use olympia_kg::graph::KnowledgeGraph;
use olympia_kg::{dataset, schema, server};
use serde_json::{Value, json};

/// A running server.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

/// Starts a server on the embedded seed dataset with the given configuration. The server runs
/// on its own runtime thread for the rest of the test process.
pub fn start_with(config: server::Config, schema_config: schema::SchemaConfig) -> TestServer {
    let graph = dataset::load_embedded().expect("the seed dataset loads");
    start_on(graph, config, schema_config)
}

/// Starts a server on `graph` with the given configuration, like [`start_with`].
pub fn start_on(
    graph: KnowledgeGraph,
    config: server::Config,
    schema_config: schema::SchemaConfig,
) -> TestServer {
    let live = olympia_kg::store::Live::read_only(Arc::new(graph));
    start_live(Arc::new(live), config, schema_config)
}

/// The shared default server of a test binary.
pub fn server() -> &'static TestServer {
    static SERVER: OnceLock<TestServer> = OnceLock::new();
    SERVER.get_or_init(|| start_with(server::Config::default(), schema::SchemaConfig::default()))
}

/// A client for one request: each request runs on its own short-lived runtime, and a pooled
/// connection must not outlive the runtime that opened it.
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("a client")
}

/// Runs a future to completion on a fresh single-threaded runtime.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(future)
}

impl TestServer {
    /// POSTs a GraphQL request and returns the status and JSON body.
    pub fn post(&self, body: &Value) -> (u16, Value) {
        block_on(async {
            let response = client()
                .post(format!("{}/graphql", self.base))
                .header("content-type", "application/json")
                .header(
                    "accept",
                    "application/graphql-response+json, application/json;q=0.9",
                )
                .body(body.to_string())
                .send()
                .await
                .expect("the server answers");
            let status = response.status().as_u16();
            let text = response.text().await.expect("a body");
            (
                status,
                serde_json::from_str(&text).unwrap_or_else(|_| panic!("a JSON body, got {text:?}")),
            )
        })
    }

    /// Runs a query with variables; returns the whole response body.
    pub fn query(&self, query: &str, variables: Value) -> Value {
        self.post(&json!({ "query": query, "variables": variables }))
            .1
    }

    /// Runs a query that must succeed; returns `data`.
    pub fn data(&self, query: &str, variables: Value) -> Value {
        let body = self.query(query, variables);
        assert!(body.get("errors").is_none(), "unexpected errors: {body:#}");
        body["data"].clone()
    }

    /// Runs a query that must fail; returns the first error's (message, extensions.code).
    pub fn error(&self, query: &str, variables: Value) -> (String, String) {
        let body = self.query(query, variables);
        let error = &body["errors"][0];
        assert!(error.is_object(), "expected an error, got {body:#}");
        (
            error["message"].as_str().unwrap_or_default().to_owned(),
            error["extensions"]["code"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    }

    /// A raw request: method, path, headers, body; returns status, content type and body text.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> (u16, String, String) {
        block_on(async {
            let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
            let mut request = client()
                .request(method, format!("{}{}", self.base, path))
                .body(body);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            let response = request.send().await.expect("the server answers");
            let status = response.status().as_u16();
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            (
                status,
                content_type,
                response.text().await.unwrap_or_default(),
            )
        })
    }
}

/// Starts a server over a live (store-backed or read-only) graph, like [`start_with`].
pub fn start_live(
    live: Arc<olympia_kg::store::Live>,
    mut config: server::Config,
    schema_config: schema::SchemaConfig,
) -> TestServer {
    let (tx, rx) = std::sync::mpsc::channel();
    config.live = Some(live.clone());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
        runtime.block_on(async move {
            let schema = schema::build_live_schema(live, schema_config);
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("an ephemeral port");
            tx.send(listener.local_addr().expect("bound"))
                .expect("the test waits");
            let connections = config.connections.clone();
            server::run(
                listener,
                server::app(schema, config),
                connections,
                std::future::pending(),
            )
            .await
            .expect("serves");
        });
    });
    let addr = rx.recv().expect("the server reports its address");
    TestServer {
        base: format!("http://{addr}"),
    }
}

impl TestServer {
    /// POSTs a GraphQL request with `Authorization: Bearer <token>` (none when `token` is
    /// `None`); returns the JSON body.
    pub fn post_as(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let bearer = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![("content-type", "application/json")];
        if let Some(b) = &bearer {
            headers.push(("authorization", b.as_str()));
        }
        let body = json!({ "query": query, "variables": variables }).to_string();
        let (_, _, text) = self.raw("POST", "/graphql", &headers, body.into_bytes());
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("a JSON body, got {text:?}"))
    }
}
