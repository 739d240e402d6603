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
//! crate's [`Error`] because nothing here talks to Intercom:
//! a webhook endpoint needs to tell "unauthenticated" (answer `401`) from
//! "malformed" (answer `400`), which [`WebhookError::status`] does. Each
//! converts into [`Error::InvalidInput`] for code
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

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha1::Sha1;

use crate::error::Error;
use crate::resources::companies::Company;
use crate::resources::contacts::Contact;
use crate::resources::conversations::Conversation;
use crate::resources::tickets::Ticket;
use crate::transport::Clock;

/// The header Intercom puts the signature in.
pub const SIGNATURE_HEADER: &str = "X-Hub-Signature";

/// The scheme prefix of the signature header value.
const PREFIX: &str = "sha1";

/// Hex characters in an HMAC-SHA1 signature.
const SIGNATURE_HEX_LEN: usize = 40;

type HmacSha1 = Hmac<Sha1>;

pub(crate) mod sealed {
    /// Gives the crate, and only the crate, the key bytes of a secret.
    pub trait Sealed {
        fn key_bytes(&self) -> &[u8];
    }
}

/// A secret that can key an HMAC: [`SecretString`] or
/// [`SecretSlice<u8>`](secrecy::SecretSlice) (and references to them).
///
/// The trait is sealed; the key bytes are reachable only inside this crate,
/// so passing a secret here never exposes it.
pub trait SigningKey: sealed::Sealed {}

impl sealed::Sealed for SecretString {
    fn key_bytes(&self) -> &[u8] {
        self.expose_secret().as_bytes()
    }
}
impl SigningKey for SecretString {}

impl sealed::Sealed for SecretSlice<u8> {
    fn key_bytes(&self) -> &[u8] {
        self.expose_secret()
    }
}
impl SigningKey for SecretSlice<u8> {}

impl<T: SigningKey + ?Sized> sealed::Sealed for &T {
    fn key_bytes(&self) -> &[u8] {
        (**self).key_bytes()
    }
}
impl<T: SigningKey + ?Sized> SigningKey for &T {}

fn hmac_sha1(key: &[u8], body: &[u8]) -> HmacSha1 {
    // HMAC takes keys of any length (long keys are hashed first), so this
    // cannot fail; the fallback keeps the function total without a panic.
    let mut mac = <HmacSha1 as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| <HmacSha1 as KeyInit>::new(&Default::default()));
    mac.update(body);
    mac
}

// ---------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------

/// Why a signature was refused. Every variant means "do not trust this body".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The request has no `X-Hub-Signature` header (or it is empty). Intercom
    /// signs every notification, so an unsigned request did not come from it.
    #[error("missing X-Hub-Signature header")]
    MissingHeader,
    /// The secret to verify with is empty: the client secret is not configured
    /// (an unset environment variable, typically). Refused rather than
    /// computing a signature anyone could forge.
    #[error("the webhook secret is empty; configure the app's client secret")]
    EmptySecret,
    /// The header does not start with `sha1=`.
    #[error("X-Hub-Signature must start with `sha1=`, found `{found}`")]
    WrongPrefix {
        /// What came before the `=` (at most 16 characters; empty when there
        /// is no `=`).
        found: String,
    },
    /// The signature is not hexadecimal.
    #[error("X-Hub-Signature is not hexadecimal")]
    InvalidHex,
    /// The signature has the wrong number of hex digits (truncated header).
    #[error("X-Hub-Signature has {found} hex digits, expected {expected}")]
    WrongLength {
        /// 40: an HMAC-SHA1 is 20 bytes.
        expected: usize,
        /// How many were sent.
        found: usize,
    },
    /// The signature does not match the body: the body was altered, or it was
    /// signed with another secret (check that you use the client secret of
    /// the app the webhook subscription belongs to).
    #[error("X-Hub-Signature does not match the body")]
    Mismatch,
}

/// The `X-Hub-Signature` value Intercom would send for `body`:
/// `sha1=` followed by 40 lowercase hex digits. For tests and fakes.
///
/// ```
/// use secrecy::SecretString;
/// let secret = SecretString::from("Jefe");
/// assert_eq!(
///     intercom_api::webhooks::sign(&secret, b"what do ya want for nothing?"),
///     "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
/// );
/// ```
pub fn sign(secret: &impl SigningKey, body: &[u8]) -> String {
    let tag = hmac_sha1(secret.key_bytes(), body).finalize().into_bytes();
    format!("{PREFIX}={}", hex::encode(tag))
}

/// Check an `X-Hub-Signature` value against the raw body, in constant time.
///
/// The `sha1` prefix and the hex digits may be upper- or lower-case;
/// surrounding whitespace is ignored.
///
/// ```
/// use secrecy::SecretString;
/// use intercom_api::webhooks::{self, VerifyError};
///
/// let secret = SecretString::from("client-secret");
/// let body = br#"{"topic":"ping"}"#;
/// let header = webhooks::sign(&secret, body);
/// assert!(webhooks::verify(&secret, body, &header).is_ok());
/// assert_eq!(webhooks::verify(&secret, b"{}", &header), Err(VerifyError::Mismatch));
/// ```
///
/// # Errors
/// A [`VerifyError`] naming what is wrong: empty header
/// ([`MissingHeader`](VerifyError::MissingHeader)), empty secret, prefix,
/// hex, length, or a signature that does not match.
pub fn verify(
    secret: &impl SigningKey,
    raw_body: &[u8],
    x_hub_signature: &str,
) -> Result<(), VerifyError> {
    let key = secret.key_bytes();
    if key.is_empty() {
        return Err(VerifyError::EmptySecret);
    }
    let header = x_hub_signature.trim();
    if header.is_empty() {
        return Err(VerifyError::MissingHeader);
    }
    let Some((scheme, digits)) = header.split_once('=') else {
        return Err(VerifyError::WrongPrefix {
            found: String::new(),
        });
    };
    if !scheme.trim().eq_ignore_ascii_case(PREFIX) {
        return Err(VerifyError::WrongPrefix {
            found: scheme.chars().take(16).collect(),
        });
    }
    let digits = digits.trim();
    if digits.len() != SIGNATURE_HEX_LEN {
        return Err(VerifyError::WrongLength {
            expected: SIGNATURE_HEX_LEN,
            found: digits.len(),
        });
    }
    let tag = hex::decode(digits).map_err(|_| VerifyError::InvalidHex)?;
    hmac_sha1(key, raw_body)
        .verify_slice(&tag)
        .map_err(|_| VerifyError::Mismatch)
}

/// [`verify`] for a header that may be absent.
///
/// # Errors
/// [`VerifyError::MissingHeader`] for `None`, else as [`verify`].
pub fn verify_header(
    secret: &impl SigningKey,
    raw_body: &[u8],
    x_hub_signature: Option<&str>,
) -> Result<(), VerifyError> {
    verify(
        secret,
        raw_body,
        x_hub_signature.ok_or(VerifyError::MissingHeader)?,
    )
}

/// [`verify`] reading `X-Hub-Signature` from request headers (the
/// `http::HeaderMap` that axum, hyper and reqwest share).
///
/// # Errors
/// As [`verify_header`]; a header value that is not visible ASCII is
/// [`VerifyError::InvalidHex`].
pub fn verify_headers(
    secret: &impl SigningKey,
    raw_body: &[u8],
    headers: &HeaderMap,
) -> Result<(), VerifyError> {
    match headers.get(SIGNATURE_HEADER) {
        None => Err(VerifyError::MissingHeader),
        Some(value) => {
            let value = value.to_str().map_err(|_| VerifyError::InvalidHex)?;
            verify(secret, raw_body, value)
        }
    }
}

/// Verify, then parse. The body is parsed only when the signature is valid.
///
/// # Errors
/// [`WebhookError::Verify`] (answer `401`) or [`WebhookError::Parse`]
/// (answer `400`); [`WebhookError::status`] picks the code.
pub fn verify_and_parse(
    secret: &impl SigningKey,
    raw_body: &[u8],
    x_hub_signature: Option<&str>,
) -> Result<Notification, WebhookError> {
    verify_header(secret, raw_body, x_hub_signature)?;
    Ok(parse(raw_body)?)
}

/// [`verify_and_parse`] reading the signature from request headers.
///
/// # Errors
/// As [`verify_and_parse`].
pub fn verify_and_parse_headers(
    secret: &impl SigningKey,
    raw_body: &[u8],
    headers: &HeaderMap,
) -> Result<Notification, WebhookError> {
    verify_headers(secret, raw_body, headers)?;
    Ok(parse(raw_body)?)
}

/// Holds the client secret for a webhook endpoint; checks it is not empty
/// once, at startup, instead of refusing every request later.
///
/// ```
/// use intercom_api::webhooks::Verifier;
/// # fn run(headers: &reqwest::header::HeaderMap, body: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
/// let verifier = Verifier::new(std::env::var("INTERCOM_CLIENT_SECRET").unwrap_or_default())?;
/// let notification = verifier.verify_and_parse_headers(body, headers)?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Verifier {
    secret: SecretString,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("secret", &"[redacted]")
            .finish()
    }
}

impl Verifier {
    /// A verifier keyed with the app's client secret.
    ///
    /// # Errors
    /// [`VerifyError::EmptySecret`] when the secret is empty or blank.
    pub fn new(client_secret: impl Into<SecretString>) -> Result<Self, VerifyError> {
        let secret = client_secret.into();
        if secret.expose_secret().trim().is_empty() {
            return Err(VerifyError::EmptySecret);
        }
        Ok(Verifier { secret })
    }

    /// See [`verify_header`].
    ///
    /// # Errors
    /// As [`verify_header`].
    pub fn verify(
        &self,
        raw_body: &[u8],
        x_hub_signature: Option<&str>,
    ) -> Result<(), VerifyError> {
        verify_header(&self.secret, raw_body, x_hub_signature)
    }

    /// See [`verify_headers`].
    ///
    /// # Errors
    /// As [`verify_headers`].
    pub fn verify_headers(&self, raw_body: &[u8], headers: &HeaderMap) -> Result<(), VerifyError> {
        verify_headers(&self.secret, raw_body, headers)
    }

    /// See [`verify_and_parse`].
    ///
    /// # Errors
    /// As [`verify_and_parse`].
    pub fn verify_and_parse(
        &self,
        raw_body: &[u8],
        x_hub_signature: Option<&str>,
    ) -> Result<Notification, WebhookError> {
        verify_and_parse(&self.secret, raw_body, x_hub_signature)
    }

    /// See [`verify_and_parse_headers`].
    ///
    /// # Errors
    /// As [`verify_and_parse_headers`].
    pub fn verify_and_parse_headers(
        &self,
        raw_body: &[u8],
        headers: &HeaderMap,
    ) -> Result<Notification, WebhookError> {
        verify_and_parse_headers(&self.secret, raw_body, headers)
    }

    /// See [`sign`].
    pub fn sign(&self, body: &[u8]) -> String {
        sign(&self.secret, body)
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

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

/// A webhook request that must be refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature is missing or wrong: answer `401`.
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// Signed, but not a notification: answer `400`.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

impl WebhookError {
    /// The status to answer with: `401 Unauthorized` for signature problems,
    /// `400 Bad Request` for bodies that do not parse.
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::Verify(_) => StatusCode::UNAUTHORIZED,
            WebhookError::Parse(_) => StatusCode::BAD_REQUEST,
        }
    }
}

impl From<VerifyError> for Error {
    fn from(e: VerifyError) -> Self {
        Error::invalid(SIGNATURE_HEADER, e.to_string())
    }
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Self {
        Error::invalid("webhook body", e.to_string())
    }
}

impl From<WebhookError> for Error {
    fn from(e: WebhookError) -> Self {
        match e {
            WebhookError::Verify(v) => v.into(),
            WebhookError::Parse(p) => p.into(),
        }
    }
}

// ---------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------

macro_rules! topics {
    ($( $(#[$doc:meta])* $variant:ident = $wire:literal $(| $alias:literal)*, )*) => {
        /// A webhook topic: what happened.
        ///
        /// Covers every topic of Intercom's webhook reference for API 2.16
        /// (including `conversation.admin.replied.translated`,
        /// `ticket.admin.replied.translated`, `ticket.admin.snoozed` and
        /// `ticket.admin.unsnoozed`, new in 2.16), the older 1.x topics
        /// (`user.*`, `contact.created`, `contact.signed_up`, ...) that
        /// long-lived subscriptions still receive, and `ping`. Anything else,
        /// such as the Preview-only `audience.*` topics, arrives as
        /// [`Topic::Unknown`] with the name kept verbatim.
        ///
        /// `contact.archived`/`contact.archive` and
        /// `contact.unarchive`/`contact.unarchived` are both spelled both ways
        /// in Intercom's references over time; either spelling parses to the
        /// same variant, and [`as_str`](Topic::as_str) gives the spelling of
        /// the 2.x reference.
        ///
        /// # Topics some guides name but Intercom does not send
        ///
        /// Integration guides sometimes list `conversation.created`,
        /// `conversation.updated`, `conversation.closed`,
        /// `conversation.reopened`, `conversation.assigned` or
        /// `contact.updated`. Intercom has no such topics (they would parse
        /// as [`Topic::Unknown`]). Subscribe to these instead:
        ///
        /// | guide name | real topics |
        /// |---|---|
        /// | `conversation.created` | [`ConversationUserCreated`](Topic::ConversationUserCreated) (a contact started it), [`ConversationAdminSingleCreated`](Topic::ConversationAdminSingleCreated) (a teammate started it) |
        /// | `conversation.closed` | [`ConversationAdminClosed`](Topic::ConversationAdminClosed) |
        /// | `conversation.reopened` | [`ConversationAdminOpened`](Topic::ConversationAdminOpened) (a teammate reopened it), [`ConversationAdminUnsnoozed`](Topic::ConversationAdminUnsnoozed) (a snooze ended); a contact replying to a closed conversation arrives as [`ConversationUserReplied`](Topic::ConversationUserReplied), so check the item's `state` |
        /// | `conversation.assigned` | [`ConversationAdminAssigned`](Topic::ConversationAdminAssigned), [`ConversationAdminOpenAssigned`](Topic::ConversationAdminOpenAssigned) |
        /// | `conversation.updated` | no single topic: the specific ones, e.g. [`ConversationUserReplied`](Topic::ConversationUserReplied), [`ConversationAdminReplied`](Topic::ConversationAdminReplied), [`ConversationAdminNoted`](Topic::ConversationAdminNoted), [`ConversationPriorityUpdated`](Topic::ConversationPriorityUpdated), [`ConversationAdminSnoozed`](Topic::ConversationAdminSnoozed) |
        /// | `contact.updated` | [`ContactUserUpdated`](Topic::ContactUserUpdated), [`ContactLeadUpdated`](Topic::ContactLeadUpdated) |
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Topic {
            $($(#[$doc])* $variant,)*
            /// A topic this version of the crate does not know, kept verbatim.
            Unknown(String),
        }

        impl Topic {
            /// Every topic this crate knows, in the order of Intercom's reference.
            pub const KNOWN: &'static [Topic] = &[$(Topic::$variant,)*];

            /// The topic as Intercom spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Topic::$variant => $wire,)*
                    Topic::Unknown(s) => s,
                }
            }

            fn from_wire(s: &str) -> Topic {
                match s {
                    $($wire $(| $alias)* => Topic::$variant,)*
                    other => Topic::Unknown(other.to_owned()),
                }
            }
        }
    };
}

topics! {
    // Admin
    /// `admin.added_to_workspace`: a teammate joined the workspace.
    AdminAddedToWorkspace = "admin.added_to_workspace",
    /// `admin.away_mode_updated`: a teammate's away mode changed.
    AdminAwayModeUpdated = "admin.away_mode_updated",
    /// `admin.activity_log_event.created`: a teammate activity log entry was recorded.
    AdminActivityLogEventCreated = "admin.activity_log_event.created",
    /// `admin.removed_from_workspace`: a teammate left the workspace.
    AdminRemovedFromWorkspace = "admin.removed_from_workspace",
    /// `admin.logged_in`: a teammate signed in.
    AdminLoggedIn = "admin.logged_in",
    /// `admin.logged_out`: a teammate signed out (or their SSO session expired).
    AdminLoggedOut = "admin.logged_out",
    // Article
    /// `article.created`: a Help Center article was created.
    ArticleCreated = "article.created",
    /// `article.updated`: an article changed.
    ArticleUpdated = "article.updated",
    /// `article.published`: an article went live.
    ArticlePublished = "article.published",
    /// `article.unpublished`: an article was taken down.
    ArticleUnpublished = "article.unpublished",
    /// `article.deleted`: an article was deleted.
    ArticleDeleted = "article.deleted",
    // Call
    /// `call.started`: an Intercom Phone call started.
    CallStarted = "call.started",
    /// `call.ended`: a connected call ended.
    CallEnded = "call.ended",
    /// `call.transcription_available`: a call transcript is ready.
    CallTranscriptionAvailable = "call.transcription_available",
    /// `call.recording_available`: a call recording is ready.
    CallRecordingAvailable = "call.recording_available",
    // Company
    /// `company.created`: a company was created. Item: [`Company`].
    CompanyCreated = "company.created",
    /// `company.deleted`: a company was deleted (minimal payload).
    CompanyDeleted = "company.deleted",
    /// `company.updated`: a company changed. Item: [`Company`].
    CompanyUpdated = "company.updated",
    /// `company.contact.attached`: a contact was attached to a company.
    CompanyContactAttached = "company.contact.attached",
    /// `company.contact.detached`: a contact was detached from a company.
    CompanyContactDetached = "company.contact.detached",
    // Contact (2.x)
    /// `contact.archived` (also spelled `contact.archive`): a contact was archived.
    ContactArchived = "contact.archived" | "contact.archive",
    /// `contact.deleted`: a contact was deleted (minimal payload).
    ContactDeleted = "contact.deleted",
    /// `contact.email.updated`: a contact's email address changed.
    ContactEmailUpdated = "contact.email.updated",
    /// `contact.lead.added_email`: a lead gave an email address.
    ContactLeadAddedEmail = "contact.lead.added_email",
    /// `contact.lead.created`: a lead was created. Item: [`Contact`].
    ContactLeadCreated = "contact.lead.created",
    /// `contact.lead.signed_up`: a lead became a user.
    ContactLeadSignedUp = "contact.lead.signed_up",
    /// `contact.lead.tag.created`: a lead was tagged (item: a `contact_tag`, kept as JSON).
    ContactLeadTagCreated = "contact.lead.tag.created",
    /// `contact.lead.tag.deleted`: a lead was untagged (item: a `contact_tag`).
    ContactLeadTagDeleted = "contact.lead.tag.deleted",
    /// `contact.lead.updated`: a lead changed.
    ContactLeadUpdated = "contact.lead.updated",
    /// `contact.merged`: two contacts were merged; the item is the surviving
    /// contact with an extra `merged_from` field (see [`Notification::data`]).
    ContactMerged = "contact.merged",
    /// `contact.subscribed`: a contact resubscribed to email.
    ContactSubscribed = "contact.subscribed",
    /// `contact.unarchive` (also spelled `contact.unarchived`): a contact was unarchived.
    ContactUnarchived = "contact.unarchive" | "contact.unarchived",
    /// `contact.unsubscribed`: a contact unsubscribed from email.
    ContactUnsubscribed = "contact.unsubscribed",
    /// `contact.user.created`: a user was created. Item: [`Contact`].
    ContactUserCreated = "contact.user.created",
    /// `contact.user.tag.created`: a user was tagged (item: a `contact_tag`).
    ContactUserTagCreated = "contact.user.tag.created",
    /// `contact.user.tag.deleted`: a user was untagged (item: a `contact_tag`).
    ContactUserTagDeleted = "contact.user.tag.deleted",
    /// `contact.user.updated`: a user changed.
    ContactUserUpdated = "contact.user.updated",
    // Contact (1.x names)
    /// `contact.created` (1.x): a lead was created. 2.x sends [`ContactLeadCreated`](Topic::ContactLeadCreated).
    ContactCreated = "contact.created",
    /// `contact.signed_up` (1.x): a lead became a user. 2.x: [`ContactLeadSignedUp`](Topic::ContactLeadSignedUp).
    ContactSignedUp = "contact.signed_up",
    /// `contact.added_email` (1.x): a lead gave an email. 2.x: [`ContactLeadAddedEmail`](Topic::ContactLeadAddedEmail).
    ContactAddedEmail = "contact.added_email",
    /// `contact.tag.created` (1.x): a lead was tagged.
    ContactTagCreated = "contact.tag.created",
    /// `contact.tag.deleted` (1.x): a lead was untagged.
    ContactTagDeleted = "contact.tag.deleted",
    // Content snippets
    /// `content_snippet.created`: a content snippet was created.
    ContentSnippetCreated = "content_snippet.created",
    /// `content_snippet.updated`: a content snippet changed.
    ContentSnippetUpdated = "content_snippet.updated",
    /// `content_snippet.deleted`: a content snippet was deleted.
    ContentSnippetDeleted = "content_snippet.deleted",
    // Content stats
    /// `content_stat.banner`: banner message events (shown, goal, click, ...).
    ContentStatBanner = "content_stat.banner",
    /// `content_stat.carousel`: mobile carousel events.
    ContentStatCarousel = "content_stat.carousel",
    /// `content_stat.chat`: chat message events.
    ContentStatChat = "content_stat.chat",
    /// `content_stat.checklist`: checklist events.
    ContentStatChecklist = "content_stat.checklist",
    /// `content_stat.custom_bot`: custom bot events.
    ContentStatCustomBot = "content_stat.custom_bot",
    /// `content_stat.email`: email events, including bounces and unsubscribes.
    ContentStatEmail = "content_stat.email",
    /// `content_stat.news_item`: news item events.
    ContentStatNewsItem = "content_stat.news_item",
    /// `content_stat.post`: post message events.
    ContentStatPost = "content_stat.post",
    /// `content_stat.push`: push message events.
    ContentStatPush = "content_stat.push",
    /// `content_stat.series`: series campaign events.
    ContentStatSeries = "content_stat.series",
    /// `content_stat.series.webhook`: series webhook events.
    ContentStatSeriesWebhook = "content_stat.series.webhook",
    /// `content_stat.sms`: SMS events.
    ContentStatSms = "content_stat.sms",
    /// `content_stat.survey`: survey events, with answers.
    ContentStatSurvey = "content_stat.survey",
    /// `content_stat.tooltip_group`: tooltip events.
    ContentStatTooltipGroup = "content_stat.tooltip_group",
    /// `content_stat.tour`: product tour events.
    ContentStatTour = "content_stat.tour",
    // Conversations
    /// `conversation.admin.assigned`: a teammate assigned a conversation.
    ConversationAdminAssigned = "conversation.admin.assigned",
    /// `conversation.admin.closed`: a teammate closed a conversation.
    ConversationAdminClosed = "conversation.admin.closed",
    /// `conversation.admin.noted`: a teammate added an internal note.
    ConversationAdminNoted = "conversation.admin.noted",
    /// `conversation.admin.open.assigned`: an open conversation was assigned.
    ConversationAdminOpenAssigned = "conversation.admin.open.assigned",
    /// `conversation.admin.opened`: a teammate (re)opened a conversation.
    ConversationAdminOpened = "conversation.admin.opened",
    /// `conversation.admin.replied`: a teammate replied.
    ConversationAdminReplied = "conversation.admin.replied",
    /// `conversation.admin.replied.translated` (2.16): a teammate's reply was
    /// translated (fires only for replies sent as HTML).
    ConversationAdminRepliedTranslated = "conversation.admin.replied.translated",
    /// `conversation.admin.single.created`: a teammate started a 1:1 conversation.
    ConversationAdminSingleCreated = "conversation.admin.single.created",
    /// `conversation.admin.snoozed`: a teammate snoozed a conversation.
    ConversationAdminSnoozed = "conversation.admin.snoozed",
    /// `conversation.admin.unsnoozed`: a snoozed conversation woke up.
    ConversationAdminUnsnoozed = "conversation.admin.unsnoozed",
    /// `conversation.operator.replied`: Fin or another bot replied.
    ConversationOperatorReplied = "conversation.operator.replied",
    /// `conversation.deleted`: a conversation was deleted (minimal payload).
    ConversationDeleted = "conversation.deleted",
    /// `conversation_part.redacted`: a conversation part was redacted.
    ConversationPartRedacted = "conversation_part.redacted",
    /// `conversation_part.tag.created`: a conversation part was tagged.
    ConversationPartTagCreated = "conversation_part.tag.created",
    /// `conversation.priority.updated`: a conversation's priority changed.
    ConversationPriorityUpdated = "conversation.priority.updated",
    /// `conversation.rating.added`: a contact rated a conversation.
    ConversationRatingAdded = "conversation.rating.added",
    /// `conversation.read`: a contact read a conversation.
    ConversationRead = "conversation.read",
    /// `conversation.user.created`: a contact started a conversation.
    ConversationUserCreated = "conversation.user.created",
    /// `conversation.user.replied`: a contact replied.
    ConversationUserReplied = "conversation.user.replied",
    /// `conversation.contact.attached`: a contact was added to a conversation.
    ConversationContactAttached = "conversation.contact.attached",
    /// `conversation.contact.detached`: a contact was removed from a conversation.
    ConversationContactDetached = "conversation.contact.detached",
    /// `conversation.company.updated`: the company linked to a conversation changed.
    ConversationCompanyUpdated = "conversation.company.updated",
    // Events, API activity, data connectors, jobs
    /// `event.created`: a data event was tracked.
    EventCreated = "event.created",
    /// `api.request.completed`: an API request completed (API activity logs).
    ApiRequestCompleted = "api.request.completed",
    /// `data_connector.execution.completed`: a data connector action finished.
    DataConnectorExecutionCompleted = "data_connector.execution.completed",
    /// `job.completed`: an asynchronous job finished.
    JobCompleted = "job.completed",
    // Ping
    /// `ping`: sent when you ping the subscription from the Developer Hub,
    /// and from time to time by Intercom. Always subscribed.
    Ping = "ping",
    // Subscriptions
    /// `granular.unsubscribe`: a user unsubscribed from a subscription type.
    GranularUnsubscribe = "granular.unsubscribe",
    /// `granular.subscribe`: a user subscribed to a subscription type.
    GranularSubscribe = "granular.subscribe",
    // Tickets
    /// `ticket.created`: a ticket was created. Item: [`Ticket`].
    TicketCreated = "ticket.created",
    /// `ticket.state.updated`: a ticket's state changed.
    TicketStateUpdated = "ticket.state.updated",
    /// `ticket.note.created`: a note was added to a ticket.
    TicketNoteCreated = "ticket.note.created",
    /// `ticket.admin.assigned`: a ticket was assigned to a teammate.
    TicketAdminAssigned = "ticket.admin.assigned",
    /// `ticket.team.assigned`: a ticket was assigned to a team.
    TicketTeamAssigned = "ticket.team.assigned",
    /// `ticket.contact.attached`: a contact was added to a ticket.
    TicketContactAttached = "ticket.contact.attached",
    /// `ticket.contact.detached`: a contact was removed from a ticket.
    TicketContactDetached = "ticket.contact.detached",
    /// `ticket.attribute.updated`: a ticket attribute changed.
    TicketAttributeUpdated = "ticket.attribute.updated",
    /// `ticket.admin.replied`: a teammate replied on a ticket.
    TicketAdminReplied = "ticket.admin.replied",
    /// `ticket.admin.replied.translated` (2.16): a teammate's ticket reply was translated.
    TicketAdminRepliedTranslated = "ticket.admin.replied.translated",
    /// `ticket.admin.snoozed` (2.16): a teammate snoozed a ticket.
    TicketAdminSnoozed = "ticket.admin.snoozed",
    /// `ticket.admin.unsnoozed` (2.16): a snoozed ticket woke up.
    TicketAdminUnsnoozed = "ticket.admin.unsnoozed",
    /// `ticket.contact.replied`: a contact replied on a ticket.
    TicketContactReplied = "ticket.contact.replied",
    /// `ticket.closed`: a ticket's conversation was closed. The ticket is
    /// nested under `data.item.ticket`; [`Item::Ticket`] holds it.
    TicketClosed = "ticket.closed",
    /// `ticket.rating.provided`: a contact rated a ticket.
    TicketRatingProvided = "ticket.rating.provided",
    /// `ticket.resolved`: a ticket's state became resolved.
    TicketResolved = "ticket.resolved",
    // Visitors
    /// `visitor.signed_up`: a visitor became a user.
    VisitorSignedUp = "visitor.signed_up",
    // Users (1.x names)
    /// `user.created` (1.x): a user was created. 2.x: [`ContactUserCreated`](Topic::ContactUserCreated).
    UserCreated = "user.created",
    /// `user.deleted` (1.x): a user was deleted. 2.x: [`ContactDeleted`](Topic::ContactDeleted).
    UserDeleted = "user.deleted",
    /// `user.unsubscribed` (1.x): a user unsubscribed from email.
    UserUnsubscribed = "user.unsubscribed",
    /// `user.email.updated` (1.x): a user's email changed.
    UserEmailUpdated = "user.email.updated",
    /// `user.tag.created` (1.x): a user was tagged.
    UserTagCreated = "user.tag.created",
    /// `user.tag.deleted` (1.x): a user was untagged.
    UserTagDeleted = "user.tag.deleted",
}

impl Topic {
    /// The part before the first dot: `conversation`, `conversation_part`,
    /// `contact`, `ticket`, `ping`, ...
    pub fn family(&self) -> &str {
        let s = self.as_str();
        s.split_once('.').map_or(s, |(family, _)| family)
    }

    /// `true` unless this is [`Topic::Unknown`].
    pub fn is_known(&self) -> bool {
        !matches!(self, Topic::Unknown(_))
    }
}

impl From<&str> for Topic {
    fn from(s: &str) -> Self {
        Topic::from_wire(s)
    }
}

impl std::str::FromStr for Topic {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Topic::from_wire(s))
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Topic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Topic {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Topic::from_wire(&s))
    }
}

// ---------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------

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
    /// or `null` when absent.
    pub data: Value,
}

/// Parse a notification body (without checking its signature: see
/// [`verify_and_parse`]).
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
            Some(Value::String(s)) => Topic::from_wire(s),
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
        let data = obj.remove("data").unwrap_or(Value::Null);
        let item_value = data.get("item").unwrap_or(&Value::Null);
        let item_type = item_value
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let (item, item_error) = decode_item(&topic, item_value);
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

    /// `data.item` as raw JSON, if present.
    pub fn item_json(&self) -> Option<&Value> {
        self.data.get("item").filter(|v| !v.is_null())
    }

    /// Decode `data.item` into your own type.
    ///
    /// # Errors
    /// The serde error when the item does not fit `T` (or is absent).
    pub fn decode_item<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(self.data.get("item").unwrap_or(&Value::Null))
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

/// Decode the item by reference; it is copied only when it stays JSON.
fn decode_item(topic: &Topic, item: &Value) -> (Item, Option<String>) {
    let kind = item.get("type").and_then(Value::as_str);
    // `ticket.closed` (2.15+) nests the ticket under `data.item.ticket`.
    if kind != Some("ticket") && topic.family() == "ticket" {
        if let Some(inner) = item.get("ticket").filter(|t| t.is_object()) {
            return match decode_model(Model::Ticket, inner) {
                Ok(typed) => (typed, None),
                Err(e) => (Item::Json(item.clone()), Some(format!("ticket.{e}"))),
            };
        }
    }
    let model = match kind {
        Some("contact" | "user" | "lead") => Model::Contact,
        Some("company") => Model::Company,
        Some("conversation") => Model::Conversation,
        Some("ticket") => Model::Ticket,
        _ => return (Item::Json(item.clone()), None),
    };
    match decode_model(model, item) {
        Ok(typed) => (typed, None),
        Err(e) => (Item::Json(item.clone()), Some(e)),
    }
}

fn decode_model(model: Model, value: &Value) -> Result<Item, String> {
    /// Decode; only after a failure, decode again tracking the JSON path so
    /// the reason says where (the success path pays nothing for it).
    fn de<T: DeserializeOwned>(v: &Value) -> Result<Box<T>, String> {
        if let Ok(typed) = T::deserialize(v) {
            return Ok(Box::new(typed));
        }
        match serde_path_to_error::deserialize::<_, T>(v) {
            Ok(typed) => Ok(Box::new(typed)),
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                Err(if path == "." {
                    inner.to_string()
                } else {
                    format!("{path}: {inner}")
                })
            }
        }
    }
    Ok(match model {
        Model::Contact => Item::Contact(de(value)?),
        Model::Company => Item::Company(de(value)?),
        Model::Conversation => Item::Conversation(de(value)?),
        Model::Ticket => Item::Ticket(de(value)?),
    })
}

// ---------------------------------------------------------------------------
// Replay guard
// ---------------------------------------------------------------------------

/// Why [`ReplayGuard`] refused a notification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// This notification id was already accepted within the window. Intercom
    /// itself re-sends a notification (same id) when your endpoint failed or
    /// timed out; answer `2xx` to duplicates so it stops.
    #[error("notification {id} was already received")]
    Replayed {
        /// The repeated id.
        id: String,
    },
    /// The notification is older than the guard's `max_age`.
    #[error("notification is {}s old (max {}s)", age.as_secs(), max_age.as_secs())]
    TooOld {
        /// How old it is.
        age: Duration,
        /// The limit.
        max_age: Duration,
    },
    /// The notification claims to be from the future by more than the
    /// allowed clock skew.
    #[error("notification is dated {}s in the future", ahead.as_secs())]
    FromTheFuture {
        /// How far ahead.
        ahead: Duration,
    },
    /// The notification has neither `created_at` nor `first_sent_at`, so its
    /// age cannot be checked.
    #[error("notification has no created_at or first_sent_at")]
    NoTimestamp,
}

#[derive(Debug, Default)]
struct Seen {
    by_id: HashMap<String, SystemTime>,
    order: VecDeque<(SystemTime, String)>,
}

/// Refuses replayed and stale notifications, with bounded memory.
///
/// - A notification whose `id` was accepted less than `window` ago is
///   [`Replayed`](ReplayError::Replayed).
/// - One dated (`created_at`, else `first_sent_at`) more than `max_age` ago is
///   [`TooOld`](ReplayError::TooOld); more than the clock skew (default five
///   minutes) ahead is [`FromTheFuture`](ReplayError::FromTheFuture).
/// - Pings have no id: they are only age-checked.
///
/// At most `capacity` ids are remembered (default 100 000); past that the
/// oldest are forgotten first. Choose `window >= max_age` and a capacity above
/// the notifications you receive per window: then every replay is caught,
/// either by id or by age. Intercom may hold back throttled notifications for
/// up to two hours, so a `max_age` below that can refuse genuine ones.
///
/// The guard is `Sync`: share one behind an `Arc` across request handlers.
/// Time is passed in ([`check`](Self::check)) or read from a
/// [`Clock`], so tests need no sleeping.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use intercom_api::webhooks::{parse, ReplayGuard, ReplayError};
///
/// let guard = ReplayGuard::new(Duration::from_secs(3 * 3600), Duration::from_secs(3 * 3600));
/// let n = parse(br#"{"topic":"ping","id":"notif_1","created_at":1000,"data":{}}"#)?;
/// let now = UNIX_EPOCH + Duration::from_secs(1060);
/// assert!(guard.check(&n, now).is_ok());
/// assert!(matches!(guard.check(&n, now), Err(ReplayError::Replayed { .. })));
/// # Ok::<(), intercom_api::webhooks::ParseError>(())
/// ```
#[derive(Debug)]
pub struct ReplayGuard {
    window: Duration,
    max_age: Duration,
    max_skew: Duration,
    capacity: usize,
    seen: Mutex<Seen>,
}

impl ReplayGuard {
    /// Remember ids for `window`; refuse notifications older than `max_age`.
    pub fn new(window: Duration, max_age: Duration) -> Self {
        ReplayGuard {
            window,
            max_age,
            max_skew: Duration::from_secs(300),
            capacity: 100_000,
            seen: Mutex::new(Seen::default()),
        }
    }

    /// Remember at most this many ids (at least 1).
    pub fn capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity.max(1);
        self
    }

    /// How far in the future a notification may be dated (default 5 minutes).
    pub fn clock_skew(mut self, skew: Duration) -> Self {
        self.max_skew = skew;
        self
    }

    /// Check a notification at time `now` and, if accepted, remember its id.
    ///
    /// If you then fail to process it, call [`forget`](Self::forget) so that
    /// Intercom's retry is accepted.
    ///
    /// # Errors
    /// A [`ReplayError`] when the notification must be refused.
    pub fn check(&self, notification: &Notification, now: SystemTime) -> Result<(), ReplayError> {
        let sent = notification.sent_at().ok_or(ReplayError::NoTimestamp)?;
        match now.duration_since(sent) {
            Ok(age) if age > self.max_age => {
                return Err(ReplayError::TooOld {
                    age,
                    max_age: self.max_age,
                });
            }
            Ok(_) => {}
            Err(ahead) => {
                let ahead = ahead.duration();
                if ahead > self.max_skew {
                    return Err(ReplayError::FromTheFuture { ahead });
                }
            }
        }
        let Some(id) = &notification.id else {
            return Ok(());
        };
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        self.prune(&mut seen, now);
        if let Some(&at) = seen.by_id.get(id) {
            if within(at, now, self.window) {
                return Err(ReplayError::Replayed { id: id.clone() });
            }
        }
        seen.by_id.insert(id.clone(), now);
        seen.order.push_back((now, id.clone()));
        while seen.by_id.len() > self.capacity {
            let Some((at, old)) = seen.order.pop_front() else {
                break;
            };
            if seen.by_id.get(&old) == Some(&at) {
                seen.by_id.remove(&old);
            }
        }
        if seen.order.len() > self.capacity.saturating_mul(2) {
            let Seen { by_id, order } = &mut *seen;
            order.retain(|(at, id)| by_id.get(id) == Some(at));
        }
        Ok(())
    }

    /// [`check`](Self::check) at `SystemTime::now()`.
    ///
    /// # Errors
    /// As [`check`](Self::check).
    pub fn check_now(&self, notification: &Notification) -> Result<(), ReplayError> {
        self.check(notification, SystemTime::now())
    }

    /// [`check`](Self::check) at the clock's time.
    ///
    /// # Errors
    /// As [`check`](Self::check).
    pub fn check_with_clock(
        &self,
        notification: &Notification,
        clock: &dyn Clock,
    ) -> Result<(), ReplayError> {
        self.check(notification, clock.now())
    }

    /// Forget an id, so the next delivery with it is accepted (call this when
    /// processing a checked notification failed).
    pub fn forget(&self, id: &str) {
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        seen.by_id.remove(id);
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_id
            .len()
    }

    /// `true` when no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn prune(&self, seen: &mut Seen, now: SystemTime) {
        while let Some((at, _)) = seen.order.front() {
            if within(*at, now, self.window) {
                break;
            }
            let Some((at, id)) = seen.order.pop_front() else {
                break;
            };
            if seen.by_id.get(&id) == Some(&at) {
                seen.by_id.remove(&id);
            }
        }
    }
}

/// `true` when `at` is less than `window` before `now` (or after it).
fn within(at: SystemTime, now: SystemTime, window: Duration) -> bool {
    match now.duration_since(at) {
        Ok(elapsed) => elapsed < window,
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_topic_round_trips() {
        for t in Topic::KNOWN {
            assert_eq!(&Topic::from(t.as_str()), t, "{t}");
            assert!(t.is_known());
        }
        let mut names: Vec<&str> = Topic::KNOWN.iter().map(Topic::as_str).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate topic names");
    }

    #[test]
    fn aliases_and_unknowns() {
        assert_eq!(Topic::from("contact.archive"), Topic::ContactArchived);
        assert_eq!(Topic::from("contact.unarchived"), Topic::ContactUnarchived);
        assert_eq!(
            Topic::from("conversation.closed"),
            Topic::Unknown("conversation.closed".into())
        );
        assert_eq!(
            Topic::ConversationPartRedacted.family(),
            "conversation_part"
        );
        assert_eq!(Topic::Ping.family(), "ping");
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

    #[test]
    fn replay_memory_is_bounded() {
        let guard =
            ReplayGuard::new(Duration::from_secs(3600), Duration::from_secs(3600)).capacity(3);
        let now = UNIX_EPOCH + Duration::from_secs(10_000);
        for i in 0..10 {
            let n = Notification::from_value(serde_json::json!({
                "topic": "ping", "id": format!("n{i}"), "created_at": 10_000
            }))
            .expect("parse");
            guard.check(&n, now).expect("fresh");
        }
        assert_eq!(guard.len(), 3);
        let seen = guard.seen.lock().expect("lock");
        assert!(seen.order.len() <= 6);
    }
}
