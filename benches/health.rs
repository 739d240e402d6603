//! Health-score benchmarks (being written).
fn main() {}
