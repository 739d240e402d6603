//! The data event request bodies, the metadata checks and the row builders.

use serde::Serialize;

use crate::error::Error;
use crate::resources::common::{require_non_empty, truncate};
use crate::transport::Request;

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
    pub(super) fn for_submit(&self) -> (&'static str, &str) {
        match self {
            EventUser::UserId(v) => ("user_id", v),
            EventUser::IntercomId(v) => ("id", v),
            EventUser::Email(v) => ("email", v),
        }
    }

    /// The query parameter for `GET /events` (`user_id`,
    /// `intercom_user_id`, `email`).
    pub(super) fn for_list(&self) -> (&'static str, &str) {
        match self {
            EventUser::UserId(v) => ("user_id", v),
            EventUser::IntercomId(v) => ("intercom_user_id", v),
            EventUser::Email(v) => ("email", v),
        }
    }
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
    /// [`submit`](super::DataEvents::submit) and
    /// [`bulk().track_events`](crate::bulk::Bulk::track_events) retry such an
    /// event after a 5xx or a timeout, and only such an event.
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
        require_non_empty("event_name", &self.event_name)?;
        let (field, value) = self.user.for_submit();
        require_non_empty(field, value)?;
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
    count: Option<i64>,
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
    pub fn count(mut self, count: i64) -> Self {
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
        require_non_empty("user_id", &self.user_id)?;
        let s = &self.event_summaries;
        require_non_empty("event_summaries.event_name", &s.event_name)?;
        if let Some(count) = s.count.filter(|c| *c < 0) {
            return Err(Error::invalid(
                "event_summaries.count",
                format!("{count} is not a count"),
            ));
        }
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

/// The event as the body, retried like a `GET` when it names its user by
/// `user_id` (see [`CreateDataEvent::is_idempotent`]).
pub(super) fn submit_body<T>(req: Request<T>, event: CreateDataEvent) -> Result<Request<T>, Error> {
    event.validate()?;
    req.idempotent(event.is_idempotent()).json(&event)
}

/// `type=user&<identifier>=…`, shared by the listing and the summary.
pub(super) fn list_query<T>(req: Request<T>, user: EventUser) -> Result<Request<T>, Error> {
    let (field, value) = user.for_list();
    require_non_empty(field, value)?;
    Ok(req.query("type", "user").query(field, value))
}

pub(super) fn summaries_body<T>(
    req: Request<T>,
    summary: CreateEventSummary,
) -> Result<Request<T>, Error> {
    summary.validate()?;
    req.json(&summary)
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
