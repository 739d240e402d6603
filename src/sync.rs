//! Full and incremental sync of contacts and conversations (being written).
