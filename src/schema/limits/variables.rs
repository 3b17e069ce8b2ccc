//! Variable values the specification makes request errors, checked before execution.

use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, OperationDefinition,
};
use async_graphql::{Positioned, ServerError, Value, Variables};

use super::super::error::{ErrorCode, request_error};

/// The operation a request runs, when the document and operation name determine one.
pub(super) fn selected_operation<'a>(
    document: &'a ExecutableDocument,
    operation: Option<&str>,
) -> Option<&'a Positioned<OperationDefinition>> {
    match (&document.operations, operation) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.values().next(),
        _ => None,
    }
}

/// A required variable that is missing, or an `Int` variable whose value is not a whole number
/// in range. The executor checks a required variable only when a field uses it, as a field
/// error; the specification makes both request errors, raised before execution.
pub(super) fn variable_problem(
    operation: &Positioned<OperationDefinition>,
    variables: &Variables,
) -> Option<ServerError> {
    operation
        .node
        .variable_definitions
        .iter()
        .find_map(|definition| {
            let definition = &definition.node;
            let name = &definition.name.node;
            let ty = &definition.var_type.node;
            let value = variables.get(name).filter(|v| **v != Value::Null);
            let problem = match value {
                None if !ty.nullable && definition.default_value.is_none() => Some(format!(
                    "variable \"${name}\" of required type \"{ty}\" was not provided"
                )),
                Some(value) => not_an_int(&ty.base, value).map(|got| {
                    format!(
                        "variable \"${name}\" of type \"{ty}\" got {got}: an Int is a whole number from -2147483648 to 2147483647"
                    )
                }),
                None => None,
            };
            problem.map(|message| {
                let mut error = request_error(ErrorCode::BadUserInput, message);
                error.locations = vec![definition.name.pos];
                error
            })
        })
}

/// The first value that should be an `Int` and is not one, for a variable of type `ty`.
fn not_an_int(ty: &BaseType, value: &Value) -> Option<String> {
    match (ty, value) {
        (BaseType::Named(name), Value::Number(n)) if name == "Int" => n
            .as_i64()
            .and_then(|v| i32::try_from(v).ok())
            .is_none()
            .then(|| n.to_string()),
        (BaseType::List(inner), Value::List(items)) => {
            items.iter().find_map(|item| not_an_int(&inner.base, item))
        }
        (BaseType::List(inner), value) => not_an_int(&inner.base, value),
        _ => None,
    }
}
