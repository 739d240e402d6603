//! Webhooks: verify Intercom's `X-Hub-Signature`, parse notifications into
//! typed values, and refuse replays.
//!
//! Intercom signs every notification it sends to your endpoint: the header
//! `X-Hub-Signature: sha1=<hex>` carries the HMAC-SHA1 of the **raw request
//! body**, keyed with your app's **client secret** (Developer Hub → your app →
//! Basic information). Verify the bytes exactly as they arrived: re-serializing
//! parsed JSON changes whitespace and key order and breaks the signature.
//!
//! ```
//! use intercom_api::webhooks::{self, Topic, Item};
//! use secrecy::SecretString;
//!
//! # fn main() -> Result<(), webhooks::WebhookError> {
//! let secret = SecretString::from("your-app-client-secret");
//! # let body: &[u8] = br#"{"type":"notification_event","id":"notif_1","topic":"conversation.admin.closed","created_at":1718004600,"data":{"type":"notification_event_data","item":{"type":"conversation","id":"41084211973","state":"closed"}}}"#;
//! # let signature = webhooks::sign(&secret, body);
//! # let header: Option<&str> = Some(signature.as_str());
//! // `body` is the raw request body, `header` the X-Hub-Signature value (if any).
//! let notification = webhooks::verify_and_parse(&secret, body, header)?;
//! match (&notification.topic, &notification.item) {
//!     (Topic::ConversationAdminClosed, Item::Conversation(c)) => println!("closed {}", c.id),
//!     (Topic::Ping, _) => println!("ping"),
//!     (other, _) => println!("unhandled {other}"),
//! }
//! # Ok(()) }
//! ```
//!
//! ## Errors
//!
//! Verification and parsing have their own error types, [`VerifyError`] and
//! [`ParseError`], combined in [`WebhookError`]. They are separate from the
//! crate's [`Error`](crate::Error) because nothing here talks to Intercom:
//! a webhook endpoint needs to tell "unauthenticated" (answer `401`) from
//! "malformed" (answer `400`), which [`WebhookError::status`] does. Each
//! converts into [`Error::InvalidInput`](crate::Error::InvalidInput) for code
//! that prefers one error type. No error message ever contains the secret.
//!
//! ## Typed items, never lost
//!
//! [`Notification::item`] is decoded from `data.item` according to its `type`
//! field (`contact`, `company`, `conversation`, `ticket`; for `ticket.*`
//! topics that nest the ticket under `data.item.ticket`, that ticket). When
//! the typed decode fails, because Intercom sent a shape this crate's models
//! do not expect, the item is kept as [`Item::Json`] and the reason is in
//! [`Notification::item_error`]: a model mismatch never costs you a
//! notification. The raw `data` object is always in [`Notification::data`].
//!
//! ## Replays
//!
//! A valid signature proves Intercom sent the body once; it does not stop
//! someone who captured it from sending it again. [`ReplayGuard`] refuses a
//! notification id it has already seen and notifications that are too old.

mod endpoint;
mod notification;
mod replay;
mod signature;
mod topic;

pub use endpoint::{Verifier, WebhookError, verify_and_parse, verify_and_parse_headers};
pub use notification::{Item, Notification, ParseError, parse};
pub use replay::{ReplayError, ReplayGuard};
pub(crate) use signature::is_blank;
pub use signature::{
    SIGNATURE_HEADER, SigningKey, VerifyError, sign, verify, verify_header, verify_headers,
};
pub use topic::Topic;
