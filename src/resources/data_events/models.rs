//! The data event models: events as Intercom lists them and per-user summaries.

use serde::Deserialize;

use super::requests::EventMetadata;
use crate::models::{null_as_default, opt_string_or_number};

/// An event as Intercom lists it.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataEvent {
    /// The event name, e.g. `placed-order`.
    pub event_name: String,
    /// When it happened (unix seconds).
    pub created_at: i64,
    /// Your id for the user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The contact's id.
    #[serde(default, deserialize_with = "opt_string_or_number")]
    pub id: Option<String>,
    /// Intercom's id for the user.
    #[serde(default)]
    pub intercom_user_id: Option<String>,
    /// The user's email address.
    #[serde(default)]
    pub email: Option<String>,
    /// The metadata sent with the event.
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: EventMetadata,
}

/// How often a user did each event (`GET /events?summary=true`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataEventSummary {
    /// The user's email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Intercom's id for the user.
    #[serde(default)]
    pub intercom_user_id: Option<String>,
    /// Your id for the user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// One entry per event name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub events: Vec<DataEventSummaryItem>,
}

/// The count and first/last times of one event name for one user.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct DataEventSummaryItem {
    /// The event name.
    #[serde(default)]
    pub name: Option<String>,
    /// The first time it happened, as Intercom formats it (an ISO 8601
    /// date-time, e.g. `2024-06-01T10:05:15.000Z`).
    #[serde(default)]
    pub first: Option<String>,
    /// The last time it happened, formatted like `first`.
    #[serde(default)]
    pub last: Option<String>,
    /// How many times it happened.
    #[serde(default)]
    pub count: Option<i64>,
    /// The event's description, if one was set in Intercom.
    #[serde(default)]
    pub description: Option<String>,
}
