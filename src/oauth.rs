//! OAuth for public Intercom apps (being written).
