//! SDK benchmarks (being written).
fn main() {}
