//! The introspection rule: no introspection list inside itself, `ofType` at most 16 deep.

use async_graphql::Name;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

use super::cost::{Analysis, operations};

/// Introspection lists that may not nest inside themselves, and how deep `ofType` may go
/// (the rule of Hot Chocolate's introspection depth check).
const INTROSPECTION_LISTS: &[&str] = &[
    "fields",
    "inputFields",
    "interfaces",
    "possibleTypes",
    "types",
    "enumValues",
    "args",
];
const MAX_OF_TYPE_DEPTH: usize = 16;

/// True when any selection in the document is `__schema` or `__type`.
pub(super) fn uses_introspection(document: &ExecutableDocument) -> bool {
    fn walk(set: &SelectionSet) -> bool {
        set.items.iter().any(|selection| match &selection.node {
            Selection::Field(f) => {
                matches!(f.node.name.node.as_str(), "__schema" | "__type")
                    || walk(&f.node.selection_set.node)
            }
            Selection::InlineFragment(i) => walk(&i.node.selection_set.node),
            Selection::FragmentSpread(_) => false,
        })
    }
    let operations = operations(document);
    operations
        .iter()
        .any(|op| walk(&op.node.selection_set.node))
        || document
            .fragments
            .values()
            .any(|f| walk(&f.node.selection_set.node))
}

impl<'a> Analysis<'a> {
    /// The introspection rule: a list field of introspection may not appear inside itself, and
    /// `ofType` may nest at most 16 deep.
    pub(super) fn introspection(
        &mut self,
        set: &'a SelectionSet,
        path: &mut Vec<&'a str>,
        of_type: usize,
    ) {
        if self.introspection_problem.is_some() {
            return;
        }
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    let name = field.node.name.node.as_str();
                    if INTROSPECTION_LISTS.contains(&name) && path.contains(&name) {
                        self.introspection_problem = Some(format!(
                            "introspection field `{name}` is nested inside itself; each introspection list may appear once on a path (circular introspection is refused)"
                        ));
                        return;
                    }
                    let of_type = of_type + usize::from(name == "ofType");
                    if of_type > MAX_OF_TYPE_DEPTH {
                        self.introspection_problem = Some(format!(
                            "`ofType` is nested more than {MAX_OF_TYPE_DEPTH} deep"
                        ));
                        return;
                    }
                    path.push(name);
                    self.introspection(&field.node.selection_set.node, path, of_type);
                    path.pop();
                }
                Selection::InlineFragment(inline) => {
                    self.introspection(&inline.node.selection_set.node, path, of_type)
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    if path.contains(&name) {
                        continue;
                    }
                    if let Some(fragment) = self.document.fragments.get(&Name::new(name)) {
                        path.push(name);
                        self.introspection(&fragment.node.selection_set.node, path, of_type);
                        path.pop();
                    }
                }
            }
        }
    }
}
