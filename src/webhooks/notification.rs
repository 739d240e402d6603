//! [`Notification`]: the envelope of a webhook, with its item decoded into
//! a model when the crate has one, and kept as JSON otherwise.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::topic::Topic;
use crate::resources::companies::Company;
use crate::resources::contacts::Contact;
use crate::resources::conversations::Conversation;
use crate::resources::tickets::Ticket;

/// Why a (correctly signed) body is not a notification.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The body is not JSON.
    #[error("the webhook body is not JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// The body is JSON but not an object.
    #[error("the webhook body is not a JSON object")]
    NotAnObject,
    /// A required envelope field is missing or `null`.
    #[error("the notification has no `{0}` field")]
    MissingField(&'static str),
    /// An envelope field has the wrong JSON type.
    #[error("the notification field `{field}` should be {expected}")]
    InvalidField {
        /// The field.
        field: &'static str,
        /// What it should be.
        expected: &'static str,
    },
}

/// The object a notification is about (`data.item`), typed when this crate
/// has a model for it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Item {
    /// A contact (`type` is `contact`, or the 1.x `user` / `lead`).
    Contact(Box<Contact>),
    /// A company.
    Company(Box<Company>),
    /// A conversation.
    Conversation(Box<Conversation>),
    /// A ticket (for `ticket.closed`, the ticket nested in the item).
    Ticket(Box<Ticket>),
    /// Anything else (`ping`, `contact_tag`, content stats, admins, ...), an
    /// item whose typed decode failed (see [`Notification::item_error`]), or
    /// `null` when the notification has no item.
    Json(Value),
}

impl Item {
    /// The contact, if this is one.
    pub fn as_contact(&self) -> Option<&Contact> {
        match self {
            Item::Contact(c) => Some(c),
            _ => None,
        }
    }

    /// The company, if this is one.
    pub fn as_company(&self) -> Option<&Company> {
        match self {
            Item::Company(c) => Some(c),
            _ => None,
        }
    }

    /// The conversation, if this is one.
    pub fn as_conversation(&self) -> Option<&Conversation> {
        match self {
            Item::Conversation(c) => Some(c),
            _ => None,
        }
    }

    /// The ticket, if this is one.
    pub fn as_ticket(&self) -> Option<&Ticket> {
        match self {
            Item::Ticket(t) => Some(t),
            _ => None,
        }
    }

    /// The JSON, if the item was not decoded into a model.
    pub fn as_json(&self) -> Option<&Value> {
        match self {
            Item::Json(v) => Some(v),
            _ => None,
        }
    }
}

/// A webhook notification (`"type": "notification_event"`).
///
/// Only `topic` is required; every other envelope field is optional because
/// Intercom leaves some out or `null` (a `ping` has `"id": null`).
/// Timestamps are unix seconds; numeric strings are accepted too.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Notification {
    /// The notification id (`notif_…`); the same across delivery attempts.
    /// `None` for pings.
    pub id: Option<String>,
    /// What happened.
    pub topic: Topic,
    /// The workspace the event happened in.
    pub app_id: Option<String>,
    /// When Intercom created the notification.
    pub created_at: Option<i64>,
    /// How many times Intercom has tried to deliver it (this try included).
    pub delivery_attempts: Option<u32>,
    /// When the first delivery was attempted.
    pub first_sent_at: Option<i64>,
    /// When it was delivered, if Intercom says (often `0`).
    pub delivered_at: Option<i64>,
    /// Intercom's delivery status, when sent (e.g. `pending`).
    pub delivery_status: Option<String>,
    /// The `type` of `data.item`, e.g. `conversation`, `contact_tag`, `ping`.
    pub item_type: Option<String>,
    /// `data.item`, typed when possible.
    pub item: Item,
    /// Why `data.item` is [`Item::Json`] although its type has a model: the
    /// decode error, with the JSON path (e.g. `created_at: invalid type`).
    pub item_error: Option<String>,
    /// The raw `data` object (`{"type": "notification_event_data", "item": …}`),
    /// or `null` when absent. When the item is kept as [`Item::Json`], it is
    /// moved there and `data` has no `item` key (a large item is held once);
    /// [`item_json`](Self::item_json) finds it either way.
    pub data: Value,
}

/// Parse a notification body (without checking its signature: see
/// [`verify_and_parse`](super::verify_and_parse)).
///
/// ```
/// let n = intercom_api::webhooks::parse(br#"{"topic":"ping","id":null,"data":{"item":{"type":"ping"}}}"#)?;
/// assert_eq!(n.topic, intercom_api::webhooks::Topic::Ping);
/// # Ok::<(), intercom_api::webhooks::ParseError>(())
/// ```
///
/// # Errors
/// [`ParseError`] when the body is not a JSON object, or has no string
/// `topic`. Unknown topics are not errors ([`Topic::Unknown`]), and an item
/// that does not fit its model is kept as JSON.
pub fn parse(raw_body: &[u8]) -> Result<Notification, ParseError> {
    let value: Value = serde_json::from_slice(raw_body).map_err(ParseError::Json)?;
    Notification::from_value(value)
}

impl Notification {
    /// Build a notification from an already-parsed JSON value.
    ///
    /// # Errors
    /// As [`parse`].
    pub fn from_value(value: Value) -> Result<Self, ParseError> {
        let Value::Object(mut obj) = value else {
            return Err(ParseError::NotAnObject);
        };
        let topic = match obj.get("topic") {
            Some(Value::String(s)) => Topic::from(s.as_str()),
            None | Some(Value::Null) => return Err(ParseError::MissingField("topic")),
            Some(_) => {
                return Err(ParseError::InvalidField {
                    field: "topic",
                    expected: "a string",
                });
            }
        };
        let id = match obj.get("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => {
                return Err(ParseError::InvalidField {
                    field: "id",
                    expected: "a string",
                });
            }
        };
        let mut data = obj.remove("data").unwrap_or(Value::Null);
        let item_value = data.get("item").unwrap_or(&Value::Null);
        let item_type = item_value
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let (typed, item_error) = decode_item(&topic, item_value);
        // An item that stays JSON is moved out of `data`, not copied: a
        // large item is held once.
        let item = match typed {
            Some(item) => item,
            None => Item::Json(
                data.as_object_mut()
                    .and_then(|d| d.remove("item"))
                    .unwrap_or(Value::Null),
            ),
        };
        Ok(Notification {
            id,
            app_id: lenient_string(obj.get("app_id")),
            created_at: lenient_time(obj.get("created_at")),
            delivery_attempts: lenient_time(obj.get("delivery_attempts"))
                .map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX)),
            first_sent_at: lenient_time(obj.get("first_sent_at")),
            delivered_at: lenient_time(obj.get("delivered_at")),
            delivery_status: lenient_string(obj.get("delivery_status")),
            topic,
            item_type,
            item,
            item_error,
            data,
        })
    }

    /// `data.item` as raw JSON, if present (wherever it is kept: in
    /// [`Item::Json`] or in [`data`](Self::data)).
    pub fn item_json(&self) -> Option<&Value> {
        match &self.item {
            Item::Json(v) => Some(v),
            _ => self.data.get("item"),
        }
        .filter(|v| !v.is_null())
    }

    /// Decode `data.item` into your own type.
    ///
    /// # Errors
    /// The serde error when the item does not fit `T` (or is absent).
    pub fn decode_item<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(self.item_json().unwrap_or(&Value::Null))
    }

    /// The time used for age checks: `created_at`, else `first_sent_at`.
    pub fn sent_at(&self) -> Option<SystemTime> {
        let secs = self.created_at.or(self.first_sent_at)?;
        let secs = u64::try_from(secs).ok()?;
        UNIX_EPOCH.checked_add(Duration::from_secs(secs))
    }
}

fn lenient_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Unix seconds from a number, a float or a numeric string; `None` otherwise.
fn lenient_time(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Model {
    Contact,
    Company,
    Conversation,
    Ticket,
}

/// Decode the item by reference into its model; `None` (with the reason,
/// if it has a model) when it stays JSON.
fn decode_item(topic: &Topic, item: &Value) -> (Option<Item>, Option<String>) {
    let kind = item.get("type").and_then(Value::as_str);
    // `ticket.closed` (2.15+) nests the ticket under `data.item.ticket`.
    if kind != Some("ticket") && topic.family() == "ticket" {
        if let Some(inner) = item.get("ticket").filter(|t| t.is_object()) {
            return match decode_model(Model::Ticket, inner) {
                Ok(typed) => (Some(typed), None),
                Err(e) => (None, Some(format!("ticket.{e}"))),
            };
        }
    }
    let model = match kind {
        Some("contact" | "user" | "lead") => Model::Contact,
        Some("company") => Model::Company,
        Some("conversation") => Model::Conversation,
        Some("ticket") => Model::Ticket,
        _ => return (None, None),
    };
    match decode_model(model, item) {
        Ok(typed) => (Some(typed), None),
        Err(e) => (None, Some(e)),
    }
}

fn decode_model(model: Model, value: &Value) -> Result<Item, String> {
    fn de<T: DeserializeOwned>(v: &Value) -> Result<Box<T>, String> {
        crate::json_path::from_value_named(v).map(Box::new)
    }
    Ok(match model {
        Model::Contact => Item::Contact(de(value)?),
        Model::Company => Item::Company(de(value)?),
        Model::Conversation => Item::Conversation(de(value)?),
        Model::Ticket => Item::Ticket(de(value)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_kept_as_json_is_held_once() {
        // A contact whose `id` is an object fails typed decoding.
        let n = parse(
            br#"{"topic":"contact.user.created","id":"notif_1","data":{"type":"notification_event_data","item":{"type":"contact","id":{"not":"a string"},"email":"a@example.com"}}}"#,
        )
        .expect("parses");
        assert!(
            n.item_error.as_deref().is_some_and(|e| e.contains("id")),
            "{:?}",
            n.item_error
        );
        let Item::Json(item) = &n.item else {
            panic!("expected JSON, got {:?}", n.item);
        };
        assert_eq!(item["email"], "a@example.com");
        assert!(n.data.get("item").is_none(), "kept twice: {}", n.data);
        assert_eq!(n.data["type"], "notification_event_data");
        assert_eq!(n.item_json(), Some(item));
        let v: Value = n.decode_item().expect("decodes");
        assert_eq!(v["email"], "a@example.com");

        // An item without a model is moved too; a typed one stays in `data`.
        let ping = parse(br#"{"topic":"ping","data":{"item":{"type":"ping","message":"hi"}}}"#)
            .expect("parses");
        assert_eq!(
            ping.item.as_json().map(|v| &v["message"]),
            Some(&Value::from("hi"))
        );
        assert!(ping.data.get("item").is_none());
        let typed = parse(
            br#"{"topic":"contact.user.created","data":{"item":{"type":"contact","id":"c1"}}}"#,
        )
        .expect("parses");
        assert!(typed.item.as_contact().is_some());
        assert_eq!(typed.data["item"]["id"], "c1");
        assert_eq!(
            typed.item_json().map(|v| &v["id"]),
            Some(&Value::from("c1"))
        );
    }

    #[test]
    fn lenient_times() {
        assert_eq!(lenient_time(Some(&serde_json::json!(5))), Some(5));
        assert_eq!(
            lenient_time(Some(&serde_json::json!("1401970114"))),
            Some(1401970114)
        );
        assert_eq!(lenient_time(Some(&serde_json::json!(1.5))), Some(1));
        assert_eq!(
            lenient_time(Some(&serde_json::json!("2024-03-16T20:16:07Z"))),
            None
        );
        assert_eq!(lenient_time(Some(&Value::Null)), None);
    }
}
