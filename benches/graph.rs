//! Graph-core benchmarks (filled in below).

fn main() {}
