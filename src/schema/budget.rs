//! What one request may spend while it runs: time, response bytes, and (for a batch) estimated
//! cost, shared by every operation of the request.
//!
//! The limiter ([`super::limits`]) refuses a query whose *estimate* is too large before it runs;
//! the [`Guard`] holds the request to its budget *while* it runs: before each field resolves it
//! checks the deadline and lets other tasks run (so a timeout fires even when resolvers hold both
//! cores), and after each field it adds the field's share of the response to a running tally, so
//! an answer over `--max-response-bytes` stops being built rather than being built and dropped.
//! The serialiser enforces the byte limit exactly; the tally only stops work early.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::error::{ErrorCode, request_error};
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo,
};
use async_graphql::{ServerError, ServerResult, Value};

const FRESH: u8 = 0;
const TIMED_OUT: u8 = 1;
const TOO_LARGE: u8 = 2;

/// The budget of one request (one HTTP request: a batch shares one). Pass it in the request's
/// data (`Request::data(Arc<RequestBudget>)`); without one, queries run unbounded (in-process
/// callers such as benches).
#[derive(Debug)]
pub struct RequestBudget {
    started: Instant,
    timeout: Duration,
    max_response_bytes: usize,
    /// Estimated cost admitted so far (the sum over a batch's operations).
    cost: AtomicUsize,
    /// Fields resolved so far (list items and introspection are not counted).
    fields: AtomicUsize,
    /// Response bytes tallied so far.
    bytes: AtomicUsize,
    state: AtomicU8,
    /// Permits held until the request ends (an expensive query's turn).
    permits: Mutex<Vec<tokio::sync::OwnedSemaphorePermit>>,
}

impl RequestBudget {
    /// A budget that starts now.
    pub fn new(timeout: Duration, max_response_bytes: usize) -> Arc<RequestBudget> {
        Arc::new(RequestBudget {
            started: Instant::now(),
            timeout,
            max_response_bytes,
            cost: AtomicUsize::new(0),
            fields: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
            state: AtomicU8::new(FRESH),
            permits: Mutex::new(Vec::new()),
        })
    }

    /// Time left before the deadline (zero once it has passed).
    pub fn remaining(&self) -> Duration {
        self.timeout.saturating_sub(self.started.elapsed())
    }

    /// The largest response allowed, in bytes.
    pub fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }

    /// Fields resolved so far.
    pub fn fields_resolved(&self) -> usize {
        self.fields.load(Ordering::Relaxed)
    }

    /// The estimated cost admitted so far.
    pub fn estimated_cost(&self) -> usize {
        self.cost.load(Ordering::Relaxed)
    }

    /// Adds an operation's estimated cost; false (and nothing added) when the total would pass
    /// `max`.
    pub(crate) fn admit(&self, cost: usize, max: usize) -> bool {
        self.cost
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |spent| {
                spent.checked_add(cost).filter(|&total| total <= max)
            })
            .is_ok()
    }

    /// Waits, within the deadline, for a permit from `turns`, and holds it until the request
    /// ends; the timeout error when the deadline passes first.
    pub(crate) async fn take_turn(&self, turns: &Arc<tokio::sync::Semaphore>) -> ServerResult<()> {
        match tokio::time::timeout(self.remaining(), turns.clone().acquire_owned()).await {
            Ok(Ok(permit)) => {
                self.permits
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(permit);
                Ok(())
            }
            _ => Err(timeout_error(self.timeout)),
        }
    }

    /// Marks the request as past its deadline if it is, and returns the error it ended with.
    pub fn exhausted(&self) -> Option<ServerError> {
        if self.state.load(Ordering::Relaxed) == FRESH && self.started.elapsed() > self.timeout {
            let _ =
                self.state
                    .compare_exchange(FRESH, TIMED_OUT, Ordering::Relaxed, Ordering::Relaxed);
        }
        match self.state.load(Ordering::Relaxed) {
            TIMED_OUT => Some(timeout_error(self.timeout)),
            TOO_LARGE => Some(response_too_large(self.max_response_bytes)),
            _ => None,
        }
    }

    fn spend_bytes(&self, bytes: usize) -> ServerResult<()> {
        let total = self
            .bytes
            .fetch_add(bytes, Ordering::Relaxed)
            .saturating_add(bytes);
        if total > self.max_response_bytes {
            let _ =
                self.state
                    .compare_exchange(FRESH, TOO_LARGE, Ordering::Relaxed, Ordering::Relaxed);
            return Err(response_too_large(self.max_response_bytes));
        }
        Ok(())
    }
}

/// The error of a request that ran out of time.
pub fn timeout_error(limit: Duration) -> ServerError {
    request_error(
        ErrorCode::Timeout,
        format!(
            "the request took longer than the limit of {} ms (--timeout-ms)",
            limit.as_millis()
        ),
    )
}

/// The error of a request whose answer would be larger than allowed.
pub fn response_too_large(limit: usize) -> ServerError {
    request_error(
        ErrorCode::ResponseTooLarge,
        format!(
            "the response would be larger than the limit of {limit} bytes (--max-response-bytes); ask for fewer fields, smaller pages or fewer nested lists"
        ),
    )
}

/// The extension that holds each request to its [`RequestBudget`].
pub(crate) struct Guard;

impl ExtensionFactory for Guard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Guard)
    }
}

#[async_trait::async_trait]
impl Extension for Guard {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let Some(budget) = ctx.data_opt::<Arc<RequestBudget>>() else {
            return next.run(ctx, info).await;
        };
        if let Some(error) = budget.exhausted() {
            return Err(error);
        }
        // Resolvers never wait on IO, so without this a large query would hold a worker thread
        // from start to end: the timeout could not fire and other requests could not run.
        tokio::task::consume_budget().await;
        // List items pass through here too; their parent type is the list's (`[T]`).
        let field = !info.parent_type.starts_with('[');
        // Introspection is bounded by the schema's size and its own rule, not by the estimate.
        if field && !info.is_for_introspection {
            budget.fields.fetch_add(1, Ordering::Relaxed);
        }
        let key = info.alias.unwrap_or(info.name).len();
        let value = next.run(ctx, info).await?;
        let own = value.as_ref().map_or(4, scalar_bytes);
        // `"key":value,` for a field, `value,` for a list item.
        budget.spend_bytes(if field { key + 4 + own } else { own + 1 })?;
        Ok(value)
    }
}

/// Bytes a value adds itself: a scalar's JSON, or the brackets of an object or list (their
/// members are tallied when they resolve).
fn scalar_bytes(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len() + 2,
        Value::Enum(name) => name.len() + 2,
        Value::Number(_) => 8,
        Value::Boolean(_) | Value::Null => 5,
        Value::Binary(bytes) => bytes.len() * 4 / 3 + 2,
        Value::List(_) | Value::Object(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_shares_one_cost_budget() {
        let budget = RequestBudget::new(Duration::from_secs(1), 100);
        assert!(budget.admit(600, 1000));
        assert!(budget.admit(400, 1000));
        assert!(!budget.admit(1, 1000));
        assert_eq!(budget.estimated_cost(), 1000);
    }

    #[test]
    fn bytes_past_the_limit_exhaust_the_budget() {
        let budget = RequestBudget::new(Duration::from_secs(60), 100);
        assert!(budget.spend_bytes(100).is_ok());
        assert!(budget.exhausted().is_none());
        assert!(budget.spend_bytes(1).is_err());
        let error = budget.exhausted().expect("exhausted");
        assert!(error.message.contains("--max-response-bytes"), "{error:?}");
    }

    #[test]
    fn a_passed_deadline_exhausts_the_budget() {
        let budget = RequestBudget::new(Duration::ZERO, 100);
        std::thread::sleep(Duration::from_millis(2));
        let error = budget.exhausted().expect("timed out");
        assert!(error.message.contains("--timeout-ms"), "{error:?}");
        assert_eq!(budget.remaining(), Duration::ZERO);
    }
}
