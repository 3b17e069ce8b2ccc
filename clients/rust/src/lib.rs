//! Typed Rust bindings for every example operation of olympia-kg, generated at compile time by
//! [`graphql_client`] from `../../schema.graphql` and `../../examples/*.graphql`.
//!
//! Building this crate is the check that each example compiles against the schema with a client
//! that needs `__typename` on abstract selections (as Apollo Kotlin/Swift do). `tests/live.rs`
//! runs some of them against the real server and compares with the committed `examples/*.json`.
//!
//! Each operation gets a unit struct named like the operation (graphql_client picks the operation
//! of that name from the document) and a snake_case module with its `Variables`, `ResponseData`
//! and the nested types, e.g. `flag_handover_chain::ResponseData`.

pub use graphql_client::{GraphQLQuery, QueryBody, Response};

// graphql_client reads schema_path at compile time but, unlike each query file, does not tell
// cargo about it: including it here makes an edited schema.graphql rebuild this crate.
const _SCHEMA: &str = include_str!("../../../schema.graphql");

// Custom scalars of the schema: graphql_client expects a Rust type of the scalar's name in the
// scope of the derive (only for the scalars an operation actually selects). All of them are
// JSON strings on the wire. A new custom scalar an example selects needs a line here.
/// `Date`: a calendar date, `YYYY-MM-DD`.
pub type Date = String;
/// `PartialDate`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub type PartialDate = String;
/// `LanguageTag`: a BCP 47 language tag.
pub type LanguageTag = String;

/// One example operation: the file it is generated from (relative to the repository root), the
/// operation name and the document graphql_client compiled.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub file: &'static str,
    pub operation_name: &'static str,
    pub query: &'static str,
}

macro_rules! examples {
    ($( $path:tt => $name:ident in $module:ident ),* $(,)?) => {
        $(
            #[derive(GraphQLQuery)]
            #[graphql(
                schema_path = "../../schema.graphql",
                query_path = $path,
                response_derives = "Debug, Clone, Serialize, PartialEq",
                variables_derives = "Debug, Clone, Default",
                // An `Unknown` variant for a type the schema adds later (e.g. a new kind of
                // `Entity`), so this build keeps reading responses that contain one.
                fragments_other_variant = "true"
            )]
            pub struct $name;
        )*

        /// Every example operation this crate compiles, one per `examples/*.graphql`.
        pub const EXAMPLES: &[Example] = &[
            $(Example {
                file: match $path.split_at_checked(6) {
                    Some((_, file)) => file,
                    None => $path,
                },
                operation_name: $module::OPERATION_NAME,
                query: $module::QUERY,
            }),*
        ];
    };
}

// One line per file in examples/ (the unit test below fails when one is missing). The path is
// relative to this crate's directory, as graphql_client resolves it.
examples! {
    "../../examples/california-performers.graphql" => CaliforniaPerformers in california_performers,
    "../../examples/crowd-figures.graphql" => CrowdFigures in crowd_figures,
    "../../examples/entities-page.graphql" => People in people,
    "../../examples/flag-handover-chain.graphql" => FlagHandoverChain in flag_handover_chain,
    "../../examples/most-central.graphql" => MostCentral in most_central,
    "../../examples/relations-page.graphql" => CruiseRelations in cruise_relations,
    "../../examples/search.graphql" => Search in search,
    "../../examples/snoop-dogg-to-macron.graphql" => SnoopDoggToMacron in snoop_dogg_to_macron,
    "../../examples/typed-relationship-fields.graphql" => TypedRelationshipFields in typed_relationship_fields,
}

/// The repository root (two levels above this crate).
pub fn repo_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every `examples/*.graphql` has a derive above, and every derive a file.
    #[test]
    fn every_example_file_has_a_derive() {
        let dir = repo_dir().join("examples");
        let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".graphql"))
            .map(|name| format!("examples/{name}"))
            .collect();
        let derived: BTreeSet<String> = EXAMPLES.iter().map(|e| e.file.to_owned()).collect();
        let missing: Vec<_> = on_disk.difference(&derived).collect();
        let stale: Vec<_> = derived.difference(&on_disk).collect();
        assert!(
            missing.is_empty() && stale.is_empty(),
            "clients/rust/src/lib.rs is out of step with examples/: add a line to `examples!` \
             for each of {missing:?} (file => OperationName in operation_name); remove {stale:?}"
        );
    }

    /// What was compiled is what is on disk now (graphql_client reads the files at build time).
    #[test]
    fn compiled_documents_are_current() {
        for example in EXAMPLES {
            let path = repo_dir().join(example.file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            assert_eq!(
                example.query, text,
                "{} changed since this crate was built: rebuild (cargo test rebuilds it)",
                example.file
            );
            assert!(
                text.contains(&format!("query {}", example.operation_name)),
                "{} does not define `query {}`",
                example.file,
                example.operation_name
            );
        }
    }
}
