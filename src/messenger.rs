//! The Messenger: identity verification (`user_hash`) and the
//! `window.intercomSettings` object a page boots the Messenger with.
//!
//! With identity verification on, Intercom only trusts a logged-in user's
//! `user_id` or `email` when it comes with a `user_hash`: the HMAC-SHA256, in
//! lowercase hex, of that `user_id` (or of the `email` when there is no
//! `user_id`), keyed with the workspace's identity verification secret
//! (Settings → Channels → Messenger → Security). Compute it on your server;
//! the secret must never reach the browser.
//!
//! ```
//! use intercom_api::{Region, messenger::MessengerSettings};
//! use secrecy::SecretString;
//!
//! # fn run() -> Result<(), intercom_api::Error> {
//! let secret = SecretString::from(std::env::var("INTERCOM_IDENTITY_SECRET").unwrap_or("dev-secret".into()));
//! let settings = MessengerSettings::new("a86dr8yl")
//!     .region(Region::Eu)
//!     .user_id("user-42")
//!     .email("ada@example.com")
//!     .name("Ada Lovelace")
//!     .created_at(1_718_000_000)
//!     .attribute("plan", "pro")?
//!     .identity_verified(&secret)?;
//! // In your HTML template, inside a <script> element:
//! let script = settings.to_script();
//! assert!(script.starts_with("window.intercomSettings = {\"app_id\":\"a86dr8yl\""));
//! # Ok(()) }
//! ```

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::client::Region;
use crate::error::Error;
use crate::resources::contacts::{MAX_CUSTOM_ATTRIBUTE_NAME, MAX_CUSTOM_ATTRIBUTE_STRING};
pub use crate::webhooks::SigningKey;

type HmacSha256 = Hmac<Sha256>;

/// The Messenger's `user_hash` for a `user_id` (or, for users without one,
/// an email address): HMAC-SHA256 in lowercase hex, keyed with the identity
/// verification secret.
///
/// Hash exactly the string you send as `user_id` (or `email`): when you send
/// both, Intercom checks the hash against `user_id`.
///
/// ```
/// use secrecy::SecretString;
/// let secret = SecretString::from("s3cr3t-identity-key");
/// let hash = intercom_api::messenger::user_hash(&secret, "user-42")?;
/// assert_eq!(hash, "ae63536bce0e26ffc7910bf63a4d5b5b0c0c0d88cd0b8c7026421c566ff72f76");
/// # Ok::<(), intercom_api::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when the secret is empty or only whitespace (an
/// unset environment variable would otherwise produce hashes Intercom
/// rejects) or the
/// identifier is empty. The secret never appears in the error.
pub fn user_hash(secret: &impl SigningKey, user_id_or_email: &str) -> Result<String, Error> {
    let key = secret.key_bytes();
    if crate::webhooks::is_blank(key) {
        return Err(Error::invalid(
            "secret",
            "the identity verification secret is empty",
        ));
    }
    if user_id_or_email.is_empty() {
        return Err(Error::invalid(
            "user_id_or_email",
            "cannot compute a user_hash for an empty identifier",
        ));
    }
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(key)
        .map_err(|_| Error::invalid("secret", "unusable HMAC key"))?;
    mac.update(user_id_or_email.as_bytes());
    Ok(hex::encode(mac.finalize().into_bytes()))
}

/// The Messenger's `api_base` for a region: `https://api-iam.intercom.io`
/// (US), `https://api-iam.eu.intercom.io` (EU), `https://api-iam.au.intercom.io`
/// (Australia). Not the REST API host.
pub fn api_base(region: Region) -> &'static str {
    match region {
        Region::Us => "https://api-iam.intercom.io",
        Region::Eu => "https://api-iam.eu.intercom.io",
        Region::Au => "https://api-iam.au.intercom.io",
    }
}

/// Keys with a typed setter; [`MessengerSettings::attribute`] refuses them.
const RESERVED: &[&str] = &[
    "app_id",
    "api_base",
    "user_id",
    "email",
    "name",
    "created_at",
    "user_hash",
    "custom_launcher_selector",
    "hide_default_launcher",
];

/// The `window.intercomSettings` object: the workspace, the logged-in user,
/// and any custom attributes. Unset fields are left out.
///
/// Serialize it with [`to_script_json`](Self::to_script_json) (safe to put
/// inside a `<script>` element) or [`to_json`](Self::to_json).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessengerSettings {
    app_id: String,
    api_base: Option<String>,
    user_id: Option<String>,
    email: Option<String>,
    name: Option<String>,
    created_at: Option<i64>,
    user_hash: Option<String>,
    custom_launcher_selector: Option<String>,
    hide_default_launcher: Option<bool>,
    attributes: Map<String, Value>,
}

impl MessengerSettings {
    /// Settings for the workspace `app_id` (the Messenger's app id, also
    /// `GET /me`'s `app.id_code`).
    pub fn new(app_id: impl Into<String>) -> Self {
        MessengerSettings {
            app_id: app_id.into(),
            ..MessengerSettings::default()
        }
    }

    /// Set `api_base` for a region (see [`api_base`]). Workspaces hosted in
    /// the EU or Australia need it; the US is the default.
    pub fn region(mut self, region: Region) -> Self {
        self.api_base = Some(api_base(region).to_owned());
        self
    }

    /// Set `api_base` to any URL.
    pub fn api_base(mut self, url: impl Into<String>) -> Self {
        self.api_base = Some(url.into());
        self
    }

    /// Your id for the logged-in user.
    pub fn user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }

    /// The user's email address.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// The user's full name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// When the user signed up (unix seconds).
    pub fn created_at(mut self, unix_seconds: i64) -> Self {
        self.created_at = Some(unix_seconds);
        self
    }

    /// A `user_hash` computed elsewhere. See also
    /// [`identity_verified`](Self::identity_verified).
    pub fn user_hash(mut self, hash: impl Into<String>) -> Self {
        self.user_hash = Some(hash.into());
        self
    }

    /// A CSS selector for your own element that opens the Messenger.
    pub fn custom_launcher_selector(mut self, selector: impl Into<String>) -> Self {
        self.custom_launcher_selector = Some(selector.into());
        self
    }

    /// Hide the default launcher bubble (usually with a custom launcher).
    pub fn hide_default_launcher(mut self, hide: bool) -> Self {
        self.hide_default_launcher = Some(hide);
        self
    }

    /// A custom data attribute (or another Messenger setting without a typed
    /// setter), sent as a top-level key.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the name is empty, longer than 190
    /// characters, or one of the typed keys (`email`, `user_hash`, ...), or
    /// a string value is longer than 255 characters.
    pub fn attribute(
        mut self,
        name: impl Into<String>,
        value: impl Into<Value>,
    ) -> Result<Self, Error> {
        let name = name.into();
        let value = value.into();
        if name.trim().is_empty() {
            return Err(Error::invalid("attribute", "the attribute name is empty"));
        }
        if name.chars().count() > MAX_CUSTOM_ATTRIBUTE_NAME {
            return Err(Error::invalid(
                format!("attribute.{name}"),
                format!("names are limited to {MAX_CUSTOM_ATTRIBUTE_NAME} characters"),
            ));
        }
        if RESERVED.contains(&name.as_str()) {
            return Err(Error::invalid(
                format!("attribute.{name}"),
                format!("`{name}` has its own setter on MessengerSettings"),
            ));
        }
        if let Value::String(s) = &value {
            if s.chars().count() > MAX_CUSTOM_ATTRIBUTE_STRING {
                return Err(Error::invalid(
                    format!("attribute.{name}"),
                    format!(
                        "string values are limited to {MAX_CUSTOM_ATTRIBUTE_STRING} characters"
                    ),
                ));
            }
        }
        self.attributes.insert(name, value);
        Ok(self)
    }

    /// Fill `user_hash` from the identity verification secret: the hash of
    /// `user_id` when set, else of `email`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when neither `user_id` nor `email` is set
    /// (anonymous visitors are not verified), or the secret is empty.
    pub fn identity_verified(mut self, secret: &impl SigningKey) -> Result<Self, Error> {
        let identifier = self
            .user_id
            .as_deref()
            .or(self.email.as_deref())
            .ok_or_else(|| {
                Error::invalid(
                    "user_id",
                    "identity verification needs a user_id or an email",
                )
            })?;
        self.user_hash = Some(user_hash(secret, identifier)?);
        Ok(self)
    }

    /// The fields that are set, in a fixed order: `app_id`, the typed
    /// settings, then the attributes (by name).
    fn entries(&self) -> Vec<(&str, Value)> {
        let mut out: Vec<(&str, Value)> = vec![("app_id", Value::String(self.app_id.clone()))];
        let typed: [(&str, Option<Value>); 8] = [
            ("api_base", self.api_base.clone().map(Value::String)),
            ("user_id", self.user_id.clone().map(Value::String)),
            ("email", self.email.clone().map(Value::String)),
            ("name", self.name.clone().map(Value::String)),
            ("created_at", self.created_at.map(Value::from)),
            ("user_hash", self.user_hash.clone().map(Value::String)),
            (
                "custom_launcher_selector",
                self.custom_launcher_selector.clone().map(Value::String),
            ),
            (
                "hide_default_launcher",
                self.hide_default_launcher.map(Value::Bool),
            ),
        ];
        out.extend(typed.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
        out.extend(self.attributes.iter().map(|(k, v)| (k.as_str(), v.clone())));
        out
    }

    /// The settings as a JSON object; unset fields are left out.
    pub fn to_json(&self) -> Value {
        Value::Object(
            self.entries()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// The JSON text, escaped so it can sit inside an HTML `<script>` element:
    /// `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, so a
    /// name like `</script>` cannot end the script.
    ///
    /// Keys come in a fixed order: `app_id`, the typed settings, then the
    /// attributes.
    pub fn to_script_json(&self) -> String {
        let mut raw = String::from("{");
        for (i, (k, v)) in self.entries().into_iter().enumerate() {
            if i > 0 {
                raw.push(',');
            }
            raw.push_str(&Value::String(k.to_owned()).to_string());
            raw.push(':');
            raw.push_str(&v.to_string());
        }
        raw.push('}');
        let mut out = String::with_capacity(raw.len() + 16);
        for c in raw.chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                c => out.push(c),
            }
        }
        out
    }

    /// `window.intercomSettings = {…};`, for a `<script>` element before the
    /// Messenger loader.
    pub fn to_script(&self) -> String {
        format!("window.intercomSettings = {};", self.to_script_json())
    }
}

impl serde::Serialize for MessengerSettings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let entries = self.entries();
        let mut map = s.serialize_map(Some(entries.len()))?;
        for (k, v) in &entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
