//! The plain-axum ceiling for `bench/http.sh`: an axum server that answers `POST /plain/{name}`
//! with the bytes of `DIR/{name}.json`, read once at start-up, after reading the request body
//! (as the GraphQL endpoint must). Same runtime, same HTTP stack, no GraphQL.
//!
//! ```sh
//! cargo run --release --example plain_axum -- 127.0.0.1:8001 /tmp/bodies
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

type Bodies = Arc<HashMap<String, Bytes>>;

async fn answer(State(bodies): State<Bodies>, Path(name): Path<String>, body: Bytes) -> Response {
    let _ = body.len();
    match bodies.get(&name) {
        Some(bytes) => (
            [(header::CONTENT_TYPE, "application/graphql-response+json")],
            bytes.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:8001".to_owned());
    let dir = args
        .next()
        .unwrap_or_else(|| "/tmp/olympia-bench/bodies".to_owned());
    let mut bodies = HashMap::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            bodies.insert(name, Bytes::from(std::fs::read(&path)?));
        }
    }
    let app = Router::new()
        .route("/plain/{name}", post(answer))
        .with_state(Arc::new(bodies));
    tokio::runtime::Runtime::new()?.block_on(async {
        let listener = tokio::net::TcpListener::bind(&addr).await?;
        eprintln!("plain axum serving {dir} at http://{addr}/plain/NAME");
        axum::serve(listener, app).await
    })
}
