//! Fuzzes query execution against the seed schema, limits included; see
//! `olympia_kg::fuzzing::query_input`.
#![no_main]

use std::sync::{Arc, LazyLock};

use olympia_kg::schema::{self, KgSchema, SchemaConfig};

static SCHEMA: LazyLock<KgSchema> = LazyLock::new(|| {
    let graph = Arc::new(olympia_kg::dataset::load_embedded().expect("the seed dataset loads"));
    schema::build_schema(graph, SchemaConfig::default())
});

static RUNTIME: LazyLock<tokio::runtime::Runtime> =
    LazyLock::new(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime"));

libfuzzer_sys::fuzz_target!(|data: &[u8]| olympia_kg::fuzzing::query_input(&SCHEMA, &RUNTIME, data));
