//! Subscriptions over WebSocket at `/graphql` (graphql-transport-ws, and the legacy graphql-ws
//! protocol for old clients), through async-graphql-axum.
//!
//! Only subscriptions run here: a query or mutation sent over the socket is answered with an
//! error telling the client to use HTTP, where the request budget, batch and body limits apply.
//! Connections are capped (`Config::max_websockets`; over it the upgrade gets HTTP 503), and so
//! are subscriptions per connection (`schema::subscription`). A graphql-transport-ws socket
//! that sends no `connection_init` within [`CONNECTION_INIT_WAIT`] is closed with 4408.

use std::sync::Arc;
use std::time::Duration;

use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql::parser::types::OperationType;
use async_graphql::{Data, Executor, Request, Response, ServerError};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::{FromRequestParts, WebSocketUpgrade};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use futures_util::stream::BoxStream;

use super::AppState;
use crate::codes::ErrorCode;
use crate::schema::{ConnectionSubscriptions, KgSchema};
use crate::store::Live;

/// How long a graphql-transport-ws client has to send `connection_init` (graphql-ws's own
/// server waits 3 s too).
pub const CONNECTION_INIT_WAIT: Duration = Duration::from_secs(3);

/// True for a request asking to upgrade to a WebSocket.
pub(crate) fn is_upgrade(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
}

/// The schema, for subscriptions only.
#[derive(Clone)]
struct SubscriptionsOnly {
    schema: KgSchema,
    live: Option<Arc<Live>>,
}

fn refused(message: &str) -> Response {
    let mut error = ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", ErrorCode::SubscriptionsOnly.as_str());
    error.extensions = Some(extensions);
    Response::from_errors(vec![error])
}

impl Executor for SubscriptionsOnly {
    async fn execute(&self, _request: Request) -> Response {
        refused(
            "send queries and mutations over HTTP POST to /graphql; this socket serves subscriptions",
        )
    }

    fn execute_stream(
        &self,
        mut request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        let operation = request.operation_name.clone();
        let is_subscription = request.parsed_query().is_ok_and(|document| {
            use async_graphql::parser::types::DocumentOperations;
            match &document.operations {
                DocumentOperations::Single(op) => op.node.ty == OperationType::Subscription,
                // One named operation needs no operationName (the executor picks it too).
                DocumentOperations::Multiple(ops) => match &operation {
                    Some(name) => ops
                        .get(name.as_str())
                        .is_some_and(|op| op.node.ty == OperationType::Subscription),
                    None => {
                        ops.len() == 1
                            && ops
                                .values()
                                .all(|op| op.node.ty == OperationType::Subscription)
                    }
                },
            }
        });
        // A document that does not parse is left to the executor, which reports it.
        if !is_subscription && request.parsed_query().is_ok() {
            return Box::pin(futures_util::stream::once(async {
                refused(
                    "send queries and mutations over HTTP POST to /graphql; this socket serves subscriptions",
                )
            }));
        }
        if let Some(live) = &self.live {
            request = request.data(live.snapshot().graph.clone());
        }
        Executor::execute_stream(&self.schema, request, session_data)
    }
}

/// `GET /graphql` with `Upgrade: websocket`.
pub(crate) async fn upgrade(
    state: Arc<AppState>,
    request: axum::extract::Request,
) -> axum::response::Response {
    let (mut parts, _) = request.into_parts();
    let Ok(protocol) = GraphQLProtocol::from_request_parts(&mut parts, &()).await else {
        return (
            StatusCode::BAD_REQUEST,
            "ask for the graphql-transport-ws subprotocol (Sec-WebSocket-Protocol: graphql-transport-ws)",
        )
            .into_response();
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let Ok(permit) = state.websockets.clone().try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "5")],
            format!(
                "the server holds its limit of {} subscription connections; try again later",
                state.config.max_websockets
            ),
        )
            .into_response();
    };
    let executor = SubscriptionsOnly {
        schema: state.schema.clone(),
        live: state.config.live.clone(),
    };
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            let mut data = Data::default();
            data.insert(Arc::new(ConnectionSubscriptions::default()));
            GraphQLWebSocket::new(socket, executor, protocol)
                .with_data(data)
                // With our patch of async-graphql, graphql-transport-ws's connection
                // initialisation wait: no `connection_init` by then closes with 4408.
                .keepalive_timeout(CONNECTION_INIT_WAIT)
                .serve()
                .await;
            drop(permit);
        })
}
