//! Webhook verification and typed notifications (being written).
