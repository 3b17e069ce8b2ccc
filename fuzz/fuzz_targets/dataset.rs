//! Fuzzes the dataset loader; see `olympia_kg::fuzzing::dataset_input`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| olympia_kg::fuzzing::dataset_input(data));
