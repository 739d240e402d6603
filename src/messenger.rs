//! Messenger identity verification (being written).
