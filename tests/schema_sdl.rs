//! `schema.graphql` is the running schema's SDL, and every part of it is documented.

use std::path::Path;

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

#[test]
fn committed_schema_matches_the_server() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let actual =
        olympia_kg::schema::sdl(&olympia_kg::dataset::load_embedded().expect("the seed loads"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).expect("writable");
        return;
    }
    assert!(
        committed == actual,
        "schema.graphql differs from the server's schema; regenerate it with `cargo run -- schema > schema.graphql`"
    );
}

#[test]
fn every_type_field_argument_and_enum_value_has_a_description() {
    let document = parse_schema(olympia_kg::schema::sdl(
        &olympia_kg::dataset::load_embedded().expect("the seed loads"),
    ))
    .expect("the SDL parses");
    let mut missing = Vec::new();
    for definition in &document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let name = ty.node.name.node.as_str();
        if ty.node.description.is_none() {
            missing.push(name.to_owned());
        }
        let fields = match &ty.node.kind {
            TypeKind::Object(o) => &o.fields,
            TypeKind::Interface(i) => &i.fields,
            TypeKind::Enum(e) => {
                for value in &e.values {
                    if value.node.description.is_none() {
                        missing.push(format!("{name}.{}", value.node.value.node));
                    }
                }
                continue;
            }
            _ => continue,
        };
        for field in fields {
            let field_name = &field.node.name.node;
            if field.node.description.is_none() {
                missing.push(format!("{name}.{field_name}"));
            }
            for argument in &field.node.arguments {
                if argument.node.description.is_none() {
                    missing.push(format!("{name}.{field_name}({})", argument.node.name.node));
                }
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:?}");
}

#[test]
fn introspection_lists_an_interfaces_interfaces() {
    // `Entity implements Node`; the spec wants `interfaces` to be a list for an INTERFACE too
    // (async-graphql 8.0.0-rc.5 answered null: vendor/async-graphql/PATCHED.md).
    let schema = olympia_kg::schema::build_schema(
        std::sync::Arc::new(olympia_kg::dataset::load_embedded().expect("the seed loads")),
        olympia_kg::schema::SchemaConfig::default(),
    );
    let query = r#"{
        entity: __type(name: "Entity") { interfaces { name } }
        node: __type(name: "Node") { interfaces { name } }
        person: __type(name: "Person") { interfaces { name } }
        date: __type(name: "PartialDate") { interfaces { name } specifiedByURL }
    }"#;
    let response = tokio::runtime::Runtime::new()
        .expect("a runtime")
        .block_on(schema.execute(olympia_kg::schema::Request::new(query)));
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().expect("JSON");
    assert_eq!(
        data,
        serde_json::json!({
            "entity": { "interfaces": [{ "name": "Node" }] },
            "node": { "interfaces": [] },
            "person": { "interfaces": [{ "name": "Entity" }, { "name": "Node" }] },
            "date": { "interfaces": null, "specifiedByURL": "https://www.loc.gov/standards/datetime/" },
        })
    );
}
