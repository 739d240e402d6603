//! Fake Intercom (placeholder).
