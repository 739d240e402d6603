//! Customer health scores (being written).
