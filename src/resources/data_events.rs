//! Data events: things your users did, recorded against contacts.
//!
//! Every operation of the Data Events family in Intercom API 2.16, on
//! [`DataEvents`]. An event names its contact in exactly one way, an
//! [`EventUser`]; its metadata is checked against what Intercom documents
//! before anything is sent (see [`validate_metadata`]).
//!
//! ```no_run
//! # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
//! use futures::TryStreamExt;
//! use intercom_api::resources::data_events::{CreateDataEvent, EventUser};
//!
//! let order = CreateDataEvent::new("placed-order", 1_717_200_000, EventUser::user_id("user-42"))
//!     .metadata("order_number", "3434-3434")
//!     .monetary_amount("price", 2_999, "eur");
//! client.data_events().submit(order).await?;
//!
//! let mut events = std::pin::pin!(client.data_events().list(EventUser::user_id("user-42")).items());
//! while let Some(event) = events.try_next().await? {
//!     println!("{} at {}", event.event_name, event.created_at);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::call::Call;
use crate::error::Error;
use crate::models::{null_as_default, opt_string_or_number};
use crate::pagination::{ListCall, Paging, Scheme};
use crate::transport::Request;
use crate::transport::request::require_id;

/// Metadata of an event: key → value. See [`validate_metadata`] for the
/// values Intercom accepts.
pub type EventMetadata = serde_json::Map<String, serde_json::Value>;

/// Most metadata keys Intercom keeps per event. Intercom's reference for
/// `POST /events` (API 2.16): "We currently limit the number of tracked
/// metadata keys to 10 per event. Once the quota is reached, we ignore any
/// further keys"; this crate refuses the event instead of losing keys.
pub const MAX_METADATA_KEYS: usize = 10;

/// Longest plain-string metadata value Intercom accepts ("String: A plain
/// string up to 255 characters long", Intercom's help article *Set up event
/// tracking in Intercom*). Links (`http://`, `https://`) are their own type.
pub const MAX_METADATA_STRING: usize = 255;

/// Characters Intercom does not allow in metadata key names (same article:
/// "can't contain periods ('.'), dollar signs ('$'), characters like
/// ~`!@#%^&*'{}|\'\" or the NULL character").
const FORBIDDEN_KEY_CHARS: &[char] = &[
    '.', '$', '~', '`', '!', '@', '#', '%', '^', '&', '*', '\'', '{', '}', '|', '\\', '"', '\0',
];

/// The contact an event is about, named in exactly one way.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventUser {
    /// Your id for the user (`user_id`).
    UserId(String),
    /// Intercom's id for the contact (`id` when submitting,
    /// `intercom_user_id` when listing). The only way to name a lead.
    IntercomId(String),
    /// The email address; use it only if your app identifies users by email.
    Email(String),
}

impl EventUser {
    /// The user with your id `user_id`.
    pub fn user_id(user_id: impl Into<String>) -> Self {
        EventUser::UserId(user_id.into())
    }

    /// The contact (user or lead) with Intercom's id `id`.
    pub fn intercom_id(id: impl Into<String>) -> Self {
        EventUser::IntercomId(id.into())
    }

    /// The user with this email address.
    pub fn email(email: impl Into<String>) -> Self {
        EventUser::Email(email.into())
    }

    /// The field name and value for `POST /events` (`user_id`, `id`, `email`).
    fn for_submit(&self) -> (&'static str, &str) {
        match self {
            EventUser::UserId(v) => ("user_id", v),
            EventUser::IntercomId(v) => ("id", v),
            EventUser::Email(v) => ("email", v),
        }
    }

    /// The query parameter for `GET /events` (`user_id`,
    /// `intercom_user_id`, `email`).
    fn for_list(&self) -> (&'static str, &str) {
        match self {
            EventUser::UserId(v) => ("user_id", v),
            EventUser::IntercomId(v) => ("intercom_user_id", v),
            EventUser::Email(v) => ("email", v),
        }
    }
}

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
    pub count: Option<u64>,
    /// The event's description, if one was set in Intercom.
    #[serde(default)]
    pub description: Option<String>,
}

/// The body of `POST /events`: an event name, when it happened, who did it,
/// and optional metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateDataEvent {
    event_name: String,
    created_at: i64,
    user: EventUser,
    metadata: EventMetadata,
}

impl CreateDataEvent {
    /// Who the event is about.
    pub fn user(&self) -> &EventUser {
        &self.user
    }

    /// `true` when sending the event twice records it once: Intercom
    /// de-duplicates events on your `user_id`, the name and `created_at`.
    pub fn is_idempotent(&self) -> bool {
        matches!(self.user, EventUser::UserId(_))
    }

    /// `user` did `event_name` at `created_at` (unix seconds). Intercom
    /// recommends a past-tense verb-noun name such as `updated-plan`.
    pub fn new(event_name: impl Into<String>, created_at: i64, user: EventUser) -> Self {
        CreateDataEvent {
            event_name: event_name.into(),
            created_at,
            user,
            metadata: EventMetadata::new(),
        }
    }

    /// Set one metadata value: a string (a plain string or an `http(s)`
    /// link), a number, or a unix timestamp under a key ending in `_date`.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }

    /// Set a rich link: an `http(s)` URL shown with a title.
    pub fn rich_link(
        self,
        key: impl Into<String>,
        url: impl Into<String>,
        title: impl Into<String>,
    ) -> Self {
        let value = serde_json::json!({"url": url.into(), "value": title.into()});
        self.metadata(key, value)
    }

    /// Set a monetary amount: a positive amount in cents (`2999` is 29.99)
    /// and a currency code such as `eur`.
    pub fn monetary_amount(
        self,
        key: impl Into<String>,
        amount_in_cents: u64,
        currency: impl Into<String>,
    ) -> Self {
        let value = serde_json::json!({"amount": amount_in_cents, "currency": currency.into()});
        self.metadata(key, value)
    }

    /// Set several metadata values at once.
    pub fn metadata_map(mut self, metadata: EventMetadata) -> Self {
        self.metadata.extend(metadata);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_id("event_name", &self.event_name)?;
        let (field, value) = self.user.for_submit();
        require_id(field, value)?;
        validate_metadata(&self.metadata)
    }
}

impl Serialize for CreateDataEvent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (field, value) = self.user.for_submit();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("event_name", &self.event_name)?;
        map.serialize_entry("created_at", &self.created_at)?;
        map.serialize_entry(field, value)?;
        if !self.metadata.is_empty() {
            map.serialize_entry("metadata", &self.metadata)?;
        }
        map.end()
    }
}

/// Check event metadata against Intercom's documented limits: at most
/// [`MAX_METADATA_KEYS`] keys; key names without `.`, `$` and the other
/// characters Intercom refuses; and values of a documented type (Intercom's
/// `POST /events` reference, "Event metadata types", and the help article
/// *Set up event tracking in Intercom*):
///
/// - a string: plain (at most [`MAX_METADATA_STRING`] characters) or an
///   `http`/`https` link;
/// - a number; under a key ending in `_date`, an integer unix timestamp;
/// - a rich link, `{"url": "https://…", "value": "title"}`;
/// - a monetary amount, `{"amount": 34999, "currency": "eur"}` with a
///   positive integer amount in cents.
///
/// Anything else (booleans, `null`, arrays, other objects: Intercom does not
/// support nested JSON in metadata) is refused.
///
/// # Errors
/// [`Error::InvalidInput`] with field `metadata` or `metadata.<key>`.
pub fn validate_metadata(metadata: &EventMetadata) -> Result<(), Error> {
    if metadata.len() > MAX_METADATA_KEYS {
        return Err(Error::invalid(
            "metadata",
            format!(
                "{} keys; Intercom keeps at most {MAX_METADATA_KEYS} per event and drops the rest",
                metadata.len()
            ),
        ));
    }
    for (key, value) in metadata {
        if key.trim().is_empty() {
            return Err(Error::invalid("metadata", "a key is empty"));
        }
        let field = || format!("metadata.{}", truncate(key, 40));
        if let Some(c) = key.chars().find(|c| FORBIDDEN_KEY_CHARS.contains(c)) {
            return Err(Error::invalid(
                field(),
                format!("key names cannot contain {c:?}"),
            ));
        }
        check_metadata_value(key, value).map_err(|reason| Error::invalid(field(), reason))?;
    }
    Ok(())
}

fn check_metadata_value(key: &str, value: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    let is_link = |s: &str| s.starts_with("https://") || s.starts_with("http://");
    if key.ends_with("_date") {
        return match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => Ok(()),
            _ => Err("a key ending in `_date` holds a unix timestamp (an integer)".into()),
        };
    }
    match value {
        Value::Number(_) => Ok(()),
        Value::String(s) if is_link(s) => Ok(()),
        Value::String(s) => {
            let len = s.chars().count();
            if len > MAX_METADATA_STRING {
                Err(format!(
                    "value is {len} characters; Intercom allows at most {MAX_METADATA_STRING}"
                ))
            } else {
                Ok(())
            }
        }
        Value::Object(o) if o.contains_key("url") || o.contains_key("value") => {
            let url = o.get("url").and_then(Value::as_str);
            let title = o.get("value").and_then(Value::as_str);
            match (url, title) {
                (Some(url), Some(_)) if o.len() == 2 && is_link(url) => Ok(()),
                _ => Err(
                    "a rich link is exactly {\"url\": an http(s) URL, \"value\": a string}".into(),
                ),
            }
        }
        Value::Object(o) if o.contains_key("amount") || o.contains_key("currency") => {
            let amount = o.get("amount").and_then(Value::as_u64);
            let currency = o.get("currency").and_then(Value::as_str);
            match (amount, currency) {
                (Some(a), Some(c)) if o.len() == 2 && a > 0 && !c.trim().is_empty() => Ok(()),
                _ => Err(
                    "a monetary amount is exactly {\"amount\": a positive integer in cents, \
                          \"currency\": a currency code}"
                        .into(),
                ),
            }
        }
        Value::Object(_) => Err(
            "Intercom does not support nested JSON in metadata, except a rich link \
             {url, value} or a monetary amount {amount, currency}"
                .into(),
        ),
        Value::Bool(_) => {
            Err("booleans are not an event metadata type Intercom documents; send a string".into())
        }
        Value::Null => Err("null is not an event metadata value; leave the key out".into()),
        Value::Array(_) => Err("arrays are not an event metadata type Intercom documents".into()),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// The body of `POST /events/summaries`: how many times a user did an event,
/// and when first and last.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateEventSummary {
    user_id: String,
    event_summaries: EventSummaryFields,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct EventSummaryFields {
    event_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<i64>,
}

impl CreateEventSummary {
    /// A summary of `event_name` for the user with your id `user_id`.
    pub fn new(user_id: impl Into<String>, event_name: impl Into<String>) -> Self {
        CreateEventSummary {
            user_id: user_id.into(),
            event_summaries: EventSummaryFields {
                event_name: event_name.into(),
                count: None,
                first: None,
                last: None,
            },
        }
    }

    /// How many times the event happened.
    pub fn count(mut self, count: u64) -> Self {
        self.event_summaries.count = Some(count);
        self
    }

    /// The first time it happened (unix seconds).
    pub fn first(mut self, unix: i64) -> Self {
        self.event_summaries.first = Some(unix);
        self
    }

    /// The last time it happened (unix seconds).
    pub fn last(mut self, unix: i64) -> Self {
        self.event_summaries.last = Some(unix);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        require_id("user_id", &self.user_id)?;
        let s = &self.event_summaries;
        require_id("event_summaries.event_name", &s.event_name)?;
        if let (Some(first), Some(last)) = (s.first, s.last) {
            if last < first {
                return Err(Error::invalid(
                    "event_summaries.last",
                    format!("{last} is before first ({first})"),
                ));
            }
        }
        Ok(())
    }
}

// `GET /events` pages by following `pages.next`, a full URL (with `before=`).
// The 2.16 spec declares the answer as `data_event_summary`, but a listing
// answers `event.list` (the spec's `data_event_list`): items under `events`.
const LIST: Paging = Paging::new(Scheme::NextUrl, "events");

/// The data events endpoints. Get one from [`Client::data_events`](crate::Client::data_events).
#[derive(Debug)]
pub struct DataEvents<'c, C> {
    client: &'c C,
}

impl<'c, C> DataEvents<'c, C> {
    pub(crate) fn new(client: &'c C) -> Self {
        DataEvents { client }
    }

    /// `POST /events`: record that a user did something. Intercom answers
    /// `202 Accepted` with no body.
    ///
    /// Intercom ignores an event it already has (same user, name and
    /// `created_at` second), so when the user is named by
    /// [`EventUser::UserId`] the call can safely be marked
    /// [`idempotent`](Call::idempotent) to retry it after a timeout.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::data_events::{CreateDataEvent, EventUser};
    /// let event = CreateDataEvent::new("invited-friend", 1_717_200_000, EventUser::user_id("user-42"))
    ///     .metadata("invitee_email", "grace@example.com")
    ///     .rich_link("invite", "https://example.com/invites/7", "Invite #7");
    /// client.data_events().submit(event).idempotent().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before sending for an empty event name or
    /// user identifier, or metadata Intercom would drop or refuse (see
    /// [`validate_metadata`]); `404` when the user cannot be found.
    pub fn submit(&self, event: CreateDataEvent) -> Call<'c, C, ()> {
        Call::new(
            self.client,
            event
                .validate()
                .and_then(|()| Request::post("/events").json(&event)),
        )
    }

    /// `GET /events?type=user`: a user's events of the last 90 days, newest
    /// first, following `pages.next` from page to page.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::data_events::EventUser;
    /// let recent = client
    ///     .data_events()
    ///     .list(EventUser::email("ada@example.com"))
    ///     .per_page(50)
    ///     .collect_at_most(200)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty identifier or `per_page` of 0;
    /// `404` when the user cannot be found.
    pub fn list(&self, user: EventUser) -> ListCall<'c, C, DataEvent> {
        ListCall::new(self.client, events_request(&user), LIST)
    }

    /// `GET /events?type=user&summary=true`: for each event name, how often
    /// and when first and last the user did it (older than 90 days included).
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::data_events::EventUser;
    /// let summary = client.data_events().summary(EventUser::user_id("user-42")).await?;
    /// for item in summary.events {
    ///     println!("{:?}: {:?}", item.name, item.count);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty identifier; `404` when the user
    /// cannot be found.
    pub fn summary(&self, user: EventUser) -> Call<'c, C, DataEventSummary> {
        Call::new(
            self.client,
            events_request(&user).map(|r| r.query("summary", true)),
        )
    }

    /// `POST /events/summaries`: record an event's count and first and last
    /// times for a user at once (e.g. history imported from another tool).
    /// Intercom answers `200` with no body.
    ///
    /// ```no_run
    /// # async fn run(client: intercom_api::Client) -> Result<(), intercom_api::Error> {
    /// use intercom_api::resources::data_events::CreateEventSummary;
    /// let summary = CreateEventSummary::new("user-42", "placed-order")
    ///     .count(12)
    ///     .first(1_690_000_000)
    ///     .last(1_717_200_000);
    /// client.data_events().submit_summaries(summary).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty user id or event name, or a
    /// `last` time before `first`.
    pub fn submit_summaries(&self, summary: CreateEventSummary) -> Call<'c, C, ()> {
        Call::new(
            self.client,
            summary
                .validate()
                .and_then(|()| Request::post("/events/summaries").json(&summary)),
        )
    }
}

/// `GET /events?type=user&<identifier>=…`, shared by the listing and the summary.
fn events_request<T>(user: &EventUser) -> Result<Request<T>, Error> {
    let (field, value) = user.for_list();
    require_id(field, value)?;
    Ok(Request::get("/events")
        .query("type", "user")
        .query(field, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn refused(event: CreateDataEvent) -> String {
        match event.validate() {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    fn event() -> CreateDataEvent {
        CreateDataEvent::new("placed-order", 1_717_200_000, EventUser::intercom_id("abc"))
    }

    #[test]
    fn the_identifier_takes_the_endpoint_s_name() {
        let body =
            serde_json::to_value(event().metadata("order_date", 1_717_100_000)).expect("json");
        assert_eq!(
            body,
            json!({"event_name": "placed-order", "created_at": 1_717_200_000, "id": "abc",
                   "metadata": {"order_date": 1_717_100_000}})
        );
        assert_eq!(
            EventUser::intercom_id("abc").for_list().0,
            "intercom_user_id"
        );
        let bare = serde_json::to_value(CreateDataEvent::new(
            "x",
            1,
            EventUser::email("a@example.com"),
        ))
        .expect("json");
        assert_eq!(
            bare,
            json!({"event_name": "x", "created_at": 1, "email": "a@example.com"})
        );
    }

    #[test]
    fn documented_metadata_types_pass() {
        let e = event()
            .metadata("source", "desktop")
            .metadata("load", 3.67)
            .metadata("contact_date", 1_392_036_272)
            .metadata(
                "article",
                format!("https://example.com/{}", "a".repeat(300)),
            )
            .rich_link("order", "https://example.com/orders/1", "Order 1")
            .monetary_amount("price", 34_999, "eur");
        assert!(e.validate().is_ok());
    }

    #[test]
    fn undocumented_metadata_is_refused_naming_the_key() {
        let mut e = event();
        for i in 0..=MAX_METADATA_KEYS {
            e = e.metadata(format!("k{i}"), i);
        }
        assert_eq!(refused(e), "metadata");
        assert_eq!(refused(event().metadata("a.b", 1)), "metadata.a.b");
        assert_eq!(refused(event().metadata("cost$", 1)), "metadata.cost$");
        assert_eq!(refused(event().metadata("ok", true)), "metadata.ok");
        assert_eq!(refused(event().metadata("ok", json!(null))), "metadata.ok");
        assert_eq!(
            refused(event().metadata("tags", json!(["a"]))),
            "metadata.tags"
        );
        assert_eq!(
            refused(event().metadata("n", json!({"a": {"b": 1}}))),
            "metadata.n"
        );
        assert_eq!(
            refused(event().metadata("s", "x".repeat(256))),
            "metadata.s"
        );
        assert_eq!(
            refused(event().metadata("paid_date", "yesterday")),
            "metadata.paid_date"
        );
        assert_eq!(
            refused(event().monetary_amount("price", 0, "eur")),
            "metadata.price"
        );
        assert_eq!(
            refused(event().metadata("price", json!({"amount": 9.5, "currency": "eur"}))),
            "metadata.price"
        );
        assert_eq!(
            refused(event().rich_link("link", "ftp://example.com", "x")),
            "metadata.link"
        );
        assert_eq!(refused(event().metadata(" ", 1)), "metadata");
    }

    #[test]
    fn names_and_identifiers_must_not_be_empty() {
        assert_eq!(
            refused(CreateDataEvent::new(" ", 1, EventUser::user_id("u"))),
            "event_name"
        );
        assert_eq!(
            refused(CreateDataEvent::new("x", 1, EventUser::user_id(""))),
            "user_id"
        );
        assert_eq!(
            refused(CreateDataEvent::new("x", 1, EventUser::intercom_id(""))),
            "id"
        );
        assert_eq!(
            refused(CreateDataEvent::new("x", 1, EventUser::email(""))),
            "email"
        );
    }
}
